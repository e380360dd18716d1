"""Fill an attack's roles from the dependency parse around its trigger.

perpetrator: the subject of an active trigger verb, the agent of a passive one, the
possessor or actor modifier of a trigger noun ("Russia's strike", "a Houthi attack");
target: the object ("attacked the port of Haifa") or an "on/against" phrase;
weapons: noun phrases with a weapon word ("with a one way attack drone");
place: a place name inside the target or after in/at/near/outside/off the trigger.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Collection
from functools import lru_cache
from typing import Any

from claimwatch.errors import ClaimwatchError
from claimwatch.extract.lexicon import CuePattern, CueWords, Lexicon, lexicon, load_data
from claimwatch.extract.triggers import instrument_objects

Token = Any
PRONOUNS = CueWords("roles", "pronouns")
GROUP_NOUNS = CueWords("roles", "group_nouns")
PLACE_PREPS = CueWords("roles", "place_preps")  # not "from": where it came from
PLACE_LABELS = {"GPE", "LOC", "FAC"}
DIRECTION_WORDS = CueWords("roles", "direction_words")


def span_text(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    start = min(t.i for t in tokens)
    end = max(t.i for t in tokens) + 1
    return str(doc[start:end].text).strip(" ,.;:\"'“”")


def phrase(tok: Token, *, drop_det: bool = True) -> str:
    """A noun's phrase: its subtree minus relative clauses and appositive tails."""
    keep = []
    for t in tok.subtree:
        stop = t.dep_ in ("relcl", "appos", "acl", "advcl", "cc", "conj") or (
            t.dep_ == "punct" and t.text in (",", ";", ":", "(", ")", "—", "–"))
        if t.i != tok.i and stop and t.head.i >= tok.i:
            break
        keep.append(t)
    while keep and drop_det and keep[0].dep_ in ("det", "predet") and keep[0].lower_ in (
            "the", "a", "an", "this", "that", "these", "those"):
        keep = keep[1:]
    return span_text(keep)


GENERIC_PLACE_HEADS = CueWords("roles", "generic_place_heads")
SETTLEMENT_HEADS = CueWords("roles", "settlement_heads")
LOCATING_WORDS = CueWords("roles", "locating_words")


def target_phrase(tok: Token) -> str:
    """The attacked thing as a short phrase: modifiers, the head and an "of" phrase ("port
    of Haifa"); places after in/near/outside and clauses are left to other fields, except
    after a generic head ("towns in Idlib province", "a building next to the hospital")."""
    keep = {tok.i}
    drop: set[str] = set(lexicon().cues.get("target_drop_adjectives", []))
    for c in tok.lefts:
        if c.dep_ == "amod" and str(c.lemma_).lower() in drop | {c.lower_}.intersection(drop):
            continue  # "a large hypermarket", "the main base": the thing, not its praise
        if c.dep_ == "amod" and any(n.dep_ == "nummod" and n.i > c.i for n in tok.lefts):
            continue  # "shooting dead five villagers": an adjective before the count is the
            #           verb's ("shot dead"), not the villagers'
        descriptive = c.dep_ == "poss" and c.tag_ == "NNS"  # "girls' school", "children's"
        if c.dep_ not in ("det", "predet", "punct", "nummod", "quantmod", "poss") \
                or c.text == "-" or descriptive:
            keep.update(t.i for t in c.subtree)
    generic = str(tok.lemma_).lower() in GENERIC_PLACE_HEADS
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                keep.add(c.i)
                keep.update(int(i) for i in _target_indices(pobj))
        elif c.dep_ == "compound" or (c.dep_ == "punct" and c.text == "-"):
            keep.add(c.i)
        elif generic and c.i == max(keep) + 1 and (c.lower_ in LOCATING_WORDS or (
                c.lower_ == "in" and str(tok.lemma_).lower() in SETTLEMENT_HEADS)):
            keep.update(_locating_indices(c))
    doc = tok.doc
    words = [doc[i] for i in sorted(keep)]
    while len(words) > 1 and (words[0].dep_ in ("det", "predet", "case") or (
            words[0].dep_ == "poss" and words[0].tag_ != "NNS")):
        words = words[1:]  # "the oil tanker Sea Falcon": the det sits on the compound
    return span_text(words)


def _locating_indices(word: Token) -> set[int]:
    """ "next to the hospital", "in Idlib province": the word, its preposition and object."""
    keep = {word.i}
    prep = word if word.dep_ == "prep" else next(
        (c for c in word.children if c.dep_ == "prep"), None)
    if prep is None:
        return set()
    keep.add(prep.i)
    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if pobj is None:
        return set()
    keep.update(_target_indices(pobj))
    return set(range(min(keep), max(keep) + 1))


def _distributed(tok: Token) -> list[str]:
    """ "the Kibati and Ruvumu camps" are "Kibati camp" and "Ruvumu camp"."""
    if tok.tag_ not in ("NNS", "NNPS"):
        return []
    for mod in tok.lefts:
        if mod.dep_ not in ("nmod", "compound", "amod") or mod.pos_ != "PROPN":
            continue
        names = [mod, *[c for c in mod.conjuncts if c.pos_ == "PROPN"]]
        if len(names) < 2:
            continue
        out = []
        for name in names:
            inside = {n.i for n in name.subtree}
            own = [t for t in name.subtree if t.i == name.i or (
                t.dep_ not in ("cc", "conj", "punct") and not any(
                    a.dep_ == "conj" and a.i != name.i and a.i in inside for a in t.ancestors))]
            out.append(f"{span_text(own)} {tok.lemma_}")
        return out
    return []


def _actor_name(text: str) -> bool:
    from claimwatch.resolve.actor import ActorTable

    return ActorTable.load().match(text) is not None


def target_texts(tok: Token) -> list[str]:
    """The target phrase, and the proper name inside it when it has one ("the Orion
    Arena concert venue" is also "Orion Arena"; "bulk carrier Sea Falcon" also
    "Sea Falcon")."""
    text = target_phrase(tok)
    if not text:
        return []
    out = [text]
    doc = tok.doc
    words = [t for t in tok.subtree if t.i <= tok.i]
    run: list[Token] = []
    runs: list[list[Token]] = []
    for t in [*words, None]:
        glued = t is not None and run and t.i == run[-1].i + 1 and not run[-1].whitespace_ \
            and t.pos_ in ("PUNCT", "SYM")
        if t is not None and (t.pos_ == "PROPN" or glued) and (
                not run or t.i == run[-1].i + 1):
            run.append(t)  # "al-Rawda", "M/V Sea Falcon"
            continue
        if run:
            runs.append(run)
        run = [t] if t is not None and t.pos_ == "PROPN" else []
    out += [d for d in _distributed(tok) if d not in out]
    for app in tok.rights:  # "the tanker Ocean Star": the name in apposition
        if app.dep_ == "appos" and app.pos_ == "PROPN" and app.i == max(
                t.i for t in app.subtree) and app.ent_type_ not in ("GPE", "LOC", "DATE"):
            name = span_text([t for t in app.subtree if t.dep_ not in ("punct",)])
            if name and name not in out and not _actor_name(name):
                out.append(name)
    if str(tok.lemma_).lower() in SETTLEMENT_HEADS | {"city", "port", "province", "region",
                                                       "district", "capital"}:
        for prep in tok.children:  # "the port city of Eilat" is also "Eilat"
            pobj = _pobj(prep) if prep.dep_ == "prep" and prep.lower_ == "of" else None
            if pobj is not None and pobj.pos_ == "PROPN":
                name = span_text([t for t in pobj.subtree if t.i <= pobj.i])
                if name and name not in out:
                    out.append(name)
    for r in runs:
        while r and r[-1].pos_ in ("PUNCT", "SYM"):
            r = r[:-1]
        if not r or any(t.ent_type_ in ("GPE", "LOC", "NORP", "DATE") for t in r) \
                or _actor_name(str(doc[r[0].i:r[-1].i + 1].text)):
            continue  # "Hamas compound": the owner is an actor, not the target's name
        name = str(doc[r[0].i:r[-1].i + 1].text)
        if name != text and name in text and name not in out:
            out.append(name)
    return out


