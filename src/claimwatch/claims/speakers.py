"""Who a speaker is (canonical name, kind, state) and which role it plays for one event.

The actor table (``claimwatch.resolve.actor``) gives canonical names, categories and
countries. A speaker named in the report by a proper name keeps that wording as its
``name`` ("Russia's defence ministry", "JNIM", "Moscow": what the annotators and readers
find in the text) and carries the table's name in ``canonical`` (recorded in the
assertion's explanation); lower-case descriptions ("the group") and embedded posts take
the canonical name; where it does not know a speaker, words in the phrase decide its kind ("a
witness", "UN officials", "Kramatorsk mayor") and a demonym or capital its state ("a US
defence official", "Moscow"). Nothing is guessed beyond that: an unknown speaker keeps its
surface text and role ``unknown``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from claimwatch.claims.lexicon import (
    claims_pattern,
    claims_words,
    country_in,
    has_word,
    lexicon,
    strip_titles,
)
from claimwatch.model import Mention

_STATE_CATEGORIES = ("state", "state_force", "government")
_CATEGORY_KIND = {
    "armed_group": "armed_group", "state_force": "state", "government": "state", "state": "state",
    "media": "media", "osint": "osint", "ngo": "ngo", "igo": "ngo", "individual": "individual",
}
_DETERMINER = claims_pattern("speakers", "determiner", re.IGNORECASE)
_PERSON_TAIL = re.compile(
    r"(?:^|\s)(?<!\bin\s)(?<!\bof\s)(?<!\bfor\s)(?<!\bfrom\s)(?<!\bat\s)(?<!\bto\s)"
    r"((?:[A-Z][\w'.-]+\s){0,3}[A-Z][\w'-]+)$")
_PROPER_HEAD = re.compile(r"((?:[A-Z][\w'-]*\s){1,4}[A-Z][\w'-]*)\s+[a-z][a-z ]+$")
_TARGET_NOUN = claims_pattern("speakers", "target_noun")
_WAS_KILLED = claims_pattern("speakers", "was_killed")
_KILLING = claims_pattern("speakers", "killing")
_USED_BY = claims_pattern("speakers", "used_by")
_DEPENDENT_OF = claims_pattern("speakers", "dependent_of")
_STAFF_OF = claims_pattern("speakers", "staff_of")
_SELF_NAMED = claims_pattern("speakers", "self_named")
_APPOSITIVE_NAME = claims_pattern("speakers", "appositive_name")
_SELF_NAMED_HEADS = claims_words("speakers", "self_named_heads")
_MEMBER_HEADS = claims_words("speakers", "member_heads")
_OWNER_HEADS = claims_words("speakers", "owner_heads")
_MOUTHPIECES = claims_words("speakers", "mouthpieces")
_PLACE_NAME_HEADS = claims_words("speakers", "place_name_heads")
_CAPITAL_RUN = re.compile(r"[A-Z][\w'.-]*(?:[\s-]+(?:of\s|in\s|al-|for\s)?[A-Z][\w'.-]*)*")


@dataclass
class Speaker:
    """A resolved speaker: what to call it and what kind of party it is."""

    surface: str
    name: str
    kind: str  # state | armed_group | media | osint | ngo | witness | individual | unknown
    handle: str | None = None
    country: str | None = None
    affiliation: str | None = None
    domestic: bool = False    # police, governors, local officials: of the place they speak for
    keys: set[str] = field(default_factory=set)   # lower-cased names it answers to
    canonical: str | None = None   # the actor table's name when ``name`` keeps the wording
    organisation: bool = False     # the table knows it as a body, not a person
    igo: bool = False              # a UN body or other intergovernmental organisation
    person: str | None = None      # the person's full name, for a later 'Kamau said'
    rule: str = "unresolved"


@dataclass(frozen=True)
class EventContext:
    """What a speaker's role is judged against: the event's perpetrators and target state."""

    perpetrator_keys: frozenset[str]
    perpetrator_countries: frozenset[str]
    target_country: str | None


@lru_cache(maxsize=1)
def _table() -> Any:
    try:
        from claimwatch.resolve.actor import ActorTable
    except ImportError:
        return None
    return ActorTable.load()


def actor_table() -> Any:
    """The actor table (None when it cannot be loaded)."""
    return _table()


def lookup(name: str | None) -> Any:
    """The actor table's entry for a name (None if unknown or the table is absent)."""
    match = _match(name)
    return match.entry if match is not None else None


