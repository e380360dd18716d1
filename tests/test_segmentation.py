"""Event identity within one report: which sentences describe one incident, which several.

Every text here is invented for these tests and runs through the real pipeline.
"""

from __future__ import annotations

import datetime as dt

import claimwatch
from invented_reports import events, parsed_word


def test_two_sides_attacking_in_one_sentence_are_two_incidents() -> None:
    text = ("Hamas fired a salvo of rockets at Sderot on Monday, and that evening an "
            "Israeli air strike hit a house in Khan Younis, killing five people.")
    found = events(text)
    assert len(found) == 2
    assert {frozenset(e.attack_types) & {"rocket", "airstrike"} for e in found} == {
        frozenset({"rocket"}), frozenset({"airstrike"})}


def test_sentence_opening_date_dates_every_verb_of_the_sentence() -> None:
    text = ("Soldiers raided a village near Nablus on Monday, arresting six men. "
            "On Tuesday afternoon, a man drove his car into a bus stop in Haifa and then "
            "stabbed two passers-by, police said.")
    found = sorted(events(text), key=lambda e: e.date_start or dt.date.min)
    assert len(found) == 2
    assert found[1].date_start == dt.date(2024, 3, 5)


def test_old_dated_incident_does_not_join_undated_news() -> None:
    text = ("A bomb hidden in a minibus killed four passengers in the town of Garissa, "
            "police said. The governor condemned what he called a cowardly attack. "
            "In June 2019, gunmen abducted two engineers in Garissa.")
    found = sorted(events(text), key=lambda e: e.date_start or dt.date.min)
    assert len(found) == 2
    old, new = found
    assert "abduction" in old.attack_types and old.date_start == dt.date(2019, 6, 1)
    assert "abduction" not in new.attack_types


def test_temporal_clause_after_mourning_is_an_incident() -> None:
    (ev,) = events("The country began three days of mourning on Wednesday after gunmen "
                   "attacked a wedding party in the village of Dogo on Tuesday.")
    assert ev.date_start == dt.date(2024, 3, 5)


def test_date_of_a_since_clause_is_not_the_incident_date() -> None:
    text = ("A car bomb exploded outside a police station in Baqubah on Monday. "
            "The bombing was the deadliest in the province since the insurgency began "
            "in 2014.")
    (ev,) = events(text)
    assert ev.date_start == dt.date(2024, 3, 4)


def test_later_on_a_reporting_verb_does_not_start_a_new_incident() -> None:
    text = ("Artillery shelled army positions near the town of Goris on Tuesday, the "
            "defence ministry said. It later said 12 of its soldiers had been killed.")
    (ev,) = events(text)
    assert ev.fatalities.low == 12


def test_plural_attacks_in_a_statement_are_no_incident() -> None:
    text = ("The navy announced joint patrols in the Gulf on Monday. "
            "\"This is a shared challenge,\" the admiral said, calling the pirate attacks "
            "reckless.")
    assert events(text) == []


def test_today_in_an_embedded_post_is_the_post_day() -> None:
    text = ("Russian missiles struck the city of Odesa on Monday, the governor said.\n\n"
            "Another brutal missile strike on Odesa today. Homes were hit. "
            "pic.twitter.com/abcdefgh — Oleh Kiper (@OlehKiper) March 4, 2024\n\n"
            "Rescuers were still searching the rubble on Wednesday.")
    (ev,) = events(text)
    assert ev.date_start == dt.date(2024, 3, 4)


def test_another_city_hit_in_the_same_wave_is_its_own_incident() -> None:
    text = ("A Russian missile attack hit the city of Kharkiv on Monday, killing four "
            "people, the regional governor said. "
            "In the southern city of Odesa, at least three people were killed, regional "
            "officials said.")
    found = events(text)
    assert len(found) == 2
    for ev in found:
        assert ev.date_start == dt.date(2024, 3, 4)
        assert "missile" in ev.attack_types
    assert {ev.location.name for ev in found if ev.location} >= {"Kharkiv", "Odesa"}


def test_separately_starts_another_incident_on_the_same_day() -> None:
    text = ("Gunmen attacked a checkpoint near the town of Djibo on Monday, killing six "
            "soldiers. Separately on Monday, the army said a soldier had been killed in a "
            "shooting at a market in the town of Kaya.")
    assert len(events(text)) == 2


