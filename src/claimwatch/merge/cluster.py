"""From scored pairs to events: connected matches, split where a report or a user forbids.

The events are a function of the set of mentions, the pair scores and the forbidden pairs
(sticky user splits and vetoes), never of arrival order: matching pairs form connected
components (the unit the store rebuilds); within a component, pairs join in order of
descending score unless the join would put two mentions of one report (the report
already told its incidents apart), a forbidden pair, or two different single days into
one event.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from claimwatch.merge.profile import MentionRecord

Pair = tuple[str, str]


def pair(a: str, b: str) -> Pair:
    """A pair of mention keys in a fixed order."""
    return (a, b) if a <= b else (b, a)


class UnionFind:
    """Disjoint sets over mention keys."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        root = parent.setdefault(x, x)
        while root != parent[root]:
            root = parent[root]
        while x != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


def components(keys: Iterable[str], links: Iterable[Pair]) -> list[list[str]]:
    """Connected components of mentions joined by matching pairs."""
    uf = _union(keys, links)
    groups: dict[str, list[str]] = defaultdict(list)
    for k in uf.parent:
        groups[uf.find(k)].append(k)
    return list(groups.values())


def _union(keys: Iterable[str], links: Iterable[Pair]) -> UnionFind:
    uf = UnionFind()
    for k in keys:
        uf.find(k)
    for a, b in links:
        uf.union(a, b)
    return uf


def _exact_days(rec: MentionRecord) -> set[int]:
    ev = rec.event
    if ev.date_start is not None and ev.date_start == (ev.date_end or ev.date_start):
        return {ev.date_start.toordinal()}
    return set()


def resolve(records: list[MentionRecord], scores: Mapping[Pair, float],
            forbidden: set[Pair]) -> list[list[MentionRecord]]:
    """The events of one component: best-scoring pairs join first, under constraints.

    ``scores`` holds the component's matching pairs. Two groups never join when they
    hold mentions of the same report, a forbidden pair (a user's split or a veto), or
    two different single days: a vague "in May" mention cannot chain two incidents
    on consecutive days into one event.
    """
    uf = UnionFind()
    members = {r.key: [r] for r in records}
    docs = {r.key: {r.document_id} for r in records}
    days = {r.key: _exact_days(r) for r in records}
    for k in members:
        uf.find(k)
    for (a, b), _ in sorted(scores.items(), key=lambda item: (-item[1], item[0])):
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb or docs[ra] & docs[rb] or len(days[ra] | days[rb]) > 1:
            continue
        if any(pair(x.key, y.key) in forbidden for x in members[ra] for y in members[rb]):
            continue
        uf.union(ra, rb)
        root, other = (ra, rb) if uf.find(ra) == ra else (rb, ra)
        members[root] += members.pop(other)
        docs[root] |= docs.pop(other)
        days[root] |= days.pop(other)
    return [sorted(group, key=lambda r: r.order) for group in members.values()]


def cluster_records(records: list[MentionRecord], scores: Mapping[Pair, float],
                    forbidden: set[Pair]) -> list[list[MentionRecord]]:
    """Every event (as its mentions, in publication order) for a set of mentions.

    ``scores`` maps the matching pairs (score at or above the threshold) to their score.
    """
    return [c for _, c in clusters_by_component(records, scores, forbidden)]


def clusters_by_component(records: list[MentionRecord], scores: Mapping[Pair, float],
                          forbidden: set[Pair]) -> list[tuple[str, list[MentionRecord]]]:
    """Like ``cluster_records``, each event paired with its component (its least key)."""
    by_key = {r.key: r for r in records}
    links = [p for p in scores if p not in forbidden and p[0] in by_key and p[1] in by_key]
    uf = _union(by_key, links)
    members: dict[str, list[MentionRecord]] = defaultdict(list)
    for rec in records:
        members[uf.find(rec.key)].append(rec)
    inner: dict[str, dict[Pair, float]] = defaultdict(dict)
    for p in links:
        inner[uf.find(p[0])][p] = scores[p]
    events: list[tuple[str, list[MentionRecord]]] = []
    for root, group in members.items():
        events.extend((root, c) for c in resolve(group, inner[root], forbidden))
    events.sort(key=lambda c: c[1][0].order)
    return events
