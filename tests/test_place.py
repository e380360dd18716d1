"""Place phrases resolve to the place the report means, with ACLED precision."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimwatch
from claimwatch.resolve import place as place_module
from claimwatch.resolve.gazetteer import GazetteerError
from claimwatch.resolve.place import PlaceContext, document_context, resolve_place
from invented_reports import events

LEBANON_REPORT = (
    "Clashes broke out in Tripoli overnight, the Lebanese army said. Residents of Beirut "
    "and Sidon reported gunfire, and the army deployed along the coast north of Batroun."
)
LIBYA_REPORT = (
    "Rival militias fought in Tripoli, the Libyan capital, while the government in "
    "Benghazi called for calm. Flights at Misrata were suspended."
)


def _ents(*names: str) -> list[tuple[str, str]]:
    return [(n, "GPE") for n in names]


def test_tripoli_in_a_report_about_lebanon_is_in_lebanon() -> None:
    ctx = document_context(LEBANON_REPORT, _ents("Tripoli", "Lebanese", "Beirut", "Sidon",
                                                 "Batroun"))
    place, _ = resolve_place("Tripoli", ctx)
    assert place is not None and place.iso3 == "LBN" and place.precision == 1


def test_tripoli_in_a_report_about_libya_is_in_libya() -> None:
    ctx = document_context(LIBYA_REPORT, _ents("Tripoli", "Libyan", "Benghazi", "Misrata"))
    place, _ = resolve_place("Tripoli", ctx)
    assert place is not None and place.iso3 == "LBY"


def test_the_port_of_haifa_is_the_city_at_point_precision() -> None:
    place, rule = resolve_place("the port of Haifa", PlaceContext())
    assert place is not None and place.iso3 == "ISR" and place.precision == 1
    assert abs(place.latitude - 32.8) < 0.1 and abs(place.longitude - 35.0) < 0.1
    assert "point" in rule


def test_northern_israel_is_a_region_at_precision_3() -> None:
    place, rule = resolve_place("northern Israel", PlaceContext())
    israel, _ = resolve_place("Israel", PlaceContext())
    assert place is not None and israel is not None
    assert place.iso3 == "ISR" and place.precision == 3 and rule.startswith("part_of")
    assert place.latitude > israel.latitude  # shifted toward the north


def test_red_sea_is_the_sea_not_an_egyptian_governorate() -> None:
    place, _ = resolve_place("the Red Sea", PlaceContext())
    assert place is not None and place.feature == "sea" and place.precision == 3
    assert place.iso3 is None


def test_distance_and_coast_phrases_are_near_the_town_at_precision_2() -> None:
    for phrase in ("20 km north of Mosul", "off the coast of Hodeidah", "outside Moscow"):
        place, rule = resolve_place(phrase, PlaceContext())
        assert place is not None and place.precision == 2, phrase
    assert resolve_place("20 km north of Mosul", PlaceContext())[0].iso3 == "IRQ"  # type: ignore[union-attr]


def test_named_province_is_the_admin_area_at_precision_3() -> None:
    place, rule = resolve_place("Donetsk Oblast", PlaceContext())
    assert place is not None and place.feature == "admin1" and place.precision == 3
    assert place.iso3 == "UKR"


def test_small_strait_is_precision_2() -> None:
    place, _ = resolve_place("Bab el-Mandeb", PlaceContext())
    assert place is not None and place.precision == 2


def test_khan_younis_and_camps_in_gaza() -> None:
    ctx = document_context("", _ents("Gaza", "Israeli"))
    for phrase in ("Khan Younis", "Khan Yunis", "Jabalia refugee camp", "Rafah crossing"):
        place, _ = resolve_place(phrase, ctx)
        assert place is not None and place.iso3 == "PSE" and place.precision == 1, phrase


def test_unknown_place_is_none_with_a_reason() -> None:
    place, reason = resolve_place("Qwzxplorbvania", PlaceContext())
    assert place is None and "not in gazetteer" in reason
    assert resolve_place("", PlaceContext()) == (None, "empty place phrase")


def test_a_broken_gazetteer_gives_none_with_a_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> None:
        raise GazetteerError("cannot open /nowhere/gaz.sqlite")

    monkeypatch.setattr(place_module.Gazetteer, "load", broken)
    place, reason = resolve_place("Haifa", PlaceContext())
    assert place is None and "gazetteer unavailable" in reason


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_phrases_never_raise(phrase: str) -> None:
    place, reason = resolve_place(phrase, PlaceContext())
    assert isinstance(reason, str) and (place is None or place.precision in (1, 2, 3))


def test_kiev_is_the_city_not_the_oblast_named_after_it() -> None:
    place, _ = resolve_place("Kiev", PlaceContext())
    assert place is not None and place.feature == "city" and place.precision == 1
    assert place.iso3 == "UKR"


def test_a_qualified_name_stays_inside_its_qualifier() -> None:
    place, rule = resolve_place("Tripoli, Lebanon", PlaceContext())
    assert place is not None and place.iso3 == "LBN" and rule.startswith("qualified")


def test_gaza_in_a_report_about_israel_and_gaza() -> None:
    ctx = document_context("", _ents("Gaza", "Israel", "Khan Younis", "Rafah", "Israeli"))
    place, _ = resolve_place("Gaza", ctx)
    assert place is not None and place.iso3 == "PSE"


def test_document_context_weighs_the_country_the_report_is_about() -> None:
    ctx = document_context(LEBANON_REPORT, _ents("Tripoli", "Lebanese", "Beirut", "Sidon",
                                                 "Batroun"))
    assert max(ctx.countries, key=lambda k: ctx.countries[k]) == "LBN"
    assert {p.iso3 for p in ctx.places} == {"LBN"}


def test_outside_a_city_is_near_it_at_precision_2() -> None:
    place, rule = resolve_place("the outskirts of Kharkiv", PlaceContext())
    assert place is not None and place.iso3 == "UKR" and place.precision == 2
    assert rule.startswith("near")


def test_the_syrian_capital_is_damascus() -> None:
    place, _ = resolve_place("the Syrian capital", PlaceContext())
    assert place is not None and place.name == "Damascus" and place.precision == 1


def test_distance_off_a_coast_reads_through_to_the_town() -> None:
    place, rule = resolve_place("30 miles off the coast of Aden", PlaceContext())
    assert place is not None and place.iso3 == "YEM" and place.precision == 2
    assert rule.startswith("distance_from")


def test_parts_of_gaza_are_areas_of_the_strip() -> None:
    place, _ = resolve_place("northern Gaza", PlaceContext())
    assert place is not None and place.iso3 == "PSE" and place.precision == 2


def test_a_name_is_judged_by_the_other_names_not_its_own_reading() -> None:
    # London's own most likely country must not outvote the rest of a Canadian report.
    ctx = document_context("", _ents("London", "London", "London", "Canada", "Canada",
                                     "Ontario"))
    place, _ = resolve_place("London", ctx)
    assert place is not None and place.iso3 == "CAN"
    assert ctx.countries_besides("london").get("GBR", 0.0) == 0.0


def test_a_state_listed_with_other_states_is_the_state() -> None:
    ctx = document_context("", _ents("United States", "Texas", "Ohio", "Michigan", "Georgia",
                                     "Oregon", "Wyoming"))
    for name in ("Georgia", "Wyoming"):
        place, _ = resolve_place(name, ctx)
        assert place is not None and place.iso3 == "USA" and place.feature == "admin1", name


def test_a_county_is_the_one_in_the_state_the_report_names() -> None:
    ctx = document_context("", _ents("Missouri", "Missouri", "Monroe County", "Hannibal"))
    place, _ = resolve_place("Monroe County", ctx)
    assert place is not None and place.admin1 == "Missouri"


def test_towns_named_together_are_read_together() -> None:
    # Two London districts: each alone is likelier a bigger town elsewhere (Alberta,
    # Connecticut), but read together they are next to each other.
    ctx = document_context("", _ents("Edmonton", "Enfield", "Edmonton"))
    place, _ = resolve_place("Edmonton", ctx)
    assert place is not None and place.iso3 == "GBR"
    alone, _ = resolve_place("Edmonton", PlaceContext())
    assert alone is not None and alone.iso3 == "CAN"


def test_a_part_of_a_sea_is_that_sea_area_not_a_namesake_province() -> None:
    place, _ = resolve_place("the northern Red Sea", PlaceContext())
    assert place is not None and place.feature == "sea" and place.latitude > 22


def test_a_possessed_area_stays_inside_its_owner() -> None:
    place, rule = resolve_place("Russia's Belgorod region", PlaceContext(countries={"RUS": 1.0}))
    assert place is not None and place.iso3 == "RUS" and place.precision == 3
    assert rule.startswith("possessive")


def test_a_province_spelled_like_a_town_abroad_is_not_found() -> None:
    place, _ = resolve_place("Zyxqa province", PlaceContext(countries={"BFA": 1.0}))
    assert place is None or place.feature in ("admin1", "admin2", "region")


def test_congo_in_a_report_about_kivu_is_the_drc() -> None:
    ctx = document_context("", _ents("Goma", "North Kivu", "Congo", "Rwanda"))
    place, _ = resolve_place("eastern Congo", ctx)
    assert place is not None and place.iso3 == "COD"


def test_a_spelling_variant_is_sought_in_the_reports_countries() -> None:
    # "Kibera" is no town in the gazetteer; its nearest spelling abroad is not the answer
    # in a report about Nairobi, but a lone variant still resolves.
    ctx = document_context("", _ents("Nairobi", "Kenya", "Kenya", "Kibera"))
    place, _ = resolve_place("Kibera", ctx)
    assert place is None or place.iso3 == "KEN"
    alone, rule = resolve_place("Khan Yunnis", document_context("", _ents("Khan Yunnis")))
    assert alone is not None and alone.iso3 == "PSE" and "spelling" in rule


def test_a_bare_capital_name_is_the_capital_unless_the_report_says_otherwise() -> None:
    for name, iso3 in (("Washington", "USA"), ("Cairo", "EGY"), ("Santiago", "CHL")):
        place, _ = resolve_place(name, PlaceContext())
        assert place is not None and place.iso3 == iso3 and place.feature == "city", name
    ctx = document_context("", _ents("Illinois", "Carbondale", "Cairo", "Mound City"))
    place, _ = resolve_place("Cairo", ctx)
    assert place is not None and place.iso3 == "USA" and place.admin1 == "Illinois"
    ctx = document_context("", _ents("Seattle", "Spokane", "Oregon", "Idaho", "Washington"))
    place, _ = resolve_place("Washington", ctx)
    assert place is not None and place.feature == "admin1"


@pytest.mark.parametrize("phrase", ["Maguindanao del Norte", "Maguindanao del Norte province"])
def test_a_province_split_off_as_del_norte_is_read_as_part_of_the_older_one(phrase: str) -> None:
    ctx = document_context("", _ents("Cotabato", "Mindanao", "Philippines"))
    place, rule = resolve_place(phrase, ctx)
    assert place is not None and place.iso3 == "PHL" and "Maguindanao" in place.name
    assert rule.startswith("part_of") and place.precision >= 2


def test_a_capital_keeps_its_prior_when_the_report_also_names_its_country() -> None:
    # A Boston report about a flight to France: "Paris" is the capital of the France it
    # names, not the small Paris in Maine, though the report is mostly American.
    ctx = document_context("", _ents("Boston", "Massachusetts", "Boston", "France", "Paris"))
    place, _ = resolve_place("Paris", ctx)
    assert place is not None and place.iso3 == "FRA"


def test_a_religion_is_no_vote_for_a_namesake_county() -> None:
    # "Christian" (NORP) must not make the report American through Christian County.
    ctx = document_context("", [("Christian", "NORP"), ("Christian", "NORP"), ("Venice", "GPE")])
    assert "USA" not in ctx.countries
    place, _ = resolve_place("Venice", ctx)
    assert place is not None and place.iso3 == "ITA"


def test_a_named_international_airport_is_its_town() -> None:
    place, rule = resolve_place("Mosul International Airport", PlaceContext())
    assert place is not None and place.iso3 == "IRQ" and place.precision == 1
    assert rule.startswith("point_named")


def test_newfoundland_alone_is_the_canadian_province() -> None:
    place, _ = resolve_place("Newfoundland", document_context("", _ents("Halifax", "Newfoundland")))
    assert place is not None and place.iso3 == "CAN" and place.feature == "admin1"


def test_a_listed_island_or_landmark_outranks_a_village_or_a_translated_name() -> None:
    # The team lists big islands and landmarks because news names them: "Luzon" is the
    # island, not the village of that name; "the White House" is no Casablanca.
    ctx = document_context("", _ents("Philippines", "Davao", "Luzon"))
    place, _ = resolve_place("Luzon", ctx)
    assert place is not None and place.feature == "island"
    place, _ = resolve_place("the White House", PlaceContext())
    assert place is not None and place.feature == "facility" and place.iso3 == "USA"


def test_a_name_read_as_another_spelling_cannot_vouch_for_its_own_country() -> None:
    from claimwatch.model import Place
    from claimwatch.resolve.entities import in_context

    # "Kelora" is read as the town "Kelorra" abroad; only that reading puts its country
    # among the report's, so it is judged by the report's other names
    ctx = PlaceContext(countries={"COD": 1.0, "AZE": 0.25}, own={"kelora": {"AZE": 1.0}},
                       raw={"COD": 4.0, "AZE": 1.0})
    abroad = Place(name="Kelorra", country="Azerbaijan", iso3="AZE", latitude=39.0,
                   longitude=48.7, precision=1, feature="city")
    assert not in_context(abroad, ctx, "exact:city", "Kelora")
    home = Place(name="Kelorra", country="Democratic Republic of the Congo", iso3="COD",
                 latitude=0.5, longitude=29.4, precision=1, feature="city")
    assert in_context(home, ctx, "exact:city", "Kelora")


def test_a_town_alternately_named_like_another_is_no_witness_for_itself() -> None:
    # A US town lists the holy city's name among its alternate names: the report naming
    # that city is no second witness that the town is meant.
    ctx = document_context("", _ents("Mecca", "Mecca", "Mecca", "Medina", "Egypt", "Cairo",
                                     "Sudan", "Morocco"))
    place, _ = resolve_place("Medina", ctx)
    assert place is not None and place.iso3 == "SAU"


@pytest.mark.parametrize("name", ["Oklahoma", "New York"])
def test_a_state_is_not_its_x_city(name: str) -> None:
    # "Oklahoma City" and "New York City" are the towns; the plain name is the state, even
    # in a report that names towns of the same name in other states.
    ctx = document_context("", _ents("Pennsylvania", "Georgia", "Wisconsin", name))
    place, _ = resolve_place(name, ctx)
    assert place is not None and place.feature == "admin1" and place.name == name
    alone, _ = resolve_place(name, PlaceContext())
    assert alone is not None and alone.feature == "admin1"


def test_a_dateline_in_capitals_names_the_town() -> None:
    # "WASHINGTON (AP) --" opens a report that goes on to name two states: the dateline
    # is the capital; the same word in running text, among states, is the state.
    ctx = document_context("", _ents("WASHINGTON", "Iowa", "Ohio"))
    place, _ = resolve_place("WASHINGTON", ctx)
    assert place is not None and place.feature == "city" and place.longitude > -80
    state, _ = resolve_place("Washington", ctx)
    assert state is not None and state.feature == "admin1"
    country, _ = resolve_place("ISRAEL", PlaceContext())
    assert country is not None and country.feature == "country"


def test_the_country_owning_a_region_is_the_one_the_report_is_about() -> None:
    ctx = PlaceContext(countries={"GHA": 1.0, "TGO": 0.3})
    place, why = resolve_place("the country's Western region", ctx)
    assert place is not None and place.iso3 == "GHA" and place.precision == 3
    assert why.startswith("possessive")


def test_a_compass_part_of_a_named_district_is_that_district() -> None:
    # "northwestern X district": the district noun is read off after the direction
    for phrase, town in (("northeastern Mandera county", "Mandera"),
                         ("southwestern Bannu district", "Bannu")):
        place, why = resolve_place(phrase)
        assert place is not None and place.name == town, (phrase, why)
        assert place.precision >= 2


def test_a_fronted_name_is_qualified_only_by_a_closed_apposition() -> None:
    text = "In London, Ontario, crews worked through the night to restore the lines."
    ctx = document_context(text, _ents("London", "Ontario"))
    assert ctx.qualifiers == {"london": "Ontario"}


def test_a_name_the_text_qualifies_by_apposition_is_inside_the_qualifier() -> None:
    text = ("A storm cut power to London, Ontario, late on Friday. Crews from Manchester "
            "and Leeds flew in to help restore the lines in London.")
    ctx = document_context(text, _ents("London", "Ontario", "Manchester", "Leeds", "London"))
    assert ctx.qualifiers == {"london": "Ontario"}
    place, rule = resolve_place("London", ctx)
    assert place is not None and place.iso3 == "CAN" and rule == "qualified:city"


@pytest.mark.parametrize(("text", "names"), [
    ("Snow fell across Alberta, Saskatchewan and Manitoba on Sunday.",
     ("Alberta", "Saskatchewan", "Manitoba")),  # a list of siblings
    ("In Donetsk, Russia shelled a market, officials in Kyiv said.",
     ("Donetsk", "Russia", "Kyiv")),  # a verb follows: no apposition
    ("In Donetsk, Russia's army shelled a market. Later, Ukrainian officials in Donetsk "
     "said five died.", ("Donetsk", "Russia", "Donetsk")),  # a possessive, fronted
    ("An air strike hit a house in Rafah on Sunday, killing four people. After the strike "
     "on Rafah, Egypt and Jordan condemned Israel.",
     ("Rafah", "Rafah", "Egypt", "Jordan", "Israel")),  # a list goes on
])
def test_a_comma_between_names_is_not_always_a_qualifier(text: str,
                                                         names: tuple[str, ...]) -> None:
    ctx = document_context(text, _ents(*names))
    assert ctx.qualifiers == {}


@pytest.mark.parametrize(("phrase", "feature", "iso3"), [
    ("Somme", "admin2", "FRA"),  # "Departement de la Somme" without its prefix
    ("West African", "region", None),  # a region's adjective
    ("Midwest", "region", "USA"),
    ("Soviet Union", "country", "RUS"),
])
def test_departments_region_adjectives_and_well_known_regions_are_found(
        phrase: str, feature: str, iso3: str | None) -> None:
    place, _ = resolve_place(phrase)
    assert place is not None and place.feature == feature and place.iso3 == iso3


def test_a_country_named_near_a_name_decides_its_namesake() -> None:
    text = ("Health officials in Illinois, Ohio and Indiana reported new cases on Monday. "
            "Officials in Springfield and Columbus urged calm. Far away, a clinic in Vienna "
            "screened travellers arriving in Austria by rail.")
    ctx = document_context(text, _ents("Illinois", "Ohio", "Indiana", "Springfield",
                                       "Columbus", "Vienna", "Austria"))
    place, _ = resolve_place("Vienna", ctx)
    assert place is not None and place.iso3 == "AUT"
    place, _ = resolve_place("Springfield", ctx)  # nothing foreign near it
    assert place is not None and place.iso3 == "USA"


@pytest.mark.parametrize(("text", "names", "phrase", "iso3"), [
    ("Gunmen attacked a hotel in Tripoli on Monday, killing three guards, the U.S. embassy "
     "said.", ("Tripoli", "U.S."), "Tripoli", "LBY"),
    ("French President Emmanuel Macron, speaking in Paris after talks with U.S. officials, "
     "said Russia must withdraw from Ukraine.", ("Paris", "U.S.", "Russia", "Ukraine"),
     "Paris", "FRA"),
])
def test_a_country_named_as_an_actor_nearby_does_not_decide_a_namesake(
        text: str, names: tuple[str, ...], phrase: str, iso3: str) -> None:
    ctx = document_context(text, _ents(*names))
    place, _ = resolve_place(phrase, ctx)
    assert place is not None and place.iso3 == iso3


def test_countries_near_names_are_found_in_a_long_report_quickly() -> None:
    text = "Shelling hit Tripoli and Sidon in Lebanon, the U.S. embassy said. " * 3000
    start = time.perf_counter()
    ctx = document_context(text, _ents("Tripoli", "Sidon", "Lebanon", "U.S.") * 3000)
    assert time.perf_counter() - start < 5.0
    assert ctx.local["tripoli"] == {"LBN": 1.0}


@pytest.mark.parametrize(("phrase", "name"), [
    ("West Kasai", "Kasai-Occidental"), ("Eastern Kasai", "Kasai-Oriental")])
def test_a_compass_word_is_read_as_the_french_name_of_a_province(phrase: str,
                                                                 name: str) -> None:
    place, _ = resolve_place(phrase)
    assert place is not None and place.name == name and place.feature == "admin1"


def test_a_small_namesake_abroad_is_no_reading_of_a_local_name() -> None:
    text = ("Traders in Mombasa and Eldoret said the Molde market had closed. Roads to Tororo "
            "were cut, Kenyan police said.")
    ctx = document_context(text, _ents("Mombasa", "Eldoret", "Molde", "Tororo", "Kenyan"))
    place, why = resolve_place("Molde", ctx)  # only a Norwegian town of that name
    assert place is None and why.startswith("not in gazetteer")
    place, _ = resolve_place("Tororo", ctx)  # a town in a neighbouring country stays
    assert place is not None and place.iso3 == "UGA"
    place, _ = resolve_place("Molde")  # without a report, the town
    assert place is not None and place.iso3 == "NOR"


@pytest.mark.parametrize("phrase", ["Southwest region", "the South West region"])
def test_a_compass_region_written_as_one_word_or_two_is_the_same_region(phrase: str) -> None:
    text = "Separatists in Cameroon attacked a checkpoint in the Southwest region, officials said."
    ctx = document_context(text, _ents("Cameroon", phrase))
    place, _ = resolve_place(phrase, ctx)
    assert place is not None and place.iso3 == "CMR" and place.precision == 3


def test_a_town_in_a_compass_region_spelled_as_one_word_keeps_its_country() -> None:
    (ev,) = claimwatch.extract(
        "In Cameroon, a roadside bomb hit an army truck near the town of Mamfe in the "
        "Southwest region late on Tuesday, killing three soldiers, the army said.",
        published=dt.date(2024, 5, 9))
    assert ev.location is not None and ev.location.iso3 == "CMR"
    assert ev.location.name == "Mamfe" and ev.location.precision <= 2


def test_a_small_town_is_no_namesake_abroad_for_a_report_filed_elsewhere() -> None:
    # the dateline and "US" as an actor name no site; the group's home is Somalia
    (ev,) = events("WASHINGTON — A US air strike killed two al-Shabaab fighters near Jilib "
                   "on Monday, the Pentagon said.")
    assert ev.location is not None
    assert (ev.location.name, ev.location.iso3) == ("Jilib", "SOM")
