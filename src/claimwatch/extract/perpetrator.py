"""Decide who carried out an incident, from the parse first and then from claims/blame.

A candidate from the parse (subject, agent, possessor) is accepted only if it names an
actor: an entry of the actor table, or a phrase headed by a word for attackers
("gunmen", "militants"). Ship names, places, dates and weapons in subject position are
rejected. When the trigger gives nothing, sentences of the same incident are searched
for "X claimed (responsibility for) …", "X was behind …", "carried out by X",
"blamed X" and "attributed to X".
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Any

from claimwatch.extract import roles
from claimwatch.extract.lexicon import CueWords

Token = Any
ATTACKER_NOUNS = CueWords("perpetrator", "attacker_nouns")
NOT_PERPETRATORS = {"media", "osint", "ngo", "igo"}
CLAIM_LEMMAS = CueWords("perpetrator", "claim_lemmas")
BLAME_LEMMAS = CueWords("perpetrator", "blame_lemmas")
HALLMARK_LEMMAS = CueWords("perpetrator", "hallmark_lemmas")
SEND_LEMMAS = CueWords("perpetrator", "send_lemmas")
BELIEF_LEMMAS = CueWords("perpetrator", "belief_lemmas")
DENY_LEMMAS = CueWords("perpetrator", "deny_lemmas")
DISPLAY_LEMMAS = CueWords("perpetrator", "display_lemmas")
INSIGNIA_NOUNS = CueWords("perpetrator", "insignia_nouns")
MUTUAL_BLAME_VERBS = CueWords("perpetrator", "mutual_blame_verbs")
MUTUAL_BLAME_OBJECTS = CueWords("perpetrator", "mutual_blame_objects")
ANONYMOUS_PERSON_MODIFIERS = CueWords("perpetrator", "anonymous_person_modifiers")
ANONYMOUS_PERSON_HEADS = CueWords("perpetrator", "anonymous_person_heads")
# "Iran-backed", "al-Qaeda-linked": a patron that describes another actor
PATRON_SUFFIXES = CueWords("speakers", "patron_suffixes", file="claims_lexicon.json")


@lru_cache(maxsize=1)
def _table() -> Any:
    from claimwatch.resolve.actor import ActorTable

    return ActorTable.load()


def actor_in(text: str, *, prefer_armed: bool = False, groups_only: bool = False) -> str | None:
    """The actor a phrase names (its head-most table match), or None.

    ``prefer_armed`` (for "the group", "they"): the last armed group or state force named,
    before any other kind of actor. ``groups_only`` ("the group", "the movement"): armed
    groups alone, never a state's forces.
    """
    found = [(m, _table().names_patron(text, e)) for _s, e, m in _table().find_mentions(text)
             if m.entry.category not in NOT_PERPETRATORS and not _backer(text, e)]
    if prefer_armed or groups_only:   # "Houthi spokesman Yahya Saree": his group
        found = [(_group_of(m), patron) for m, patron in found]
    # a patron named only to describe another ("JNIM, al-Qaeda's affiliate") comes last
    hits = [m for m, patron in found if not patron] or [m for m, _ in found]
    if groups_only:
        hits = [m for m in hits if m.entry.category == "armed_group"]
    if not hits:
        return None
    if prefer_armed:
        armed = [m for m in hits if m.entry.category in ("armed_group", "state_force")]
        hits = armed or hits
    return str(hits[-1].entry.name)


def _backer(text: str, end: int) -> bool:
    """The actor named just before ``end`` backs another ("Iran-backed militants killed
    ..."): the proxies acted, not the patron, whoever they are."""
    rest = text[end:]
    if not rest.startswith("-"):
        return False
    word = rest[1:].split(maxsplit=1)[0].lower() if rest[1:].strip() else ""
    return word.strip(",.;:") in PATRON_SUFFIXES


def names_actor_alone(text: str) -> bool:
    """Whether a word is, on its own, the name of a group or a state ("Houthi", "ELN")."""
    match = _table().match(text)
    return match is not None and match.entry.category not in NOT_PERPETRATORS


def _group_of(match: Any) -> Any:
    """An individual of an armed group (its spokesman, its leader) stands for the group."""
    if match.entry.category != "individual" or not match.entry.affiliation:
        return match
    parent = _table().parent(match.entry)
    if parent is None or parent.category != "armed_group":
        return match
    return replace(match, entry=parent)


def weapon_owner(tok: Token) -> tuple[str, str] | None:
    """ "Russian guided bombs", "Houthi missiles": the actor modifying a weapon noun; a bare
    "army" ("an army drone strike") names the forces of the report's country, resolved
    later like "the army" as a subject."""
    for child in tok.children:
        if child.dep_ in ("amod", "compound", "poss") and child.i < tok.i:
            match = _table().match(child.text)
            if match and match.entry.category not in NOT_PERPETRATORS:
                name = _armed_forces(match.entry)
                return name, f"weapon of {child.text!r} ({match.rule})"
    for child in _modifiers_before(tok):
        if child.pos_ in ("NOUN", "ADJ") and _table().head_role(child.text) == "military":
            return child.text, f"weapon of the bare {child.text!r} (a state's forces)"
    return None


def _modifiers_before(tok: Token) -> list[Token]:
    """Noun modifiers before a word, and theirs ("army" in "an army drone strike")."""
    out = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i]
    return out + [g for c in out for g in c.children
                  if g.dep_ in ("amod", "compound") and g.i < c.i]


