"""Claim rules found by probing with invented reports of several conflicts (session 5),
each on an invented sentence."""

from __future__ import annotations

from invented_reports import events


def test_group_speaking_of_its_named_unit_claims_the_attack() -> None:
    (ev,) = events("The People's Defence Force said on Tuesday that its drone unit had bombed "
                   "an army outpost near Pyapon on Monday night, killing nine soldiers.")
    (claim,) = [a for a in ev.assertions if a.speaker_role == "perpetrator"]
    assert claim.stance == "claims"
    assert [p.name for p in ev.perpetrators] == ["People's Defence Force"]
    assert ev.status == "claimed"


def test_tally_of_attacks_blamed_on_a_side_is_no_word_on_this_one() -> None:
    (ev,) = events("The Karvash Brigades said on Monday that it had attacked the Tamir air base "
                   "in Anbar with drones. US officials have blamed the militias for more than "
                   "90 attacks on American forces since October.")
    assert [a.speaker for a in ev.assertions] == ["Karvash Brigades"]
    assert ev.status == "claimed"


def test_known_body_named_after_its_owner_speaks_under_its_own_name() -> None:
    (ev,) = events("Myanmar's People's Defence Force said on Tuesday that its fighters had "
                   "bombed an army outpost near Pyapon on Monday night.")
    assert [a.speaker for a in ev.assertions] == ["People's Defence Force"]
    (ev,) = events("The British military's United Kingdom Maritime Trade Operations agency "
                   "said a bulk carrier was struck by a drone on Monday in the Gulf of Aden, "
                   "east of Aden.")
    assert [a.speaker for a in ev.assertions] == ["United Kingdom Maritime Trade Operations"]


def test_group_mouthpiece_speaks_for_the_group() -> None:
    (ev,) = events("A suicide bomber killed five people at a bus stop in Jalalabad on Monday, "
                   "police said. In a post on Tuesday, Amaq said one of its men had "
                   "set off the explosives.")
    claims = [a for a in ev.assertions if a.stance == "claims"]
    assert [(a.speaker, a.speaker_role) for a in claims] == [("Islamic State", "perpetrator")]
    assert [p.name for p in ev.perpetrators] == ["Islamic State"]


def test_group_saying_a_fighter_of_its_did_it_claims_the_attack() -> None:
    (ev,) = events("A bomb tore through a market in Dera Bugti on Monday, killing four people, "
                   "police said. The Balochistan Liberation Army said a fighter from its Zehri "
                   "wing had planted the bomb.")
    claims = [a for a in ev.assertions if a.stance == "claims"]
    assert [a.speaker_role for a in claims] == ["perpetrator"]
    assert [a.speaker for a in claims] == ["Balochistan Liberation Army"]
    assert [p.name for p in ev.perpetrators] == ["Balochistan Liberation Army"]


def test_group_speaking_of_its_own_losses_is_no_claimant() -> None:
    (ev,) = events("A drone strike hit a van near Qalvor on Monday, killing two people. The "
                   "Zarkan Front said a fighter from its Serin unit was among the dead.")
    assert [a.stance for a in ev.assertions] == ["reports"]
    assert ev.status != "claimed"
    assert "Zarkan Front" not in [p.name for p in ev.perpetrators]


def test_organisation_whose_units_took_the_wounded_or_were_hit_is_no_perpetrator() -> None:
    for said in ("The Orvel Relief Network said its ambulance units had taken 20 wounded.",
                 "The Tesmar Shipping Company said its port security units were among "
                 "those hit."):
        (ev,) = events("A missile struck the docks of Velmora on Monday, killing three "
                       "people. " + said)
        assert [a.speaker_role for a in ev.assertions] == ["unknown"], said
        assert ev.perpetrators == [], said
