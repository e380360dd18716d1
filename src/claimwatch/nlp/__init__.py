"""spaCy loading (once per process) and the project's custom components."""

from claimwatch.nlp.loader import load_nlp

__all__ = ["load_nlp"]
