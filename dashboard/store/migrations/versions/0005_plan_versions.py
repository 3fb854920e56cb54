"""Imported versions can be undone (plans loaded by an administrator): who undid one and when.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    """Add the undo columns to the imported versions."""
    with op.batch_alter_table("imported_versions") as table:
        table.add_column(sa.Column("undone_by", sa.String(255)))
        table.add_column(sa.Column("undone_at", sa.String(32)))
