"""The ledger's tables (SQLAlchemy Core). Migrations in ``migrations/`` create them.

Events are derived data: each is rebuilt from its mentions (one per report that speaks of
it) whenever a report joins or leaves it; the indexed columns serve the filters, the
``record`` column holds the full contract JSON.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

ID = sa.String(80)

documents = sa.Table(
    "documents", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("published", sa.Date, index=True),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("language", sa.String(16)),
    sa.Column("path", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
)

mentions = sa.Table(
    "mentions", metadata,
    sa.Column("key", ID, primary_key=True),
    sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id"), nullable=False,
              index=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("published", sa.Date),
    sa.Column("record", sa.Text, nullable=False),
    sa.Column("event_id", ID, index=True),
    sa.Column("component", ID, index=True),
)

mention_blocks = sa.Table(
    "mention_blocks", metadata,
    sa.Column("block_key", sa.String(200), primary_key=True),
    sa.Column("mention_key", ID, primary_key=True, index=True),
)

events = sa.Table(
    "events", metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("event_type", sa.String(80), index=True),
    sa.Column("sub_event_type", sa.String(80)),
    sa.Column("attack_types", sa.Text),
    sa.Column("date_start", sa.Date, index=True),
    sa.Column("date_end", sa.Date, index=True),
    sa.Column("date_precision", sa.String(8)),
    sa.Column("mention_role", sa.String(16)),
    sa.Column("status", sa.String(16), index=True),
    sa.Column("responsibility", sa.String(16)),
    sa.Column("iso3", sa.String(3), index=True),
    sa.Column("country", sa.Text),
    sa.Column("location_name", sa.Text),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("geo_precision", sa.Integer),
    sa.Column("perpetrators", sa.Text),
    sa.Column("actors_text", sa.Text),
    sa.Column("fatalities_low", sa.Integer),
    sa.Column("fatalities_high", sa.Integer),
    sa.Column("injured_low", sa.Integer),
    sa.Column("injured_high", sa.Integer),
    sa.Column("abducted_low", sa.Integer),
    sa.Column("abducted_high", sa.Integer),
    sa.Column("documents_count", sa.Integer, nullable=False),
    sa.Column("search_text", sa.Text),
    sa.Column("record", sa.Text, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

assertions = sa.Table(
    "assertions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", ID, nullable=False, index=True),
    sa.Column("document_id", sa.String(64), index=True),
    sa.Column("speaker", sa.Text, nullable=False),
    sa.Column("handle", sa.Text),
    sa.Column("speaker_role", sa.String(16)),
    sa.Column("stance", sa.String(16)),
    sa.Column("quote", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("char_start", sa.Integer),
    sa.Column("char_end", sa.Integer),
)

event_documents = sa.Table(
    "event_documents", metadata,
    sa.Column("event_id", ID, primary_key=True),
    sa.Column("document_id", sa.String(64), primary_key=True, index=True),
)

status_history = sa.Table(
    "status_history", metadata,
    sa.Column("event_id", ID, primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("at", sa.Date),
    sa.Column("document_id", sa.String(64)),
)

merge_decisions = sa.Table(
    "merge_decisions", metadata,
    sa.Column("mention_a", ID, primary_key=True),
    sa.Column("mention_b", ID, primary_key=True, index=True),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("reasons", sa.Text, nullable=False),
    sa.Column("decision", sa.String(16), nullable=False),
    sa.Column("decided_by", sa.String(16), nullable=False),
    sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
)
