"""Extraction rules found by probing with invented reports of several conflicts (session 5),
each on an invented sentence."""

from __future__ import annotations

from claimwatch.extract.lexicon import lexicon
from claimwatch.extract.roles import _state_force_modifier
from invented_reports import events, parsed_word


def test_readiness_to_answer_any_attack_is_no_incident() -> None:
    assert events("The defence minister of Kelvania said the army was prepared to respond "
                  "with force to any attack on its border posts.") == []
    assert events("A militia commander said his fighters were ready to strike the airport "
                  "at short notice.") == []


def test_thrown_grenade_is_an_attack_and_the_throw_is_no_part_of_the_weapon() -> None:
    (ev,) = events("A man threw a hand grenade into a crowded bar in Garissa on Friday night, "
                   "wounding nine people, police said.")
    assert ev.attack_types == ["bombing"]
    assert ev.weapons == ["hand grenade"]
    assert ev.injured.low == 9
    (ev,) = events("Gunmen opened fire and hurled hand grenades at a police post in Wajir on "
                   "Saturday, killing four officers.")
    assert ev.weapons == ["hand grenade"]
    assert events("The minister threw his weight behind the new border plan on Friday.") == []


def test_explosion_of_grenades_only_is_acled_grenade() -> None:
    (ev,) = events("A man threw a hand grenade into a crowded bar in Garissa on Friday night, "
                   "wounding nine people, police said.")
    assert (ev.event_type, ev.sub_event_type) == ("Explosions/Remote violence", "Grenade")
    (ev,) = events("A roadside bomb hit a bus near Garissa on Friday, killing six passengers.")
    assert ev.sub_event_type == "Remote explosive/landmine/IED"


def test_people_missing_are_abducted_only_after_an_abduction() -> None:
    (ev,) = events("Rebels attacked an army camp near Garoua on Monday, killing 13 soldiers, "
                   "the army said. Several others were missing.")
    assert ev.abducted.low is None and ev.abducted.high is None
    (ev,) = events("Gunmen abducted aid workers near Garoua on Monday. Three aid workers are "
                   "missing, the agency said.")
    assert (ev.abducted.low, ev.abducted.high) == (3, 3)


def test_attackers_killed_in_another_sentence_add_to_the_toll() -> None:
    (ev,) = events("Militants attacked a police checkpoint in Wajir on Saturday, killing four "
                   "policemen, officials said. Two of the assailants were killed when police "
                   "returned fire.")
    assert (ev.fatalities.low, ev.fatalities.high) == (6, 6)
    (ev,) = events("Gunmen stormed a hotel in Wajir on Monday, killing ten people including two "
                   "of the attackers.")
    assert (ev.fatalities.low, ev.fatalities.high) == (10, 10)


def test_grenades_thrown_in_a_shooting_do_not_make_it_a_grenade_event() -> None:
    (ev,) = events("Gunmen opened fire and hurled hand grenades at a wedding party in Wajir on "
                   "Saturday, killing four guests.")
    assert (ev.event_type, ev.sub_event_type) == ("Violence against civilians", "Attack")


def test_count_of_clashes_over_a_span_is_a_tally() -> None:
    evs = events("Russian drones struck a grain store in Okhtyrka on Tuesday night, killing two "
                 "workers. The General Staff said that 95 combat clashes had taken place along "
                 "the front over the past day.")
    assert [ev.attack_types for ev in evs] == [["drone"]]


def test_bare_army_modifying_an_attack_names_the_country_forces() -> None:
    (ev,) = events("An army drone strike on a village market near Gwoza, in Nigeria's Borno "
                   "state, killed at least 30 civilians on Monday, residents said.")
    assert [p.name for p in ev.perpetrators] == ["Nigerian Army"]
    assert ev.weapons == ["drone"]


def test_bomber_who_detonates_her_explosives_is_no_aircraft() -> None:
    evs = events("Two suicide bombers struck a market in Bama, Nigeria, on Saturday, killing "
                 "nine people. The first bomber detonated her explosives near a fuel station.")
    assert all("airstrike" not in ev.attack_types for ev in evs)
    assert evs[0].sub_event_type == "Suicide bomb"
    (ev,) = events("Russian bombers struck a factory in Kharkiv on Monday, killing two workers.")
    assert ev.attack_types == ["airstrike"]


def test_dead_and_hurt_told_in_one_figure_count_as_neither() -> None:
    (ev,) = events("Gunmen killed or wounded 30 people at a bus station in Jalalabad on Monday.")
    assert ev.injured.low is None and ev.fatalities.low is None
    (ev,) = events("Gunmen attacked a bus in Jalalabad on Monday, killing six and wounding 13 "
                   "passengers.")
    assert (ev.fatalities.low, ev.injured.low) == (6, 13)


