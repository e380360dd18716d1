"""The command line: contract-valid JSON, clear errors, every command documented."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
import jsonschema
from click.testing import CliRunner

from claimwatch.cli import main


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out = []
    for name, cmd in group.commands.items():
        out.append((prefix + name, cmd))
        if isinstance(cmd, click.Group):
            out += _commands(cmd, prefix + name + " ")
    return out


def test_every_command_is_documented() -> None:
    for name, cmd in _commands(main):
        assert cmd.help and cmd.help.strip(), f"`claimwatch {name}` has no help text"


def test_extract_prints_contract_valid_json(reports_dir: Path,
                                            event_schema: dict[str, Any]) -> None:
    result = CliRunner().invoke(main, ["extract", str(reports_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    docs = json.loads(result.stdout)
    assert [Path(d["document"]).name for d in docs] == ["a.txt", "b.txt"]
    assert docs[0]["published"] == "2024-01-21"
    events = [e for d in docs for e in d["events"]]
    assert events, "no event extracted from two attack reports"
    for event in events:
        jsonschema.validate(event, event_schema)
    drone = next(e for e in docs[0]["events"] if "drone" in e["attack_types"])
    assert drone["date_start"] == "2024-01-20"
    assert drone["mention_role"] == "new"


def test_extract_jsonl_is_one_object_per_line(reports_dir: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(reports_dir / "b.txt"), "--format",
                                       "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0]["events"]


def test_bad_input_gives_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("date 2024-02-31 Something happened.", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(bad)])
    assert result.exit_code != 0
    assert "2024-02-31" in result.stderr and "bad.txt" in result.stderr


def test_unknown_format_is_refused(reports_dir: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(reports_dir), "--format", "xml"])
    assert result.exit_code != 0
    assert "xml" in result.output
