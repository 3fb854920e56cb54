"""Accounts and roles: viewers see maps and tables, planners also upload and undo, administrators also manage
boundary layers and users. Accounts live in the store with argon2-hashed passwords, so every app server on one
database knows them; user names are compared as stored (trimmed, NFC, case-folded), and a new password has at
least 8 characters and is not one of the 30,000 most common (zxcvbn's list of leaked passwords, a maintained
package, instead of a list kept here)."""

from __future__ import annotations

import unicodedata
from dataclasses import asdict, dataclass
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from dashboard.core.i18n import LANGUAGES, in_both_languages, t
from dashboard.store.accounts import account_row, account_rows, delete_account, put_account, username_key
from dashboard.store.database import Store

VIEWER, PLANNER, ADMIN = "viewer", "planner", "admin"
ROLES = (VIEWER, PLANNER, ADMIN)
RIGHTS = {
    VIEWER: {"view"},
    PLANNER: {"view", "upload", "undo"},
    ADMIN: {"view", "upload", "undo", "manage_boundaries", "manage_plans", "manage_users"},
}
HASHER = PasswordHasher()
MIN_PASSWORD = 8


class PermissionDeniedError(Exception):
    """The account's role does not allow the action."""


@dataclass(frozen=True)
class Account:
    """Who is using the dashboard: a user name, a display name, a role and, for OpenID Connect, an e-mail."""

    username: str
    role: str
    name: str = ""
    email: str = ""
    password_hash: str = ""


ANONYMOUS = Account("", VIEWER)


def allowed(account: Account, action: str) -> bool:
    """Return whether the account's role allows the action."""
    return action in RIGHTS.get(account.role, set())


def require(account: Account, action: str) -> None:
    """Raise PermissionDeniedError unless the account's role allows the action."""
    if not allowed(account, action):
        raise PermissionDeniedError(f"{account.username or 'anonymous'} ({account.role}) may not {action}")


def load_accounts(store: Store) -> list[Account]:
    """Return every account in the store, by user name."""
    return [Account(**fields) for fields in account_rows(store)]


@cache
def common_passwords() -> frozenset[str]:
    """Return the 30,000 most common passwords (zxcvbn's list), read once."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"])


def account_problems(username: str, password: str) -> list[tuple[str, dict[str, object]]]:
    """Return what is wrong with a user name and a new password (message key and its values); empty when fine.
    An empty password is allowed: it keeps the current one, or makes an account that signs in only by e-mail."""
    problems: list[tuple[str, dict[str, object]]] = []
    if not username.strip():
        problems.append(("users.username_required", {}))
    if any(unicodedata.category(character) == "Cc" for character in username.strip()):
        problems.append(("sign_in.username_control", {}))
    if password and len(password) < MIN_PASSWORD:
        problems.append(("sign_in.password_short", {"minimum": MIN_PASSWORD}))
    elif password and password.casefold() in common_passwords():
        problems.append(("sign_in.password_common", {}))
    return problems


def find_account(accounts: list[Account], username: str) -> Account | None:
    """Return the account of a user name compared as stored, or None."""
    key = username_key(username)
    return next((account for account in accounts if username_key(account.username) == key), None)


def add_account(
    store: Store, username: str, role: str, password: str = "", name: str = "", email: str = ""
) -> tuple[Account, bool]:
    """Add an account, or change the one of the same user name (compared as stored), in one transaction that moves
    the store's revision on; return it and whether it existed. The password is stored only as an argon2 hash (an
    empty one keeps the current hash). Raise ValueError, in both languages, for a bad role, name or password."""
    if role not in ROLES:
        raise ValueError(in_both_languages("users.bad_role", role=role, roles=", ".join(ROLES)))
    problems = account_problems(username, password)
    if problems:
        raise ValueError(" / ".join(t(key, lang, **values) for key, values in problems for lang in LANGUAGES))
    hashed = HASHER.hash(password) if password else ""
    with store.changing() as connection:
        previous = account_row(connection, username)
        stored_name = previous["username"] if previous else unicodedata.normalize("NFC", username).strip()
        account = Account(
            stored_name,
            role,
            name or (previous["name"] if previous else ""),
            email,
            hashed or (previous["password_hash"] if previous else ""),
        )
        put_account(connection, asdict(account))
    return account, previous is not None


def remove_account(store: Store, username: str) -> Account | None:
    """Remove the account of a user name (compared as stored) and return it, or None when there is none (then
    nothing is written)."""
    with store.reading() as connection:
        found = account_row(connection, username)
    if found is None:
        return None
    with store.changing() as connection:
        delete_account(connection, username)
    return Account(**found)


def signed_in(accounts: list[Account], username: str, password: str) -> Account | None:
    """Return the account whose password matches, or None (an unknown name and a wrong password look alike)."""
    account = find_account(accounts, username)
    account = account if account and account.password_hash else None
    if account is None:
        HASHER.hash(password)
        return None
    try:
        HASHER.verify(account.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    return account


def account_for_email(accounts: list[Account], email: str, name: str = "") -> Account:
    """Return the account of a user signed in through OpenID Connect: its role by e-mail, else a viewer."""
    match = next((entry for entry in accounts if entry.email and entry.email.casefold() == email.casefold()), None)
    return match or Account(email, VIEWER, name=name, email=email)
