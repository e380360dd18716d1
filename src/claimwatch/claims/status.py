"""An event's status and responsibility, decided by one ordered rule table kept as data.

The table (``data/status_rules.json``, documented in ``docs/status-rules.md``) is read once;
``compute_status`` evaluates its rows in order over the set of (speaker_role, stance) pairs
present in the assertions, plus three features (evidence against, a named perpetrator,
rival claimants). The same function runs per document and again after reports are merged.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from claimwatch.claims.lexicon import claims_pattern
from claimwatch.model import (
    RESPONSIBILITY_STATUSES,
    SPEAKER_ROLES,
    STANCES,
    STATUSES,
    Assertion,
    Evidence,
    Mention,
    Responsibility,
    StatusChange,
)

FEATURES = ("evidence_against", "has_perpetrator", "rival_claimants")
_NON_STATE_CATEGORIES = ("armed_group",)
_REFERRING = claims_pattern("assertions", "referring_perpetrator", re.I)
_STATE_CATEGORIES = ("state", "state_force", "government")


@dataclass(frozen=True)
class StatusDecision:
    """The computed status, responsibility and the ids of the rule rows that gave them."""

    status: str
    responsibility: Responsibility
    rule: str


@dataclass(frozen=True)
class Rule:
    """One row of a rule table: an id, its condition and the value it gives."""

    id: str
    when: dict[str, list[str]]
    value: str
    description: str
    example: str


@dataclass(frozen=True)
class _Facts:
    pairs: frozenset[tuple[str, str]]
    features: frozenset[str]


def compute_status(assertions: Sequence[Assertion], evidence: Sequence[Evidence],
                   perpetrators: Sequence[str]) -> StatusDecision:
    """Status and responsibility of one event from its assertions, evidence and perpetrators."""
    facts = _facts(assertions, evidence, perpetrators)
    status_rule = _first_match(status_rules(), facts)
    resp_rule = _first_match(responsibility_rules(), facts)
    return StatusDecision(
        status=status_rule.value,
        responsibility=Responsibility(resp_rule.value, _responsible(resp_rule.value, assertions,
                                                                     perpetrators)),
        rule=f"{status_rule.id}; {resp_rule.id}",
    )


def status_history(reports: Iterable[tuple[dt.date | None, str | None, str]]) -> list[StatusChange]:
    """The changes of status over chronological (date, document_id, status) entries.

    The first entry always opens the history; later entries appear only when the status
    differs from the one before, so the list reads as "what changed, when, and why".
    """
    changes: list[StatusChange] = []
    for at, document_id, status in reports:
        if not changes or changes[-1].status != status:
            changes.append(StatusChange(status=status, at=at, document_id=document_id))
    return changes


def status_rules() -> tuple[Rule, ...]:
    """The status table's rows, in order."""
    return _tables()[0]


def responsibility_rules() -> tuple[Rule, ...]:
    """The responsibility table's rows, in order."""
    return _tables()[1]


@lru_cache(maxsize=1)
def _tables() -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
    raw = json.loads(resources.files("claimwatch.data").joinpath("status_rules.json")
                     .read_text(encoding="utf-8"))
    status = tuple(_rule(row, "status", STATUSES) for row in raw["status"])
    resp = tuple(_rule(row, "responsibility", RESPONSIBILITY_STATUSES)
                 for row in raw["responsibility"])
    return status, resp


def _rule(row: dict[str, Any], key: str, vocabulary: Sequence[str]) -> Rule:
    """A validated row: unknown values, roles or stances are table errors caught at load."""
    if row[key] not in vocabulary:
        raise ValueError(f"status_rules.json row {row['id']}: {key} {row[key]!r} is not one of "
                         f"{', '.join(vocabulary)}")
    when = {k: list(v) for k, v in row.get("when", {}).items()}
    for k, items in when.items():
        if k not in ("all", "any", "none"):
            raise ValueError(f"status_rules.json row {row['id']}: unknown condition key {k!r}")
        for item in items:
            _check_item(row["id"], item)
    return Rule(row["id"], when, row[key], row.get("description", ""), row.get("example", ""))


def _check_item(row_id: str, item: str) -> None:
    if item in FEATURES:
        return
    role, _, stance = item.partition(":")
    for part, vocab in ((role, SPEAKER_ROLES), (stance, STANCES)):
        names = part.lstrip("!").split("|")
        if part != "*" and any(n not in vocab for n in names):
            raise ValueError(f"status_rules.json row {row_id}: bad pattern {item!r}")


def _facts(assertions: Sequence[Assertion], evidence: Sequence[Evidence],
           perpetrators: Sequence[str]) -> _Facts:
    pairs = frozenset((a.speaker_role, a.stance) for a in assertions)
    features = set()
    if any(e.against for e in evidence):
        features.add("evidence_against")
    if any(p and not refers_back(p) for p in perpetrators):
        features.add("has_perpetrator")
    if len(_claimant_families(assertions)) >= 2:
        features.add("rival_claimants")
    return _Facts(pairs, frozenset(features))


