"""Turn claimwatch events into MUC-4 templates (incident type + five string-fill roles).

The mapping uses only what the pipeline outputs, plus plain text search to turn a value
into the string the document uses for it (MUC scores strings, "first mentions"):

incident type  abduction -> kidnapping; arson -> arson; bombing, ied, or an explosive
               weapon (bomb, dynamite, explosive, grenade, car bomb...) -> bombing;
               every other attack type -> attack. claimwatch has no robbery or forced
               work stoppage type, so those gold templates can only be missed.
PerpInd        perpetrator actors that are not organisations: people and descriptions
               ("guerrillas", "urban terrorists", "members of the FMLN").
               (Claimants and the names in ``responsibility.by`` count as perpetrators.)
PerpOrg        perpetrator actors that are organisations or states (``kind``), or whose
               surface is a proper name or acronym; "members of the FMLN" gives both the
               description (PerpInd) and the organisation after "of" (PerpOrg).
Target         targets that are things (not a person noun, not a named person).
Victim         victims, and targets that are people.
Weapon         weapons, as the document writes them (singular or plural).

Relevance follows the MUC-4 task definition (template-doc part 1, section 1.0): attacks on
a military/police installation or force are guerrilla warfare, not terrorism, so an event
whose every target is military, with no victim, gives no template. (claimwatch's ACLED
"Battles" type is not used for this: it also covers armed groups attacking property.) Events of
the same incident type in one document are taken as one incident (one template), which is
how most MUC-4 keys read (79 of the 116 relevant dev documents have one template).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

from claimwatch.evaluate.muc4_metrics import ROLES, Entity, RoleFillers, Template, normalize_string
from claimwatch.model import Actor, Event

INCIDENT_ORDER = ("kidnapping", "arson", "bombing", "attack")
ORG_KINDS = ("organization", "state")


def incident_type(event: Event) -> str:
    """The MUC-4 incident type that best names a claimwatch event."""
    types = set(event.attack_types)
    if "abduction" in types:
        return "kidnapping"
    if "arson" in types:
        return "arson"
    explosives = mapping_words("explosive_weapons")
    if types & {"bombing", "ied"} or any(
            w.split()[-1].rstrip("s") in explosives for w in event.weapons if w.strip()):
        return "bombing"
    return "attack"


def is_relevant(event: Event) -> bool:
    """False for attacks on purely military targets without victims."""
    if event.victims:
        return True
    kinds = {t.type for t in event.targets}
    return not (kinds and kinds <= {"military"})


@cache
def mapping_words(name: str) -> frozenset[str]:
    """A word list from ``data/muc4_mapping.json``, lower-cased (each list read once)."""
    from claimwatch.extract.lexicon import load_data

    return frozenset(str(w).lower() for w in load_data("muc4_mapping.json")[name])


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Person nouns: the extraction lexicon's list plus the mapping's titles and roles."""
    from claimwatch.extract.lexicon import lexicon

    words = lexicon().cues.get("person_nouns", [])
    return frozenset(str(w).lower() for w in words) | mapping_words("person_nouns")


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
    head_word = head.split()[-1].lower() if head.split() else ""
    heads = person_nouns() | mapping_words("perpetrator_heads")
    if sep and (head_word in heads or head_word.rstrip("s") in heads):
        org = find_mention(text, tail.removeprefix("the "))
        return [surface], [org] if org else []
    if actor.kind in ORG_KINDS or _is_org_name(surface, cased_text):
        return _members_named(text, [actor.name, *actor.aliases]), [surface]
    if _is_proper(surface, cased_text):
        return [], []  # a lone capitalised word: a demonym or a person, not an organisation
    return [description_core(surface)], []


def _perp_head(word: str) -> bool:
    word = word.lower().strip(".,;:'\"")
    heads = person_nouns() | mapping_words("perpetrator_heads")
    return word in heads or word.rstrip("s") in heads or word.removesuffix("es") in heads


