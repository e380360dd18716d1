"""Extract: a parsed report -> event mentions (triggers, roles, weapons, counts)."""

from claimwatch.extract.mentions import find_mentions

__all__ = ["find_mentions"]
