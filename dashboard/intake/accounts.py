"""Accounts and roles: viewers see maps and tables, planners also upload and undo, administrators also manage
boundary layers and users. Accounts live in a local JSON file with argon2-hashed passwords; user names are
compared as stored (trimmed, NFC, case-folded), and a new password has at least 8 characters and is not one of
the 30,000 most common (zxcvbn's list of leaked passwords, a maintained package, instead of a list kept here)."""

from __future__ import annotations

import json
import os
import tempfile
import unicodedata
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from dashboard.core.i18n import LANGUAGES, in_both_languages, t
from dashboard.store.database import StoreUnavailableError

VIEWER, PLANNER, ADMIN = "viewer", "planner", "admin"
ROLES = (VIEWER, PLANNER, ADMIN)
RIGHTS = {
    VIEWER: {"view"},
    PLANNER: {"view", "upload", "undo"},
    ADMIN: {"view", "upload", "undo", "manage_boundaries", "manage_users"},
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


def load_accounts(path: Path) -> list[Account]:
    """Return the accounts in the file (none when it does not exist yet); raise StoreUnavailableError
    (accounts_unreadable) when the file cannot be read or is not an accounts file."""
    try:
        if not path.exists():
            return []
        return [Account(**entry) for entry in json.loads(path.read_text(encoding="utf-8"))["accounts"]]
    except (OSError, ValueError, KeyError, TypeError) as problem:
        detail = str(problem).splitlines()[0][:200] if str(problem) else type(problem).__name__
        raise StoreUnavailableError("accounts_unreadable", str(path), detail) from problem


def save_accounts(path: Path, accounts: list[Account]) -> None:
    """Write the accounts file atomically, readable by its owner only; raise StoreUnavailableError
    (accounts_unwritable) and leave the file as it was when it cannot be written."""
    text = json.dumps({"accounts": [asdict(account) for account in accounts]}, ensure_ascii=False, indent=2)
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".accounts-")
        with os.fdopen(handle, "w", encoding="utf-8") as written:
            written.write(text)
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except OSError as problem:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
        raise StoreUnavailableError("accounts_unwritable", str(path), problem.strerror or str(problem)) from problem


def username_key(username: str) -> str:
    """Return the form user names are compared in: NFC, trimmed, case-folded (" Lan" and "lan" are one user)."""
    return unicodedata.normalize("NFC", username).strip().casefold()


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


def with_account(
    accounts: list[Account], username: str, role: str, password: str = "", name: str = "", email: str = ""
) -> list[Account]:
    """Return the accounts with one added or replaced (the same user name, compared as stored); the password is
    stored only as an argon2 hash. Raise ValueError, in both languages, for a bad role, name or password."""
    if role not in ROLES:
        raise ValueError(in_both_languages("users.bad_role", role=role, roles=", ".join(ROLES)))
    problems = account_problems(username, password)
    if problems:
        raise ValueError(" / ".join(t(key, lang, **values) for key, values in problems for lang in LANGUAGES))
    previous = find_account(accounts, username)
    hashed = HASHER.hash(password) if password else previous.password_hash if previous else ""
    stored_name = previous.username if previous else unicodedata.normalize("NFC", username).strip()
    account = Account(stored_name, role, name or (previous.name if previous else ""), email, hashed)
    return [entry for entry in accounts if entry is not previous] + [account]


def without_account(accounts: list[Account], username: str) -> list[Account]:
    """Return the accounts without the named one (compared as stored)."""
    key = username_key(username)
    return [account for account in accounts if username_key(account.username) != key]


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
