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
    trigger_arguments,
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
    score_document(doc, [event], _parsed(doc), counts, triggers="system")
    # "Gunmen ..." has the Attacker's head; "The station" is only written in sentence 2,
    # a mention coreferent with the gold Target "a police station": coref credit only.
    assert counts.gold == 2 and counts.predicted == 2
    assert (counts.cls, counts.cls_coref) == (1, 1)


def test_an_unlinked_gold_event_counts_its_arguments_as_missed() -> None:
    doc = WikiDoc.from_record(_record(), [])
    counts = ArgCounts()
    score_document(doc, [], _parsed(doc), counts, triggers="system")
    assert (counts.gold, counts.predicted, counts.cls) == (2, 0, 0)


def test_broken_line_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "dev.jsonl"
    path.write_text('{"doc_id": "x"}\n')
    with pytest.raises(RecordError, match="line 1"):
        load_wikievents(path)


def _one_sentence_doc(sentence: str, trigger: str, event_type: str) -> tuple[WikiDoc, dict]:
    words = sentence.split()
    offsets, pos = [], 0
    for w in words:
        offsets.append((pos, pos + len(w)))
        pos += len(w) + 1
    i = words.index(trigger)
    gold = {"id": "e", "event_type": event_type, "arguments": [],
            "trigger": {"start": i, "end": i + 1, "text": trigger, "sent_idx": 0}}
    return WikiDoc("t", sentence, words, offsets, {}, [gold]), gold


def _arguments(sentence: str, trigger: str, event_type: str) -> set[tuple[str, str]]:
    doc, gold = _one_sentence_doc(sentence, trigger, event_type)
    parsed = _parsed(doc)
    return {(parsed[i].text, role) for i, role in trigger_arguments(doc, gold, parsed)}


def test_gold_trigger_attack_gets_attacker_target_and_place() -> None:
    found = _arguments("In Kalo , rebel gunmen attacked a police station on Monday .",
                       "attacked", "Conflict.Attack.Unspecified")
    assert ("gunmen", "Attacker") in found
    assert ("station", "Target") in found
    assert ("Kalo", "Place") in found


def test_subject_of_an_explosion_verb_is_the_device_not_the_attacker() -> None:
    found = _arguments("A car bomb exploded outside the town hall .", "exploded",
                       "Conflict.Attack.DetonateExplode")
    assert ("bomb", "ExplosiveDevice") in found
    assert not any(role == "Attacker" for _, role in found)


def test_the_dead_are_victims_and_conjoined_victims_count() -> None:
    found = _arguments("Three farmers and two teachers were killed .", "killed",
                       "Life.Die.Unspecified")
    assert {("farmers", "Victim"), ("teachers", "Victim")} <= found
    assert not any(role == "Killer" for _, role in found)


def test_system_trigger_mode_still_links_claimwatch_events() -> None:
    doc = WikiDoc.from_record(_record(), [])
    counts = ArgCounts()
    score_document(doc, [], _parsed(doc), counts, triggers="system")
    assert counts.predicted == 0 and counts.gold == 2
