"""Fill each event mention's assertions and evidence from the statements in its report.

Statements are found once per report (``statements.py``), their speakers resolved in text
order (so "he said" and "the ministry said" refer back to the last such speaker), tied to
the mention they are about, and given a role and a stance relative to that mention: the
same "Moscow said" is the perpetrator's claim for one strike and the target state's
confirmation for another.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from claimwatch.claims.evidence import find_evidence
from claimwatch.claims.lexicon import (
    claims_pattern,
    claims_words,
    countries_in,
    country_in,
    has_word,
    lexicon,
)
from claimwatch.claims.speakers import (
    EventContext,
    Speaker,
    armed_groups_named,
    clean_surface,
    describe,
    event_context,
    lookup,
    norm_key,
    speaker_role,
    target_country,
)
from claimwatch.claims.speakers import (
    actor_table as _actor_table,
)
from claimwatch.claims.statements import Statement, find_statements
from claimwatch.extract.lexicon import CuePattern
from claimwatch.model import Assertion, Document, Evidence, Mention

_INCIDENT_WORDS = claims_pattern("assertions", "incident_words")
_NOT_INCIDENT = claims_pattern("assertions", "not_incident")
# 'the (civil) war has killed', 'killed in the (eight-year) conflict'
_HABITUAL = claims_pattern("assertions", "habitual")
# 'the group said it carried out the bombing'
_OWN_FORCES = claims_pattern("assertions", "own_forces")
_OWN_FORCES_ORG = claims_pattern("assertions", "own_forces_org")
# 'a fighter from its Radwan unit was among the dead': its losses, not its attack
_OWN_FORCES_LOSSES = claims_pattern("assertions", "own_forces_losses")
_CLAIMS_INCIDENT = claims_pattern("assertions", "claims_incident")
_DENIAL_CONTENT = claims_pattern("assertions", "denial_content")
_OTHER_CAUSE = claims_pattern("assertions", "other_cause")
_DOUBT = claims_pattern("assertions", "doubt")
_RELAYED = claims_pattern("assertions", "relayed")
_STALE_EVIDENCE = claims_pattern("assertions", "stale_evidence")
_OWN_STRIKE = claims_pattern("assertions", "own_strike")
_OWN_LOSSES = claims_pattern("assertions", "own_losses")
_NONCOMMITTAL = claims_pattern("assertions", "noncommittal")
_DEMONSTRATIVE = claims_pattern("assertions", "demonstrative_incident")
_OWNS_RESPONSIBILITY = claims_pattern("assertions", "owns_responsibility", re.IGNORECASE)
_GENERIC_VICTIMS = claims_words("assertions", "generic_victims")
_AUTHORITY_ROLES = ("target_state", "third_state", "ngo")
_GROUP_HEADS = claims_words("assertions", "group_heads")
# 'a spokesman for the group', 'the spokeswoman of the movement'
_SPOKESPERSON_OF_ANAPHOR = re.compile(
    r"(?i:(?:an?|the|one)\s+)?(" + "|".join(sorted(lexicon().kinds["spokesperson"])) +
    r")\s+(?:for|of)\s+((?:the|its|their)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)")


@dataclass
class _Memory:
    """Speakers seen so far in the report, for pronouns and 'the ministry'-style references."""

    last_person: Speaker | None = None
    last_org: Speaker | None = None
    people: list[Speaker] = field(default_factory=list)
    by_head: dict[str, Speaker] = field(default_factory=dict)
    last_spoken: Speaker | None = None   # the speaker of the statement just before
    abbreviations: dict[str, str] = field(default_factory=dict)   # 'CMA' -> its full name
    bodies: dict[str, Speaker] = field(default_factory=dict)   # organisations heard, by name


def annotate_claims(document: Document, sdoc: Any, mentions: list[Mention]) -> None:
    """Fill ``assertions`` and ``evidence`` of every mention found in this report."""
    if not mentions:
        return
    memory = _Memory(abbreviations=_abbreviations(document.text))
    ordered = sorted(mentions, key=lambda m: m.trigger.start)
    countries = [m.place.iso3 for m in ordered if m.place is not None and m.place.iso3]
    lead_states = countries_in(document.text[:600])
    default_country = max(set(countries), key=countries.count) if countries \
        else (next(iter(lead_states)) if len(lead_states) == 1 else None)
    # (no place resolved: the one state the lead names, if it names only one)
    spoken: list[tuple[int, int, str]] = []
    heard: list[tuple[Statement, Speaker, list[Mention]]] = []
    for st in find_statements(document.text, sdoc):
        # "the group said ... the ship, which had been hit by a missile": the narrator's
        # aside on a noun of the statement tells that incident, the speaker does not
        pool = [m for m in ordered if not (st.start <= m.trigger.start < st.end
                                           and _in_aside(sdoc, m.trigger.start, st.start))]
        nearest = _attach(st.start, st.end, pool, document.text)
        nearest = _by_place(document.text[st.start:st.end], nearest, ordered, st.start)
        if nearest and not _relevant(st, nearest[0], document.text):
            nearest = []
        sp = _resolve(st, memory, nearest[0] if nearest else None, document.text)
        if sp is None:
            continue
        memory.last_spoken = sp
        spoken.append((st.start, st.end, sp.name))
        heard.append((st, sp, nearest))
    sides = _group_sides(heard, default_country)
    for st, sp, nearest in heard:
        for mention in nearest:
            _add_assertions(document, mention, st, sp, default_country,
                            sides.get((id(mention), _group_key(sp))))
    for cue in find_evidence(sdoc):
        source = cue.source_phrase
        known = next((name for s, e, name in spoken if s <= cue.start < e), None)
        about = _attach(cue.start, cue.end, ordered, document.text)
        if source is not None:
            resolved = _resolve_phrase(source, memory, about[0] if about else None)
            source = resolved.name if resolved is not None else clean_surface(source)
        for mention in about:
            item = Evidence(cue.kind, cue.description, source or known, cue.against)
            if item not in mention.evidence:
                mention.evidence.append(item)


def _group_key(sp: Speaker) -> str | None:
    """The armed group a speaker is or speaks for ('a Hamas official' -> Hamas)."""
    return (sp.canonical or sp.name) if sp.kind == "armed_group" else None


def _group_sides(heard: Sequence[tuple[Statement, Speaker, list[Mention]]],
                 default_country: str | None) -> dict[tuple[int, str | None], str]:
    """The side a group's own words fix for an event ('a Hamas official' of the ruled
    territory is the target side): every speaker of that group keeps it."""
    sides: dict[tuple[int, str | None], str] = {}
    for _, sp, nearest in heard:
        key = _group_key(sp)
        if key is None:
            continue
        for mention in nearest:
            role = speaker_role(sp, event_context(mention, default_country))
            if role in ("perpetrator", "target_state"):
                sides.setdefault((id(mention), key), role)
    return sides


def _speaks_of_own_attack(pattern: CuePattern, text: str) -> bool:
    """A match of ``pattern`` ('its fighters', 'a member of its', 'it fired') in ``text``
    that is not followed by a loss ('... was among the dead', '... had taken 20 wounded',
    '... were hit'): the speaker's own people doing something, not suffering it."""
    low = text.lower()
    return any(not _OWN_FORCES_LOSSES.match(low, m.end()) for m in pattern.finditer(low))


