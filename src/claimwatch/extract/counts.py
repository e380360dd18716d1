"""Casualty counts: people killed, injured and abducted, as ranges with a qualifier.

Numbers count casualties only when the parse ties them to a person noun governed by a
casualty word ("three soldiers were killed", "killing six people", "the death toll rose
to 137"); munitions ("5,000 rockets") never count.
"""

from __future__ import annotations

import re
from typing import Any

from claimwatch.extract.lexicon import Lexicon, lexicon
from claimwatch.model import Count

Token = Any
NUM_RE = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")


def parse_number(tok: Token, lex: Lexicon) -> int | None:
    text = tok.lower_.replace(",", "")
    if NUM_RE.match(tok.text) or text.isdigit():
        return int(text)
    words: dict[str, int] = lex.cues["number_words"]
    if text in words and text not in ("a", "an"):
        value = words[text]
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_ in ("hundred", "thousand") and text != nxt.lower_:
            value *= words[nxt.lower_]
        return value
    return None


def _qualifier(num: Token, lex: Lexicon) -> str | None:
    doc = num.doc
    quals: dict[str, str] = lex.cues["count_qualifiers"]
    end = num.i
    if end > 0 and doc[end - 1].lower_ in ("a", "an") and not num.text[0].isdigit():
        end -= 1  # "at least a dozen", "more than a hundred"
    for width in (3, 2, 1):
        start = end - width
        if start < 0:
            continue
        phrase = " ".join(t.lower_ for t in doc[start:end])
        if phrase in quals:
            return quals[phrase]
    return None


def _number_of(noun: Token, lex: Lexicon) -> Count | None:
    """The count a noun phrase states: "at least 1,300 people", "200", "dozens"."""
    vague: dict[str, list[Any]] = lex.cues["vague_counts"]
    if noun.lower_ in ("nobody", "none", "noone") or any(
            c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return Count(0, 0, None)  # "no one was hurt", "no soldiers were killed"
    cands = [noun] if parse_number(noun, lex) is not None else []
    cands += [c for c in noun.children if c.dep_ in ("nummod", "quantmod")
              and parse_number(c, lex) is not None]
    if not cands:
        for c in [noun, *noun.children]:
            low, high, qual = vague.get(c.lower_, (None, None, None))
            if qual and (low is not None or high is not None):
                return Count(low, high, qual)
        if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children) \
                and noun.tag_ == "NN":
            return Count(1, 1, None)
        if noun.ent_type_ == "PERSON" and noun.pos_ == "PROPN":
            return Count(1, 1, None)  # a named person: one
        return None
    num = cands[0]
    value = parse_number(num, lex)
    assert value is not None
    qual = _qualifier(num, lex)
    between = [c for c in num.children if c.dep_ == "conj" and parse_number(c, lex)]
    prev = num.doc[num.i - 1] if num.i > 0 else None
    if prev is not None and prev.lower_ == "between" and between:
        return Count(value, parse_number(between[0], lex), None)
    if qual == "at least":
        return Count(value, None, qual)
    if qual == "more than":
        return Count(value + 1, None, qual)
    if qual == "up to":
        return Count(None, value, qual)
    if qual == "fewer than":
        return Count(None, value - 1, qual)
    if qual == "about":
        return Count(value, None, qual)  # "about 1,400": a figure, not a bound
    if qual == "nearly":
        return Count(None, value, qual)  # "nearly 100": below it
    return Count(value, value, None)


def count_of(noun: Token, lex: Lexicon | None = None) -> Count | None:
    """The number of people a noun phrase counts ("three soldiers and a civilian" = 4)."""
    return _sum_conjuncts(noun, lex or lexicon())


def _is_person(noun: Token, lex: Lexicon) -> bool:
    lemma = str(noun.lemma_).lower()
    if lemma in lex.weapons or noun.lower_ in lex.weapons:
        return False
    if lemma in lex.cues["person_nouns"] or noun.ent_type_ in ("NORP", "CARDINAL", "PERSON"):
        return True
    return parse_number(noun, lex) is not None or noun.lower_ in lex.cues["vague_counts"]


def _sum_conjuncts(noun: Token, lex: Lexicon) -> Count | None:
    """ "three soldiers and a civilian" = 4."""
    first = _number_of(noun, lex)
    if first is None:
        return None
    total = first
    for c in [*noun.conjuncts, *_misattached_conjunct(noun, lex)]:
        if c.i < noun.i or not _is_person(c, lex):
            continue
        more = _number_of(c, lex)
        if more is None or total.low is None or more.low is None:
            continue
        high = total.high + more.high if total.high is not None and more.high is not None \
            else None
        total = Count(total.low + more.low, high, total.qualifier)
    return total


