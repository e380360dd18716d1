"""Actor resolution: aliases, the Islamic State guard, handles, demonyms, unknowns, table."""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch.resolve.actor import ActorTable, find_actor_mentions, resolve_actor
from claimwatch.resolve.actor_check import check_actor_table


@pytest.fixture(scope="module")
def table() -> ActorTable:
    return ActorTable.load()


def _name(table: ActorTable, surface: str, country: str | None = None) -> str | None:
    m = table.match(surface, country=country)
    return m.entry.name if m else None


@pytest.mark.parametrize(("surface", "expected"), [
    ("IRI", "Islamic Resistance in Iraq"),
    ("Islamic Resistance of Iraq", "Islamic Resistance in Iraq"),
    ("the Islamic Resistance in Iraq", "Islamic Resistance in Iraq"),
    ("Ansar Allah", "Houthis"),
    ("Houthi", "Houthis"),
    ("the Houthis", "Houthis"),
    ("Houthi rebels", "Houthis"),
    ("Huthis", "Houthis"),
    ("IS-K", "Islamic State Khorasan Province"),
    ("ISKP", "Islamic State Khorasan Province"),
    ("ISIS-K", "Islamic State Khorasan Province"),
    ("JNIM", "Jama'at Nusrat al-Islam wal-Muslimin"),
    ("Jama’at Nusrat al-Islam wal-Muslimin", "Jama'at Nusrat al-Islam wal-Muslimin"),
    ("al-Shabab", "al-Shabaab"),
    ("Al Shabaab", "al-Shabaab"),
    ("Qassam Brigades", "Izz ad-Din al-Qassam Brigades"),
    ("Saraya al-Quds", "Al-Quds Brigades"),
    ("Kataib Hezbollah", "Kataib Hezbollah"),
    ("Hezbollah's", "Hezbollah"),
    ("IRGC", "Islamic Revolutionary Guard Corps"),
    ("Quds Force", "Quds Force"),
    ("CENTCOM", "United States Central Command"),
    ("U.S. Central Command", "United States Central Command"),
    ("SBU", "Security Service of Ukraine"),
    ("Ukraine's military intelligence", "Main Directorate of Intelligence of Ukraine"),
    ("Russian Volunteer Corps", "Russian Volunteer Corps"),
    ("M23 rebels", "M23"),
    ("TPNPB", "West Papua National Liberation Army"),
    ("BRN", "Barisan Revolusi Nasional"),
    ("FAMa", "Malian Armed Forces"),
    ("Amaq", "Amaq News Agency"),
    ("Gaza's health ministry", "Gaza Health Ministry"),
    ("UKMTO", "UK Maritime Trade Operations"),
    ("Médecins Sans Frontières", "Médecins Sans Frontières"),
    ("Medecins Sans Frontieres", "Médecins Sans Frontières"),
    ("FMLN guerrillas", "Farabundo Marti National Liberation Front"),
    ("the Extraditables", "Medellin Cartel"),
    ("Tupac Amaru Revolutionary Movement", "Tupac Amaru Revolutionary Movement"),
    ("Salvadoran army", "Salvadoran Armed Forces"),
])
def test_aliases_resolve_to_the_canonical_name(table: ActorTable, surface: str,
                                               expected: str) -> None:
    assert _name(table, surface) == expected


def test_islamic_state_is_not_its_khorasan_province(table: ActorTable) -> None:
    assert _name(table, "Islamic State") == "Islamic State"
    assert _name(table, "IS") == "Islamic State"
    assert _name(table, "Islamic State Khorasan Province") == "Islamic State Khorasan Province"
    assert _name(table, "Islamic State's Sahel Province") == "Islamic State Sahel Province"
    # a longer name with a word the table does not know is not the bare group
    assert _name(table, "Islamic State Balkans Province") is None
    assert _name(table, "Hezbollah Brigades") == "Kataib Hezbollah"


