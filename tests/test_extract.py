"""Extraction on small reports written for these tests, through the real pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

import claimwatch
from claimwatch.model import Event
from invented_reports import events, parsed_word


def test_generic_and_threat_sentences_are_not_events() -> None:
    text = ("Armed groups have been attacking convoys repeatedly in the region. "
            "The militia threatened to attack the capital if talks fail. "
            "The army will launch an offensive next month. "
            "The insurgency has killed over 40,000 villagers, the UN says.")
    assert events(text) == []


def test_weekday_resolves_to_the_most_recent_day() -> None:
    (ev,) = events("Gunmen attacked a police station in Kano on Monday, killing four officers.")
    assert (ev.date_start, ev.date_end, ev.date_precision) == (
        dt.date(2024, 3, 4), dt.date(2024, 3, 4), "day")
    assert ev.mention_role == "new"
    assert ev.fatalities.low == 4 and ev.fatalities.high == 4


@pytest.mark.parametrize(("phrase", "low", "high", "qualifier"), [
    ("at least 12 people were killed", 12, None, "at least"),
    ("more than 30 people were killed", 31, None, "more than"),
    ("dozens of civilians were killed", 24, None, "dozens"),
    ("three soldiers and a civilian were killed", 4, 4, None),
])
def test_counts_keep_range_and_qualifier(phrase: str, low: int | None, high: int | None,
                                         qualifier: str | None) -> None:
    (ev,) = events(f"A car bomb exploded outside a market in Mogadishu on Tuesday; {phrase}.")
    assert (ev.fatalities.low, ev.fatalities.high, ev.fatalities.qualifier) == (
        low, high, qualifier)


def test_munitions_are_never_casualties() -> None:
    (ev,) = events("Militants fired 40 rockets at the town of Sderot on Tuesday. "
                   "No casualties were reported.")
    assert "rocket" in ev.attack_types
    assert ev.fatalities.low == 0 and ev.fatalities.high == 0
    assert ev.injured.low == 0


def test_recalled_incident_is_historical_and_separate() -> None:
    text = ("A drone struck an army post near Kharkiv on Monday, the regional governor said. "
            "In September 2022, a missile attack on the same city killed six people.")
    found = sorted(events(text), key=lambda e: e.date_start or dt.date.min)
    assert len(found) == 2
    old, new = found
    assert old.mention_role == "historical" and old.date_precision == "month"
    assert (old.date_start, old.date_end) == (dt.date(2022, 9, 1), dt.date(2022, 9, 30))
    assert new.mention_role == "new" and "drone" in new.attack_types


def test_perpetrator_canonical_and_place_geocoded() -> None:
    (ev,) = events("Yemen's Houthi rebels fired a ballistic missile at a tanker off Hodeidah "
                   "on Tuesday, the group's spokesman said.")
    assert [a.name for a in ev.perpetrators] == ["Houthis"]
    assert ev.location is not None and ev.location.iso3 == "YEM"
    assert "missile" in ev.attack_types
    assert ev.event_type == "Explosions/Remote violence"


def test_claimed_responsibility_names_the_perpetrator() -> None:
    (ev,) = events("A suicide bomber blew himself up at a checkpoint in Kabul on Tuesday. "
                   "Islamic State Khorasan Province claimed responsibility for the attack.")
    assert [a.name for a in ev.perpetrators] == ["Islamic State Khorasan Province"]
    assert ev.sub_event_type == "Suicide bomb"


def test_every_value_explains_itself() -> None:
    (ev,) = events("Gunmen attacked a police station in Kano on Monday, killing four officers.")
    fields = {x.field for x in ev.explanations}
    assert {"attack_types", "date", "location", "fatalities"} <= fields
    assert all(x.document_id for x in ev.explanations)


@pytest.mark.parametrize(("phrase", "low", "high", "qualifier"), [
    ("about 40 people were killed", 40, None, "about"),
    ("nearly 60 people were killed", None, 60, "nearly"),
])
def test_approximate_counts_are_a_figure_or_a_bound(phrase: str, low: int | None,
                                                    high: int | None, qualifier: str) -> None:
    (ev,) = events(f"A car bomb exploded outside a market in Mogadishu on Tuesday; {phrase}.")
    assert (ev.fatalities.low, ev.fatalities.high, ev.fatalities.qualifier) == (
        low, high, qualifier)


def test_hostages_taken_are_abducted() -> None:
    (ev,) = events("Pirates boarded a fishing trawler off Eyl on Monday and took its 14 crew "
                   "members hostage, the coastguard said.")
    assert (ev.abducted.low, ev.abducted.high) == (14, 14)


def test_unharmed_crew_means_no_casualties() -> None:
    (ev,) = events("A drone struck a tanker off Hodeidah on Tuesday, the navy said. "
                   "Its crew was rescued unharmed.")
    assert (ev.fatalities.low, ev.fatalities.high) == (0, 0)
    assert (ev.injured.low, ev.injured.high) == (0, 0)


def _target_texts(ev: Event) -> list[str]:
    return [t.text for t in ev.targets]


def test_target_after_into_and_its_name() -> None:
    (ev,) = events("A missile fired by the rebels slammed into the oil tanker Sea Falcon off "
                   "Aden on Tuesday, the navy said.")
    assert "oil tanker Sea Falcon" in _target_texts(ev)
    assert "Sea Falcon" in _target_texts(ev)


def test_target_of_a_bombing_outside_a_building_not_its_victims() -> None:
    (ev,) = events("A suicide bomber killed 12 people outside the Turkish consulate in Herat "
                   "on Monday, police said.")
    texts = _target_texts(ev)
    assert "Turkish consulate" in texts
    assert "people" not in texts and "Monday" not in texts


def test_target_of_a_strike_that_flattened_something() -> None:
    (ev,) = events("The air strike on Monday flattened the ministry's archive annex in "
                   "Damascus, state media said.")
    assert "archive annex" in _target_texts(ev)


def test_target_hidden_in_a_what_clause_and_praise_dropped() -> None:
    (ev,) = events("Warplanes struck what the army said was a rocket storage depot in Gaza "
                   "on Monday.")
    assert "rocket storage depot" in _target_texts(ev)
    (ev,) = events("Two guided bombs hit a large furniture warehouse in Kharkiv on Monday.")
    assert "furniture warehouse" in _target_texts(ev)


def test_generic_place_head_keeps_its_place() -> None:
    (ev,) = events("Government forces shelled villages in Daraa province on Monday, "
                   "killing three civilians.")
    assert "villages in Daraa province" in _target_texts(ev)


def test_weapon_named_with_its_modifier() -> None:
    (ev,) = events("A man detonated an explosive vest at a checkpoint in Kabul on Monday, "
                   "killing four guards.")
    assert "explosive vest" in ev.weapons
    assert "explosive vest" not in _target_texts(ev)


def test_a_weapon_is_named_without_nationality_count_or_hedge() -> None:
    (ev,) = events("Two Ukrainian drones struck an oil depot near Bryansk on Monday, setting a "
                   "tank on fire, the regional governor said.")
    assert ev.weapons == ["drone"]
    (ev,) = events("A second suspected Iranian-made drone hit a warehouse in Erbil on Friday, "
                   "the Kurdish security council said.")
    assert ev.weapons == ["iranian-made drone"]


def test_a_weapon_is_named_without_the_group_or_state_that_owns_it() -> None:
    (ev,) = events("An ELN car bomb exploded outside a police station in Cucuta on Monday, "
                   "wounding five officers, the army said.")
    assert ev.weapons == ["car bomb"]
    (ev,) = events("A Russian Iskander missile hit a school in Kharkiv on Monday, the mayor "
                   "said.")
    assert ev.weapons == ["iskander missile"]  # a weapon's own name stays


def test_attackers_killed_are_neither_target_nor_victims() -> None:
    (ev,) = events("Gunmen stormed a guesthouse in Bosaso on Sunday, killing four guards, police "
                   "said. A police officer said all three attackers had been killed.")
    assert "attackers" not in _target_texts(ev)
    assert not [v for v in ev.victims if "attacker" in v.text]


def test_a_war_toll_is_not_the_incident_toll() -> None:
    (ev,) = events("A drone struck a checkpoint near Aleppo on Monday, killing four soldiers. "
                   "The war has killed more than 500,000 people since 2011.")
    assert (ev.fatalities.low, ev.fatalities.high) == (4, 4)


def test_a_toll_caused_by_another_attack_noun_is_left_out() -> None:
    from claimwatch.extract.counts import casualty_counts
    from claimwatch.nlp import load_nlp

    sdoc = load_nlp()("Rebels shelled an army post near Goma on Monday, and hours later an "
                      "air strike hit a market in Rutshuru, killing at least 30 people.")
    shelled = next(t.i for t in sdoc if t.lower_ == "shelled")
    strike = next(t.i for t in sdoc if t.lower_ == "strike")
    assert "fatalities" not in casualty_counts(list(sdoc.sents), own={shelled})
    assert casualty_counts(list(sdoc.sents), own={strike})["fatalities"].low == 30


def test_state_acting_through_a_weapon_is_its_military() -> None:
    (ev,) = events("Russian missiles hit a power plant near Odesa on Monday, the governor said.")
    assert [a.name for a in ev.perpetrators] == ["Russian Armed Forces"]


def test_named_actor_beats_a_generic_attacker_noun() -> None:
    (ev,) = events("Gunmen linked to Boko Haram abducted three teachers in Borno "
                   "on Monday, police said.")
    assert [a.name for a in ev.perpetrators] == ["Boko Haram"]
    assert "three teachers" in [t.text for t in ev.targets] or "teachers" in [
        t.text for t in ev.targets]


def test_lower_and_upper_bounds_from_two_statements_make_a_range() -> None:
    (ev,) = events("At least 9 people were killed when shells hit a market in Kharkiv on "
                   "Monday, officials said. Residents said up to 20 people may have died.")
    assert (ev.fatalities.low, ev.fatalities.high) == (9, 20)


def test_a_named_person_counts_as_one() -> None:
    from claimwatch.extract.counts import casualty_counts
    from claimwatch.nlp import load_nlp

    sdoc = load_nlp()("A car bomb killed Ahmed Karimi, the deputy governor, and two of his "
                      "guards in Herat on Monday.")
    assert casualty_counts(list(sdoc.sents))["fatalities"].low == 3


def test_drone_payload_is_not_a_separate_bombing() -> None:
    (ev,) = events("Drones laden with explosives struck an army base in Hama on Monday, "
                   "killing six soldiers.")
    assert ev.attack_types == ["drone"]


def test_weapon_named_as_the_attack_modifier() -> None:
    (ev,) = events("A HIMARS strike hit an ammunition depot near Donetsk on Monday, "
                   "the governor said.")
    assert "himars" in ev.weapons


def test_fighting_between_armed_sides_is_a_battle() -> None:
    (ev,) = events("Heavy fighting broke out between two rival militias in Misrata on Monday; "
                   "the groups shelled each other's positions, killing seven fighters.")
    assert (ev.event_type, ev.sub_event_type) == ("Battles", "Armed clash")


def test_a_plural_head_shared_by_two_names_gives_each_target() -> None:
    (ev,) = events("Gunmen raided Kuda and Sabon villages in Zamfara on Saturday, killing "
                   "nine men.")
    texts = [t.text for t in ev.targets]
    assert "Kuda village" in texts and "Sabon village" in texts


def test_a_toll_later_in_the_paragraph_counts() -> None:
    (ev,) = events("A missile hit a school in Zaporizhzhia on Monday, the governor said. "
                   "Rescuers pulled children from the rubble. Nine people were wounded.")
    assert (ev.injured.low, ev.injured.high) == (9, 9)


def test_sites_named_as_among_those_hit_are_targets() -> None:
    (ev,) = events("Air strikes hit the port city of Mokha on Monday, officials said. A fuel "
                   "depot in Mokha and the fishing harbour were among the sites hit.")
    texts = [t.text for t in ev.targets]
    assert "fuel depot" in texts
    assert "Mokha" in texts  # "the port city of Mokha" is also Mokha


def test_a_person_killed_in_a_strike_is_its_target() -> None:
    from claimwatch.extract import roles

    strike = parsed_word("In May, Colonel Ahmad Tehrani was killed in a strike on a convoy "
                         "near Homs.", "strike")
    target = roles.target_token(strike, "noun")
    assert target is not None and target.text == "Tehrani"


def test_a_qualified_target_word_is_kept_and_a_perfect_since_toll_dropped() -> None:
    (ev,) = events("US forces conducted strikes against 13 militia targets near Qaim on "
                   "Monday. Five people were killed and 9 wounded, the heaviest toll since "
                   "the campaign started in the autumn.")
    assert ev.injured.low == 9


def test_blame_on_and_weapons_sent_name_the_perpetrator() -> None:
    from claimwatch.extract import perpetrator
    from claimwatch.nlp import load_nlp

    nlp = load_nlp()
    sdoc = nlp("The blast, which Kyiv blamed on Russia, destroyed a bridge.")
    assert perpetrator.from_claims(list(sdoc.sents))[0] == "Russia"
    sdoc = nlp("Officials later said Hezbollah had sent the drones.")
    assert perpetrator.from_claims(list(sdoc.sents))[0] == "Hezbollah"


def test_mutual_blame_and_generic_claims_name_no_one() -> None:
    from claimwatch.extract import perpetrator
    from claimwatch.nlp import load_nlp

    nlp = load_nlp()
    sdoc = nlp("The army and the rebels blamed each other for the shelling.")
    assert perpetrator.from_claims(list(sdoc.sents)) is None
    sdoc = nlp("Hezbollah has repeatedly claimed attacks on army posts since January.")
    assert perpetrator.from_claims(list(sdoc.sents)) is None


def test_a_drone_shot_down_with_no_one_hurt_is_disrupted_weapons_use() -> None:
    (ev,) = events("Jordanian air defences shot down a drone over Irbid on Monday, the army "
                   "said. No one was hurt.")
    assert (ev.event_type, ev.sub_event_type) == ("Strategic developments",
                                                  "Disrupted weapons use")


def test_descriptive_genitive_kept_in_target() -> None:
    (ev,) = events("Russian missiles hit a children's hospital in Kyiv on Monday.")
    assert "children's hospital" in [t.text for t in ev.targets]


def test_bombs_outside_a_building_target_it_and_misparsed_conjuncts_add_up() -> None:
    from claimwatch.extract import roles
    from claimwatch.extract.counts import casualty_counts
    from claimwatch.nlp import load_nlp

    killed = parsed_word("In May, a series of bombs outside the Al-Noor girls' school killed "
                         "more than 50 people.", "killed")
    target = roles.target_token(killed, "verb")
    assert target is not None and target.lemma_ == "school"
    sdoc = load_nlp()("Last year, the group claimed a car bombing near a bank in Herat that "
                      "killed three bank guards and at least five Afghans.")
    assert casualty_counts(list(sdoc.sents))["fatalities"].low == 8


def test_a_ship_that_reported_being_hit_is_the_target() -> None:
    (ev,) = events("The Liberian-flagged tanker Ocean Star reported being hit by a missile off "
                   "Aden on Monday, the navy said.")
    assert "Ocean Star" in [t.text for t in ev.targets]


def test_missiles_fired_from_territory_a_group_holds_name_the_group() -> None:
    from claimwatch.extract import perpetrator, roles

    shot = parsed_word("A French frigate shot down two missiles fired from Houthi-controlled "
                       "Yemen, the navy said.", "shot")
    cand = roles.perpetrator_token(shot, "verb")
    assert cand is not None and perpetrator.accept(cand) is not None
    assert perpetrator.accept(cand)[0] == "Houthis"  # type: ignore[index]


def test_people_named_as_killed_or_seized_are_victims() -> None:
    (killing,) = claimwatch.extract(
        "Gunmen killed Mayor Pedro Alvarez and his aide Juan Soto in the town of Lara on "
        "Monday.", published=dt.date(2024, 3, 6))
    assert {"Pedro Alvarez", "Juan Soto"} <= {v.text for v in killing.victims}
    (seizure,) = claimwatch.extract("Journalist Maria Costa was kidnapped by rebels near "
                                    "Cali on Friday.", published=dt.date(2024, 3, 6))
    assert any("Maria Costa" in v.text for v in seizure.victims)


def test_a_storming_of_a_military_school_is_a_battle() -> None:
    (ev,) = events("Jihadists stormed a gendarmerie training school in Segou on Tuesday, "
                   "killing several gendarmes.")
    assert any(t.type == "military" for t in ev.targets)
    assert ev.event_type == "Battles"


def test_participle_toll_misparsed_onto_the_reporting_verb_and_hallmarks() -> None:
    from claimwatch.extract import perpetrator
    from claimwatch.extract.counts import casualty_counts
    from claimwatch.nlp import load_nlp

    nlp = load_nlp()
    sdoc = nlp("Insurgents carried out a wave of bomb attacks on shops across the north on "
               "Thursday evening, wounding at least nine people, police and army officials said.")
    assert casualty_counts(list(sdoc.sents))["injured"].low == 9
    sdoc = nlp("An army spokesman said the blasts bore all the hallmarks of Boko Haram.")
    assert perpetrator.from_claims(list(sdoc.sents))[0] == "Boko Haram"  # type: ignore[index]


def test_target_of_a_compound_trigger_is_on_its_head_noun() -> None:
    from claimwatch.extract import roles

    arson = parsed_word("Rebels carried out arson attacks on grain depots in the north.", "arson")
    target = roles.target_token(arson, "noun")
    assert target is not None and target.lemma_ == "depot"


def test_a_demonym_on_a_plural_attack_noun_names_the_perpetrator() -> None:
    (ev,) = events("Israeli strikes hit a camp in Jenin on Monday, killing seven people.")
    assert [a.name for a in ev.perpetrators] == ["Israel Defense Forces"]
    (ev,) = events("Russian attacks hit a school in Sumy on Monday.")
    assert [a.name for a in ev.perpetrators] == ["Russian Armed Forces"]


def test_actor_aliases_hold_the_surface_forms_seen_in_the_report() -> None:
    (ev,) = events("Fighters of Ansar Allah fired a missile at a tanker off Hodeidah on "
                   "Monday; the Houthis later said the tanker was British.")
    (perp,) = [a for a in ev.actors if a.role == "perpetrator"]
    assert perp.name == "Houthis"
    assert "Ansar Allah" in perp.aliases


def test_fighters_attacking_with_no_weapon_named_is_a_ground_assault() -> None:
    (ev,) = events("Militants attacked an army checkpoint near Arish on Monday, killing three "
                   "soldiers, a military spokesman said.")
    assert ev.attack_types == ["ground_assault"]


def test_its_fighters_after_the_group_said_is_the_group() -> None:
    text = ("Islamic State on Tuesday claimed responsibility for a raid on a police station "
            "near El Hasana.\n\nGunmen stormed the station on Monday, killing five policemen, "
            "an Egyptian security official said.\n\nIn a post on its Telegram channel, the "
            "group said its fighters had stormed the station.")
    (ev,) = events(text)
    assert "Islamic State" in [a.name for a in ev.actors if a.role == "perpetrator"]


def test_the_one_claimant_of_an_unattributed_claimed_attack_is_its_perpetrator() -> None:
    (ev,) = events("A bomb went off at a bus depot in Tikrit on Sunday, killing two people, "
                   "police said.\n\nIn a post on its Telegram channel that night, Islamic "
                   "State said its fighters had planted the bomb at the depot.",
                   dt.date(2024, 3, 4))
    assert [a.name for a in ev.actors if a.role == "perpetrator"] == ["Islamic State"]
    assert ev.responsibility.status == "claimed"


def test_wounding_around_a_number_counts_that_number() -> None:
    # the parse the model gives in a long lede: "around" a preposition, the number its object
    from spacy.tokens import Doc

    from claimwatch.extract.counts import counted_nouns
    from claimwatch.nlp import load_nlp

    words = ["killing", "seven", "people", "and", "wounding", "around", "35"]
    doc = Doc(load_nlp().vocab, words=words, heads=[0, 2, 0, 0, 0, 4, 5],
              deps=["ROOT", "nummod", "dobj", "cc", "conj", "prep", "pobj"],
              pos=["VERB", "NUM", "NOUN", "CCONJ", "VERB", "ADP", "NUM"])
    assert [t.text for t in counted_nouns(doc[4])] == ["35"]
    assert [t.text for t in counted_nouns(doc[0])] == ["people"]


def test_the_incident_an_attack_answers_is_another_one_with_its_own_day_and_place() -> None:
    # the lede's date is the claim's; "revenge for a raid on Thursday in Jolo" tells
    # another incident: its day, place, weapons and toll are not the bombing's
    text = ("A bombing claimed by Islamic State ripped through a fish market in the port "
            "city of Cotabato on Sunday, killing three people.\n\nA regional commander said "
            "the blast might be revenge for a raid last Thursday in Jolo, in which soldiers "
            "backed by attack helicopters killed eight gunmen of a rival faction.")
    found = sorted(events(text, dt.date(2024, 3, 4)), key=lambda e: e.date_start or dt.date.min)
    assert len(found) == 2
    raid, bombing = found
    assert raid.date_start == dt.date(2024, 2, 29) and raid.mention_role == "historical"
    assert raid.location is not None and raid.location.name == "Jolo"
    assert bombing.date_start == dt.date(2024, 3, 3) and bombing.attack_types == ["bombing"]
    assert bombing.location is not None and bombing.location.name == "Cotabato"
    assert (bombing.fatalities.low, bombing.fatalities.high) == (3, 3)


def test_a_when_clause_on_a_past_date_is_an_incident_of_that_date() -> None:
    text = ("Gunmen attacked a police post in Maiduguri on Tuesday, killing two officers, "
            "officials said.\n\nThe town of Bama is still rebuilding after March 2015, when "
            "insurgents stormed it and burned the market.")
    found = sorted(events(text), key=lambda e: e.date_start or dt.date.min)
    assert len(found) == 2
    assert (found[0].date_start, found[0].date_precision) == (dt.date(2015, 3, 1), "month")
    assert found[0].mention_role != "new"


def test_a_name_tagged_apart_from_its_province_noun_is_a_place_of_the_incident() -> None:
    from claimwatch.extract import roles
    from claimwatch.nlp import load_nlp

    doc = load_nlp()("Officials said the raid could be payback for an operation last Wednesday "
                     "in Ilocos del Norte province, in which soldiers killed 7 gunmen.")
    (operation,) = [t for t in doc if t.text == "operation"]
    assert "Ilocos" in [p for p, _, _ in roles.place_phrases(operation, None)]


def test_who_killed_in_an_attack_carried_out_the_attack() -> None:
    (ev,) = events("Islamic State fighters killed nine herders in an attack on a camp near "
                   "Menaka on Sunday, local officials said.")
    assert [a.name for a in ev.actors if a.role == "perpetrator"] == ["Islamic State"]
    assert ev.attack_types == ["ground_assault"]
    (ev,) = events("Nine herders were killed in an attack on a camp near Menaka on Sunday.")
    assert not [a for a in ev.actors if a.role == "perpetrator"]


def test_the_missiles_shot_down_are_not_a_target() -> None:
    (ev,) = events("Rockets were fired at an air base in western Iraq on Saturday, wounding two "
                   "soldiers. Most of the rockets were intercepted by air defences, the army "
                   "said.")
    assert not [t for t in _target_texts(ev) if "rocket" in t.lower()]


def test_a_side_denying_and_blaming_another_names_no_perpetrator() -> None:
    (ev,) = events("A missile hit a bus station in Donetsk on Monday, killing nine people. "
                   "Kyiv denied responsibility and blamed Russian forces, while Moscow said "
                   "Ukraine was behind the strike.")
    assert [a.name for a in ev.actors if a.role == "perpetrator"] != ["Russian Armed Forces"]


def test_the_group_after_its_named_spokesman_is_his_group() -> None:
    (ev,) = events("A cargo ship was hit by a missile off Mokha on Friday, the UKMTO agency "
                   "said. Houthi military spokesman Ahmed Qasim later said the group had hit "
                   "the vessel with naval missiles.")
    assert [a.name for a in ev.actors if a.role == "perpetrator"] == ["Houthis"]


def test_a_state_backing_the_attackers_is_not_the_perpetrator() -> None:
    (ev,) = events("Russia-backed fighters shelled a school in the village on Sunday, killing "
                   "four children, local officials said.")
    names = [a.name for a in ev.perpetrators]
    assert "Russia" not in names and names == ["Russia-backed fighters"]


def test_an_upper_estimate_of_the_toll_bounds_it_and_keeps_the_count() -> None:
    (ev,) = events("A car bomb killed at least 14 people at a market in Mogadishu on Monday, "
                   "police said. A local rights group said the death toll could be as high as "
                   "40.")
    assert (ev.fatalities.low, ev.fatalities.high) == (14, 40)


def test_a_toll_that_may_rise_is_an_upper_bound() -> None:
    (ev,) = events("A car bomb killed at least 14 people at a market in Mogadishu on Monday, "
                   "police said. Doctors said the toll could rise to 30.")
    assert (ev.fatalities.low, ev.fatalities.high) == (14, 30)


def test_an_incident_of_last_month_told_by_its_month_is_recalled() -> None:
    found = events("Rebels shelled the port on Monday, killing two dockers, officials said. "
                   "In February, rebel drones hit a fuel depot near the port.")
    roles_by_type = {tuple(e.attack_types): e.mention_role for e in found}
    assert roles_by_type.get(("drone",)) == "historical"
    assert "new" in roles_by_type.values()


@pytest.mark.parametrize("tail", [
    "Rebels and troops have clashed almost weekly since January, and more than 300 people "
    "have died across the province.",
    "The militia has killed thousands of villagers in the region over the past decade.",
    "Unrest has spread across the north and hundreds of people have been killed.",
])
def test_a_running_total_joined_to_a_span_is_not_the_recalled_toll(tail: str) -> None:
    found = events("Gunmen attacked a police post near Gao on Monday, killing three officers, "
                   "officials said. Last year, militiamen stormed a market in Menaka, killing "
                   "nine traders. " + tail)
    tolls = sorted((e.fatalities.low, e.fatalities.high) for e in found)
    assert tolls == [(3, 3), (9, 9)]


def test_a_suicide_bomber_is_a_bombing_not_an_aircraft() -> None:
    (ev,) = events("A suicide bomber rammed a truck into a police checkpoint near Kunduz on "
                   "Monday, killing six officers, officials said.")
    assert ev.attack_types == ["bombing"]
    assert ev.sub_event_type == "Suicide bomb"


def test_a_joined_participle_counts_its_own_victims() -> None:
    (ev,) = events("Russian troops shelled a residential area of Kherson overnight, killing "
                   "four people and wounding at least 11 others, regional governor Oleksandr "
                   "Prokudin said on Monday.", dt.date(2024, 6, 3))
    assert (ev.fatalities.low, ev.fatalities.high) == (4, 4)
    assert (ev.injured.low, ev.injured.high, ev.injured.qualifier) == (11, None, "at least")


def test_an_offensive_launched_in_a_whole_year_is_a_campaign_not_an_event() -> None:
    found = events("Gunmen attacked a checkpoint near Beledweyne on Monday, killing two "
                   "soldiers, officials said. The army launched a large offensive against "
                   "the insurgents in 2021 and says it has retaken several districts.")
    assert len(found) == 1 and found[0].mention_role == "new"


def test_an_offensive_launched_on_a_day_is_still_an_event() -> None:
    found = events("The army launched an offensive against rebel positions near Bunia on "
                   "Monday, officials said.")
    assert len(found) == 1


def test_a_swarm_of_drones_is_the_weapon_not_the_target() -> None:
    (ev,) = events("Rebels launched a swarm of drones at the port city of Aqaba on Sunday, "
                   "a spokesman for the group said.")
    texts = _target_texts(ev)
    assert "swarm of drones" not in texts
    assert any("Aqaba" in t for t in texts)


def test_an_attack_recalled_by_its_month_is_not_the_days_attack() -> None:
    found = events("Insurgents stormed a police station in Tillaberi on Saturday, killing "
                   "dozens of officers, the group said. The insurgents killed hundreds of "
                   "civilians in a raid on a market town in August, according to local sources.",
                   dt.date(2024, 9, 2))
    assert len(found) == 2
    new = next(e for e in found if e.date_precision == "day")
    assert new.fatalities.low == 24


def test_the_attack_named_again_with_its_month_is_the_same_attack() -> None:
    found = events("Insurgents stormed a police station in Tillaberi on Saturday, killing "
                   "dozens of officers, the group said. The attack in August was the "
                   "deadliest this year.", dt.date(2024, 9, 2))
    assert len(found) == 1


def test_armed_forces_destroying_military_boats_is_a_strike_of_its_own() -> None:
    text = ("Rebel fighters attacked a navy patrol ship off the coast with rockets on "
            "Tuesday, the admiralty said. The admiralty said separately that its forces had "
            "destroyed three rebel speed boats and a rocket launcher on the island on Monday.")
    evs = sorted(events(text), key=lambda e: e.date_start)
    assert len(evs) == 2
    strike, attack = evs
    assert strike.date_start == dt.date(2024, 3, 4)
    assert attack.date_start == dt.date(2024, 3, 5)
    assert "rocket" in attack.attack_types
    assert "rocket" not in strike.attack_types  # the launcher was hit, not used
    assert not any("destroyed" in a.quote for a in attack.assertions)


def test_a_blast_destroying_vehicles_is_no_attack_of_its_own() -> None:
    assert events("A fire destroyed two army trucks at the depot on Monday.") == []
