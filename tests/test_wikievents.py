"""WikiEvents argument scoring: linking gold triggers to claimwatch events, head matching."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimwatch.errors import RecordError
from claimwatch.evaluate.wikievents import (
    ArgCounts,
    WikiDoc,
    load_wikievents,
    roles_for,
    score_document,
)
from claimwatch.model import Actor, Event, Explanation, Target

SENTENCES = [
    "Gunmen from the Northern Front attacked a police station in Kalo .",
    "The station was badly damaged .",
]


def _record() -> dict[str, object]:
    sentences, tokens, pos = [], [], 0
    for sent in SENTENCES:
        toks = []
        for word in sent.split():
            toks.append([word, pos, pos + len(word)])
            pos += len(word) + 1
        sentences.append([toks, sent])
        tokens += [t[0] for t in toks]
    ents = [
        {"id": "d-T1", "start": 0, "end": 5, "text": "Gunmen from the Northern Front"},
        {"id": "d-T2", "start": 6, "end": 9, "text": "a police station"},
        {"id": "d-T3", "start": 12, "end": 14, "text": "The station"},
    ]
    event = {"id": "d-E1", "event_type": "Conflict.Attack.Unspecified",
             "trigger": {"start": 5, "end": 6, "text": "attacked", "sent_idx": 0},
             "arguments": [{"entity_id": "d-T1", "role": "Attacker", "text": "Gunmen"},
                           {"entity_id": "d-T2", "role": "Target", "text": "station"}]}
    return {"doc_id": "d", "tokens": tokens, "sentences": sentences, "entity_mentions": ents,
            "event_mentions": [event]}


def _parsed(doc: WikiDoc) -> object:
    from spacy.tokens import Doc

    from claimwatch.nlp import load_nlp

    nlp = load_nlp()
    return nlp(Doc(nlp.vocab, words=doc.tokens))


def test_only_attack_death_and_injury_roles_are_scored() -> None:
    assert set(roles_for("Conflict.Attack.DetonateExplode")) == {
        "Attacker", "Target", "ExplosiveDevice", "Place"}
    assert "Victim" in roles_for("Life.Die.Unspecified")
    assert roles_for("Contact.Contact.Broadcast") == {}


def test_heads_match_and_coreferent_mentions_count_for_coref_f1() -> None:
    doc = WikiDoc.from_record(_record(), [["d-T2", "d-T3"]])
    event = Event("e", attack_types=["shooting"],
                  actors=[Actor("Gunmen from the Northern Front", "perpetrator")],
                  targets=[Target("The station", "government")],
                  explanations=[Explanation("attack_types", "verb", sentence=SENTENCES[0])])
    counts = ArgCounts()
    score_document(doc, [event], _parsed(doc), counts)
    # "Gunmen ..." has the Attacker's head; "The station" is only written in sentence 2,
    # a mention coreferent with the gold Target "a police station": coref credit only.
    assert counts.gold == 2 and counts.predicted == 2
    assert (counts.cls, counts.cls_coref) == (1, 1)


def test_an_unlinked_gold_event_counts_its_arguments_as_missed() -> None:
    doc = WikiDoc.from_record(_record(), [])
    counts = ArgCounts()
    score_document(doc, [], _parsed(doc), counts)
    assert (counts.gold, counts.predicted, counts.cls) == (2, 0, 0)


def test_broken_line_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "dev.jsonl"
    path.write_text('{"doc_id": "x"}\n')
    with pytest.raises(RecordError, match="line 1"):
        load_wikievents(path)