def _misattached_conjunct(noun: Token, lex: Lexicon) -> list[Token]:
    """ "killed two employees and at least four Afghans", with "Afghans" parsed as a conjunct
    of a noun further back: the counted people right after "and" still add up."""
    doc = noun.doc
    nxt = noun.i + 1
    if nxt >= len(doc) or doc[nxt].lower_ != "and":
        return []
    for t in doc[nxt + 1:min(len(doc), nxt + 6)]:
        if t.pos_ in ("NOUN", "PROPN"):
            if t.dep_ == "conj" and t not in noun.conjuncts and t.head.i < noun.i \
                    and _is_person(t, lex) and any(c.dep_ == "nummod" for c in t.children):
                return [t]
            return []
    return []


def counted_nouns(word: Token) -> list[Token]:
    """The nouns a casualty word counts, by its syntactic relation to them."""
    out: list[Token] = []
    for c in word.children:
        if c.dep_ in ("nsubjpass", "dobj", "nsubj") and c.pos_ in ("NOUN", "PROPN", "NUM",
                                                                   "PRON"):
            out.append(c)
    if not out:
        # "wounding around 50": the qualifier parsed as a preposition and the number its object
        quals = lexicon().cues["count_qualifiers"]
        out += [g for c in word.children if c.dep_ == "prep" and c.lower_ in quals
                for g in c.children if g.dep_ == "pobj" and g.pos_ == "NUM"
                and g.ent_type_ not in ("DATE", "TIME") and g.i == c.i + 1]
    if word.dep_ in ("amod", "acl", "relcl") and word.head.pos_ in ("NOUN", "NUM"):
        out.append(word.head)
    if word.pos_ == "ADJ" and word.dep_ in ("acomp", "oprd", "ccomp", "xcomp"):
        subj = [c for c in word.head.children if c.dep_ in ("nsubj", "dobj", "nsubjpass")]
        out += subj
    if not out and word.tag_ == "VBG":
        # "..., wounding at least seven people, police said": the parse may hang the
        # people on the reporting verb; the noun right after the participle is its object
        # (before the conjunct's: "killing four and wounding 19 others" counts 19 wounded)
        for t in word.doc[word.i + 1:min(len(word.doc), word.i + 6)]:
            if t.pos_ in ("NOUN", "PROPN"):
                if any(c.dep_ == "nummod" for c in t.children):
                    out.append(t)
                break
    if word.dep_ == "conj" and not out:
        out += [c for c in word.head.children if c.dep_ in ("nsubjpass", "nsubj", "dobj")]
    return out


def _person_in_compound(noun: Token, lex: Lexicon) -> Token:
    """ "held its 14 crew members hostage": the parse may make the counted people a
    compound of "hostage"; the person noun carries the number."""
    if _is_person(noun, lex) and _number_of(noun, lex) is not None:
        return noun
    for c in noun.children:
        if c.dep_ == "compound" and c.i < noun.i and _is_person(c, lex) and any(
                g.dep_ == "nummod" and parse_number(g, lex) is not None for g in c.children):
            return c
    return noun


def _toll(word: Token, lex: Lexicon) -> Count | None:
    """ "the death toll rose to at least 137"."""
    verb = word.head
    for t in verb.subtree:
        if t.i > word.i and parse_number(t, lex) is not None and t.ent_type_ != "DATE":
            found = _number_of(t, lex)
            hedged = any(c.dep_ == "aux" and c.lower_ in lex.cues["toll_hedges"]
                         for c in verb.children)
            if found is not None and hedged and found.low is not None:
                # "the toll could rise to 100": an upper estimate, not a count
                return Count(None, found.high if found.high is not None else found.low,
                             "up to")
            return found
    return None


def _clause_verb(word: Token) -> Token | None:
    """The verb whose subject caused a casualty word ("killing" -> the main verb)."""
    verb = word
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    while verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.i != verb.i and not any(
            c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children):
        verb = verb.head  # "..., killing 45": the clause it hangs on says what killed
    return verb


def _cause(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "nsubj":
            return c
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("in", "by", "during")):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _in_answered(word: Token, lex: Lexicon, own: set[int]) -> bool:
    """The word tells the incident another one answers ("retaliation for X"), not this one."""
    from claimwatch.extract.triggers import answered_phrases

    sent = word.sent
    phrases = answered_phrases(sent, lex)
    if any(word.i in inside and not inside & own for inside in phrases):
        return True
    # and the answer's toll is not the incident answered ("killed 600 in a strike, calling
    # it revenge for an attack on troops" told of that attack)
    here = {i for i in own if sent.start <= i < sent.end}
    return bool(here) and all(any(i in inside for inside in phrases) for i in here) \
        and not any(word.i in inside for inside in phrases)


