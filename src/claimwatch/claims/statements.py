"""Statements in a report: who says what, with which kind of verb, where in the text.

Sources, in order: embedded social-media posts (``… pic.twitter.com/… — Name (@handle)
Month D, YYYY``), reporting verbs found through the dependency parse ("X said", "denied by
X", "an attack X confirmed"), "according to X", noun cues ("a statement by X"), and
silence ("X did not respond"). A statement's span is its sentence, stretched over a direct
quote that runs across sentences; ``document.text[start:end]`` is the quote.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from claimwatch.claims.lexicon import claims_pattern, claims_words, lexicon

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_EMBED = re.compile(
    r"(?:pic\.twitter\.com/\w+|https?://t\.co/\w+)\s*[—–-]+\s*(?P<name>[^()\n—]{1,80}?)\s*"
    r"\(@(?P<handle>\w{1,30})\)\s*(?P<date>(?:" + _MONTHS + r")\.? \d{1,2},? \d{4})")
_QUOTE = re.compile(r"“[^“”]{3,}?”|\"[^\"\n]{3,}?\"")
_INCIDENT_NOUNS = claims_words("statements", "incident_nouns")
_PUBLICATION_NOUNS = claims_words("statements", "publication_nouns")
_INANIMATE = claims_words("statements", "inanimate_speakers")


_COUNT_LEAD = claims_pattern("statements", "count_lead")
_USED_BY = claims_words("statements", "used_by")
_SELF_NAMING = claims_words("speakers", "self_naming_verbs")


@dataclass
class Statement:
    """One statement before it is tied to an event: speaker phrase, cue, span."""

    speaker: str
    cue: str                  # verb class: say | claim | confirm | deny | dispute | blame | silence
    start: int
    end: int
    content: str              # what is said (for attribution detection)
    rule: str
    handle: str | None = None
    context: str = ""         # appositive description of the speaker
    published: dt.date | None = None
    negated: bool = False
    person: bool = False
    person_name: str | None = None   # a PERSON entity inside a described speaker
    quoted: str = ""          # the direct quote(s) the span holds: the speaker's own words
    sentence: str = ""        # the whole span's text (a verdict like 'a tragic mishap')


def find_statements(text: str, sdoc: Any) -> list[Statement]:
    """Every statement the report makes, in text order."""
    embeds = list(_embeds(text))
    tails = embed_tails(text)
    quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(text)
              if len(m.group(0).split()) >= 5]
    found: list[Statement] = list(embeds)
    for sent in sdoc.sents:
        for start, end in segments(text, sent.start_char, sent.end_char, tails):
            span = _stretch(start, end, quotes)
            found.extend(st for st in _verb_statements(sent, span, (start, end), quotes)
                         if _plausible(st.speaker))
            found.extend(_silences(sent, text, span, (start, end)))
    for st in found:
        st.sentence = text[st.start:st.end].lower()
        st.quoted = " ".join(text[q_start:q_end] for q_start, q_end in quotes
                             if st.start <= q_start and q_end <= st.end)
    found.sort(key=lambda s: (s.start, s.end))
    return found


def embed_tails(text: str) -> list[tuple[int, int]]:
    """Spans of embed attributions ('pic.twitter.com/… — Name (@handle) Month D, YYYY')."""
    return [(m.start(), m.end()) for m in _EMBED.finditer(text)]


def segments(text: str, start: int, end: int,
              tails: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A sentence cut at line breaks and around embed attributions (spaCy may run over them)."""
    cuts = [(start, end)]
    for t_start, t_end in tails:
        cuts = [piece for s, e in cuts for piece in ((s, min(e, t_start)), (max(s, t_end), e))
                if piece[1] > piece[0]] if t_start < end and t_end > start else cuts
    pieces: list[tuple[int, int]] = []
    for s, e in cuts:
        pos = s
        for m in re.finditer(r"\n\s*", text[s:e]):
            pieces.append((pos, s + m.start()))
            pos = s + m.end()
        pieces.append((pos, e))
    return [(s, e) for s, e in pieces if text[s:e].strip()]


