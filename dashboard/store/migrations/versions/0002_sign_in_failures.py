"""Failed sign-ins per account and per client, and until when each is locked out.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    """Create the table of failed sign-ins."""
    op.create_table(
        "sign_in_failures",
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("subject", sa.String(255), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("first_failed_at", sa.String(32), nullable=False),
        sa.Column("locked_until", sa.String(32)),
    )
