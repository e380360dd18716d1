"""Shared fixtures: the shared data folder, small reports written for the tests."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the shared gold and data sets are not here")
    return SHARED


@pytest.fixture(scope="session")
def event_schema() -> dict[str, Any]:
    with resources.files("claimwatch.data").joinpath("event.schema.json").open() as fh:
        schema: dict[str, Any] = json.load(fh)
    return schema


@pytest.fixture()
def reports_dir(tmp_path: Path) -> Path:
    """Two short reports in the `date YYYY-MM-DD` format."""
    d = tmp_path / "reports"
    d.mkdir()
    (d / "a.txt").write_text(
        "date 2024-01-21 A group calling itself the Islamic Resistance in Iraq said it "
        "launched a drone at Ain al-Asad air base in western Iraq on Saturday. A US defence "
        "official said the drone was shot down and caused no damage or injuries.\n",
        encoding="utf-8")
    (d / "b.txt").write_text(
        "date 2024-03-10 An Israeli airstrike on a house in Khan Younis killed nine members "
        "of one family overnight, the Gaza health ministry said on Sunday. The Israeli "
        "military said it had struck a Hamas command post in the area.\n", encoding="utf-8")
    return d
