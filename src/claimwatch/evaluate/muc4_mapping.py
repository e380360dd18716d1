"""Turn claimwatch events into MUC-4 templates (incident type + five string-fill roles).

The mapping uses only what the pipeline outputs, plus plain text search to turn a value
into the string the document uses for it (MUC scores strings, "first mentions"):

incident type  abduction -> kidnapping; arson -> arson; bombing, ied, or an explosive
               weapon (bomb, dynamite, explosive, grenade, car bomb...) -> bombing;
               every other attack type -> attack. claimwatch has no robbery or forced
               work stoppage type, so those gold templates can only be missed.
PerpInd        perpetrator actors that are not organisations: people and descriptions
               ("guerrillas", "urban terrorists", "members of the FMLN").
PerpOrg        perpetrator actors that are organisations or states (``kind``), or whose
               surface is a proper name or acronym; "members of the FMLN" gives both the
               description (PerpInd) and the organisation after "of" (PerpOrg).
Target         targets that are things (not a person noun, not a named person).
Victim         victims, and targets that are people.
Weapon         weapons, as the document writes them (singular or plural).

Relevance follows the MUC-4 task definition (template-doc part 1, section 1.0): clashes
between armed forces and guerrillas are not terrorist incidents, so an event typed
"Battles" or whose every target is military, with no victim, gives no template. Events of
the same incident type in one document are taken as one incident (one template), which is
how most MUC-4 keys read (79 of the 116 relevant dev documents have one template).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from claimwatch.evaluate.muc4_metrics import ROLES, Entity, RoleFillers, Template, normalize_string
from claimwatch.model import Actor, Event

EXPLOSIVE_WEAPONS = ("bomb", "dynamite", "explosive", "grenade", "charge", "device", "tnt",
                     "mine", "car bomb", "petard")
INCIDENT_ORDER = ("kidnapping", "arson", "bombing", "attack")
ORG_KINDS = ("organization", "state")


def incident_type(event: Event) -> str:
    """The MUC-4 incident type that best names a claimwatch event."""
    types = set(event.attack_types)
    if "abduction" in types:
        return "kidnapping"
    if "arson" in types:
        return "arson"
    if types & {"bombing", "ied"} or any(
            w.split()[-1].rstrip("s") in EXPLOSIVE_WEAPONS for w in event.weapons if w):
        return "bombing"
    return "attack"


def is_relevant(event: Event) -> bool:
    """False for armed clashes and attacks on purely military targets without victims."""
    if event.victims:
        return True
    kinds = {t.type for t in event.targets}
    if event.event_type == "Battles" and not (kinds - {"military", "unknown", "area"}):
        return False
    return not (kinds and kinds <= {"military"})


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Person nouns from the extraction lexicon (the same list the extractor uses)."""
    from claimwatch.extract.lexicon import lexicon

    words = lexicon().cues.get("person_nouns", [])
    return frozenset(str(w).lower() for w in words) | {
        "man", "woman", "men", "women", "person", "people", "peasant", "peasants", "priest",
        "priests", "journalist", "journalists", "judge", "leader", "businessman", "student",
        "students", "member", "members", "official", "officials", "civilian", "civilians",
        "child", "children", "citizen", "citizens", "soldier", "soldiers", "policeman",
        "policemen", "guard", "guards", "mayor", "minister", "president", "candidate",
        "director", "family", "worker", "workers", "farmer", "farmers", "resident", "residents",
    }


def find_mention(text: str, phrase: str) -> str | None:
    """The first place ``text`` writes ``phrase`` (any case, plural allowed), as written."""
    phrase = phrase.strip(" ,.;:\"'")
    if not phrase:
        return None
    pattern = r"(?<!\w)" + re.escape(phrase) + r"(?:s|es)?(?!\w)"
    m = re.search(pattern, text, re.IGNORECASE)
    return m.group() if m else None


def _first_found(text: str, candidates: Iterable[str]) -> str | None:
    for cand in candidates:
        found = find_mention(text, cand)
        if found:
            return found
    return None


