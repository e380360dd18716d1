"""The published MUC-4 scorers: CEAF-REE (GRIT, EACL 2021) and the GTT template metric.

Both compare *entities*, each a list of mention strings, after the normalisation the two
papers use (lower-case, strip punctuation, drop a/an/the, collapse whitespace). A predicted
entity matches a gold entity when every predicted mention is one of the gold entity's
coreferent mentions (``phi_strict``), so predicting any one mention is enough.

* CEAF-REE: per document and role, an optimal one-to-one alignment between predicted and
  gold entities; P = matched / predicted, R = matched / gold, summed over documents and
  micro-averaged over the five roles.
* GTT: per document, the one-to-one mapping between predicted and gold templates with the
  best document micro F1; a pair counts only if the predicted incident type is a substring
  of the gold one; inside a pair every role is scored by any-match; fillers of unmapped
  templates are false positives / negatives; ``incident_type`` is a sixth "role".

These functions are pure: they take plain dicts and return :class:`PRF` counts.
"""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
GTT_KEYS = ("incident_type", *ROLES)
# Above this many candidate mappings for one document, the search keeps only pairs whose
# incident types agree (other pairs score exactly like leaving the template unmapped).
EXHAUSTIVE_LIMIT = 50_000
PRUNED_LIMIT = 2_000_000

Entity = list[str]
RoleFillers = dict[str, list[Entity]]
Template = dict[str, object]

_PUNCT = set(string.punctuation)
_ARTICLES = re.compile(r"\b(a|an|the)\b", re.UNICODE)


def normalize_string(text: str) -> str:
    """The papers' mention normalisation: lower, no punctuation, no articles, single spaces."""
    lowered = text.lower()
    no_punct = "".join(ch for ch in lowered if ch not in _PUNCT)
    return " ".join(_ARTICLES.sub(" ", no_punct).split())


@dataclass
class PRF:
    """Match counts for one role (or the micro average) and the ratios they give."""

    p_num: float = 0.0
    p_den: float = 0.0
    r_num: float = 0.0
    r_den: float = 0.0

    def add(self, other: PRF) -> None:
        self.p_num += other.p_num
        self.p_den += other.p_den
        self.r_num += other.r_num
        self.r_den += other.r_den

    @property
    def precision(self) -> float:
        return self.p_num / self.p_den if self.p_den else 0.0

    @property
    def recall(self) -> float:
        return self.r_num / self.r_den if self.r_den else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_percent(self) -> tuple[float, float, float]:
        return 100 * self.precision, 100 * self.recall, 100 * self.f1


@dataclass
class Scores:
    """Per-role PRF plus their micro average (the published headline figure)."""

    roles: dict[str, PRF] = field(default_factory=dict)

    @property
    def micro(self) -> PRF:
        total = PRF()
        for prf in self.roles.values():
            total.add(prf)
        return total


def phi_strict(gold: Sequence[str], pred: Sequence[str]) -> bool:
    """True when every predicted mention is one of the gold entity's mentions."""
    return all(m in gold for m in pred)