JOINT_MODIFIER_DEPS = ("amod", "compound", "nmod", "poss")


def joint_owners(tok: Token) -> list[tuple[str, str]]:
    """ "American and British aircraft", "US and British air strikes", "French and Malian
    troops": states joined by "and" acting through one weapon, attack or force are each
    one's armed forces (two or more of them; otherwise nothing)."""
    from claimwatch.extract.lexicon import lexicon

    lex = lexicon()
    mods = [tok] if tok.dep_ in JOINT_MODIFIER_DEPS and tok.head.i > tok.i else []
    mods += [c for c in tok.children if c.dep_ in JOINT_MODIFIER_DEPS and c.i < tok.i]
    for mod in mods:
        head = str(mod.head.lemma_).lower()
        if not (head in lex.nouns or head in lex.weapons or _attacker_noun(mod.head)):
            continue
        conjs = [c for c in mod.conjuncts if c.i < mod.head.i]
        if not conjs:
            continue
        found: list[str] = []
        for word in (mod, *conjs):
            match = _table().match(word.text)
            if match is None or match.entry.category not in ("state", "state_force"):
                break
            name = _armed_forces(match.entry)
            if name not in found:
                found.append(name)
        else:
            if len(found) > 1:
                why = f"joint {mod.head.text!r} of " + " and ".join(
                    repr(w.text) for w in sorted((mod, *conjs), key=lambda w: w.i))
                return [(name, why) for name in found]
    return []


def _armed_forces(entry: Any) -> str:
    """A state acting through a weapon or an attack ("an Israeli strike", "Russian
    missiles", "Israeli gunfire") is its military."""
    if entry.category == "state" and entry.country:
        forces = _table().role_entry(entry.country, "military")
        if forces is not None:
            return str(forces.name)
    return str(entry.name)


def _modifies_attack(tok: Token) -> bool:
    """The actor word modifies an attack or weapon noun: "Israeli gunfire", "Russia's strike"."""
    from claimwatch.extract.lexicon import lexicon

    if tok.dep_ not in ("amod", "compound", "poss", "nmod") or tok.head.i == tok.i:
        return False
    lex = lexicon()
    head = str(tok.head.lemma_).lower()
    return head in lex.nouns or head in lex.weapons


def accept(tok: Token) -> tuple[str, str] | None:
    """(name, why) if the token heads a phrase that names an actor."""
    text = roles.phrase(tok, drop_det=True)
    faction = _table().faction(text)
    if faction is not False:   # "a dissident faction of X": X's dissidents, never X itself
        return (str(faction.entry.name), f"{text!r} ({faction.rule})") if faction \
            else (text, f"{text!r}: a faction of a known group, not the group")
    whole = _table().match(text)
    if whole and whole.entry.category not in NOT_PERPETRATORS:
        canonical = _armed_forces(whole.entry) if _modifies_attack(tok) \
            else str(whole.entry.name)
        return canonical, f"{text!r} ({whole.rule})"
    for app in tok.children:  # "the Somali militant group al-Shabaab"
        if app.dep_ == "appos":
            match = _table().match(roles.phrase(app, drop_det=True))
            if match and match.entry.category not in NOT_PERPETRATORS:
                return str(match.entry.name), f"{text!r} named as {app.text!r} ({match.rule})"
    head_part = [t for t in tok.subtree if t.i <= tok.i]
    name = actor_in(roles.span_text(head_part))
    if name:
        return name, f"actor table match in {text!r}"
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    match = _table().match(roles.phrase(obj))
                    if match and match.entry.category not in NOT_PERPETRATORS:
                        return str(match.entry.name), f"{text!r} ({match.rule})"
    name = actor_in(text)
    if name:
        return name, f"actor table match in {text!r}"
    for ent in tok.sent.ents:
        if ent.start <= tok.i < ent.end and ent.label_ in ("ORG", "NORP"):
            return str(ent.text), f"named organisation {ent.text!r}"
    if _attacker_noun(tok):
        # "gunmen believed to belong to al-Shabaab", "fighters linked to IS"
        tail = [t for t in tok.subtree if t.i > tok.i]
        if not tail and tok.dep_ == "nsubj" and str(tok.head.lemma_).lower() in BELIEF_LEMMAS:
            # a misparse of "gunmen believed to belong to X abducted ...": X is in the xcomp
            tail = [t for c in tok.head.children if c.dep_ in ("xcomp", "prep")
                    for t in c.subtree]
        tied = actor_in(roles.span_text(tail), prefer_armed=True) if tail else None
        if tied:
            return tied, f"attacker noun {tok.text!r} tied to {tied}"
        return text, f"attacker noun {tok.text!r}"
    if _unnamed_people(tok):
        return text, f"attacker noun {tok.text!r} (unnamed people)"
    return None


