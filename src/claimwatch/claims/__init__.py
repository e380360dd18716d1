"""Claims stage: who said what about each event, and the status that follows from it."""

from claimwatch.claims.assertions import annotate_claims
from claimwatch.claims.status import StatusDecision, compute_status, status_history

__all__ = ["StatusDecision", "annotate_claims", "compute_status", "status_history"]