def _plausible(speaker: str) -> bool:
    """A speaker phrase that could name someone (not a link, a number or a date)."""
    if re.match(r"(?i)(?:no|none|nobody|no one|which|who|that|whom|including)\b",
                speaker.strip()):
        return False   # 'including women': victims listed, not who spoke
    if speaker.strip().lower().split()[-1:] in ([n] for n in _INCIDENT_NOUNS):
        return False   # 'the raid was a message': an event is no speaker
    if speaker.strip().lower().split()[-1:] in ([n] for n in _INANIMATE):
        return False   # 'a vessel reported being hit': a thing, not who speaks
    return bool(re.search(r"[A-Za-z]{2}", speaker)) and "twitter.com" not in speaker \
        and "http" not in speaker and not re.fullmatch(r"[\W\d]*", speaker)


def _embeds(text: str) -> Iterator[Statement]:
    for m in _EMBED.finditer(text):
        para_start = max(text.rfind("\n", 0, m.start()) + 1, 0)
        prev = _EMBED.search(text, para_start, m.start())
        start = prev.end() if prev else para_start
        post = text[start:m.start()]
        lead = len(post) - len(post.lstrip())
        body_start, body_end = start + lead, start + len(post.rstrip())
        if body_end <= body_start:
            continue
        yield Statement(
            speaker=m.group("name").strip(), cue="say", start=body_start, end=body_end,
            content=text[body_start:body_end], rule="embedded-post", handle="@" + m.group("handle"),
            published=_post_date(m.group("date")),
        )


def _post_date(raw: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(raw.replace(".", "").replace(",", ""), "%B %d %Y").date()
    except ValueError:
        return None


def _stretch(start: int, end: int, quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """Widen a sentence span over any direct quote that starts or ends inside it."""
    for q_start, q_end in quotes:
        if start <= q_start < end < q_end or q_start < start < q_end <= end:
            start, end = min(start, q_start), max(end, q_end)
    return start, end


def _verb_statements(sent: Any, span: tuple[int, int], segment: tuple[int, int],
                     quotes: list[tuple[int, int]]) -> Iterator[Statement]:
    lex = lexicon()
    for tok in sent:
        if not segment[0] <= tok.idx < segment[1] or _quoted(tok.idx, quotes):
            continue
        if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            to = next(c for c in tok.children if c.lower_ == "to")
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if obj is not None:
                st = _statement(sent, span, obj, "say", "according-to", exclude=tok)
                # 'according to residents and a local militia': two sources, each heard
                parts = _coordinated(st.speaker, _noun_modifiers(obj)) \
                    if any(c.dep_ == "conj" for c in obj.children) else [st.speaker]
                for part in parts:
                    yield replace(st, speaker=part)
            continue
        cls = lex.verbs.get(tok.lemma_.lower()) if tok.pos_ in ("VERB", "AUX") else None
        particle = next((c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod")
                         and c.i == tok.i + 1), None)
        if particle and f"{tok.lemma_.lower()} {particle}" in lex.verbs:
            cls = lex.verbs[f"{tok.lemma_.lower()} {particle}"]   # 'walked back the claim'
        if cls is None and tok.pos_ == "VERB" and tok.lemma_.lower() in lex.responsibility_verbs \
                and any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() == "responsibility"
                        for c in tok.children):
            cls = "claim"   # 'X took responsibility', 'accepted responsibility for the attack'
        if cls is None and tok.pos_ == "VERB" and tok.lemma_.lower() in lex.holding_verbs \
                and _held_responsible(tok, lex.holding_complements):
            cls = "blame"   # 'the president holds the rebels responsible for the attack'
        if cls is None and tok.pos_ == "VERB" and tok.lemma_.lower() in lex.toll_verbs and any(
                c.dep_ in ("dobj", "obj") and c.lemma_.lower() in lex.toll_nouns
                for c in tok.children):
            cls = "say"   # 'X put the death toll at 13'
        if cls is None and tok.pos_ == "VERB" and tok.lemma_.lower() in lex.observation_verbs:
            seer = _subject(tok)
            if seer is not None and seer.lemma_.lower() in lex.observer_nouns:
                cls = "say"   # 'a Reuters team saw blown-out windows but no bodies'
        if cls is None and tok.pos_ == "VERB" and tok.lemma_.lower() in lex.verdict_verbs \
                and any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _INCIDENT_NOUNS
                        for c in tok.children):
            cls = "say"   # 'X called the bombing "a terrorist act"'
        if cls is None and tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.nouns:
            if any(c.lower_ in ("no", "any") for c in tok.children):
                continue   # 'made no statement' is silence, found by its own patterns
            subject = _noun_speaker(tok)
            if subject is not None:
                yield _statement(sent, span, subject, lex.nouns[tok.lemma_.lower()],
                                 f"noun:{tok.lemma_.lower()}", exclude=tok)
            continue
        if cls is None or not _has_content(tok, lex.verbs_needing_content):
            continue
        subject = _subject(tok)
        if subject is None:
            continue
        outlet = _told_outlet(tok)
        if outlet is not None:   # 'a source told AFP': the agency reports it too
            yield _statement(sent, span, outlet, "say", "told-media", exclude=tok)
        negated = any(c.dep_ == "neg" for c in tok.children)
        st = _statement(sent, span, subject, cls, f"verb:{tok.lemma_.lower()}", exclude=tok)
        st.negated = negated
        speaker = _QUANTIFIER_TAIL.sub("", st.speaker)   # 'X and Y both claimed'
        parts = _coordinated(speaker, _noun_modifiers(subject))
        for part in parts:   # a person named in one conjunct names only that one
            person = st.person_name if len(parts) == 1 or (st.person_name or "") in part \
                else None
            yield replace(st, speaker=part, person_name=person)