def test_earlier_on_a_reporting_verb_keeps_one_incident() -> None:
    text = ("A drone hit a fuel depot in the city of Belgorod on Monday, the governor said. "
            "He had earlier said two workers were killed, before correcting the figure. "
            "Air defences shot down three more drones, the ministry said.")
    assert len(events(text)) == 1


def test_the_group_refers_back_to_an_armed_group_not_a_state() -> None:
    text = ("The Houthi movement said on Tuesday it had fired missiles at a tanker in the "
            "Gulf of Aden. The Pentagon did not comment. "
            "Its spokesman added that the group had launched drones at Eilat as well.")
    found = [e for e in events(text) if "drone" in e.attack_types]
    assert found and [a.name for a in found[0].perpetrators] == ["Houthis"]


def test_plural_clashes_with_a_night_of_their_own_are_an_incident() -> None:
    (ev,) = events("Clashes overnight along the border between the two armies left 40 "
                   "soldiers dead, officials said on Tuesday.")
    assert ev.fatalities.low == 40


def test_clashes_dying_down_do_not_date_the_fighting() -> None:
    text = ("Fighting between two militias broke out in Tripoli on Monday night, killing "
            "nine people. The clashes died down late on Tuesday after elders brokered a "
            "truce.")
    (ev,) = events(text)
    assert ev.date_start == dt.date(2024, 3, 4)


def test_an_operation_that_began_with_strikes_is_an_incident() -> None:
    text = ("Soldiers pulled out of the Askar camp near Nablus early on Wednesday, closing a "
            "two-day raid that left nine people dead. "
            "The raid began at about 1 am on Monday with drone strikes against a "
            "farmhouse, before armoured vehicles moved in.")
    (ev,) = events(text)
    assert "drone" in ev.attack_types
    assert ev.date_start == dt.date(2024, 3, 4)
    assert ev.fatalities.low == 9


def test_weekday_naming_prayers_is_no_date() -> None:
    text = ("The deadliest attack came in November 2019, when gunmen stormed a mosque in "
            "the town of Arbinda during Friday prayers, killing 40 worshippers.")
    (ev,) = events(text)
    assert (ev.date_start, ev.date_end) == (dt.date(2019, 11, 1), dt.date(2019, 11, 30))


def test_date_before_a_closing_said_dates_the_attack() -> None:
    (ev,) = events("Militants attacked an army post in northern Sinai on Monday, a military "
                   "spokesman said in a statement on Tuesday.")
    assert ev.date_start == dt.date(2024, 3, 4)


def test_dated_strikes_elsewhere_do_not_join_a_claim_known_by_its_statement_day() -> None:
    text = ("Yemen's Houthi movement said on Tuesday that it had attacked a US destroyer in the "
            "Red Sea with missiles. "
            "The strikes behind the claim hit several sites in the city of Hodeidah "
            "on Monday.")
    found = events(text)
    assert len(found) == 2
    hodeidah = next(e for e in found if "missile" not in e.attack_types)
    assert hodeidah.date_start == dt.date(2024, 3, 4)
    assert hodeidah.attack_types == ["airstrike"]


def test_undated_claim_takes_the_day_of_the_ledes_statement() -> None:
    text = ("Yemen's Houthi movement said on Tuesday it had fired missiles at a tanker in "
            "the Gulf of Aden. The Pentagon did not comment. "
            "Its spokesman added that the group had launched drones at Eilat as well.")
    drone = next(e for e in events(text) if "drone" in e.attack_types)
    assert (drone.date_start, drone.date_precision) == (dt.date(2024, 3, 5), "day")


def test_appositive_gloss_takes_no_date_of_its_own() -> None:
    text = ("The army said on Wednesday it had retaken the town after militants stormed a "
            "police academy and the airport of Gao, the boldest assault on the town in a "
            "decade. \"At dawn on Tuesday, our fighters attacked the police academy in Gao,\" "
            "the group said.")
    (ev,) = events(text)
    assert ev.date_start == dt.date(2024, 3, 5)


def test_recalled_month_does_not_date_the_undated_lead() -> None:
    text = ("A suicide bomber killed 20 people at a school in western Kabul, police said. "
            "No group claimed responsibility. "
            "Last month, Islamic State claimed a bombing outside a bank in Kabul that "
            "killed six people. In May last year, bombs outside a girls' school in Kabul "
            "killed 80 people.")
    found = events(text)
    assert len(found) == 3
    assert {(e.date_start, e.date_precision) for e in found if e.mention_role != "new"} \
        == {(dt.date(2024, 2, 1), "month"), (dt.date(2023, 5, 1), "month")}


