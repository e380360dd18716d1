"""Extraction rules found by probing with invented reports of several conflicts (session 5),
each on an invented sentence."""

from __future__ import annotations

from invented_reports import events


def test_readiness_to_answer_any_attack_is_no_incident() -> None:
    assert events("The defence minister of Kelvania said the army was prepared to respond "
                  "with force to any attack on its border posts.") == []
    assert events("A militia commander said his fighters were ready to strike the airport "
                  "at short notice.") == []
