"""``claimwatch eval muc4-confidence``: claimwatch's responsibility against MUC-4's confidence slot.

The raw MUC-4 answer keys give, for each perpetrator organisation of each template, slot 11
``PERP: ORGANIZATION CONFIDENCE``: REPORTED AS FACT, CLAIMED OR ADMITTED, SUSPECTED OR
ACCUSED, SUSPECTED OR ACCUSED BY AUTHORITIES or POSSIBLE (the key may list alternatives,
any of which is right). Every (template, organisation) with a value is one item.

For each item, the claimwatch events of the document (pipeline on the truecased text) are
searched for one that names the organisation as perpetrator or claimant (any of the key's
strings for it, compared after MUC normalisation, either containing the other). The item's
prediction is then mapped from that event's responsibility and assertions:

    responsibility claimed                      -> CLAIMED OR ADMITTED
    responsibility contested                    -> SUSPECTED OR ACCUSED
    attributed, by an authority (speaker role target/third state, or a speaker named as
    government, army, police... in ``authority_words``)
                                                -> SUSPECTED OR ACCUSED BY AUTHORITIES
    attributed, by any other speaker            -> SUSPECTED OR ACCUSED
    attributed with no attributing statement (the report names the perpetrator itself)
                                                -> REPORTED AS FACT

When no event names the organisation, claimwatch's *assertions* about the document's
events are read instead: the organisation as speaker of a claim -> CLAIMED OR ADMITTED;
a statement naming it with stance "attributes" or a hedge word ("may have", "blamed",
``hedge_words``) -> SUSPECTED OR ACCUSED (BY AUTHORITIES for an authority speaker); a
plain statement naming it -> REPORTED AS FACT. With nothing at all about it, the slot's
documented default, REPORTED AS FACT, is predicted (the item then counts as unmatched).
Either of these two REPORTED AS FACT readings becomes POSSIBLE when the report says nobody
has claimed the incident (``unclaimed_patterns``): the organisation is then only named in
the incident's context, not accused.

This follows the slot's definition (template-doc part 1, 7.12): "reported as fact" is the
default when responsibility is not in question; "suspected or accused" when it rests on a
cited source's accusation; "by authorities" when that source is the government, military
or police; "possible" when an organisation is mentioned without being accused.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from claimwatch.errors import RecordError
from claimwatch.evaluate.muc4_mapping import mapping_words
from claimwatch.evaluate.muc4_metrics import normalize_string
from claimwatch.model import Assertion, Event

LABELS = ("REPORTED AS FACT", "CLAIMED OR ADMITTED", "SUSPECTED OR ACCUSED",
          "SUSPECTED OR ACCUSED BY AUTHORITIES", "POSSIBLE")
DEV_KEYS = ("key-tst1.v7.txt", "key-tst2.v4.txt")
AUTHORITY_ROLES = ("target_state", "third_state")
SLOT = re.compile(r"^\s*(\d+)\.\s+([A-Z:&\- ]+?)\s{2,}(.*)$")
CONTINUATION = re.compile(r"^\s{20,}(\S.*)$")


@dataclass(frozen=True)
class ConfidenceItem:
    """One perpetrator organisation of one key template, with its accepted confidences."""

    docid: str
    template: str
    incident: str
    organisations: tuple[str, ...]
    labels: tuple[str, ...]


def parse_key_templates(text: str) -> list[dict[str, list[str]]]:
    """Templates of a raw key file as {slot name: [fill lines]}."""
    templates: list[dict[str, list[str]]] = []
    current: dict[str, list[str]] | None = None
    slot = ""
    for line in text.splitlines():
        if line.startswith(";"):
            continue
        m = SLOT.match(line)
        if m:
            slot = m.group(2).strip()
            if m.group(1) == "0":
                current = {}
                templates.append(current)
            if current is not None:
                current.setdefault(slot, []).append(m.group(3).strip())
        elif current is not None and slot and (c := CONTINUATION.match(line)):
            current.setdefault(slot, []).append(c.group(1).strip())
        elif not line.strip():
            slot = ""
    return templates


def _strings(fill: str) -> tuple[str, ...]:
    return tuple(s.replace('\\"', '"') for s in re.findall(r'"((?:[^"\\]|\\.)*)"', fill))


def confidence_items(text: str) -> list[ConfidenceItem]:
    """Every (template, organisation) whose confidence slot has a value."""
    items = []
    for t in parse_key_templates(text):
        docid = (t.get("MESSAGE: ID") or [""])[0]
        for fill in t.get("PERP: ORGANIZATION CONFIDENCE", []):
            value, _, orgs = fill.partition(":")
            labels = tuple(v.strip().lstrip("? ").strip() for v in value.split("/"))
            labels = tuple(v for v in labels if v in LABELS)
            if labels:
                items.append(ConfidenceItem(
                    docid=docid, template=(t.get("MESSAGE: TEMPLATE") or [""])[0],
                    incident=(t.get("INCIDENT: TYPE") or [""])[0].lower(),
                    organisations=_strings(orgs), labels=labels))
    return items


def _names_match(org_strings: Sequence[str], names: Sequence[str]) -> bool:
    orgs = [normalize_string(o) for o in org_strings if o.strip()]
    for name in (normalize_string(n) for n in names if n.strip()):
        if any(o == name or (len(o) > 3 and o in name) or (len(name) > 3 and name in o)
               for o in orgs):
            return True
    return False


def responsible_event(item: ConfidenceItem, events: Sequence[Event]) -> Event | None:
    """The event that names the item's organisation as perpetrator or claimant."""
    for event in events:
        for actor in event.actors:
            if actor.role in ("perpetrator", "claimant") and _names_match(
                    item.organisations, [actor.name, *actor.aliases]):
                return event
    return None


