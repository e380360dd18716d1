"""Invented reports for the tests: the pipeline run on them (one publication date), or one
word of one parsed."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

import claimwatch
from claimwatch.model import Event
from claimwatch.nlp import load_nlp

PUBLISHED = dt.date(2024, 3, 6)  # a Wednesday


def events(text: str, published: dt.date = PUBLISHED) -> list[Event]:
    return claimwatch.extract(text, published=published)


def parsed_word(text: str, word: str) -> Token:
    """The first word of the parsed text that reads ``word`` in lower case."""
    return next(t for t in load_nlp()(text) if t.lower_ == word)
