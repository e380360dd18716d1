"""The event's place: the place the parse ties to the incident, on invented reports."""

from __future__ import annotations

import datetime as dt

import pytest

import claimwatch
from claimwatch.model import Event
from claimwatch.resolve.entities import locate_unlisted
from claimwatch.resolve.place import PlaceContext

PUBLISHED = dt.date(2024, 3, 6)  # a Wednesday


def only_event(text: str) -> Event:
    (ev,) = claimwatch.extract(text, published=PUBLISHED)
    return ev


def test_a_name_introduced_by_a_place_noun_is_the_place() -> None:
    ev = only_event("Militants fired rockets at the Israeli coastal city of Ashkelon on Monday, "
                    "the army said.")
    assert ev.location is not None and ev.location.name == "Ashkelon"
    assert ev.location.precision == 1


def test_a_border_area_named_after_a_town_is_near_the_town() -> None:
    ev = only_event("Two civilians were killed by shelling in the Kharkiv border area on Sunday, "
                    "the governor said.")
    assert ev.location is not None and ev.location.name == "Kharkiv"
    assert ev.location.precision == 2


def test_a_people_noun_is_not_a_place() -> None:
    ev = only_event("On Monday, more than 20 Ukrainians were killed when a missile hit a market "
                    "in Odesa.")
    assert ev.location is not None and ev.location.name == "Odesa"


def test_a_capital_speaking_for_its_government_is_not_the_place() -> None:
    ev = only_event("Gunmen attacked a checkpoint outside Ségou on Monday, killing four soldiers. "
                    "Bamako said the gunmen had crossed from a neighbouring country.")
    assert ev.location is not None and ev.location.name == "Ségou"


def test_a_capital_addressed_is_not_the_place() -> None:
    ev = only_event("Rebels attacked an army post in the north on Monday, killing four soldiers. "
                    "Their leader said the raid was a warning to Nairobi.")
    assert ev.location is None or ev.location.name != "Nairobi"


def test_a_village_missing_from_the_gazetteer_keeps_its_name_and_its_province() -> None:
    ev = only_event("Gunmen attacked the village of Zorbakandi, in Ségou region, on Monday, "
                    "killing 12 people, officials said.")
    assert ev.location is not None and ev.location.name == "Zorbakandi"
    assert ev.location.iso3 == "MLI" and ev.location.precision == 3
    assert ev.location.geonameid is None
    assert any("not in gazetteer: located by" in (e.detail or "")
               for e in ev.explanations if e.field == "location")


def test_a_town_near_a_known_town_is_located_near_it() -> None:
    ev = only_event("A bomb exploded on Monday at a market in Kelbotenga, a town near Kaya in "
                    "Burkina Faso, killing five people.")
    assert ev.location is not None and ev.location.name == "Kelbotenga"
    assert ev.location.precision == 2 and ev.location.iso3 == "BFA"


def test_a_hyphenated_name_is_read_whole() -> None:
    ev = only_event("A suicide bomber killed six people at a mosque in Mazar-i-Sharif on Monday, "
                    "police said.")
    assert ev.location is not None and ev.location.iso3 == "AFG"


def test_an_unlisted_name_is_placed_at_its_area_with_an_honest_precision() -> None:
    ctx = PlaceContext(countries={"COD": 1.0})
    found = locate_unlisted("Zorbakandi, North Kivu", ctx)
    assert found is not None
    place, why = found
    assert place.name == "Zorbakandi" and place.iso3 == "COD" and place.precision == 3
    assert why.startswith("not in gazetteer: located by")
    assert locate_unlisted("Goma, North Kivu", ctx) is None  # known names resolve normally
    assert locate_unlisted("Zorbakandi", ctx) is None  # no area given


def test_a_capital_as_the_object_of_a_political_verb_is_not_the_place() -> None:
    ev = only_event("Militants killed six people in a village near the coast on Monday, saying "
                    "they were punishing Nairobi for sending troops abroad.")
    assert ev.location is None or ev.location.name != "Nairobi"


def test_an_interception_is_where_and_by_whom_the_weapons_were_launched() -> None:
    ev = only_event("The army said a Turkish frigate shot down three missiles and two drones "
                    "launched by Hezbollah over the eastern Mediterranean on Monday.")
    assert [a.name for a in ev.perpetrators] == ["Hezbollah"]
    assert ev.location is not None and ev.location.name == "Eastern Mediterranean"


