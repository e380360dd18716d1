"""Find attack triggers in a parsed report, and drop those that describe no incident.

A trigger is a verb or noun from the trigger lexicon ("attacked", "strike", "shelling").
It is dropped when the parse shows it is negated, modal, hypothetical, a threat or plan,
generic/habitual ("have been targeting ... repeatedly"), or an ongoing campaign.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claimwatch.extract.lexicon import CueWords, Lexicon, lexicon

Token = Any  # spaCy Token
TEMPORAL_MARKS = CueWords("triggers", "temporal_marks")
PERSON_WEAPON_WORDS = CueWords("suicide_attack", "person_words", file="weapons.json")


@dataclass
class Trigger:
    """One word that names an attack, with what the lexicon and its clause imply."""

    token: Token
    kind: str  # "verb" | "noun"
    attack_types: list[str] = field(default_factory=list)
    rule: str = ""
    weak: bool = False
    needs_date: bool = False  # "kill"-type triggers: used only when nothing stronger is present
    # "forces destroyed two drone boats": weapon words in the object were hit, not used
    object_is_target: bool = False

    @property
    def sent(self) -> Any:
        return self.token.sent


def _lemma(tok: Token) -> str:
    return str(tok.lemma_).lower()


def clause_weapon_types(tok: Token, lex: Lexicon) -> list[str]:
    """Attack types implied by weapon words in the trigger's phrase and its head's."""
    earlier = {v.i for v in earlier_clause_verbs(tok.sent, lex)} - {tok.i}
    scope = [t for t in _own_clause(tok) if not any(a.i in earlier for a in [t, *t.ancestors])]
    if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
        scope.append(tok.head)  # "two drones that were brought down", "a drone exploding"
    scope += instrument_objects(tok, lex)
    if tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "attr") and tok.head.i != tok.i:
        # "the attack came a day after X was hit by a missile": that clause is X's
        scope += [t for c in tok.head.children if c.i != tok.i and not _is_clause_conj(c)
                  and c.i not in earlier for t in _own_clause(c)]
    answered = {i for a in answered_phrases(tok.sent, lex) if tok.i not in a for i in a}
    # a word told of the incident another one answers, outside the trigger's phrase ("the
    # raid may have avenged an offensive backed by air strikes") is not its own
    mine = {t.i for t in tok.subtree}
    others = {t.i for t in tok.sent if t.i not in mine and answered_incident(t, lex)}
    types: list[str] = []
    sent_start = tok.sent.start
    words = [t for t in scope if t.sent.start == sent_start and t.i != tok.i
             and t.i not in answered and not (others and any(a.i in others for a in t.ancestors))
             and not _person_bomber(t)]
    i = 0
    while i < len(words):
        named = lex.weapon_at(words[i])
        if named is not None and named[0] and named[0] not in types:
            types.append(named[0])
        if named is None or named[1] == named[2]:
            i += 1
            continue
        while i < len(words) and words[i].i <= named[2]:
            i += 1  # "rocket-propelled grenades": one weapon, whatever its words
    return types


def _person_bomber(tok: Token) -> bool:
    """ "the first bomber detonated her explosives", a "bomber" in a sentence telling a
    suicide attack: a person, not an aircraft."""
    from claimwatch.extract.acled import tells_suicide_attack

    if _lemma(tok) not in PERSON_WEAPON_WORDS and tok.lower_ not in PERSON_WEAPON_WORDS:
        return False
    pronouns = lexicon().cues["person_bomber_pronouns"]
    return any(t.lower_ in pronouns for t in tok.head.subtree) \
        or tells_suicide_attack(tok.sent.text)


def instrument_objects(tok: Token, lex: Lexicon) -> list[Token]:
    """The weapon of "used a quadcopter to drop grenades": the object of the verb (use,
    deploy) the trigger is the purpose of, with its modifiers."""
    head = tok.head
    if tok.dep_ not in ("xcomp", "advcl") or _lemma(head) not in lex.cues["instrument_verbs"]:
        return []
    return [t for c in head.children if c.dep_ == "dobj" for t in c.subtree]


def answered_incident(noun: Token, lex: Lexicon) -> bool:
    """An incident noun told as the one answered: "in retaliation for the strikes", "a
    response to the raid" (another incident than the one that answers it)."""
    prep = noun.head
    return bool(noun.pos_ == "NOUN" and _lemma(noun) in lex.nouns and noun.dep_ == "pobj"
                and prep.lower_ in ("to", "for")
                and _lemma(prep.head) in lex.cues["retaliation_nouns"])


