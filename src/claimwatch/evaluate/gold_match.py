"""Comparing one system event with one gold event, field by field, as gold/README.md says.

System events are contract dicts (``Event.to_dict()`` or a saved ``extract --format json``
output); gold events are the dicts of a gold file. Every check returns ``True``/``False``,
or ``None`` when the gold leaves the field out (the field is then not scored).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

from claimwatch.evaluate.gold_values import (
    as_list,
    distance_km,
    item_key,
    name_key,
    options,
    parse_date,
    same_text,
)

DEFAULT_RADIUS_KM = 25.0
MISSING = object()

_NAME_QUALIFIER = re.compile(r"^(?:near|outside|around)\s+", re.IGNORECASE)

Check = Callable[[dict[str, Any], dict[str, Any]], bool | None]


# --- compatibility (may these two be the same incident?) --------------------------------

def _type_sets(value: Any) -> list[set[str]]:
    """Each ``any_of`` option of an attack-type value as a set (a string is a one-item set)."""
    sets: list[set[str]] = []
    for opt in options(value):
        if opt is None:
            sets.append(set())
        elif isinstance(opt, str):
            sets.append({opt.casefold()})
        else:
            sets.append({str(t).casefold() for t in opt})
    return sets


def gold_type_pool(gold: dict[str, Any]) -> set[str] | None:
    """Every attack type the gold names or tolerates; ``None`` when it names none."""
    pool: set[str] = set()
    named = False
    for key in ("attack_types", "attack_types_required"):
        if gold.get(key) is not None:
            named = True
            for s in _type_sets(gold[key]):
                pool |= s
    if not named:
        return None
    for t in gold.get("attack_types_allowed") or []:
        pool.add(str(t).casefold())
    return pool


def system_types(system: dict[str, Any]) -> set[str]:
    return {str(t).casefold() for t in system.get("attack_types") or []}


def gold_ranges(gold: dict[str, Any]) -> list[tuple[dt.date, dt.date, Any]]:
    """The gold date and each ``date_also_right`` entry as (start, end, precision)."""
    ranges = []
    for entry in [gold, *(gold.get("date_also_right") or [])]:
        for start_opt in options(entry.get("date_start")):
            start = parse_date(start_opt)
            if start is None:
                continue
            end_value = entry.get("date_end")
            end_opts = options(end_value) if end_value is not None else [start_opt]
            for end_opt in end_opts:
                end = parse_date(end_opt) or start
                ranges.append((start, end, entry.get("date_precision", MISSING)))
    return ranges


def system_range(system: dict[str, Any]) -> tuple[dt.date, dt.date] | None:
    start = parse_date(system.get("date_start"))
    if start is None:
        return None
    return start, parse_date(system.get("date_end")) or start


def place_right(gold: dict[str, Any], system: dict[str, Any]) -> bool | None:
    """Within radius_km where both sides have coordinates, else the same name."""
    gloc = gold.get("location")
    if not isinstance(gloc, dict):
        return None
    sloc = system.get("location") or {}
    if not isinstance(sloc, dict):
        return False
    coords: list[Any] = [sloc.get("latitude"), sloc.get("longitude"),
                         gloc.get("latitude"), gloc.get("longitude")]
    if None not in coords:
        lat, lon, glat, glon = (float(c) for c in coords)
        radius = gloc.get("radius_km")
        limit = DEFAULT_RADIUS_KM if radius is None else float(radius)
        return distance_km(glat, glon, lat, lon) <= limit
    return sloc.get("name") is not None and same_text(gloc.get("name"), sloc.get("name"))


def gold_place_names(value: Any, *, heads: bool = True) -> list[Any]:
    """The gold place's name options and, with ``heads``, the name each starts with.

    Gold names are often descriptions ("Dorfheim, Upper Valley district",
    "Salina (not the one in Kansas)", "near Oakbridge, Eastern province"). The place they
    name is the text before the first comma or parenthesis, without a leading
    "near"/"outside"/"around". ``heads=False`` is the letter-for-letter reading
    (``eval gold --exact-place-names``).
    """
    names = list(options(value))
    if not heads:
        return names
    found: list[str] = []
    for name in names:
        if not isinstance(name, str):
            continue
        head = re.split(r"[,(]", name, maxsplit=1)[0].strip()
        head = _NAME_QUALIFIER.sub("", head).strip()
        if head and head.casefold() != name.casefold():
            found.append(head)
    return names + found


def bears_name(gold: dict[str, Any], system: dict[str, Any], *, heads: bool = True) -> bool:
    """Whether the system place bears the gold place's name (see ``gold_place_names``)."""
    gloc, sloc = gold.get("location"), system.get("location")
    if not isinstance(gloc, dict) or not isinstance(sloc, dict) or sloc.get("name") is None:
        return False
    names = gold_place_names(gloc.get("name"), heads=heads)
    return same_text({"any_of": names}, sloc.get("name"))


