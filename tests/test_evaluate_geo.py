"""The geoparsing scorer: metrics as Gritta et al. define them, on a tiny hand-made file."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from claimwatch.evaluate.geo import ErrorStats, read_gold

TINY = """<articles>
  <article><text>Shelling hit Kharkiv on Monday, officials in Ukraine said.</text>
    <locations>
      <location><name>Kharkiv</name><start>13</start><end>20</end>
        <lat>49.98</lat><lon>36.25</lon></location>
      <location><name>Ukraine</name><start>44</start><end>51</end>
        <lat>49</lat><lon>32</lon></location>
    </locations>
  </article>
</articles>
"""


def test_reads_gold_spans_and_fixes_drifted_offsets(tmp_path: Path) -> None:
    path = tmp_path / "tiny.xml"
    path.write_text(TINY.replace("<start>44</start>", "<start>45</start>"), encoding="utf-8")
    (article,) = read_gold(path)
    assert [article.text[t.start:t.end] for t in article.toponyms] == ["Kharkiv", "Ukraine"]


def test_metrics_on_known_errors() -> None:
    stats = ErrorStats()
    for err in (0.0, 100.0, 500.0):
        stats.add(err)
    stats.add(None)  # unresolved: counted at the largest error on Earth
    s = stats.summary()
    assert s["n"] == 4 and s["unresolved"] == 1
    assert s["acc161"] == pytest.approx(0.5)
    assert s["median_km"] == pytest.approx(300.0)
    assert s["mean_km"] == pytest.approx((600 + 20039) / 4)
    logs = [0.0, math.log(101), math.log(501), math.log(20040)]
    area = sum((a + b) / 2 for a, b in zip(logs, logs[1:], strict=False))
    assert s["auc"] == pytest.approx(area / (math.log(20039) * 3))


def test_broken_xml_is_a_gold_file_error(tmp_path: Path) -> None:
    from claimwatch.errors import GoldFileError

    bad = tmp_path / "bad.xml"
    bad.write_text("<articles><article>", encoding="utf-8")
    with pytest.raises(GoldFileError):
        read_gold(bad)


def test_scores_a_tiny_file_end_to_end(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from claimwatch.cli import main
    from claimwatch.evaluate.geo import evaluate_geo

    path = tmp_path / "tiny.xml"
    path.write_text(TINY, encoding="utf-8")
    report = evaluate_geo(path)
    assert report.oracle.summary()["acc161"] == 1.0
    # The baseline puts a country at its capital: Kyiv is ~190 km from the gold centre.
    assert report.baseline.summary()["acc161"] == 0.5
    result = CliRunner().invoke(main, ["eval", "geo", str(path)])
    assert result.exit_code == 0 and "acc@161" in result.output and "baseline" in result.output


def test_error_listing_groups_misses_by_surface_and_gold(tmp_path: Path) -> None:
    from claimwatch.evaluate.geo import GeoReport, ToponymResult, format_errors

    rep = GeoReport("x.xml", 1, ErrorStats(), ErrorStats(), ErrorStats(), 0, 0, 0, 0)
    far = ToponymResult(0, "Springfield", "Springfield, Illinois", (39.8, -89.6),
                        "Springfield (USA, city)", (37.2, -93.3), 420.0, "exact:city")
    near = ToponymResult(0, "Kharkiv", "Kharkiv", (50.0, 36.2), "Kharkiv (UKR, city)",
                         (50.0, 36.25), 3.0, "exact:city")
    rep.results += [far, far, near]
    text = format_errors(rep, 5)
    assert "2 toponyms in 1 groups" in text
    assert "2x 'Springfield'" in text and "420 km" in text and "exact:city" in text
    assert "Kharkiv" not in text


def test_a_toponym_not_in_the_gazetteer_is_placed_at_the_document_focus(tmp_path: Path) -> None:
    from claimwatch.evaluate.geo import evaluate_geo

    text = ("Floods hit the city of Kharkiv in Ukraine on Monday. Officials in Kharkiv said "
            "the Zvorblyanka district was cut off.")

    def loc(name: str, nth: int, lat: float, lon: float) -> str:
        start = -1
        for _ in range(nth):
            start = text.index(name, start + 1)
        return (f"<location><name>{name}</name><start>{start}</start>"
                f"<end>{start + len(name)}</end><lat>{lat}</lat><lon>{lon}</lon></location>")

    locs = [loc("Kharkiv", 1, 49.98, 36.25), loc("Ukraine", 1, 49, 32),
            loc("Kharkiv", 2, 49.98, 36.25), loc("Zvorblyanka", 1, 50.01, 36.3)]
    path = tmp_path / "focus.xml"
    path.write_text(f"<articles><article><text>{text}</text><locations>{''.join(locs)}"
                    "</locations></article></articles>", encoding="utf-8")
    s = evaluate_geo(path).oracle.summary()
    assert s["unresolved"] == 1 and s["acc161"] == 1.0
    assert s["acc161_without_focus"] == 0.75