def _match(name: str | None) -> Any:
    table = _table()
    if table is None or not name:
        return None
    return table.match(name)





def _by_handle(handle: str | None) -> Any:
    table = _table()
    if table is None or not handle:
        return None
    return table.by_handle(handle.lstrip("@"))


def norm_key(name: str) -> str:
    """A name for comparison: lower case, no articles or 'of/in', no punctuation."""
    words = re.findall(r"[a-z0-9]+", name.lower().replace("'s", ""))
    return " ".join(w for w in words if w not in ("the", "of", "in", "al"))


def clean_surface(text: str) -> str:
    """The speaker phrase without leading determiners, trailing punctuation or clauses."""
    text = re.split(r",|\(|—| who | which | that ", text.strip(), maxsplit=1)[0].strip()
    text = _DETERMINER.sub("", text).strip(" .,:;\"'“”‘’")
    return re.sub(r"\s+", " ", text)


def describe(surface: str, handle: str | None = None, context: str = "",
             person: str | None = None) -> Speaker:
    """Resolve a speaker phrase (plus any appositive context) to a Speaker.

    ``person`` is a person's name found inside the phrase ("Kramatorsk mayor Oleksandr
    Honcharenko"): it becomes the speaker's name when the table does not know the phrase.
    """
    clean = clean_surface(surface) or surface.strip()
    described = _described_by_patron(clean, handle)
    if described is not None:
        return described
    person = strip_titles(person) if person else None
    if person and _names_a_thing(clean, person):
        person = None   # 'the Bab Tuma hospital': a name the parser took for a person's
    entry, partial = _by_handle(handle), False
    tail = _PERSON_TAIL.search(clean)
    dependent = tail is not None and bool(_DEPENDENT_OF.search(clean[:tail.start(1)]))
    member = False
    if entry is None:
        match = _match(clean)
        entry = match.entry if match is not None else None
        partial = dependent and entry is not None   # 'an aide to X' is not X
        member = match is not None and match.rule.startswith("demonym") \
            and clean.split()[-1].lower() in _MEMBER_HEADS
    if entry is None:
        entry = next((e for e in map(lookup, _capital_runs(clean)) if e is not None), None)
        partial = entry is not None
    sp = Speaker(surface=clean, name=clean, kind="unknown", handle=handle)
    sp.keys = {norm_key(clean)}
    for m in re.finditer(r"\b(?:for|of|from)\s+(?:the\s+)?((?:[A-Z][\w'-]*\s?)+)", context):
        sp.keys.add(norm_key(m.group(1)))
    text = f"{clean} {context}"
    if entry is not None:
        _apply_entry(sp, entry, partial, text)
        if member:   # 'an Israeli official' is one of its people, not the body's account
            sp.handle = handle
        if clean[:1].isupper() and not handle and not re.fullmatch(r"[A-Z]{1,2}", clean):
            sp.canonical, sp.name = sp.name, _without_group_noun(clean, entry)
            # (a two-letter abbreviation like 'IS' is too bare a name: the table's is kept)
        word_kind = _kind_from_words(clean, None)
        if partial and word_kind in ("media", "osint", "ngo", "witness"):
            sp.kind = word_kind
        head = re.split(r"\s+(?:at|in|near|on|from|of)\s+", clean)[0].split()[-1].lower()
        if partial and entry.category == "media" and head in lexicon().observer_nouns:
            run = next((r for r in _capital_runs(clean) if lookup(r) is entry), entry.name)
            sp.name, sp.kind = run, "media"   # 'an AFP team at the site': AFP, as written
    else:
        sp.kind = _kind_from_words(text, handle)
        if sp.kind == "unknown" and _named_as_group(clean):
            sp.kind = "armed_group"   # 'the Karvash Liberation Front', 'the X group'
        elif sp.kind in ("unknown", "state") and _named_as_army_group(clean):
            sp.kind = "armed_group"   # 'the Korvani Liberation Army', not 'the Malian Army'
        sp.rule = f"words:{sp.kind}"
        if sp.kind == "unknown" and context:
            ctx_entry = next((e for e in map(lookup, _capital_runs(context)) if e is not None),
                             None)
            if ctx_entry is not None:
                _apply_entry(sp, ctx_entry, True, text)
    sp.country = sp.country or country_in(clean) or country_in(context)
    sp.domestic = has_word(clean, lexicon().kinds["domestic"]) and country_in(clean) is None
    sp.igo = sp.igo or has_word(clean, lexicon().kinds["igo"])
    proper = _PROPER_HEAD.match(clean)
    if person and person in clean and entry is not None and not partial \
            and entry.category != "individual" \
            and norm_key(clean) in {norm_key(n) for n in (entry.name, *entry.aliases)}:
        person = None   # a person-like word inside an organisation's name ('Nusrat al-Islam')
    if dependent or (person and person in clean
                     and _DEPENDENT_OF.search(clean[:clean.index(person)])):
        person = None   # 'an aide to Prime Minister X' speaks, not X (X's side is kept)
    if person and person != clean:
        sp.name = person
    elif tail and not dependent and tail.group(1) != clean and re.search(r"\b[a-z]", clean) \
            and not (entry is not None and not partial and not clean[:1].isupper()) \
            and _after_description(clean[:tail.start(1)]):
        sp.name = strip_titles(tail.group(1))   # the name after a description: "... agency UKMTO"
    elif proper and (entry is None or partial) \
            and not has_word(clean[proper.end(1):], tuple(_PLACE_NAME_HEADS)):
        sp.name = proper.group(1)   # "X Civil Defence rescue service" -> its name
    if person or (entry is not None and entry.kind == "individual" and not partial):
        sp.person = person or (entry.name if entry is not None else None)
    elif re.fullmatch(r"(?:[A-Z][\w'-]+\s){1,3}[A-Z][\w'-]+", sp.name) and sp.kind == "unknown":
        sp.person = sp.name
    if entry is None and not re.search(r"[A-Z]", clean) and re.match(r"(?:the )?[A-Z]", context) \
            and len(context.split()) <= 6:
        sp.name = clean_surface(context)   # 'the monitoring group Coastal Peace Watch' -> its name
    body_of = re.match(r"(?i:spokes(?:man|woman|person) (?:for|of) (?:the )?)(.{3,})$", clean)
    if body_of and not person:
        sp.name = body_of.group(1)   # 'spokesman for the navy's northern fleet' -> the body
    user = _USED_BY.search(clean)
    if user and entry is None:   # 'a blog run by the rebel militia'
        sp.name = re.split(r"\s+(?:in|from|based in)\s+", clean_surface(user.group(1)))[0]
        sp.kind = _kind_from_words(sp.name, handle)
    staff = _STAFF_OF.match(clean)
    if staff and entry is None:
        sp.name = staff.group(1)   # 'doctors at the city's Medina hospital' -> the hospital
    body = _spoken_for(entry, clean) if entry is not None else None
    if body is not None:
        sp.name, sp.canonical = body, None
    voiced = lookup(entry.affiliation) if entry is not None and not partial \
        and entry.name in _MOUTHPIECES and entry.affiliation else None
    if voiced is not None and voiced.category == "armed_group":
        _apply_entry(sp, voiced, False, voiced.name)   # 'Amaq said': Islamic State's word
        sp.canonical = None
        sp.rule = f"{sp.rule}; mouthpiece {entry.name}"
    if entry is None or partial:
        _self_named(sp, surface, context)
    if (entry is None or partial) and _owner_of_something(clean):
        # 'the ship's Greek owner': a company, whatever its nationality; no state speaks
        sp.kind, sp.country, sp.affiliation, sp.canonical = "unknown", None, None, None
        sp.keys, sp.rule = {norm_key(clean)}, "words:owner"
    return sp