def _place_compatible(gold: dict[str, Any], system: dict[str, Any], *, heads: bool) -> bool:
    """Within the radius of the gold coordinates, or bearing the gold place's name."""
    gloc = gold.get("location")
    if not isinstance(gloc, dict):
        return True
    sloc = system.get("location") or {}
    if not isinstance(sloc, dict):
        return False
    return bears_name(gold, system, heads=heads) or bool(place_right(gold, system))


def incompatibilities(gold: dict[str, Any], system: dict[str, Any], *,
                      name_heads: bool = True) -> list[str]:
    """Why a system event cannot match a gold event: the failed parts of the test, if any.

    ``name_heads``: whether a gold place description is borne by the name it starts with.
    """
    failed = []
    pool = gold_type_pool(gold)
    if pool is not None and not pool & system_types(system):
        failed.append(f"attack types {sorted(system_types(system))} vs {sorted(pool)}")
    ranges = gold_ranges(gold)
    if ranges:
        srange = system_range(system)
        if srange is None or not any(s <= srange[1] and srange[0] <= e for s, e, _ in ranges):
            got = "none" if srange is None else f"{srange[0]}..{srange[1]}"
            failed.append(f"date {got} vs {ranges[0][0]}..{ranges[0][1]}")
    if not _place_compatible(gold, system, heads=name_heads):
        failed.append(f"place {_place_gap(gold, system)}")
    return failed


def _place_gap(gold: dict[str, Any], system: dict[str, Any]) -> str:
    gloc, sloc = gold.get("location") or {}, system.get("location") or {}
    name = sloc.get("name") if isinstance(sloc, dict) else None
    coords: list[Any] = [sloc.get("latitude"), sloc.get("longitude"), gloc.get("latitude"),
                         gloc.get("longitude")] if isinstance(sloc, dict) else [None]
    if None in coords:
        return f"{name!r} (no coordinates) vs {gloc.get('name')!r}"
    km = distance_km(*(float(c) for c in coords))
    radius = gloc.get("radius_km") or DEFAULT_RADIUS_KM
    return f"{name!r} {km:.0f} km from {gloc.get('name')!r} (radius {radius} km)"


def compatible(gold: dict[str, Any], system: dict[str, Any], *,
               name_heads: bool = True) -> bool:
    """Attack types overlap, dates overlap and the place agrees (gold-absent parts pass)."""
    return not incompatibilities(gold, system, name_heads=name_heads)


# --- fields ---------------------------------------------------------------------------

def _plain(key: str) -> Check:
    def check(gold: dict[str, Any], system: dict[str, Any]) -> bool | None:
        if key not in gold:
            return None
        return same_text(gold[key], system.get(key))
    return check


def date_right(gold: dict[str, Any], system: dict[str, Any]) -> bool | None:
    """Start, end and (if the gold gives it) precision equal, or one date_also_right entry."""
    if "date_start" not in gold:
        return None
    srange = system_range(system)
    if srange is None:
        return False
    for start, end, precision in gold_ranges(gold):
        if (start, end) != srange:
            continue
        if precision is MISSING or same_text(precision, system.get("date_precision")):
            return True
    return False


def _actor_names(actor: dict[str, Any]) -> set[str]:
    names = {name_key(actor.get("name"))}
    names |= {name_key(a) for a in actor.get("aliases") or []}
    return names - {""}


