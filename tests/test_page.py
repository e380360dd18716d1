"""The web page in a real browser: markers, timeline brushing, filters and detail panel."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from claimwatch.api import create_app
from fake_ledger import FakeLedger
from sample_events import sample_documents, sample_events

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed at "
                       "/usr/bin/chromium (apt-get install chromium)"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serving(app: Any) -> Iterator[str]:
    """Run ``app`` with uvicorn on a free localhost port for the duration of the block."""
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A server over a ledger of a few hand-built events."""
    with serving(create_app("unused", ledger=FakeLedger(sample_events(),
                                                        sample_documents()))) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server: str):
    yield from open_page(browser, server)


def open_page(browser, server: str) -> Iterator[Any]:
    """The page, loaded with every request outside the test server refused."""
    page = browser.new_page(viewport={"width": 1400, "height": 860})
    outside: list[str] = []
    problems: list[str] = []

    def route(r) -> None:
        if r.request.url.startswith(server):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready=true]", timeout=15000)
    page.wait_for_selector("#map path.leaflet-interactive, #map svg path", state="attached")
    yield page
    assert outside == [], "the page reached outside the server"
    assert problems == []
    page.close()


def marker_ids(page) -> list[str]:
    return sorted(page.eval_on_selector_all(
        "path.cw-marker", "els => els.map(e => e.getAttribute('data-event-id'))"))


def test_page_shows_events_on_map_timeline_and_detail(page, tmp_path: Path) -> None:
    # Markers: every located event, coloured by status, sized by casualties.
    assert marker_ids(page) == ["evt-harbour", "evt-market", "evt-road"]
    harbour = page.locator('path[data-event-id="evt-harbour"]')
    market = page.locator('path[data-event-id="evt-market"]')
    assert "cw-status-disputed" in harbour.get_attribute("class")
    assert harbour.get_attribute("fill") == "#c2185b"
    assert market.bounding_box()["width"] > harbour.bounding_box()["width"]
    # Country boundaries drawn from the vendored world-atlas file.
    assert page.locator("#map path:not(.cw-marker)").count() > 100

    # Timeline: one bar per day with the number of events that started on it.
    bars = page.eval_on_selector_all(
        "rect.cw-day", "els => els.map(e => [e.dataset.day, e.dataset.count])")
    assert bars == [["2024-02-01", "1"], ["2024-02-02", "1"], ["2024-02-05", "1"],
                    ["2024-03-01", "1"]]

    # Detail panel for the disputed harbour attack.
    harbour.click()
    page.wait_for_selector('#detail[data-event-id="evt-harbour"]')
    rows = page.eval_on_selector_all(
        ".cw-assertion", "els => els.map(e => [e.cells[0].innerText.split('\\n')[0], "
        "e.querySelector('.stance').innerText])")
    assert rows == [["Northern Front", "claims"], ["Israel Defense Forces", "denies"]]
    assert "it launched a drone at the harbour of Portvale" in page.inner_text("#detail")
    reports = page.locator(".cw-report a.cw-report-title").all_inner_texts()
    assert reports[:2] == ["Group says it hit northern port", "Army denies port attack"]
    history = page.locator(".cw-history").all_inner_texts()
    assert [h.split(": ")[1].split(" ")[0] for h in history] == ["claimed", "disputed"]
    assert "coast guard saw nothing" in page.inner_text(".cw-evidence")
    shot = tmp_path / "claimwatch-page.png"
    page.screenshot(path=str(shot), full_page=True)
    print(f"screenshot: {shot}")
    assert shot.stat().st_size > 10_000


def test_brushing_the_timeline_filters_the_map(page) -> None:
    first = page.locator('rect.cw-day[data-day="2024-02-01"]').bounding_box()
    second = page.locator('rect.cw-day[data-day="2024-02-02"]').bounding_box()
    y = first["y"] + first["height"] / 2
    page.mouse.move(first["x"] - 2, y)
    page.mouse.down()
    page.mouse.move(second["x"] + second["width"], y, steps=5)
    page.mouse.up()
    page.wait_for_selector("rect.cw-brush")
    assert marker_ids(page) == ["evt-harbour"]
    assert page.inner_text("#summary").startswith("2 of 4 events shown")
    assert page.locator("rect.cw-day.out").count() == 2
    page.click("#clear-brush")
    assert len(marker_ids(page)) == 3


def test_filters_query_the_api(page) -> None:
    page.select_option("select[name=status]", "confirmed")
    page.click("#filters button[type=submit]")
    page.wait_for_function("document.querySelectorAll('path.cw-marker').length === 1")
    assert marker_ids(page) == ["evt-market"]
    page.fill("input[name=actor]", "Northern Front")
    page.select_option("select[name=status]", "")
    page.click("#filters button[type=submit]")
    page.wait_for_function("document.querySelectorAll('#event-list li').length === 2")
    assert page.locator("#event-list li").all_inner_texts()[1].startswith("2024-02-02")
    page.select_option("select[name=country]", "NGA")
    page.fill("input[name=actor]", "")
    page.click("#filters button[type=submit]")
    page.wait_for_selector('path[data-event-id="evt-road"]')
    assert marker_ids(page) == ["evt-road"]


EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "reports"


@pytest.fixture(scope="module")
def example_ledger(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The example reports ingested through the whole pipeline into a fresh ledger."""
    from claimwatch.ledger import Ledger
    from test_api_ledger import pipeline_ready

    if not EXAMPLES.is_dir():
        pytest.skip(f"no example reports at {EXAMPLES}")
    if not pipeline_ready():
        pytest.skip("the pipeline is not complete yet (a stage module is missing)")
    path = str(tmp_path_factory.mktemp("examples") / "ledger.db")
    with Ledger(path) as ledger:
        report = ledger.ingest_paths([EXAMPLES])
        assert not report.errors, report.errors
    return path


def test_page_over_the_example_ledger(browser, example_ledger: str, tmp_path: Path) -> None:
    """What the page shows is what the ledger holds: markers, day counts, one event's claims."""
    from collections import Counter

    from claimwatch.ledger import Ledger

    with Ledger(example_ledger) as ledger:
        events = ledger.events()
    assert events, "the example reports produced no events"
    located = sorted(e.event_id for e in events
                     if e.location and e.location.latitude is not None)
    per_day = Counter(e.date_start.isoformat() for e in events if e.date_start)
    with serving(create_app(example_ledger)) as url:
        for page in open_page(browser, url):
            assert marker_ids(page) == located
            bars = dict(page.eval_on_selector_all(
                "rect.cw-day", "els => els.map(e => [e.dataset.day, +e.dataset.count])"))
            assert bars == dict(per_day)
            chosen = max(events, key=lambda e: len(e.assertions))
            page.click(f'#event-list li[data-event-id="{chosen.event_id}"]')
            page.wait_for_selector(f'#detail[data-event-id="{chosen.event_id}"]')
            stances = page.locator("#detail .cw-assertion .stance").all_inner_texts()
            assert stances == [a.stance for a in chosen.assertions]
            assert page.locator("#detail .cw-history").count() == len(chosen.status_history)
            assert page.inner_text("#detail .cw-detail-status") == chosen.status
            shot = tmp_path / "claimwatch-examples.png"
            page.screenshot(path=str(shot), full_page=True)
            print(f"screenshot: {shot}")