def _add_assertions(document: Document, mention: Mention, st: Statement, sp: Speaker,
                    default_country: str | None, side: str | None = None) -> None:
    ctx = event_context(mention, default_country)
    role = speaker_role(sp, ctx)
    if role in ("unknown", "third_state") and side is not None:
        role = side   # 'Hamas said ...' after or before 'a Hamas official said ...'
    if role in ("unknown", "third_state") and sp.kind == "armed_group" \
            and st.cue in ("claim", "say", "confirm") \
            and ((not ctx.perpetrator_keys and st.cue == "claim")
                 or (st.cue == "claim" and _CLAIMS_INCIDENT.search(st.content.lower()))
                 or _speaks_of_own_attack(_OWN_FORCES, f"{st.content} {st.quoted}")):
        role = "perpetrator"   # a group speaking of its own fighters' attack claims it
    elif role == "unknown" and sp.kind == "unknown" and st.cue in ("claim", "say") \
            and _speaks_of_own_attack(_OWN_FORCES_ORG, f"{st.content} {st.quoted}"):
        # an undescribed speaker saying 'it fired', 'its fighters' speaks of its own attack
        # (a person is 'he'; the parser often takes a group's Arabic name for a person's)
        role = "perpetrator"
    elif role == "third_state" and sp.kind == "state" and not ctx.perpetrator_keys \
            and not ctx.perpetrator_countries and _OWN_STRIKE.search(st.content) \
            and (re.search(r"\b(?:its|our)\b", st.content) or sp.country in countries_in(
                st.content.replace(st.speaker, " "))):
        role = "perpetrator"   # 'US forces conducted strikes', the US military said
    elif role == "unknown" and st.cue == "claim" and sp.kind in ("armed_group", "unknown") \
            and "responsib" in st.content.lower():
        role = "perpetrator"   # 'a separatist leader claimed responsibility': the claimant
    elif role != "perpetrator" and st.cue in ("claim", "confirm") \
            and _OWNS_RESPONSIBILITY.search(st.content):
        role = "perpetrator"   # 'the army accepted responsibility for the deaths': an admission
    elif role in ("unknown", "third_state") and sp.kind == "armed_group" \
            and st.cue in ("deny", "dispute"):
        role = "perpetrator"   # a group denying involvement speaks as the accused
    if role == "third_state" and sp.kind == "state" and _OWN_LOSSES.search(st.content.lower()):
        role = "target_state"   # 'three of our policemen were wounded', the ministry said
    if role in ("unknown", "third_state") and any(
            a.speaker == sp.name and a.speaker_role == "perpetrator" for a in mention.assertions):
        role = "perpetrator"   # a speaker keeps its side for the event, remark to remark
    if role in ("unknown", "third_state") and sp.kind == "armed_group" \
            and _accused(sp, mention, st.start):
        role = "perpetrator"   # the group others blamed for this event speaks as the accused
    for stance in stances(st, role, ctx, sp.igo):
        a = Assertion(
            speaker=sp.name, stance=stance, speaker_role=role, handle=sp.handle,
            quote=document.text[st.start:st.end], document_id=document.id,
            published=st.published or document.published, char_start=st.start,
            char_end=st.end, rule=f"{st.rule}; {sp.rule}",
        )
        if not any(_same(a, b) for b in mention.assertions):
            mention.assertions.append(a)
            known = f" = {sp.canonical}" if sp.canonical else ""
            mention.explain("assertions", a.rule or st.rule, sentence=a.quote[:300],
                            detail=f"{a.speaker}{known} ({role}) {stance}")