def answered_phrases(sent: Any, lex: Lexicon) -> list[set[int]]:
    """Token indices of "revenge for X", "in response to X": an incident another one
    answers, whose weapons and toll are not the answer's. A relative clause after X ("...
    for a raid in which soldiers killed 14") is X's even where the parse hangs it higher."""
    nouns = set(lex.cues["retaliation_nouns"])
    out = []
    for head in sent:
        if not (head.dep_ == "pobj" and head.head.lower_ in ("to", "for")
                and _lemma(head.head.head) in nouns):
            continue
        inside = {t.i for t in head.subtree}
        verb = head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        for c in verb.children:
            if c.i > head.i and c.pos_ in ("VERB", "AUX") and any(
                    t.tag_ in ("WDT", "WP", "WRB") and t.i < c.i for t in c.subtree):
                inside |= {t.i for t in c.subtree}
        out.append(inside)
    return out


def earlier_clause_verbs(sent: Any, lex: Lexicon) -> list[Token]:
    """Heads of "hours after X had been hit", "a day after X was struck": clauses telling
    an earlier incident, set apart by the time elapsed since it."""
    units = set(lex.cues["elapsed_units"])
    found = []
    for node in sent:
        if node.dep_ != "advcl":
            continue
        mark = next((c for c in node.children if c.dep_ == "mark" and c.lower_ == "after"),
                    None)
        if mark is None:
            continue
        before = [sent.doc[mark.i - 1]] if mark.i > sent.start else []
        near = [c for c in node.children if c.dep_ in ("dep", "npadvmod") and c.i < mark.i]
        # "launched it after X was hit hours earlier": the time elapsed told inside
        near += [g for c in node.children if c.dep_ == "advmod"
                 and c.lower_ in lex.cues["earlier_adverbs"]
                 for g in c.children if g.dep_ == "npadvmod"]
        if any(_lemma(w) in units for w in [*before, *near]):
            found.append(node)
    return found


def _own_clause(tok: Token) -> list[Token]:
    """The token's subtree without clauses conjoined to it ("fired rockets, and an air
    strike hit ..."): their weapons are another incident's."""
    skip: set[int] = set()
    for c in tok.subtree:
        if _is_clause_conj(c) and c.i != tok.i:
            skip.update(t.i for t in c.subtree)
    return [t for t in tok.subtree if t.i not in skip]


def _is_clause_conj(tok: Token) -> bool:
    return bool(tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX"))


def _is_irrealis(tok: Token, lex: Lexicon) -> str | None:
    """Why the trigger is not an incident (negated, modal, planned...), or None."""
    cues = lex.cues
    for child in tok.children:
        if child.dep_ == "neg":
            return "negated"
        if child.dep_ == "aux" and _lemma(child) in cues["modal_aux"]:
            return f"modal '{child.text}'"
        if child.dep_ in ("amod", "compound") and _lemma(child) in cues["irrealis_modifiers"]:
            return f"modifier '{child.text}'"
        if child.dep_ == "det" and _lemma(child) in cues["irrealis_determiners"]:
            return f"determiner '{child.text}'"
        if child.dep_ == "advmod" and _lemma(child) in cues["generic_adverbs"]:
            return f"generic adverb '{child.text}'"
    for anc in _verb_chain(tok):
        if any(c.dep_ == "aux" and _lemma(c) in cues["modal_aux"] for c in anc.children):
            return f"modal on '{anc.text}'"
    head = tok
    for _ in range(4):
        if head.head.i == head.i:
            break
        parent = head.head
        if head.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS
                                        for c in head.children):
            break  # "mourning began after drones attacked": the attack happened
        if head.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "prep", "advcl", "acl", "nsubj",
                         "relcl", "nsubjpass", "attr", "conj", "pcomp") \
                and _lemma(parent) in cues["irrealis_heads"] \
                and not _began_with(tok, head, parent, cues):
            return f"under '{parent.text}'"
        if head.dep_ == "conj":
            head = parent
            continue
        if head.dep_ not in ("xcomp", "dobj", "pobj", "prep", "pcomp", "acl"):
            break
        head = parent
    return None


def _began_with(tok: Token, head: Token, parent: Token, cues: dict[str, Any]) -> bool:
    """ "The raid began at dawn with drone strikes": an incident that started, told in the
    past, is no plan ("began targeting ships" stays a campaign)."""
    if _lemma(parent) not in cues["inception_heads"] or parent.tag_ != "VBD":
        return False
    if head.dep_ == "nsubj" and tok.i == head.i:
        return True
    return head.dep_ == "prep" and head.lower_ == "with"


