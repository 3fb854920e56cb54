"""Boundary layer versions and zone lists imported by administrators: their report and prepared payload.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    """Create the table of imported versions."""
    op.create_table(
        "imported_versions",
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("version_id", sa.String(255), primary_key=True),
        sa.Column("province_code", sa.String(8), nullable=False),
        sa.Column("level", sa.String(16)),
        sa.Column("valid_from", sa.Integer),
        sa.Column("valid_to", sa.Integer),
        sa.Column("report", sa.Text, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("imported_by", sa.String(255), nullable=False),
        sa.Column("imported_at", sa.String(32), nullable=False),
    )
