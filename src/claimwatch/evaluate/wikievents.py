"""``claimwatch eval wikievents``: argument extraction scored as Li, Ji & Han (NAACL 2021) do.

The benchmark gives gold event triggers and asks for their arguments. By default
(``--triggers gold``, the published setting) each gold trigger of an attack-related type
gets its arguments from the parse rules claimwatch applies to its own triggers
(:func:`trigger_arguments`). With ``--triggers system`` claimwatch finds its own events and
each gold event is *linked* to the claimwatch event whose sentences contain its trigger
(nearest trigger sentence first), inheriting that event's arguments, mapped to KAIROS
roles:

    Conflict.Attack.*   Attacker <- perpetrators; Target <- targets and victims;
                        Instrument (ExplosiveDevice for DetonateExplode) <- weapons;
                        Place <- place (as written, from the location explanation,
                        then the gazetteer's name)
    Life.Die.*          Victim <- victims; Killer <- perpetrators; Place <- place
    Life.Injure.*       Victim <- victims; Injurer <- perpetrators;
                        Instrument <- weapons; Place <- place

Only gold arguments of those roles are scored (roles claimwatch has no field for, such as
MedicalIssue or BodyPart, are left out, and so are other event types). Each predicted
string is placed at its occurrence nearest the trigger, reduced to its syntactic head,
and compared with the gold argument's head (after dropping a leading article), as the
reference scorer does. Coref F1 also credits a head that belongs to the same coreference
cluster as a gold argument (heads on both sides; the reference compares whole spans).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimwatch.errors import PipelineError, RecordError
from claimwatch.evaluate.muc4_metrics import PRF
from claimwatch.extract.lexicon import CueWords
from claimwatch.model import Event

ROLE_SOURCES: dict[str, dict[str, tuple[str, ...]]] = {
    "Conflict.Attack": {"Attacker": ("perpetrators",), "Target": ("targets", "victims"),
                        "Instrument": ("weapons",), "ExplosiveDevice": ("weapons",),
                        "Place": ("place",)},
    "Life.Die": {"Victim": ("victims", "person_targets"), "Killer": ("perpetrators",),
                 "Place": ("place",)},
    "Life.Injure": {"Victim": ("victims", "person_targets"), "Injurer": ("perpetrators",),
                    "Instrument": ("weapons",), "Place": ("place",)},
}
ARTICLES = {"the", "a", "an"}


def family(event_type: str) -> str:
    return ".".join(event_type.split(".")[:2])


def roles_for(event_type: str) -> dict[str, tuple[str, ...]]:
    """The scored roles of a KAIROS event type and the claimwatch fields that fill them."""
    roles = dict(ROLE_SOURCES.get(family(event_type), {}))
    if event_type.endswith("DetonateExplode"):
        roles.pop("Instrument", None)
    else:
        roles.pop("ExplosiveDevice", None)
    return roles


@dataclass
class WikiDoc:
    """One WikiEvents document with its text rebuilt and token offsets into it."""

    doc_id: str
    text: str
    tokens: list[str]
    offsets: list[tuple[int, int]]
    entities: dict[str, tuple[int, int]]
    events: list[dict[str, Any]]
    clusters: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_record(cls, rec: dict[str, Any], clusters: list[list[str]]) -> WikiDoc:
        # token offsets count one character between sentences: a newline keeps them valid
        text = "\n".join(s[1] for s in rec["sentences"])
        offsets = [(int(t[1]), int(t[2])) for s in rec["sentences"] for t in s[0]]
        tokens = [str(t[0]) for s in rec["sentences"] for t in s[0]]
        entities = {e["id"]: (int(e["start"]), int(e["end"])) for e in rec["entity_mentions"]}
        canonical = {eid: c[0] for c in clusters for eid in c}
        return cls(rec["doc_id"], text, tokens, offsets, entities, rec["event_mentions"],
                   canonical)


def load_wikievents(path: Path) -> list[WikiDoc]:
    """``dev.jsonl`` and the ``coref_<split>.jsonl`` beside it (if present)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise RecordError(f"cannot read WikiEvents file: {exc}", source=str(path)) from exc
    coref_path = path.with_name(f"coref_{path.stem}.jsonl")
    clusters: dict[str, list[list[str]]] = {}
    if coref_path.exists():
        for line in coref_path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                clusters[rec["doc_key"]] = rec["clusters"]
    docs = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            docs.append(WikiDoc.from_record(rec, clusters.get(rec["doc_id"], [])))
        except (json.JSONDecodeError, KeyError, TypeError, IndexError) as exc:
            raise RecordError(f"line {lineno} is not a WikiEvents document ({exc})",
                              source=str(path)) from exc
    return docs