def _verb_chain(tok: Token) -> list[Token]:
    """The verbs governing a trigger through xcomp/ccomp-free links ("would continue to X")."""
    chain = []
    cur = tok
    for _ in range(4):
        if cur.dep_ not in ("xcomp", "dobj", "pobj", "prep") or cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            chain.append(cur)
    return chain


def _since_clause(tok: Token) -> bool:
    return tok.head.lower_ == "since" and tok.dep_ == "pcomp" or any(
        c.dep_ == "mark" and c.lower_ == "since" for c in tok.children)


def _is_generic(tok: Token, lex: Lexicon) -> str | None:
    """Habitual or ongoing statements: progressive perfect, generic adverbs in the clause."""
    if _since_clause(tok) or (tok.dep_ in ("dobj", "nsubjpass") and _since_clause(tok.head)):
        # "since launching an offensive in the region": what a campaign began with
        return "'since ...' clause (when a campaign began)"
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    for _ in range(2):
        if verb.pos_ == "VERB":
            break
        verb = verb.head
    aux = {_lemma(c) for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBG" and "have" in aux and "be" in aux:
        return "progressive perfect (ongoing or habitual)"
    if verb.tag_ == "VBG" and "be" in aux and any(
            _lemma(c) in lex.cues["generic_adverbs"] for c in verb.subtree):
        return "habitual"
    for c in verb.children:
        if c.dep_ == "advmod" and _lemma(c) in lex.cues["generic_adverbs"]:
            return f"generic adverb '{c.text}'"
    present_perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve")
                          for c in verb.children)
    if present_perfect and verb.tag_ == "VBN":
        clause = " ".join(t.lower_ for t in verb.subtree)
        cue = next((c for c in lex.cues["campaign_cues"] if f" {c} " in f" {clause} "), None)
        if cue:
            return f"present perfect with '{cue}' (a campaign, not an incident)"
    counted = tok if tok.pos_ == "NOUN" else next(
        (c for c in tok.children if c.dep_ == "nsubj" and _lemma(c) in lex.nouns), None)
    if counted is not None and counted.tag_ == "NNS" and any(c.dep_ == "nummod"
                                                             for c in counted.children):
        clause = f" {' '.join(t.lower_ for t in verb.subtree)} "
        spans = lex.cues["running_total_spans"] + lex.cues["tally_spans"]
        span = next((c for c in spans if f" {c} " in clause), None)
        if span:  # "138 combat clashes took place along the front over the past day";
            # "three attacks this week killed 17 people", the toll of them all
            return f"a count of attacks '{span}' a span (a tally, not an incident)"
    if tok.pos_ == "NOUN" and tok.tag_ == "NNS":
        dets = [c for c in tok.children if c.dep_ in ("det", "nummod")
                and c.lower_ not in ("some", "many", "several", "such", "any", "no")]
        dated = any(t.ent_type_ in ("DATE", "TIME") and t.i != tok.i and not any(
            a.lower_ in ("since", "over", "for", "throughout") for a in t.ancestors
            if a.i > tok.i) for t in tok.subtree)
        if not dets and not dated:  # "clashes overnight along the border" is one night's
            return "bare plural (a pattern, not an incident)"
    return None


def _phrasal_trigger(tok: Token, lex: Lexicon) -> Trigger | None:
    """ "opened fire", "set the hall on fire", "blew himself up", "shot down"."""
    parts = lex.phrasal.get(_lemma(tok))
    if not parts:
        return None
    figurative = lex.phrasal_figurative.get(_lemma(tok), [])
    if any(c.dep_ == "prep" and c.lower_ in figurative for c in tok.children):
        return None  # "came under fire for his remarks": criticism
    words = []
    # "boats fired on the ship": the preposition itself, when nothing fired is named
    # ("fired rockets on the town" is decided by its object)
    fired = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")
             and (c.dep_ == "dobj" or _lemma(c) in lex.weapons)]
    for c in tok.children:
        if c.dep_ in ("dobj", "prt", "advmod", "oprd", "acomp", "xcomp", "ccomp", "npadvmod"):
            words.append(c)
        if c.dep_ in ("prep", "dative"):
            words += [g for g in c.children if g.dep_ == "pobj"]
            if not fired:
                words.append(c)
    for w in words:
        types = parts.get(_lemma(w)) if _lemma(w) in parts else parts.get(w.lower_)
        if types is not None:
            return Trigger(tok, "verb", list(types), rule=f"phrase '{tok.lemma_} {w.text}'")
    return None


def _not_weapon(word: Token, lex: Lexicon) -> bool:
    """The word is part of a phrase that names no weapon ("stun grenades", "tear gas
    grenades": weapons.json not_weapon_phrases)."""
    named = lex.weapon_span(word)
    return named is not None and named[0] == ""