def _attacker_noun(tok: Token) -> bool:
    """ "gunmen", "rebels", and a sentence-initial "Guerrillas" the tagger takes for a name."""
    words = (str(tok.lemma_).lower(), tok.lower_, tok.lower_.removesuffix("s"))
    return any(w in ATTACKER_NOUNS for w in words)


def _unnamed_people(tok: Token) -> bool:
    """ "unidentified persons", "heavily armed men", "masked individuals": people whom the
    report describes only by being armed or unknown, acting as attackers."""
    if str(tok.lemma_).lower() not in ANONYMOUS_PERSON_HEADS and \
            tok.lower_ not in ANONYMOUS_PERSON_HEADS:
        return False  # "an armed civilian" who shot the attacker is not one
    return any(c.dep_ in ("amod", "compound") and c.i < tok.i
               and c.lower_ in ANONYMOUS_PERSON_MODIFIERS for c in tok.children)


def from_claims(sents: list[Any]) -> tuple[str, str] | None:
    """ "X claimed responsibility", "X was behind", "carried out by X", "blamed X"."""
    for sent in sents:
        for tok in sent:
            lemma = str(tok.lemma_).lower()
            if any(c.dep_ == "neg" for c in tok.children) or _generic_statement(tok):
                continue  # "had not claimed the bombing", "has repeatedly claimed attacks"
            if lemma in BLAME_LEMMAS and any(c.dep_ == "dobj" and c.lower_ in ("other", "another")
                                             for c in tok.children):
                return None  # "blaming each other": contested, no one side named
            if lemma in CLAIM_LEMMAS and tok.pos_ == "VERB" and not _concedes_loss(tok):
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                found = accept(subj) if subj is not None else None
                if found:
                    return found[0], f"claimed by: {found[1]}"
            if lemma == "behind" and tok.head.lemma_ == "be":
                subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
                found = accept(subj) if subj is not None else None
                if found:
                    return found[0], f"'was behind': {found[1]}"
            if lemma in BLAME_LEMMAS and tok.pos_ == "VERB" and _counter_accusation(tok):
                continue  # "X denied involvement and blamed Y": the accused's word, no finding
            if lemma in BLAME_LEMMAS and tok.pos_ == "VERB":
                obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
                found = accept(obj) if obj is not None else None
                if found:
                    return found[0], f"blamed: {found[1]}"
                for prep in tok.children:  # "which Iran blamed on Israel", "attributed to X"
                    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None) \
                        if prep.dep_ == "prep" and prep.lower_ in ("on", "to") else None
                    found = accept(pobj) if pobj is not None else None
                    if found:
                        return found[0], f"blamed on: {found[1]}"
                for clause in tok.children:  # "police suspect Boko Haram militants attacked
                    # the village", "suspected al-Shabaab fighters had carried out the killings"
                    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None) \
                        if clause.dep_ == "ccomp" and _tells_attack(clause) else None
                    found = accept(subj) if subj is not None else None
                    if found and actor_in(found[0]) is not None:
                        return found[0], f"suspected of the attack: {found[1]}"
            if lemma in HALLMARK_LEMMAS and tok.pos_ == "NOUN":
                for prep in tok.children:  # "bore the hallmarks of the BRN"
                    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None) \
                        if prep.dep_ == "prep" and prep.lower_ == "of" else None
                    found = accept(pobj) if pobj is not None else None
                    if found:
                        return found[0], f"hallmarks of: {found[1]}"
            if lemma in DISPLAY_LEMMAS and tok.pos_ == "VERB":
                found = _insignia_of(tok)
                if found:  # "the gunmen waved the banner of the Example Front"
                    return found[0], f"the attackers bore its flag: {found[1]}"
            if lemma in SEND_LEMMAS and tok.pos_ == "VERB" and _weapon_object(tok):
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                found = accept(subj) if subj is not None else None
                if found:  # "officials said the Houthi movement had sent the drones"
                    return found[0], f"sent the weapons: {found[1]}"
    return None


CONCESSION_LEMMAS = CueWords("perpetrator", "concession_lemmas")
OWN_POSSESSIVES = ("its", "their", "our", "his", "her")


