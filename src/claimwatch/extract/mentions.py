"""The extract stage: a parsed report and its time expressions -> event mentions.

Requires: Document, spaCy Doc of document.text, the report's Timex list.
Assigns: one Mention per incident, with trigger, sentences, attack types, ACLED types,
surface perpetrator/target/weapons/place, counts, date (from the text) and mention role.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from claimwatch.extract import counts, perpetrator, roles
from claimwatch.extract.acled import tells_suicide_attack
from claimwatch.extract.counts import casualty_counts
from claimwatch.extract.grouping import (
    Anchor,
    Cluster,
    TriggerInfo,
    assign,
    has_separate_cue,
    has_strong_separate_cue,
    is_named,
)
from claimwatch.extract.lexicon import CueWords, Lexicon, lexicon
from claimwatch.extract.triggers import (
    Trigger,
    answered_incident,
    answered_phrases,
    earlier_clause_verbs,
    find_triggers,
)
from claimwatch.model import Actor, DateRange, Document, Mention, Place, Span, Target, Victim
from claimwatch.resolve.entities import is_capital

EMBED_SIGNATURE = re.compile(r"(?:—|--|-)\s*[^—\n]{1,80}\(@\w{1,30}\)")
NEW_WINDOW_DAYS = 10
ACTOR_LABELS = ("ORG", "NORP", "GPE", "PERSON")


def find_mentions(document: Document, sdoc: Any, timexes: list[Any],
                  locate: Callable[[str, bool], Place | None] | None = None) -> list[Mention]:
    """Every incident the report describes, one Mention each, in order of first mention.

    ``locate`` resolves a place phrase in the report's context; with it, incidents far
    apart are kept apart and the first place phrase that resolves is preferred.
    """
    lex = lexicon()
    from claimwatch.resolve.time import anaphoric_days, without_replaced

    # "the previous evening", "two days earlier": days counted from the date just named
    counted = anaphoric_days(document.text, timexes)
    timexes = sorted([*without_replaced(timexes, counted), *counted], key=lambda t: t.start_char)
    triggers, _dropped = find_triggers(sdoc, lex)
    sents = list(sdoc.sents)
    sent_index = {s.start: i for i, s in enumerate(sents)}
    infos = [_info(t, sent_index[t.sent.start], timexes, document, lex, locate)
             for t in triggers]
    clusters = assign(infos, document.published)
    busy = {i.sent_index for i in infos}
    kept = {t.token.i for t in triggers}
    found = [_mention(document, c, sents, lex, busy, timexes, kept) for c in clusters]
    _share_with_another(found, clusters)
    if locate is not None:
        for mention, cluster in zip(found, clusters, strict=True):
            _sharpen_place(mention, cluster, sdoc, locate, lead=cluster is clusters[0])
    return found


def _share_with_another(found: list[Mention], clusters: list[Cluster]) -> None:
    """ "a drone crashed into X, and another struck near Y": one more of the same, told in
    the same sentence as the first, had the first one's attacker."""
    for k, cluster in enumerate(clusters):
        if found[k].perpetrators or not all(m.another for m in cluster.members):
            continue
        sents = {m.sent_index for m in cluster.members}
        first = next((j for j in range(k - 1, -1, -1)
                      if any(m.sent_index in sents for m in clusters[j].members)
                      and found[j].perpetrators), None)
        if first is None:
            continue
        for actor in found[first].perpetrators:
            found[k].actors.append(Actor(name=actor.name, role="perpetrator"))
            found[k].explain("perpetrator", "'another' of the same told beside the first: "
                             "its attacker", detail=actor.name)


def _sharpen_place(mention: Mention, cluster: Cluster, sdoc: Any,
                   locate: Callable[[str, bool], Place | None], *, lead: bool = False) -> None:
    """A country or region only: the town the incident's own sentences name most in it.

    "a bombing in the southern Philippines ... the gym of the university in Marawi" is
    placed at Marawi (precision 1), and the explanation says so.
    """
    best = min((m for m in cluster.members if m.point is not None and m.place),
               key=place_key, default=None)  # the member whose place the incident took
    if best is not None and (best.point.precision < 3 or best.point.feature == "unlisted"):
        return  # a town the gazetteer lacks is still the town the text names
    if best is not None and best.place_anaphor:
        return  # "pushing into the enclave": the whole area, whatever towns are named
    village = next((m for m in cluster.members if best is not None and m.place
                    and m.point is not None and m.point.feature == "unlisted"
                    and best.point.feature == "country" and m.point.iso3 == best.point.iso3
                    and m.place_rank <= 3), None)
    if village is not None and village.place is not None:
        # "a bombing in northwestern Pakistan ... near X in Y province": the town the
        # gazetteer lacks, placed in its province, says more than the country
        mention.place_text = village.place
        mention.explain("location", "a town the gazetteer lacks, in the incident's country",
                        detail=village.place)
        return
    region = best.point.iso3 if best is not None else None
    settled = _described_village(cluster, sdoc, locate, best) if best is not None else None
    if settled is not None:
        mention.place_text = settled
        mention.explain("location", "a village or town the gazetteer lacks, described as such "
                        "in the incident's sentences and placed by the area the text gives",
                        detail=settled)
        return
    counts: dict[str, int] = {}
    firsts: dict[str, int] = {}
    sents = list(sdoc.sents)
    index = {sent.start: i for i, sent in enumerate(sents)}
    own = {index[m.trigger.sent.start] for m in cluster.members}
    if lead:
        own.add(0)  # the lede names where the report's main incident happened
    scope = [sents[i] for i in sorted(own | {i + 1 for i in own if i + 1 < len(sents)})]
    trigger = cluster.members[0].trigger.token
    answered = all(m.provoking for m in cluster.members)
    for sent in scope:
        inside = {i for a in answered_phrases(sent, lexicon()) for i in a}
        for span in roles.place_spans(sent):
            if answered and span.root.i not in inside:
                continue  # "revenge for an ambush": the answer's places are not the ambush's
            if roles.used_as_actor(span, trigger):
                continue  # "after Moscow released footage": a government, not a place
            if roles.journey_end(span):
                continue  # "travelling from X to Y": where the journey began or was bound
            text = roles.with_direction(span)  # "Tarvel region" is no town
            head = roles.place_head(span)
            if text == span.text and head.dep_ == "pobj" and head.head.lower_ == "from":
                continue  # "the attackers had come from X": where they set out, not the scene
            if roles.names_actor(span):
                continue  # "Moscow said ...": the government speaking
            if text == span.text and roles.area_namesake(span) is not None:
                continue  # "in Katsina" after "Katsina state": the state, no town
            spot = locate(text, span.label_ not in roles.PLACE_LABELS)
            if spot is None or spot.precision >= 3 or (region and spot.iso3 != region):
                continue
            if not roles.is_locative(span) and is_capital(spot):
                continue  # "a message to Yaounde": the government addressed
            if best is not None and best.place and _listed_beside(span, best.place):
                continue  # "through the Red Sea and the Bab el-Mandeb": a neighbour, no part
            counts[text] = counts.get(text, 0) + 1
            firsts.setdefault(text, span.start)
        if best is not None and best.point.feature == "country" and best.point.country:
            for tok in _bare_capitals(sent):
                # "drones heading for the capital" in an attack on a country: its capital
                text = f"the capital of {best.point.country}"
                counts[text] = counts.get(text, 0) + 1
                firsts.setdefault(text, tok.i)
    if not counts:
        return
    text = max(counts, key=lambda t: (counts[t], -firsts[t]))
    mention.place_text = text
    mention.explain("location", "the town the incident's sentences name most, within its "
                    "country or region", detail=f"{text} ({counts[text]} mention(s))")


