"""The TempEval-3 DATE scorer gives the figures its definition says, on a file written here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimwatch.cli import main
from claimwatch.errors import GoldFileError
from claimwatch.evaluate.timex import Scores, parse_tml, score_document

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-03-10"
 functionInDocument="CREATION_TIME">March 10, 2024</TIMEX3></DCT>
<TEXT>
Rockets hit the town <TIMEX3 tid="t1" type="DATE" value="2024-03-09">yesterday</TIMEX3> and
again on <TIMEX3 tid="t2" type="DATE" value="2024-03-08TNI">Friday night</TIMEX3>, weeks after the
raid of <TIMEX3 tid="t3" type="DATE" value="2024-02">early February</TIMEX3>. Talks lasted
<TIMEX3 tid="t4" type="DURATION" value="P2D">two days</TIMEX3> &amp; ended.
</TEXT>
</TimeML>
"""


@pytest.fixture
def tml(tmp_path: Path) -> Path:
    path = tmp_path / "t1.tml"
    path.write_text(TML, encoding="utf-8")
    return path


def test_parse_keeps_text_offsets_and_drops_the_creation_time(tml: Path) -> None:
    doc = parse_tml(tml)
    assert doc.dct == dt.date(2024, 3, 10)
    assert [doc.text[t.start:t.end] for t in doc.timexes] == [
        "yesterday", "Friday night", "early February", "two days"]
    assert "&" in doc.text


def test_scores_follow_the_tempeval3_definitions(tml: Path) -> None:
    doc = parse_tml(tml)
    start = doc.text.index
    spans = [
        (start("yesterday"), start("yesterday") + 9, "2024-03-09"),        # exact, right value
        (start("Friday"), start("Friday") + 6, "2024-03-08"),              # relaxed, wrong value
        (start("raid"), start("raid") + 4, "2024-02-01"),                  # no gold: false positive
        (start("two days"), start("two days") + 8, "2024-03-08"),          # a DURATION: set aside
    ]
    scores = Scores()
    score_document(doc, spans, scores)
    f = scores.figures()
    assert (scores.gold, scores.system, scores.set_aside) == (3, 3, 1)
    assert f["strict_p"] == pytest.approx(1 / 3) and f["strict_r"] == pytest.approx(1 / 3)
    assert f["relaxed_f1"] == pytest.approx(2 / 3)
    assert f["value_accuracy"] == pytest.approx(1 / 2)
    assert f["value_f1"] == pytest.approx(1 / 3)


def test_cli_prints_ours_and_the_baseline(tml: Path) -> None:
    result = CliRunner().invoke(main, ["eval", "timex", str(tml.parent)])
    assert result.exit_code == 0, result.output
    assert "claimwatch" in result.output and "dateparser" in result.output


def test_cli_lists_errors_on_request(tml: Path) -> None:
    result = CliRunner().invoke(main, ["eval", "timex", str(tml.parent), "--no-baseline",
                                       "--errors", "5"])
    assert result.exit_code == 0, result.output
    assert "dateparser" not in result.output
    assert "claimwatch errors" in result.output


def test_a_file_without_timeml_structure_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tml"
    bad.write_text("<html>not timeml</html>", encoding="utf-8")
    with pytest.raises(GoldFileError, match="TimeML"):
        parse_tml(bad)


@pytest.mark.slow
def test_the_tbaq_figures_beat_the_baseline_by_15_points() -> None:
    data = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "tempeval3"
    if not data.is_dir():
        pytest.skip("../shared/data/tempeval3 is absent")
    from claimwatch.evaluate.timex import evaluate_dir

    results = evaluate_dir(data)
    ours = results["claimwatch"].figures()["value_f1"]
    base = results["dateparser search_dates (baseline)"].figures()["value_f1"]
    assert ours >= 0.80
    assert ours >= base + 0.15