def find_head(start: int, end: int, parsed: Any) -> int:
    """The reference scorer's head: climb from the first token while the head stays inside."""
    cur = start
    while start <= parsed[cur].head.i <= end and parsed[cur].head.i != cur:
        cur = parsed[cur].head.i
    return cur


def event_spans(event: Event, text: str) -> list[tuple[int, int]]:
    """Where an event's sentences sit in the text (from its explanations)."""
    spans = []
    for exp in event.explanations:
        if exp.sentence:
            pos = text.find(exp.sentence)
            if pos >= 0:
                spans.append((pos, pos + len(exp.sentence)))
    return spans


def event_strings(event: Event, source: str) -> list[list[str]]:
    """The values of one claimwatch field, each as its alternative spellings (best first)."""
    if source == "perpetrators":
        return [[a.name, *a.aliases] for a in event.perpetrators]
    if source == "targets":
        return [[t.text] for t in event.targets]
    if source == "victims":
        return [[v.text] for v in event.victims]
    if source == "person_targets":  # people the extractor filed as targets
        from claimwatch.evaluate.muc4_mapping import is_person

        return [[t.text] for t in event.targets if is_person(t.text, t.text)]
    if source == "weapons":
        return [[w] for w in event.weapons]
    # the place as the report writes it ("Helmand Province") before the gazetteer's name
    written = [x.detail for x in event.explanations
               if x.field == "location" and x.rule.startswith("place phrase") and x.detail]
    names = written + ([event.location.name] if event.location else [])
    return [names] if names else []


LINK_WINDOW_CHARS = 250


def link_events(doc: WikiDoc, events: Sequence[Event]) -> dict[int, Event]:
    """Gold event index -> the claimwatch event whose sentences hold or are nearest its trigger.

    A trigger inside an event's sentence links to it; otherwise to the event with the
    nearest sentence within ``LINK_WINDOW_CHARS`` (the next or previous sentence, which
    usually tells of the same incident: "...exploded. Two people died.").
    """
    spans = [(ev, event_spans(ev, doc.text)) for ev in events]
    linked: dict[int, Event] = {}
    for i, gold in enumerate(doc.events):
        if not roles_for(gold["event_type"]):
            continue
        pos = doc.offsets[gold["trigger"]["start"]][0]
        near = [(0 if s <= pos < e else min(abs(pos - s), abs(pos - e)), ev)
                for ev, sp in spans for s, e in sp]
        near = [n for n in near if n[0] <= LINK_WINDOW_CHARS]
        if near:
            linked[i] = min(near, key=lambda h: h[0])[1]
    return linked


def token_span(doc: WikiDoc, start_char: int, end_char: int) -> tuple[int, int] | None:
    """Inclusive token indices covering a character span."""
    inside = [i for i, (s, e) in enumerate(doc.offsets) if s < end_char and e > start_char]
    return (inside[0], inside[-1]) if inside else None


def place_string(doc: WikiDoc, phrase: str, trigger: int, parsed: Any) -> int | None:
    """The head token of ``phrase`` at its occurrence nearest the trigger (None if absent)."""
    phrase = phrase.strip(" ,.;:\"'")
    if not phrase:
        return None
    best: tuple[int, tuple[int, int]] | None = None
    for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", doc.text, re.IGNORECASE):
        span = token_span(doc, m.start(), m.end())
        if span is None:
            continue
        dist = trigger - span[1] if span[0] < trigger else span[0] - trigger
        if best is None or abs(dist) < best[0]:
            best = (abs(dist), span)
    if best is None:
        return None
    start, end = best[1]
    if doc.tokens[start].lower() in ARTICLES and start != end:
        start += 1
    return find_head(start, end, parsed)


def gold_head(doc: WikiDoc, entity_id: str, parsed: Any) -> int:
    start, end = doc.entities[entity_id]
    end -= 1
    if doc.tokens[start].lower() in ARTICLES and start != end:
        start += 1
    return find_head(start, end, parsed) if start != end else start


@dataclass
class ArgCounts:
    """The four figures the paper reports: identification/classification, head/coref."""

    predicted: int = 0
    gold: int = 0
    idn: int = 0
    cls: int = 0
    idn_coref: int = 0
    cls_coref: int = 0

    def prf(self, matched: int) -> PRF:
        return PRF(matched, self.predicted, matched, self.gold)


def trigger_token(doc: WikiDoc, gold: dict[str, Any], parsed: Any) -> Any:
    """The syntactic head of a gold trigger span, in claimwatch's parse of the gold tokens."""
    start, end = int(gold["trigger"]["start"]), int(gold["trigger"]["end"]) - 1
    return parsed[find_head(start, end, parsed) if start != end else start]