def test_over_a_city_names_the_place_of_an_interception() -> None:
    ev = only_event("Ukrainian air defences shot down 20 drones over Kyiv on Monday, officials "
                    "said.")
    assert ev.location is not None and ev.location.name == "Kyiv"
    assert "interception" in ev.attack_types


def test_an_offset_from_a_port_named_through_its_noun_moves_the_point() -> None:
    ev = only_event("A cargo ship was struck by a missile on Monday while sailing roughly 40 "
                    "nautical miles west of the Yemeni port of Mokha, the US military said.")
    assert ev.location is not None and ev.location.precision == 2
    assert ev.location.longitude is not None and ev.location.longitude < 42.9


def test_the_same_area_is_the_place_of_the_main_incident() -> None:
    found = claimwatch.extract(
        "Gunmen killed four farmers in Ségou region on Monday, officials said. The police "
        "chief travelled from Bamako to the scene. The same area was attacked in May 2021, "
        "when gunmen killed three herders.", published=PUBLISHED)
    old = [ev for ev in found if ev.date_start is not None and ev.date_start.year == 2021]
    assert old and old[0].location is not None and old[0].location.name != "Bamako"


def test_a_countrys_region_named_with_a_possessive_is_the_place() -> None:
    ev = only_event("Insurgents set fire to three schools across Thailand's deep south on "
                    "Monday, police said.")
    assert ev.location is not None and ev.location.name == "Deep South"
    assert ev.location.precision == 3


def test_a_name_tagged_as_a_people_that_names_a_border_area_is_the_place() -> None:
    import datetime as dt

    import claimwatch

    (ev,) = claimwatch.extract("A border guard was killed on Monday during a shooting incident "
                               "in the Idlib border area, officials said.",
                               published=dt.date(2024, 5, 27))
    assert ev.location is not None and ev.location.country == "Syria"


def test_a_site_named_after_its_town_is_at_the_town() -> None:
    # the parser tags the town's name as a person; the site noun says it is a place
    ev = only_event("Ukrainian drones attacked the Soltsy air base in Russia's Novgorod region "
                    "on Saturday, damaging a bomber, the defence ministry said.")
    assert ev.location is not None and ev.location.precision == 1
    assert ev.location.name is not None and "tsy" in ev.location.name


def test_a_town_the_model_took_for_a_product_is_still_a_place() -> None:
    # the model tags this town's name as a product; "the city of" vouches for it
    ev = only_event("The army said it had killed 40 fighters in a rocket strike on a school in "
                    "the eastern city of Kramatorsk on Monday.")
    assert ev.location is not None and ev.location.name == "Kramatorsk"


def test_a_town_name_the_model_cut_in_two_is_read_whole() -> None:
    # the model tags "Dera" as a place and "Ismail Khan" as a person
    ev = only_event("Militants attacked a police post in Dera Ismail Khan district before dawn "
                    "on Monday, killing two policemen.")
    assert ev.location is not None and ev.location.name == "Dera Ismail Khan"
    assert ev.location.iso3 == "PAK"


def test_rockets_fired_from_one_place_towards_another_land_at_the_other() -> None:
    ev = only_event("Militants fired three rockets from Syria towards northern Jordan on Monday, "
                    "the army said.")
    assert ev.location is not None and ev.location.iso3 == "JOR"


def test_the_country_that_came_under_attack_is_the_place_not_a_lede_town() -> None:
    ev = only_event("Leaders met in Geneva on Monday. The talks ended without a deal. Hours "
                    "later, Poland came under fresh attack, the interior ministry said.")
    assert ev.location is not None and ev.location.name == "Poland"


def test_the_bare_capital_in_an_attack_on_a_country_is_its_capital() -> None:
    ev = only_event("Leaders met in Geneva on Monday. The talks ended without a deal. Hours "
                    "later, Poland came under fresh attack. Enemy forces launched twelve drones, "
                    "and all drones heading for the capital were shot down, the interior "
                    "ministry said.")
    assert ev.location is not None and ev.location.name == "Warsaw"


