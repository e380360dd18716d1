"""Claims and silences told about an earlier incident a report recalls, through the
whole pipeline: who 'the group' and 'it' are, and what 'never confirmed' says."""

from __future__ import annotations

import datetime as dt

import claimwatch
from claimwatch.model import Event

PUBLISHED = dt.date(2023, 5, 10)


def events(text: str) -> list[Event]:
    return claimwatch.extract(text, published=PUBLISHED)


def stances(ev: Event) -> set[tuple[str, str, str]]:
    return {(a.speaker, a.speaker_role, a.stance) for a in ev.assertions}


RECALLED_CLAIM = (
    "Islamist fighters killed at least 30 people in an attack on the village of Dorkala in "
    "north-eastern Nigeria on Monday, local officials said.\n\n"
    "Boko Haram claimed the attack in a statement on Tuesday.\n\n"
    "Boko Haram has intensified attacks on Nigeria's army this year. In March, the group said "
    "it had killed more than 50 soldiers in a raid on an army camp at Gwoza, in Borno state "
    "near the border with Cameroon; the military never confirmed any losses.\n"
)


def test_it_in_the_groups_own_claim_is_the_group_not_the_army_named_before() -> None:
    recalled = next(ev for ev in events(RECALLED_CLAIM) if ev.mention_role == "historical")
    assert [a.name for a in recalled.perpetrators] == ["Boko Haram"]
    assert ("Boko Haram", "perpetrator", "claims") in stances(recalled)


def test_a_state_that_never_confirmed_losses_has_no_comment() -> None:
    recalled = next(ev for ev in events(RECALLED_CLAIM) if ev.mention_role == "historical")
    assert any(role == "target_state" and stance == "no_comment"
               for _, role, stance in stances(recalled))