_QUANTIFIERS = ("each", "both", "all")
_QUANTIFIER_TAIL = re.compile(r"\s+(?:each|both|all)$")


def _held_responsible(verb: Any, complements: frozenset[str]) -> bool:
    """'hold X responsible': the complement hangs on the verb (as a small clause 'X
    responsible') or, as the parser often has it, on the object or its conjuncts."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    near = list(verb.children) + [t for o in objects for t in o.subtree]
    return any(t.lower_ in complements and t.i > verb.i for t in near)


def _noun_modifiers(subject: Any) -> frozenset[str]:
    """Common nouns compounded onto the speaker's head ('aid' in 'aid workers'): they make
    one noun with it and are not shared by a coordinated noun ('aid workers and
    witnesses' are not 'aid witnesses'), unlike an adjective or a name ('Israeli
    government and military')."""
    return frozenset(t.text for t in subject.subtree if t.dep_ == "compound"
                     and t.pos_ == "NOUN" and t.text.islower() and t.head.i == subject.i)


def _told_outlet(verb: Any) -> Any:
    """The news outlet a source spoke to ('told AFP', 'told Reuters'), if the table knows it."""
    if verb.lemma_.lower() != "tell":
        return None
    from claimwatch.claims.speakers import lookup
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "iobj") and c.pos_ == "PROPN":
            entry = lookup(c.text)
            if entry is not None and entry.category == "media":
                return c
    return None


def _quoted(char: int, quotes: list[tuple[int, int]]) -> bool:
    """Inside a direct quote (five words or more): the speaker's own words, not a report."""
    return any(s < char < e for s, e in quotes)


def _has_content(verb: Any, needing: frozenset[str]) -> bool:
    """Verbs like 'post' or 'publish' report only with a statement-like object or a clause."""
    if verb.lemma_.lower() not in needing:
        return True
    return any(c.dep_ in ("ccomp", "xcomp") or (c.dep_ in ("dobj", "obj")
               and c.lemma_.lower() in _PUBLICATION_NOUNS | _INCIDENT_NOUNS)
               for c in verb.children)


