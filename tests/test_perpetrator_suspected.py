"""A generic attacker ("gunmen", "suspected militants") yields to the group the report ties
to it: a suspicion that names the group, or the same description given with its name."""

from __future__ import annotations

from invented_reports import events


def test_suspected_of_carrying_out_the_attack_names_the_group() -> None:
    (ev,) = events("Gunmen killed six people in a village in Lamu county on Saturday, police "
                   "said.\n\nOfficials said they suspected al-Shabaab fighters had carried out "
                   "the killings.")
    assert [a.name for a in ev.perpetrators] == ["al-Shabaab"]
    assert ev.responsibility.status == "attributed"


def test_the_same_description_without_the_name_names_the_same_group() -> None:
    lead = ("Suspected al-Shabaab militants killed four farmers in a village in Lamu county on "
            "Saturday, police said.\n\n")
    found = events(lead + "In January last year, suspected militants raided the same village, "
                   "killing six people.")
    assert [[a.name for a in ev.perpetrators] for ev in found] == [["al-Shabaab"], ["al-Shabaab"]]
    found = events(lead + "In January last year, unidentified militants raided the same "
                   "village, killing six people.")
    assert [[a.name for a in ev.perpetrators] for ev in found] == [["al-Shabaab"], []]
