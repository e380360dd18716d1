"""claimwatch: a ledger of attacks from conflict news reports, with their claims."""

from __future__ import annotations

__version__ = "0.1.0"