_PATRON_SUFFIXES = claims_words("speakers", "patron_suffixes")


@lru_cache(maxsize=1)
def _patron_lead() -> re.Pattern[str]:
    """'al-Qaeda-linked jihadists', 'Iran-backed militants': a patron's name, a patron
    suffix, then nothing but lower-case words."""
    return re.compile(r"((?:(?:al|el)[\s-])?[A-Z][\w'.]*(?:[\s-][A-Z][\w'.]*)*)-(?:"
                      + "|".join(map(re.escape, sorted(_PATRON_SUFFIXES)))
                      + r")\s+[a-z][a-z\s-]*")


def _described_by_patron(clean: str, handle: str | None) -> Speaker | None:
    """An unnamed group described by its patron ('al-Qaeda-linked jihadists') speaks as
    itself: an armed group affiliated with the patron, answering to none of its names (the
    patron did not speak)."""
    m = _patron_lead().fullmatch(clean)
    if m is None or handle:
        return None
    patron = lookup(m.group(1))
    return Speaker(surface=clean, name=clean, kind="armed_group",
                   affiliation=patron.name if patron is not None else m.group(1),
                   keys={norm_key(clean)}, rule="described by its patron")


def _owner_of_something(phrase: str) -> bool:
    """'the ship's Greek owner', 'the vessel's operator': who owns or runs a thing."""
    words = phrase.lower().split()
    return len(words) >= 2 and words[-1] in _OWNER_HEADS and not has_word(
        " ".join(words[:-1]), tuple(w for w in lexicon().kinds["state"]))