def test_count_of_attacks_over_this_week_is_a_tally_not_the_first_incident() -> None:
    evs = events("Two attacks in Kelvania's border regions this week killed at least 11 people, "
                 "officials said. On Monday, rebels raided the village of Dorsk, shooting dead "
                 "three farmers. Late on Tuesday, a roadside bomb struck an army truck near "
                 "Velna, killing two soldiers.")
    assert sorted(ev.fatalities.low for ev in evs) == [2, 3]
    assert all(a.name != "Kelvania" for ev in evs for a in ev.perpetrators)


def test_an_adjective_before_the_count_is_the_verbs_not_the_targets() -> None:
    (ev,) = events("On Friday, rebels raided the hamlet of Dorsk, shooting dead six herders, "
                   "a local chief said.")
    assert "herders" in [t.text for t in ev.targets]
    assert all(not t.text.startswith("dead") for t in ev.targets)


def test_abducted_or_kidnapped_and_killed_counts_the_dead() -> None:
    (ev,) = events("Militants abducted and killed four herders near Tavolo on Monday, "
                   "residents said.")
    assert (ev.fatalities.low, ev.fatalities.high) == (4, 4)
    (ev,) = events("Gunmen kidnapped and beheaded two traders near Tavolo on Monday.")
    assert (ev.fatalities.low, ev.fatalities.high) == (2, 2)


def test_men_killed_are_victims_told_again_not_attackers() -> None:
    (ev,) = events("Gunmen attacked a cafe in Tavolo on Friday, killing three people, police "
                   "said. Two men were killed on the spot and one died in hospital.")
    assert (ev.fatalities.low, ev.fatalities.high) == (3, 3)
    (ev,) = events("Gunmen killed 9 people in a village near Tavolo on Monday. Five men were "
                   "killed in the church and four women in their homes.")
    assert (ev.fatalities.low, ev.fatalities.high) == (9, 9)


def test_attackers_killed_are_not_added_to_a_death_toll() -> None:
    (ev,) = events("Gunmen stormed a hotel in Tavolo on Monday, killing five people. The death "
                   "toll rose to 8 on Tuesday, police said. Two of the assailants were killed "
                   "by police.")
    assert (ev.fatalities.low, ev.fatalities.high) == (8, 8)


def test_thrown_party_stun_grenades_and_riot_missiles_are_no_attacks() -> None:
    for text in ("The consulate threw a cocktail party for visiting mayors on Friday.",
                 "Police threw stun grenades at marchers in Tavolo on Monday, injuring 7 "
                 "people.",
                 "Riot police lobbed tear gas grenades at students in Tavolo on Monday.",
                 "Protesters threw Molotov cocktails and stones at riot police in Tavolo on "
                 "Monday.",
                 "Prosecutors dropped the charges against the mayor of Tavolo on Monday."):
        assert events(text) == [], text


def test_thrown_grenade_and_molotov_cocktail_stay_attacks() -> None:
    (ev,) = events("Militants threw a grenade at a police post in Tavolo on Monday, wounding "
                   "two officers.")
    assert ev.attack_types == ["bombing"]
    (ev,) = events("Attackers hurled Molotov cocktails at a church in Tavolo on Monday.")
    assert ev.attack_types == ["arson"]


def test_state_force_word_modifying_the_target_or_hyphened_is_no_perpetrator() -> None:
    (ev,) = events("An army camp attack near Tavolo on Monday killed 6 soldiers, officials "
                   "said.")
    assert ev.perpetrators == []
    for text in ("A military-style raid on a market in Tavolo killed 8 people.",
                 "An army-style drone attack on a market in Tavolo killed 8 people."):
        noun = next(t for t in parsed_word(text, "killed").children if t.dep_ == "nsubj")
        assert _state_force_modifier(noun, lexicon()) is None, text
    noun = next(t for t in parsed_word("An army drone strike on Tavolo killed 8 people.",
                                       "killed").children if t.dep_ == "nsubj")
    assert _state_force_modifier(noun, lexicon()) is not None


def test_a_suicide_attack_in_another_sentence_makes_no_bomber_a_person() -> None:
    from claimwatch.extract.triggers import _person_bomber
    text = ("A suicide bomber blew himself up at a gate in Tavolo on Monday. On Tuesday, "
            "heavy bombers struck a depot near Velmora.")
    assert not _person_bomber(parsed_word(text, "bombers"))
    assert _person_bomber(parsed_word(text, "bomber"))
