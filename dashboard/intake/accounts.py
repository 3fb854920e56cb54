"""Accounts and roles: viewers see maps and tables, planners also upload and undo, administrators also manage
boundary layers and users. Accounts live in a local JSON file with argon2-hashed passwords."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from dashboard.core.i18n import LANGUAGES, t

VIEWER, PLANNER, ADMIN = "viewer", "planner", "admin"
ROLES = (VIEWER, PLANNER, ADMIN)
RIGHTS = {
    VIEWER: {"view"},
    PLANNER: {"view", "upload", "undo"},
    ADMIN: {"view", "upload", "undo", "manage_boundaries", "manage_users"},
}
HASHER = PasswordHasher()


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


def load_accounts(path: Path) -> list[Account]:
    """Return the accounts in the file (none when it does not exist yet)."""
    if not path.exists():
        return []
    return [Account(**entry) for entry in json.loads(path.read_text(encoding="utf-8"))["accounts"]]


def save_accounts(path: Path, accounts: list[Account]) -> None:
    """Write the accounts file atomically, readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"accounts": [asdict(account) for account in accounts]}, ensure_ascii=False, indent=2)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".accounts-")
    with os.fdopen(handle, "w", encoding="utf-8") as written:
        written.write(text)
    os.chmod(temporary, 0o600)
    os.replace(temporary, path)


def with_account(
    accounts: list[Account], username: str, role: str, password: str = "", name: str = "", email: str = ""
) -> list[Account]:
    """Return the accounts with one added or replaced; the password is stored only as an argon2 hash."""
    if role not in ROLES:
        raise ValueError(" / ".join(t("users.bad_role", lang, role=role, roles=", ".join(ROLES)) for lang in LANGUAGES))
    if not username.strip():
        raise ValueError(" / ".join(t("users.username_required", lang) for lang in LANGUAGES))
    previous = next((account for account in accounts if account.username == username), None)
    hashed = HASHER.hash(password) if password else previous.password_hash if previous else ""
    account = Account(username.strip(), role, name or (previous.name if previous else ""), email, hashed)
    return [entry for entry in accounts if entry.username != username] + [account]


def without_account(accounts: list[Account], username: str) -> list[Account]:
    """Return the accounts without the named one."""
    return [account for account in accounts if account.username != username]


def signed_in(accounts: list[Account], username: str, password: str) -> Account | None:
    """Return the account whose password matches, or None (an unknown name and a wrong password look alike)."""
    account = next((entry for entry in accounts if entry.username == username and entry.password_hash), None)
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
