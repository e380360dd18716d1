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


TWO_CLAIMANTS = (
    "Separatist rebels and Islamic State-linked jihadists both claimed on Monday to have "
    "inflicted heavy losses on Nigerien soldiers in fighting near Tamalat, a town in western "
    "Niger, on Saturday.\n\n"
    "The Islamic State Sahel Province said its fighters had killed dozens of troops and seized "
    "vehicles.\n\n"
    "Ansaroul Islam said in a separate statement that its own fighters had carried out the "
    "attack on the same column near Tamalat, killing 31 soldiers.\n\n"
    "Telegram channels linked to the Niger army acknowledged rare heavy losses, including the "
    "death of a captain, and said a sandstorm had helped the attackers.\n"
)


def test_each_group_speaking_of_its_own_fighters_claims_the_attack() -> None:
    (ev,) = events(TWO_CLAIMANTS)
    found = stances(ev)
    assert ("Islamic State Sahel Province", "perpetrator", "claims") in found
    assert ("Ansaroul Islam", "perpetrator", "claims") in found


def test_groups_claiming_to_have_inflicted_losses_claim_and_a_patron_does_not_speak() -> None:
    (ev,) = events(TWO_CLAIMANTS)
    found = stances(ev)
    assert ("Separatist rebels", "perpetrator", "claims") in found
    assert ("Islamic State-linked jihadists", "perpetrator", "claims") in found
    assert not any(speaker == "Islamic State" for speaker, _, _ in found)


def test_channels_linked_to_a_side_speak_with_their_whole_description() -> None:
    (ev,) = events(TWO_CLAIMANTS)
    channel = [a for a in ev.assertions if a.speaker.startswith("Telegram channels")]
    assert channel and all("linked to" in a.speaker or a.speaker.endswith("army")
                           for a in channel)
    assert any(a.stance == "confirms" for a in channel)


ANSWERED_ATTACK = (
    "Russia's defence ministry claimed on Sunday that it had killed 200 Ukrainian soldiers in "
    "a missile strike on a barracks in the eastern city of Sloviansk. Ukrainian officials "
    "said nobody was hurt.\n\n"
    "Moscow said the strike was revenge for a Ukrainian attack on a college in Horlivka, in "
    "Russian-occupied Donetsk region, on January 2. Russia's defence ministry said 45 of its "
    "soldiers died there. Ukraine's military had said around 150 Russian soldiers were killed "
    "in that rocket strike.\n"
)


def test_that_strike_is_the_incident_mentioned_last_and_its_sides_speak_of_it() -> None:
    found = claimwatch.extract(ANSWERED_ATTACK, published=dt.date(2023, 1, 10))
    news = next(ev for ev in found if ev.mention_role == "new")
    answered = next(ev for ev in found if ev.mention_role == "historical")
    assert ("Ukraine's military", "perpetrator", "claims") in stances(answered)
    assert "rocket" in answered.attack_types
    assert not any(a.speaker == "Ukraine's military" for a in news.assertions)