def _subject(verb: Any) -> Any:
    """The speaker of a reporting verb: its subject, a passive agent, or its head's subject."""
    for c in verb.children:
        if c.dep_ == "agent":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    for c in verb.children:   # 'IS said' parsed as a passive auxiliary: an acronym subject
        if c.dep_ in ("auxpass", "aux") and c.i < verb.i and len(c.text) > 1 \
                and c.text.isupper() and not any(g.dep_ in ("nsubj", "nsubjpass")
                                                 for g in verb.children):
            return c
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    # 'JNIM and IS Sahel each claimed it': the floating quantifier is no speaker
    subjects = [c for c in subjects if c.lower_ not in _QUANTIFIERS] or subjects
    if len(subjects) > 1:   # '... a strike killed 90 people, the ministry said': the parser
        before = [c for c in subjects if c.i < verb.i]   # took the clause's subject too;
        subjects = before[-1:] or subjects   # the one nearest the verb is who spoke
    for c in subjects:
        if not passive:
            if any(g.dep_ == "nummod" for g in c.children):
                # '... killing at least 53 people, including women, who had gathered ...,
                # witnesses and local media said': the parser took the counted victims for
                # the subject and ran the speakers in as conjuncts
                closing = _closing_speaker(verb)
                if closing is not None:
                    return closing
            return _noun_speaker(c) if c.lemma_.lower() in lexicon().nouns else c
    if passive:
        return None
    user = _user_participle(verb.head) if verb.dep_ in ("advcl", "conj") \
        and verb.head.i < verb.i else None
    if user is not None:
        return user
    if verb.dep_ == "conj" and verb.head.dep_ in ("ccomp", "xcomp") \
            and verb.head.head.lemma_.lower() in lexicon().verbs and any(
                c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _PUBLICATION_NOUNS
                for c in verb.children):
        # 'X claimed its fighters had downed the drone, but later withdrew the statement':
        # the parser hung the second verb on the claimed clause; who withdraws a statement
        # is who made it, not the clause's subject
        return _subject(verb.head.head)
    if verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i:
        return _subject(verb.head)
    return _closing_speaker(verb) or _fronted_subject(verb)


def _fronted_subject(verb: Any) -> Any:
    """ "In a communique sent to the press, the group today claimed ...": the parser ran the
    subject into the fronted phrase (as its last noun's appositive or conjunct); the noun
    phrase after that phrase's last comma, right before the verb, is who spoke."""
    if verb.dep_ != "ROOT":
        return None
    fronted = next((c for c in verb.children if c.dep_ == "prep" and c.i < verb.i), None)
    if fronted is None:
        return None
    end = fronted.right_edge.i + 1
    commas = [t.i for t in fronted.subtree if t.text == ","]
    if not commas or end > verb.i or any(
            verb.doc[i].head.i != verb.i or verb.doc[i].dep_ not in ("npadvmod", "advmod")
            for i in range(end, verb.i)):
        return None   # only adverbs ('today') may stand between the phrase and the verb
    start = commas[-1] + 1
    heads = [t for t in verb.doc[start:end] if not start <= t.head.i < end]
    if len(heads) != 1 or heads[0].pos_ not in ("NOUN", "PROPN"):
        return None
    return heads[0]


def _user_participle(head: Any) -> Any:
    """ "Telegram channels linked to X acknowledged ...": the parser made 'linked' the
    sentence's verb and the reporting verb its adverbial clause; the subject of that
    participle ('channels') is who speaks, the participle its description."""
    if head.lemma_.lower() not in _USED_BY or not any(
            c.dep_ in ("prep", "agent") and c.lower_ in ("to", "by", "with")
            for c in head.children):
        return None
    subj = next((c for c in head.children if c.dep_ == "nsubj" and c.i == head.i - 1), None)
    return subj if subj is not None and subj.pos_ in ("NOUN", "PROPN") else None