def _in_aside(sdoc: Any, char: int, start: int) -> bool:
    """The word at ``char`` lies in a non-restrictive relative clause (", which had been
    hit ...") that opens after ``start``."""
    span = sdoc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return False
    for node in [span.root, *span.root.ancestors]:
        if node.dep_ != "relcl":
            continue
        first = node.left_edge
        return bool(first.idx > start and first.lower_ in ("which", "who") and first.i > 0
                    and sdoc[first.i - 1].text == ",")
    return False


def _accused(sp: Speaker, mention: Mention, start: int) -> bool:
    """Whether an earlier assertion on the mention, in another sentence, attributed it to
    this speaker (in its own sentence the speaker may just be named beside the blamer)."""
    keys = [k for k in sp.keys if len(k) > 2]
    for a in mention.assertions:
        if a.stance != "attributes" or a.speaker == sp.name or a.char_start == start:
            continue
        low = a.quote.lower()
        cues = [*lexicon().attribution_phrases, "blame", "accuse", "hallmarks of", "suspect"]
        for cue in cues:
            for m in re.finditer(re.escape(cue), low):
                after = norm_key(low[m.end():m.end() + 80])
                if any(re.search(rf"\b{re.escape(k)}\b", after) for k in keys):
                    return True
    return False


def _same(a: Assertion, b: Assertion) -> bool:
    return (a.speaker.lower(), a.stance, a.speaker_role, a.char_start) == \
        (b.speaker.lower(), b.stance, b.speaker_role, b.char_start)