def _verb_trigger(tok: Token, lex: Lexicon) -> Trigger | None:
    lemma = _lemma(tok)
    phrasal = _phrasal_trigger(tok, lex)
    if phrasal is not None:
        return phrasal
    if lemma in lex.weapon_subject_verbs and lemma not in lex.verbs:
        return _weapon_subject_trigger(tok, lex)
    if lemma not in lex.verbs:
        return None
    needed = lex.verb_objects.get(lemma)
    if needed:
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
        objs += [g for c in tok.children if c.dep_ == "prep" for g in c.children
                 if g.dep_ == "pobj"]
        words = {_lemma(w) for o in objs for w in o.subtree if not _not_weapon(w, lex)}
        if not words & set(needed):
            return None
    armed = lex.verb_subjects.get(lemma)
    if armed and not _armed_subject(tok, set(armed)):
        return None  # "the blast destroyed two vehicles": a consequence, not an attack
    by_object = lex.verb_object_types.get(lemma)
    if by_object is not None:
        heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        types = next((list(by_object[_lemma(h)]) for h in heads if _lemma(h) in by_object),
                     list(lex.verbs[lemma]))
        return Trigger(tok, "verb", types, rule=f"verb '{lemma}' (armed subject)",
                       object_is_target=True)
    bad = lex.verb_not_with.get(lemma)
    if bad:
        near = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        if tok.dep_ in ("acl", "relcl", "amod"):
            near.append(tok.head)
        if any(_lemma(n) in bad for n in near):
            return None
    if lemma in JUDICIAL_VERBS and _judicial(tok):
        return None
    types = list(lex.verbs[lemma])
    if lemma in ("kill", "slaughter"):
        # "a landmine killed four passengers": a weapon that kills is the incident itself
        return _weapon_subject_trigger(tok, lex) or Trigger(
            tok, "verb", types, rule=f"verb '{lemma}'", weak=True)
    return Trigger(tok, "verb", types, rule=f"verb '{lemma}'")


JUDICIAL_VERBS = CueWords("judicial", "verbs", file="triggers.json")
JUDICIAL_WORDS = CueWords("judicial", "words", file="triggers.json")
JUDICIAL_VICTIM_WORDS = CueWords("judicial", "victim_words", file="triggers.json")
COURT_SUBJECTS = CueWords("judicial", "court_subjects", file="triggers.json")
VICTIM_DEPS = ("dobj", "nsubjpass")
OTHER_CLAUSE_DEPS = ("nsubj", "nsubjpass", "expl")


def _judicial(tok: Token) -> bool:
    """ "was executed by firing squad after a trial", "executed two men convicted of
    spying", "the judiciary said it had executed ...": a court's sentence carried out, not
    an attack. Only the verb's own phrases count: "executed ... without trial", "executed a
    judge", "the officer in charge said", "days after a court jailed their leader" are
    summary executions."""
    if _court_subject(tok):
        return True
    for child in tok.children:
        if child.dep_ in ("nsubj", "parataxis") or _other_clause(child):
            continue
        words = JUDICIAL_VICTIM_WORDS if child.dep_ in VICTIM_DEPS else JUDICIAL_WORDS
        if any(_lemma(t) in words or t.lower_ in words for t in _own_phrase(child)):
            return True
    return False


def _other_clause(tok: Token) -> bool:
    """A verb with a subject of its own ("a court jailed their leader") starts another
    clause."""
    return tok.pos_ in ("VERB", "AUX") and any(c.dep_ in OTHER_CLAUSE_DEPS for c in tok.children)


def _own_phrase(tok: Token) -> list[Token]:
    """The phrase under a word, leaving out other clauses and what 'without' governs."""
    if tok.lower_ == "without" or _other_clause(tok):
        return []
    return [tok] + [t for c in tok.children for t in _own_phrase(c)]


def _court_subject(tok: Token) -> bool:
    """ "The court executed ...", "the judiciary said it had executed ...": a court's act."""
    heads = [tok, tok.head] if tok.dep_ in ("ccomp", "xcomp", "conj") else [tok]
    subjects = [c for h in heads for c in h.children if c.dep_ in ("nsubj", "agent")]
    subjects += [g for s in subjects if s.dep_ == "agent" for g in s.children]
    return any(_lemma(s) in COURT_SUBJECTS or any(
        c.dep_ in ("poss", "compound") and _lemma(c) in COURT_SUBJECTS for c in s.children)
        for s in subjects)


