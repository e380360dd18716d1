"""Parquet: a typed columnar file for pandas, DuckDB, R and Spark; nested fields as structs.

The schema mirrors the contract record field for field: dates are ``date32``, counts
``int64``, lists of records are ``list<struct<...>>``. ``docs/exports.md`` documents it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from claimwatch.export.base import Exporter
from claimwatch.model import Document, Event

STR = pa.string()
STR_LIST = pa.list_(STR)
COUNT = pa.struct([("low", pa.int64()), ("high", pa.int64()), ("qualifier", STR)])

SCHEMA = pa.schema([
    ("event_id", STR),
    ("event_type", STR),
    ("sub_event_type", STR),
    ("attack_types", STR_LIST),
    ("date_start", pa.date32()),
    ("date_end", pa.date32()),
    ("date_precision", STR),
    ("mention_role", STR),
    ("actors", pa.list_(pa.struct([
        ("name", STR), ("role", STR), ("kind", STR), ("aliases", STR_LIST),
        ("affiliation", STR),
    ]))),
    ("weapons", STR_LIST),
    ("targets", pa.list_(pa.struct([("text", STR), ("type", STR)]))),
    ("victims", pa.list_(pa.struct([("text", STR), ("count", pa.int64())]))),
    ("location", pa.struct([
        ("name", STR), ("admin1", STR), ("country", STR), ("iso3", STR),
        ("latitude", pa.float64()), ("longitude", pa.float64()),
        ("geonameid", pa.int64()), ("precision", pa.int8()),
    ])),
    ("fatalities", COUNT),
    ("injured", COUNT),
    ("abducted", COUNT),
    ("status", STR),
    ("responsibility", pa.struct([("status", STR), ("by", STR_LIST)])),
    ("assertions", pa.list_(pa.struct([
        ("speaker", STR), ("handle", STR), ("speaker_role", STR), ("stance", STR),
        ("quote", STR), ("document_id", STR), ("published", pa.date32()),
        ("char_start", pa.int64()), ("char_end", pa.int64()),
    ]))),
    ("evidence", pa.list_(pa.struct([
        ("kind", STR), ("description", STR), ("source", STR), ("against", pa.bool_()),
    ]))),
    ("documents", STR_LIST),
    ("status_history", pa.list_(pa.struct([
        ("status", STR), ("at", pa.date32()), ("document_id", STR),
    ]))),
])


def row(event: Event) -> dict[str, Any]:
    """The contract record with real dates, ready for ``SCHEMA``."""
    d = event.to_dict()
    d["date_start"], d["date_end"] = event.date_start, event.date_end
    for rec, assertion in zip(d["assertions"], event.assertions, strict=True):
        rec["published"] = assertion.published
    for rec, change in zip(d["status_history"], event.status_history, strict=True):
        rec["at"] = change.at
    return d


def table(events: Iterable[Event]) -> pa.Table:
    """The events as one Arrow table with the documented schema."""
    return pa.Table.from_pylist([row(e) for e in events], schema=SCHEMA)


def write_parquet(events: Iterable[Event], out: BinaryIO,
                  documents: Mapping[str, Document]) -> None:
    """Write one Parquet file (zstd-compressed) to a binary stream."""
    pq.write_table(table(events), out, compression="zstd")


EXPORTER = Exporter(
    name="parquet", suffix=".parquet", media_type="application/vnd.apache.parquet",
    help="Apache Parquet with a typed schema; nested fields as structs and lists.",
    write=write_parquet, binary=True,
)