def _described_village(cluster: Cluster, sdoc: Any, locate: Callable[[str, bool], Place | None],
                       best: TriggerInfo) -> str | None:
    """ "... at X, a village in the highland district of Y": a village the gazetteer lacks
    (or knows only abroad), described as such in or just after the incident's sentences,
    placed by the area named after it (else the incident's own region) inside that region."""
    sents = list(sdoc.sents)
    index = {sent.start: i for i, sent in enumerate(sents)}
    own = {index[m.trigger.sent.start] for m in cluster.members}
    for i in sorted(own | {i + 1 for i in own if i + 1 < len(sents)}):
        for span in roles.place_spans(sents[i]):
            name = str(span.text)
            if not roles.described_settlement(span) or locate(name, False) is not None:
                continue
            for area in [*roles.places_after(sents[i], name), best.place]:
                spot = locate(f"{name}, {area}", False) if area else None
                if spot is not None and spot.feature == "unlisted" \
                        and _inside(spot, best.point):
                    return f"{name}, {area}"
    return None


def _inside(spot: Place, area: Place) -> bool:
    """Whether a place lies in the incident's country or province (by its record)."""
    if spot.iso3 != area.iso3:
        return False
    return area.feature == "country" or (area.feature == "admin1" and spot.admin1 == area.name)


def _listed_beside(span: Any, region: str) -> bool:
    """The place is coordinated with the incident's own region phrase ("the Red Sea and
    the Bab el-Mandeb strait"): named beside it, not as a part of it."""
    tok = span.root
    while tok.dep_ in ("compound", "det") and tok.head.i != tok.i:
        tok = tok.head  # "the Bab el-Mandeb strait": the strait
    partners = [tok.head] if tok.dep_ == "conj" else []
    partners += [c for c in tok.children if c.dep_ == "conj"]
    if not partners:
        return False
    spans = roles.place_spans(span.sent)
    return any(e.start <= p.i < e.end and roles.with_direction(e).lower() == region.lower()
               for p in partners for e in spans)


def place_key(m: TriggerInfo) -> tuple[bool, int, int, int]:
    """How well a trigger's place phrase places the incident (lower is better)."""
    precision = m.point.precision if m.point is not None else 9
    return (m.point is None, m.place_rank + (2 if precision >= 3 else 0), precision,
            m.sent_index)


def _bare_capitals(sent: Any) -> list[Any]:
    """ "the capital" with nothing naming whose (no "Syrian", "of Syria"), where a place
    stands: the object of a verb or a preposition."""
    return [tok for tok in sent if tok.lower_ == "capital" and tok.pos_ == "NOUN"
            and tok.dep_ in ("pobj", "dobj")
            and [c.lower_ for c in tok.children] == ["the"]]


REPORTING_LEMMAS = CueWords("mentions", "reporting_lemmas")
NOT_ANCHOR_PREFIX = CueWords("mentions", "not_anchor_prefix")
CONSEQUENCE_LEMMAS = CueWords("mentions", "consequence_lemmas")
LATER_SCENE_LEMMAS = CueWords("mentions", "later_scene_lemmas")
LATER_PREPS = CueWords("mentions", "later_preps")
ANOTHER_SUBJECTS = CueWords("mentions", "another_subjects")


def _anchor_for(trigger: Trigger, timexes: list[Any], published: dt.date | None) -> Any:
    """The date expression for a trigger: one tied to its clause beats one in the sentence."""
    sent = trigger.sent
    if trigger.kind == "noun" and trigger.token.dep_ == "appos":
        return None  # "..., the worst raid on the port since 2015": a gloss, no date
    start, end = sent.start_char, sent.end_char
    sig = EMBED_SIGNATURE.search(sent.text)
    cutoff = start + sig.start() if sig else end
    best = None
    lex = lexicon()
    for tx in timexes:
        if tx.start is None or not (start <= tx.start_char < cutoff):
            continue
        if published is not None and tx.start > published:
            continue
        before = trigger.token.doc.text[max(0, tx.start_char - 8):tx.start_char].lower().split()
        if before and before[-1] in NOT_ANCHOR_PREFIX and not _dates_when_clause(trigger, tx):
            continue  # "since 2019": when a campaign began, not when this happened ("since
            #           2021, when gunmen abducted ...": the year the abduction happened)
        attached = _attached(trigger, tx)
        if attached is not None and _provocation_date(trigger, tx, lex):
            attached = None  # "... payback for a raid on a border post on Easter Sunday"
        if attached is None or (trigger.weak and not (attached and (
                trigger.kind == "noun" or _opens_sentence(trigger, tx)))):
            continue  # "killed" is dated by the attack; "the strikes ... on Thursday" by itself
        # a date inside the trigger's own phrase ("an explosion ... on Tuesday evening")
        # beats one elsewhere in its clause ("traded blame on Wednesday for an explosion")
        rank = (not attached, not _in_phrase(trigger, tx), abs(tx.start_char - trigger.token.idx))
        if best is None or rank < best[0]:
            best = (rank, Anchor(_in_post_time(tx, trigger, timexes, published), attached))
    return best[1] if best else None


def _provocation_date(trigger: Trigger, tx: Any, lex: Lexicon) -> bool:
    """The date follows an incident the trigger answers ("the strike was revenge for an
    attack on a school on January 1"): it dates that earlier incident, not this one."""
    tok = trigger.token
    if _provoking(tok, lex):
        return False
    for noun in tok.sent:
        if not (tok.i < noun.i and noun.idx < tx.start_char) or not _provoking(noun, lex):
            continue
        if str(noun.lemma_).lower() not in lex.nouns or tok.i in {t.i for t in noun.subtree}:
            continue
        span = tok.doc.char_span(tx.start_char, tx.end_char, alignment_mode="expand")
        if span is None:
            continue
        if _clause_verb(span.root) == _clause_verb(noun):
            return True
    return False