def subject_weapon_type(subj: Token, lex: Lexicon) -> str | None:
    """The attack type a subject noun names as a weapon, by its lemma or with its compound
    modifier ("mortar rounds", "roadside bomb"); None for attackers ("bomber")."""
    if _lemma(subj) in lex.not_weapons or subj.lower_ in lex.not_weapons:
        return None
    mods = [c for c in subj.lefts if c.dep_ in ("compound", "amod") and c.i == subj.i - 1]
    pair = f"{mods[0].lower_} {_lemma(subj)}" if mods else ""
    if pair in lex.not_weapons:
        return None
    phrase = lex.phrase_type_ending_at(subj)
    if phrase is not None:
        return phrase or None
    return lex.weapons.get(_lemma(subj))


def _weapon_subject_trigger(tok: Token, lex: Lexicon) -> Trigger | None:
    """ "Shells slammed into ...", "a landmine killed ...": a verb whose subject is a weapon."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    wtype = subject_weapon_type(subj, lex) if subj is not None else None
    if wtype is None or subj is None:
        return None
    return Trigger(tok, "verb", [wtype], rule=f"'{subj.text} {tok.text}'")


def _instrument_types(tok: Token, lex: Lexicon) -> list[str]:
    """Weapon types named in the verb's 'with'/'using' phrase ("destroyed the launcher with
    a drone strike"), leaving out its object's words."""
    types: list[str] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("with", "using", "by") or c.dep_ == "advcl" and \
                c.lower_ == "using":
            for w in c.subtree:
                named = lex.weapon_span(w)
                wt = named[0] if named is not None else lex.weapons.get(_lemma(w))
                if wt and _lemma(w) not in lex.not_weapons and wt not in types:
                    types.append(wt)
    return types


def _armed_subject(tok: Token, armed: set[str]) -> bool:
    """The verb's subject (or passive 'by' agent) is an armed force or group, by its head
    noun or a compound/modifier of it ("its forces", "Houthi fighters", "the army")."""
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    subj += [g for c in tok.children if c.dep_ == "agent" for g in c.children
             if g.dep_ == "pobj"]
    if not subj and tok.dep_ == "conj":  # "forces struck and destroyed ..."
        subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
    return any(_lemma(s) in armed or _lemma(s).rstrip("s") in armed for s in subj)


def _noun_trigger(tok: Token, lex: Lexicon) -> Trigger | None:
    lemma = _lemma(tok)
    if lemma not in lex.nouns:
        return None
    needed = lex.noun_modifiers.get(lemma)
    if needed is not None:
        mods = {_lemma(c) for c in tok.children if c.dep_ in ("amod", "compound")}
        if not (mods & set(needed)) and not clause_weapon_types(tok, lex):
            return None
    return Trigger(tok, "noun", list(lex.nouns[lemma]), rule=f"noun '{lemma}'",
                   weak=lemma in ("killing",) or tok.tag_ == "NNS")


def find_triggers(sdoc: Any, lex: Lexicon | None = None) -> tuple[list[Trigger], list[str]]:
    """Attack triggers in document order, and why each rejected candidate was dropped."""
    lex = lex or lexicon()
    found: list[Trigger] = []
    dropped: list[str] = []
    for tok in sdoc:
        trig = None
        if tok.pos_ == "VERB":
            trig = _verb_trigger(tok, lex)
        elif tok.pos_ in ("NOUN", "PROPN"):
            trig = _noun_trigger(tok, lex)
        if trig is None:
            continue
        reason = _is_irrealis(tok, lex) or _is_generic(tok, lex) or (
            _abstract_subject(tok, lex) if trig.weak else None)
        if reason:
            dropped.append(f"{tok.text!r} at {tok.idx}: {reason}")
            continue
        trig.needs_date = _lemma(tok) in lex.needs_date
        for wt in (_instrument_types(tok, lex) if trig.object_is_target
                   else clause_weapon_types(tok, lex)):
            if wt not in trig.attack_types:
                trig.attack_types.append(wt)
        found.append(trig)
    return _drop_weak(found), dropped


def _abstract_subject(tok: Token, lex: Lexicon) -> str | None:
    """ "The conflict has killed 300,000": a toll of a war, not an incident."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None and tok.dep_ == "conj":  # "fighting erupted in April and has killed"
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    if subj is not None and _lemma(subj) in lex.cues["abstract_subjects"]:
        return f"subject '{subj.text}' is not an attacker"
    return None


def _drop_weak(triggers: list[Trigger]) -> list[Trigger]:
    """Keep weak triggers ("killed") only in sentences with no stronger trigger."""
    strong_sents = {t.sent.start for t in triggers if not t.weak}
    return [t for t in triggers if not t.weak or t.sent.start not in strong_sents]