def test_an_unnamed_attacker_is_no_perpetrator() -> None:
    (ev,) = events("A suicide bomber blew himself up at a wedding hall in the town of Kunduz "
                   "on Monday, killing 12 people. No group claimed responsibility.")
    assert ev.perpetrators == []


def test_a_fresh_attack_introduced_then_told_stays_apart_from_the_lead() -> None:
    text = ("Russia said three drones were shot down over an air base near Pskov "
            "overnight. A video seems to show a drone bursting into flames over the base. "
            "Hours later, Ukraine came under attack itself. "
            "Russia launched 30 drones at Odesa overnight, the air force said. "
            "On Tuesday, Russian shelling killed 7 people in the southern city of Mykolaiv.")
    found = events(text)
    assert len(found) == 3
    assert all("drone" in e.attack_types for e in found if "artillery" not in e.attack_types)
    shelling = next(e for e in found if "artillery" in e.attack_types)
    assert shelling.location is not None and shelling.location.name.startswith("Mykola")


def test_since_launching_an_offensive_is_a_campaign() -> None:
    assert events("The rebels have seized large parts of the province since launching an "
                  "offensive in 2022, officials said.") == []


def test_a_strike_on_the_place_a_launch_came_from_is_another_incident() -> None:
    text = ("On Monday night, three rockets were launched from southern Lebanon towards "
            "the Galilee; two fell in open fields, the army said. Israeli warplanes then "
            "bombed a militant compound near the village of Khiam.")
    found = events(text)
    assert len(found) == 2
    rockets = next(e for e in found if "rocket" in e.attack_types)
    strike = next(e for e in found if "airstrike" in e.attack_types)
    assert "airstrike" not in rockets.attack_types
    assert rockets.perpetrators == []
    assert strike.date_start == rockets.date_start == dt.date(2024, 3, 4)


def test_boats_firing_on_a_vessel_is_a_shooting() -> None:
    (ev,) = events("Pirates in two speedboats fired on a fishing trawler off the coast of "
                   "Somalia on Tuesday, the navy said.")
    assert "shooting" in ev.attack_types


def test_firing_rockets_on_a_town_is_no_shooting() -> None:
    (ev,) = events("Militants fired rockets on the town of Sderot on Tuesday, the army said.")
    assert "rocket" in ev.attack_types
    assert "shooting" not in ev.attack_types


def test_a_side_returning_fire_is_no_perpetrator() -> None:
    text = ("Gunmen ambushed an army convoy near the town of Maiduguri on Tuesday. "
            "Nigerian troops returned fire, killing four of the attackers, the army said.")
    found = events(text)
    assert len(found) == 1
    assert found[0].perpetrators == []


def test_hours_after_clause_tells_an_earlier_separate_incident() -> None:
    text = ("Gunmen in speedboats fired on an oil tanker off the coast of Somalia on Tuesday, "
            "hours after the same tanker had been hit by a missile. "
            "The speedboat raid came a day after the tanker was struck by a missile near the "
            "port of Bosaso late on Monday.")
    found = events(text)
    assert len(found) == 2
    shooting = next(e for e in found if "shooting" in e.attack_types)
    missile = next(e for e in found if "missile" in e.attack_types)
    assert "missile" not in shooting.attack_types
    assert shooting.date_start == dt.date(2024, 3, 5)
    assert missile.date_start == dt.date(2024, 3, 4)


def test_days_after_clause_alone_is_still_the_reports_incident() -> None:
    text = ("Officials released a video of the commander on Tuesday, days after the rebels "
            "said he had been killed in a drone strike on his base near Goma. "
            "The strike destroyed two buildings, the army said.")
    assert len(events(text)) == 1


def test_the_attacker_shot_dead_and_the_raid_answered_do_not_type_the_attack() -> None:
    text = ("On Tuesday evening, a man rammed his truck into a crowd at a market in Beersheba "
            "and then stabbed shoppers, wounding five, before he was shot dead by a security "
            "guard, police said. A militant group praised the attack as revenge for the "
            "Nablus raid.")
    found = events(text)
    assert len(found) == 1
    assert not {"shooting", "ground_assault", "airstrike"} & set(found[0].attack_types)


