"""Speaker naming, coreference and attachment on invented reports (claims stage)."""

from __future__ import annotations

import datetime as dt

from claimwatch.claims.assertions import annotate_claims
from claimwatch.model import Document, Mention, Place, Span
from claimwatch.nlp.loader import load_nlp
from test_assertions import analyse, find, stances_of


def test_group_spokesman_speaks_for_the_group() -> None:
    text = ("Rockets hit the port of Ashdod on Monday. A Houthi spokesman said the movement "
            "had fired the rockets at the port.")
    (m,) = analyse(text, {"trigger": "hit", "perpetrator": "Houthis", "iso3": "ISR"})
    assert ("perpetrator", "claims") in stances_of(m, "Houthis")
    assert not find(m, "spokesman")


def test_state_spokesman_keeps_his_name() -> None:
    text = ("A drone struck a fuel depot near Taba on Friday. Egypt's military spokesman, "
            "Colonel Amr Fathy Nasser, said the drone had been fired from the south.")
    (m,) = analyse(text, {"trigger": "struck", "iso3": "EGY"})
    assert find(m, "Amr Fathy Nasser")


def test_bare_surname_refers_to_the_person_named_earlier() -> None:
    text = ("A bomb killed two officers at a checkpoint in Garissa on Monday, said Peter Kamau, "
            "the police commander in Garissa.\n\n"
            "Kamau said a third officer died in hospital.")
    (m,) = analyse(text, {"trigger": "killed", "iso3": "KEN", "place": "Garissa"})
    names = {a.speaker for a in m.assertions}
    assert "Peter Kamau" in names and "Kamau" not in names
    assert all(a.speaker_role == "target_state" for a in find(m, "Kamau"))


def test_a_later_historical_mention_does_not_take_an_earlier_paragraph() -> None:
    text = ("A bomb went off in a hotel in Wajir on Monday, killing three people, police said.\n\n"
            "The county governor condemned the cowardly terrorist attack.\n\n"
            "In 2019, gunmen abducted two engineers in Wajir.")
    sdoc = load_nlp()(text)
    mentions = []
    for word, role, extra in (("went off", "new", None), ("abducted", "historical", "The county")):
        start = text.index(word)
        sent = next(s for s in sdoc.sents if s.start_char <= start < s.end_char)
        spans = [Span(sent.start_char, sent.end_char, sent.text)]
        if extra:   # the extraction gave the later mention the governor's sentence too
            e_start = text.index(extra)
            spans.append(Span(e_start, text.index("\n", e_start), extra))
        mentions.append(Mention(document_id="doc1", trigger=Span(start, start + len(word), word),
                                sentences=spans, mention_role=role,
                                place=Place("Wajir", iso3="KEN")))
    annotate_claims(Document("doc1", text, dt.date(2024, 3, 6)), sdoc, mentions)
    new, old = mentions
    assert find(new, "governor")
    assert not find(old, "governor")