def stances(st: Statement, role: str, ctx: EventContext, sp_igo: bool = False) -> list[str]:
    """The stance(s) a statement takes on the event, from its cue and the speaker's role.

    UN bodies and other IGOs speak with authority (they verify), so their plain
    statements confirm; NGOs and monitors report.
    """
    if st.cue == "silence":
        return ["no_comment"]
    if st.negated:
        return []
    said = f"{st.content} {st.quoted}".lower()
    if st.cue == "say" and _DENIAL_CONTENT.search(said):
        return ["denies"]
    if st.cue == "say" and role != "target_state" and _NONCOMMITTAL.search(st.content.lower()):
        return ["no_comment"]   # 'it was looking into the incident': neither yes nor no
    if st.cue == "say" and _DOUBT.search(said) and role in _AUTHORITY_ROLES:
        return ["disputes"]
    if st.cue in ("deny", "dispute"):
        return ["denies" if st.cue == "deny" else "disputes"]
    if st.cue == "say" and role != "perpetrator" and _STALE_EVIDENCE.search(said):
        return ["disputes"]   # 'the video appeared to show an older launch'
    if st.cue == "blame":
        return ["attributes"]
    if role == "perpetrator":
        if has_word(f"{said} {st.sentence}", lexicon().admission):
            return ["confirms"]   # owning up to it ('a grave mistake') confirms the event
        if st.cue == "confirm":
            return ["claims", "confirms"]   # confirming its own strike also claims it
        blames = ["attributes"] if _blames_other(st.content, ctx) else []
        if _OTHER_CAUSE.search(said):   # 'they died in a stampede': another cause
            return ["disputes", *blames]
        return blames or ["claims"]
    attributes = _names_responsible(st.content, ctx, role, phrase_only=st.rule == "according-to")
    if role in ("third_state", "ngo") and st.rule.startswith("verb:") \
            and _RELAYED.search(st.content):
        base = "reports"   # 'the agency said a vessel had reported an explosion': relayed word
    elif role in _AUTHORITY_ROLES and st.cue != "claim":
        base = "confirms" if role != "ngo" or st.cue == "confirm" or sp_igo else "reports"
    elif role == "unknown" and st.cue == "confirm":
        base = "confirms"   # 'the shipping company confirmed its vessel had been hit'
    else:
        base = "reports"
    return [base, "attributes"] if attributes else [base]


def _names_responsible(content: str, ctx: EventContext, role: str,
                       phrase_only: bool = False) -> bool:
    """Whether a statement says who is responsible: an attribution phrase ('carried out
    by'), or an authority naming the perpetrator. Behind 'according to X' the whole
    sentence is X's word, so only an attribution phrase counts there: 'gunmen attacked
    the town, according to X' reports the attack, it does not accuse."""
    low = re.sub(r"\s*,[\s,]*", " ", content.lower())   # 'carried out, according to X, by Y'
    phrase = any(p in low for p in lexicon().attribution_phrases)
    if phrase_only:
        return phrase
    norm = norm_key(content)
    named = any(re.search(rf"\b{re.escape(k)}\b", norm) for k in ctx.perpetrator_keys if len(k) > 2)
    if not ctx.perpetrator_keys and role in _AUTHORITY_ROLES:
        named = bool(armed_groups_named(content))
    named = named or bool(countries_in(content) & ctx.perpetrator_countries)   # 'Russia struck'
    return phrase or (named and role in _AUTHORITY_ROLES)


def _blames_other(content: str, ctx: EventContext) -> bool:
    """A perpetrator's statement pointing at someone else ('a misfired rocket of group X')."""
    low = content.lower()
    return any(p in low for p in ("was behind", "were behind", "responsible for", "misfired",
                                  "carried out by", "blamed", "accused", "the work of",
                                  "fired by", "launched by", "were responsible",
                                  "was responsible"))


def _attach(start: int, end: int, mentions: Sequence[Mention], text: str) -> list[Mention]:
    """The mention(s) a statement at [start, end) is about.

    Mentions whose trigger lies inside the statement; else the one whose sentences hold
    it (the trigger sentence cut at paragraph breaks) and whose trigger comes before the
    statement's paragraph ends (a mention told later in the report does not take an
    earlier paragraph's statements while another incident precedes them); else the
    nearest mention before it; else the first one after it.
    """
    inside = [m for m in mentions if start <= m.trigger.start < end]
    if inside:   # and those the extraction gave this very sentence (a lead with two events)
        return inside + [m for m in mentions if m not in inside and any(
            sp.start <= start and end <= sp.end for sp in m.sentences[1:])]
    para = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", start)
    para_end = len(text) if para_end < 0 else para_end
    holding = [m for m in mentions if any(s <= start < e for s, e in _spans(m, text))
               and (m.trigger.start < para_end or not any(
                   n.trigger.start < start for n in mentions))]
    recalled = [m for m in mentions if para <= m.trigger.start < start and m not in holding]
    if holding and recalled:   # 'that attack' right after a recalled incident in the paragraph
        holding.append(max(recalled, key=lambda m: m.trigger.start))
    if not holding:   # a statement between two sentences of one incident, in its paragraph
        holding = [m for m in mentions if _surrounds(m, start, end, text)]
    pool = holding or list(mentions)
    before = [m for m in pool if m.trigger.start < start]
    said = text[start:end].lower()
    armed = [m for m in before if _names_its_weapon(said, m)]
    if len(armed) == 1 and len(before) > 1:   # 'the launch of the missile': the missile attack
        return armed
    if len(before) > 1 and _DEMONSTRATIVE.search(said):
        # 'killed in that strike', 'died there': the incident introduced last
        return [max(before, key=lambda m: m.trigger.start)]
    if before:   # the incident told last before the statement, by its latest sentence
        return [max(before, key=lambda m: max(
            (sp.start for sp in m.sentences if sp.start < start), default=m.trigger.start))]
    return [min(pool, key=lambda m: m.trigger.start)] if pool else []


