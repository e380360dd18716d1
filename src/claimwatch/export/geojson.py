"""GeoJSON: one Feature per event, for GIS tools; properties are the contract record."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, BinaryIO

from claimwatch.export.base import Exporter
from claimwatch.model import Document, Event


def feature(event: Event) -> dict[str, Any]:
    """A GeoJSON Feature; events without coordinates get a null geometry (RFC 7946 3.2)."""
    loc = event.location
    geometry: dict[str, Any] | None = None
    if loc is not None and loc.latitude is not None and loc.longitude is not None:
        geometry = {"type": "Point", "coordinates": [loc.longitude, loc.latitude]}
    return {"type": "Feature", "id": event.event_id, "geometry": geometry,
            "properties": event.to_dict()}


def write_geojson(events: Iterable[Event], out: BinaryIO,
                  documents: Mapping[str, Document]) -> None:
    """Write a FeatureCollection, one feature per line so large exports stay diffable."""
    out.write(b'{"type": "FeatureCollection", "features": [\n')
    for i, event in enumerate(events):
        if i:
            out.write(b",\n")
        out.write(json.dumps(feature(event), ensure_ascii=False).encode("utf-8"))
    out.write(b"\n]}\n")


EXPORTER = Exporter(
    name="geojson", suffix=".geojson", media_type="application/geo+json",
    help="A GeoJSON FeatureCollection; one Point feature per event, properties per CONTRACT.",
    write=write_geojson,
)