def _actor_right(gold: dict[str, Any], system: dict[str, Any], key: str, role: str) -> bool | None:
    gactor = gold.get(key)
    if key not in gold:
        return None
    gactor = gactor if isinstance(gactor, dict) else {"name": gactor}
    name_opts = options(gactor.get("name"))
    accepted = {name_key(n) for n in name_opts if n is not None}
    accepted |= {name_key(a) for a in gactor.get("aliases") or []}
    actors = [a for a in system.get("actors") or []
              if isinstance(a, dict) and a.get("role") == role]
    forbidden = {name_key(n) for n in as_list(gold.get(f"{key}_not"))}
    if any(_actor_names(a) & forbidden for a in actors):
        return False
    if not actors:
        return None in name_opts
    return any(_actor_names(a) & accepted for a in actors)


def perpetrator_right(gold: dict[str, Any], system: dict[str, Any]) -> bool | None:
    return _actor_right(gold, system, "perpetrator", "perpetrator")


def target_actor_right(gold: dict[str, Any], system: dict[str, Any]) -> bool | None:
    return _actor_right(gold, system, "target_actor", "target")


def attack_types_right(gold: dict[str, Any], system: dict[str, Any]) -> bool | None:
    """Contains the gold types and nothing beyond them and attack_types_allowed."""
    has_exact = gold.get("attack_types") is not None
    has_required = gold.get("attack_types_required") is not None
    if not (has_exact or has_required):
        return None
    got = system_types(system)
    allowed_list = gold.get("attack_types_allowed")
    allowed = {str(t).casefold() for t in allowed_list or []}
    if has_required and not any(req <= got for req in _type_sets(gold["attack_types_required"])):
        return False
    if has_exact:
        wanted = _type_sets(gold["attack_types"])
        return any(want <= got and got <= want | allowed for want in wanted)
    if allowed_list is None:
        return True
    return any(got <= req | allowed for req in _type_sets(gold["attack_types_required"]))


def _system_items(system: dict[str, Any], key: str) -> set[str]:
    items = set()
    for item in system.get(key) or []:
        text = item.get("text") if isinstance(item, dict) else item
        if text:
            items.add(item_key(text))
    return items


def _items_right(key: str) -> Check:
    def check(gold: dict[str, Any], system: dict[str, Any]) -> bool | None:
        if key not in gold:
            return None
        got = _system_items(system, key)
        value = gold[key]
        if isinstance(value, dict) and set(value) == {"any_of"}:
            return any(_want_items(opt, got) for opt in value["any_of"])
        return _want_items(value, got)
    return check


def _want_items(want: Any, got: set[str]) -> bool:
    """A string option wants that item; a list every item; [] or null nothing at all."""
    if want is None or want == []:
        return not got
    if isinstance(want, str):
        return item_key(want) in got
    return all(item_key(w) in got for w in want)


def _count_answers(value: dict[str, Any]) -> list[tuple[Any, Any]]:
    answers = [(value.get("low"), value.get("high"))]
    extra = value.get("also_right")
    for alt in extra if isinstance(extra, list) else [extra] if extra else []:
        merged = {"low": value.get("low"), "high": value.get("high"), **alt}
        answers.append((merged.get("low"), merged.get("high")))
    return answers


def _count_right(key: str) -> Check:
    def check(gold: dict[str, Any], system: dict[str, Any]) -> bool | None:
        value = gold.get(key)
        if not isinstance(value, dict):
            return None
        count = system.get(key) or {}
        got = (count.get("low"), count.get("high"))
        return any(
            low_opt == got[0] and high_opt == got[1]
            for low, high in _count_answers(value)
            for low_opt in options(low) for high_opt in options(high)
        )
    return check


def status_right(gold: dict[str, Any], system: dict[str, Any]) -> bool | None:
    if "status" not in gold:
        return None
    return same_text(gold["status"], system.get("status")) or any(
        same_text(alt, system.get("status")) for alt in as_list(gold.get("status_also_right")))


def _system_responsibility(system: dict[str, Any]) -> dict[str, Any]:
    resp = system.get("responsibility")
    return resp if isinstance(resp, dict) else {}


def responsibility_status_right(gold: dict[str, Any], system: dict[str, Any]) -> bool | None:
    resp = gold.get("responsibility")
    if not isinstance(resp, dict) or "status" not in resp:
        return None
    got = _system_responsibility(system).get("status")
    alternatives = [resp["status"]]
    for alt in as_list(resp.get("also_right")):
        alternatives.append(alt.get("status") if isinstance(alt, dict) else alt)
    return any(same_text(alt, got) for alt in alternatives if alt is not None)