def foreign_toll(word: Token, lex: Lexicon, own: set[int] | None,
                 others: set[int] | None = None) -> bool:
    """A casualty clause about something else: a war's or campaign's toll ("the conflict has
    killed 300,000", "have been killed since the war began"), or one whose cause is an
    attack or weapon named in a sentence where none of this incident's triggers is ("a
    series of bombs outside the school killed 80")."""
    if own is not None and _in_answered(word, lex, own):
        return True  # "revenge for a raid in which troops killed 11": the raid's toll
    verb = _clause_verb(word)
    if verb is None:
        return False
    if own is not None and others and _governed_by_other(word, own, others):
        return True  # "an operation in X, in which troops killed 11": the operation's toll
    perfect = any(c.dep_ == "aux" and str(c.lemma_).lower() == "have" for c in verb.children)
    if perfect and (any(c.lower_ == "since" and c.dep_ in ("prep", "mark")
                        for c in verb.children) or any(
            c.dep_ == "advcl" and any(g.lower_ == "since" and g.dep_ == "mark"
                                      for g in c.children) for c in verb.children)):
        return True  # "have been killed since the war began": a running total
    if perfect and _running_total(verb, lex):
        return True
    if others and verb.i in others and not (own and verb.i in own):
        return True  # "a drone crashed into X, injuring six, and another struck Y": X's toll
    cause = _cause(verb)
    if cause is None or own is None:
        return False
    if cause.i in own or any(t.i in own for t in cause.subtree):
        return False
    lemma = str(cause.lemma_).lower()
    if _abstract(cause, lex):
        return True
    heads = {lemma} | {str(g.lemma_).lower() for p in cause.children if p.lower_ == "of"
                       for g in p.children}
    if any(c.dep_ == "compound" and str(c.lemma_).lower() in lex.nouns
           and (others is None or c.i in others) for c in cause.children):
        return True  # "during a shooting incident"
    if lemma in lex.nouns and (others is None or cause.i in others):
        return True  # "a drone strike burned a shelter, killing 17": that strike's toll
    sent = cause.sent
    weapon = any(h in lex.weapons for h in heads)
    return weapon and not any(sent.start <= i < sent.end for i in own)


def _running_total(verb: Token, lex: Lexicon) -> bool:
    """A present-perfect toll told over a span ("has killed thousands over the past decade"),
    or joined to a clause that is ("have clashed daily since October, and more than 500
    have been killed"; "violence has spread and thousands have been killed")."""
    spans: list[str] = lex.cues["running_total_spans"]

    def spanned(head: Token, skip: Token | None = None) -> bool:
        words = [t.lower_ for t in head.subtree
                 if skip is None or not (skip.left_edge.i <= t.i <= skip.right_edge.i)]
        clause = f" {' '.join(words)} "
        return any(f" {c} " in clause for c in spans)

    if spanned(verb):
        return True
    if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    head = verb.head
    if spanned(head, skip=verb):
        return True
    return any(c.dep_ == "nsubj" and _abstract(c, lex) for c in head.children)


def _abstract(noun: Token, lex: Lexicon) -> bool:
    """A war, a disaster, "fighting" (its lemma may be the verb): no attacker."""
    words = lex.cues["abstract_subjects"]
    return str(noun.lemma_).lower() in words or noun.lower_ in words


def _governed_by_other(word: Token, own: set[int], others: set[int]) -> bool:
    """The casualty word hangs (through a relative clause or a phrase) under another
    incident's trigger before any of this one's."""
    for a in word.ancestors:
        if a.i in own:
            return False
        if a.i in others:
            return True
    return False


def casualty_counts(sentences: list[Any], lex: Lexicon | None = None, *,
                    own: set[int] | None = None,
                    others: set[int] | None = None) -> dict[str, Count]:
    """Fatalities, injured, abducted and missing found in the given sentences (largest
    figure wins).

    ``own``: token indices of this incident's triggers; ``others``: those of the report's
    other incidents. Tolls caused by another incident or by a whole war are left out.
    """
    lex = lex or lexicon()
    out: dict[str, Count] = {}
    attackers: Count | None = None  # "two of the assailants were killed": added on
    claimed: dict[str, Count] = {}  # tolls the speaker's side says it inflicted
    total = False  # the dead told as a toll ("the death toll rose to 9"): attackers in it
    cats: dict[str, list[str]] = lex.cues["casualty_lemmas"]
    for sent in sentences:
        lower = sent.text.lower()
        for phrase in lex.cues["no_casualty_phrases"]:
            if phrase in lower:
                out.setdefault("fatalities", Count(0, 0, None))
                out.setdefault("injured", Count(0, 0, None))
        for tok in sent:
            lemma = str(tok.lemma_).lower()
            for cat, lemmas in cats.items():
                if lemma not in lemmas and tok.lower_ not in lemmas:
                    continue
                found = _toll(tok, lex) if lemma == "toll" else None
                counted = None
                if found is None and _shared_with_other_kind(tok, cat, cats, lex):
                    continue  # "killing and wounding 45": dead and hurt in one figure
                if found is None:
                    for noun in counted_nouns(tok):
                        noun = _person_in_compound(noun, lex)
                        if _is_person(noun, lex):
                            found = _sum_conjuncts(noun, lex)
                            if found is not None:
                                counted = noun
                                break
                if found is not None and found.is_known and foreign_toll(tok, lex, own, others):
                    found = None
                if found is not None and found.is_known:
                    key = {"killed": "fatalities", "injured": "injured",
                           "abducted": "abducted", "missing": "missing"}[cat]
                    if claimed_kill(tok, lex):
                        claimed[key] = _larger(claimed.get(key), found)
                        continue
                    if key == "fatalities" and counted is not None \
                            and _attackers_alone(counted, lex):
                        attackers = _larger(attackers, found)
                        continue
                    if key == "fatalities" and lemma == "toll" \
                            and _larger(out.get(key), found) is found:
                        total = True
                    out[key] = _larger(out.get(key), found)
    if attackers is not None:
        out["fatalities"] = _larger(out["fatalities"], attackers) \
            if total and "fatalities" in out else _plus(out.get("fatalities"), attackers)
    for key, count in claimed.items():
        out.setdefault(key, count)  # a claimed figure only when the report gives no other
    return out