def _closing_speaker(verb: Any) -> Any:
    """ "..., injuring nine people, police and army officials said.": the parser ran the
    speakers into the clause before as conjuncts; the phrase after the last comma is who
    spoke (a closing reporting verb left with no subject)."""
    if verb.dep_ != "ROOT" or verb.i < 2 or verb.doc[verb.i - 1].pos_ not in ("NOUN", "PROPN"):
        return None
    for i in range(verb.i - 2, max(verb.sent.start, verb.i - 8) - 1, -1):
        tok = verb.doc[i]
        if tok.text == ",":
            first = verb.doc[i + 1]
            if (first.pos_ in ("NOUN", "PROPN") and first.dep_ == "conj") or (
                    first.head.dep_ == "conj" and first.i < first.head.i < verb.i):
                head = first if first.dep_ == "conj" else first.head
                return head if max(t.i for t in head.subtree) == verb.i - 1 else None
            return None
    return None


def _noun_speaker(noun: Any) -> Any:
    """Who issued a statement noun: 'X's statement', 'a statement by X', 'X issued a statement'."""
    for c in noun.children:
        if c.dep_ == "poss" and c.lower_ not in ("its", "their", "his", "her"):
            return c
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    head = noun.head
    if noun.dep_ in ("dobj", "pobj") and head.pos_ in ("VERB", "ADP"):
        verb = head if head.pos_ == "VERB" else head.head
        if verb.pos_ == "VERB" and verb.lemma_.lower() in ("issue", "release", "publish", "come",
                                                          "put", "post", "make"):
            return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None


def _statement(sent: Any, span: tuple[int, int], subject: Any, cue: str, rule: str,
               exclude: Any) -> Statement:
    doc = sent.doc
    excluded: set[Any] = set()
    # 'JNIM and Islamic State Sahel Province each claimed': an appositive no comma sets off
    # after a coordinated name is the rest of that name, not a description of the speaker
    joined = [c for c in subject.children if c.dep_ == "appos" and c.i > subject.i
              and any(k.dep_ == "conj" for k in subject.children)
              and not doc[c.left_edge.i - 1].is_punct]
    for c in subject.children:
        if c in joined:
            continue
        if c.dep_ in ("appos", "relcl", "acl", "punct") and not (
                c.dep_ == "acl" and c.lemma_.lower() in _USED_BY):   # 'an account used by X'
            excluded |= set(c.subtree)
    name_end = _name_object(subject)   # 'the Union of Highland Movements, a coalition of ...':
    tail_appos = [c for c in name_end.children if c.dep_ == "appos"] if name_end else []
    for c in tail_appos:               # the parser hung the appositive on the name's last word
        excluded |= set(c.subtree) | {p for p in name_end.children if p.dep_ == "punct"}
    kept = [t.i for t in subject.subtree
            if t not in excluded and span[0] <= t.idx < span[1]] or [subject.i]
    user = _user_participle(subject.head)
    if user is not None and user.i == subject.i:   # 'channels [linked to X]' misparsed
        kept += [t.i for c in subject.head.children if c.dep_ in ("prep", "agent")
                 and c.i > subject.head.i for t in c.subtree] + [subject.head.i]
    left, right = min(kept), max(kept) + 1
    for ent in sent.ents:   # a name the parser split ('IS-K' as 'IS' + 'K')
        if ent.start <= subject.i < ent.end:
            left, right = min(left, ent.start), max(right, ent.end)
    speaker = doc[left:right].text
    appos = [c for c in subject.children if c.dep_ == "appos" and c not in joined] + tail_appos
    named = [c for c in subject.children if c.dep_ == "acl" and c.lemma_.lower() in _SELF_NAMING]
    named += [c for c in subject.children if c.dep_ == "relcl"   # 'X, whose son was killed':
              and c.left_edge.lower_ == "whose"]                  # who the speaker is
    # 'a group calling itself X': the name it gives itself is context, like an appositive
    context = " ".join(doc[a.left_edge.i:a.right_edge.i + 1].text for a in appos + named)
    said_by = set(subject.subtree)
    content_toks = [t for t in exclude.subtree if t not in said_by]
    if rule == "according-to":   # 'according to X, the bomb was planted by Y': the rest of
        phrase = set(exclude.subtree)   # the sentence is what X says
        content_toks = [t for t in sent if t not in phrase and span[0] <= t.idx < span[1]]
    content = " ".join(t.text for t in content_toks) or sent.text
    return Statement(speaker=speaker, cue=cue, start=span[0], end=span[1], content=content,
                     rule=rule, context=context, person=subject.ent_type_ == "PERSON",
                     person_name=_person_in(doc, left, right)
                     or next((_person_in(doc, a.left_edge.i, a.right_edge.i + 1)
                              for a in appos if a.ent_type_ == "PERSON"), None))