def _perpetrator_group(gold: dict[str, Any]) -> set[str]:
    perp = gold.get("perpetrator")
    if not isinstance(perp, dict):
        return set()
    group = {name_key(n) for n in options(perp.get("name")) if n is not None}
    return group | {name_key(a) for a in perp.get("aliases") or []}


def _same_names(gold_names: Iterable[Any], got: set[str], group: set[str]) -> bool:
    """The same names both ways; names in the perpetrator's alias group stand for each other."""
    want = {name_key(n) for n in gold_names}

    def match(a: str, b: str) -> bool:
        return a == b or (a in group and b in group)

    return (all(any(match(g, s) for s in got) for g in want)
            and all(any(match(s, g) for g in want) for s in got))


def responsibility_by_right(gold: dict[str, Any], system: dict[str, Any]) -> bool | None:
    resp = gold.get("responsibility")
    if not isinstance(resp, dict) or "by" not in resp:
        return None
    got = {name_key(n) for n in _system_responsibility(system).get("by") or []}
    group = _perpetrator_group(gold)
    answers = list(options(resp["by"]))
    answers += [alt["by"] for alt in as_list(resp.get("also_right"))
                if isinstance(alt, dict) and "by" in alt]
    return any(_same_names(ans or [], got, group) for ans in answers)


FIELDS: dict[str, Check] = {
    "mention_role": _plain("mention_role"),
    "event_type": _plain("event_type"),
    "sub_event_type": _plain("sub_event_type"),
    "date": date_right,
    "location": place_right,
    "perpetrator": perpetrator_right,
    "target_actor": target_actor_right,
    "attack_types": attack_types_right,
    "weapons": _items_right("weapons"),
    "targets": _items_right("targets"),
    "fatalities": _count_right("fatalities"),
    "injured": _count_right("injured"),
    "abducted": _count_right("abducted"),
    "status": status_right,
    "responsibility_status": responsibility_status_right,
    "responsibility_by": responsibility_by_right,
}


def pair_score(gold: dict[str, Any], system: dict[str, Any]) -> float:
    """1, +1 perpetrator right, +0.5 date exact, +0.25 mention role, +0.25 place in radius."""
    score = 1.0
    score += 1.0 if perpetrator_right(gold, system) else 0.0
    score += 0.5 if date_right(gold, system) else 0.0
    score += 0.25 if FIELDS["mention_role"](gold, system) else 0.0
    score += 0.25 if place_right(gold, system) else 0.0
    return score


def match_events(gold_events: list[dict[str, Any]], system_events: list[dict[str, Any]],
                 *, name_heads: bool = True) -> list[tuple[int, int]]:
    """One-to-one greedy matching by pair score; ties to the earlier gold, then system."""
    pairs = [
        (-pair_score(g, s), gi, si)
        for gi, g in enumerate(gold_events)
        for si, s in enumerate(system_events)
        if compatible(g, s, name_heads=name_heads)
    ]
    pairs.sort()
    used_gold: set[int] = set()
    used_system: set[int] = set()
    matched = []
    for _, gi, si in pairs:
        if gi in used_gold or si in used_system:
            continue
        used_gold.add(gi)
        used_system.add(si)
        matched.append((gi, si))
    return sorted(matched)


def describe(field_name: str, event: dict[str, Any]) -> Any:
    """The value of a field as shown in error listings (gold or system side)."""
    if field_name == "date":
        return [event.get("date_start"), event.get("date_end"), event.get("date_precision")]
    if field_name in ("perpetrator", "target_actor"):
        if "actors" in event:
            role = "perpetrator" if field_name == "perpetrator" else "target"
            return [a.get("name") for a in event.get("actors") or [] if a.get("role") == role]
        return event.get(field_name)
    if field_name == "location":
        loc = event.get("location") or {}
        return {k: loc.get(k) for k in ("name", "latitude", "longitude", "radius_km") if k in loc}
    if field_name.startswith("responsibility"):
        resp = event.get("responsibility") or {}
        return resp.get("status") if field_name == "responsibility_status" else resp.get("by")
    if field_name == "attack_types":
        return {k: event.get(k) for k in ("attack_types", "attack_types_required",
                                          "attack_types_allowed") if k in event}
    if field_name == "targets" and isinstance(event.get("targets"), list):
        return [t.get("text") if isinstance(t, dict) else t for t in event["targets"]]
    return event.get(field_name)

