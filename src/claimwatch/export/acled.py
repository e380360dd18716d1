"""ACLED CSV: the 31 columns of ACLED's export, so events sit beside ACLED data unchanged.

Conventions follow ACLED's codebook where the ledger holds the information: the lowest
fatality figure, time precision 1 (day) / 2 (week or a few days) / 3 (month or wider),
geo precision 1-3, ISO 3166 numeric country codes, and ``notes`` that summarise the
event, who claimed, confirmed or denied it and the resulting claim status. ``inter1``/
``inter2`` are ACLED's numeric actor types, derived from the actor table's categories
where the actor is known there; otherwise left empty rather than guessed.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Any, BinaryIO

import pycountry

from claimwatch.export.base import Exporter
from claimwatch.model import Actor, Document, Event
from claimwatch.resolve.actor import ActorTable

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
)
DISORDER_TYPES = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
# ACLED inter codes: 1 state forces, 2 rebel groups, 3 political militias,
# 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces.
STATE_CATEGORIES = {"state_force", "government", "state"}
STANCE_VERBS = (
    ("claims", "claimed by"), ("confirms", "confirmed by"), ("reports", "reported by"),
    ("attributes", "attributed by"), ("disputes", "disputed by"), ("denies", "denied by"),
    ("no_comment", "no comment from"),
)


def acled_row(event: Event, documents: Mapping[str, Document]) -> dict[str, Any]:
    """One ACLED row for an event."""
    loc = event.location
    iso3 = loc.iso3 if loc and loc.iso3 else None
    perps = [a for a in event.actors if a.role == "perpetrator"]
    targets = [a for a in event.actors if a.role == "target"]
    civilian = is_civilian_targeting(event)
    inter1 = inter_code(perps[0], iso3) if perps else ""
    actor2 = targets[0].name if targets else ""
    inter2: int | str = inter_code(targets[0], iso3) if targets else ""
    if not targets and civilian:
        actor2 = f"Civilians ({loc.country})" if loc and loc.country else "Civilians"
        inter2 = 7
    return {
        "event_id_cnty": event_id_cnty(event),
        "event_date": event.date_start.isoformat() if event.date_start else "",
        "year": event.date_start.year if event.date_start else "",
        "time_precision": time_precision(event),
        "disorder_type": DISORDER_TYPES.get(event.event_type or "", ""),
        "event_type": event.event_type or "",
        "sub_event_type": event.sub_event_type or "",
        "actor1": perps[0].name if perps else "",
        "assoc_actor_1": "; ".join(a.name for a in perps[1:]),
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": "; ".join(a.name for a in targets[1:]),
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": iso_numeric(iso3),
        "region": region(iso3),
        "country": loc.country or "" if loc else "",
        "admin1": loc.admin1 or "" if loc else "",
        "admin2": "",
        "admin3": "",
        "location": loc.name if loc else "",
        "latitude": _num(loc.latitude) if loc else "",
        "longitude": _num(loc.longitude) if loc else "",
        "geo_precision": loc.precision if loc else "",
        "source": sources(event, documents),
        "source_scale": "",
        "notes": notes(event),
        "fatalities": lowest(event),
        "tags": tags(event),
        "timestamp": timestamp(event),
    }


def event_id_cnty(event: Event) -> str:
    """ISO3 plus a 7-digit number derived from the stable event id."""
    iso3 = event.location.iso3 if event.location and event.location.iso3 else "XXX"
    number = int(hashlib.sha256(event.event_id.encode("utf-8")).hexdigest()[:12], 16)
    return f"{iso3}{number % 10_000_000:07d}"


def time_precision(event: Event) -> int:
    """1 for a known day, 2 for a week or a few days, 3 for a month or wider."""
    code = TIME_PRECISION.get(event.date_precision or "", 3)
    if code == 1 and event.date_start and event.date_end and event.date_end > event.date_start:
        code = 2 if (event.date_end - event.date_start).days <= 7 else 3
    return code


def lowest(event: Event) -> int:
    """ACLED records the lowest reported figure, and 0 when none is reported."""
    count = event.fatalities
    if count.low is not None:
        return count.low
    return count.high if count.high is not None else 0


def is_civilian_targeting(event: Event) -> bool:
    """Civilians were the target, not merely among the casualties."""
    if event.event_type == "Violence against civilians":
        return True
    return any(t.type in ("civilian", "civilians") for t in event.targets)


def inter_code(actor: Actor, event_iso3: str | None) -> int | str:
    """ACLED's inter code from the actor table's category; empty when not derivable."""
    category, country, patron = actor_category(actor.name, event_iso3)
    if category is None and actor.kind == "state":
        category = "state"
        found = pycountry.countries.get(name=actor.name)
        country = found.alpha_3 if found is not None else None
    if category in STATE_CATEGORIES:
        return 8 if country and event_iso3 and country != event_iso3 else 1
    if category == "armed_group":
        return 3 if patron or actor.affiliation else 2
    if category == "individual" or actor.name.lower().startswith("civilian"):
        return 7
    return ""


def interaction(inter1: int | str, inter2: int | str) -> int | str:
    """ACLED's two-digit interaction code, lower code first; ``N0`` for a sole actor."""
    if inter1 == "":
        return ""
    if inter2 == "":
        return int(f"{inter1}0")
    low, high = sorted((int(inter1), int(inter2)))
    return int(f"{low}{high}")