def test_fuzzy_match_takes_spelling_slips_but_not_other_countries(table: ActorTable) -> None:
    m = table.match("Hezbolah")
    assert m is not None and m.entry.name == "Hezbollah"
    assert "fuzzy" in m.rule and m.score < 1
    assert table.match("Islamic Resistance in Iran") is None


def test_handles_resolve_with_or_without_at(table: ActorTable) -> None:
    entry = table.by_handle("@sentdefender")
    assert entry is not None and entry.name == "OSINTdefender" and entry.category == "osint"
    assert table.by_handle("JOETRUZMAN") is not None
    assert table.by_handle("@nobody_here_123") is None
    m = table.match("Joe Truzman (@JoeTruzman)")
    assert m is not None and m.rule == "handle @JoeTruzman"


@pytest.mark.parametrize(("surface", "expected"), [
    ("Israeli military", "Israel Defense Forces"),
    ("Israel's military", "Israel Defense Forces"),
    ("the Israeli army", "Israel Defense Forces"),
    ("Russian forces", "Russian Armed Forces"),
    ("Russia's defence ministry", "Russian Ministry of Defence"),
    ("Ukrainian forces", "Ukrainian Armed Forces"),
    ("Ukraine's air force", "Ukrainian Air Force"),
    ("Armenian defence ministry", "Armenian Ministry of Defence"),
    ("Egypt's army", "Egyptian Armed Forces"),
    ("Japanese government", "Japan"),
    ("Moscow", "Russia"),
    ("Kiev", "Ukraine"),
    ("Washington", "United States"),
])
def test_demonyms_and_capitals_name_the_state_institution(table: ActorTable, surface: str,
                                                          expected: str) -> None:
    assert _name(table, surface) == expected


def test_descriptive_phrases_keep_the_group_they_describe(table: ActorTable) -> None:
    assert _name(table, "Iran-backed Houthi rebels") == "Houthis"
    assert _name(table, "Yemen's Houthi movement") == "Houthis"
    assert _name(table, "Palestinian militant group Hamas") == "Hamas"
    assert _name(table, "Palestinian Islamic Jihad's Jenin Brigade") == "Jenin Brigade"
    assert _name(table, "a spokesman for the Israeli military") == "Israel Defense Forces"


def test_bare_heads_need_the_report_country(table: ActorTable) -> None:
    assert _name(table, "the army") is None
    assert _name(table, "the army", country="MLI") == "Malian Armed Forces"
    assert _name(table, "the junta", country="BFA") == "Burkina Faso government"


def test_shared_alias_follows_the_country_hint(table: ActorTable) -> None:
    assert _name(table, "AFP") == "Agence France-Presse"
    assert _name(table, "AFP", country="PHL") == "Armed Forces of the Philippines"
    assert _name(table, "ADF", country="CMR") == "Ambazonia Defence Forces"
    assert _name(table, "ADF") == "Allied Democratic Forces"


def test_a_generic_phrase_of_party_names_is_no_osint_account(table: ActorTable) -> None:
    # "Popular Front" begins many party and rebel names; it names no single account.
    match = table.match("Popular Front")
    assert match is None or match.entry.category != "osint"


def test_lower_case_words_are_not_acronyms(table: ActorTable) -> None:
    assert table.match("us") is None
    assert table.match("is") is None
    assert _name(table, "US") == "United States"


def test_countries_outside_the_table_come_from_pycountry(table: ActorTable) -> None:
    m = table.match("Tuvalu")
    assert m is not None and m.entry.kind == "state" and m.entry.country == "TUV"


def test_resolve_actor_fills_the_contract_actor() -> None:
    actor, rule = resolve_actor("Iran-backed Houthi rebels", "perpetrator")
    assert actor.name == "Houthis" and actor.role == "perpetrator"
    assert actor.kind == "organization" and actor.affiliation == "Iran"
    assert actor.aliases == ["Iran-backed Houthi rebels"]
    assert "Houthi rebels" in rule


