"""More extraction rules found by probing with invented wire reports (weapon names of
several words, speakers and statement dates, unrelated paragraphs, executions), each on an
invented sentence."""

from __future__ import annotations

import datetime as dt

from invented_reports import events


def test_hyphenated_weapon_name_is_one_weapon() -> None:
    (ev,) = events("Gunmen firing rocket-propelled grenades raided a police station in "
                   "Kisumu on Monday, killing three officers.")
    assert "rocket" not in ev.attack_types and "bombing" not in ev.attack_types
    assert "shooting" in ev.attack_types
    assert ev.weapons == ["rocket-propelled grenade"]
    assert ev.sub_event_type != "Shelling/artillery/missile attack"


def test_wire_dateline_is_neither_attacker_nor_date() -> None:
    text = ("GAROUA, Cameroon, March 7 (AFP) -- Gunmen raided a police post in the Far North "
            "region, killing four officers, the defence ministry said on Thursday.\n\n"
            "The raid took place on Tuesday night near the hamlet of Koza, the ministry said. "
            "Two more officers were wounded.")
    (ev,) = events(text, dt.date(2024, 3, 7))
    assert ev.perpetrators == []
    assert (ev.date_start, ev.date_end) == (dt.date(2024, 3, 5), dt.date(2024, 3, 5))
    assert (ev.fatalities.low, ev.injured.low) == (4, 2)


def test_attack_on_a_gold_mine_is_no_mine_blast() -> None:
    (ev,) = events("On Monday an attack on a copper mine near Garoua killed nine workers, "
                   "residents said.")
    assert "ied" not in ev.attack_types
    assert ev.weapons == []
    (ev,) = events("On Monday a mine killed two herders near Garoua.")
    assert ev.attack_types == ["ied"]


def test_area_name_the_model_mistakes_for_a_product_is_a_place() -> None:
    (ev,) = events("Gunmen attacked a bus in eastern Niger's Tillaberi region on Monday, "
                   "killing six passengers.")
    assert ev.location is not None and ev.location.country == "Niger"


def test_offensive_a_campaign_began_with_adds_nothing_to_a_strike() -> None:
    (ev,) = events("Russian forces struck a school in Kherson with a missile on Monday, killing "
                   "two teachers. Russia has shelled the city since launching an offensive in "
                   "the region last year.")
    assert ev.attack_types == ["missile"]


def test_drones_shot_down_over_another_sea_are_another_event() -> None:
    strike, downed = events("Houthi forces fired a missile at a tanker in the Gulf of Aden on "
                            "Monday, setting it ablaze, the US military said. Earlier on Monday, "
                            "the military said its warships had shot down three Houthi drones "
                            "over the Red Sea.")
    assert strike.attack_types == ["missile"]
    assert "interception" in downed.attack_types
    assert downed.sub_event_type == "Disrupted weapons use"
    assert [a.name for a in downed.perpetrators] == ["Houthis"]  # whose drones, not the shooter


def test_summary_execution_is_violence_against_civilians() -> None:
    (ev,) = events("Militiamen summarily executed at least 20 villagers near Goma on Saturday, "
                   "a rights group said.")
    assert ev.event_type == "Violence against civilians"
    assert ev.fatalities.low == 20
    (ev,) = events("Government troops rounded up the men of a village near Goma on Monday and "
                   "executed them without trial, witnesses said.")
    assert (ev.event_type, ev.sub_event_type) == ("Violence against civilians", "Attack")


def test_judicial_execution_or_a_plan_executed_is_no_attack() -> None:
    assert events("The convicted spy was executed by firing squad on Monday after a military "
                  "trial.") == []
    assert events("Rebels executed a plan to seize the town on Monday.") == []


def test_shells_after_mortar_rounds_are_the_mortar_rounds() -> None:
    (ev,) = events("Mortar rounds crashed into a bus station in Kisumu on Monday, killing three "
                   "passengers. Witnesses said the shells landed near the ticket office.")
    assert ev.attack_types == ["mortar"]
    assert ev.weapons == ["mortar round"]
    (ev,) = events("Mortar rounds and howitzer shells hit a school in Kisumu on Monday, killing "
                   "three pupils.")
    assert set(ev.attack_types) == {"mortar", "artillery"}


def test_court_words_outside_the_execution_leave_it_summary() -> None:
    for text in ("Militiamen executed 12 villagers near the market, the officer in charge of "
                 "the district said.",
                 "Gunmen executed a local judge and his two sons at their farm on Sunday.",
                 "Jihadists executed 15 civilians in the village, days after a court in the "
                 "capital jailed their leader."):
        (ev,) = events(text)
        assert ev.event_type == "Violence against civilians", text


def test_court_words_in_the_executions_own_phrases_make_it_a_sentence() -> None:
    assert events("The judiciary said it had executed two men convicted of spying for a "
                  "foreign power.") == []
    assert events("The prisoner was executed by firing squad on Tuesday following his "
                  "conviction for spying.") == []


def test_executed_soldiers_are_violence_against_civilians() -> None:
    (ev,) = events("Militants summarily executed 14 captured soldiers near the border on "
                   "Monday, the army said.")
    assert (ev.event_type, ev.sub_event_type) == ("Violence against civilians", "Attack")


def test_the_word_suicide_alone_makes_no_suicide_attack() -> None:
    (ev,) = events("A roadside bomb exploded near a suicide prevention clinic in Kisumu on "
                   "Monday, killing three people, in a bombing police blamed on militants.")
    assert ev.attack_types == ["ied"]
    assert ev.sub_event_type == "Remote explosive/landmine/IED"
    (ev,) = events("A man blew himself up at a checkpoint in Kisumu on Monday, killing three "
                   "soldiers, police said.")
    assert ev.sub_event_type == "Suicide bomb"


def test_suicide_attack_phrases() -> None:
    from claimwatch.extract.acled import tells_suicide_attack

    assert tells_suicide_attack("Two suicide bombers struck the market.")
    assert tells_suicide_attack("A suicide car bomb hit the gate.")
    assert tells_suicide_attack("She blew herself up at the gate.")
    assert not tells_suicide_attack("A bomb hit a suicide prevention clinic.")
    assert not tells_suicide_attack("Police ruled the death a suicide.")


def test_the_thing_detonated_is_the_device_not_the_target() -> None:
    (ev,) = events("A bomber strapped with explosives walked into a bakery in Garissa on "
                   "Monday and detonated the belt at the counter, killing five people, "
                   "police said.")
    texts = [t.text for t in ev.targets]
    assert "belt" not in texts
    assert "counter" in texts


def test_what_steps_on_or_runs_over_a_mine_is_the_target() -> None:
    (ev,) = events("Three police officers were killed on Monday when their truck drove over "
                   "a landmine near the village of Karuma, the district governor said.")
    assert "truck" in [t.text for t in ev.targets]
    (ev,) = events("Late last month, a mine killed six farmers when their tractor hit it on "
                   "a dirt track outside Karuma, villagers said.")
    texts = [t.text for t in ev.targets]
    assert "tractor" in texts
    assert "dirt track" not in texts and "track" not in texts
