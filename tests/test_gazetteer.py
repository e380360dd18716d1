"""The offline gazetteer: spellings meet, lookups find the places news names."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimwatch.resolve.gazetteer import Gazetteer, is_valid, normalize, skeleton
from claimwatch.resolve.gazetteer_areas import BuildPlace, _spread_centre


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_normalize_folds_case_diacritics_hyphens_and_apostrophes() -> None:
    assert normalize("Khān Yūnis") == normalize("khan yunis")
    assert normalize("Al-Hudaydah") == "al hudaydah"
    assert normalize("Sana'a") == normalize("Sanaa")
    assert normalize("U.S.") == "us"


def test_skeleton_meets_transliterations() -> None:
    assert skeleton("Khan Younis") == skeleton("Khan Yunis")
    assert skeleton("Hodeidah") == skeleton("Al Hudaydah")


@pytest.mark.parametrize("spelling", ["Kyiv", "Kiev"])
def test_kyiv_under_both_spellings(gaz: Gazetteer, spelling: str) -> None:
    assert any(e.feature == "city" and e.iso3 == "UKR" and e.population > 1_000_000
               for e in gaz.lookup(spelling))


@pytest.mark.parametrize("spelling", ["Khan Younis", "Khan Yunis", "khan younis"])
def test_khan_younis_spellings(gaz: Gazetteer, spelling: str) -> None:
    assert any(e.iso3 == "PSE" and e.feature == "city" for e in gaz.lookup(spelling))


def test_hodeidah_reaches_al_hudaydah(gaz: Gazetteer) -> None:
    hits = [e for e in gaz.lookup("Hodeidah") if e.feature == "city"]
    assert hits and hits[0].iso3 == "YEM"
    assert {e.geonameid for e in hits} & {e.geonameid for e in gaz.lookup("Al-Hudaydah")}


def test_team_data_adds_seas_crossings_and_bases(gaz: Gazetteer) -> None:
    assert any(e.feature == "sea" for e in gaz.lookup("Red Sea"))
    assert any(e.feature == "strait" for e in gaz.lookup("Bab al-Mandab"))
    assert any(e.feature == "crossing" for e in gaz.lookup("Kerem Shalom"))
    assert any(e.feature == "base" and e.iso3 == "IRQ" for e in gaz.lookup("Ain al-Asad"))


def test_countries_have_centroids_and_aliases(gaz: Gazetteer) -> None:
    countries = gaz.countries()
    assert len(countries) > 240
    assert all(-90 <= c.latitude <= 90 and -180 <= c.longitude <= 180 for c in countries)
    assert [e.iso3 for e in gaz.lookup("Britain") if e.feature == "country"] == ["GBR"]


def test_admin_areas_are_derived_from_their_towns(gaz: Gazetteer) -> None:
    donetsk = [e for e in gaz.lookup("Donetsk") if e.feature == "admin1"]
    assert donetsk and donetsk[0].iso3 == "UKR" and donetsk[0].radius_km > 20


def test_unknown_name_finds_nothing(gaz: Gazetteer) -> None:
    assert gaz.lookup("Qwzxplorbvania") == []
    assert gaz.lookup("  ") == []


def test_an_empty_file_is_not_a_gazetteer(tmp_path: Path) -> None:
    empty = tmp_path / "gaz.sqlite"
    empty.write_bytes(b"")
    assert not is_valid(empty)
    assert not is_valid(tmp_path / "missing.sqlite")


def test_an_unwritable_location_is_a_clear_error(tmp_path: Path) -> None:
    from claimwatch.resolve.gazetteer import GazetteerError
    from claimwatch.resolve.gazetteer_build import ensure_built

    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    with pytest.raises(GazetteerError, match="CLAIMWATCH_GAZETTEER"):
        ensure_built(blocker / "sub" / "gaz.sqlite")


def test_countries_sit_at_the_conventional_country_point(gaz: Gazetteer) -> None:
    from claimwatch.resolve.gazetteer import distance_km

    # Canada's usual point is far north of its towns (60N 95W), Indonesia's on Sulawesi's
    # side of the archipelago, not on Borneo, its largest island.
    canada, indonesia, usa = (gaz.country(c) for c in ("CAN", "IDN", "USA"))
    assert canada is not None and distance_km(canada.latitude, canada.longitude, 60, -95) < 50
    assert indonesia is not None and abs(indonesia.latitude + 5) < 1
    # The team's table: the geographic centre of the contiguous United States, in Kansas.
    assert usa is not None and distance_km(usa.latitude, usa.longitude, 39.8, -98.6) < 30


def test_team_data_has_hub_airports_and_landmarks(gaz: Gazetteer) -> None:
    assert any(e.feature == "airport" and e.iso3 == "GBR" for e in gaz.lookup("Heathrow"))
    assert any(e.feature == "facility" and e.iso3 == "FRA" for e in gaz.lookup("Champs-Elysees"))


def test_a_name_made_from_a_town_is_no_spelling_of_it() -> None:
    from claimwatch.resolve.gazetteer import Gazetteer

    gaz = Gazetteer.load()
    assert "IRQ" not in {e.iso3 for e in gaz.fuzzy("Al-Baghdadi")}   # a name made from Baghdad
    assert "PSE" in {e.iso3 for e in gaz.fuzzy("Khan Yunis")}    # a true variant stays


def _towns(points: list[tuple[float, float]]) -> list[BuildPlace]:
    return [BuildPlace(name=f"T{i}", feature="city", lat=la, lon=lo)
            for i, (la, lo) in enumerate(points)]


def test_an_area_centre_leaves_out_a_few_towns_filed_under_it_far_away() -> None:
    # 60 towns spread over 36-42 N, 114-119 E, and three filed under the same province
    # 20 degrees west (a source-data error): the centre is the province's.
    main = [(36 + (i % 7), 114 + (i % 6)) for i in range(60)]
    lat, lon = _spread_centre(_towns(main + [(31.0, 88.0), (32.0, 91.0), (31.5, 94.0)]))
    assert abs(lat - 39.0) < 0.01 and abs(lon - 116.5) < 0.01


def test_an_area_centre_keeps_a_thinly_settled_edge() -> None:
    # A few towns 4 degrees beyond the rest are the area's own empty west, not strays.
    main = [(40 + (i % 5), 106 + (i % 10)) for i in range(60)]
    lat, lon = _spread_centre(_towns(main + [(40.0, 98.0), (41.0, 100.5), (41.0, 101.5)]))
    assert abs(lon - (98.0 + 115.0) / 2) < 0.01 and abs(lat - 42.0) < 0.01