def _names_its_weapon(said: str, mention: Mention) -> bool:
    """The statement names the incident's weapon or attack kind ('the missile', 'drones')."""
    words = {*mention.weapons, *(t for t in mention.attack_types if t not in _GENERIC_TYPES)}
    return any(re.search(rf"\b{re.escape(w.lower())}s?\b", said) for w in words)


_GENERIC_TYPES = frozenset({"other", "interception", "ground_assault", "shooting"})


def _by_place(said: str, nearest: list[Mention], mentions: Sequence[Mention],
              start: int) -> list[Mention]:
    """Another incident's place, named as where something happened ('the damage in Kyiv',
    said beside the Odesa toll), moves a statement to that incident (never from
    the news to a recalled incident: the news is what a report's speakers address)."""
    if len(nearest) != 1 or start <= nearest[0].trigger.start < start + len(said):
        return nearest
    named = [m for m in mentions if _names_place(m, said)
             and (m.mention_role == "new" or nearest[0].mention_role != "new")]
    if len(named) == 1 and nearest[0] not in named and not any(
            start <= m.trigger.start < start + len(said) for m in mentions):
        return named
    return nearest


def _names_place(mention: Mention, text: str) -> bool:
    names = [mention.place.name] if mention.place is not None else []
    names += [t.text for t in mention.targets if t.text[:1].isupper()]
    told = " ".join(s.text.lower() for s in mention.sentences)
    names += [n for n in re.findall(r"\b(?:at|in|inside|outside) the (\w{5,})\b", text)
              if re.search(rf"\b{re.escape(n.lower())}\b", told)]   # 'at the hospital'
    return any(len(n) > 3 and re.search(
        rf"\b(?:in|at|near|outside|inside)\s+(?:the\s+)?{re.escape(n)}\b", text) for n in names)


def _surrounds(mention: Mention, start: int, end: int, text: str) -> bool:
    para = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    spans = [(s, e) for s, e in _spans(mention, text) if para <= s and e <= para_end]
    return any(e <= start for _, e in spans) and any(s >= end for s, _ in spans)


def _relevant(st: Statement, mention: Mention, text: str) -> bool:
    """Whether a statement outside the mention's own sentences speaks of an incident.

    Statements that hold the trigger or lie in the mention's sentences always count; one
    further away must use attack vocabulary or name the event's actors or place, so a
    remark about a ceasefire or a policy is not filed as a word on the attack.
    """
    if st.start <= mention.trigger.start < st.end or st.cue == "silence":
        return True
    low = text[st.start:st.end].lower()
    if _HABITUAL.search(low) or (_NOT_INCIDENT.search(low) and not _INCIDENT_WORDS.search(low)):
        return False
    if any(s < st.end and st.start < e for s, e in _spans(mention, text)) \
            or _surrounds(mention, st.start, st.end, text):
        return True
    if st.cue in ("blame", "deny", "dispute", "claim", "confirm") or _DOUBT.search(low) \
            or _DENIAL_CONTENT.search(low):
        return True   # a word on a claim ('could not validate the account') is about it
    names = [a.name for a in mention.actors] + ([mention.place.name] if mention.place else [])
    objects = [t.text for t in mention.targets] + [v.text for v in mention.victims]
    names += [o.split()[-1] for o in objects
              if o.split() and o.split()[-1].lower() not in _GENERIC_VICTIMS]
    return any(n.lower() in low for n in names if len(n) > 3) or \
        bool(_INCIDENT_WORDS.search(low))


