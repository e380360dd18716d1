"""Claims and silences told about an earlier incident a report recalls, through the
whole pipeline: who 'the group' and 'it' are, and what 'never confirmed' says."""

from __future__ import annotations

import datetime as dt

import pytest

import claimwatch
from claimwatch.model import Event

PUBLISHED = dt.date(2023, 5, 10)


def events(text: str) -> list[Event]:
    return claimwatch.extract(text, published=PUBLISHED)


def stances(ev: Event) -> set[tuple[str, str, str]]:
    return {(a.speaker, a.speaker_role, a.stance) for a in ev.assertions}


# The earlier incident is recalled with 'the group ... it had ...'; the state's army is
# named in between, and the state's silence closes the sentence.
RECALLED_CLAIM_THAT = (
    "Gunmen shot dead eleven farmers near Udeni, a hamlet in Borno state, Nigeria, late on "
    "Wednesday, according to two residents.\n\n"
    "Boko Haram said on Thursday that its men were behind the killings.\n\n"
    "Attacks on Nigeria's army have grown bolder too. Last August the group announced that "
    "it had overrun an army post at Kerawa and killed 27 soldiers; the army never "
    "acknowledged the deaths.\n"
)

# The same, with the pronoun 'they' and the claim told before the silence's subject.
RECALLED_CLAIM_THEY = (
    "Residents of Dalwa, in Borno state in Nigeria, buried six fishermen on Sunday after an "
    "attack the previous night that a local chief blamed on Boko Haram.\n\n"
    "Nigeria's army has been the militants' main target this year. In February the group "
    "claimed they had ambushed a convoy outside Bama and killed 18 soldiers, losses the "
    "military never confirmed.\n"
)


@pytest.mark.parametrize("text", [RECALLED_CLAIM_THAT, RECALLED_CLAIM_THEY])
def test_it_in_the_groups_own_claim_is_the_group_not_the_army_named_before(text: str) -> None:
    recalled = next(ev for ev in events(text) if ev.mention_role == "historical")
    assert [a.name for a in recalled.perpetrators] == ["Boko Haram"]
    assert ("Boko Haram", "perpetrator", "claims") in stances(recalled)


@pytest.mark.parametrize("text", [RECALLED_CLAIM_THAT, RECALLED_CLAIM_THEY])
def test_a_state_that_never_confirmed_losses_has_no_comment(text: str) -> None:
    recalled = next(ev for ev in events(text) if ev.mention_role == "historical")
    assert any(role == "target_state" and stance == "no_comment"
               for _, role, stance in stances(recalled))


RIVAL_CLAIMS = (
    "A gendarmerie convoy was ambushed on Friday outside Djibasso, in western Burkina Faso, "
    "and by Sunday two armed groups were competing for the credit.\n\n"
    "Ansaroul Islam, in a message sent to journalists, said its own fighters had laid the "
    "ambush and that 26 gendarmes died.\n\n"
    "Islamic State Sahel Province, for its part, said its fighters had destroyed four "
    "trucks and killed most of the escort.\n\n"
    "Bloggers close to the junta confirmed the convoy had been hit, blaming a lack of air "
    "cover.\n"
)

BOTH_CLAIM_TO_HAVE_KILLED = (
    "A convoy was ambushed on Friday outside Djibasso, in western Burkina Faso.\n\n"
    "Hunters' militias and al-Qaeda-linked militants claimed on Sunday to have "
    "inflicted severe casualties on the gendarmes.\n\n"
    "Telegram channels linked to the army of Burkina Faso admitted the heavy losses, "
    "including a colonel, and said fog had hidden the attackers.\n"
)


def all_stances(text: str) -> set[tuple[str, str, str]]:
    return set().union(*(stances(ev) for ev in events(text)))


def test_each_group_speaking_of_its_own_fighters_claims_the_attack() -> None:
    found = all_stances(RIVAL_CLAIMS)
    assert ("Islamic State Sahel Province", "perpetrator", "claims") in found
    assert ("Ansaroul Islam", "perpetrator", "claims") in found


def test_groups_claiming_to_have_inflicted_losses_claim_and_a_patron_does_not_speak() -> None:
    found = all_stances(BOTH_CLAIM_TO_HAVE_KILLED)
    assert ("Hunters' militias", "perpetrator", "claims") in found
    assert ("al-Qaeda-linked militants", "perpetrator", "claims") in found
    assert not any(speaker == "al-Qaeda" for speaker, _, _ in found)


@pytest.mark.parametrize(("text", "speaker"), [
    (RIVAL_CLAIMS, "Bloggers close to the junta"),
    (BOTH_CLAIM_TO_HAVE_KILLED, "Telegram channels linked to the army of Burkina Faso"),
])
def test_accounts_linked_to_a_side_speak_with_their_whole_description(
        text: str, speaker: str) -> None:
    assert speaker in {s for s, _, _ in all_stances(text)}


# 'that ... strike' is the incident named last before it (the attack the strike answered),
# not the strike named by the same word; both share the paragraph.
ANSWERED_ATTACK = (
    "Ukraine's air force said on Friday that a drone strike had destroyed a Russian "
    "ammunition depot near Tokmak, killing about 70 troops. Russian officials said the "
    "depot was empty.\n\n"
    "Kyiv said the strike was in response to a Russian attack on a maternity ward in "
    "Kupiansk on March 3, in which 9 patients died, according to its health ministry. In "
    "that artillery strike, Russia's military claimed, dozens of Ukrainian officers were "
    "killed.\n"
)

ANSWERED_ATTACK_LATER = (
    "Ukraine's air force said on Friday that it had destroyed a Russian ammunition depot "
    "near Tokmak with a drone strike, killing about 70 troops. Russian officials said the "
    "depot was empty.\n\n"
    "Kyiv said the strike was in response to a Russian attack on a maternity ward in "
    "Kupiansk on March 3. Its health ministry said 9 patients died there. Russia's military "
    "claimed dozens of Ukrainian officers were killed in that artillery strike.\n"
)


@pytest.mark.parametrize("text", [ANSWERED_ATTACK, ANSWERED_ATTACK_LATER])
def test_that_strike_is_the_incident_mentioned_last_and_its_sides_speak_of_it(
        text: str) -> None:
    found = claimwatch.extract(text, published=dt.date(2023, 3, 12))
    news = next(ev for ev in found if ev.mention_role == "new")
    answered = next(ev for ev in found if ev.mention_role == "historical")
    assert ("Russia's military", "perpetrator", "claims") in stances(answered)
    assert "artillery" in answered.attack_types
    assert "artillery" not in news.attack_types
    assert not any(a.speaker == "Russia's military" for a in news.assertions)