def is_authority(assertion: Assertion) -> bool:
    """The government, military or police speaking (MUC-4's "authorities"): by the speaker's
    role, its name ("police spokesman"), or the title the report gives it beside the name
    ("President Alfredo Cristiani blamed ...", "Jorge Romero, governor of ..., said")."""
    if assertion.speaker_role in AUTHORITY_ROLES:
        return True
    speaker = f" {normalize_string(assertion.speaker)} "
    titles = f" {speaker_title(assertion.speaker, assertion.quote)} "
    return any(f" {w} " in speaker or f" {w} " in titles for w in mapping_words("authority_words"))


def speaker_title(speaker: str, quote: str) -> str:
    """The words the quote puts right before the speaker's name, or in an appositive right
    after it (normalised): 'venezuelan president carlos andres' for 'Perez' in "Venezuelan
    president Carlos Andres Perez blamed ..."."""
    name = speaker.strip().split()
    if not name:
        return ""
    m = re.search(r"(?i)\b" + r"\s+".join(map(re.escape, name)) + r"\b", quote)
    if m is None:
        return ""
    before = " ".join(quote[:m.start()].split()[-4:])
    before = re.split(r"[,;:.\"(]", before)[-1]   # only the phrase the name closes
    after = re.match(r"\s*,\s*([^,;:.]{1,60})", quote[m.end():])
    return normalize_string(f"{before} {after.group(1) if after else ''}")


def _suspected(assertion: Assertion) -> str:
    if is_authority(assertion):
        return "SUSPECTED OR ACCUSED BY AUTHORITIES"
    return "SUSPECTED OR ACCUSED"


def predicted_confidence(event: Event | None) -> str:
    """The MUC-4 confidence value that a claimwatch event's responsibility amounts to."""
    if event is None:
        return "REPORTED AS FACT"
    status = event.responsibility.status
    if status == "claimed":
        return "CLAIMED OR ADMITTED"
    if status == "contested":
        return "SUSPECTED OR ACCUSED"
    attributing = [a for a in event.assertions if a.stance == "attributes"]
    if attributing:
        labels = [_suspected(a) for a in attributing]
        return max(labels, key=lambda lab: (labels.count(lab), lab.endswith("AUTHORITIES")))
    return "REPORTED AS FACT"


def confidence_from_assertions(item: ConfidenceItem, events: Sequence[Event]) -> str | None:
    """What the report's statements say of an organisation no event names as perpetrator."""
    hedges = mapping_words("hedge_words")
    plain = None
    for event in events:
        for a in event.assertions:
            if _names_match(item.organisations, [a.speaker]) and a.stance in ("claims",
                                                                               "confirms"):
                return "CLAIMED OR ADMITTED"
            quote = f" {normalize_string(a.quote)} "
            if not any(f" {normalize_string(o)} " in quote for o in item.organisations):
                continue
            if a.stance == "attributes" or any(f" {h} " in quote for h in hedges):
                return _suspected(a)
            plain = plain or "REPORTED AS FACT"
    return plain


@lru_cache(maxsize=1)
def unclaimed_patterns() -> tuple[re.Pattern[str], ...]:
    """``unclaimed_patterns`` of ``data/muc4_mapping.json``, compiled once."""
    from claimwatch.extract.lexicon import load_data

    return tuple(re.compile(str(p)) for p in load_data("muc4_mapping.json")["unclaimed_patterns"])


def responsibility_open(text: str) -> bool:
    """The report says nobody has claimed the incident ("no one has claimed responsibility
    for the attacks so far"): who did it is in question (``unclaimed_patterns``)."""
    lowered = " ".join(text.lower().split())
    return any(p.search(lowered) for p in unclaimed_patterns())


def combine(from_event: str | None, from_statements: str | None,
            unclaimed: bool = False) -> str:
    """The event's reading when an event names the organisation, else the statements'.

    In a report that says nobody has claimed the incident, an organisation that no event
    names as perpetrator and no statement accuses or quotes claiming is only mentioned in
    the incident's context: POSSIBLE (template-doc 7.12, note 4). One that an event names
    (perhaps another incident of the same report) keeps the event's reading."""
    if from_event is not None:
        return from_event
    reading = from_statements or "REPORTED AS FACT"
    return "POSSIBLE" if unclaimed and reading == "REPORTED AS FACT" else reading