def test_a_place_listed_beside_the_incidents_sea_is_not_a_part_of_it() -> None:
    ev = only_event("Gunmen attacked a fishing boat in the Arabian Sea on Monday, killing two "
                    "sailors, the navy said. Shipping firms halted voyages through the Arabian "
                    "Sea and the Strait of Hormuz.")
    assert ev.location is not None and ev.location.name == "Arabian Sea"


def test_an_offset_from_a_town_the_model_took_for_a_people_places_the_earlier_strike() -> None:
    text = ("Navy helicopters sank two Houthi boats in the Red Sea on Sunday after the boats "
            "fired on a tanker, hours after the same tanker had been hit by a Houthi drone."
            "\n\nThe boat attack came a day after the tanker was struck by a drone about 50 "
            "nautical miles west of Hodeidah late on Saturday.")
    found = claimwatch.extract(text, published=dt.date(2024, 3, 4))
    assert len(found) == 2
    drone = next(e for e in found if "drone" in e.attack_types)
    assert drone.location is not None and "Hodeidah" in drone.location.name
    assert drone.location.precision == 2


def test_a_town_the_text_puts_in_a_country_is_no_namesake_abroad() -> None:
    # the gazetteer's only 'Toledo's lie in Spain, the US and Belize; the text puts this one
    # in Mozambique, so it is kept under its name and placed in Mozambique
    ev = only_event("Gunmen killed nine villagers in an attack on the small town of Toledo in "
                    "northern Mozambique on Monday, police said.")
    assert ev.location is not None and ev.location.name == "Toledo"
    assert ev.location.iso3 == "MOZ"


def test_a_definite_area_noun_is_the_area_of_that_kind_named_last() -> None:
    # "the territory" has no name of its own: the province the report named, not the town
    # where the leaders met
    events = claimwatch.extract(
        "Leaders of Tigray's regional administration met federal officials in the city of "
        "Bahir Dar on Tuesday. Federal troops shelled villages across the territory on Monday, "
        "the army said.", published=PUBLISHED)
    (ev,) = events
    assert ev.location is not None and ev.location.name == "Tigray"


def test_the_province_refers_back_to_the_province_named() -> None:
    ev = only_event("Elders from South Kivu's highlands met army officers in the town of Uvira "
                    "on Tuesday. The rebels pushed into the province on Monday, killing 12 "
                    "soldiers, a local official said.")
    assert ev.location is not None and ev.location.name == "South Kivu"


def test_an_earlier_incident_an_operation_answered_is_its_own_event() -> None:
    # "launched the operation after X": the operation is the shelling told just before,
    # the bombing hours earlier another incident
    events = claimwatch.extract(
        "Soldiers shelled rebel positions across Tigray on Monday, the army said. The "
        "government said it launched the operation after three policemen were killed by a "
        "roadside bomb hours earlier near Mekelle.", published=PUBLISHED)
    assert len(events) == 2
    assert {t for e in events for t in e.attack_types} >= {"artillery", "ied"}
    assert not any({"artillery", "ied"} <= set(e.attack_types) for e in events)


def test_a_region_ties_no_town_to_an_incident() -> None:
    from claimwatch.extract.grouping import Cluster, TriggerInfo, _related
    from claimwatch.model import Place

    region = Place("Tigray", latitude=14.0, longitude=39.0, precision=3, feature="admin1")
    town = Place("Gondar", latitude=12.6, longitude=37.47, precision=1, feature="city")
    near = Place("Azezo", latitude=12.56, longitude=37.43, precision=1, feature="city")

    def info(point: Place) -> TriggerInfo:
        return TriggerInfo(trigger=None, sent_index=0, anchor=None,  # type: ignore[arg-type]
                           perpetrator=None, perpetrator_why=None, place=point.name,
                           separate=False, point=point, place_rank=1)

    assert not _related(info(town), Cluster(members=[info(region)]))
    assert _related(info(town), Cluster(members=[info(near)]))


def test_the_base_is_the_base_the_report_named_last() -> None:
    text = ("Militants launched a drone at Ain al-Asad air base in western Iraq on Saturday. "
            "Earlier this month, the same group claimed a rocket attack on the base, which "
            "the US military confirmed at the time.")
    found = claimwatch.extract(text, published=PUBLISHED)
    assert len(found) == 2
    assert all(e.location is not None and "Asad" in e.location.name for e in found)