def _name_object(subject: Any) -> Any:
    """The proper noun closing a name with 'of' ('Union of Highland Movements' -> Movements)."""
    if subject.pos_ != "PROPN":
        return None
    prep = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    return obj if obj is not None and obj.pos_ == "PROPN" else None


def _person_in(doc: Any, start: int, end: int) -> str | None:
    """The person named inside a speaker phrase ('Interior Minister Ana Kovac')."""
    people = [e for e in doc[start:end].ents if e.label_ == "PERSON" and len(e) >= 2]
    return str(people[-1].text) if people else None


def _silences(sent: Any, doc_text: str, span: tuple[int, int],
              segment: tuple[int, int]) -> Iterator[Statement]:
    text = doc_text[segment[0]:segment[1]]
    found = [m for m in (p.search(text) for p in lexicon().silence) if m is not None]
    for m in sorted(found, key=lambda m: m.start())[:1]:   # the first cue in the sentence
        if m.group(0).rstrip().endswith(("from", "by")):
            after = re.match(r"\s*(?:the\s+)?([^,.;:]+)", text[m.end():])
            speaker = after.group(1).strip() if after else ""
            speaker = re.split(r"\s+(?:on|about|over|regarding|to|for|after|since)\s+",
                               speaker)[0]
        else:
            speaker = _silence_subject(sent, segment[0] + m.start())
        for part in _coordinated(speaker):
            yield Statement(speaker=part, cue="silence", start=span[0], end=span[1],
                            content=text, rule="silence")
        return


def _silence_subject(sent: Any, cue_char: int) -> str:
    tok = next((t for t in sent if t.idx >= cue_char), None)
    while tok is not None:
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return sent.doc[subj.left_edge.i:subj.right_edge.i + 1].text
        if tok.head.i == tok.i:
            break
        tok = tok.head
    chunks = [c for c in sent.noun_chunks if c.end_char <= cue_char]
    return chunks[-1].text if chunks else ""


def _coordinated(phrase: str, nominal: frozenset[str] = frozenset()) -> list[str]:
    """'Israeli government and military' -> ['Israeli government', 'Israeli military'].

    A leading count the parser ran into the subject ('nine soldiers, army and
    hospital sources said') is dropped first. Words in ``nominal`` (nouns compounded
    onto the first head: 'aid workers and witnesses') stay with the first noun."""
    chunks = [c.strip() for c in phrase.split(",")]
    while len(chunks) > 1 and _COUNT_LEAD.match(chunks[0]):
        chunks = chunks[1:]
    phrase = ", ".join(chunks)
    parts = [p.strip() for p in re.split(r"\s+and\s+", phrase) if p.strip()]
    if len(parts) != 2 or any(len(p.split()) > 4 for p in parts):
        return [phrase] if phrase else []
    first_words = parts[0].split()
    if len(first_words) >= 2 and len(parts[1].split()) == 1:
        shared = [w for w in first_words[:-1] if w not in nominal]
        parts[1] = " ".join(shared + [parts[1]])
    return parts
