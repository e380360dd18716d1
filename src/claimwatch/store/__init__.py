"""The ledger's storage: SQLite (default) or PostgreSQL behind one interface, with migrations.

``engine`` opens a store and migrates it, ``schema`` declares the tables, ``write`` adds
reports and rebuilds the events they touch (one transaction per report), ``read`` queries.
``claimwatch.ledger.Ledger`` is the interface users call.
"""

from claimwatch.store.engine import create, database_url, upgrade
from claimwatch.store.read import EventQuery
from claimwatch.store.write import Changes

__all__ = ["Changes", "EventQuery", "create", "database_url", "upgrade"]