def _concedes_loss(verb: Any) -> bool:
    """ "the ministry acknowledged that the depot had been hit by drones", "admitted that
    two soldiers were killed": a passive clause with no own forces as its agent is the
    attacked side conceding the attack, not its author owning it."""
    if str(verb.lemma_).lower() not in CONCESSION_LEMMAS:
        return False
    for clause in verb.children:
        if clause.dep_ != "ccomp" or not any(c.dep_ == "nsubjpass" for c in clause.children):
            continue
        agents = [g for c in clause.children if c.dep_ == "agent"
                  for g in c.children if g.dep_ == "pobj"]
        if not any(p.dep_ == "poss" and p.lower_ in OWN_POSSESSIVES
                   for a in agents for p in a.children):
            return True
    return False


def described_before(text: str, doc: Any) -> tuple[str, str] | None:
    """ "suspected militants" in a report that told of "suspected al-Shabaab militants":
    the same description with the name left out names the same group (one group only;
    "unidentified gunmen" and other words for the unknown are never tied)."""
    words = text.lower().split()
    if len(words) < 2 or any(w in ANONYMOUS_PERSON_MODIFIERS for w in words):
        return None
    head, mods = words[-1], words[:-1]
    names: set[str] = set()
    for tok in doc:
        if tok.lower_ != head:
            continue
        left = [t for t in tok.subtree if t.i < tok.i]
        if not all(m in {t.lower_ for t in left} for m in mods):
            continue
        name = actor_in(roles.span_text([*left, tok]), groups_only=True)
        if name:
            names.add(name)
    if len(names) != 1:
        return None
    (name,) = names
    return name, f"{text!r}: the description the report gave {name}'s fighters"


def mutual_blame(sents: list[Any]) -> bool:
    """ "Israel and the militants traded blame for the blast", "blamed each other for it":
    the sides name each other, and no one attacker is established."""
    for sent in sents:
        for tok in sent:
            if tok.pos_ != "VERB":
                continue
            lemma = str(tok.lemma_).lower()
            objects = [c for c in tok.children if c.dep_ == "dobj"]
            if lemma in MUTUAL_BLAME_VERBS and any(
                    str(o.lemma_).lower() in MUTUAL_BLAME_OBJECTS for o in objects):
                return True
            if lemma in BLAME_LEMMAS and any(o.lower_ in ("other", "another") for o in objects):
                return True
    return False


def _counter_accusation(verb: Token) -> bool:
    """ "Moscow denied responsibility and blamed Ukrainian forces", "rejected the accusation,
    blaming army aircraft": a side that denies blaming another names no perpetrator."""
    linked = [verb.head] if verb.dep_ in ("conj", "advcl", "xcomp") else []
    linked += [c for c in verb.children if c.dep_ == "conj"]
    return any(str(t.lemma_).lower() in DENY_LEMMAS for t in linked)


def _insignia_of(verb: Token) -> tuple[str, str] | None:
    """ "the gunmen carried the flag of X", "attackers waved X banners": the attackers
    (an attacker noun as the subject) showed a named group's flag."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not _attacker_noun(subj):
        return None
    for obj in verb.children:
        if obj.dep_ != "dobj" or str(obj.lemma_).lower() not in INSIGNIA_NOUNS:
            continue
        owners = [g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                  for g in p.children if g.dep_ == "pobj"]
        owners += [c for c in obj.children if c.dep_ in ("compound", "amod", "poss")]
        for owner in owners:
            name = actor_in(roles.phrase(owner, drop_det=True), groups_only=True)
            if name:
                return name, f"{roles.phrase(obj, drop_det=True)!r}"
    return None


def _tells_attack(verb: Token) -> bool:
    """ "attacked the village", "had carried out the killings": a clause telling an attack."""
    from claimwatch.extract.lexicon import lexicon

    lex = lexicon()
    return str(verb.lemma_).lower() in lex.verbs or any(
        c.dep_ == "dobj" and str(c.lemma_).lower() in lex.nouns for c in verb.children)


def _weapon_object(verb: Token) -> bool:
    from claimwatch.extract.lexicon import lexicon

    weapons = lexicon().weapons
    return any(c.dep_ == "dobj" and str(c.lemma_).lower() in weapons for c in verb.children)


def _generic_statement(verb: Token) -> bool:
    """ "has repeatedly claimed attacks on warships": a pattern, not this incident."""
    from claimwatch.extract.lexicon import lexicon

    lex = lexicon()
    if any(c.dep_ == "advmod" and c.lower_ in lex.cues["generic_adverbs"] for c in verb.children):
        return True
    return any(c.dep_ == "dobj" and c.tag_ == "NNS" and str(c.lemma_).lower() in lex.nouns
               and not any(d.dep_ in ("det", "poss") for d in c.children)
               for c in verb.children)
