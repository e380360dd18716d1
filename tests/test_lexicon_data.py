"""The word lists and patterns moved out of code load from the data files and behave as sets."""

from __future__ import annotations

import re

from claimwatch.extract import mentions, perpetrator, roles
from claimwatch.extract.lexicon import CuePattern, CueWords, lexicon


def test_cue_sections_hold_lower_case_word_lists_or_patterns() -> None:
    cues = lexicon().cues
    for section in ("roles", "perpetrator", "mentions", "triggers", "wikievents", "acled"):
        for key, value in cues[section].items():
            if isinstance(value, str):
                re.compile(value)
                continue
            assert value and all(w == w.lower().strip() for w in value), (section, key)


def test_cue_words_read_like_a_frozenset() -> None:
    assert "kill" in roles.CASUALTY_VERBS and "banana" not in roles.CASUALTY_VERBS
    assert "send" in perpetrator.SEND_LEMMAS and "say" in mentions.REPORTING_LEMMAS
    merged = roles.SETTLEMENT_HEADS | {"city"}
    assert isinstance(merged, frozenset) and {"city", "village"} <= merged
    assert len(CueWords("roles", "holding_words")) == len(set(roles.HOLDING_WORDS))


def test_cue_pattern_compiles_on_use() -> None:
    found = CuePattern("roles", "offset_before", re.IGNORECASE).search("hit 12 KM north of ")
    assert found is not None and found.group("offset") == "12 KM north of"


def test_claims_cues_load_from_the_claims_lexicon() -> None:
    from claimwatch.claims import assertions

    assert assertions._HABITUAL.search("the militia has repeatedly shelled the road")
    assert not assertions._HABITUAL.search("the militia shelled the road on monday")
    assert assertions._OWN_FORCES.search("we struck the depot at dawn")
    assert "troops" in assertions._MILITARY_HEADS and "people" in assertions._GENERIC_VICTIMS
