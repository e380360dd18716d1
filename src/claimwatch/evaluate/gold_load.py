"""Reading gold annotations: report gold files and multi-report stories, strictly checked.

A typo in a gold key would silently leave a field unscored, so every key is checked
against the known-keys table below; broken JSON or an unknown key raises ``GoldFileError``
naming the file and the key's path.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimwatch.errors import GoldFileError

STORY_FILE = "story.json"

COUNT_KEYS = {"low", "high", "qualifier", "also_right"}
COUNT_ALT_KEYS = {"low", "high", "qualifier"}
ACTOR_KEYS = {"name", "aliases", "affiliation", "kind"}
LOCATION_KEYS = {
    "name", "iso3", "latitude", "longitude", "radius_km", "precision", "admin1", "country",
    "geonameid",
}
DATE_ALT_KEYS = {"date_start", "date_end", "date_precision"}
RESPONSIBILITY_KEYS = {"status", "by", "also_right"}
ASSERTION_KEYS = {"speaker", "handle", "speaker_role", "stance", "published", "quote", "notes"}
EVIDENCE_KEYS = {"kind", "description", "source", "against", "notes"}
HISTORY_KEYS = {"status", "report", "at", "notes"}
MUST_NOT_KEYS = {"text", "why", "report"}
TOP_KEYS = {
    "document", "published", "notes", "events", "must_not_extract", "expected_event_count",
    "expected_event_count_also_right", "reports", "title", "source", "url",
}
EVENT_KEYS = {
    "key", "mention_role", "date_start", "date_end", "date_precision", "date_also_right",
    "event_type", "sub_event_type", "attack_types", "attack_types_required",
    "attack_types_allowed", "perpetrator", "perpetrator_not", "target_actor", "weapons",
    "targets", "victims", "location", "fatalities", "injured", "abducted", "status",
    "status_also_right", "status_reason", "responsibility", "assertions_required",
    "evidence_required", "documents", "status_history", "interception", "notes",
}
# Sub-structures checked key by key: event key -> (allowed keys, is a list of objects).
NESTED: dict[str, tuple[set[str], bool]] = {
    "perpetrator": (ACTOR_KEYS, False),
    "target_actor": (ACTOR_KEYS, False),
    "location": (LOCATION_KEYS, False),
    "fatalities": (COUNT_KEYS, False),
    "injured": (COUNT_KEYS, False),
    "abducted": (COUNT_KEYS, False),
    "responsibility": (RESPONSIBILITY_KEYS, False),
    "date_also_right": (DATE_ALT_KEYS, True),
    "assertions_required": (ASSERTION_KEYS, True),
    "evidence_required": (EVIDENCE_KEYS, True),
    "status_history": (HISTORY_KEYS, True),
}
KNOWN_KEYS = TOP_KEYS | EVENT_KEYS | set().union(*(keys for keys, _ in NESTED.values()))


@dataclass
class GoldFile:
    """One gold annotation: a single report's gold, or a story of several reports."""

    path: Path
    data: dict[str, Any]
    kind: str  # "report" | "story"
    reports: list[Path] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.parent.name if self.kind == "story" else self.path.stem

    @property
    def events(self) -> list[dict[str, Any]]:
        return list(self.data.get("events") or [])

    @property
    def must_not_extract(self) -> list[dict[str, Any]]:
        return list(self.data.get("must_not_extract") or [])

    def expected_counts(self) -> list[int]:
        """Event counts that are right: expected_event_count and its alternatives."""
        if "expected_event_count" not in self.data:
            return [len(self.events)]
        counts = [self.data["expected_event_count"]]
        counts += list(self.data.get("expected_event_count_also_right") or [])
        return [int(c) for c in counts if c is not None]

    def report_path(self) -> Path | None:
        """The report a gold file annotates: the .txt beside it, else its ``document``."""
        beside = self.path.with_suffix(".txt")
        if beside.is_file():
            return beside
        doc = self.data.get("document")
        if not isinstance(doc, str) or not doc:
            return None
        candidate = Path(doc)
        if candidate.is_absolute():
            return candidate if candidate.is_file() else None
        # Relative to the gold file's folder, or to any folder above it (the shared root).
        for base in [self.path.parent, *self.path.parent.parents]:
            if (base / candidate).is_file():
                return base / candidate
        return None


def _fail(path: Path, message: str) -> GoldFileError:
    return GoldFileError(message, source=str(path))


