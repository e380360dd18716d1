"""Hand-built per-report events for the merge and store tests (no pipeline needed)."""

from __future__ import annotations

import datetime as dt

from claimwatch.model import (
    Actor,
    Assertion,
    Count,
    Document,
    Event,
    Explanation,
    Place,
    StatusChange,
)

PLACES = {
    "kharkiv": Place("Kharkiv", "Ukraine", "UKR", "Kharkiv Oblast", 49.9935, 36.2304, 706483, 1),
    "odesa": Place("Odesa", "Ukraine", "UKR", "Odesa Oblast", 46.4775, 30.7326, 698740, 1),
    "hodeidah": Place("Hodeidah", "Yemen", "YEM", "Al Hudaydah", 14.7978, 42.9545, 79415, 1),
    "ukraine": Place("Ukraine", "Ukraine", "UKR", None, 49.0, 32.0, 690791, 3),
    "donetsk region": Place("Donetsk Oblast", "Ukraine", "UKR", "Donetsk Oblast", 48.1, 37.7,
                            None, 3),
    "kramatorsk": Place("Kramatorsk", "Ukraine", "UKR", "Donetsk Oblast", 48.7231, 37.5563,
                        None, 1),
    "belgorod": Place("Belgorod", "Russia", "RUS", "Belgorod Oblast", 50.6107, 36.5802,
                      None, 1),
}


def document(doc_id: str, published: str, text: str = "") -> Document:
    """A report; its text only needs to be non-empty."""
    return Document(id=doc_id, text=text or f"Report {doc_id}.",
                    published=dt.date.fromisoformat(published), title=f"Report {doc_id}")


def event(doc: Document, n: int = 0, *, day: str, until: str | None = None,
          precision: str = "day", place: str = "kharkiv", kinds: tuple[str, ...] = ("missile",),
          perpetrator: str | None = "Russia", sentence: str = "",
          speaker: str = "Ukrainian officials", role: str = "target_state",
          stance: str = "confirms", killed: Count | None = None,
          mention_role: str = "new") -> Event:
    """One per-report event as ``pipeline.analyze`` would return it."""
    start = dt.date.fromisoformat(day)
    end = dt.date.fromisoformat(until) if until else start
    text = sentence or f"A {kinds[0]} strike hit a shopping centre in {PLACES[place].name}."
    actors = [Actor(perpetrator, "perpetrator", "state")] if perpetrator else []
    assertion = Assertion(speaker=speaker, stance=stance, speaker_role=role, quote=text,
                          document_id=doc.id, published=doc.published, char_start=0,
                          char_end=len(text))
    return Event(
        event_id=f"ev_{doc.id}_{n}", event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack", attack_types=list(kinds),
        date_start=start, date_end=end, date_precision=precision, mention_role=mention_role,
        actors=actors, location=PLACES[place], fatalities=killed or Count(),
        status="reported", assertions=[assertion], documents=[doc.id],
        status_history=[StatusChange("reported", doc.published, doc.id)],
        explanations=[Explanation("trigger", "test", doc.id, text)],
    )
