"""Per-report extraction details that cross-report merging depends on (invented reports)."""

from __future__ import annotations

import datetime as dt

from invented_reports import events


def test_an_earlier_statement_about_the_strike_is_not_another_incident() -> None:
    found = events(
        "A Russian missile strike hit a fuel depot in Kherson on Tuesday, the regional "
        "governor said. The governor said two guards were missing. He had earlier said "
        "the guards were killed, before correcting himself. Air defences shot down two "
        "other missiles, he said.")
    assert len(found) == 1


def test_a_named_attacker_beats_a_generic_one_elsewhere_in_the_report() -> None:
    (ev,) = events(
        "A Russian drone strike hit an oil depot in Sumy on Tuesday, officials said. "
        "Local officials said the attackers had struck the depot twice.")
    perps = [a.name for a in ev.actors if a.role == "perpetrator"]
    assert perps in (["Russia"], ["Russian Armed Forces"])  # a state's strike: its military


def test_the_city_a_ministry_sits_in_is_not_where_the_attack_was() -> None:
    (ev,) = events(
        "Gunmen attacked a checkpoint on Monday, killing two guards, the interior "
        "ministry in Tripoli said.")
    assert ev.location is None or ev.location.name != "Tripoli"


def test_a_date_in_a_clause_about_a_landmark_does_not_date_the_attack() -> None:
    found = events(
        "Gunmen opened fire on pilgrims in Kano on Monday, killing five people, police said. "
        "The attack took place near the old city walls rebuilt by the emirate in 1998.")
    assert len(found) == 1
    assert found[0].date_start == dt.date(2024, 3, 4)


def test_heavy_fighting_between_armed_groups_is_an_incident() -> None:
    (ev,) = events("Heavy fighting erupted between two militias in Misrata late on Monday, "
                   "residents said.")
    assert "ground_assault" in ev.attack_types
    assert ev.date_start == dt.date(2024, 3, 4)


def test_the_day_calm_returned_does_not_date_the_fighting_before_it() -> None:
    (ev,) = events("Calm returned to Sirte on Tuesday after fighting between rival militias "
                   "killed nine people.")
    assert ev.date_start != dt.date(2024, 3, 5) or ev.date_precision != "day"


def test_a_state_emergency_service_confirms_the_toll_it_gives() -> None:
    (ev,) = events("Clashes between two armed groups in Zawiya on Monday killed four people, "
                   "the Emergency Medicine Centre said.")
    assert ev.status == "confirmed"


def test_an_offset_from_a_port_introduced_by_its_kind_moves_the_point() -> None:
    (ev,) = events("A cargo ship was hit by a missile about 40 nautical miles east of the "
                   "Yemeni port of Aden on Tuesday, the navy said.")
    assert ev.location is not None and ev.location.name.startswith("40 nautical miles east of")
    assert ev.location.precision == 2 and ev.location.longitude is not None
    assert ev.location.longitude > 45.1  # Aden itself is at about 45.04 E


def test_who_shoots_down_the_incoming_missiles_is_not_the_attacker() -> None:
    (ev,) = events("A tanker was struck by a missile in the Gulf of Aden on Tuesday, and a US "
                   "destroyer that came to its aid shot down two further missiles.")
    assert "United States" not in {a.name for a in ev.actors if a.role == "perpetrator"}


def test_the_day_before_counts_from_the_incident_not_from_the_statement() -> None:
    found = events(
        "Gunmen attacked a police convoy near Kandahar on Sunday, killing four officers, "
        "officials said on Monday. A checkpoint outside the city had been hit by a roadside "
        "bomb the day before.")
    assert sorted(e.date_start.isoformat() for e in found) == ["2024-03-02", "2024-03-03"]


def test_a_narrators_aside_in_a_groups_statement_is_not_its_claim() -> None:
    found = events(
        "Hezbollah said on Tuesday that six of its fighters died when Israeli helicopters "
        "struck their boats off Tyre on Monday, the first deadly clash at sea. "
        "The group said it would bury the men, who had died while approaching the tanker "
        "Sea Lark, which had been hit by a Hezbollah drone the previous evening.")
    drone = next(e for e in found if "drone" in e.attack_types)
    assert drone.responsibility.status == "attributed"
    assert not [a for a in drone.assertions if a.stance == "claims"]