def max_matching(gold: Sequence[Entity], pred: Sequence[Entity]) -> int:
    """Size of the best one-to-one alignment (the Hungarian optimum for 0/1 similarity)."""
    edges = [[j for j, p in enumerate(pred) if phi_strict(g, p)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    return sum(1 for i in range(len(gold)) if augment(i, set()))


def normalize_entities(entities: Iterable[Iterable[str]]) -> list[Entity]:
    """Normalise every mention; gold entities without mentions are dropped by the loaders."""
    return [[normalize_string(m) for m in entity] for entity in entities]


def ceaf_ree(
    preds: Mapping[str, Mapping[str, Sequence[Sequence[str]]]],
    golds: Mapping[str, Mapping[str, Sequence[Sequence[str]]]],
) -> Scores:
    """CEAF-REE with ``phi_strict`` over the gold documents (missing predictions = empty)."""
    scores = Scores({role: PRF() for role in ROLES})
    for docid, gold in golds.items():
        pred = preds.get(docid, {})
        for role in ROLES:
            g = normalize_entities(gold.get(role, []))
            p = normalize_entities(pred.get(role, []))
            matched = max_matching(g, p)
            scores.roles[role].add(PRF(matched, len(p), matched, len(g)))
    return scores


def _normalize_template(template: Mapping[str, object]) -> Template:
    out: Template = {"incident_type": template.get("incident_type")}
    for role in ROLES:
        value = template.get(role) or []
        assert isinstance(value, list)
        out[role] = normalize_entities(value)
    return out


def _entities(template: Template, role: str) -> list[Entity]:
    value = template[role]
    assert isinstance(value, list)
    return value


def _type_matches(pred: Template, gold: Template) -> bool:
    """GTT's rule: the predicted type is a substring of the gold one.

    So "attack" pairs with "attack / bombing"; a missing predicted type is read as "attack".
    """
    ptype = pred["incident_type"] if isinstance(pred["incident_type"], str) else "attack"
    gtype = gold["incident_type"]
    return isinstance(gtype, str) and ptype in gtype


def _score_mapping(mapping: Sequence[int], pred: list[Template], gold: list[Template]) -> Scores:
    """Scores of one document under one pred->gold mapping (-1 = unmapped)."""
    scores = Scores({key: PRF() for key in GTT_KEYS})
    mapped_gold: set[int] = set()
    for pi, gi in enumerate(mapping):
        p = pred[pi]
        if gi != -1 and _type_matches(p, gold[gi]):
            mapped_gold.add(gi)
            g = gold[gi]
            scores.roles["incident_type"].add(PRF(1, 1, 1, 1))
            for role in ROLES:
                pe, ge = _entities(p, role), _entities(g, role)
                hits_p = sum(1 for e in pe if any(phi_strict(x, e) for x in ge))
                hits_r = sum(1 for x in ge if any(phi_strict(x, e) for e in pe))
                scores.roles[role].add(PRF(hits_p, len(pe), hits_r, len(ge)))
        else:
            scores.roles["incident_type"].p_den += 1
            for role in ROLES:
                scores.roles[role].p_den += len(_entities(p, role))
    for gi, g in enumerate(gold):
        if gi not in mapped_gold:
            scores.roles["incident_type"].r_den += 1
            for role in ROLES:
                scores.roles[role].r_den += len(_entities(g, role))
    return scores


def _candidate_mappings(pred: list[Template], gold: list[Template]) -> Iterable[tuple[int, ...]]:
    """Every one-to-one mapping, in the reference scorer's order (so ties break the same way)."""
    n_pred, n_gold = len(pred), len(gold)
    if (n_gold + 1) ** n_pred <= EXHAUSTIVE_LIMIT:
        options = [[*range(n_gold), -1] for _ in pred]
    else:
        options = [[gi for gi in range(n_gold) if _type_matches(p, gold[gi])] + [-1] for p in pred]
        size = 1
        for o in options:
            size *= len(o)
        if size > PRUNED_LIMIT:
            return [_greedy_mapping(pred, gold)]
    return (
        m for m in itertools.product(*options)
        if len([g for g in m if g != -1]) == len({g for g in m if g != -1})
    )


def _greedy_mapping(pred: list[Template], gold: list[Template]) -> tuple[int, ...]:
    """Fallback for very large documents: pair templates by best single-pair F1."""
    pairs = []
    for pi, gi in itertools.product(range(len(pred)), range(len(gold))):
        one = [-1] * len(pred)
        one[pi] = gi
        pairs.append((_score_mapping(one, pred, gold).micro.f1, pi, gi))
    mapping = [-1] * len(pred)
    used: set[int] = set()
    for f1, pi, gi in sorted(pairs, key=lambda t: -t[0]):
        if f1 > 0 and mapping[pi] == -1 and gi not in used:
            mapping[pi] = gi
            used.add(gi)
    return tuple(mapping)


def gtt_document(pred: list[Template], gold: list[Template]) -> Scores:
    """The best-F1 template mapping of one document and its scores."""
    best: Scores | None = None
    for mapping in _candidate_mappings(pred, gold):
        scores = _score_mapping(mapping, pred, gold)
        if best is None or scores.micro.f1 > best.micro.f1:
            best = scores
    return best if best is not None else _score_mapping((), pred, gold)


def gtt_score(
    preds: Mapping[str, Sequence[Mapping[str, object]]],
    golds: Mapping[str, Sequence[Mapping[str, object]]],
) -> Scores:
    """The GTT template metric over the gold documents (missing predictions = no templates)."""
    total = Scores({key: PRF() for key in GTT_KEYS})
    for docid, gold in golds.items():
        g = [_normalize_template(t) for t in gold]
        p = [_normalize_template(t) for t in preds.get(docid, [])]
        for key, prf in gtt_document(p, g).roles.items():
            total.roles[key].add(prf)
    return total


# --- reading gold files and saved predictions -------------------------------------------


def numeric_docid(docid: str) -> str:
    """The reference scorers' key: "TST1-MUC3-0001" -> "10001" (split digit * 10000 + number)."""
    parts = docid.split("-")
    if len(parts) < 2 or not parts[0][-1:].isdigit() or not parts[-1].isdigit():
        return docid
    return str(int(parts[0][-1]) * 10000 + int(parts[-1]))


def _mention_strings(entity: Sequence[Sequence[object]]) -> Entity:
    return [str(m[0]) if isinstance(m, list | tuple) else str(m) for m in entity]


def grit_gold(records: Iterable[Mapping[str, object]]) -> dict[str, RoleFillers]:
    """Gold role fillers per docid from ``grit_*.jsonl`` records (offsets dropped)."""
    golds: dict[str, RoleFillers] = {}
    for rec in records:
        extracts = rec["extracts"]
        assert isinstance(extracts, dict)
        golds[str(rec["docid"])] = {
            role: [e for e in (_mention_strings(x) for x in extracts.get(role, [])) if e]
            for role in ROLES
        }
    return golds


def gtt_gold(records: Iterable[Mapping[str, object]]) -> dict[str, list[Template]]:
    """Gold templates per docid from ``gtt_*.jsonl`` records; duplicates removed as GTT does."""
    golds: dict[str, list[Template]] = {}
    for rec in records:
        raw = rec["templates"]
        assert isinstance(raw, list)
        templates: list[Template] = []
        for t in raw:
            template: Template = {"incident_type": t["incident_type"]}
            for role in ROLES:
                template[role] = [e for e in (_mention_strings(x) for x in t.get(role, [])) if e]
            if template not in templates:
                templates.append(template)
        golds[str(rec["docid"])] = templates
    return golds


def predictions_by_docid(
    saved: Mapping[str, Mapping[str, object]], docids: Iterable[str], key: str
) -> dict[str, object]:
    """Predictions from a GRIT/GTT output file (``{docid: {key: ...}}``), keyed by our docids.

    The reference outputs key documents by :func:`numeric_docid`; plain docids work too.
    """
    out: dict[str, object] = {}
    for docid in docids:
        rec = saved.get(docid) or saved.get(numeric_docid(docid))
        if rec is not None and key in rec:
            out[docid] = rec[key]
    return out