def _is_proper(surface: str, cased_text: str) -> bool:
    """A name or acronym: every content word capitalised where the (truecased) text has it."""
    m = re.search(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", cased_text, re.IGNORECASE)
    written = m.group() if m else surface
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", written) if w.lower() not in (
        "of", "the", "for", "and", "de", "del", "la", "el", "los", "las", "y")]
    return bool(words) and all(w[:1].isupper() for w in words)


def perpetrator_fills(actor: Actor, text: str, cased_text: str) -> tuple[list[str], list[str]]:
    """(PerpInd strings, PerpOrg strings) for one perpetrator actor."""
    surface = _first_found(text, [actor.name, *actor.aliases])
    if surface is None:
        return [], []
    head, sep, tail = surface.partition(" of ")
    if sep and head.split()[-1].lower() in person_nouns() | {"member", "members", "unit"}:
        org = find_mention(text, tail.removeprefix("the "))
        return [surface], [org] if org else []
    if actor.kind in ORG_KINDS or _is_proper(surface, cased_text):
        return [], [surface]
    return [surface], []


def is_person(phrase: str, cased_text: str) -> bool:
    """A person noun as head ("a peasant", "three priests") or a person's name."""
    words = phrase.lower().split()
    if not words:
        return False
    if words[-1] in person_nouns() or words[-1].rstrip("s") in person_nouns():
        return True
    return len(words) <= 4 and _is_proper(phrase, cased_text) and not any(
        w in ("embassy", "building", "plant", "station", "office", "farm", "bank") for w in words)


def event_template(event: Event, text: str, cased_text: str) -> Template:
    """The MUC-4 template (strings as found in ``text``) for one claimwatch event."""
    fills: dict[str, list[str]] = {role: [] for role in ROLES}
    for actor in event.actors:
        if actor.role == "perpetrator":
            ind, org = perpetrator_fills(actor, text, cased_text)
            fills["PerpInd"] += ind
            fills["PerpOrg"] += org
    for target in event.targets:
        found = find_mention(text, target.text)
        if found:
            fills["Victim" if is_person(found, cased_text) else "Target"].append(found)
    for victim in event.victims:
        found = find_mention(text, victim.text)
        if found:
            fills["Victim"].append(found)
    for weapon in event.weapons:
        found = find_mention(text, weapon)
        if found:
            fills["Weapon"].append(found)
    template: Template = {"incident_type": incident_type(event)}
    for role in ROLES:
        template[role] = _as_entities(fills[role])
    return template


def _as_entities(strings: Sequence[str]) -> list[Entity]:
    """One single-mention entity per distinct (normalised) string."""
    seen: set[str] = set()
    out: list[Entity] = []
    for s in strings:
        key = normalize_string(s)
        if key and key not in seen:
            seen.add(key)
            out.append([s])
    return out


def _fillers(template: Template, role: str) -> list[Entity]:
    value = template[role]
    assert isinstance(value, list)
    return value


def _merge(templates: Sequence[Template]) -> Template:
    merged: Template = {"incident_type": templates[0]["incident_type"]}
    for role in ROLES:
        merged[role] = _as_entities([e[0] for t in templates for e in _fillers(t, role)])
    return merged


def document_templates(events: Sequence[Event], text: str, cased_text: str) -> list[Template]:
    """One template per incident type among the relevant events of one document."""
    by_type: dict[str, list[Template]] = {}
    for event in events:
        if is_relevant(event):
            t = event_template(event, text, cased_text)
            by_type.setdefault(str(t["incident_type"]), []).append(t)
    return [_merge(by_type[k]) for k in INCIDENT_ORDER if k in by_type]


def role_fillers(templates: Sequence[Template]) -> RoleFillers:
    """The REE view: every template's fillers merged per role (GRIT's task)."""
    if not templates:
        return {role: [] for role in ROLES}
    merged = _merge(templates)
    return {role: _fillers(merged, role) for role in ROLES}
