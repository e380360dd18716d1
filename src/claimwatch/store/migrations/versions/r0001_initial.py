"""The first ledger schema: documents, mentions, events and what links them.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.String(80)
TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("published", sa.Date, index=True),
        sa.Column("title", sa.Text), sa.Column("url", sa.Text), sa.Column("source", sa.Text),
        sa.Column("language", sa.String(16)), sa.Column("path", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("ingested_at", TZ, nullable=False),
    )
    op.create_table(
        "mentions",
        sa.Column("key", ID, primary_key=True),
        sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id"), nullable=False,
                  index=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("published", sa.Date),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("event_id", ID, index=True),
        sa.Column("component", ID, index=True),
    )
    op.create_table(
        "mention_blocks",
        sa.Column("block_key", sa.String(200), primary_key=True),
        sa.Column("mention_key", ID, primary_key=True, index=True),
    )
    _events()
    op.create_table(
        "assertions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", ID, nullable=False, index=True),
        sa.Column("document_id", sa.String(64), index=True),
        sa.Column("speaker", sa.Text, nullable=False), sa.Column("handle", sa.Text),
        sa.Column("speaker_role", sa.String(16)), sa.Column("stance", sa.String(16)),
        sa.Column("quote", sa.Text), sa.Column("published", sa.Date),
        sa.Column("char_start", sa.Integer), sa.Column("char_end", sa.Integer),
    )
    op.create_table(
        "event_documents",
        sa.Column("event_id", ID, primary_key=True),
        sa.Column("document_id", sa.String(64), primary_key=True, index=True),
    )
    op.create_table(
        "status_history",
        sa.Column("event_id", ID, primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("at", sa.Date), sa.Column("document_id", sa.String(64)),
    )
    op.create_table(
        "merge_decisions",
        sa.Column("mention_a", ID, primary_key=True),
        sa.Column("mention_b", ID, primary_key=True, index=True),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("reasons", sa.Text, nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("decided_by", sa.String(16), nullable=False),
        sa.Column("decided_at", TZ, nullable=False),
    )


def _events() -> None:
    op.create_table(
        "events",
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
        sa.Column("country", sa.Text), sa.Column("location_name", sa.Text),
        sa.Column("lat", sa.Float), sa.Column("lon", sa.Float),
        sa.Column("geo_precision", sa.Integer),
        sa.Column("perpetrators", sa.Text), sa.Column("actors_text", sa.Text),
        *[sa.Column(f"{c}_{b}", sa.Integer)
          for c in ("fatalities", "injured", "abducted") for b in ("low", "high")],
        sa.Column("documents_count", sa.Integer, nullable=False),
        sa.Column("search_text", sa.Text),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )


def downgrade() -> None:
    for table in ("merge_decisions", "status_history", "event_documents", "assertions",
                  "events", "mention_blocks", "mentions", "documents"):
        op.drop_table(table)
