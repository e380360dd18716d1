"""Merging a whole set of mentions in memory: blocking, scoring, clustering, merged values.

The store merges incrementally, one report at a time; this runs the same pure functions
over a list (used to rebuild a ledger and by ``bench/merge.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from claimwatch.merge.blocking import BlockIndex, query_terms
from claimwatch.merge.cluster import Pair, cluster_records, pair
from claimwatch.merge.profile import MentionRecord, Profile, profile
from claimwatch.merge.score import PairScore, score_pair


@dataclass
class MatchResult:
    """What matching found: matching pairs with their score, vetoed pairs, the work done."""

    matches: dict[Pair, float] = field(default_factory=dict)
    vetoed: set[Pair] = field(default_factory=set)
    compared: int = 0


def match(records: list[MentionRecord], threshold: float,
          on_pair: Callable[[Profile, Profile, PairScore], None] | None = None) -> MatchResult:
    """Score every candidate pair that blocking proposes; keep the matching ones."""
    index = BlockIndex()
    profiles: list[Profile] = []
    result = MatchResult()
    for i, rec in enumerate(records):
        p = profile(rec)
        for j in sorted(index.lookup(query_terms(p))):
            other = profiles[j]
            if other.document_id == p.document_id:
                continue
            verdict = score_pair(other, p)
            result.compared += 1
            if on_pair is not None:
                on_pair(other, p, verdict)
            if verdict.veto:
                result.vetoed.add(pair(other.key, p.key))
            elif verdict.same(threshold):
                result.matches[pair(other.key, p.key)] = verdict.score
        index.add(i, p)
        profiles.append(p)
    return result


def cluster_all(records: list[MentionRecord], threshold: float,
                forbidden: set[Pair] | None = None) -> list[list[MentionRecord]]:
    """Every event, as its mentions, for a list of mentions."""
    found = match(records, threshold)
    return cluster_records(records, found.matches, found.vetoed | (forbidden or set()))