def test_unknown_actors_keep_their_surface_name() -> None:
    actor, rule = resolve_actor("  the Northern Valley Self-Defence Committee ", "claimant")
    assert actor.name == "the Northern Valley Self-Defence Committee"
    assert actor.kind == "unknown" and actor.role == "claimant"
    assert rule.startswith("unknown")


def test_mentions_in_running_text_with_offsets() -> None:
    text = ("Yemen's Houthi rebels said they fired a missile at the ship, but U.S. officials "
            "and the Israeli military said it was shot down, AFP reported. At dawn, Russian "
            "forces struck Kyiv, Ukraine's air force said, citing @sentdefender.")
    found = {text[s:e]: m.entry.name for s, e, m in find_actor_mentions(text)}
    assert found["Houthi rebels"] == "Houthis"
    assert found["U.S. officials"] == "US officials"
    assert found["Israeli military"] == "Israel Defense Forces"
    assert found["AFP"] == "Agence France-Presse"
    assert found["Russian forces"] == "Russian Armed Forces"
    assert found["Ukraine's air force"] == "Ukrainian Air Force"
    assert found["@sentdefender"] == "OSINTdefender"
    # capitals are places in running text unless asked for; "dawn" is not the newspaper
    assert "Kyiv" not in found and "dawn" not in found


def test_mentions_prefer_the_longest_alias() -> None:
    text = "Islamic State Khorasan Province claimed the attack; Islamic State's Amaq agency said."
    names = [m.entry.name for _, _, m in find_actor_mentions(text)]
    assert names[0] == "Islamic State Khorasan Province"
    assert "Islamic State" in names and "Amaq News Agency" in names


def test_metonyms_on_request() -> None:
    text = "Moscow said the drones were shot down."
    assert find_actor_mentions(text) == []
    (start, end, match), = find_actor_mentions(text, metonyms=True)
    assert text[start:end] == "Moscow" and match.entry.name == "Russia"
    assert match.rule.startswith("metonym")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_arbitrary_strings_never_raise(surface: str) -> None:
    actor, rule = resolve_actor(surface, "perpetrator")
    assert isinstance(actor.name, str) and rule
    for start, end, _ in find_actor_mentions(surface):
        assert 0 <= start < end <= len(surface)


def test_the_packaged_table_is_valid_and_large_enough() -> None:
    raw = json.loads(resources.files("claimwatch").joinpath("data/actors.json")
                     .read_text(encoding="utf-8"))
    assert check_actor_table(raw) == []
    categories = Counter(a["category"] for a in raw["actors"])
    assert len(raw["actors"]) >= 220
    assert categories["armed_group"] >= 60 and categories["osint"] >= 10


def test_the_check_reports_broken_tables() -> None:
    raw = json.loads(resources.files("claimwatch").joinpath("data/actors.json")
                     .read_text(encoding="utf-8"))
    raw["actors"].append({"name": "Fake Front", "kind": "organization",
                          "category": "armed_group", "aliases": ["Hamas"], "handles": [],
                          "affiliation": None, "country": "XXX"})
    problems = check_actor_table(raw)
    assert any("'XXX' is not an ISO 3166" in p for p in problems)
    assert any("alias 'hamas' belongs to" in p for p in problems)
    raw["actors"][-1]["category"] = "warlord"
    assert any(p.startswith("schema:") for p in check_actor_table(raw))
    raw["actors"][-1].update(category="armed_group", country=None, aliases=[],
                             affiliation="Nobody's Front")
    assert check_actor_table(raw) == [
        "'Fake Front': affiliation \"Nobody's Front\" is not an actor of the table"]


