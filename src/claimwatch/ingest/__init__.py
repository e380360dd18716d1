"""Ingest: read reports from files, JSON records or strings into ``Document`` records."""

from claimwatch.ingest.readers import (
    document_id,
    iter_files,
    parse_date,
    read_file,
    read_paths,
    read_records,
    read_report,
    read_text,
)

__all__ = [
    "document_id",
    "iter_files",
    "parse_date",
    "read_file",
    "read_paths",
    "read_records",
    "read_report",
    "read_text",
]
