"""The truecaser gives lower-case and upper-case wire text back its capitals."""

from __future__ import annotations

from claimwatch.nlp.truecase import build_table, count_forms, truecase


def test_names_acronyms_and_sentence_starts_get_capitals() -> None:
    text = "guerrillas of the fmln attacked a bridge in san salvador. the army said so."
    out = truecase(text)
    assert out.startswith("Guerrillas")
    assert "FMLN" in out and "San Salvador" in out
    assert ". The army said so." in out
    assert "attacked a bridge" in out


def test_upper_case_text_keeps_its_length_and_offsets() -> None:
    text = "POLICE SAID THE BOMB DAMAGED THE OFFICES OF THE UNITY (URNG) IN MEDELLIN."
    out = truecase(text)
    assert len(out) == len(text)
    assert out.lower() == text.lower()
    assert "Medellin" in out and "(URNG)" in out and "police" not in out[:6]


def test_unknown_foreign_words_are_read_as_names_but_english_words_are_not() -> None:
    out = truecase("colonel luis arturo quintanilla spoke about the unrestrainedness of it.")
    assert "Quintanilla" in out
    assert "unrestrainedness" in out


def test_training_ignores_sentence_starts_and_headlines() -> None:
    counts = count_forms([
        "Bombs Hit Three Towns In North\n\nThe army said Sarajevo was calm. Army units left.",
    ])
    assert "bombs" not in counts  # headline line
    assert counts["sarajevo"] == {"Sarajevo": 1}
    assert "the" not in counts and counts["army"] == {"army": 1}
    rows = dict(build_table({"us": {"US": 3, "us": 2}, "nato": {"NATO": 4}, "x": {"x": 1}}))
    assert "us" in rows and "NATO" in rows and "x" not in rows