def test_state_names_inside_place_names_are_not_actors() -> None:
    text = "Settlers attacked a village in the Jordan Valley; Jordan condemned it."
    found = [(text[s:e], m.entry.name) for s, e, m in find_actor_mentions(text)]
    assert found == [("Jordan", "Jordan")]
    assert find_actor_mentions("Drones hit the Kyiv region.", metonyms=True) == []


def test_demonyms_alone_name_the_state(table: ActorTable) -> None:
    m = table.match("the Russians")
    assert m is not None and m.entry.name == "Russia" and m.rule.startswith("demonym alone")
    assert _name(table, "Israeli") == "Israel"


def test_inner_capitals_are_part_of_the_name_in_text() -> None:
    text = "Let the record show that LeT and JeM fighters crossed; JEM denied it."
    found = [(text[s:e], m.entry.name) for s, e, m in find_actor_mentions(text)]
    assert found == [("LeT", "Lashkar-e-Taiba"), ("JeM", "Jaish-e-Mohammed"),
                     ("JEM", "Justice and Equality Movement")]


def test_cli_shows_the_rule_for_each_name() -> None:
    from click.testing import CliRunner

    from claimwatch.cli import main

    result = CliRunner().invoke(main, ["actor", "Ansar Allah", "the army", "--country", "MLI"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("'Ansar Allah' -> Houthis [armed_group, YEM]")
    assert "Malian Armed Forces" in lines[1] and "bare head" in lines[1]


def test_phrases_about_a_states_proxies_or_two_actors_stay_unresolved(table: ActorTable) -> None:
    assert table.match("Iran-backed militias") is None
    assert table.match("the US and UK") is None
    assert table.match("Russian mercenaries") is None
    assert _name(table, "Wagner Group mercenaries") == "Wagner Group"


def test_capitals_with_a_military_head_name_the_forces(table: ActorTable) -> None:
    m = table.match("Kyiv's forces")
    assert m is not None and m.entry.name == "Ukrainian Armed Forces"
    assert m.rule.startswith("metonym: Kyiv + military head")


def test_state_media_resolve_to_the_state_agency_or_nothing(table: ActorTable) -> None:
    assert _name(table, "Syrian state media") == "SANA"
    assert _name(table, "Iranian state media") == "IRNA"
    assert table.match("Japanese state media") is None


def test_fuzzy_guard_keeps_similar_unit_names_apart(table: ActorTable) -> None:
    assert _name(table, "Radwan Force") == "Radwan Force"
    assert _name(table, "Radwan forces") == "Radwan Force"
    assert _name(table, "Rada force") == "Radaa Special Deterrence Force"


def test_titles_and_prepositions_do_not_hide_the_speaker(table: ActorTable) -> None:
    assert _name(table, "Prime Minister Benjamin Netanyahu") == "Benjamin Netanyahu"
    assert _name(table, "British maritime security agency UKMTO") == \
        "UK Maritime Trade Operations"
    # the object of a preposition is not who the phrase is about
    assert _name(table, "Iran's ambassador to Syria") == "Iran"
    assert _name(table, "the US envoy to the UN") == "United States"


def test_a_patron_named_in_a_possessive_is_not_the_referent(table: ActorTable) -> None:
    text = "Shabab fighters, al-Qaeda's affiliate in East Africa, attacked the base"
    ends = [e for _s, e, m in table.find_mentions(text) if m.entry.name == "al-Qaeda"]
    assert ends and table.names_patron(text, ends[0])
    assert not table.names_patron("al-Qaeda's fighters attacked the base", len("al-Qaeda"))


def test_a_faction_of_a_group_is_not_the_group() -> None:
    from claimwatch.resolve.actor import ActorTable

    table = ActorTable.load()
    dissidents = table.match("a dissident faction of the former FARC")
    assert dissidents is not None and dissidents.entry.name == "Estado Mayor Central"
    assert table.match("a splinter group of the Islamic State") is None
    wing = table.match("the armed wing of Hamas")   # a wing is the group's own
    assert wing is not None and wing.entry.name == "Hamas"
