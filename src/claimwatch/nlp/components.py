"""Custom spaCy components: sentence boundaries that respect the report's layout."""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language

EMBED_END = re.compile(r"\(@\w+\)\s+\w+\.?\s+\d{1,2},\s+\d{4}$")


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Any) -> Any:
    """Start a sentence after every line break and after an embedded post's signature.

    News copy pasted from the web keeps headlines, embedded posts and paragraphs on
    their own lines; the statistical parser often runs them together.
    """
    for i, tok in enumerate(doc[:-1]):
        nxt = doc[i + 1]
        if "\n" in tok.text or "\n" in tok.whitespace_:
            nxt.is_sent_start = True
        elif tok.text.startswith("pic.twitter.com") or tok.text.startswith("https://t.co"):
            # "... text pic.twitter.com/x — Name (@handle) Month D, YYYY" stays one unit
            continue
    return doc