def description_core(phrase: str) -> str:
    """A perpetrator description cut to its noun phrase: "several urban guerrillas" ->
    "urban guerrillas", "terrorists at the intersection of ..." -> "terrorists". The head
    run ends it ("urban guerrilla commandos"); "of" stays after a group word ("members of
    the FMLN")."""
    words = phrase.split()
    while len(words) > 1 and words[0].lower() in mapping_words("vague_quantifiers"):
        words = words[1:]
    for i, w in enumerate(words):
        if w.lower() in mapping_words("phrase_stops"):
            words = words[:i]
            break
    for i, w in enumerate(words):
        if not _perp_head(w):
            continue
        end = i + 1
        while end < len(words) and _perp_head(words[end]):
            end += 1
        if end < len(words) and words[end].lower() == "of" and words[end - 1].lower().rstrip(
                "s") in mapping_words("group_heads"):
            return " ".join(words)
        return " ".join(words[:end])
    return " ".join(words) if words else phrase


def _members_named(text: str, names: Sequence[str]) -> list[str]:
    """ "FMLN guerrillas", "ELN urban commandos": an organisation's name before a word for
    its fighters is also a description of the individuals (MUC-4 PerpInd)."""
    for name in names:
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"((?: [a-z]+){1,2})(?!\w)", text,
                             re.IGNORECASE):
            words = m.group(1).split()
            if _perp_head(words[0]) or (len(words) > 1 and _perp_head(words[1])):
                return [description_core(m.group())]
    return []


def _is_org_name(surface: str, cased_text: str) -> bool:
    """An acronym ("FMLN") or a proper name of two or more words ("Medellin Cartel")."""
    m = re.search(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", cased_text, re.IGNORECASE)
    written = m.group() if m else surface
    if re.fullmatch(r"[A-Z][A-Z.&-]{1,9}", written):
        return True
    return len(written.split()) >= MIN_NAME_WORDS and _is_proper(surface, cased_text)


def head_noun(phrase: str) -> str:
    """The head of a simple noun phrase: the last word before any "of" complement."""
    words = phrase.lower().split(" of ")[0].split()
    return words[-1].strip(".,'\"") if words else ""


def _person_word(word: str) -> bool:
    nouns = person_nouns()
    return word in nouns or word.rstrip("s") in nouns or word.removesuffix("men") + "man" in nouns


def is_person(phrase: str, cased_text: str) -> bool:
    """People, not things: a person noun or title in the phrase, or a person's name.

    "a peasant", "three priests", "Antioquia governor Antonio Roldan" are people; a phrase
    whose head is a building or vehicle ("the mayor's office") is a thing.
    """
    words = [w.strip(".,'\"") for w in phrase.lower().split()]
    if not words or head_noun(phrase) in mapping_words("thing_nouns"):
        return False
    if any(w.endswith("'s") for w in words[:-1]):
        return True
    if any(_person_word(w) for w in words):
        return True
    return len(words) <= 4 and _is_proper(phrase, cased_text)


NAME_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?")
MIN_NAME_WORDS = 2


def person_name(phrase: str, text: str, cased_text: str, *, victim: bool = False) -> str | None:
    """The full name inside a person phrase, as the document first writes it.

    MUC-4's Victim is the human target's *name* (slot 18); descriptions ("a peasant")
    are another slot. "Antioquia governor Antonio Roldan" gives "antonio roldan betancur"
    when the text writes the name in full: the capitalised run after the last title word,
    extended over the capitalised words around its first occurrence.
    """
    m = re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", cased_text, re.IGNORECASE)
    if m is None:
        return None
    words = m.group().split()
    run: list[str] = []
    for w in words:
        if NAME_WORD.fullmatch(w) and not _person_word(w.lower()):
            run.append(w)
        else:
            run = []
    if not run or (len(run) < MIN_NAME_WORDS and not victim
                   and not any(_person_word(w.lower()) for w in words)):
        return None  # "University" alone may be any name; "attorney general Garcia" a person
    spans = [_extend(m.start(), m.end(), cased_text) for m in re.finditer(
        r"(?<!\w)" + re.escape(" ".join(run)) + r"(?!\w)", cased_text)]
    # a surname alone ("Garcia") is the person the document names in full elsewhere
    full = [(a, b) for a, b in spans if len(cased_text[a:b].split()) >= MIN_NAME_WORDS]
    if not full or _place_name(text[full[0][0]:full[0][1]]):
        return None
    return text[full[0][0]:full[0][1]]


def _extend(start: int, end: int, cased_text: str) -> tuple[int, int]:
    """A name's span widened over the name words around it."""
    while (nxt := re.match(r" ([A-Za-z]+)(?!\w)", cased_text[end:])) and _name_part(nxt.group(1)):
        end += nxt.end()
    while True:
        window = max(0, start - 30)
        prev = re.search(r"(?<!\w)([A-Za-z]+) $", cased_text[window:start])
        if prev is None or not _name_part(prev.group(1)) or _sentence_start(
                cased_text, window + prev.start(1)):
            break
        start -= len(prev.group(0))
    return start, end


def _place_name(name: str) -> bool:
    """ "Santo Tomas", "Berlin canton": a place the gazetteer knows, or a phrase headed by a
    place noun, is not a person's name."""
    from claimwatch.resolve.gazetteer import Gazetteer, GazetteerError

    if head_noun(name) in mapping_words("place_nouns"):
        return True
    try:
        return bool(Gazetteer.load().lookup(name.lower()))
    except GazetteerError:
        return False


def _name_part(word: str) -> bool:
    """A capitalised word, or a word the truecaser only knows from a word list ("carlos")."""
    from claimwatch.nlp.truecase import case_table

    if _person_word(word.lower()):
        return False
    return bool(NAME_WORD.fullmatch(word)) or case_table().get(word.lower()) == ""


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3):pos]
    return pos == 0 or bool(re.search(r"[.!?\"(]\s*$", before)) or before.strip() == ""


