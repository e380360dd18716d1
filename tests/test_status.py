"""Status and responsibility rules: each row of the table, checked on its own example."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from claimwatch.claims import status as status_mod
from claimwatch.claims.status import (
    compute_status,
    responsibility_rules,
    status_history,
    status_rules,
)
from claimwatch.model import Assertion, Evidence


def said(speaker: str, role: str, stance: str) -> Assertion:
    return Assertion(speaker=speaker, stance=stance, speaker_role=role)


# One case per status row, built from the row's example in status_rules.json.
STATUS_CASES = {
    "S1-retracted": (
        [said("Rebel channel", "perpetrator", "claims"),
         said("Rebel channel", "perpetrator", "denies"),
         said("army", "target_state", "no_comment")], [], ["Rebel group"]),
    "S2-denied": (
        [said("Coastal Militia", "perpetrator", "claims"),
         said("Navy", "target_state", "denies")], [], ["Coastal Militia"]),
    "S3-confirmed-by-authority": (
        [said("Northern Front", "perpetrator", "claims"),
         said("army", "target_state", "confirms")], [], ["Northern Front"]),
    "S4-confirmed-claim-corroborated": (
        [said("Hill Brigade", "perpetrator", "claims"),
         said("residents", "witness", "reports")], [], ["Hill Brigade"]),
    "S5-disputed": (
        [said("Eastern Group", "perpetrator", "claims"),
         said("an analyst", "osint", "reports")],
        [Evidence("sirens", "no air-raid sirens sounded", against=True)], ["Eastern Group"]),
    "S6-claimed": (
        [said("Eastern Group", "perpetrator", "claims"),
         said("Government", "target_state", "no_comment")], [], ["Eastern Group"]),
    "S7-reported": ([said("residents", "witness", "reports")], [], []),
}

RESPONSIBILITY_CASES = {
    "R1-contested-rival-claims": (
        [said("Group A", "perpetrator", "claims"), said("Group B", "perpetrator", "claims")],
        ["Group A", "Group B"]),
    "R2-contested-denial": (
        [said("health ministry", "target_state", "attributes"),
         said("army", "perpetrator", "attributes")], ["Army"]),
    "R3-claimed": ([said("Hill Brigade", "perpetrator", "claims")], ["Hill Brigade"]),
    "R4-attributed": (
        [said("police", "target_state", "attributes"),
         said("Insurgent Group", "perpetrator", "no_comment")], ["Insurgent Group"]),
    "R5-unknown": ([said("police", "target_state", "confirms")], []),
}

FAKE_ACTORS = {
    "Group A": SimpleNamespace(name="Group A", kind="organization", category="armed_group",
                               affiliation=None),
    "Group B": SimpleNamespace(name="Group B", kind="organization", category="armed_group",
                               affiliation=None),
    "Group B spokesman": SimpleNamespace(name="Group B spokesman", kind="individual",
                                         category="individual", affiliation="Group B"),
    "United States": SimpleNamespace(name="United States", kind="state", category="state",
                                     affiliation=None),
    "United Kingdom": SimpleNamespace(name="United Kingdom", kind="state", category="state",
                                      affiliation=None),
}


@pytest.fixture
def actor_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(status_mod, "_lookup", lambda name: FAKE_ACTORS.get(name))


def test_every_row_has_a_case_and_an_example() -> None:
    assert {r.id for r in status_rules()} == set(STATUS_CASES)
    assert {r.id for r in responsibility_rules()} == set(RESPONSIBILITY_CASES)
    for rule in (*status_rules(), *responsibility_rules()):
        assert rule.description and rule.example


@pytest.mark.parametrize("row_id", sorted(STATUS_CASES))
def test_status_row_decides_its_example(row_id: str, actor_table: None) -> None:
    assertions, evidence, perpetrators = STATUS_CASES[row_id]
    decision = compute_status(assertions, evidence, perpetrators)
    expected = next(r.value for r in status_rules() if r.id == row_id)
    assert decision.status == expected
    assert decision.rule.startswith(row_id)


@pytest.mark.parametrize("row_id", sorted(RESPONSIBILITY_CASES))
def test_responsibility_row_decides_its_example(row_id: str, actor_table: None) -> None:
    assertions, perpetrators = RESPONSIBILITY_CASES[row_id]
    decision = compute_status(assertions, [], perpetrators)
    expected = next(r.value for r in responsibility_rules() if r.id == row_id)
    assert decision.responsibility.status == expected
    assert decision.rule.endswith(row_id)


def test_joint_strike_by_two_states_is_claimed_not_contested(actor_table: None) -> None:
    decision = compute_status(
        [said("United States", "perpetrator", "claims"),
         said("United Kingdom", "perpetrator", "claims")], [],
        ["United States", "United Kingdom"])
    assert decision.responsibility.status == "claimed"
    assert decision.responsibility.by == ["United States", "United Kingdom"]


def test_a_spokesman_and_his_group_are_one_claimant(actor_table: None) -> None:
    decision = compute_status(
        [said("Group B", "perpetrator", "claims"),
         said("Group B spokesman", "perpetrator", "claims")], [], ["Group B"])
    assert decision.responsibility.status == "claimed"


def test_claim_without_known_perpetrator_names_the_claimant() -> None:
    decision = compute_status([said("Some Brigade", "perpetrator", "claims")], [], [])
    assert decision.responsibility.by == ["Some Brigade"]


def test_denial_of_involvement_alone_does_not_deny_the_event() -> None:
    decision = compute_status(
        [said("Group X", "perpetrator", "denies"), said("Reuters", "media", "reports")], [],
        ["Group X"])
    assert decision.status == "reported"


def test_status_history_keeps_only_changes() -> None:
    day = dt.date(2024, 3, 1)
    changes = status_history([
        (day, "r1", "claimed"), (day + dt.timedelta(1), "r2", "claimed"),
        (day + dt.timedelta(2), "r3", "confirmed"), (day + dt.timedelta(3), "r4", "confirmed"),
    ])
    assert [(c.status, c.document_id) for c in changes] == [("claimed", "r1"),
                                                             ("confirmed", "r3")]
    assert status_history([]) == []