def _first_match(rules: Sequence[Rule], facts: _Facts) -> Rule:
    for rule in rules:
        if _holds(rule.when, facts):
            return rule
    raise ValueError("status_rules.json: the last row of each table must have an empty condition")


def _holds(when: dict[str, list[str]], facts: _Facts) -> bool:
    return (all(_item_holds(i, facts) for i in when.get("all", []))
            and (not when.get("any") or any(_item_holds(i, facts) for i in when["any"]))
            and not any(_item_holds(i, facts) for i in when.get("none", [])))


def _item_holds(item: str, facts: _Facts) -> bool:
    if item in FEATURES:
        return item in facts.features
    role_pat, _, stance_pat = item.partition(":")
    return any(_part_matches(role_pat, role) and _part_matches(stance_pat, stance)
               for role, stance in facts.pairs)


def _part_matches(pattern: str, value: str) -> bool:
    if pattern == "*":
        return True
    if pattern.startswith("!"):
        return value not in pattern[1:].split("|")
    return value in pattern.split("|")


def refers_back(name: str) -> bool:
    """A perpetrator named only by reference to someone else ('its fighters', 'their
    men', 'a fighter from its X wing'): whose they are, the speaker says, so it names nobody
    by itself (``referring_perpetrator`` of ``claims_lexicon.json``)."""
    return bool(_REFERRING.search(name.strip())) if name.strip() else True


def _responsible(status: str, assertions: Sequence[Assertion],
                 perpetrators: Sequence[str]) -> list[str]:
    """Who the responsibility names: the perpetrators, else the claimants themselves."""
    names = _unique(p for p in perpetrators if p and not refers_back(p))
    if names or status not in ("claimed", "contested"):
        return names
    return _unique(a.speaker for a in assertions
                   if a.speaker_role == "perpetrator" and a.stance in ("claims", "confirms"))


def _unique(names: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for n in names:
        seen.setdefault(n.casefold(), n)
    return list(seen.values())


def _claimant_families(assertions: Sequence[Assertion]) -> set[str]:
    """Distinct non-state groups claiming the event (a spokesman counts as his group).

    States acting together (joint strikes) are not rivals, and a claimant the actor table
    does not know is not counted: a rivalry is only asserted between known groups.
    """
    families: set[str] = set()
    for a in assertions:
        if a.speaker_role == "perpetrator" and a.stance == "claims":
            family = _family(a.speaker)
            if family:
                families.add(family)
    return families


def _family(speaker: str) -> str | None:
    entry = _lookup(speaker)
    if entry is None:
        return None
    if entry.kind == "individual" or entry.category not in _NON_STATE_CATEGORIES:
        parent = _lookup(entry.affiliation) if entry.affiliation else None
        if entry.kind == "individual" and parent and parent.category in _NON_STATE_CATEGORIES:
            return str(parent.name).casefold()
        return None
    parent = _lookup(entry.affiliation) if entry.affiliation else None
    if parent is not None and parent.category in _NON_STATE_CATEGORIES:
        return str(parent.name).casefold()
    return str(entry.name).casefold()


def _lookup(name: str) -> Any:
    """The actor table entry for a name, or None (also when the table is unavailable)."""
    try:
        from claimwatch.resolve.actor import ActorTable
    except ImportError:
        return None
    match = ActorTable.load().match(name)
    return match.entry if match is not None else None


def claimant_as_perpetrator(mention: Mention, responsibility: Responsibility) -> None:
    """A claimed attack with no perpetrator in the text's own telling names its one claimant
    (responsibility stays 'claimed' and the status still follows the assertions: the claim
    is not taken as proof)."""
    if any(not refers_back(a.name) for a in mention.perpetrators) \
            or responsibility.status != "claimed" or not responsibility.by:
        return
    if len(responsibility.by) > 1 and not _joint_states(responsibility.by):
        return  # rival groups each claiming: no one of them is taken
    from claimwatch.resolve.actor import resolve_actor

    mention.actors = [a for a in mention.actors
                      if not (a.role == "perpetrator" and refers_back(a.name))]
    rule = "the one claimant of a claimed attack" if len(responsibility.by) == 1 \
        else "states claiming a joint attack together: each one"
    for name in responsibility.by:
        actor, why = resolve_actor(name, "perpetrator")
        mention.actors.append(actor)
        mention.explain("perpetrator", rule, detail=f"{name!r} -> {actor.name}: {why}")


def _joint_states(claimants: Sequence[str]) -> bool:
    """ "The US military said ... conducted strikes", "Britain's defence ministry said its
    jets took part": states (their forces, their governments) claiming one attack together
    acted jointly; they are not rival claimants."""
    entries = [_lookup(name) for name in claimants]
    return all(e is not None and e.category in _STATE_CATEGORIES for e in entries)