@dataclass
class ConfidenceEvaluation:
    """Accuracy, confusion matrix and the majority-class baseline."""

    items: list[ConfidenceItem]
    predictions: list[str]
    matched: list[bool]
    errors: list[str] = field(default_factory=list)

    @property
    def majority(self) -> str:
        return Counter(i.labels[0] for i in self.items).most_common(1)[0][0]

    def accuracy(self, predictions: Sequence[str], only_matched: bool = False) -> float:
        pairs = [(i, p) for i, p, m in zip(self.items, predictions, self.matched, strict=True)
                 if m or not only_matched]
        return sum(1 for i, p in pairs if p in i.labels) / len(pairs) if pairs else 0.0

    def confusion(self) -> Counter[tuple[str, str]]:
        """(gold, predicted) counts; an item with alternatives counts under the one predicted
        when it is among them, else under its first value."""
        return Counter((p if p in i.labels else i.labels[0], p)
                       for i, p in zip(self.items, self.predictions, strict=True))

    def render(self) -> str:
        base = self.accuracy([self.majority] * len(self.items))
        acc = self.accuracy(self.predictions)
        n_matched = sum(self.matched)
        short = {lab: "".join(w[0] for w in lab.split()) for lab in LABELS}
        lines = [
            f"MUC-4 PERP: ORGANIZATION CONFIDENCE ({', '.join(DEV_KEYS)}): {len(self.items)} "
            f"items; {n_matched} matched (an event or a statement of claimwatch names the "
            "organisation; the others get the slot's default, REPORTED AS FACT, or POSSIBLE "
            "in a report that says nobody has claimed the incident)",
            f"  claimwatch accuracy      {100 * acc:6.2f}",
            f"  majority baseline        {100 * base:6.2f}   (always {self.majority})",
            f"  difference               {100 * (acc - base):+6.2f} points",
            f"  on the {n_matched} matched items: claimwatch "
            f"{100 * self.accuracy(self.predictions, True):6.2f}, majority "
            f"{100 * self.accuracy([self.majority] * len(self.items), True):6.2f}", "",
            "  confusion (rows gold, columns predicted): "
            + ", ".join(f"{v}={k}" for k, v in short.items()),
            "  " + " " * 6 + "".join(f"{short[p]:>7}" for p in LABELS),
        ]
        conf = self.confusion()
        for g in LABELS:
            lines.append(f"  {short[g]:<6}" + "".join(f"{conf[(g, p)]:>7}" for p in LABELS))
        if self.errors:
            lines += [f"{len(self.errors)} documents failed:", *self.errors[:10]]
        return "\n".join(lines)


def evaluate_confidence(muc4_dir: str | Path, *, progress: bool = False,
                        limit: int | None = None) -> ConfidenceEvaluation:
    """Run the pipeline on the dev documents that have confidence items, and score them."""
    from claimwatch.evaluate.muc4 import analyse_events, published_dates, read_jsonl

    folder = Path(muc4_dir)
    missing = [p for p in [folder / "gtt_dev.jsonl", *(folder / "raw" / k for k in DEV_KEYS)]
               if not p.exists()]
    if missing:
        raise RecordError(f"the MUC-4 data is incomplete: {', '.join(map(str, missing))} not "
                          "found; give the folder with --data", source=str(folder))
    items = [i for k in DEV_KEYS
             for i in confidence_items((folder / "raw" / k).read_text(encoding="latin-1"))]
    wanted = list(dict.fromkeys(i.docid for i in items))[:limit] if limit else None
    if wanted is not None:
        items = [i for i in items if i.docid in wanted]
    docids = {i.docid for i in items}
    records = [r for r in read_jsonl(folder / "gtt_dev.jsonl") if r["docid"] in docids]
    events, errors = analyse_events(records, published_dates(folder / "raw"), progress)
    unclaimed = {str(r["docid"]): responsibility_open(str(r["doctext"])) for r in records}
    predictions, matched = [], []
    for item in items:
        doc_events = events.get(item.docid, [])
        event = responsible_event(item, doc_events)
        said = confidence_from_assertions(item, doc_events)
        matched.append(event is not None or said is not None)
        predictions.append(combine(predicted_confidence(event) if event else None, said,
                                   unclaimed.get(item.docid, False)))
    return ConfidenceEvaluation(items, predictions, matched, errors)


def default_muc4_dir() -> Path:
    """``../shared/data/muc4`` beside the repository (or beside the working directory)."""
    beside_repo = Path(__file__).resolve().parents[4] / "shared" / "data" / "muc4"
    return beside_repo if beside_repo.exists() else Path("..") / "shared" / "data" / "muc4"