def _clause_verb(tok: Any) -> Any:
    """The verb (or auxiliary) whose clause holds ``tok``."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _in_phrase(trigger: Trigger, tx: Any) -> bool:
    """The date expression sits in the phrase of a trigger noun."""
    return trigger.kind == "noun" and any(
        t.idx <= tx.start_char < t.idx + len(t.text) for t in trigger.token.subtree)


def _in_post_time(tx: Any, trigger: Trigger, timexes: list[Any],
                  published: dt.date | None) -> Any:
    """ "today" in an embedded post ("... strike today. — Name (@handle) July 8, 2024")
    is the post's day, not the report's."""
    words = tx.text.lower().split()
    if published is None or not words or not set(words) & set(lexicon().cues["deictic_days"]):
        return tx
    text = trigger.token.doc.text
    line_end = text.find("\n", tx.end_char)
    line = text[tx.end_char:line_end if line_end >= 0 else len(text)]
    sig = EMBED_SIGNATURE.search(line)
    if sig is None:
        return tx
    after = tx.end_char + sig.end()
    posted = next((t for t in timexes if after <= t.start_char <= after + 40 and t.start
                   and t.precision == "day" and t.start == t.end), None)
    if posted is None or posted.start == published:
        return tx
    shift = posted.start - published
    return dataclasses.replace(tx, start=tx.start + shift, end=tx.end + shift,
                               rule=f"{tx.rule}; in a post dated {posted.text}")


def _attached(trigger: Trigger, tx: Any) -> bool | None:
    """True: the date is in the trigger's clause; False: it dates a statement about it or a
    later scene ("after the attack"), an upper bound; None: another clause's date."""
    doc = trigger.token.doc
    span = doc.char_span(tx.start_char, tx.end_char, alignment_mode="expand")
    if span is None:
        return True
    if _when_clause(span, trigger.token):
        return True  # "still in ruins since June 2009, when rebels seized the town"
    if _in_since_clause(span):
        return None  # "the deadliest since the uprising began in 2011"
    if span.root.dep_ == "compound" and span.root.head.pos_ == "NOUN":
        return None  # "during Friday prayers", "a Sunday service": a kind of event, no date
    clause = trigger.token
    path = []
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        path.append(clause)
        clause = clause.head
    if any(t.dep_ == "pobj" and t.head.lower_ in LATER_PREPS for t in path):
        return False
    if trigger.kind == "noun" and str(clause.lemma_).lower() in REPORTING_LEMMAS:
        return False  # "claimed the attack on Sunday": the date of the claim
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if clause.i != trigger.token.i and (str(clause.lemma_).lower() in LATER_SCENE_LEMMAS or any(
            c.dep_ == "prt" and c.lower_ == "down" for c in clause.children)):
        return False  # "the toll from the strike rose to 12 on Sunday", "clashes died down"
    if trigger.kind == "noun" and _other_incident_noun(span, trigger.token, clause):
        return None  # "the raid may have avenged an offensive last Monday"
    if verb.dep_ in ("acl", "relcl") and _describes_trigger(verb, trigger.token, clause):
        return True  # "the car bomb that killed nine people on Sunday was planted by ..."
    if verb != clause and verb.dep_ in ("acl", "relcl") and \
            trigger.token.i not in {t.i for t in verb.subtree}:
        return None  # "near the statues destroyed in 2001": the date of another noun's clause
    if verb != clause and verb.dep_ == "conj" and verb.head.i == clause.i \
            and verb.i > trigger.token.i:
        return None  # "had shelled the depot and on Monday put the dead at 38": the
        #              later conjoined verb's own day
    if verb == clause or span.root.i in {t.i for t in clause.subtree}:
        return True
    if str(verb.lemma_).lower() in REPORTING_LEMMAS and trigger.token.i < span.start \
            and span.end <= verb.i and clause.i in {c.i for c in verb.children}:
        return True  # "Militants attacked the station on Saturday, a spokesman said"
    if _leads_sentence(span) and not _reported(clause):
        return True  # "On Tuesday, a man drove into a crowd and then stabbed people"
    head = clause
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # "drove into pedestrians on Tuesday and stabbed people"
        if head == verb:
            return True
    if clause.i in {t.i for t in verb.subtree} and str(verb.lemma_).lower() in CONSEQUENCE_LEMMAS:
        return True  # "two died on Tuesday when a shell landed on ..."
    lemma = str(verb.lemma_).lower()
    return False if lemma in REPORTING_LEMMAS or lemma in LATER_SCENE_LEMMAS else None


def _describes_trigger(verb: Any, tok: Any, clause: Any) -> bool:
    """The relative clause holding the date tells of the incident itself: it hangs on the
    trigger noun ("the bombing that killed nine on Sunday"), or on the attack or weapon noun
    that is the trigger verb's subject ("the car bomb that killed nine people on Sunday was
    planted by ...")."""
    head = verb.head
    if head.i == tok.i:
        return True
    lex = lexicon()
    lemma = str(head.lemma_).lower()
    return head.head.i == clause.i == tok.i and head.dep_ in ("nsubj", "nsubjpass") \
        and (lemma in lex.nouns or lemma in lex.weapons)


def _dates_when_clause(trigger: Trigger, tx: Any) -> bool:
    span = trigger.token.doc.char_span(tx.start_char, tx.end_char, alignment_mode="expand")
    return span is not None and _when_clause(span, trigger.token)


def _when_clause(span: Any, tok: Any) -> bool:
    """The trigger is told in a "when" clause that modifies the date itself: "after May
    2017, when fighters overran the city" dates the overrunning."""
    for node in [tok, *tok.ancestors]:
        if node.dep_ == "relcl" and span.start <= node.head.i < span.end:
            return any(c.dep_ == "advmod" and c.lower_ == "when" for c in node.children)
    return False


def _other_incident_noun(span: Any, trigger: Any, clause: Any) -> bool:
    """The date sits in the phrase of the incident the trigger's clause answers ("the
    raid may have avenged an offensive last Monday": Monday is the offensive's
    day, not the attack's)."""
    lex = lexicon()
    mine = {t.i for t in trigger.subtree}
    cur = span.root
    while cur.head.i != cur.i and cur.i != clause.i:
        cur = cur.head
        if cur.i == clause.i or cur.i in mine:
            return False
        if answered_incident(cur, lex):
            return True
    return False


def _in_since_clause(span: Any) -> bool:
    """The date of a "since ..." clause: when a period began, not when this happened."""
    cur = span.root
    for _ in range(5):
        if any(c.dep_ == "mark" and c.lower_ == "since" for c in cur.children) or (
                cur.dep_ == "prep" and cur.lower_ == "since"):
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _judged(tok: Any, lex: Lexicon) -> bool:
    """ "condemned what he called a cowardly attack": a verdict on the incident already
    described, not a new one."""
    cur = tok
    for _ in range(3):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if str(cur.lemma_).lower() in lex.cues["verdict_verbs"]:
            return True
    return False


def _opens_sentence(trigger: Trigger, tx: Any) -> bool:
    span = trigger.token.doc.char_span(tx.start_char, tx.end_char, alignment_mode="expand")
    return span is not None and _leads_sentence(span)


def _leads_sentence(span: Any) -> bool:
    """A time expression that opens its sentence ("In April 2019, gunmen ..."): it dates
    the whole sentence, whatever the parser attached it to."""
    before = span.doc[span.sent.start:span.start]
    return len(before) <= 3 and all(t.pos_ in ("ADP", "ADV", "PUNCT", "CCONJ", "DET")
                                    for t in before) and \
        span.end < span.sent.end and span.doc[span.end].text == ","


def _reported(clause: Any) -> bool:
    """A clause under a reporting verb ("they said they had ambushed ..."): the opening
    date is the statement's."""
    cur = clause
    for _ in range(4):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ in ("ccomp", "xcomp") and str(cur.head.lemma_).lower() in REPORTING_LEMMAS:
            return True
        cur = cur.head
    return False