def _shared_with_other_kind(word: Token, cat: str, cats: dict[str, list[str]],
                            lex: Lexicon) -> bool:
    """The casualty verb shares its object with a coordinated one of another kind ("killed
    or wounded 30 people", "killing and wounding 45"): a figure of both together."""
    if word.dep_ != "conj" or word.head.pos_ != "VERB":
        return False
    other = word.head
    if any(c.dep_ in ("dobj", "nsubjpass") for c in other.children):
        return False  # "killing six and wounding 13": each has its own
    shared = lex.cues["shared_figure_kinds"]
    if cat not in shared:
        return False  # "abducted and killed five villagers": all five were killed
    lemma = str(other.lemma_).lower()
    return any(lemma in words or other.lower_ in words
               for kind, words in cats.items() if kind != cat and kind in shared)


def _attackers_alone(noun: Token, lex: Lexicon) -> bool:
    """The counted dead are the attackers only ("two attackers were also killed", "two of
    the assailants were shot dead"), not a part of a toll told with them ("killing ten,
    including two attackers")."""
    words = set(lex.cues["attackers_killed"])
    heads = [noun] + [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                      for g in p.children if g.dep_ == "pobj"]
    if not any(str(h.lemma_).lower() in words or h.lower_ in words for h in heads):
        return False
    part_of = lex.cues["part_of_toll_words"]
    return not any(a.lower_ in part_of for a in noun.ancestors)


def _plus(victims: Count | None, attackers: Count) -> Count:
    """The attackers killed added to the others' toll (ACLED counts both)."""
    if victims is None or victims.low is None or attackers.low is None:
        return victims if victims is not None and victims.is_known else attackers
    high = victims.high + attackers.high \
        if victims.high is not None and attackers.high is not None else None
    return Count(victims.low + attackers.low, high, victims.qualifier)


def claimed_kill(word: Token, lex: Lexicon) -> bool:
    """A toll the speaker's own side says it inflicted: the casualty verb, inside a
    statement, has a pronoun or an owned forces noun as subject ("the group said its
    fighters had killed 40 soldiers", "the army said its troops killed dozens")."""
    cues = lex.cues["claimed_kills"]
    if str(word.lemma_).lower() not in cues["verbs"] or word.pos_ != "VERB":
        return False
    verb = word
    subj = None
    while True:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None or verb.dep_ != "conj" or verb.head.i == verb.i:
            break
        verb = verb.head  # "its troops repelled the assault and killed dozens"
    if subj is None or subj.dep_ != "nsubj":
        return False
    own = subj.lower_ in cues["pronouns"] or (
        subj.lower_ in cues["forces"]
        and any(c.dep_ == "poss" and c.lower_ in cues["possessives"] for c in subj.children))
    reporting = lex.cues["mentions"]["reporting_lemmas"]
    return own and any(str(a.lemma_).lower() in reporting for a in verb.ancestors)


def _larger(old: Count | None, new: Count) -> Count:
    if old is None or (old.low == 0 and old.high == 0):
        return new
    bounds = (old, new) if old.high is None else (new, old)
    lower, upper = bounds
    if lower.low is not None and lower.high is None and upper.low is None \
            and upper.high is not None and lower.low <= upper.high:
        # "at least 12 were killed" ... "up to 30 may have died": between 12 and 30
        return Count(lower.low, upper.high, lower.qualifier)
    old_v = old.low if old.low is not None else old.high or 0
    new_v = new.low if new.low is not None else new.high or 0
    return new if new_v > old_v else old