def trigger_arguments(doc: WikiDoc, gold: dict[str, Any], parsed: Any) -> set[tuple[int, str]]:
    """(head token, role) pairs that claimwatch's role filler gives the gold trigger.

    The benchmark's own setting: the trigger is given, and the arguments come from the same
    parse rules the pipeline uses for its triggers (``extract.roles``, ``extract.counts``):
    the attacker from the subject or "by" phrase, the target from the object or "on/at"
    phrase, the victims from what a casualty word counts, the weapons of the clause, and
    the first place tied to the trigger.
    """
    from claimwatch.extract import counts, perpetrator, roles
    from claimwatch.extract.lexicon import lexicon

    roles_here = roles_for(gold["event_type"])
    tok = trigger_token(doc, gold, parsed)
    kind = "verb" if tok.pos_ in ("VERB", "AUX") else "noun"
    found: set[tuple[int, str]] = set()
    instrument = next((r for r in ("Instrument", "ExplosiveDevice") if r in roles_here), None)
    agent = next((r for r in ("Attacker", "Killer", "Injurer") if r in roles_here), None)
    perp = roles.perpetrator_token(tok, kind)
    if perp is not None and kind == "verb" and _undergoer_subject(tok):
        # "two soldiers died": the subject underwent it; "the bomb exploded": it is the device
        if instrument and str(tok.lemma_).lower() in EXPLOSION_VERBS:
            found.add((perp.i, instrument))
        perp = None
    if perp is not None and perp.lower_ in RELATIVE_PRONOUNS:
        perp = None
    if perp is not None and roles.is_weapon(perp):
        if instrument:
            found.add((perp.i, instrument))
    elif agent and perp is not None and (perpetrator.accept(perp) is not None
                                         or perp.ent_type_ == "PERSON"
                                         or perp.lower_ in PERSONAL_PRONOUNS):
        found.add((perp.i, agent))
    target = roles.target_token(tok, kind)
    if "Target" in roles_here and target is not None:
        found.add((target.i, "Target"))
    if "Victim" in roles_here:
        victims = counts.counted_nouns(tok) if kind != "noun" else [
            g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"  # "deaths of X"
            for g in c.children if g.dep_ == "pobj"]
        for v in victims:
            for person in (v, *v.conjuncts):  # "four workers and two soldiers were killed"
                if person.lower_ not in RELATIVE_PRONOUNS and not (
                        kind == "verb" and person.dep_ == "nsubj" and not _undergoer_subject(tok)):
                    found.add((person.i, "Victim"))
    if instrument:
        for weapon in roles.weapon_phrases(tok):  # singular: "bombs" -> "bomb"
            word = weapon.split()[-1]
            heads = [t.i for t in tok.sent if t.lower_ == word or str(t.lemma_).lower() == word]
            if heads:
                found.add((min(heads, key=lambda i: abs(i - tok.i)), instrument))
    if "Place" in roles_here:
        lex = lexicon()
        attack_words = set(lex.nouns) | set(lex.weapons)
        place = next((place_string(doc, phrase, tok.i, parsed)
                      for phrase, _why, rank in roles.place_phrases(tok, None) if rank <= 1), None)
        if place is None:  # "exploded at the busy bus station": a locative noun phrase
            place = next((g.i for c in (*tok.children, *tok.head.children)
                          if c.dep_ == "prep" and c.lower_ in ("at", "in", "inside", "near")
                          and (c.head.i == tok.i or tok.dep_ in ("nsubj", "attr"))
                          for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in
                          ("DATE", "TIME", "CARDINAL") and g.pos_ in ("NOUN", "PROPN")
                          and str(g.lemma_).lower() not in attack_words), None)
        if place is not None:
            found.add((place, "Place"))
    return found


RELATIVE_PRONOUNS = CueWords("wikievents", "relative_pronouns")
PERSONAL_PRONOUNS = CueWords("wikievents", "personal_pronouns")
EXPLOSION_VERBS = CueWords("wikievents", "explosion_verbs")
UNDERGOER_VERBS = CueWords("wikievents", "undergoer_verbs")


def _undergoer_subject(verb: Any) -> bool:
    """The verb's subject is who or what underwent the event: an intransitive casualty or
    explosion verb ("died", "exploded"), or a passive without an agent."""
    children = list(verb.children)
    if any(c.dep_ == "auxpass" for c in children):
        return not any(c.dep_ == "agent" for c in children)
    if str(verb.lemma_).lower() in UNDERGOER_VERBS or verb.pos_ == "ADJ":
        return not any(c.dep_ == "dobj" for c in children)
    return False


