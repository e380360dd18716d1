"""Custom spaCy components: sentence boundaries that respect the report's layout."""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language

EMBED_END = re.compile(r"\(@\w+\)\s+\w+\.?\s+\d{1,2},\s+\d{4}$")
# A wire dateline opening a paragraph: the filing town in capitals, maybe a country or
# state and a date, maybe the agency, then a dash ("NIAMEY, March 21 (Reuters) - ",
# "KHARKIV, Ukraine, May 22 (AP) — ", "MOGADISHU, Somalia (AP) -- ").
DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3}(?:, [A-Z][\w.]*(?: [\w.]+){0,3}){0,2}"
    r"(?: ?\([A-Z][\w .&/-]{0,30}\))?[ \t]*(?:--?|—|–)[ \t]+(?=\S)", re.M)


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Any) -> Any:
    """Start a sentence after every line break, after a wire dateline, and after an
    embedded post's signature.

    News copy pasted from the web keeps headlines, embedded posts and paragraphs on
    their own lines; the statistical parser often runs them together.
    """
    for m in DATELINE.finditer(doc.text):
        # where the report was filed and when is no part of its first sentence: the
        # town is no subject of its verb, the filing date no date of what it tells
        story = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if story is not None and story[0].i > 0:
            story[0].is_sent_start = True
    for i, tok in enumerate(doc[:-1]):
        nxt = doc[i + 1]
        if "\n" in tok.text or "\n" in tok.whitespace_:
            nxt.is_sent_start = True
        elif tok.text.startswith("pic.twitter.com") or tok.text.startswith("https://t.co"):
            # "... text pic.twitter.com/x — Name (@handle) Month D, YYYY" stays one unit
            continue
    return doc