def _info(trigger: Trigger, index: int, timexes: list[Any], document: Document,
          lex: Lexicon, locate: Callable[[str, bool], Place | None] | None) -> TriggerInfo:
    perp = roles.perpetrator_token(trigger.token, trigger.kind, lex)
    target = roles.target_token(trigger.token, trigger.kind)
    places = roles.place_phrases(trigger.token, target)
    anchor = _anchor_for(trigger, timexes, document.published)
    anaphoric = trigger.kind == "noun" and (anchor is None or not anchor.attached) and (any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in trigger.token.children)
        or _judged(trigger.token, lex))
    if not anaphoric:  # "the attack" takes its place from the incident it refers to
        places = places + _context_places(trigger)
    if _provoking(trigger.token, lex):
        # "revenge for an attack on troops": the sentence's other places are the answer's
        places = [p for p in places if p[2] <= 1]
    referred = _area_referent(trigger, locate) if locate is not None else None
    if referred is not None:
        places = [referred, *places]
    place: str | None = places[0][0] if places and locate is None else None
    point: Place | None = None
    rank = 9
    best: tuple[int, int] | None = None
    unlisted: tuple[str, int] | None = None
    for phrase, why, prank in places if locate else []:
        spot = locate(phrase, roles.UNTAGGED in why) if locate else None
        area = (roles.container_after(trigger.sent, phrase)
                or next(iter(roles.country_qualifiers(trigger.sent, phrase)), None)) \
            if locate and prank <= 2 and spot is not None and "," not in phrase else None
        if area is not None and locate is not None:
            # "the town of Palma in northern Mozambique": the town in the area the text
            # puts it in, not a namesake abroad
            within = locate(f"{phrase}, {area}", False)
            if within is not None:
                spot = within
                phrase = f"{phrase}, {area}" if within.feature == "unlisted" else phrase
        if spot is None or spot.latitude is None:
            if unlisted is None and prank <= 2 and roles.NOT_LOCATIVE not in why and (
                    roles.UNTAGGED not in why
                    or (prank == 0 and roles.places_after(trigger.sent, phrase, 3))):
                # a place name the gazetteer lacks; an untagged one only as what was hit
                # that the text puts somewhere ("gunmen stormed X, in the Y district")
                unlisted = (phrase, prank)
            continue
        if roles.NOT_LOCATIVE in why and is_capital(spot):
            continue  # a capital named as the government, not as the scene
        key = (prank + (2 if spot.precision >= 3 else 0), spot.precision)
        if best is None or key < best:
            best, place, point, rank = key, phrase, spot, prank
    if unlisted is not None and locate is not None:
        area = _containing_area(trigger, unlisted[0], places, locate)
        spot = locate(f"{unlisted[0]}, {area}", False) if area else None
        key = (unlisted[1] + 1, spot.precision) if spot is not None else (99, 9)
        if spot is not None and (best is None or key < best or place == area):
            # "X, a town near Y": X, placed by Y, is more specific than Y itself; located
            # only by its area, a precise place in another sentence still wins
            best, place, point, rank = key, f"{unlisted[0]}, {area}", spot, unlisted[1] + 2
    found = None
    guessed = False
    speaker: tuple[str, str] | None = None
    if perp is not None and roles.is_weapon(perp, lex):
        found = perpetrator.weapon_owner(perp)  # "Russian guided bombs hit ..."
    elif perp is not None and not anaphoric:
        guessed = roles.is_pronoun_like(perp)
        found = _coref_actor(perp) if guessed else perpetrator.accept(perp)
        # "Hezbollah said it had fired": the speaker, for telling the sides apart
        speaker = _reporting_speaker(perp, lex) if guessed else None
        poss = next((c for c in perp.children if c.dep_ == "poss"), None)
        if found and found[1].startswith("attacker noun") and poss is not None \
                and roles.is_pronoun_like(poss):
            guessed = True
            found = _coref_actor(poss) or found  # "the group's naval forces"
        if found is None and str(perp.lemma_).lower() in lex.nouns:
            found = perpetrator.weapon_owner(perp)  # "Israeli strikes hit ...": like a weapon
    joint = perpetrator.joint_owners(perp) if perp is not None and not anaphoric else []
    if joint and (found is None or not guessed):
        found, guessed = joint[0], False  # "American and British aircraft struck ..."
    if found is not None and _responds(trigger.token, lex):
        found, joint = None, []  # "helicopters returned fire, sinking the boats": not the attacker
    clauses = _earlier_clauses(trigger.sent, lex)
    mine = next((c for c in clauses if c[0] <= trigger.token.idx < c[1]), None)
    if anchor is not None:
        inside = next((c for c in clauses if c[0] <= anchor.timex.start_char < c[1]), None)
        if mine is not None and inside is not mine:
            anchor = Anchor(anchor.timex, attached=False)  # the later incident's day: a bound
        elif mine is None and inside is not None:
            anchor = None  # "... came a day after X was hit late on Saturday": X's day
    origin_phrase = roles.origin_phrase(trigger.token)
    origin = locate(origin_phrase, False) if locate and origin_phrase else None
    return TriggerInfo(
        trigger=trigger, sent_index=index, anchor=anchor,
        origin=origin if origin is not None and origin.latitude is not None else None,
        perpetrator=found[0] if found else None, perpetrator_why=found[1] if found else None,
        place=place, point=point, place_rank=rank, perp_guessed=guessed,
        speaker_perp=speaker[0] if speaker is not None and guessed else None,
        place_anaphor=referred is not None and place == referred[0],
        separate=has_separate_cue(trigger.sent, lex, trigger.token), anaphoric=anaphoric,
        earlier=mine is not None, beside_incident=mine is not None and _beside_incident(
            trigger.token, lex), neutralised=_neutralised(trigger.token, lex),
        provoking=_provoking(trigger.token, lex),
        strong_separate=has_strong_separate_cue(trigger.sent, lex),
        another=_another(trigger), partitive=_partitive(trigger, lex),
        co_perpetrators=tuple(name for name, _why in joint[1:]) if found else (),
    )