def test_a_state_in_a_clause_on_the_target_is_not_the_place() -> None:
    # "the US military" in the relative clause says who confirmed it, not where it was
    ev = only_event("Earlier this month, the militia claimed a rocket attack on the depot, "
                    "which the US military confirmed at the time.")
    assert ev.location is None or ev.location.iso3 != "USA"


def test_a_name_with_its_state_noun_is_the_state_not_its_namesake_town() -> None:
    ev = only_event("Gunmen shot dead nine farmers in Katsina state on Tuesday, police said.")
    assert ev.location is not None and ev.location.name == "Katsina"
    assert ev.location.precision == 3 and ev.location.feature == "admin1"


def test_a_region_noun_after_a_name_the_model_took_for_an_adjective_is_the_region() -> None:
    ev = only_event("Soldiers torched houses in the Sagaing region on Monday, killing seven "
                    "people, residents said.")
    assert ev.location is not None and ev.location.name == "Sagaing"
    assert ev.location.precision == 3


def test_a_bare_name_the_report_gives_as_a_state_is_the_state() -> None:
    (ev,) = [e for e in claimwatch.extract(
        "Gunmen kidnapped 40 villagers from Zorbakandi, a village in Katsina state, on Monday, "
        "residents said. It was the largest kidnapping in Katsina this year, residents said.",
        published=PUBLISHED) if e.mention_role == "new"]
    assert ev.location is not None and ev.location.precision == 3
    assert ev.location.name != "Katsina" or ev.location.feature == "admin1"


def test_a_province_and_a_town_of_another_province_are_two_incidents() -> None:
    evs = claimwatch.extract(
        "Drones struck a military parade in the city of Hama on Tuesday, killing 20 soldiers, "
        "the army said. Government forces shelled villages in Idlib province on Tuesday, "
        "killing six civilians, rescuers said.", published=PUBLISHED)
    assert sorted(e.location.precision for e in evs if e.location) == [1, 3]


def test_a_name_made_into_a_describing_word_is_not_a_place() -> None:
    ev = only_event("Pirates seized a Liberia-flagged tanker in the Gulf of Guinea on Monday, "
                    "the navy said.")
    assert ev.location is not None and "flagged" not in ev.location.name
    assert ev.location.name != "Liberia"


def test_where_a_journey_started_or_was_bound_is_not_the_scene() -> None:
    ev = only_event("A roadside bomb struck a bus carrying nurses in northern Nigeria on Monday "
                    "as they were on their way from Kano, killing six, police said.")
    assert ev.location is None or ev.location.name != "Kano"


def test_an_embassy_in_a_capital_condemning_the_attack_is_not_the_scene() -> None:
    ev = only_event("Gunmen ambushed a bus carrying nurses in Nigeria on Monday, killing six. "
                    "The attack happened near Funtua in Katsina state, police said. The British "
                    "embassy in Abuja condemned the attack.")
    assert ev.location is not None and ev.location.name == "Funtua"


def test_a_loosely_read_name_is_not_a_namesake_in_a_country_named_only_as_an_actor() -> None:
    # "the Al-Salem base" read as "Salem": the report names the US only as troops, officials
    # and Washington speaking; its events are in Syria
    evs = claimwatch.extract(
        "Militants said on Monday they had attacked the Al-Salem base with drones. A drone hit "
        "a camp hosting U.S. troops in eastern Syria, U.S. officials said. A U.S. defense "
        "official said Washington blamed the militants, and U.S. forces were on alert.",
        published=PUBLISHED)
    assert evs and all(e.location is None or e.location.iso3 != "USA" for e in evs)


def test_a_village_the_gazetteer_lacks_in_a_named_state_beats_the_country() -> None:
    ev = only_event("A suicide bomber rammed a car into a bus carrying nurses in northern "
                    "Nigeria on Monday, killing six. The attack took place near Zorbakandi in "
                    "Katsina state as the nurses were travelling to a clinic, police said.")
    assert ev.location is not None and ev.location.name == "Zorbakandi"
    assert ev.location.iso3 == "NGA" and ev.location.precision == 3


