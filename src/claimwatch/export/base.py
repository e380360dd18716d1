"""What every export format provides: a name, a media type and a writer to a byte stream."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from claimwatch.model import Document, Event

Writer = Callable[[Iterable[Event], BinaryIO, Mapping[str, Document]], None]


@dataclass(frozen=True)
class Exporter:
    """One output format: how to write events, and how to label the result."""

    name: str
    suffix: str
    media_type: str
    help: str
    write: Writer
    binary: bool = False
    cites_documents: bool = False


class EventSource(Protocol):
    """What an export reads from a ledger."""

    @property
    def events(self) -> Callable[..., list[Event]]: ...

    def documents_for(self, event_id: str) -> list[Document]: ...
