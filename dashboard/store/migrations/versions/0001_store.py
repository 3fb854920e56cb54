"""The store: uploads with their original bytes, indicator rows, every row change, and a revision counter.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade() -> None:
    """Create the store's tables."""
    op.create_table(
        "store_state",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("revision", sa.Integer, nullable=False),
    )
    op.bulk_insert(sa.table("store_state", sa.column("id"), sa.column("revision")), [{"id": 1, "revision": 0}])
    op.create_table(
        "uploads",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("table_name", sa.String(64), nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("encoding", sa.String(32), nullable=False),
        sa.Column("uploaded_by", sa.String(255), nullable=False),
        sa.Column("uploaded_at", sa.String(32), nullable=False),
        sa.Column("rows_new", sa.Integer, nullable=False),
        sa.Column("rows_changed", sa.Integer, nullable=False),
        sa.Column("rows_unchanged", sa.Integer, nullable=False),
        sa.Column("warnings_confirmed", sa.Integer, nullable=False),
        sa.Column("source", sa.String(32), nullable=False),
        sa.Column("undone_by", sa.String(255)),
        sa.Column("undone_at", sa.String(32)),
    )
    op.create_table(
        "indicator_rows",
        sa.Column("table_name", sa.String(64), primary_key=True),
        sa.Column("row_key", sa.String(512), primary_key=True),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("source", sa.String(32), nullable=False),
        sa.Column("upload_id", sa.Integer, sa.ForeignKey("uploads.id"), nullable=False),
    )
    op.create_table(
        "row_changes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("upload_id", sa.Integer, sa.ForeignKey("uploads.id"), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("table_name", sa.String(64), nullable=False),
        sa.Column("row_key", sa.String(512), nullable=False),
        sa.Column("old_data", sa.Text),
        sa.Column("old_source", sa.String(32)),
        sa.Column("old_upload_id", sa.Integer),
        sa.Column("new_data", sa.Text),
        sa.Column("changed_by", sa.String(255), nullable=False),
        sa.Column("changed_at", sa.String(32), nullable=False),
    )
    op.create_index("row_changes_by_upload", "row_changes", ["upload_id"])