def _self_named(sp: Speaker, surface: str, context: str) -> None:
    """A body known by the name it gives itself: 'a group calling itself X', 'a self-styled
    "X" group', 'a commando unit, the "X"'. Only a non-state group names itself so: the
    speaker takes that name and, unless the table knows it, is an armed group."""
    m = _SELF_NAMED.search(f"{surface} {context}")
    name = (m.group(1) or m.group(2)) if m else None
    if name is None and not re.search(r"[A-Z]", clean_surface(surface)):
        q = _APPOSITIVE_NAME.match(context.strip())   # 'a commando unit, the "X" (...)'
        name = q.group(1) if q else None
    if not name or not clean_surface(name):
        return
    if not (m and m.group(0).startswith("calling")) \
            and not has_word(f"{surface} {name}", tuple(_SELF_NAMED_HEADS)):
        return   # 'a self-proclaimed president': a person, not a body naming itself
    name = clean_surface(name)
    sp.name, sp.keys = name, sp.keys | {norm_key(name)}
    known = lookup(name)
    if known is not None:
        _apply_entry(sp, known, False, name)
    else:
        sp.affiliation = sp.canonical = sp.country = None
        sp.kind, sp.rule = "armed_group", "self-named"


_GROUP_NAME_HEADS = claims_words("speakers", "group_name_heads")
_NAME_CONNECTORS = ("of", "for", "the", "in", "and", "al", "el", "de", "du", "des", "la", "wal")


_ARMY_NAME_HEADS = claims_words("speakers", "army_name_heads")
_ARMY_STATE_EPITHETS = claims_words("speakers", "army_state_epithets")


def _named_as_army_group(phrase: str) -> bool:
    """A proper name ending in 'Army' that names no state ('the Korvani Liberation Army',
    'the Arakan Army'): an armed group's name, when the actor table does not know it."""
    words = clean_surface(phrase).split()
    if not _named_as_group(phrase, _ARMY_NAME_HEADS) or country_in(phrase) is not None:
        return False
    return any(w.lower() not in _ARMY_STATE_EPITHETS and w.lower() not in _NAME_CONNECTORS
               for w in words[:-1])


def _named_as_group(phrase: str, heads: Any = None) -> bool:
    """A proper name ending in a group word ('Karvash Liberation Front', 'Saraya al-Fajr
    group'): the name an armed group goes by, when the actor table does not know it."""
    words = phrase.split()
    if heads is None:
        heads = _GROUP_NAME_HEADS
    if len(words) < 2 or words[-1].lower() not in heads or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in _NAME_CONNECTORS
               or re.match(r"(?:al|el|an|ad|ar|as|ash|at|az|ul)-[A-Z]", w) for w in words[:-1])


def _names_a_thing(clean: str, person: str) -> bool:
    """The person-like name qualifies a noun after it ('Bab Tuma hospital'): the speaker is
    that thing, not a person ('Ana Kovac of the ministry' is still a person)."""
    bare = clean_surface(person)
    at = clean.find(bare) if bare else -1
    if at < 0:
        return False
    rest = clean[at + len(bare):].split()
    return bool(rest) and all(w.islower() for w in rest) and rest[0] not in _NAME_PREPOSITIONS


_NAME_PREPOSITIONS = ("of", "for", "from", "in", "at", "to", "with", "on", "and")


def _without_group_noun(phrase: str, entry: Any) -> str:
    """The report's wording of a known group without a generic tail noun: 'the Islamic
    State group' -> 'Islamic State' (the name the report gives, not its description), and
    without an owner before it: "Myanmar's People's Defence Force", "the British military's
    United Kingdom Maritime Trade Operations" -> the name that follows."""
    names = {norm_key(n) for n in (entry.name, *entry.aliases)}

    def known(text: str) -> bool:
        return norm_key(text) in names or norm_key(text.replace("\u2019", "'")) in names

    tail = re.fullmatch(r"(.+?)\s+(?:group|movement|organi[sz]ation|militia|agency)", phrase)
    for candidate in ((tail.group(1), phrase) if tail else (phrase,)):
        if known(candidate):
            return candidate
        for owner in re.finditer(r"['\u2019]s\s+(?=[A-Z])", candidate):
            if known(candidate[owner.end():]):
                return candidate[owner.end():]
    return phrase