def _spans(mention: Mention, text: str) -> list[tuple[int, int]]:
    first, *rest = mention.sentences or [mention.trigger]
    t = mention.trigger.start
    para_start = max(first.start, text.rfind("\n", 0, t) + 1)
    nl = text.find("\n", t)
    para_end = min(first.end, nl) if nl >= 0 else first.end
    return [(para_start, para_end)] + [(s.start, s.end) for s in rest]


def _resolve(st: Statement, memory: _Memory, mention: Mention | None,
             text: str = "") -> Speaker | None:
    at = text.find(st.speaker, st.start, st.end) if text else -1
    before = text[max(0, (at if at >= 0 else st.start) - 600):at if at >= 0 else st.start]
    return _resolve_phrase(st.speaker, memory, mention, handle=st.handle, context=st.context,
                           person=st.person, person_name=st.person_name, before=before)


def _last_group_named(before: str) -> str | None:
    """The armed group named last in the text before an anaphor ('IS-K ... the group')."""
    table = _actor_table()
    if table is None or not before:
        return None
    named = [(before[s:e], table.names_patron(before, e)) for s, e, m
             in table.find_mentions(before) if m.entry.category == "armed_group"]
    # a patron named only to describe another ("JNIM, al-Qaeda's affiliate") comes last
    groups = [text for text, patron in named if not patron] or [text for text, _ in named]
    return groups[-1] if groups else None


def _resolve_phrase(phrase: str, memory: _Memory, mention: Mention | None, *,
                    handle: str | None = None, context: str = "",
                    person: bool = False, person_name: str | None = None,
                    before: str = "") -> Speaker | None:
    """A Speaker for a phrase, following pronouns and 'the group' back to earlier speakers
    (or, for 'the group', to the armed group the text named last)."""
    lex = lexicon()
    raw = phrase.strip()
    low = raw.lower()
    if low in lex.pronouns:
        kind = lex.pronouns[low]
        return memory.last_person if kind == "person" else memory.last_org
    words = low.split()
    owner = memory.last_org
    if len(words) == 2 and words[0] in ("its", "their") and owner is not None \
            and words[1] in lex.kinds["spokesperson"]:
        return owner   # 'The M23 denied it. Its spokesman said ...': the group speaks
    body_of = _SPOKESPERSON_OF_ANAPHOR.fullmatch(raw)
    if body_of is not None and body_of.group(2).split()[-1].lower() in lex.anaphor_heads:
        # 'a spokesman for the group': the body 'the group' refers to speaks
        body = _resolve_phrase(body_of.group(2), memory, mention, before=before)
        if body is not None and body.kind == "armed_group":
            return body
    if len(words) > 1 and words[0] in ("its", "their") and owner is not None \
            and (owner.canonical or owner.name).lower() in lex.countries:
        # 'Caracas saw it otherwise. Its interior ministry said ...'
        raw = f"{owner.canonical or owner.name}'s {raw.split(maxsplit=1)[1]}"
        low, words = raw.lower(), raw.lower().split()
    patron = _patron_descriptor().sub("", raw)   # 'the al Qaeda-linked group' -> 'the group'
    if patron != raw and patron.lower().split()[:1] == ["the"]:
        raw, low, words = patron, patron.lower(), patron.lower().split()
    if words and words[0] in ("the", "its", "their") and len(words) <= 3 \
            and words[-1] in lex.anaphor_heads and _only_demonyms(raw) \
            and not re.match(r"[A-Z]", context):   # 'the monitoring group Coastal Peace Watch'
        iso3 = country_in(raw)
        prior = memory.by_head.get(_head_key(words[-1]))
        if set(words) & _NON_STATE_FORCE:
            prior = None   # 'the paramilitary force' is not the army named before
        named = _last_group_named(before) if words[-1] in _GROUP_HEADS and not context \
            else None
        if named is not None and (prior is None or norm_key(named) not in prior.keys):
            found = describe(named)
            if re.fullmatch(r"[A-Z][A-Z0-9-]{1,9}", named):
                return found   # an abbreviation is kept as the report writes it ('IS-K')
            # a full name in a variant wording takes the table's spelling
            return replace(found, name=found.canonical or found.name)
        if prior is not None and prior.country is None and prior.canonical is None \
                and _head_key(words[-1]) == "military" and mention is not None \
                and (_state_military(mention, words) is not None or mention.perpetrators):
            prior = None   # an earlier bare 'the military' nobody could place says nothing here
        if prior is not None and (iso3 is None or prior.country == iso3):
            if prior.person and prior.name != prior.surface:   # 'the army' after its chief
                return replace(prior, name=clean_surface(raw), handle=None)
            return prior
        if words[-1] == "group" and named is None and prior is None and memory.last_org \
                is not None and memory.last_org.kind in ("ngo", "osint"):
            return memory.last_org   # 'Human Rights Watch said ... , the group said': the NGO
        if words[-1] in _GROUP_HEADS and mention is not None and mention.perpetrators:
            return _perpetrator_speaker(mention)
        if _head_key(words[-1]) == "military" and mention is not None and iso3 is None:
            own = _perpetrator_speaker(mention)
            if own is not None and own.kind == "state":
                return own
            forces = _state_military(mention, words)
            if forces is not None:
                memory.by_head["military"] = forces
                return forces
    if not clean_surface(raw):
        return None
    short = _abbreviated(clean_surface(raw), memory, person_name)
    if short is not None:
        return short
    earlier = _named_before(clean_surface(raw), memory)
    if earlier is not None:
        return earlier
    sp = describe(raw, handle, context, person_name)
    body = memory.last_spoken
    if body is not None and body.organisation and body.kind in ("state", "armed_group") \
            and sp.country is None and sp.affiliation is None \
            and _bare_spokesperson(clean_surface(raw), sp.person or person_name):
        # 'Iran's foreign ministry said ... "...," spokesman X said': the body just heard
        if body.kind == "armed_group":
            return body   # a group's spokesperson voices the group
        sp = replace(sp, country=body.country, kind=body.kind,
                     affiliation=body.canonical or body.name, keys=sp.keys | body.keys,
                     rule=f"{sp.rule}; spokesperson of {body.name}")
    _remember(memory, sp, person or person_name is not None)
    return sp


