"""From scored pairs to events: connected matches, split where a report or a user forbids.

The events are a function of the set of mentions, the pair scores and the sticky split
decisions, never of arrival order: matches form connected components; a component is one
event unless it holds two mentions of the same report (a report already told its
incidents apart) or a pair a user split. Such a component is divided greedily, in
publication order, each mention joining the best-matching compatible event.
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


def _conflicts(records: list[MentionRecord], forbidden: set[Pair]) -> bool:
    docs = [r.document_id for r in records]
    if len(set(docs)) < len(docs):
        return True
    keys = [r.key for r in records]
    return any(pair(a, b) in forbidden for i, a in enumerate(keys) for b in keys[i + 1:])


def resolve(records: list[MentionRecord], scores: Mapping[Pair, float],
            forbidden: set[Pair]) -> list[list[MentionRecord]]:
    """The events of one component: ``scores`` holds its matching pairs only."""
    ordered = sorted(records, key=lambda r: r.order)
    if not _conflicts(ordered, forbidden):
        return [ordered]
    clusters: list[list[MentionRecord]] = []
    for rec in ordered:
        best, best_score = None, -1.0
        for cluster in clusters:
            if any(m.document_id == rec.document_id or pair(m.key, rec.key) in forbidden
                   for m in cluster):
                continue
            s = max((scores.get(pair(m.key, rec.key), -1.0) for m in cluster), default=-1.0)
            if s > best_score:
                best, best_score = cluster, s
        if best is not None and best_score >= 0:
            best.append(rec)
        else:
            clusters.append([rec])
    return clusters


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