def _partitive(trigger: Trigger, lex: Lexicon) -> str | None:
    """ "One of the bombs hit X", "two of the missiles struck Y": the weapons the report
    has just told of (a number or "one" of a weapon noun with "the"/"these"/"those");
    the weapon's lemma."""
    tok = trigger.token
    heads = [tok] if trigger.kind == "noun" else \
        [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    for head in heads:
        if not (head.lower_ == "one" or head.like_num):
            continue
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (g for g in prep.children if g.dep_ == "pobj"):
                if roles.is_weapon(obj, lex) and any(
                        d.dep_ == "det" and d.lower_ in ("the", "these", "those")
                        for d in obj.children):
                    return str(obj.lemma_).lower()
    return None


def _another(trigger: Trigger) -> bool:
    """The trigger tells one more of the same: "and another struck near X", "another
    drone hit X" (its subject, or the trigger noun itself, opens with "another")."""
    tok = trigger.token
    heads = [tok] if trigger.kind == "noun" else \
        [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    for head in heads:
        words = " ".join(t.lower_ for t in tok.doc[head.left_edge.i:head.i + 1])
        if any(words == w or words.startswith(w + " ") for w in ANOTHER_SUBJECTS):
            return True
    return False


def _beside_incident(tok: Any, lex: Lexicon) -> bool:
    """The clause an earlier-incident clause hangs on names an operation or attack ("Baku
    launched its operation after six were killed hours earlier"), trigger or not."""
    for verb in earlier_clause_verbs(tok.sent, lex):
        if tok.i in {t.i for t in verb.subtree}:
            head = verb.head
            return str(head.lemma_).lower() in lex.verbs or any(
                c.dep_ in ("dobj", "nsubj", "nsubjpass") and str(c.lemma_).lower() in lex.nouns
                for c in head.children)
    return False


def _earlier_clauses(sent: Any, lex: Lexicon) -> list[tuple[int, int]]:
    """Character spans of the clauses telling an earlier incident ("hours after ...")."""
    doc = sent.doc
    return [(next(c for c in v.children if c.lower_ == "after").idx,
             doc[v.right_edge.i].idx + len(doc[v.right_edge.i]))
            for v in earlier_clause_verbs(sent, lex)]


def _neutralised(tok: Any, lex: Lexicon) -> bool:
    """ "... stabbed people, before he was shot dead": the attacker stopped in a clause of
    the attack's sentence; that shooting is not how the attack was carried out."""
    if tok.dep_ not in ("advcl", "conj"):
        return False
    attackers = set(lex.cues["anonymous_attackers"]) | {"he", "she", "they"}
    return any(c.dep_ == "nsubjpass" and c.lower_ in attackers for c in tok.children)


def _provoking(tok: Any, lex: Lexicon) -> bool:
    """ "a response to the raid", "in retaliation for the strikes": the incident answered."""
    prep = tok.head
    return bool(tok.dep_ == "pobj" and prep.lower_ in ("to", "for")
                and str(prep.head.lemma_).lower() in lex.cues["retaliation_nouns"])


def _responds(tok: Any, lex: Lexicon) -> bool:
    """The trigger tells a side answering an attack ("returned fire, killing ...", "shot
    back", "in self-defence"): its actor defends itself in the incident it answers."""
    verbs = lex.cues["response_verbs"]
    phrases = set(lex.cues["response_phrases"])
    reporting = set(lex.cues["reporting_verbs"])
    for node in [tok, *tok.ancestors]:
        if node is not tok and str(node.lemma_).lower() in reporting:
            break
        words = verbs.get(str(node.lemma_).lower(), [])
        for c in node.children:
            if c.dep_ in ("dobj", "prt", "advmod") and str(c.lemma_).lower() in words:
                return True
            span = tok.doc[c.left_edge.i:c.right_edge.i + 1].text.lower()
            if c.dep_ == "prep" and any(p in span for p in phrases):
                return True
    return False


def _named_victims(tok: Any, lex: Lexicon) -> list[str]:
    """Names of people a casualty word governs: "gunmen killed Mayor X", "X was
    kidnapped", "the murder of X" (PERSON entities, with their conjuncts and appositives)."""
    lemma = str(tok.lemma_).lower()
    if not any(lemma in words for words in lex.cues["casualty_lemmas"].values()) \
            and lemma not in ("assassinate", "assassination", "shoot"):
        return []
    heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    heads += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]
    names: list[str] = []
    for head in heads:
        for t in (head, *head.conjuncts):
            near = {t.i} | {c.i for c in t.children if c.dep_ in ("appos", "compound")}
            for ent in tok.doc.ents:
                if ent.label_ == "PERSON" and (ent.root.i in near or ent.start <= t.i < ent.end) \
                        and ent.text not in names:
                    names.append(str(ent.text))
    return names


def _containing_area(trigger: Trigger, name: str, places: list[tuple[str, str, int]],
                     locate: Callable[[str, bool], Place | None]) -> str | None:
    """The most specific area the text puts an unlisted place in: a place named right
    after it ("Zorbakandi, a town in eastern Congo", "Kelbo, in Zorba province"), else the
    best located place among the incident's place phrases and the report's lede."""
    sents = [trigger.sent, *(s for s in trigger.sent.doc.sents if s.start != trigger.sent.start)]
    for sent in sents:  # "Delsa ... in Delsa, in the Tarvel region": anywhere in the report
        for text in [*roles.country_qualifiers(sent, name), *roles.places_after(sent, name)]:
            spot = locate(text, False)
            if spot is not None and spot.feature != "unlisted":
                return text
    known = places + [p for p in _context_places(trigger) if p not in places]
    located = [(prank, spot.precision, _BREADTH.get(spot.feature or "", 0), order, phrase)
               for order, (phrase, why, prank) in enumerate(known)
               if roles.NOT_LOCATIVE not in why
               and (spot := locate(phrase, roles.UNTAGGED in why)) is not None
               and spot.feature != "unlisted"]
    return min(located)[4] if located else None


# how broad an area of one precision is: a province before a region, a country, a continent
_BREADTH = {"admin1": 0, "region": 1, "sea": 1, "country": 2, "continent": 3}


def _area_referent(trigger: Trigger, locate: Callable[[str, bool], Place | None],
                   ) -> tuple[str, str, int] | None:
    """ "troops pushing into the enclave": the area of that kind the report named last
    ("Nagorno-Karabakh" for "the enclave", a province for "the province")."""
    found = roles.area_anaphor(trigger.token)
    if found is None:
        return None
    noun, kinds = found
    for ent in roles.area_antecedents(noun):
        text = roles.with_direction(ent)
        spot = locate(text, ent.label_ not in roles.PLACE_LABELS)
        if spot is not None and spot.latitude is not None and spot.feature in kinds:
            return (text, f"'the {noun.text}' refers to the {spot.feature} named last", 1)
    return None


def _context_places(trigger: Trigger) -> list[tuple[str, str, int]]:
    """Places of the previous sentence and of the lede: where the report says it happened."""
    sent = trigger.sent
    doc = sent.doc
    prev = doc[sent.start - 1].sent if sent.start > 0 else None
    lede = next(iter(doc.sents))
    out: list[tuple[str, str, int]] = []
    scopes = [(prev, "previous sentence", 4), (lede, "the report's lede", 5)]
    if sent.start != lede.start and _same_place(sent):
        # "the same area was attacked last year": the place of the report's main incident
        scopes = [(lede, "the report's lede, which 'the same' place refers to", 1)]
    for scope, why, rank in scopes:
        if scope is None:
            continue
        for ent in roles.place_spans(scope):
            modifier = ent.root.dep_ in ("compound", "amod", "nmod") \
                and roles.place_head(ent).i == ent.root.i
            if not roles.used_as_actor(ent, trigger.token) and not modifier \
                    and not roles.names_actor(ent) and not roles.journey_end(ent):
                untagged = roles.UNTAGGED if ent.label_ not in roles.PLACE_LABELS else ""
                metonym = "" if roles.is_locative(ent) else roles.NOT_LOCATIVE
                out.append((roles.with_direction(ent), f"place named in {why}{untagged}{metonym}",
                            rank))
    return out


def _same_place(sent: Any) -> bool:
    """ "the same area", "the same village": a place named before, not a new one."""
    name_nouns = roles.name_nouns()
    return any(t.lower_ == "same" and t.head.lower_ in name_nouns and t.head.pos_ == "NOUN"
               for t in sent)


def _reporting_speaker(tok: Any, lex: Lexicon) -> tuple[str, str] | None:
    """ "X said it had launched rockets": a personal pronoun subject of a clause that a
    named actor reports is that actor, the sentence's own speaker, no guess."""
    if tok.lower_ not in ("it", "they", "we") or tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    reporting = set(lex.cues["reporting_verbs"])
    verb = next((a for a in tok.head.ancestors if a.pos_ in ("VERB", "AUX")
                 and str(a.lemma_).lower() in reporting), None)
    if verb is None:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    if subj is None or roles.is_pronoun_like(subj):
        return None
    found = perpetrator.accept(subj)
    if found is None or not is_named(found[0]):
        return None
    return found[0], f"{tok.text!r} is the speaker who reports it: {found[1]}"


def _coref_actor(tok: Any) -> tuple[str, str] | None:
    """For "they"/"the group": the nearest actor named before it in the report."""
    before = tok.doc.text[max(0, tok.idx - 800):tok.idx]
    group = str(tok.lemma_).lower() in lexicon().cues["group_nouns"]
    if tok.lower_ in ("its", "their", "it", "they"):
        # "the group announced its men had raided", "the group claimed it had shot": the
        # pronoun is the speaker, 'the group' (the armed group named before it)
        speaker = next((c for a in tok.ancestors if a.pos_ in ("VERB", "AUX")
                        for c in a.children if c.dep_ == "nsubj" and c.i < tok.i
                        and tok.i not in {t.i for t in c.subtree}), None)
        if speaker is not None and str(speaker.lemma_).lower() in lexicon().cues["group_nouns"]:
            before = tok.doc.text[max(0, speaker.idx - 800):speaker.idx]
            group = True
    name = (perpetrator.actor_in(before, groups_only=True) if group else None) \
        or perpetrator.actor_in(before, prefer_armed=True)
    if name and group and _state_actor(name):
        return None  # "the group ... its fighters" is no state ("in Pakistan's Sindh province")
    return (name, f"'{tok.text}' refers to the nearest actor named before: {name}") \
        if name else None


def _state_actor(name: str) -> bool:
    from claimwatch.resolve.actor import ActorTable

    entry = ActorTable.load().by_name(name)
    return entry is not None and entry.category in ("state", "state_force")


def _mention(document: Document, cluster: Cluster, sents: list[Any],
             lex: Lexicon, busy: set[int], timexes: list[Any],
             kept: set[int] | None = None) -> Mention:
    sent_ids = sorted({m.sent_index for m in cluster.members})
    spans = [Span(sents[i].start_char, sents[i].end_char, sents[i].text) for i in sent_ids]
    main = _main_trigger(cluster)
    mention = Mention(
        document_id=document.id,
        trigger=Span(main.token.idx, main.token.idx + len(main.token.text), main.token.text),
        sentences=[s for s in spans if s.start == main.sent.start_char]
        + [s for s in spans if s.start != main.sent.start_char],
    )
    mention.attack_types = _types(cluster)
    if mention.attack_types == ["other"] and _air_force_strike(cluster):
        mention.attack_types = ["airstrike"]
        mention.explain("attack_types", "a 'strike' by a state's forces with no weapon named "
                        "is an air strike (ACLED convention)")
    if mention.attack_types == ["other"] and _armed_group_attack(cluster, lex):
        mention.attack_types = ["ground_assault"]
        mention.explain("attack_types", "an attack by an armed group's fighters with no weapon "
                        "named is a ground assault")
    mention.explain("attack_types", "trigger lexicon + weapon words",
                    detail="; ".join(m.trigger.rule for m in cluster.members))
    # a toll or a claim often follows in the next sentence, which names no attack of its own
    follow = [i + 1 for i in sent_ids if i + 1 < len(sents) and i + 1 not in busy]
    rest = _paragraph_rest(sent_ids, sents, busy)
    _fill_roles(mention, cluster, lex, [sents[i] for i in sorted({*follow, *rest})])
    for vague, rule in lex.vague_types.items():
        if vague not in mention.attack_types and set(rule["yields_to"]) & set(mention.attack_types):
            # "shell" beside "mortar round": the same rounds, told vaguely
            mention.weapons = [w for w in mention.weapons if w not in rule["words"]]
    tolls = casualty_counts([sents[i] for i in sorted({*sent_ids, *follow, *rest})], lex,
                            own={m.trigger.token.i for m in cluster.members},
                            others=(kept or set()) - {m.trigger.token.i for m in cluster.members})
    missing = tolls.pop("missing", None)
    if missing is not None and "abduction" in mention.attack_types and "abducted" not in tolls:
        tolls["abducted"] = missing  # "missing after gunmen stopped their car": taken
    for key, count in tolls.items():
        setattr(mention, key, count)
        mention.explain(key, "casualty word tied to a person noun by the parse")
    _fill_date_and_role(mention, cluster, document, lex, timexes)
    return mention


def _paragraph_rest(sent_ids: list[int], sents: list[Any], busy: set[int]) -> set[int]:
    """Sentences after the incident's own in the same paragraph, up to the next one that
    names an attack: where its tolls go on ("... More than 100 were injured across Kyiv")."""
    out: set[int] = set()
    text = sents[0].doc.text if sents else ""
    for i in sent_ids:
        j = i + 1
        while j < len(sents) and j not in busy and j not in sent_ids \
                and "\n" not in text[sents[j - 1].end_char:sents[j].start_char + 1]:
            out.add(j)
            j += 1
    return out


def _main_trigger(cluster: Cluster) -> Trigger:
    """The most informative trigger: verbs with a subject and object beat bare nouns."""
    def score(m: TriggerInfo) -> tuple[int, int]:
        return (int(m.perpetrator is not None) + int(m.place is not None)
                + int(m.trigger.kind == "verb"), -m.sent_index)
    return max(cluster.members, key=score).trigger


def _types(cluster: Cluster) -> list[str]:
    types: list[str] = []
    # neither the attacker being stopped nor the incident it answered says how it was done
    told = [m for m in cluster.members if not (m.neutralised or m.provoking)] or cluster.members
    for m in told:
        for t in m.trigger.attack_types:
            if t not in types:
                types.append(t)
    if not types and cluster.sibling is not None:
        return _types(cluster.sibling)  # the same wave of strikes, in another city
    if not types:
        # "an attack" alone: the weapons named anywhere in its sentences decide the type
        seen_sents = {m.trigger.sent.start: m.trigger.sent for m in cluster.members}
        for sent in seen_sents.values():
            for tok in sent:
                wtype = lexicon().weapon_type_at(tok)
                if wtype and tok.pos_ in ("NOUN", "PROPN") and wtype not in types:
                    types.append(wtype)
    remote = {"airstrike", "missile", "rocket", "drone", "artillery", "mortar", "bombing", "ied"}
    if {"airstrike", "drone"} & set(types) and "bombing" in types:
        types.remove("bombing")  # bombs dropped from aircraft or drones are the strike itself
    if {"ied", "bombing"} <= set(types):
        # one explosive told twice ("a bombing ... an explosive device"): the device names
        # it, but a suicide attack stays a bombing
        suicide = any(tells_suicide_attack(m.trigger.sent.text) for m in cluster.members)
        types.remove("ied" if suicide else "bombing")
    _drop_vague_types(types, cluster)
    if "arson" in types and remote & set(types):
        types.remove("arson")  # fires started by a strike are its damage, not arson
    if len(types) > 1 and "other" in types:
        types.remove("other")
    return types or ["other"]


def _drop_vague_types(types: list[str], cluster: Cluster) -> None:
    """ "Mortar rounds slammed into the market ... shells landed near it": a type that only
    vague words gave ("shells", "shelling") yields to the more specific one named."""
    lex = lexicon()
    for vague, rule in lex.vague_types.items():
        if vague not in types or not set(rule["yields_to"]) & set(types):
            continue
        sents = {m.trigger.sent.start: m.trigger.sent for m in cluster.members}
        if not any(lex.weapon_type_at(t) == vague and str(t.lemma_).lower() not in rule["words"]
                   and t.lower_ not in rule["words"] for s in sents.values() for t in s):
            types.remove(vague)


def _armed_group_attack(cluster: Cluster, lex: Lexicon) -> bool:
    """ "Militants attacked the station", "gunmen stormed the post": fighters on foot."""
    from claimwatch.resolve.actor import ActorTable

    fighters = set(lex.cues["group_nouns"])
    for m in cluster.members:
        if m.neutralised or m.provoking:
            continue
        verb = m.trigger.token if m.trigger.kind == "verb" else roles.casualty_verb(m.trigger.token)
        if verb is None:
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and str(subj.lemma_).lower() in fighters:
            return True
    table = ActorTable.load()
    entries = [table.by_name(p) for p in cluster.perpetrators]
    return bool(entries) and all(e is not None and e.category == "armed_group" for e in entries) \
        and any(m.trigger.kind == "verb" or roles.casualty_verb(m.trigger.token) is not None
                for m in cluster.members)


def _air_force_strike(cluster: Cluster) -> bool:
    from claimwatch.resolve.actor import ActorTable

    words = ("strike", "raid", "bombard")
    # the strike word is the trigger, or the subject of the verb that is ("strikes hit ...")
    if not any(str(t.lemma_).lower() in words
               for m in cluster.members if not (m.neutralised or m.provoking)
               for t in (m.trigger.token, *[
                   c for c in m.trigger.token.children if c.dep_ == "nsubj"])):
        return False
    table = ActorTable.load()
    entries = [table.by_name(p) for p in cluster.perpetrators]
    if not entries:
        return True  # "the strikes hit targets in Hodeidah": unclaimed strikes come by air
    return any(e is not None and e.category in ("state", "state_force") for e in entries)


def _fill_roles(mention: Mention, cluster: Cluster, lex: Lexicon,
                following: list[Any]) -> None:
    # a named actor ("Ukrainian missile strike") before a generic "its forces" elsewhere
    chosen = _perpetrator_of(cluster)
    if (chosen is None or _guessed(cluster)) and cluster.sibling is not None:
        chosen = _perpetrator_of(cluster.sibling) or chosen  # the same wave's attacker
    if chosen is None or perpetrator.actor_in(chosen[0]) is None:
        # a generic attacker noun ("gunmen") yields to a named claimant or blamed actor
        found = perpetrator.from_claims([m.trigger.sent for m in cluster.members] + following)
        if found:
            chosen = (found[0], found[1], cluster.members[0].trigger.sent.text)
    if chosen is not None and perpetrator.actor_in(chosen[0]) is None:
        tied = perpetrator.described_before(chosen[0], cluster.members[0].trigger.token.doc)
        if tied:  # "suspected militants" after "suspected al-Shabaab militants"
            chosen = (tied[0], tied[1], chosen[2])
    if chosen is not None and perpetrator.mutual_blame([m.trigger.sent for m in cluster.members]) \
            and not any(str(t.lemma_).lower() in lex.cues["battle_words"]
                        for m in cluster.members for t in m.trigger.sent):
        # "the sides traded blame for the blast": in a one-sided attack (no fighting
        # between them), whichever side a single account names is not established
        mention.explain("perpetrator", "the sides blame each other for a one-sided attack: "
                        "none reported (the accused is kept for reading the statements)",
                        sentence=chosen[2], detail=chosen[0])
        mention.accused_only = True
    if chosen is not None and _anonymous(chosen[0]):
        mention.explain("perpetrator", UNNAMED_ATTACKER,
                        sentence=chosen[2], detail=chosen[0])
        chosen = None  # "a suicide bomber", "gunmen": who they were is not known
    if chosen is not None:
        name, why, sentence = chosen
        mention.actors.append(Actor(name=name, role="perpetrator"))
        mention.explain("perpetrator", why or "parse", sentence=sentence, detail=name)
        members = cluster.members + (cluster.sibling.members if cluster.sibling else [])
        joint = next((m.co_perpetrators for m in members
                      if m.perpetrator == name and m.co_perpetrators), ())
        for other in joint:  # "American and British aircraft": both states' forces
            mention.actors.append(Actor(name=other, role="perpetrator"))
            mention.explain("perpetrator", why or "parse", sentence=sentence, detail=other)
    for m in cluster.members:
        tgt = roles.target_token(m.trigger.token, m.trigger.kind)
        if tgt is None or not _target_like(tgt, lex):
            continue
        if tgt.lower_ in lex.cues["anonymous_attackers"] \
                or str(tgt.lemma_).lower() in lex.cues["anonymous_attackers"]:
            continue   # 'all five attackers were killed': the attackers are no target

        text = roles.target_phrase(tgt)
        if not text:
            continue
        if "abduction" in m.trigger.attack_types and m.trigger.kind == "verb" \
                and text.lower() not in {v.text.lower() for v in mention.victims}:
            mention.victims.append(Victim(text, None))
        # the people seized are also what an abduction targeted; a name inside the phrase
        # ("the Orion Arena concert venue") is given beside it
        for variant in roles.target_texts(tgt):
            if variant.lower() not in {t.text.lower() for t in mention.targets}:
                mention.targets.append(Target(variant, roles.target_type(tgt, lex)))
        for conj in roles.conjoined_things(tgt, lex):  # "a substation and a power pylon"
            text = roles.target_phrase(conj)
            if text and _target_like(conj, lex) and text.lower() not in {
                    t.text.lower() for t in mention.targets}:
                mention.targets.append(Target(text, roles.target_type(conj, lex)))
        if str(tgt.lemma_).lower() in lex.cues["person_nouns"] and \
                text.lower() not in {v.text.lower() for v in mention.victims}:
            count = counts.count_of(tgt, lex)
            mention.victims.append(Victim(text, count.low if count else None))
    for m in cluster.members:   # people named as killed, hurt or seized ("killed X")
        for name in _named_victims(m.trigger.token, lex):
            if name.lower() not in {v.text.lower() for v in mention.victims}:
                mention.victims.append(Victim(name, 1))
                mention.explain("victims", "a person named as the object of the casualty "
                                "word", sentence=m.trigger.sent.text, detail=name)
    for m in cluster.members:
        for w in roles.weapon_phrases(m.trigger.token, lex):
            if w not in mention.weapons:
                mention.weapons.append(w)
    for m in sorted(cluster.members, key=place_key):
        if m.place:
            mention.place_text = m.place
            mention.explain("location", "place phrase tied to the trigger",
                            sentence=m.trigger.sent.text, detail=m.place)
            break


UNNAMED_ATTACKER = "only a generic attacker noun, no named actor: none"


def _anonymous(name: str) -> bool:
    """ "a suicide bomber", "unidentified gunmen": an attacker nobody has named."""
    cues = lexicon().cues
    words = [w for w in name.lower().split() if w not in cues["anonymous_modifiers"]]
    if " ".join(words) in cues["anonymous_attackers"]:
        return True
    # "an armed civilian", "uniformed individuals": people described only as armed/unknown
    return bool(words) and (words[-1] in cues["person_nouns"] or words[-1].removesuffix("s")
                            in cues["person_nouns"]) and any(
        w in cues["perpetrator"]["anonymous_person_modifiers"] for w in name.lower().split())


def _perpetrator_of(cluster: Cluster) -> tuple[str, str | None, str] | None:
    """(name, why, sentence) of the best perpetrator its triggers name: a named actor
    before a generic one, one the clause names before one guessed by coreference.
    Whoever shoots down an attack's incoming missiles defends: it did not attack."""
    attack = any(m.trigger.attack_types and "interception" not in m.trigger.attack_types
                 for m in cluster.members)
    return next(((m.perpetrator, m.perpetrator_why, m.trigger.sent.text)
                 for m in sorted(cluster.members, key=lambda m: (
                     m.perpetrator is None or perpetrator.actor_in(m.perpetrator) is None,
                     m.perp_guessed, m.trigger.kind != "verb"))
                 if m.perpetrator and not (attack and "interception" in m.trigger.attack_types)),
                None)


def _guessed(cluster: Cluster) -> bool:
    return all(m.perp_guessed for m in cluster.members if m.perpetrator)


def _target_like(tok: Any, lex: Lexicon) -> bool:
    """Objects that are not targets: weapons, the attack noun itself, bare numbers."""
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    inner = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    if inner is not None and (tok.pos_ in ("ADJ", "PRON", "NUM", "DET") or tok.like_num):
        tok = inner   # "most of the missiles", "two of the drones": what they are counts
    lemma = str(tok.lemma_).lower()
    if tok.pos_ == "PROPN" and tok.lower_.endswith("s"):
        lemma = tok.lower_[:-1]   # "Rockets were fired" opening a sentence, read as a name
    return not (lemma in lex.weapons or lemma in lex.nouns or tok.like_num
                or lemma in ("fire", "flame", "responsibility")
                or (lemma == "target" and not roles.qualified(tok))
                or tok.pos_ == "PRON" or tok.ent_type_ in ("CARDINAL", "DATE", "TIME"))


def _fill_date_and_role(mention: Mention, cluster: Cluster, document: Document,
                        lex: Lexicon, timexes: list[Any]) -> None:
    anchor = cluster.anchor
    published = document.published
    if anchor is not None:
        tx = anchor.timex
        mention.date = DateRange(tx.start, tx.end, tx.precision or "day", tx.text)
        how = "tied to the trigger" if anchor.attached else "date of the statement about it"
        mention.explain("date", f"time expression '{tx.text}' ({tx.rule}), {how}")
    elif published is not None and (day := _sentence_day(cluster, timexes, published)):
        mention.date = DateRange(day.start, day.end, "day", day.text)
        mention.explain("date", f"no date tied to the incident: the day its sentence gives, "
                        f"'{day.text}' ({day.rule})")
    elif published is not None and (day := _claim_day(cluster, timexes, published)):
        mention.date = DateRange(day.start, day.end, "day", day.text)
        mention.explain("date", f"a claim with no date of its own: the day of the lede's "
                        f"statement, '{day.text}' ({day.rule})")
    elif published is not None:
        mention.date = DateRange(published - dt.timedelta(days=6), published, "week")
        mention.explain("date", "no date in the text: the week up to publication")
    mention.mention_role = _role(mention, cluster, published, lex)
    mention.explain("mention_role", f"{mention.mention_role}: date against publication "
                    "and recall/background cues")


def _sentence_day(cluster: Cluster, timexes: list[Any], published: dt.date) -> Any:
    """The earliest single day named in the incident's own sentences, when nothing is tied
    to the trigger itself: statements about an incident and the scenes after it ("calm
    returned on Sunday after the fighting") come later than the incident, never before."""
    found = []
    for m in sorted(cluster.members, key=lambda m: m.sent_index):
        sent = m.trigger.sent
        sig = EMBED_SIGNATURE.search(sent.text)
        cutoff = sent.start_char + sig.start() if sig else sent.end_char
        for tx in timexes:
            if tx.start is None or tx.precision != "day" or tx.start != tx.end:
                continue
            if sent.start_char <= tx.start_char < cutoff and tx.start <= published:
                before = sent.doc.text[max(0, tx.start_char - 8):tx.start_char].lower().split()
                if not (before and before[-1] in NOT_ANCHOR_PREFIX) and \
                        not _scene_after(m.trigger, tx):
                    found.append(tx)
    return min(found, key=lambda tx: tx.start, default=None)


def _scene_after(trigger: Trigger, tx: Any) -> bool:
    """ "Calm returned on Sunday after the fighting killed 32": the day of what followed."""
    span = trigger.token.doc.char_span(tx.start_char, tx.end_char, alignment_mode="expand")
    if span is None:
        return False
    clause = trigger.token
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if not any(c.dep_ == "mark" and c.lower_ in LATER_PREPS for c in clause.children):
        return False
    return clause.head.i != clause.i and span.root.i not in {t.i for t in clause.subtree} \
        and clause.head.i in {t.i for t in span.root.ancestors} | {span.root.i}


def _claim_day(cluster: Cluster, timexes: list[Any], published: dt.date) -> Any:
    """ "A spokesman added that the group had fired rockets at Tarvik": an undated claim made in
    the statement the lede dates ("the movement said on Friday ...") takes that day."""
    main = cluster.members[0].trigger
    verb = main.token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if not _reported(verb):
        return None
    lede = next(iter(main.token.doc.sents))
    for tx in timexes:
        if not (lede.start_char <= tx.start_char < lede.end_char) or tx.start is None \
                or tx.precision != "day" or tx.start != tx.end or tx.start > published:
            continue
        span = main.token.doc.char_span(tx.start_char, tx.end_char, alignment_mode="expand")
        head = span.root.head if span is not None else None
        while head is not None and head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head is not None and str(head.lemma_).lower() in REPORTING_LEMMAS \
                or str(lede.root.lemma_).lower() in REPORTING_LEMMAS:
            return tx
    return None


def _role(mention: Mention, cluster: Cluster, published: dt.date | None,
          lex: Lexicon) -> str:
    if published is None or mention.date is None:
        return "new"
    age = (published - mention.date.end).days
    words = {t.lower_ for m in cluster.members for t in m.trigger.sent}
    text = " ".join(m.trigger.sent.text.lower() for m in cluster.members)
    recall = bool(words & set(lex.cues["recall_cues"])) or any(
        t.tag_ == "VBN" and any(c.lower_ == "had" for c in t.children)
        for m in cluster.members for t in m.trigger.sent)
    # ('that strike' later only refers back to the incident so introduced)
    told = [m for m in cluster.members if not m.anaphoric] or cluster.members
    answered = age > 0 and all(m.provoking for m in told)
    # "In February, missiles hit ..." in a March report: a month or year told whole, all of
    # it before the month of publication, is an earlier incident recalled
    earlier = mention.date.precision in ("month", "year") \
        and mention.date.end < published.replace(day=1)
    recalled = recall and mention.date.precision != "day" and cluster.anchor is not None
    if age <= NEW_WINDOW_DAYS and not earlier and not recalled and not answered:
        return "new"  # (told only as what a later attack answered: an earlier one recalled)
    if age > 60 and any(cue in text for cue in lex.cues["background_cues"]) and not recall:
        return "background"
    return "historical"