def notes(event: Event) -> str:
    """A sentence on what happened, who said what about it, and the claim status."""
    when = _when(event)
    perps = [a.name for a in event.actors if a.role == "perpetrator"]
    who = " and ".join(perps) if perps else "unidentified actors"
    what = (event.sub_event_type or event.event_type or "an attack").lower()
    on = f" on {event.targets[0].text}" if event.targets else ""
    where = f" in {_place(event)}" if event.location else ""
    parts = [f"{when}, {who}: {what}{on}{where}."]
    said = []
    for stance, verb in STANCE_VERBS:
        speakers = _unique(a.speaker for a in event.assertions if a.stance == stance)
        if speakers:
            said.append(f"{verb} {', '.join(speakers)}")
    if said:
        parts.append(_capital("; ".join(said)) + ".")
    if event.fatalities.is_known:
        parts.append(f"Fatalities: {_count_text(event)}.")
    resp = event.responsibility
    link = "to" if resp.status == "attributed" else "by"
    by = f" {link} {', '.join(resp.by)}" if resp.by else ""
    parts.append(f"[claim status: {event.status}; responsibility: {resp.status}{by}]")
    return " ".join(parts)


def tags(event: Event) -> str:
    """Semicolon-separated flags: the claim status and the attack types."""
    items = [f"claim status: {event.status}"]
    items += [f"attack type: {t}" for t in event.attack_types]
    return "; ".join(items)


def sources(event: Event, documents: Mapping[str, Document]) -> str:
    """The reports' sources, as ACLED lists them: names joined with '; '."""
    names = (documents[d].source for d in event.documents if d in documents)
    return "; ".join(_unique(n for n in names if n))


def timestamp(event: Event) -> int:
    """Unix time of the last status change (the day, 00:00 UTC); stable across exports."""
    days = [c.at for c in event.status_history if c.at] or [
        d for d in (event.date_end, event.date_start) if d]
    if not days:
        return 0
    moment = dt.datetime.combine(max(days), dt.time(), tzinfo=dt.UTC)
    return int(moment.timestamp())


def iso_numeric(iso3: str | None) -> int | str:
    country = pycountry.countries.get(alpha_3=iso3) if iso3 else None
    return int(country.numeric) if country is not None else ""


def region(iso3: str | None) -> str:
    """ACLED's region from the data table, else from the UN subregion."""
    if not iso3:
        return ""
    by_country, by_subregion = _regions()
    if iso3 in by_country:
        return by_country[iso3]
    from countryinfo import CountryInfo  # slow to import; only when a row needs it

    try:
        sub = CountryInfo(iso3).info().get("subregion")
    except LookupError:  # countryinfo's CountryNotFoundError for codes it lacks
        return ""
    return by_subregion.get(sub or "", "")


@cache
def _regions() -> tuple[dict[str, str], dict[str, str]]:
    raw = json.loads(resources.files("claimwatch.data").joinpath("acled_regions.json")
                     .read_text(encoding="utf-8"))
    by_country = {iso: name for name, isos in raw["regions"].items() for iso in isos}
    return by_country, dict(raw["subregions"])


@cache
def actor_category(name: str, country: str | None = None
                   ) -> tuple[str | None, str | None, str | None]:
    """(category, ISO3, patron) from the actor table, or Nones for an actor it lacks."""
    match = ActorTable.load().match(name, country)
    if match is None:
        return None, None, None
    return match.entry.category, match.entry.country, match.entry.affiliation


def write_acled_csv(events: Iterable[Event], out: BinaryIO,
                    documents: Mapping[str, Document]) -> None:
    """Write the header and one row per event as UTF-8 CSV."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    writer = csv.DictWriter(text, fieldnames=COLUMNS)
    writer.writeheader()
    for event in events:
        writer.writerow(acled_row(event, documents))
    text.flush()
    text.detach()


def _num(value: float | None) -> float | str:
    return "" if value is None else round(value, 4)


def _place(event: Event) -> str:
    loc = event.location
    assert loc is not None
    parts = _unique(p for p in (loc.name, loc.admin1, loc.country) if p)
    return ", ".join(parts)


def _count_text(event: Event) -> str:
    c = event.fatalities
    if c.low is not None and c.high is not None and c.low != c.high:
        figure = f"{c.low}-{c.high}"
    else:
        figure = str(c.low if c.low is not None else c.high)
    return f"{c.qualifier} {figure}" if c.qualifier else figure


def _when(event: Event) -> str:
    day = event.date_start
    if day is None:
        return "On an unknown date"
    if event.date_precision == "year":
        return f"In {day.year}"
    if event.date_precision == "month":
        return f"In {day.strftime('%B')} {day.year}"
    prefix = "In the week of" if event.date_precision == "week" else "On"
    return f"{prefix} {day.day} {day.strftime('%B')} {day.year}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


EXPORTER = Exporter(
    name="acled-csv", suffix=".csv", media_type="text/csv; charset=utf-8",
    help="ACLED's 31 columns in ACLED's order, with ACLED's coding conventions.",
    write=write_acled_csv, cites_documents=True,
)