def _after_description(head: str) -> bool:
    """A name follows a lower-case description ('the agency UKMTO'), not a word of a longer
    name ('Observatory for Human Rights')."""
    words = head.split()
    return bool(words) and words[-1].islower() and words[-1] not in ("for", "of", "and", "de")


def _spoken_for(entry: Any, phrase: str) -> str | None:
    """The armed group a spokesperson speaks for ('a Houthi spokesman' -> 'Houthis').

    A group's spokesperson voices the group: the statement is the group's (its claim), so
    it takes the table's name of the group named in the phrase or of the group a known
    spokesperson belongs to. A state's spokespeople keep their own names (officials).
    """
    if not has_word(phrase, lexicon().kinds["spokesperson"]):
        return None
    if entry.kind == "individual" or entry.category == "individual":
        entry = lookup(entry.affiliation) if entry.affiliation else None
    return str(entry.name) if entry is not None and entry.category == "armed_group" else None


def _apply_entry(sp: Speaker, entry: Any, partial: bool, text: str) -> None:
    kind = _CATEGORY_KIND.get(entry.category, "unknown")
    parent = lookup(entry.affiliation) if entry.affiliation else None
    if kind == "individual" and parent is not None:
        kind = _CATEGORY_KIND.get(parent.category, "unknown")
    state_words = _names_state_body(text)
    if kind in ("armed_group", "individual", "unknown") and state_words:
        kind = "state" if partial or kind != "armed_group" else kind
    if kind == "individual":
        kind = _kind_from_words(text, sp.handle)
    sp.kind = kind
    sp.organisation = not partial and entry.kind != "individual"
    sp.igo = entry.category == "igo"
    sp.country = entry.country or (parent.country if parent is not None else None)
    sp.affiliation = entry.affiliation
    sp.keys |= {norm_key(entry.name), *map(norm_key, entry.aliases)}
    if entry.affiliation and entry.category not in ("government", "state"):
        sp.keys.add(norm_key(entry.affiliation))
    if partial:
        sp.affiliation = sp.affiliation or entry.name
    else:
        sp.name = entry.name
        handles = getattr(entry, "handles", ())
        sp.handle = sp.handle or (f"@{handles[0]}" if handles else None)
    sp.rule = f"actor-table:{entry.name}" + (" (part)" if partial else "")


def _names_state_body(text: str) -> bool:
    """State words in a phrase ('ministry', 'police'), a spokesperson not counting: a
    group's spokesman is no state body."""
    spokes = lexicon().kinds["spokesperson"]
    return has_word(text, tuple(w for w in lexicon().kinds["state"] if w not in spokes))


def _capital_runs(text: str) -> list[str]:
    runs = [m.group(0).strip() for m in _CAPITAL_RUN.finditer(text)]
    words = [w for w in re.split(r"[\s-]+", text) if w[:1].isupper()]
    return [r for r in dict.fromkeys(runs + words) if len(r) > 1]


def _kind_from_words(text: str, handle: str | None) -> str:
    kinds = lexicon().kinds
    for kind in ("ngo", "witness", "media", "osint", "state", "armed_group"):
        if has_word(text, kinds[kind]):
            return kind
    if has_word(text, kinds.get("witness_weak", ())):
        return "witness"   # 'a local said'; 'local officials' are officials
    if text.strip().lower() in lexicon().countries:
        return "state"
    return "osint" if handle else "unknown"


def event_context(mention: Mention, default_country: str | None = None) -> EventContext:
    """The perpetrators (names, aliases, parents, their states) and the attacked state.

    Generic perpetrators ("gunmen", "jihadists") give no keys, so a named group that
    speaks about the attack can still be recognised as its claimant. ``default_country``
    is the report's country, for a mention whose place was not resolved.
    """
    keys: set[str] = set()
    countries: set[str] = set()
    for actor in mention.perpetrators:
        if lookup(actor.name) is None and is_generic_actor(actor.name):
            iso3 = country_in(actor.name)   # 'Israeli F-35 jets': the state, not a name
            if iso3:
                countries.add(iso3)
            continue
        keys |= {norm_key(actor.name), *map(norm_key, actor.aliases)}
        entry = lookup(actor.name)
        if entry is not None:
            keys |= {norm_key(entry.name), *map(norm_key, entry.aliases)}
            if entry.category in _STATE_CATEGORIES and entry.country:
                countries.add(entry.country)
        else:
            iso3 = country_in(actor.name)
            if iso3 and (actor.kind == "state" or _is_state_name(actor.name)):
                countries.add(iso3)
            elif iso3 is None and _is_state_name(actor.name) and mention.place is not None \
                    and mention.place.iso3:
                countries.add(mention.place.iso3)   # 'government forces' of the country itself
    return EventContext(frozenset(keys), frozenset(countries),
                        target_country(mention, frozenset(countries)) or default_country)