def responsible_actors(event: Event) -> list[Actor]:
    """Perpetrators and claimants, plus whoever the responsibility record names.

    A group that claims an attack is its perpetrator organisation in MUC-4's terms (with
    confidence CLAIMED OR ADMITTED), so claimants count as perpetrators here.
    """
    actors = [a for a in event.actors if a.role in ("perpetrator", "claimant")]
    known = {a.name.lower() for a in actors}
    for name in event.responsibility.by:
        if name.lower() not in known:
            known.add(name.lower())
            actors.append(Actor(name, "perpetrator"))
    return actors


def unnamed_attackers(event: Event) -> list[str]:
    """ "unidentified persons", "gunmen": attackers the report does not name. claimwatch
    leaves them out of the perpetrators (who they were is not known) and explains why;
    MUC-4's PerpInd is exactly such a description."""
    from claimwatch.extract.mentions import UNNAMED_ATTACKER

    return [e.detail for e in event.explanations
            if e.field == "perpetrator" and e.rule == UNNAMED_ATTACKER and e.detail]


def event_template(event: Event, text: str, cased_text: str) -> Template:
    """The MUC-4 template (strings as found in ``text``) for one claimwatch event."""
    fills: dict[str, list[str]] = {role: [] for role in ROLES}
    for actor in responsible_actors(event):
        ind, org = perpetrator_fills(actor, text, cased_text)
        fills["PerpInd"] += ind
        fills["PerpOrg"] += org
    for phrase in unnamed_attackers(event):
        found = find_mention(text, description_core(phrase))
        if found:
            fills["PerpInd"].append(found)
    for target in event.targets:
        found = find_mention(text, _whole_thing(_strip_determiners(target.text)))
        if found and target.type == "unknown" and head_noun(found) not in mapping_words(
                "thing_nouns") and not is_person(found, cased_text):
            continue  # "more than 100 shots", "the struggle": not a physical target
        if found and not is_person(found, cased_text):
            fills["Target"].append(found)
        elif found and (name := person_name(found, text, cased_text)):
            fills["Victim"].append(name)
    for victim in event.victims:
        found = find_mention(text, victim.text)
        if found and (name := person_name(found, text, cased_text, victim=True)):
            fills["Victim"].append(name)
    for weapon in event.weapons:
        found = find_mention(text, weapon)
        if found:
            fills["Weapon"].append(found)
    template: Template = {"incident_type": incident_type(event)}
    for role in ROLES:
        template[role] = _as_entities(fills[role])
    return template


def _whole_thing(phrase: str) -> str:
    """ "the 6th floor of the Hilton hotel", "the roof of the vehicle": MUC-4's physical
    target is the whole building or vehicle, not the part that was hit."""
    head, sep, tail = phrase.partition(" of ")
    if sep and head_noun(head) in mapping_words("part_nouns") and tail.strip():
        return tail.strip().removeprefix("the ")
    return phrase


DETERMINERS = re.compile(r"^(?:his|her|their|its|our|your|my|this|that|these|those)\s+", re.I)


def _strip_determiners(phrase: str) -> str:
    """MUC fillers leave out possessive and demonstrative determiners ("his car" -> "car")."""
    return DETERMINERS.sub("", phrase.strip())


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
