"""Extract: a parsed report -> event mentions (triggers, roles, weapons, counts).

``claimwatch.extract(text, published=...)`` is also the public one-call API. Python binds
a subpackage as an attribute of its parent once it is imported, which would hide a
function of the same name, so this module itself is made callable and forwards to the
pipeline: the layout (``claimwatch/extract/``) and the API both keep their names.
"""

from __future__ import annotations

import datetime as dt
import sys
import types
from typing import TYPE_CHECKING

from claimwatch.extract.mentions import find_mentions

if TYPE_CHECKING:
    from claimwatch.model import Event

__all__ = ["find_mentions"]


class _CallableModule(types.ModuleType):
    def __call__(self, text: str, published: dt.date | str | None = None) -> list[Event]:
        """The events one report describes (see ``claimwatch.extract``)."""
        from claimwatch.pipeline import extract_text

        return extract_text(text, published)


sys.modules[__name__].__class__ = _CallableModule
