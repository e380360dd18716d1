"""Extraction rules for older wire reports (attackers described, murders, planted bombs,
lists of targets), each on an invented sentence."""

from __future__ import annotations

from invented_reports import events


def test_guerrillas_and_kidnappers_are_attacker_nouns() -> None:
    (ev,) = events("Urban guerrillas attacked a power substation in Kisumu on Monday.")
    assert [a.name for a in ev.perpetrators] == ["Urban guerrillas"]


def test_armed_or_unidentified_people_are_unnamed_attackers() -> None:
    from claimwatch.extract.mentions import UNNAMED_ATTACKER

    (ev,) = events("Heavily armed men killed a farmer in Mopti on Monday.")
    assert ev.perpetrators == []  # who they were is not known
    assert [e.detail for e in ev.explanations
            if e.field == "perpetrator" and e.rule == UNNAMED_ATTACKER] == ["Heavily armed men"]


def test_murder_assassination_and_placed_bombs_are_attacks() -> None:
    (ev,) = events("Senator Tomas Arriaga Vidal was assassinated in Mombasa on Monday.")
    assert [v.text for v in ev.victims] == ["Tomas Arriaga Vidal"]
    (ev,) = events("The murder of judge Tomas Arriaga Vidal in Mombasa on Monday shocked the city.")
    assert [v.text for v in ev.victims] == ["Tomas Arriaga Vidal"]
    (ev,) = events("Unknown persons planted two bombs at a bank in Mombasa on Monday.")
    assert "bombing" in ev.attack_types
    assert events("Workers placed flowers at the bank in Mombasa on Monday.") == []


def test_sentence_initial_attacker_noun_tagged_as_a_name() -> None:
    (ev,) = events("Guerrillas killed Mayor Tomas Arriaga in Mombasa on Monday.")
    assert [a.name for a in ev.perpetrators] == ["Guerrillas"]


def test_coordinated_and_listed_things_are_all_targets() -> None:
    (ev,) = events("Rebels blew up a water tower and a power pylon near Kisumu on Monday.")
    assert {"water tower", "power pylon"} <= {t.text for t in ev.targets}
    (ev,) = events("Rebels burned two buses, a fuel truck and a station wagon in Kisumu "
                   "on Monday.")
    assert "arson" in ev.attack_types
    assert {"buses", "fuel truck", "station wagon"} <= {t.text for t in ev.targets}