def score_document(doc: WikiDoc, events: Sequence[Event], parsed: Any,
                   counts: ArgCounts, triggers: str = "gold") -> None:
    """Add one document's argument matches to ``counts``.

    ``triggers="gold"`` (the benchmark's setting): arguments of each gold trigger from
    claimwatch's role rules; ``"system"``: each gold event inherits the arguments of the
    claimwatch event linked to it.
    """
    linked = link_events(doc, events)
    head_cluster = {gold_head(doc, eid, parsed): c for eid, c in doc.clusters.items()
                    if eid in doc.entities}
    for i, gold in enumerate(doc.events):
        roles = roles_for(gold["event_type"])
        if not roles:
            continue
        gold_set = {(gold_head(doc, a["entity_id"], parsed), a["role"])
                    for a in gold["arguments"] if a["role"] in roles}
        gold_clusters = {(doc.clusters[a["entity_id"]], a["role"]) for a in gold["arguments"]
                         if a["role"] in roles and a["entity_id"] in doc.clusters}
        pred_set: set[tuple[int, str]] = set()
        if triggers == "gold":
            pred_set = trigger_arguments(doc, gold, parsed)
        elif i in linked:
            trigger = int(gold["trigger"]["start"])
            for role, sources in roles.items():
                for source in sources:
                    for spellings in event_strings(linked[i], source):
                        found = (place_string(doc, s, trigger, parsed) for s in spellings)
                        head = next((h for h in found if h is not None), None)
                        if head is not None:
                            pred_set.add((head, role))
        counts.predicted += len(pred_set)
        counts.gold += len(gold_set)
        for head, role in pred_set:
            heads = {g for g in gold_set if g[0] == head}
            if heads:
                counts.idn += 1
                counts.cls += any(r == role for _, r in heads)
            elif head in head_cluster:
                same = {r for c, r in gold_clusters if c == head_cluster[head]}
                counts.idn_coref += bool(same)
                counts.cls_coref += role in same


@dataclass
class WikiEventsEvaluation:
    documents: int
    gold_events: int
    linked_events: int
    counts: ArgCounts
    errors: list[str]
    triggers: str = "gold"

    def figures(self) -> dict[str, PRF]:
        c = self.counts
        return {
            "Arg-I head": c.prf(c.idn), "Arg-C head": c.prf(c.cls),
            "Arg-I coref": c.prf(c.idn + c.idn_coref), "Arg-C coref": c.prf(c.cls + c.cls_coref),
        }

    def render(self) -> str:
        setting = ("gold triggers, arguments from claimwatch's role rules"
                   if self.triggers == "gold" else "claimwatch's own events linked to gold")
        lines = [f"WikiEvents ({setting}): {self.documents} documents, {self.gold_events} gold "
                 f"events of scored types, {self.linked_events} linked to a claimwatch event; "
                 f"{self.counts.gold} gold arguments, {self.counts.predicted} predicted",
                 f"  {'metric':<14}{'P':>8}{'R':>8}{'F1':>8}"]
        for name, prf in self.figures().items():
            p, r, f = prf.as_percent()
            lines.append(f"  {name:<14}{p:8.2f}{r:8.2f}{f:8.2f}")
        if self.errors:
            lines += [f"{len(self.errors)} documents failed:", *self.errors[:10]]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "triggers": self.triggers,
                "gold_events": self.gold_events,
                "linked_events": self.linked_events, "errors": self.errors,
                **{k: list(v.as_percent()) for k, v in self.figures().items()}}


def evaluate_wikievents(path: str | Path, *, limit: int | None = None,
                        progress: bool = False, triggers: str = "gold") -> WikiEventsEvaluation:
    """Run the pipeline on each document and score its arguments against the gold.

    ``triggers``: "gold" scores the arguments claimwatch's role rules give each gold trigger
    (the published setting); "system" those of the claimwatch event linked to it.
    """
    if triggers not in ("gold", "system"):
        raise ValueError(f"triggers must be 'gold' or 'system', not {triggers!r}")
    from spacy.tokens import Doc

    from claimwatch.ingest import read_text
    from claimwatch.nlp import load_nlp
    from claimwatch.pipeline import analyze

    docs = load_wikievents(Path(path))[:limit] if limit else load_wikievents(Path(path))
    nlp = load_nlp()
    counts, errors, gold_events, linked = ArgCounts(), [], 0, 0
    for doc in _progress(docs, progress):
        try:
            events = analyze(read_text(doc.text, None, doc_id=doc.doc_id))
        except PipelineError as exc:
            errors.append(f"{doc.doc_id}: {exc}")
            events = []
        parsed = nlp(Doc(nlp.vocab, words=doc.tokens))
        score_document(doc, events, parsed, counts, triggers)
        gold_events += sum(1 for g in doc.events if roles_for(g["event_type"]))
        linked += len(link_events(doc, events))
    return WikiEventsEvaluation(len(docs), gold_events, linked, counts, errors, triggers)


def _progress(docs: Sequence[WikiDoc], enabled: bool) -> Iterator[WikiDoc]:
    if not enabled:
        yield from docs
        return
    from tqdm import tqdm

    yield from tqdm(docs, desc="WikiEvents", unit="doc")