def conjoined_things(tok: Token, lex: Lexicon | None = None) -> list[Token]:
    """The other things a target is coordinated with ("blew up a substation and a power
    pylon") or that it lists ("three vehicles, an ambulance and a fuel truck"): common
    nouns only, so a list of people or of places is left to the victim and place rules."""
    lex = lex or lexicon()
    people = set(lex.cues["person_nouns"])
    if tok.pos_ != "NOUN" or str(tok.lemma_).lower() in people:
        return []
    listed = [a for a in tok.children if a.dep_ == "appos" and a.pos_ == "NOUN"]
    found = [*tok.conjuncts, *listed, *[c for a in listed for c in a.conjuncts]]
    return [c for c in found if c.pos_ == "NOUN" and c.i > tok.i
            and str(c.lemma_).lower() not in people and c.ent_type_ not in ("GPE", "LOC")]


def _target_indices(tok: Token) -> set[int]:
    keep = {tok.i}
    for c in tok.lefts:
        if c.dep_ not in ("det", "predet", "punct") or c.text == "-":
            keep.update(t.i for t in c.subtree)
    return keep


def _subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "agent_subj"):
            return c
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    # "X claims it attacked", "X is claiming to have attacked": climb xcomp/ccomp chains
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
        return _subject(verb.head)
    return None


def perpetrator_token(trigger: Token, kind: str, lex: Lexicon | None = None) -> Token | None:
    """The token that heads the perpetrator's phrase, or None when the text does not say."""
    lex = lex or lexicon()
    cand: Token | None = None
    if kind == "verb" and _intercepts(trigger, lex):
        # "shot down drones launched by X": X attacked; the shooter only defended
        return _launcher(trigger)
    if kind == "verb":
        if trigger.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in trigger.children):
            for c in trigger.children:
                if c.dep_ == "agent":
                    cand = next((g for g in c.children if g.dep_ == "pobj"), None)
        else:
            cand = _subject(trigger)
    else:
        for c in trigger.children:
            named = c.dep_ in ("compound", "amod") and (
                c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG"))
            # "US and British air strikes": conjoined names modifying the attack noun
            joint = c.dep_ == "nmod" and (c.pos_ == "PROPN" or c.ent_type_ in (
                "NORP", "GPE")) and any(g.dep_ == "conj" for g in c.children)
            if c.dep_ == "poss" or named or joint:
                cand = c
            elif c.dep_ == "prep" and c.lower_ == "by":
                cand = next((g for g in c.children if g.dep_ == "pobj"), cand)
        if cand is None:
            cand = _state_force_modifier(trigger, lex)  # "an army drone strike"
        if cand is None and trigger.dep_ in ("dobj", "attr") and trigger.head.pos_ == "VERB":
            # "shot down drones": the drones' owner attacked, not the air defences
            cand = _launcher(trigger.head) if _intercepts(trigger.head, lex) \
                else _subject(trigger.head)
        verb = casualty_verb(trigger)
        if cand is None and verb is not None:
            # "fighters killed 12 farmers in an attack on a village": the killers attacked
            cand = _subject(verb)
        if cand is None:
            # "an operation in which troops killed 11 fighters": who did the killing
            cand = next((c for rel in _in_which_clauses(trigger, lex)
                         for c in rel.children if c.dep_ == "nsubj"), None)
    return cand


def _state_force_modifier(noun: Token, lex: Lexicon) -> Token | None:
    """A bare word for a state's forces modifying an attack noun or the weapon that
    modifies it ("an army drone strike", "a military air strike"): the forces of the
    report's country, resolved later as "the army" is. Not the modifier of another noun
    ("an army base attack": the base was attacked) nor the first half of a hyphenated
    word ("a military-style attack")."""
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i]
    mods += [g for c in mods if _weapon_word(c, lex)
             for g in c.children if g.dep_ in ("amod", "compound") and g.i < c.i]
    return next((c for c in mods if _state_force_word(c) and not _hyphened(c)), None)


def _weapon_word(tok: Token, lex: Lexicon) -> bool:
    named = lex.weapon_at(tok)
    return named is not None and bool(named[0])


