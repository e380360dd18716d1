"""A bare "troops" / "soldiers" as the attacker: the forces of the one country the report is
about; and the attacker of an "operation in which X killed Y"."""

from __future__ import annotations

from invented_reports import events, parsed_word


def test_bare_troops_in_a_one_country_report_are_its_forces() -> None:
    (ev,) = events("Troops killed eight militants in a raid on a hideout in the Mopti region "
                   "of Mali on Monday, local officials said.")
    assert [a.name for a in ev.perpetrators] == ["Malian Armed Forces"]


def test_bare_troops_stay_unresolved_when_another_state_is_named() -> None:
    found = events("Troops killed eight militants in a raid on a hideout in the Mopti region "
                   "of Mali on Monday, local officials said. French officials condemned it.")
    assert "Malian Armed Forces" not in {a.name for ev in found for a in ev.perpetrators}


def test_the_killers_in_an_operation_in_which_clause_are_its_perpetrator() -> None:
    (ev,) = events("Officials described an operation in northern Burkina Faso on Monday in "
                   "which soldiers killed eight militants.")
    assert [a.name for a in ev.perpetrators] == ["Burkina Faso Armed Forces"]


def test_an_in_which_clause_hung_on_the_place_still_names_the_killers() -> None:
    from claimwatch.extract import roles

    operation = parsed_word("The general said the ambush was revenge for an operation last "
                            "Tuesday in Sulu province, in which marines backed by helicopters "
                            "killed nine rebels.", "operation")
    cand = roles.perpetrator_token(operation, "noun")
    assert cand is not None and cand.lower_ == "marines"
