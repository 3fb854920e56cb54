"""The agency an upload reports for (a code of indicators/agencies.csv), none when the uploader named none.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    """Add the nullable agency column to the uploads, keeping every upload as it is."""
    with op.batch_alter_table("uploads") as uploads:
        uploads.add_column(sa.Column("agency", sa.String(64), nullable=True))
