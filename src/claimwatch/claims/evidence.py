"""Evidence a report cites for or against an attack: video, photos, imagery, debris, sirens.

Each sentence is matched against the cue patterns of ``data/claims_evidence.json``; a
sentence with a negated cue ("no red alerts sounded", "no sign of casualties") yields an
item marked ``against``, which the status table may read as a dispute.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from claimwatch.claims.lexicon import lexicon
from claimwatch.claims.statements import embed_tails, segments

_DESCRIPTION_CHARS = 240


@dataclass
class EvidenceCue:
    """One evidence item found in a sentence, before its source is resolved."""

    kind: str
    description: str
    start: int
    end: int
    against: bool
    source_phrase: str | None


def find_evidence(sdoc: Any) -> Iterator[EvidenceCue]:
    """Evidence cues sentence by sentence (cut at line breaks and embeds), in text order."""
    doc_text = sdoc.text
    tails = embed_tails(doc_text)
    for sent in sdoc.sents:
        for start, end in segments(doc_text, sent.start_char, sent.end_char, tails):
            yield from _segment_evidence(sent, doc_text[start:end], start, end)


def _segment_evidence(sent: Any, text: str, seg_start: int,
                      seg_end: int) -> Iterator[EvidenceCue]:
    lex = lexicon()
    against = next((m for p in lex.evidence_against if (m := p.search(text))), None)
    seen: set[str] = set()
    against_used = False
    for kind, pattern, requires in lex.evidence_kinds:
        m = pattern.search(text)
        if m is None or (requires is not None and not requires.search(text)):
            continue
        if kind == "photo" and "satellite_imagery" in seen:
            continue
        seen.add(kind)
        is_against = against is not None and against.start() <= m.start() <= against.end() + 2
        against_used |= is_against
        yield EvidenceCue(kind, _describe(text), seg_start, seg_end, is_against,
                          _source(sent, seg_start + m.start()))
    if against is not None and not against_used:
        yield EvidenceCue(lex.against_kind, _describe(text), seg_start, seg_end,
                          True, _source(sent, seg_start + against.start()))


def _describe(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _DESCRIPTION_CHARS else text[:_DESCRIPTION_CHARS - 1] + "…"


def _source(sent: Any, char: int) -> str | None:
    """Who put the evidence out: 'a video released by X', 'X published a video', else None."""
    tok = next((t for t in sent if t.idx >= char), None)
    if tok is None:
        return None
    for child in tok.children:
        if child.dep_ == "acl":
            for agent in (c for c in child.children if c.dep_ == "agent"):
                obj = next((g for g in agent.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return str(sent.doc[obj.left_edge.i:obj.right_edge.i + 1].text)
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:  # (Tokens are new objects)
        head = head.head
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i >= tok.i and subj.pos_ == "PRON":
        return None
    return str(sent.doc[subj.left_edge.i:subj.right_edge.i + 1].text)
