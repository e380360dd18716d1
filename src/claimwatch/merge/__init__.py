"""Cross-report matching: one event per incident, however many reports describe it."""

from claimwatch.merge.batch import MatchResult, cluster_all, match
from claimwatch.merge.blocking import BlockIndex, insert_keys, query_terms
from claimwatch.merge.cluster import cluster_records, components, pair
from claimwatch.merge.profile import MentionRecord, Profile, profile
from claimwatch.merge.score import PairScore, Reason, score_pair, threshold
from claimwatch.merge.values import merge_count, merge_dates, merge_events

__all__ = [
    "BlockIndex",
    "MatchResult",
    "MentionRecord",
    "PairScore",
    "Profile",
    "Reason",
    "cluster_all",
    "cluster_records",
    "components",
    "insert_keys",
    "match",
    "merge_count",
    "merge_dates",
    "merge_events",
    "pair",
    "profile",
    "query_terms",
    "score_pair",
    "threshold",
]