_ABBREVIATION = re.compile(
    r"\b([A-Z][\w'-]*(?:\s+(?:(?:of|for|and|the|in|de|du|des|la|le|al)\s+)*[A-Z][\w'-]*)+)"
    r"\s+\(([A-Z][A-Z0-9-]{0,8}[A-Z0-9])\)")


def _abbreviations(text: str) -> dict[str, str]:
    """Names the report introduces with their abbreviation in brackets ('the Coordination
    of Azawad Movements (CMA)'): abbreviation -> full name."""
    found: dict[str, str] = {}
    for m in _ABBREVIATION.finditer(text):
        full = re.sub(r"^(?:The|A|An)\s+", "", m.group(1))
        found.setdefault(m.group(2), full)
    return found


def _abbreviated(phrase: str, memory: _Memory, person: str | None) -> Speaker | None:
    """'the CMA', 'a CMA spokesman' for a body the report introduced as 'the Coordination
    of Azawad Movements (CMA)' and the actor table does not know: that body speaks (its
    spokesperson speaks for it, as for any group), with the identity it was heard under."""
    rest = phrase.replace(person, " ") if person else phrase
    words = rest.split()
    short = next((w for w in words if w in memory.abbreviations), None)
    if short is None or lookup(short) is not None:
        return None
    others = [w.lower() for w in words if w != short]
    if not all(w in lexicon().kinds["spokesperson"] for w in others):
        return None   # 'CMA fighters', 'a CMA commander in Kidal': not the body's voice
    full = memory.abbreviations[short]
    body = memory.bodies.get(norm_key(full)) or describe(full)
    if others and body.kind == "state":   # a state body's spokesperson keeps his name
        return None
    body.keys |= {norm_key(short)}
    memory.bodies[norm_key(full)] = body
    return body


def _bare_spokesperson(phrase: str, person: str | None) -> bool:
    """A spokesperson named by nothing but the title (and a person's name): whose
    spokesperson it is, the sentence does not say."""
    rest = phrase.replace(person, " ") if person else phrase
    words = re.findall(r"[\w'-]+", rest.lower())
    return bool(words) and all(w in lexicon().kinds["spokesperson"] for w in words)


_MILITARY_HEADS = claims_words("assertions", "military_heads")
_PATRON_SUFFIXES = claims_words("speakers", "patron_suffixes")


