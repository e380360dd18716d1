"""Cross-report merging: blocking, scoring, clustering and merged values."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from claimwatch.errors import StoreError
from claimwatch.ledger import Ledger
from claimwatch.merge import (
    BlockIndex,
    MentionRecord,
    PairScore,
    Reason,
    cluster_all,
    match,
    merge_count,
    merge_events,
    profile,
    query_terms,
    score_pair,
)
from claimwatch.model import Actor, Count, Event, Place, Target
from claimwatch.store import write
from event_factory import document, event


def record(ev: Event, published: str) -> MentionRecord:
    return MentionRecord(ev.event_id, ev.documents[0], dt.date.fromisoformat(published), 0, ev)


def test_blocking_proposes_nearby_same_week_mentions_only() -> None:
    d1, d2, d3, d4 = (document(f"d{i}", "2024-05-26") for i in range(1, 5))
    here = profile(record(event(d1, day="2024-05-25"), "2024-05-26"))
    same = profile(record(event(d2, day="2024-05-25"), "2024-05-26"))
    far = profile(record(event(d3, day="2024-05-25", place="odesa"), "2024-05-26"))
    later = profile(record(event(d4, day="2024-08-25"), "2024-08-26"))
    index = BlockIndex()
    for i, p in enumerate((same, far, later)):
        index.add(i, p)
    assert index.lookup(query_terms(here)) == {0}


def test_country_level_mention_is_compared_with_points_in_that_country() -> None:
    d1, d2 = document("d1", "2024-05-26"), document("d2", "2024-05-27")
    point = profile(record(event(d1, day="2024-05-25"), "2024-05-26"))
    country = profile(record(event(d2, day="2024-05-25", place="ukraine"), "2024-05-27"))
    forward, backward = BlockIndex(), BlockIndex()
    forward.add(0, point)
    backward.add(0, country)
    assert forward.lookup(query_terms(country)) == {0}
    assert backward.lookup(query_terms(point)) == {0}


def test_comparisons_grow_linearly_with_the_number_of_events() -> None:
    def compared(n: int) -> int:
        rng = random.Random(7)
        recs = []
        for i in range(n):
            doc = document(f"d{i}", "2024-06-30")
            day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, n // 4))
            ev = event(doc, day=day.isoformat(), place=rng.choice(["kharkiv", "odesa", "hodeidah"]))
            recs.append(record(ev, "2024-06-30"))
        return match(recs, 0.6).compared

    small, large = compared(400), compared(1600)
    assert large < 6 * small  # quadratic growth would be 16x


def test_consecutive_days_at_the_same_place_stay_two_events(tmp_path: Path) -> None:
    d1, d2 = document("d1", "2023-12-31"), document("d2", "2024-01-01")
    saturday = event(d1, day="2023-12-30", place="hodeidah", perpetrator="Houthis")
    sunday = event(d2, day="2023-12-31", place="hodeidah", perpetrator="Houthis",
                   sentence=saturday.explanations[0].sentence or "")
    verdict = score_pair(profile(record(saturday, "2023-12-31")),
                         profile(record(sunday, "2024-01-01")))
    assert verdict.veto and "different days" in verdict.veto
    with Ledger(str(tmp_path / "l.db")) as ledger:
        ledger.ingest_analysed(d1, [saturday])
        ledger.ingest_analysed(d2, [sunday])
        assert len(ledger.events()) == 2


def test_a_historical_recall_months_later_is_the_same_event(tmp_path: Path) -> None:
    d1, d2 = document("d1", "2024-05-25"), document("d2", "2024-09-10")
    news = event(d1, day="2024-05-25",
                 sentence="Russian guided bombs hit the Epicentr hypermarket in Kharkiv.")
    recall = event(d2, day="2024-05-01", until="2024-05-31", precision="month",
                   mention_role="historical", stance="reports", role="media",
                   speaker="Reuters",
                   sentence="In May, Russian guided bombs destroyed the Epicentr hypermarket "
                            "in Kharkiv.")
    with Ledger(str(tmp_path / "l.db")) as ledger:
        ledger.ingest_analysed(d1, [news])
        ledger.ingest_analysed(d2, [recall])
        [merged] = ledger.events()
    assert merged.documents == ["d1", "d2"]
    assert (merged.date_start, merged.date_end) == (dt.date(2024, 5, 25), dt.date(2024, 5, 25))
    assert merged.mention_role == "new"


def _story() -> list[tuple[str, str, list[Event]]]:
    """Three reports of one strike (claim, confirmation, higher toll) and one other strike."""
    d1, d2, d3, d4 = (document("a1", "2024-05-25"), document("b2", "2024-05-26"),
                      document("c3", "2024-05-27"), document("d4", "2024-05-27"))
    return [
        ("a1", "2024-05-25", [event(d1, day="2024-05-25", speaker="Russia", role="perpetrator",
                                    stance="claims", killed=Count(6, None, "at least"))]),
        ("b2", "2024-05-26", [event(d2, day="2024-05-25", killed=Count(12, 12))]),
        ("c3", "2024-05-27", [event(d3, day="2024-05-25", killed=Count(16, 16)),
                              event(d3, 1, day="2024-05-27", place="odesa")]),
        ("d4", "2024-05-27", [event(d4, day="2024-05-27", place="odesa", kinds=("drone",))]),
    ]


def _ingest(url: str, order: list[int]) -> Ledger:
    story = _story()
    ledger = Ledger(url)
    for i in order:
        doc_id, published, found = story[i]
        ledger.ingest_analysed(document(doc_id, published), found)
    return ledger


def _snapshot(ledger: Ledger) -> list[dict[str, object]]:
    return [e.to_dict(explain=True) for e in ledger.events()]


def test_two_ingest_orders_give_the_same_ledger(tmp_path: Path) -> None:
    forward = _ingest(str(tmp_path / "f.db"), [0, 1, 2, 3])
    backward = _ingest(str(tmp_path / "b.db"), [3, 2, 1, 0])
    shuffled = _ingest(str(tmp_path / "s.db"), [2, 0, 3, 1])
    try:
        assert _snapshot(forward) == _snapshot(backward) == _snapshot(shuffled)
        strike, odesa = forward.events()
        assert strike.documents == ["a1", "b2", "c3"]
        assert odesa.documents == ["c3", "d4"]
        assert [(s.status, s.document_id) for s in strike.status_history] == [
            ("claimed", "a1"), ("confirmed", "b2")]
        assert strike.fatalities.to_dict() == {"low": 16, "high": 16, "qualifier": None}
    finally:
        for ledger in (forward, backward, shuffled):
            ledger.close()


def test_split_is_sticky_across_new_reports_and_rebuilds(tmp_path: Path) -> None:
    ledger = _ingest(str(tmp_path / "l.db"), [0, 1, 2])
    try:
        strike = ledger.events()[0]
        moved = ledger.split(strike.event_id, "b2")
        assert moved.documents == ["b2"]
        assert ledger.event(strike.event_id).documents == ["a1", "c3"]
        ledger.ingest_analysed(document("d4", "2024-05-27"), _story()[3][2])
        ledger.rebuild()
        docs = sorted(e.documents for e in ledger.events())
        assert ["b2"] in docs and ["a1", "c3"] in docs
        reasons = ledger.explain(strike.event_id)
        assert any(r["decision"] == "split" and r["decided_by"] == "user" for r in reasons)
        with pytest.raises(StoreError, match="only report"):
            ledger.split(moved.event_id, "b2")
    finally:
        ledger.close()


def _counts(ledger: Ledger) -> dict[str, int]:
    stats = ledger.stats()
    return {k: stats[k] for k in ("events", "documents", "mentions")}


def test_reingest_leaves_row_counts_unchanged(tmp_path: Path) -> None:
    ledger = _ingest(str(tmp_path / "l.db"), [0, 1, 2, 3])
    try:
        before, snapshot = _counts(ledger), _snapshot(ledger)
        for doc_id, published, found in _story():
            report = ledger.ingest_analysed(document(doc_id, published), found)
            assert report.skipped_ids == [doc_id] and report.documents_skipped == 1
        assert _counts(ledger) == before
        assert _snapshot(ledger) == snapshot
    finally:
        ledger.close()


def test_a_failing_document_leaves_nothing_half_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ledger = _ingest(str(tmp_path / "l.db"), [0, 1])
    try:
        before, snapshot = _counts(ledger), _snapshot(ledger)

        def broken(conn: object, ev: Event) -> None:
            raise StoreError("disk full (simulated)")

        monkeypatch.setattr(write, "insert_event", broken)
        doc_id, published, found = _story()[2]
        report = ledger.ingest_analysed(document(doc_id, published), found)
        assert report.documents_added == 0 and "disk full" in report.errors[0].message
        assert _counts(ledger) == before and _snapshot(ledger) == snapshot
        monkeypatch.undo()
        assert ledger.ingest_analysed(document(doc_id, published), found).documents_added
    finally:
        ledger.close()


def test_rising_toll_keeps_the_latest_and_same_day_figures_keep_their_range() -> None:
    day1, day2 = dt.date(2024, 5, 25), dt.date(2024, 5, 26)
    assert merge_count([(day1, Count(6, None, "at least")), (day2, Count(16, 16))]) == \
        Count(16, 16, None)
    assert merge_count([(day1, Count(20, 20)), (day1, Count(30, 30))]) == Count(20, 30, None)
    assert merge_count([(day1, Count()), (day2, Count())]) == Count()


def test_dates_narrow_to_the_most_precise_compatible_value() -> None:
    d1, d2 = document("d1", "2024-06-01"), document("d2", "2024-06-02")
    vague = event(d1, day="2024-05-01", until="2024-05-31", precision="month")
    exact = event(d2, day="2024-05-25")
    merged = merge_events([record(vague, "2024-06-01"), record(exact, "2024-06-02")])
    assert (merged.date_start, merged.date_end, merged.date_precision) == (
        dt.date(2024, 5, 25), dt.date(2024, 5, 25), "day")
    assert merged.event_id == vague.event_id


def test_two_mentions_of_one_report_never_merge() -> None:
    d1, d2 = document("d1", "2024-05-26"), document("d2", "2024-05-27")
    first = event(d1, day="2024-05-25", kinds=("missile", "drone"))
    second = event(d1, 1, day="2024-05-25", kinds=("drone",))
    third = event(d2, day="2024-05-25", kinds=("missile", "drone"))
    recs = [MentionRecord(e.event_id, e.documents[0], d.published, i, e)
            for i, (e, d) in enumerate([(first, d1), (second, d1), (third, d2)])]
    events = cluster_all(recs, 0.6)
    assert sorted(len(c) for c in events) == [1, 2]


def test_show_why_and_split_on_the_command_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from claimwatch.cli import main

    db = str(tmp_path / "l.db")
    _ingest(db, [0, 1, 2]).close()
    runner = CliRunner()
    why = runner.invoke(main, ["show", "ev_a1_0", "--why", "--db", db])
    assert why.exit_code == 0, why.output
    assert "a1 + b2: merged, score" in why.output and "time 1.00" in why.output
    done = runner.invoke(main, ["split", "ev_a1_0", "b2", "--db", db])
    assert done.exit_code == 0 and "now belongs to event ev_b2_0" in done.output
    after = runner.invoke(main, ["show", "ev_a1_0", "--why", "--db", db])
    assert "a1 + b2: split by a user" in after.output
    missing = runner.invoke(main, ["split", "ev_a1_0", "zz", "--db", db])
    assert missing.exit_code != 0 and "is not linked to event" in missing.output


def test_a_vague_mention_does_not_chain_two_days_into_one_event() -> None:
    d1, d2, d3 = (document("d1", "2024-05-25"), document("d2", "2024-05-26"),
                  document("d3", "2024-06-10"))
    saturday = event(d1, day="2024-05-25")
    sunday = event(d2, day="2024-05-26")
    in_may = event(d3, day="2024-05-01", until="2024-05-31", precision="month",
                   mention_role="historical")
    recs = [record(saturday, "2024-05-25"), record(sunday, "2024-05-26"),
            record(in_may, "2024-06-10")]
    events = cluster_all(recs, 0.6)
    assert sorted(len(c) for c in events) == [1, 2]
    assert all({"d1", "d2"} - {r.document_id for r in c} for c in events)


STRIKE_REPORTS = {
    "r1.txt": "date 2024-03-05\nRussian missiles struck a grain terminal in the port city of "
              "Odesa on Tuesday, killing at least two workers, Ukraine's southern military "
              "command said.\n\nThe regional governor said fires broke out at the terminal "
              "after the strike and rescuers were searching the rubble.\n",
    "r2.txt": "date 2024-03-06\nThe death toll from Tuesday's Russian missile strike on a "
              "grain terminal in Odesa rose to five, the regional governor said on "
              "Wednesday.\n\nRussia's defence ministry did not comment on the strike on the "
              "port.\n",
    "r3.txt": "date 2024-03-07\nFive workers were killed when Russian missiles hit a grain "
              "terminal in Odesa on Tuesday, Ukraine's military said on Thursday.\n\n"
              "Separately, a Russian drone struck an apartment block in Odesa on Wednesday "
              "night, injuring three people, the regional governor said.\n",
}


def test_three_reports_of_one_strike_become_one_event_with_the_real_pipeline(
        tmp_path: Path) -> None:
    for name, text in STRIKE_REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with Ledger(str(tmp_path / "l.db")) as ledger:
        for name in sorted(STRIKE_REPORTS):
            report = ledger.ingest_paths([tmp_path / name])
            assert not report.errors, report.errors
        found = ledger.events()
        names = {d.id: d.path for d in (ledger.document(i) for e in found for i in e.documents)}
        linked = [sorted(Path(names[i] or "").name for i in e.documents) for e in found]
    strike = next(e for e in found if "missile" in e.attack_types)
    assert sorted(Path(names[i] or "").name for i in strike.documents) == [
        "r1.txt", "r2.txt", "r3.txt"]
    assert strike.fatalities.low == 5
    assert ["r3.txt"] in linked  # Wednesday's drone strike stays its own event


def test_the_place_most_reports_agree_on_beats_one_precise_outlier() -> None:
    from claimwatch.model import Place
    from event_factory import PLACES

    docs = [document(f"d{i}", "2024-05-26") for i in range(3)]
    evs = [event(d, day="2024-05-25", place="ukraine") for d in docs[:2]]
    outlier = event(docs[2], day="2024-05-25")
    outlier.location = Place("Statte", "Italy", "ITA", None, 40.56, 17.2, 1, 1)
    merged = merge_events([record(e, "2024-05-26") for e in [*evs, outlier]])
    assert merged.location == PLACES["ukraine"]
    precise = event(docs[2], day="2024-05-25")  # Kharkiv, in Ukraine: agrees and is precise
    merged = merge_events([record(e, "2024-05-26") for e in [*evs, precise]])
    assert merged.location is not None and merged.location.name == "Kharkiv"


# -- evidence of one incident in differently worded reports (invented reports) -----------

def _pair(a: Event, b: Event) -> PairScore:
    return score_pair(profile(record(a, "2024-03-02")), profile(record(b, "2024-03-03")))


def _reason(verdict: PairScore, feature: str) -> Reason:
    return next(r for r in verdict.reasons if r.feature == feature)


def test_a_town_inside_the_region_another_report_names_agrees() -> None:
    d1, d2 = document("d1", "2024-03-02"), document("d2", "2024-03-03")
    town = event(d1, day="2024-03-01", place="kramatorsk")
    region = event(d2, day="2024-03-01", place="donetsk region")
    place = _reason(_pair(town, region), "place")
    assert place.value >= 0.8 and "coarser area" in place.detail
    abroad = event(d2, day="2024-03-01", place="belgorod")
    assert _reason(_pair(abroad, region), "place").value == 0.0


def test_a_unit_agrees_with_the_state_it_belongs_to() -> None:
    d1, d2 = document("d1", "2024-03-02"), document("d2", "2024-03-03")
    state = event(d1, day="2024-03-01", perpetrator="Freedonia")
    unit = event(d2, day="2024-03-01", perpetrator=None)
    unit.actors = [Actor("Freedonian Naval Drone Command", "perpetrator", "organization",
                         affiliation="Freedonia")]
    assert _reason(_pair(state, unit), "perpetrator").value == 0.8
    other = event(d2, day="2024-03-01", perpetrator="Sylvania")
    assert _reason(_pair(state, other), "perpetrator").value == 0.0


def test_attack_types_of_one_family_agree_in_part() -> None:
    d1, d2 = document("d1", "2024-03-02"), document("d2", "2024-03-03")
    missile = event(d1, day="2024-03-01", kinds=("missile",))
    airstrike = event(d2, day="2024-03-01", kinds=("airstrike",))
    shooting = event(d2, day="2024-03-01", kinds=("shooting",))
    assert _reason(_pair(missile, airstrike), "attack").value == pytest.approx(0.6)
    assert _reason(_pair(missile, shooting), "attack").value == 0.0


def test_a_shared_ship_name_counts_more_than_a_shared_common_noun() -> None:
    d1, d2 = document("d1", "2024-03-02"), document("d2", "2024-03-03")
    named = event(d1, day="2024-03-01", place="hodeidah")
    named.targets = [Target("the bulk carrier Sea Lantern")]
    same_ship = event(d2, day="2024-03-01", place="hodeidah")
    same_ship.targets = [Target("Sea Lantern")]
    any_ship = event(d2, day="2024-03-01", place="hodeidah")
    any_ship.targets = [Target("carrier")]
    assert _reason(_pair(named, same_ship), "target").value >= 0.9
    assert _reason(_pair(named, any_ship), "target").value <= 0.7


def test_a_country_named_alone_counts_little_against_a_town() -> None:
    d1, d2 = document("d1", "2024-03-02"), document("d2", "2024-03-03")
    town = event(d1, day="2024-03-01", place="kramatorsk")
    abroad = event(d2, day="2024-03-01", place="ukraine")
    abroad.location = Place("Norway", "Norway", "NOR", None, 62.0, 10.0, None, 3)
    place = _reason(_pair(town, abroad), "place")
    assert place.value == 0.0 and place.weight < _reason(
        _pair(town, event(d2, day="2024-03-01", place="belgorod")), "time").weight


def test_a_drone_and_a_rocket_attack_do_not_count_as_kindred() -> None:
    d1, d2 = document("d1", "2024-03-02"), document("d2", "2024-03-03")
    drone = event(d1, day="2024-03-01", kinds=("drone",))
    rocket = event(d2, day="2024-03-01", kinds=("rocket",))
    assert _reason(_pair(drone, rocket), "attack").value == 0.0
