"""Extraction rules found by probing with invented wire reports (weapons told as the
subject or the instrument, detonations, counts with an article), each on an invented
sentence."""

from __future__ import annotations

import datetime as dt

from invented_reports import events


def test_weapon_with_its_modifier_as_subject_is_the_attack() -> None:
    (ev,) = events("Mortar rounds crashed into a bus depot in Kisumu on Monday, killing "
                   "three drivers.")
    assert ev.attack_types == ["mortar"]
    assert ev.weapons == ["mortar round"]
    assert [t.text for t in ev.targets] == ["bus depot"]


def test_weapon_that_kills_is_the_attack_not_a_weak_toll() -> None:
    (ev,) = events("On Monday a landmine killed two herders when their cart struck it "
                   "near Kisumu.")
    assert ev.attack_types == ["ied"]
    assert ev.weapons == ["landmine"]
    assert events("The war has killed thousands of herders since 2019.") == []


def test_object_of_use_is_the_weapon_of_the_purpose_verb() -> None:
    (ev,) = events("Fighters used a quadcopter to drop grenades on a police post near Kisumu "
                   "on Monday, killing one officer.")
    assert ev.attack_types == ["drone"]
    assert ev.weapons == ["quadcopter", "grenade"]
    assert [t.text for t in ev.targets] == ["police post"]
    assert events("Aircraft dropped leaflets over Kisumu on Monday.") == []


def test_setting_off_a_bomb_is_a_bombing() -> None:
    (ev,) = events("Rebels set off a motorcycle bomb outside a bank in Kisumu on Monday, "
                   "wounding six people.")
    assert ev.attack_types == ["bombing"]
    assert ev.weapons == ["motorcycle bomb"]
    assert events("The convoy set off for Kisumu on Monday.") == []


def test_one_explosive_told_as_a_bombing_and_a_device_is_one_type() -> None:
    (ev,) = events("A bombing hit a church in Kisumu on Sunday. The rebels said they had "
                   "detonated an explosive device inside the church.")
    assert ev.attack_types == ["ied"]
    (ev,) = events("A suicide bombing hit a church in Kisumu on Sunday. The rebels said their "
                   "fighter had detonated an explosive device inside the church.")
    assert ev.attack_types == ["bombing"]


def test_count_word_after_an_article_keeps_its_qualifier() -> None:
    (ev,) = events("Gunmen attacked a market in Kisumu on Monday, killing at least a dozen "
                   "traders and wounding more than a hundred.")
    assert (ev.fatalities.low, ev.fatalities.high, ev.fatalities.qualifier) == (
        12, None, "at least")
    assert (ev.injured.low, ev.injured.high, ev.injured.qualifier) == (101, None, "more than")


def test_stepping_on_a_landmine_is_an_ied_attack() -> None:
    (ev,) = events("Two soldiers were killed and three others wounded when their patrol "
                   "stepped on a landmine near Kisumu on Monday. The explosion happened "
                   "on a dirt road.")
    assert ev.attack_types == ["ied"]
    assert ev.weapons == ["landmine"]


def test_a_wars_toll_joined_to_its_outbreak_is_no_incidents_toll() -> None:
    found = events("Jets bombed a school in Kisumu on Monday, killing 17 pupils.\n\n"
                   "Fighting between the army and the rebels erupted in April and has killed "
                   "more than 2,000 people.")
    assert [(e.fatalities.low, e.fatalities.high) for e in found] == [(17, 17)]


def test_days_counted_earlier_or_later_count_from_the_incident_named() -> None:
    found = events("Shells hit a market in Kisumu on Monday, killing four traders.\n\n"
                   "Two days earlier, an air strike hit a school in Nakuru, killing nine "
                   "pupils.")
    assert sorted((e.date_start, e.date_end) for e in found) == [
        (dt.date(2024, 3, 2), dt.date(2024, 3, 2)), (dt.date(2024, 3, 4), dt.date(2024, 3, 4))]
