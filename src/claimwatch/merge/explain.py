"""Merge decisions in words, for ``claimwatch show EVENT_ID --why``."""

from __future__ import annotations

from typing import Any


def describe_decision(decision: dict[str, Any]) -> str:
    """One decision as a line: the two reports, the verdict, the score and its evidence."""
    a, b = decision["documents"]
    verdict = {"same": "merged", "different": "kept apart",
               "split": "split by a user",
               "veto": "ruled out"}.get(decision["decision"], decision["decision"])
    evidence = "; ".join(
        r["detail"] if r["feature"] in ("veto", "user")
        else f"{r['feature']} {r['value']:.2f}x{r['weight']:g} ({r['detail']})"
        for r in decision["reasons"])
    where = "" if decision.get("within_event", True) else " [with another event]"
    return f"{a} + {b}: {verdict}, score {decision['score']:.2f}{where} - {evidence}"


def describe_decisions(decisions: list[dict[str, Any]]) -> list[str]:
    """Every decision about an event's reports; a note when only one report holds it."""
    if not decisions:
        return ["single report: no other report was a candidate for merging"]
    return [describe_decision(d) for d in decisions]