def armed_groups_named(text: str) -> set[str]:
    """Canonical names of the armed groups a text names (empty without the actor table)."""
    table = _table()
    if table is None:
        return set()
    return {m.entry.name for _, _, m in table.find_mentions(text)
            if m.entry.category == "armed_group"}


def is_generic_actor(name: str) -> bool:
    """A perpetrator named only by a common noun ('gunmen', 'a suicide bomber')."""
    return not re.search(r"[A-Z]", name) or bool(
        re.search(r"(?i)\b(?:gunmen|attackers?|bombers?|militants|jihadists|fighters|"
                  r"insurgents|rebels|assailants|terrorists|jets|aircraft|drones?)$", name))


def _is_state_name(name: str) -> bool:
    return has_word(name, lexicon().kinds["state"]) or name.lower() in lexicon().countries


def target_country(mention: Mention, own: frozenset[str] = frozenset(),
                   use_place: bool = True) -> str | None:
    """The attacked state: a target actor's, a target's, or one whose forces or nationals
    were hit (never the perpetrator's own state, whose soldiers may also fall), else (with
    ``use_place``) the place's."""
    for actor in mention.actors:
        if actor.role == "target":
            entry = lookup(actor.name)
            iso3 = entry.country if entry is not None else country_in(actor.name)
            if iso3:
                return str(iso3)
    for target in mention.targets:
        iso3 = country_in(target.text)
        if iso3:
            return iso3
    for sentence in mention.sentences:
        for m in _TARGET_NOUN.finditer(sentence.text):
            iso3 = country_in(m.group(1))
            if iso3 and iso3 not in own:
                return iso3
    for sentence in mention.sentences:
        iso3 = _killed_state_force(sentence.text)
        if iso3 and iso3 not in own:
            return iso3
    return mention.place.iso3 if use_place and mention.place is not None else None


@lru_cache(maxsize=4096)
def _killed_state_force(sentence: str) -> str | None:
    """The state whose forces the attack killed ('killing a commander of the Revolutionary
    Guards'): those forces were its target, wherever it happened."""
    table = _table()
    if table is None:
        return None
    hit = [m.group(1) for m in _KILLING.finditer(sentence)]
    hit += [m.group(1) for m in _WAS_KILLED.finditer(sentence)]
    for phrase in hit:
        for _, _, match in table.find_mentions(phrase):
            if match.entry.category in ("state_force", "government") and match.entry.country:
                return str(match.entry.country)
    return None


def speaker_role(sp: Speaker, ctx: EventContext) -> str:
    """The speaker's role for this event (CONTRACT speaker_role vocabulary)."""
    if sp.keys & ctx.perpetrator_keys:
        return "perpetrator"
    ruling_group = (sp.kind == "armed_group" and sp.country == ctx.target_country
                    and _names_state_body(_without_group_names(sp.surface)))
    if sp.kind == "state" or (sp.country and ruling_group):
        return _state_role(sp, ctx)
    if sp.kind in ("media", "osint", "ngo", "witness"):
        return sp.kind
    return "osint" if sp.handle and sp.kind == "unknown" else "unknown"


def _without_group_names(phrase: str) -> str:
    """The phrase without the armed groups it names: the state words of a group's own name
    ('Kachin Independence Army', 'Rapid Support Forces') make it no ruling body; those
    around it ('the Houthi-run health ministry') do."""
    table = _table()
    if table is None:
        return phrase
    for start, end, match in sorted(table.find_mentions(phrase), key=lambda f: -f[0]):
        if match.entry.category == "armed_group":
            phrase = phrase[:start] + " " + phrase[end:]
    return phrase


def _state_role(sp: Speaker, ctx: EventContext) -> str:
    if sp.country and sp.country in ctx.perpetrator_countries:
        return "perpetrator"
    if sp.country and sp.country == ctx.target_country:
        return "target_state"
    if sp.country:
        return "third_state"
    if ctx.target_country:
        return "target_state"   # a bare title ('the health minister') is of the place reported on
    return "unknown"