def _check_keys(path: Path, obj: Any, allowed: set[str], where: str) -> None:
    """Raise on any key outside ``allowed``, descending through ``any_of`` wrappers."""
    if isinstance(obj, list):
        for i, item in enumerate(obj):
            _check_keys(path, item, allowed, f"{where}[{i}]")
        return
    if not isinstance(obj, dict):
        return
    if set(obj) == {"any_of"}:
        if not isinstance(obj["any_of"], list):
            raise _fail(path, f"{where}.any_of must be a list of alternatives")
        for i, option in enumerate(obj["any_of"]):
            _check_keys(path, option, allowed, f"{where}.any_of[{i}]")
        return
    for key, value in obj.items():
        if key == "any_of":
            raise _fail(path, f"{where}: 'any_of' must be the only key of its object")
        if key not in allowed:
            raise _fail(path, f"unknown key {key!r} at {where}; known keys here: "
                              f"{', '.join(sorted(allowed))}")
        if key == "also_right" and allowed is COUNT_KEYS:
            _check_keys(path, value, COUNT_ALT_KEYS, f"{where}.also_right")
        elif key == "also_right" and allowed is RESPONSIBILITY_KEYS:
            _check_keys(path, value, {"status", "by"}, f"{where}.also_right")
        else:
            _check_value(path, value, f"{where}.{key}")


def _check_value(path: Path, value: Any, where: str) -> None:
    """A plain value may only be an object when it is ``{"any_of": [...]}``."""
    if isinstance(value, list):
        for i, item in enumerate(value):
            _check_value(path, item, f"{where}[{i}]")
    elif isinstance(value, dict):
        if set(value) != {"any_of"}:
            odd = sorted(set(value) - {"any_of"})
            raise _fail(path, f"unknown key {odd[0]!r} at {where}; a value may only be "
                              "an object of the form {\"any_of\": [...]}")
        if not isinstance(value["any_of"], list):
            raise _fail(path, f"{where}.any_of must be a list of alternatives")
        for i, option in enumerate(value["any_of"]):
            _check_value(path, option, f"{where}.any_of[{i}]")


def validate(path: Path, data: Any) -> None:
    """Check a parsed gold file's structure and keys; raise ``GoldFileError`` if wrong."""
    if not isinstance(data, dict):
        raise _fail(path, "a gold file must hold a JSON object with an 'events' list")
    _check_keys(path, {k: None for k in data}, TOP_KEYS, "top level")
    events = data.get("events")
    if not isinstance(events, list):
        raise _fail(path, "'events' must be a list of event objects")
    for i, event in enumerate(events):
        where = f"events[{i}]"
        if not isinstance(event, dict):
            raise _fail(path, f"{where} must be an object")
        _check_keys(path, {k: None for k in event}, EVENT_KEYS, where)
        for key, value in event.items():
            if key not in NESTED:
                _check_value(path, value, f"{where}.{key}")
        for key, (allowed, is_list) in NESTED.items():
            if key not in event or event[key] is None:
                continue
            value = event[key]
            if is_list and not isinstance(value, list):
                raise _fail(path, f"{where}.{key} must be a list")
            _check_keys(path, value, allowed, f"{where}.{key}")
    must_not = data.get("must_not_extract") or []
    if not isinstance(must_not, list):
        raise _fail(path, "'must_not_extract' must be a list of {text, why} objects")
    _check_keys(path, must_not, MUST_NOT_KEYS, "must_not_extract")


def read_json(path: Path) -> Any:
    """Parse a JSON file, turning syntax errors into ``GoldFileError`` with the position."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(path, f"cannot read the gold file: {exc}") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        message = f"broken JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        raise _fail(path, message) from exc


def load_gold_file(path: Path) -> GoldFile:
    """One gold file (``*.json`` for a report, ``story.json`` for a story), validated."""
    data = read_json(path)
    validate(path, data)
    if path.name == STORY_FILE or "reports" in data:
        names = data.get("reports") or sorted(p.name for p in path.parent.glob("r*.txt"))
        reports = [path.parent / str(n) for n in names]
        missing = [str(r) for r in reports if not r.is_file()]
        if missing:
            raise _fail(path, f"story reports not found: {', '.join(missing)}")
        return GoldFile(path=path, data=data, kind="story", reports=reports)
    return GoldFile(path=path, data=data, kind="report")


def _is_gold_candidate(path: Path) -> bool:
    """In a folder, a ``.json`` file is gold when it has an ``events`` key (or is a story)."""
    if path.name == STORY_FILE:
        return True
    data = read_json(path)
    return isinstance(data, dict) and "events" in data


def load_gold(paths: Iterable[str | Path]) -> list[GoldFile]:
    """Every gold file under ``paths`` (files or folders, recursively), each loaded once."""
    seen: set[Path] = set()
    found: list[GoldFile] = []
    for raw in paths:
        root = Path(raw)
        if root.is_dir():
            candidates = [p for p in sorted(root.rglob("*.json")) if _is_gold_candidate(p)]
        elif root.is_file():
            candidates = [root]
        else:
            raise GoldFileError("no such gold file or folder", source=str(root))
        for path in candidates:
            key = path.resolve()
            if key in seen:
                continue
            seen.add(key)
            found.append(load_gold_file(path))
    return found