def test_a_date_in_the_attack_nouns_own_phrase_beats_the_clauses_date() -> None:
    import datetime as dt

    import claimwatch

    (ev,) = claimwatch.extract(
        "Officials traded accusations on Thursday over a deadly explosion at a fuel depot in "
        "Sabha on Wednesday evening that killed nine workers.", published=dt.date(2024, 3, 7))
    assert ev.date_start == dt.date(2024, 3, 6)


def test_a_later_conjoined_verbs_date_does_not_date_the_attack() -> None:
    import datetime as dt

    import claimwatch

    text = ("A drone strike hit a clinic in Kadugli on Wednesday, officials said.\n\n"
            "The health office said the drone had hit the clinic and on Friday put the death "
            "toll at 38, saying the figure was still rising.")
    events = claimwatch.extract(text, published=dt.date(2024, 3, 8))
    assert [e.date_start for e in events] == [dt.date(2024, 3, 6)]


def test_another_at_a_town_of_its_own_is_one_more_incident() -> None:
    text = ("On Monday, a drone slammed into a warehouse in Haifa, injuring four workers, "
            "and another struck near a school outside Tiberias, causing no casualties.")
    found = sorted(events(text), key=lambda e: e.location.name if e.location else "")
    assert [e.location.name if e.location else None for e in found] == ["Haifa", "Tiberias"]
    haifa, tiberias = found
    assert haifa.injured.low == 4
    assert tiberias.injured.low == 0  # the four injured were the other drone's


def test_a_date_after_the_incident_answered_dates_that_incident() -> None:
    text = ("The army said on Monday that its air strike on a compound in Bunia was "
            "retaliation for a rebel ambush on a convoy near Beni on February 26.")
    found = sorted(events(text), key=lambda e: e.date_start or dt.date.min)
    assert len(found) == 2
    ambush, strike = found
    assert ambush.date_start == dt.date(2024, 2, 26) and "airstrike" not in ambush.attack_types
    assert strike.date_start != dt.date(2024, 2, 26) and "airstrike" in strike.attack_types


def test_the_incident_answered_is_another_incident_without_the_answers_place() -> None:
    text = ("On Monday the army said it had killed 40 fighters in an air strike on a "
            "compound in the town of Bunia, calling it revenge for a rebel ambush on its "
            "troops on February 26.")
    found = sorted(events(text), key=lambda e: e.date_start or dt.date.min)
    assert len(found) == 2
    ambush, strike = found
    assert ambush.date_start == dt.date(2024, 2, 26) and ambush.mention_role == "historical"
    assert ambush.location is None or ambush.location.name != "Bunia"
    assert strike.location is not None and strike.location.name == "Bunia"
    assert strike.fatalities.low == 40 and ambush.fatalities.low is None


def test_weapons_and_toll_of_the_incident_answered_are_not_the_answers() -> None:
    text = ("A car bomb killed six people at a market in Mosul on Monday. Police said the "
            "bombing could be revenge for a raid last week in which soldiers backed by "
            "helicopter gunships killed 14 militants.")
    bomb = next(e for e in events(text) if e.date_start == dt.date(2024, 3, 4))
    assert bomb.attack_types == ["bombing"]
    assert bomb.fatalities.low == 6


def test_a_town_tagged_as_a_product_after_a_place_noun_is_a_place() -> None:
    from spacy.tokens import Span

    from claimwatch.extract import roles

    name = parsed_word("Missiles hit a warehouse in the northern city of Zorbask overnight.",
                       "zorbask")
    doc = name.doc
    doc.ents = [Span(doc, name.i, name.i + 1, label="PRODUCT")]
    assert [s.text for s in roles.place_spans(next(iter(doc.sents)))] == ["Zorbask"]


def test_an_incident_after_which_another_was_launched_hours_later_is_its_own() -> None:
    text = ("Gunmen attacked a police post in Mandera on Monday, wounding two officers. The "
            "army said it launched an operation after four soldiers were killed hours earlier "
            "by landmines on a road leading to Wajir. It blamed the militants for the blasts.")
    found = events(text)
    assert len(found) == 2
    post = next(e for e in found if "shooting" in e.attack_types)
    mines = next(e for e in found if "ied" in e.attack_types)
    assert "ied" not in post.attack_types and post.fatalities.low is None
    assert mines.fatalities.low == 4
    assert mines.location is not None and mines.location.name == "Wajir"