@lru_cache(maxsize=1)
def _patron_descriptor() -> re.Pattern[str]:
    """'al Qaeda-linked ', 'al-Qaeda-linked ', 'Iran-backed ': a patron named to describe a
    group (an 'al-' prefix belongs to the patron's name)."""
    return re.compile(r"(?:\b(?:[A-Z][\w'.]*|al|el)[\s-])?\b[A-Z][\w'.]*-(?:"
                      + "|".join(map(re.escape, sorted(_PATRON_SUFFIXES))) + r")\s+")


_COMPANY_HEADS = claims_words("assertions", "company_heads")


def _head_key(word: str) -> str:
    """'the army' and 'the military' refer back to the same kind of speaker, as do 'the
    ship's owner' and 'the company'."""
    if word in _COMPANY_HEADS:
        return "company"
    return "military" if word in _MILITARY_HEADS else word


def _only_demonyms(phrase: str) -> bool:
    """No proper name in the phrase beyond state demonyms ('the pro-Iranian group')."""
    caps = re.findall(r"[A-Z][\w'.]*", phrase.split(maxsplit=1)[1] if " " in phrase else "")
    return all(w.lower() in lexicon().countries for w in caps)


def _named_before(phrase: str, memory: _Memory) -> Speaker | None:
    """The person named in full earlier whom a bare surname ('Kamau said') refers to."""
    words = phrase.split()
    if not 1 <= len(words) <= 2 or not all(w[:1].isupper() for w in words) or \
            words[0].lower() in lexicon().countries:
        return None
    surname = words[-1].lower()
    for sp in reversed(memory.people):
        full = (sp.person or "").lower().split()
        if len(full) > len(words) and full[-1] == surname:
            memory.last_person = sp
            return sp
    return None


def _remember(memory: _Memory, sp: Speaker, person: bool) -> None:
    if sp.person:
        memory.people.append(sp)
    if (person and not sp.organisation) or sp.name != sp.surface:
        memory.last_person = sp
    else:
        memory.last_org = sp
        memory.bodies.setdefault(norm_key(sp.name), sp)
    for word in re.findall(r"[a-z]+", sp.surface.lower()):
        if word in lexicon().anaphor_heads:
            memory.by_head[_head_key(word)] = sp


_NON_STATE_FORCE = claims_words("assertions", "non_state_force_words")


def _state_military(mention: Mention, words: Sequence[str] = ("military",)) -> Speaker | None:
    """The armed forces a bare 'the military' or 'the army' names: those of the state that
    struck ('Israeli aircraft struck ...'), else of the state attacked (for an interception,
    the state where it happened; with no state named at all, of the country it happened
    in), when the actor table knows them. It is named as the report words it, with the
    state's demonym ('the army' -> 'Malian army'); the table's name is kept as canonical.
    ``words``: the phrase's lower-cased words ('the paramilitary force' is no state army)."""
    if set(words) & _NON_STATE_FORCE:
        return None
    ctx = event_context(mention)
    # where weapons were shot down, the place's state is the one whose forces speak of it
    attacked = target_country(mention, ctx.perpetrator_countries,
                              use_place="interception" in mention.attack_types)
    if attacked is None and not ctx.perpetrator_countries and mention.place is not None:
        attacked = mention.place.iso3   # no state struck: the army of the country it hit
    states = sorted(ctx.perpetrator_countries) or ([attacked] if attacked else [])
    if len(states) != 1:
        return None
    state = lexicon().country_names.get(states[0])
    if state is None:
        return None
    found = describe(f"{state}'s military")
    if found.canonical is None or found.country != states[0]:
        return None
    table = _actor_table()
    entry = table.by_name(state) if table is not None else None
    demonym = entry.demonyms[0] if entry is not None and entry.demonyms else None
    name = f"{demonym} {words[-1]}" if demonym else found.canonical
    found.rule = "bare military: the forces of the event's state"
    return replace(found, name=name, surface=name)


def _perpetrator_speaker(mention: Mention | None) -> Speaker | None:
    if mention is None or not mention.perpetrators:
        return None
    actor = mention.perpetrators[0]
    sp = describe(actor.name)
    sp.name = re.sub(r"^(?:The|the)\s+", "", actor.name)   # 'The X Brigade' -> 'X Brigade'
    sp.keys |= {norm_key(actor.name), *map(norm_key, actor.aliases)}
    return sp