def _hyphened(tok: Token) -> bool:
    """The word is joined by a hyphen to the next ("military-style")."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return not tok.whitespace_ and nxt is not None and nxt.text in ("-", "‐", "‑")


def _in_which_clauses(noun: Token, lex: Lexicon) -> list[Token]:
    """Relative clauses "in which / during which X attacked or killed Y" on an attack noun
    (or hung by the parse on the place the noun is told in: "an operation in X province,
    in which troops killed ...")."""
    out = []
    heads = [noun, *[g for p in noun.children if p.dep_ == "prep"
                     for g in p.children if g.dep_ == "pobj"]]
    for rel in (c for h in heads for c in h.children):
        if rel.dep_ != "relcl" or not any(c.dep_ == "dobj" for c in rel.children):
            continue
        lemma = str(rel.lemma_).lower()
        if lemma not in lex.verbs and lemma not in CASUALTY_VERBS:
            continue
        if any(p.dep_ == "prep" and any(g.lower_ == "which" for g in p.children)
               for p in rel.children):
            out.append(rel)
    return out


CASUALTY_PREPS = CueWords("roles", "casualty_preps")
CASUALTY_VERBS = CueWords("roles", "casualty_verbs")


def casualty_verb(noun: Token) -> Token | None:
    """The casualty verb an attack noun is told under: "killed 12 farmers in an attack"."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in CASUALTY_PREPS and prep.head.pos_ == "VERB" \
            and str(prep.head.lemma_).lower() in CASUALTY_VERBS:
        return prep.head
    return None


def _intercepts(trigger: Token, lex: Lexicon) -> bool:
    lemma = str(trigger.lemma_).lower()
    particles = [c.lower_ for c in trigger.children if c.dep_ == "prt"]
    phrasal = lex.phrasal.get(lemma, {})
    return "interception" in lex.verbs.get(lemma, []) or any(
        "interception" in phrasal.get(p, []) for p in particles)


def _launcher(trigger: Token) -> Token | None:
    """The agent of a participle on what was intercepted ("missiles fired by X"), else the
    intercepted weapon when a name modifies it ("two Houthi drones"), for its owner."""
    objects = [o for o in trigger.children if o.dep_ in ("dobj", "nsubjpass")]
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
    for o in objects:
        for acl in o.children:
            if acl.dep_ != "acl" or acl.tag_ != "VBN":
                continue
            for agent in acl.children:
                if agent.dep_ == "agent":
                    return next((g for g in agent.children if g.dep_ == "pobj"), None)
            for prep in acl.children:  # "missiles fired from Houthi-controlled Yemen"
                pobj = next((g for g in prep.children if g.dep_ == "pobj"), None) \
                    if prep.dep_ == "prep" and prep.lower_ == "from" else None
                holder = _territory_holder(pobj) if pobj is not None else None
                if holder is not None:
                    return holder
    for o in objects:  # "shot down two Houthi drones": whose weapons they were
        if is_weapon(o) and any(c.dep_ in ("amod", "compound", "poss") and c.i < o.i
                                and c.pos_ in ("PROPN", "ADJ") for c in o.children):
            return o
    return None


HOLDING_WORDS = CueWords("roles", "holding_words")


def _territory_holder(place: Token) -> Token | None:
    """ "Houthi-controlled Yemen", "rebel-held Idlib": who holds the place."""
    for mod in place.children:
        if mod.lower_ in HOLDING_WORDS:
            return next((c for c in mod.children if c.dep_ in ("npadvmod", "compound", "nmod")
                         and c.i < mod.i), None)
    return None


def is_weapon(cand: Token, lex: Lexicon | None = None) -> bool:
    lex = lex or lexicon()
    return bool(lex.weapons.get(str(cand.lemma_).lower())) \
        and str(cand.lemma_).lower() not in lex.not_weapons \
        and cand.lower_ not in lex.not_weapons


def is_pronoun_like(tok: Token) -> bool:
    return tok.lower_ in PRONOUNS or (tok.lemma_.lower() in GROUP_NOUNS and any(
        c.lower_ in ("the", "this", "that") for c in tok.children))


GENERIC_VICTIMS = CueWords("roles", "generic_victims")
CASUALTY_VERBS = CueWords("roles", "casualty_verbs")
IMPACT_VERBS = CueWords("roles", "impact_verbs")
VERB_TARGET_PREPS = CueWords("roles", "verb_target_preps")
NOUN_TARGET_PREPS = CueWords("roles", "noun_target_preps")
FACILITY_PREPS = CueWords("roles", "facility_preps")
DEVICE_VERBS = CueWords("roles", "device_verbs")
MINE_CONTACT_VERBS = CueWords("roles", "mine_contact_verbs")
MINE_CONTACT_PREPS = CueWords("roles", "mine_contact_preps")
MINE_WEAPON_CLASSES = CueWords("roles", "mine_weapon_classes")


def _pobj(prep: Token) -> Token | None:
    return next((g for g in prep.children if g.dep_ == "pobj"), None)


def _usable(tok: Token | None) -> bool:
    """A noun that can name the attacked thing: no date, number, pronoun or weapon."""
    if tok is None:
        return False
    if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY") \
            or tok.like_num or tok.pos_ in ("PRON", "NUM", "ADV", "VERB", "ADP") \
            or tok.lower_ in PRONOUNS or not any(ch.isalpha() for ch in tok.text):
        return False
    lex = lexicon()
    lemma = str(tok.lemma_).lower()
    # two-word weapon names only ("explosive device"), as this check has always read them:
    # with longer ones the "vehicle" of "an unmanned aerial vehicle" would stop being a
    # target noun, a change of behaviour to be weighed on its own
    return lemma not in lex.weapons and not lex.phrase_type_ending_at(tok, max_words=2) \
        and not weapon_quantity(tok) \
        and lemma not in lex.cues["abstract_subjects"] \
        and (lemma not in lex.cues.get("not_targets", [])
             or (lemma == "target" and qualified(tok)))


def weapon_quantity(tok: Token) -> bool:
    """ "a swarm of drones", "a volley of rockets": a count word standing for the weapons."""
    lex = lexicon()
    if str(tok.lemma_).lower() not in lex.cues.get("weapon_quantity_nouns", []):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "of" and g.dep_ == "pobj"
               and str(g.lemma_).lower() in lex.weapons
               for c in tok.children for g in c.children)


def qualified(tok: Token) -> bool:
    """ "13 Houthi targets", "military targets": a word too vague alone, made specific."""
    return any(c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i for c in tok.children)


def _generic_victim(tok: Token) -> bool:
    """ "people", "dozens of people", "himself": who was hurt, not what was attacked."""
    return tok.lower_ in GENERIC_VICTIMS or str(tok.lemma_).lower() in GENERIC_VICTIMS


def _facility(tok: Token) -> bool:
    """A building, site or vessel named after at/outside/near: not a town or country."""
    if tok.ent_type_ in ("GPE", "LOC", "NORP", "PERSON") or not _usable(tok):
        return False
    types: dict[str, list[str]] = lexicon().cues["target_types"]
    lemmas = {str(t.lemma_).lower() for t in tok.subtree if t.i <= tok.i}
    places = {"town", "city", "district", "village", "neighbourhood", "neighborhood"}
    head = str(tok.lemma_).lower()
    return head not in places and any(lem in words for words in (
        types["vessel"], types["government"], types["infrastructure"], types["civilian"],
        types["military"]) for lem in lemmas) and head not in ("people", "civilian", "child")


def _free_relative(tok: Token) -> Token | None:
    """ "hit what the police said was a fuel store": the store."""
    if tok.lower_ != "what":
        return tok
    for t in tok.head.subtree:
        if t.dep_ == "attr" and t.pos_ in ("NOUN", "PROPN") and _usable(t):
            return t
    for t in tok.doc[tok.i:tok.sent.end]:
        if t.dep_ == "attr" and t.pos_ in ("NOUN", "PROPN") and _usable(t):
            return t
    return None


def _what_clause(verb: Token) -> Token | None:
    """ "shelled what the rebels said was a barracks": the object hides in a clause."""
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if nxt is None or nxt.lower_ != "what":
        return None
    return _free_relative(nxt)


def _prep_target(head: Token, preps: Collection[str]) -> Token | None:
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            pobj = _pobj(c)
            if _usable(pobj) and not (c.lower_ == "of" and pobj is not None
                                      and pobj.ent_type_ == "DATE"):
                return pobj
    return None


def _facility_prep(head: Token) -> Token | None:
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in FACILITY_PREPS:
            pobj = _pobj(c)
            if pobj is not None and _facility(pobj):
                return pobj
    return None


def _mine_like(tok: Token, lex: Lexicon) -> bool:
    """A mine or roadside device, or "it" after one in the same sentence."""
    if tok.lower_ == "it":
        return any(_mine_like(t, lex) for t in tok.doc[tok.sent.start:tok.i])
    lemma = str(tok.lemma_).lower()
    return any(wtype in MINE_WEAPON_CLASSES for wtype in (
        lex.weapons.get(lemma), lex.phrase_type_ending_at(tok, max_words=2)))


def _mine_contact(verb: Token) -> Token | None:
    """ "their patrol stepped on a landmine", "the bus struck it": the subject was hit."""
    if str(verb.lemma_).lower() not in MINE_CONTACT_VERBS:
        return None
    lex = lexicon()
    met = [c for c in verb.children if c.dep_ == "dobj"]
    met += [g for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ in
            MINE_CONTACT_PREPS for g in c.children if g.dep_ == "pobj"]
    if not any(_mine_like(m, lex) for m in met):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj if _usable(subj) and subj is not None and not is_weapon(subj, lex) else None


def target_token(trigger: Token, kind: str) -> Token | None:
    """The head of the attacked thing's phrase.

    Verbs: the object ("attacked the port"), the "on/against/at/into" phrase ("slammed into
    the tanker"), the phrase on the weapon object ("fired a missile at the tanker"); for
    killing verbs a building after at/outside ("killed 20 people at a school") beats
    generic victims ("people"). Nouns: the "on/against/at/of" phrase, a facility after
    "outside/near", or the object of the verb the attack noun is the subject of ("the
    strike flattened the annex").
    """
    if trigger.pos_ == "VERB":
        met = _mine_contact(trigger)
        if met is not None:
            return met
    if kind == "verb":
        lex = lexicon()
        killing = str(trigger.lemma_).lower() in CASUALTY_VERBS
        among = _among_subject(trigger)
        if among is not None:
            return among
        obj: Token | None = None
        device = str(trigger.lemma_).lower() in DEVICE_VERBS  # its object went off
        for c in trigger.children:
            if c.dep_ == "dobj" and device:
                continue
            if c.dep_ in ("dobj", "nsubjpass") and str(c.lemma_).lower() not in lex.weapons:
                cand = _free_relative(c)
                if _usable(cand):
                    obj = cand
                    break
        if obj is None:
            obj = _what_clause(trigger)
        if obj is None and any(c.dep_ == "auxpass" for c in trigger.children) \
                and trigger.dep_ == "xcomp" and trigger.head.pos_ == "VERB":
            # "the tanker Ocean Star reported being hit": the reporter was what was hit
            subj = next((c for c in trigger.head.children if c.dep_ == "nsubj"), None)
            obj = subj if _usable(subj) and not _generic_victim(subj) else None
        if obj is not None and not (killing or _generic_victim(obj)):
            return obj
        found = _prep_target(trigger, VERB_TARGET_PREPS)
        if found is not None and killing \
                and str(found.lemma_).lower() in _place_words("route_nouns"):
            found = None  # "six were killed on a road leading to X": where, not what was hit
        if found is None:
            for c in trigger.children:
                if c.dep_ == "dobj" and (str(c.lemma_).lower() in lex.weapons
                                         or weapon_quantity(c)):
                    found = _prep_target(c, ("at", "on", "against", "into"))
                    if found is not None:
                        break
        if found is None and (killing or obj is None or _generic_victim(obj)):
            found = _facility_prep(trigger)
            subj = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
            if found is None and killing and subj is not None:
                found = _facility_prep(subj)  # "bombs outside the school killed 80 people"
        if found is not None:
            return found
        if obj is not None:
            return obj
        if trigger.dep_ == "xcomp" or trigger.dep_ == "conj":
            return None
    else:
        head = trigger.head
        if trigger.dep_ == "pobj" and head.lower_ in ("by", "in") and head.head.pos_ == "VERB" \
                and str(head.head.lemma_).lower() in CASUALTY_VERBS:
            # "General X died in a drone attack on his car": the person it was aimed at
            subj = next((c for c in head.head.children if c.dep_ == "nsubjpass"), None)
            if subj is not None and subj.ent_type_ == "PERSON" and _usable(subj):
                return subj
        nouns = [trigger, *trigger.conjuncts]
        if trigger.dep_ in ("compound", "nmod") and trigger.head.pos_ == "NOUN":
            nouns.append(trigger.head)  # "arson attacks on shops": the head noun's phrase
        for noun in nouns:
            found = _prep_target(noun, NOUN_TARGET_PREPS) or _facility_prep(noun)
            if found is not None:
                return found
        head = trigger.head
        if trigger.dep_ in ("nsubj", "nsubjpass") and head.pos_ == "VERB" \
                and str(head.lemma_).lower() in IMPACT_VERBS:
            return _clause_object(head, victims=False)
        for c in trigger.children:  # "a bombing that ripped through a Mass"
            if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB":
                lemma = str(c.lemma_).lower()
                if lemma in IMPACT_VERBS or lemma in CASUALTY_VERBS:
                    found = _clause_object(c, victims=lemma in CASUALTY_VERBS)
                    if found is not None:
                        return found
        if trigger.dep_ == "pobj" and head.lower_ == "by" and head.head.pos_ == "VERB" \
                and str(head.head.lemma_).lower() in CASUALTY_VERBS:
            # "seven aid workers were killed by an air strike": who it hit
            subj = next((c for c in head.head.children if c.dep_ == "nsubjpass"), None)
            if _usable(subj) and subj is not None and not _generic_victim(subj):
                return subj
    return None


def _among_subject(verb: Token) -> Token | None:
    """ "A radio station and the port were among the sites hit": the subject of "be"."""
    if verb.dep_ == "advcl" and any(c.dep_ == "prep" and c.lower_ == "among"
                                    for c in verb.head.children):
        be = verb.head  # parsed as "were among the sites, hit"
    else:
        noun = verb.head if verb.dep_ in ("acl", "amod") else None
        if noun is None or noun.dep_ != "pobj" or noun.head.lower_ != "among":
            return None
        be = noun.head.head
    subj = next((c for c in be.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj if _usable(subj) else None


def _clause_object(verb: Token, *, victims: bool) -> Token | None:
    """The object of a verb the attack noun governs ("the strike flattened the annex")."""
    for c in verb.children:
        if c.dep_ == "dobj" and _usable(c):
            if victims and (_generic_victim(c) or c.ent_type_ not in ("PERSON", "ORG")):
                continue
            return _free_relative(c)
    return _prep_target(verb, ("into", "on", "at", "through"))


def target_type(tok: Token, lex: Lexicon | None = None) -> str:
    """military | civilian | infrastructure | government | vessel | area (a place)."""
    lex = lex or lexicon()
    lemmas = [str(t.lemma_).lower() for t in tok.subtree]
    head = str(tok.lemma_).lower()
    types: dict[str, list[str]] = lex.cues["target_types"]
    if any(c.dep_ in ("compound", "amod") and str(c.lemma_).lower() in types["military"]
           for c in tok.children):
        return "military"  # "a gendarmerie training school", "an army hospital"
    for ttype in ("vessel", "military", "government", "infrastructure", "civilian"):
        if head in types[ttype]:
            return ttype
    for ttype in ("vessel", "military", "government", "infrastructure", "civilian"):
        if any(lem in types[ttype] for lem in lemmas):
            return ttype
    if tok.ent_type_ in PLACE_LABELS:
        return "area"
    return "unknown"


def weapon_phrases(trigger: Token, lex: Lexicon | None = None) -> list[str]:
    """Weapon noun phrases in the trigger's clause, lower case and singular."""
    lex = lex or lexicon()
    root = trigger if trigger.pos_ == "VERB" else trigger.head
    scope = list(root.subtree) if root.pos_ in ("VERB", "AUX") else list(trigger.subtree)
    scope = instrument_objects(root, lex) + scope
    found: list[str] = []
    for tok in scope:
        lemma = str(tok.lemma_).lower()
        if tok.pos_ not in ("NOUN", "PROPN") or lemma in lex.not_weapons:
            continue
        named = lex.weapon_span(tok)
        if named is not None and (named[2] != tok.i or not named[0]):
            continue  # "rocket-propelled grenades": the last word carries the phrase
        if lemma not in lex.weapons and tok.lower_ not in lex.weapons and (
                named is None or lemma in lex.nouns):
            continue  # "explosive vest": a weapon only with its modifier; not "air strike"
        head = str(tok.head.lemma_).lower()
        attack_head = head in lex.nouns and head not in lex.weapons
        if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and not attack_head:
            continue  # "mortar shells": the head noun carries the phrase
        weapon = _modified_noun(tok)  # "a HIMARS strike": the weapon is the modifier
        if weapon in ("strike", "attack") or weapon in lex.not_weapons \
                or weapon.split()[-1] in lex.not_weapons:
            continue
        if weapon not in found:
            found.append(weapon)
    return found


def _modified_noun(tok: Token) -> str:
    """ "one way attack drones" -> "one way attack drone": modifiers kept, number dropped."""
    keep = {tok.i}
    frontier = [tok]
    while frontier:
        cur = frontier.pop()
        for c in cur.lefts:
            if c.dep_ in ("det", "poss", "predet", "case", "quantmod", "punct") and c.text != "-":
                continue
            if (c.dep_ == "nummod" or c.like_num) and cur.i == tok.i:
                continue
            if c.dep_ == "advmod" or c.lower_ in lexicon().weapon_not_modifiers:
                continue   # 'a second suspected drone', 'then gunfire'
            if cur.i == tok.i and (c.ent_type_ == "NORP" or (
                    c.ent_type_ == "GPE" and c.pos_ == "ADJ")) and c.i + 1 < len(c.doc) \
                    and c.doc[c.i + 1].text != "-" and not list(c.lefts):
                continue   # 'Ukrainian drones' -> 'drone' ('Iranian-made' stays)
            if cur.i == tok.i and c.pos_ == "PROPN" and c.i < tok.i and not list(c.lefts) \
                    and c.i + 1 < len(c.doc) and c.doc[c.i + 1].text != "-" and _owner(c):
                continue   # 'a US drone', 'an ELN car bomb': whose it is ('Iskander' stays)
            if cur.i == tok.i and c.i < tok.i and not list(c.lefts) \
                    and c.doc[c.i + 1].text != "-" and _state_force_word(c):
                continue   # 'an army drone': whose it is
            keep.add(c.i)
            frontier.append(c)
    start = min(keep)
    doc = tok.doc
    words = [t.text for t in doc[start:tok.i]]
    head = str(tok.lemma_) if tok.tag_ in ("NNS", "NNPS") else tok.text
    text = " ".join([*words, head]).lower()
    return text.replace(" - ", "-").replace(" -", "-").replace("- ", "-").strip()


def _state_force_word(tok: Token) -> bool:
    """A bare word for a state's forces ('army', 'military', 'navy')."""
    from claimwatch.resolve.actor import ActorTable

    return tok.pos_ in ("NOUN", "ADJ") and ActorTable.load().head_role(tok.text) == "military"


def _owner(tok: Token) -> bool:
    """A modifier of a weapon noun naming an actor of the table (a group or a state)."""
    from claimwatch.extract.perpetrator import names_actor_alone

    return names_actor_alone(tok.text)


UNTAGGED = " (a proper noun the model did not tag as a place)"
NOT_LOCATIVE = " (not in a locative phrase)"
LOCATIVE_PREPS = CueWords("roles", "locative_preps")


def origin_phrase(trigger: Token) -> str | None:
    """The place an attack was launched from: "rockets fired from X", "a drone launched
    from X hit ...", or None."""
    attach = {trigger.i} if trigger.dep_ == "conj" else {trigger.i, trigger.head.i}
    args = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    attach |= {c.i for a in args for c in a.children if c.dep_ == "acl" and c.tag_ == "VBN"}
    for e in place_spans(trigger.sent):
        root = place_head(e)
        if root.dep_ == "pobj" and root.head.lower_ == "from" and root.head.head.i in attach:
            return str(with_direction(e))
    return None


def place_phrases(trigger: Token, target: Token | None) -> list[tuple[str, str, int]]:
    """Candidate place phrases for the incident, best first: (phrase, reason, rank).

    Rank 0: inside the target phrase; 1: after in/at/near... on the trigger; 2: near the
    trigger; 3: elsewhere in the sentence. Names used as actors ("Russia's strike",
    "Ukraine said") are not places of the incident. A name introduced by a place noun
    ("the port city of X", "the X border area") is placed where that noun attaches.
    """
    sent = trigger.sent
    cands: list[tuple[str, str, int]] = []
    seen: set[int] = set()

    def add(ent: Any, why: str, rank: int) -> None:
        if ent.start in seen or used_as_actor(ent, trigger) or journey_end(ent):
            return
        head = place_head(ent)
        if rank > 0 and head.i == ent.root.i and ent.root.dep_ in ("compound", "amod", "nmod") \
                and ent.root.head.pos_ in ("NOUN", "PROPN") and not _names_admin_area(ent):
            return  # "the US military", "Israeli officials": a modifier, not a place
        if rank == 0 and ent.label_ in ("GPE", "NORP") and ent.root.dep_ in ("compound", "amod") \
                and head.i == ent.root.i and _is_country(ent):
            rank = 3  # "the US aircraft carrier": whose it is, not where
        seen.add(ent.start)
        locative = head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS
        named = head.i < ent.start  # "the town of X": the noun vouches for the name
        if ent.label_ not in PLACE_LABELS and not locative and not named:
            why += UNTAGGED
        if rank > 0 and not is_locative(ent):
            why += NOT_LOCATIVE
        text = with_direction(ent)
        area = area_namesake(ent) if text == ent.text else None
        if area is not None:
            text, why = area, why + " (the report names it as an admin area)"
        cands.append((text, why, rank))

    ents = place_spans(sent)
    if target is not None:
        # not a relative clause on it: "the base, which the US military confirmed"
        told = {t.i for c in target.children if c.dep_ == "relcl" for t in c.subtree}
        sub = {t.i for t in target.subtree} - told
        for e in ents:
            if e.start in sub:
                add(e, "place named in the target phrase", 0)
    if target is not None and target.pos_ == "PROPN" and target.ent_type_ != "NORP" and not any(
            e.start <= target.i < e.end for e in ents):
        first = min(t.i for t in target.subtree if t.pos_ == "PROPN" or t.i == target.i)
        cands.append((str(target.doc[first:target.i + 1].text), "proper noun target" + UNTAGGED,
                      0))
    # a conjoined verb has its own places: "fired at X, and a strike hit Y"
    attach = {trigger.i} if trigger.dep_ == "conj" else {trigger.i, trigger.head.i}
    # "shot down drones launched over X": the participle describing what was hit
    objects = [o for o in trigger.children if o.dep_ in ("dobj", "nsubjpass")]
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
    attach |= {c.i for o in objects for c in o.children if c.dep_ == "acl" and c.tag_ == "VBN"}
    for e in ents:
        root = place_head(e)
        head = root.head
        if root.dep_ == "pobj" and head.lower_ in PLACE_PREPS and head.head.i in attach:
            add(e, f"'{head.text} {e.text}' attached to the trigger", 1)
    ents = [e for e in ents if not _other_incident_place(e, trigger)]
    for e in ents:
        if abs(e.root.i - trigger.i) <= 12:
            add(e, "place named near the trigger", 2)
    for e in ents:
        add(e, "place named in the same sentence", 3)
    return cands


def area_anaphor(trigger: Token) -> tuple[Token, tuple[str, ...]] | None:
    """ "pushing into the enclave", "shelling across the province": a definite area noun
    with no name, where the trigger took place. It stands for the area of that kind the
    report named last; returns the noun and the gazetteer features it may stand for."""
    kinds = _area_anaphors()
    attach = {trigger.i} if trigger.dep_ == "conj" else {trigger.i, trigger.head.i}
    for tok in trigger.sent:
        feats = kinds.get(str(tok.lemma_).lower())
        if not feats or tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.ent_type_:
            continue
        prep = tok.head
        if prep.lower_ not in PLACE_PREPS or prep.lower_ in _NOT_SCENE_PREPS \
                or prep.head.i not in attach:
            continue
        kids = list(tok.children)
        aside = {c.i for c in kids if c.dep_ == "relcl" and c.doc[c.left_edge.i - 1].text == ","}
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids) or any(
                c.dep_ in ("compound", "poss", "prep", "nmod", "appos", "relcl", "acl")
                and c.i not in aside or c.pos_ == "PROPN" or c.ent_type_ for c in kids):
            continue  # "the Tigray region", "the region of X", "the region's capital"
            #           (a clause set off by a comma, "the base, which ...", is an aside)
        return tok, tuple(feats)
    return None


_NOT_SCENE_PREPS = ("of", "to", "toward", "towards", "against")


@lru_cache(maxsize=1)
def _area_anaphors() -> dict[str, list[str]]:
    return dict(_place_data().get("area_anaphors", {}))


def area_antecedents(tok: Token) -> list[Any]:
    """Names before ``tok`` in the report that may name a place, the latest first: place
    names, and names the model took for an organisation ("Nagorno-Karabakh's leaders")."""
    out: dict[int, Any] = {}
    for sent in tok.doc.sents:
        if sent.start > tok.i:
            break
        for e in [*place_spans(sent), *sent.ents]:
            if e.end <= tok.i and e.start not in out and (
                    e.label_ in PLACE_LABELS or e.label_ in MISTAKEN_LABELS or not e.label_):
                out[e.start] = e
    return [out[k] for k in sorted(out, reverse=True)]


def _names_admin_area(ent: Any) -> bool:
    """ "in Ostra del Norte province": the name of a province, its noun after it (the
    model tagged the name alone); "the US military" is a modifier, not a place."""
    tok = ent.root
    if tok.dep_ in ("amod", "nmod") and tok.head.i == ent.end:
        tok = tok.head  # "the Sagaing region": the model took the name for an adjective
    while tok.dep_ == "compound" and tok.head.i > tok.i:
        tok = tok.head
    return tok.i != ent.root.i and tok.lower_ in _place_words("area_suffixes") \
        and tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS


def area_namesake(ent: Any) -> str | None:
    """A bare name the report elsewhere gives with its admin-area noun ("Kaduna state ...
    the first such kidnapping in Kaduna"): the area, not its namesake town. None when the
    name is introduced as a town ("the city of X") or the report never names the area."""
    if place_head(ent).i != ent.root.i or ent.end < len(ent.doc) and \
            ent.doc[ent.end].lower_ in name_nouns():
        return None
    name = str(ent.text)
    for tok in ent.doc:
        if tok.lower_ in _place_words("area_suffixes") and tok.i >= len(ent) \
                and tok.pos_ == "NOUN" and tok.i != ent.end \
                and ent.doc[tok.i - len(ent):tok.i].text == name:
            return f"{name} {tok.lower_}"
    return None


def names_area_noun(phrase: str | None) -> bool:
    """A place phrase that ends in its admin-area noun ("Idlib province", "Kaduna state")."""
    words = (phrase or "").lower().split()
    return len(words) > 1 and words[-1] in _place_words("area_suffixes")



def _other_incident_place(ent: Any, trigger: Token) -> bool:
    """A place of the incident that the trigger's clause answers: "the raid may have
    avenged an offensive in X" places the offensive, not the raid."""
    from claimwatch.extract.triggers import answered_incident

    root = place_head(ent)
    while root.dep_ == "compound" and root.head.i > root.i:
        root = root.head  # "for an offensive in Ostra del Norte province"
    mine = {t.i for t in trigger.subtree}
    lex = lexicon()
    return any(a.i not in mine and a.i != trigger.i and answered_incident(a, lex)
               for a in root.ancestors)


@lru_cache(maxsize=1)
def _place_data() -> dict[str, Any]:
    return dict(load_data("place_phrases.json"))


@lru_cache(maxsize=32)
def _place_words(key: str) -> frozenset[str]:
    """A word list of ``place_phrases.json`` (read once; a missing list is empty)."""
    return frozenset(_place_data().get(key, ()))


def _place_nouns() -> tuple[frozenset[str], frozenset[str]]:
    return _place_words("name_nouns"), _place_words("area_heads")



def name_nouns() -> frozenset[str]:
    """Nouns that introduce or stand for a place ("town", "village", "area", "outskirts")."""
    return _place_nouns()[0]


def place_head(ent: Any) -> Token:
    """The token that carries a name's attachment: the place noun that introduces it
    ("the port city of X" -> city, "the X border area" -> area), else its root."""
    root = ent.root
    name_nouns, area_heads = _place_nouns()
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in name_nouns:
        return root.head.head
    if root.dep_ == "poss" and root.head.lower_ in name_nouns:
        return root.head  # "Thailand's deep south"
    road = _route_noun(root)
    if road is not None:
        return road  # "on a road leading to X": where the road is
    tok = root
    while tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i:
        tok = tok.head
    if tok.i != root.i and tok.lower_ in area_heads:
        return tok
    return root


def _route_noun(root: Token) -> Token | None:
    """The road a name ends: "a road leading to X", "the highway from X to Y"."""
    if root.dep_ == "conj" and root.head.dep_ == "pobj":
        root = root.head  # "the road between X and Y"
    if root.dep_ != "pobj" or root.head.lower_ not in ROUTE_PREPS:
        return None
    road = root.head.head
    if road.dep_ in ("acl", "relcl") and road.pos_ == "VERB":
        road = road.head  # "a road leading to X"
    routes = _place_words("route_nouns")
    return road if road.pos_ == "NOUN" and str(road.lemma_).lower() in routes else None


ROUTE_PREPS = ("to", "from", "towards", "toward", "between", "linking")



JOURNEY_PREPS = ("from", "to")



def journey_end(ent: Any) -> bool:
    """Where a journey started or was bound ("travelling from X to Y", "on their way from
    X"): not the scene of an attack on the travellers."""
    head = place_head(ent)
    while head.dep_ in ("compound", "nmod") and head.head.i > head.i:
        head = head.head  # "to the X hydropower project"
    if head.dep_ == "conj" and head.head.dep_ == "pobj":
        head = head.head  # "from X and Y"
    if head.dep_ != "pobj" or head.head.lower_ not in JOURNEY_PREPS:
        return False
    owner = head.head.head
    journeys = _place_words("journey_words")
    return str(owner.lemma_).lower() in journeys or owner.lower_ in journeys


def _is_country(ent: Any) -> bool:
    from claimwatch.resolve.gazetteer import Gazetteer

    try:
        return any(e.feature == "country" for e in Gazetteer.load().lookup(str(ent.text)))
    except (ClaimwatchError, OSError, sqlite3.Error):
        return False


def _mistaken_people(ent: Any) -> bool:
    """A town's name the model took for a people ("the city of Omdurman" as NORP): the
    gazetteer knows it by name, not as a demonym."""
    if ent.label_ != "NORP" or ent.root.pos_ != "PROPN":
        return False
    from claimwatch.resolve.gazetteer import Gazetteer

    try:
        return any(e.match not in ("demonym", "abbr")
                   for e in Gazetteer.load().lookup(str(ent.text)))
    except (ClaimwatchError, OSError, sqlite3.Error):
        return False


def places_after(sent: Any, name: str, window: int = 12) -> list[str]:
    """Place phrases named just after ``name`` in the sentence ("X, a town in eastern
    Congo", "X, in Y province"), nearest first: where the text puts X."""
    spans = place_spans(sent)
    start = next((e.end for e in spans if with_direction(e) == name), None)
    if start is None:  # a name the model took for a person or group ("stormed X, in ...")
        size = len(name.split())
        start = next((t.i + size for t in sent if t.is_title and t.i + size <= sent.end
                      and sent.doc[t.i:t.i + size].text == name), None)
    if start is None:
        return []
    return [with_direction(e) for e in spans
            if start <= e.start <= start + window and not names_actor(e)
            and not _modifies_other_noun(e)]


def described_settlement(span: Any) -> bool:
    """The name is described as a village or town right after it ("X, a village in the
    highland district of Y", "X, a small town near Y")."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != ",":
        return False
    if doc[span.end + 1].lower_ not in ("a", "an", "the"):
        return False
    for tok in doc[span.end + 2:min(span.end + 6, span.sent.end)]:
        if str(tok.lemma_).lower() in SETTLEMENT_HEADS and tok.pos_ == "NOUN":
            return tok.lower_ not in _place_words("not_settlement_nouns")
        if tok.pos_ not in ("ADJ", "ADV"):
            return False
    return False


def country_qualifiers(sent: Any, name: str) -> list[str]:
    """The country a place noun says a name lies in ("the central Burkinabe town of X",
    "Mali's northern town of X"): "central Burkinabe", "Mali"; nearest first."""
    span = next((e for e in place_spans(sent) if with_direction(e) == name), None)
    if span is None:
        return []
    head = place_head(span)
    if head.i >= span.start or head.lower_ not in name_nouns():
        return []
    out = []
    for child in head.children:
        ent = next((e for e in sent.ents if e.start <= child.i < e.end
                    and e.label_ in ("NORP", "GPE")), None)
        if ent is None and child.is_title and _is_country(child):
            ent = sent.doc[child.i:child.i + 1]  # "Burkinabe", left untagged
        if child.i > head.i or child.dep_ not in ("amod", "compound", "nmod", "poss") \
                or ent is None or (ent.end < len(sent.doc) and sent.doc[ent.end].text == "-"):
            continue  # not "the Russian-held town of X": who holds it, not where it is
        start = ent.start - 1 if ent.start > 0 and sent.doc[ent.start - 1].lower_ in \
            DIRECTION_WORDS else ent.start
        out.append(str(sent.doc[start:ent.end].text))
    return sorted(out, key=len, reverse=True)


# labels the model gives place names it mistakes for a name of something else
MISTAKEN_LABELS = ("ORG", "PERSON", "PRODUCT", "WORK_OF_ART")



def container_after(sent: Any, name: str, window: int = 12) -> str | None:
    """The place named just after ``name`` that the text puts it in ("X in northern Y",
    "X, a town in Y", "X, 60 km from Y"); not one joined to it ("X and Y")."""
    spans = place_spans(sent)
    first = next((e for e in spans if with_direction(e) == name), None)
    if first is None:
        return None
    for e in spans:
        if first.end <= e.start <= first.end + window and not names_actor(e) \
                and not _modifies_other_noun(e):
            between = {t.lower_ for t in sent.doc[first.end:e.start]}
            if between & _place_words("container_breaks") or e.label_ not in PLACE_LABELS:
                return None  # "X and Y", "X, on the border with Y", "in X during Mass"
            return str(with_direction(e))
    return None


def _modifies_other_noun(ent: Any) -> bool:
    """ "the US military said", "Somali troops": a name describing a noun that is no place
    noun (whose, not where), so nothing is put inside it."""
    root = ent.root
    name_words, area_words = _place_nouns()
    return (root.dep_ in ("compound", "amod") and root.head.i >= ent.end
            and root.head.lower_ not in name_words and root.head.lower_ not in area_words)


def place_spans(sent: Any) -> list[Any]:
    """Place entities, plus proper-noun runs the model left untagged ("Rescuers in Kyiv").
    Computed once per sentence (kept in the Doc's ``user_data``)."""
    key = ("claimwatch.place_spans", sent.start, sent.end)
    cache = sent.doc.user_data
    if key not in cache:
        cache[key] = _place_spans(sent)
    return list(cache[key])


def _place_spans(sent: Any) -> list[Any]:
    name_nouns, _ = _place_nouns()
    spans = [e for e in sent.ents if e.label_ in PLACE_LABELS or (
        (e.label_ in MISTAKEN_LABELS or _mistaken_people(e)) and e.root.dep_ == "pobj" and (
            e.root.head.lower_ in ("in", "at", "near", "outside", "around", "off", "over",
                                   "inside", "across")
            or (e.root.head.lower_ == "of" and e.root.head.head.lower_ in name_nouns)
            or _route_noun(e.root) is not None))
        or _names_an_area(e) or _after_compass_point(e)]
    covered = {i for e in sent.ents for i in range(e.start, e.end)}
    run: list[Token] = []
    for tok in [*sent, None]:
        if tok is not None and tok.pos_ == "PROPN" and tok.i not in covered:
            run.append(tok)
            continue
        if tok is not None and run and tok.text in ("-", "e", "al", "el", "ul", "i") \
                and tok.i + 1 < len(tok.doc) and tok.nbor(1).pos_ == "PROPN" \
                and not tok.whitespace_:
            run.append(tok)  # "Dasht-e-Barchi", "Deir al-Balah"
            continue
        if run:
            spans.append(sent.doc[run[0].i:run[-1].i + 1])
            run = []
    from claimwatch.resolve.entities import hyphenated, joined

    whole = [joined(hyphenated(e, sent.end), sent.end) for e in spans]
    inner = {i for e in whole for i in range(e.start + 1, e.end)}
    return sorted((e for e in whole if e.start not in inner and not _name_descriptor(e)),
                  key=lambda e: e.start)


def _name_descriptor(span: Any) -> bool:
    """A name made into a describing word by a lower-case tail ("a Belize-flagged ship",
    "Saudi-led forces", "a Gaza-based group"): whose or where from, not a place of the
    incident. Connectors inside a name ("Dasht-e-Barchi", "Ras al-Khaimah") are short."""
    last = span[-1]
    return len(span) >= 3 and span[-2].text == "-" and last.is_lower and len(last.text) > 3


COMPASS_POINTS = CueWords("roles", "compass_points")


def _after_compass_point(ent: Any) -> bool:
    """A name the model took for a people or group after "southwest of": a place
    ("55 miles southwest of X")."""
    root = ent.root
    return bool(ent.label_ in ("NORP", "ORG", "PERSON") and root.pos_ == "PROPN"
                and root.dep_ == "pobj" and root.head.lower_ == "of"
                and root.head.head.lower_ in COMPASS_POINTS)


def _names_an_area(ent: Any) -> bool:
    """A proper name the model took for a group or people that modifies an area noun: "the
    Rafah border area", "the Jenin camp" (the name of the place the area is by)."""
    if ent.label_ not in ("NORP", *MISTAKEN_LABELS) or ent.root.pos_ != "PROPN":
        return False
    _, area_heads = _place_nouns()
    area_heads = area_heads | _place_words("admin_heads")
    tok, area = ent.root, False
    while tok.dep_ == "compound" and tok.head.i != tok.i:
        tok = tok.head
        area = area or tok.lower_ in area_heads
    # and said to be where the thing happened: "in the X border area", not "from the X area"
    if area and tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS:
        return True
    # or a site that was hit: "drones attacked the X air base", "the X refinery was struck"
    return tok.i != ent.root.i and tok.lower_ in _place_words("facility_heads") \
        and ent.root.i < tok.i and tok.dep_ in ("dobj", "nsubjpass", "pobj") and ent.end <= tok.i


UNDER_ATTACK_VERBS = CueWords("roles", "under_attack_verbs")


def under_attack(ent: Any) -> bool:
    """ "Ukraine came under fresh attack", "the town was under fire": the subject is what
    was attacked, so where, not who."""
    root = ent.root
    verb = root.head
    if root.dep_ != "nsubj" or str(verb.lemma_).lower() not in UNDER_ATTACK_VERBS:
        return False
    lex = lexicon()
    return any(c.dep_ == "prep" and c.lower_ == "under" and any(
        g.dep_ == "pobj" and (str(g.lemma_).lower() in lex.nouns or g.lower_ == "fire")
        for g in c.children) for c in verb.children)


def is_locative(ent: Any) -> bool:
    """Whether a name stands where a place does: after in/at/near..., as what was hit, or
    beside a place noun. "a message to Yaounde", "talks with Kyiv" are not."""
    head = place_head(ent)
    if head.i != ent.root.i or under_attack(ent):
        return True
    if head.dep_ == "pobj":
        return head.head.lower_ in PLACE_PREPS and head.head.lower_ not in ("to", "against")
    if head.dep_ in ("dobj", "nsubjpass"):  # "shelled Kharkiv", not "punishing Nairobi"
        return str(head.head.lemma_).lower() in lexicon().verbs
    return head.dep_ in ("appos", "conj", "npadvmod")


def names_actor(ent: Any) -> bool:
    """ "Moscow said", "until Jakarta recognised", "Kyiv's allies": a government, not a
    place, whatever the trigger."""
    root = ent.root
    if root.dep_ == "poss" and place_head(ent).i != root.i:
        return False  # "Thailand's deep south"
    if under_attack(ent):
        return False  # "Ukraine came under attack": the place attacked
    return root.dep_ in ("nsubj", "poss") or (root.dep_ == "pobj" and root.head.lower_ == "by")


def used_as_actor(ent: Any, trigger: Token) -> bool:
    """ "Russia's strike", "Ukraine said", "a Houthi attack": an actor, not a place;
    "the defence ministry in Moscow", "officials in Kyiv": where a speaker sits."""
    root = ent.root
    seat = root.head.head
    if root.dep_ == "pobj" and root.head.lower_ in ("in", "at") and seat.i != trigger.i and (
            str(seat.lemma_).lower() in lexicon().cues["speaker_seat_nouns"]
            or (seat.dep_ == "nsubj" and str(seat.lemma_).lower()
                in lexicon().cues["speaker_mission_nouns"])):
        return True  # "the embassy in X condemned ...", not "a bomb outside the embassy in X"
    if root.dep_ == "poss" and place_head(ent).i != root.i:
        return False  # "Thailand's deep south": a part of the country
    if under_attack(ent):
        return False  # "Ukraine came under attack": the place attacked
    if root.dep_ == "poss" or (root.dep_ in ("compound", "amod") and root.head.i == trigger.i):
        return True
    if root.dep_ == "nsubj" or (root.dep_ == "nsubjpass" and root.head.i != trigger.i):
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "by"


def with_direction(ent: Any) -> str:
    """The place with what qualifies it: "northern Israel", "55 nautical miles southwest of
    Hodeidah" (the resolver shifts the point and lowers the precision)."""
    doc = ent.doc
    start = ent.start
    if start > 0 and doc[start - 1].lower_ in DIRECTION_WORDS:
        start -= 1
    before = doc[max(0, start - 12):start].text
    offset = OFFSET_BEFORE.search(before)
    if offset:
        return f"{offset.group('offset').strip()} {doc[start:ent.end].text}"
    head = place_head(ent)
    end = head.i + 1 if head.i >= ent.end else ent.end
    if end == ent.end and _area_noun_after(ent):
        end += 1  # "in Kaduna state", "the Sagaing region": the admin area, not its town
    return str(doc[start:end].text)


def _area_noun_after(ent: Any) -> bool:
    """The name modifies an admin-area noun right after it ("Kaduna state", "the Sagaing
    region"): the phrase names the area, so the resolver reads its precision."""
    if ent.end >= len(ent.doc):
        return False
    nxt = ent.doc[ent.end]
    # the parse may hang the noun elsewhere ("in Katsina state" with "state" an object)
    return nxt.lower_ in _place_words("area_suffixes") and nxt.pos_ in ("NOUN", "PROPN") \
        and not (nxt.i + 1 < len(ent.doc) and nxt.nbor(1).lower_ == "of")


# "5 km north of X", "... southwest of the Yemeni port of Hodeidah", "... north of the town of X"
OFFSET_BEFORE = CuePattern("roles", "offset_before", re.IGNORECASE)