def test_a_name_ending_a_road_phrase_is_a_place() -> None:
    from spacy.tokens import Span

    from claimwatch.extract import roles

    name = parsed_word("Six soldiers were killed by a mine on a road leading to Zorbask.",
                       "zorbask")
    doc = name.doc
    doc.ents = [Span(doc, name.i, name.i + 1, label="PERSON")]
    (span,) = roles.place_spans(next(iter(doc.sents)))
    assert span.text == "Zorbask" and roles.place_head(span).lower_ == "road"
    assert roles.is_locative(span)


def test_a_road_where_people_were_killed_is_not_the_target() -> None:
    (ev,) = events("Four police officers were killed by a landmine on a road near Garissa on "
                   "Tuesday.")
    assert [t.text for t in ev.targets] == ["police officers"]


def test_coming_under_fire_is_a_shooting_and_criticism_is_not() -> None:
    (ev,) = events("A UN convoy came under fire near the town of Kidal on Tuesday, wounding "
                   "two peacekeepers.")
    assert ev.attack_types == ["shooting"]
    (ev,) = events("The minister came under fire over the bombing of the market on Tuesday.")
    assert "shooting" not in ev.attack_types


def test_an_incident_before_an_operation_without_a_trigger_is_its_own_and_told_on() -> None:
    text = ("Troops clashed with rebels in the hills on Monday, the army said. Officials said "
            "the army launched the operation after six soldiers were killed hours earlier by "
            "landmines on a road leading to Rutshuru. They blamed the rebels for the blasts.")
    found = events(text)
    assert len(found) == 2
    clash = next(e for e in found if "ground_assault" in e.attack_types)
    mines = next(e for e in found if "ied" in e.attack_types)
    assert "bombing" not in clash.attack_types and clash.fatalities.low is None
    # "the blasts" are the mines (one explosive type), told in the same event
    assert mines.fatalities.low == 6 and mines.attack_types == ["ied"]
    assert any("the blasts" in a.quote for a in mines.assertions)


def test_a_day_counted_from_the_date_just_named_dates_an_earlier_incident() -> None:
    text = ("Two boats attacked a tanker off Hodeidah on Sunday, the navy said. The crew said "
            "the ship had been struck by a missile the previous evening.")
    found = sorted(events(text), key=lambda e: e.date_start or dt.date.min)
    assert [(e.date_start, e.date_end) for e in found] == [
        (dt.date(2024, 3, 2), dt.date(2024, 3, 2)), (dt.date(2024, 3, 3), dt.date(2024, 3, 3))]
    assert "missile" in found[0].attack_types and "missile" not in found[1].attack_types


def test_a_when_clause_on_a_since_year_is_an_incident_of_that_year() -> None:
    text = ("Gunmen abducted 40 worshippers from a church in Ogbomoso on Sunday, police said.\n\n"
            "The kidnapping was the largest in the area since 2019, when gunmen abducted more "
            "than 30 pupils from a boarding school near Iseyin.")
    found = claimwatch.extract(text, published=dt.date(2024, 3, 12))
    assert len(found) == 2
    old = next(e for e in found if e.mention_role == "historical")
    assert (old.date_start, old.date_end) == (dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    assert old.abducted.low == 31


def test_a_side_that_says_it_fired_back_hours_later_tells_another_incident() -> None:
    # "Y said it had fired rockets" after X's strike: "it" is the speaker, Y, another side
    text = ("An Israeli air strike on a motorcycle near the town of Bint Jbeil killed a "
            "Hezbollah commander on Sunday, Lebanese officials said. The Israeli army said "
            "its jets had hit a militant. Hours later, Hezbollah said it had fired a barrage "
            "of rockets at an army post in Metula.")
    found = events(text)
    assert len(found) == 2
    assert {frozenset(e.attack_types) & {"rocket", "airstrike"} for e in found} == {
        frozenset({"rocket"}), frozenset({"airstrike"})}


def test_one_of_the_missiles_just_told_is_part_of_that_incident() -> None:
    # "one of the missiles": the weapons of the incident just told, whatever district it hit
    text = ("Russian forces struck the city of Lviv with three cruise missiles overnight, "
            "killing two people and wounding nine, the regional governor said on Thursday. "
            "One of the missiles hit a school in the city's Shevchenkivskyi district, he said.")
    found = events(text, published=dt.date(2024, 3, 7))
    assert len(found) == 1
    assert found[0].location is not None and found[0].location.name == "Lviv"
