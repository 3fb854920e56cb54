"""The accounts table: one row per user name as compared (trimmed, NFC, case-folded), with its role, display
name, e-mail and argon2 password hash; every change moves the store's revision on."""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa

from dashboard.store.database import METADATA, Store, now

FIELDS = ("username", "role", "name", "email", "password_hash")
ACCOUNTS = sa.Table(
    "accounts",
    METADATA,
    sa.Column("username_key", sa.String(255), primary_key=True),
    *(sa.Column(field) for field in FIELDS),
    sa.Column("created_at"),
    sa.Column("updated_at"),
)


def username_key(username: str) -> str:
    """Return the form user names are compared in: NFC, trimmed, case-folded (" Lan" and "lan" are one user)."""
    return unicodedata.normalize("NFC", username).strip().casefold()


def account_rows(store: Store) -> list[dict[str, str]]:
    """Return every account's fields (username, role, name, email, password_hash), by user name."""
    query = sa.select(*(ACCOUNTS.c[field] for field in FIELDS)).order_by(ACCOUNTS.c.username_key)
    with store.reading() as connection:
        return [dict(row) for row in connection.execute(query).mappings()]


def account_row(connection: sa.Connection, username: str) -> dict[str, str] | None:
    """Return the fields of the account of a user name (compared as stored), or None."""
    query = sa.select(*(ACCOUNTS.c[field] for field in FIELDS)).where(ACCOUNTS.c.username_key == username_key(username))
    found = connection.execute(query).mappings().first()
    return dict(found) if found else None


def put_account(connection: sa.Connection, fields: dict[str, str]) -> None:
    """Add the account, or replace the one of the same user name (its creation time kept), in the transaction."""
    key = username_key(fields["username"])
    stamp = now()
    values = {field: fields.get(field) or "" for field in FIELDS}
    changed = connection.execute(
        sa.update(ACCOUNTS).where(ACCOUNTS.c.username_key == key).values(**values, updated_at=stamp)
    ).rowcount
    if not changed:
        connection.execute(sa.insert(ACCOUNTS).values(username_key=key, **values, created_at=stamp, updated_at=stamp))


def delete_account(connection: sa.Connection, username: str) -> None:
    """Remove the account of a user name (compared as stored) in the transaction."""
    connection.execute(sa.delete(ACCOUNTS).where(ACCOUNTS.c.username_key == username_key(username)))
