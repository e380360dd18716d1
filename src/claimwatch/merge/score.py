"""Pair scoring: is this the same incident? A weighted mean of evidence that explains itself.

Each feature gives a value in [0, 1] (1 = agrees) and a weight; features a pair cannot
judge (a missing perpetrator, no figures) are left out rather than counted as agreement.
Some facts rule a match out whatever the rest says (a veto): two precise dates on
different days, date ranges far apart, places far beyond their precision.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from rapidfuzz import fuzz

from claimwatch import config
from claimwatch.merge.profile import Profile, settings

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass
class Reason:
    """One piece of evidence for or against a match."""

    feature: str
    value: float
    weight: float
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return {"feature": self.feature, "value": round(self.value, 3),
                "weight": self.weight, "detail": self.detail}


@dataclass
class PairScore:
    """The verdict on a pair: its score, the evidence, and a veto if one applied."""

    score: float
    reasons: list[Reason] = field(default_factory=list)
    veto: str | None = None

    def same(self, threshold: float) -> bool:
        return self.veto is None and self.score >= threshold

    def reasons_dicts(self) -> list[dict[str, Any]]:
        out = [r.to_dict() for r in self.reasons]
        if self.veto:
            out.append({"feature": "veto", "value": 0.0, "weight": 0.0, "detail": self.veto})
        return out


def _coarser(a: str | None, b: str | None) -> str:
    return max(a or "year", b or "year", key=lambda p: PRECISION_RANK.get(p, 3))


def time_reason(a: Profile, b: Profile) -> Reason | str | None:
    """Date agreement; a string is a veto."""
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return None
    values = settings()["time_values"]
    weight = float(settings()["weights"]["time"])
    gap = max(a.start, b.start) - min(a.end, b.end)
    if gap <= 0:
        both_days = a.start == a.end and b.start == b.end
        level = "day" if both_days else _coarser(a.precision, b.precision)
        if level == "day" and not both_days:
            level = "week"
        return Reason("time", float(values[level]), weight, f"date ranges overlap ({level})")
    precise = a.start == a.end and b.start == b.end
    if precise:
        return f"different days, {gap} day(s) apart"
    if gap <= int(config.get("merge_window_days")):
        return Reason("time", float(values["near"]), weight, f"ranges {gap} day(s) apart")
    return f"date ranges {gap} days apart"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def place_reason(a: Profile, b: Profile) -> Reason | str | None:
    """Distance between places, judged against the coarser place's precision.

    A country-level place is often the wrong country (the perpetrator's, a ship's flag):
    it can agree but never rules a match out. A region, sea or province (precision 3)
    that holds the other place (within its tolerance) agrees with it: "in Crimea" and
    "in Sevastopol" are compatible; a region's centre far from the other place is no
    evidence either way.
    """
    weight = float(settings()["weights"]["place"])
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return Reason("place", 1.0, weight, f"same place (geonameid {a.geonameid})")
    coarse = max(a.geo_precision, b.geo_precision) >= 3
    country = coarse and bool(a.iso3 and b.iso3) and (a.country_level or b.country_level)
    if None not in (a.lat, a.lon, b.lat, b.lon) and not country:
        tol = float(settings()["place_tolerance_km"][str(max(a.geo_precision, b.geo_precision))])
        d = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
        if d > 4 * tol and not coarse:
            return f"places {d:.0f} km apart (tolerance {tol:.0f} km)"
        value = max(0.0, 1.0 - d / (2 * tol))
        if coarse and a.geo_precision != b.geo_precision and d <= tol:
            return Reason("place", max(value, float(settings()["place_within_area"])), weight,
                          f"{d:.0f} km apart: the finer place lies in the coarser area "
                          f"(tolerance {tol:.0f} km)")
        if coarse and d > tol and a.iso3 and b.iso3 and a.iso3 != b.iso3:
            return Reason("place", 0.0, weight, f"{d:.0f} km apart, outside the area, in "
                          f"different countries {a.iso3} / {b.iso3}")
        if coarse and value == 0.0:
            return None  # a sea's or region's centre says little about where in it
        return Reason("place", value, weight, f"{d:.0f} km apart, tolerance {tol:.0f} km")
    if a.iso3 and b.iso3:
        # a country alone is weak evidence either way: it is often the victims' home
        # country, the perpetrator's or a ship's flag rather than where it happened
        if a.iso3 == b.iso3:
            return Reason("place", 0.5, weight / 2, f"same country {a.iso3}")
        return Reason("place", 0.0, weight / 2, f"different countries {a.iso3} / {b.iso3}")
    return None


def perpetrator_reason(a: Profile, b: Profile) -> Reason | None:
    """Shared perpetrators agree; different ones disagree only when both are known actors.

    A generic "gunmen" or "its forces" (an actor of unknown kind) can agree with a name
    but is no evidence against one. A unit and the state or movement it belongs to
    ("Ukrainian Special Operations Forces", affiliated with Ukraine, and "Ukraine") agree
    nearly as well as one name.
    """
    if not a.perpetrators or not b.perpetrators:
        return None
    weight = float(settings()["weights"]["perpetrator"])
    shared = a.perpetrators & b.perpetrators
    if shared:
        return Reason("perpetrator", 1.0, weight, f"same actor: {sorted(shared)[0]}")
    detail = f"{', '.join(a.perpetrator_names)} vs {', '.join(b.perpetrator_names)}"
    if any(_same_name(x, y) for x in a.perpetrator_names for y in b.perpetrator_names):
        return Reason("perpetrator", 0.8, weight, detail)
    part = (a.perpetrators & b.sides) | (b.perpetrators & a.sides)
    if part:
        return Reason("perpetrator", 0.8, weight,
                      f"{detail}: one belongs to the other ({sorted(part)[0]})")
    if not (a.perpetrators_known and b.perpetrators_known):
        return None
    if a.sides & b.sides:
        return None  # two units of one side: no evidence either way
    return Reason("perpetrator", 0.0, weight, detail)


def _same_name(x: str, y: str) -> bool:
    """Spelling variants ("Houthi"/"Houthis") or one name inside the other, same numbers."""
    if [c for c in x if c.isdigit()] != [c for c in y if c.isdigit()]:
        return False
    tx, ty = set(x.split()), set(y.split())
    return tx <= ty or ty <= tx or fuzz.ratio(x, y) >= 92


def target_reason(a: Profile, b: Profile) -> Reason | None:
    """Target phrases alike; a shared common noun ("ship", "store") counts for less than a
    shared name ("Ocean Star", "Orion Arena"), which points at one ship or building."""
    if not a.targets or not b.targets:
        return None
    best = max(fuzz.token_set_ratio(x, y) for x in a.targets for y in b.targets) / 100.0
    names = a.target_names & b.target_names
    if names:
        detail = f"best target match {best:.2f}, shared name {sorted(names)[0]}"
        best = max(best, 0.9)
    else:
        best = min(best, float(settings()["target_common_cap"]))
        detail = f"best target match {best:.2f}, no shared name"
    return Reason("target", best, float(settings()["weights"]["target"]), detail)


def attack_reason(a: Profile, b: Profile) -> Reason | None:
    """Shared attack types (as a share of the shorter list), a shared weapon, or failing
    both kindred types that reports use for one incident interchangeably (an air strike,
    a missile strike, a bombing; gunfire and a ground assault). A drone and a rocket
    attack at one place are more often two incidents, and stay a disagreement."""
    if not a.attack_types or not b.attack_types:
        return None
    # Overlap, not Jaccard: a report that lists rockets, gunfire and a ground assault
    # agrees with one that only mentions the assault.
    shared = len(a.attack_types & b.attack_types)
    overlap = shared / min(len(a.attack_types), len(b.attack_types))
    weapon = 1.0 if a.weapons & b.weapons else 0.0
    value = max(overlap, weapon)
    detail = f"attack types {sorted(a.attack_types)} vs {sorted(b.attack_types)}"
    if weapon:
        detail += f", shared weapon {sorted(a.weapons & b.weapons)[0]}"
    if value == 0.0:
        kin = next((group for group in settings()["attack_kin"]
                    if a.attack_types & set(group) and b.attack_types & set(group)), None)
        if kin is not None:
            value = float(settings()["attack_family_value"])
            detail += f", kindred types ({'/'.join(kin)})"
    return Reason("attack", value, float(settings()["weights"]["attack"]), detail)


def casualty_reason(a: Profile, b: Profile) -> Reason | None:
    """Tolls rise between reports, so only figures far apart count against a match."""
    pairs = [(x, y) for x, y in ((a.fatalities, b.fatalities), (a.injured, b.injured))
             if x is not None and y is not None]
    if not pairs:
        return None
    ratios = [1.0 if max(x, y) == 0 else min(x, y) / max(x, y) for x, y in pairs]
    value = 1.0 if min(ratios) >= 0.25 else 0.0
    return Reason("casualties", value, float(settings()["weights"]["casualties"]),
                  "figures " + "; ".join(f"{x} vs {y}" for x, y in pairs))


def text_reason(a: Profile, b: Profile) -> Reason | None:
    if a.signature is None or b.signature is None:
        return None
    jac = float(np.count_nonzero(a.signature == b.signature)) / len(a.signature)
    floor, full = float(settings()["text_jaccard_floor"]), float(settings()["text_jaccard_full"])
    value = min(1.0, max(0.0, (jac - floor) / (full - floor)))
    return Reason("text", value, float(settings()["weights"]["text"]),
                  f"MinHash Jaccard of describing sentences {jac:.2f}")


def score_pair(a: Profile, b: Profile) -> PairScore:
    """How likely two mentions describe the same incident, with the evidence."""
    if b.key < a.key:  # the same pair always reads the same way, whatever came first
        a, b = b, a
    reasons: list[Reason] = []
    for check in (time_reason, place_reason):
        found = check(a, b)
        if isinstance(found, str):
            return PairScore(0.0, reasons, veto=found)
        if found is not None:
            reasons.append(found)
    for other in (perpetrator_reason, target_reason, attack_reason, casualty_reason,
                  text_reason):
        found_other = other(a, b)
        if found_other is not None:
            reasons.append(found_other)
    total = sum(r.weight for r in reasons)
    score = sum(r.value * r.weight for r in reasons) / total if total else 0.0
    return PairScore(round(score, 4), reasons)


def threshold() -> float:
    """The ``merge_threshold`` setting."""
    return float(config.get("merge_threshold"))