@pytest.mark.parametrize(("text", "name", "iso3", "country"), [
    ("A rights group said on Thursday that soldiers had shot dead at least 23 herders in "
     "the northern Nigerien village of Lamego over the weekend.", "Lamego", "NER", "Niger"),
    ("Gunmen on motorbikes killed 14 worshippers at a mosque on Friday in the eastern "
     "Chadian town of Tavira, residents said.", "Tavira", "TCD", "Chad"),
])
def test_a_place_noun_naming_the_country_overrules_a_namesake_abroad(
        text: str, name: str, iso3: str, country: str) -> None:
    ev = only_event(text)   # both names are known to the gazetteer only in Portugal
    assert ev.location is not None and ev.location.name == name
    assert ev.location.iso3 == iso3 and ev.location.precision == 3
    assert any(f"not in gazetteer: located by {country}" in (e.detail or "")
               for e in ev.explanations if e.field == "location")


def test_a_stormed_village_is_placed_in_the_district_the_text_gives() -> None:
    ev = only_event("Armed men killed five farmers in an attack on a settlement in Zambia's "
                    "North-Western province on Sunday, police said. The attackers raided "
                    "Kalumbwezi, in the Mwinilunga district, late on Sunday, a police spokesman "
                    "said.")
    assert ev.location is not None and ev.location.name == "Kalumbwezi"
    assert ev.location.iso3 == "ZMB" and ev.location.precision == 2


def test_where_the_attackers_came_from_is_not_the_scene() -> None:
    ev = only_event("Gunmen killed seven people in an attack on a village in Ghana's Upper East "
                    "region on Monday, police said. A police spokesman said the attackers had "
                    "come from Bolgatanga.")
    assert ev.location is not None and ev.location.name != "Bolgatanga"
    assert ev.location.iso3 == "GHA"


@pytest.mark.parametrize("text", [
    "Gunmen shot dead two plantation guards in Malaysia's Sabah state on Sunday, police "
    "said. The guards were guarding a depot at Punakha, a small village in the district of "
    "Keningau, and the gunmen escaped on foot.",
    "Separatists in Malaysia's Sabah state said on Friday that they had kidnapped four "
    "loggers and torched an excavator. According to the police, the loggers were camped at "
    "Punakha, a remote village in the district of Keningau, when armed men arrived on "
    "Thursday night.",
])
def test_a_village_described_as_such_is_placed_by_its_district_not_abroad(text: str) -> None:
    ev = only_event(text)   # the gazetteer knows Punakha only in Bhutan
    assert ev.location is not None and ev.location.name == "Punakha"
    assert ev.location.iso3 == "MYS" and ev.location.precision == 2


def test_a_town_name_the_model_takes_for_a_people_is_still_the_place() -> None:
    # the model tags the town's name as a nationality; the gazetteer knows it as a town
    ev = only_event("Artillery shells hit a bus station in the Sudanese city of Omdurman "
                    "on Monday, killing six people, medics said.")
    assert ev.location is not None and ev.location.name == "Omdurman"
    ev = only_event("Gunmen attacked a market in Omdurman on Monday, killing six people, "
                    "medics said.")
    assert ev.location is not None and ev.location.name == "Omdurman"


@pytest.mark.parametrize("text", [
    "A drone strike killed three fighters near Baidoa on Sunday, the US military said.",
    "Gunmen ambushed a patrol outside Baidoa on Sunday, Kenyan army officers said.",
])
def test_a_country_describing_the_speaker_is_not_the_place_the_town_lies_in(text: str) -> None:
    loc = only_event(text).location
    assert loc is not None and loc.iso3 == "SOM" and loc.precision == 1
    unlisted = only_event(text.replace("Baidoa", "Qorxalle")).location
    assert unlisted is None or unlisted.iso3 not in ("USA", "KEN")


def test_bare_gaza_in_a_report_about_israel_is_the_gaza_strip_not_the_province_abroad() -> None:
    loc = only_event("An Israeli air strike hit a house in Gaza on Tuesday, killing five "
                     "people, medics said.").location
    assert loc is not None and loc.iso3 == "PSE"
    city = only_event("An Israeli air strike hit a school in Gaza City on Tuesday, killing "
                      "four people, medics said.").location
    assert city is not None and city.iso3 == "PSE" and city.precision == 1
    abroad = only_event("Gunmen attacked a police post in Mozambique's Gaza province on "
                        "Tuesday, killing two officers.").location
    assert abroad is not None and abroad.iso3 == "MOZ"
