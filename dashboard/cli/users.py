"""`users list | add | remove`: the accounts in the store that sign in to the app, with argon2-hashed passwords."""

from __future__ import annotations

import argparse
import getpass
import sys

from dashboard.core.i18n import LANGUAGES, t
from dashboard.core.settings import load_settings
from dashboard.intake.accounts import ROLES, add_account, load_accounts, remove_account
from dashboard.intake.uploads import open_store

EXIT_REFUSED = 1


def add_command(commands: argparse._SubParsersAction) -> None:
    """Add `users list`, `users add` and `users remove` to the command line."""
    users = commands.add_parser("users", help="list, add and remove the local accounts")
    actions = users.add_subparsers(dest="action", required=True)
    actions.add_parser("list", help="list the accounts")
    add = actions.add_parser("add", help="add or change an account; the password is read from stdin")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--name", default="")
    add.add_argument("--email", default="")
    remove = actions.add_parser("remove", help="remove an account")
    remove.add_argument("username")
    users.set_defaults(run=run)


def _both(key: str, role: str = "", **params: object) -> str:
    """Return a message in Vietnamese and English, with the role's name in each."""
    return " / ".join(t(key, lang, role=t(f"role.{role}", lang) if role else "", **params) for lang in LANGUAGES)


def run(arguments: argparse.Namespace) -> int:
    """Run a users action on the accounts in the store, say what was done, and return its exit code (1 when
    refused)."""
    store = open_store(load_settings())
    if arguments.action == "list":
        for account in load_accounts(store):
            print(f"{account.username}\t{account.role}\t{account.name}\t{account.email}")
        return 0
    if arguments.action == "add":
        password = sys.stdin.readline().rstrip("\n") if not sys.stdin.isatty() else getpass.getpass()
        try:
            account, existed = add_account(
                store, arguments.username, arguments.role, password, arguments.name, arguments.email
            )
        except ValueError as refused:
            print(refused, file=sys.stderr)
            return EXIT_REFUSED
        said = "sign_in.changed" if existed else "sign_in.added"
        print(_both(said, username=account.username, role=arguments.role))
        return 0
    removed = remove_account(store, arguments.username)
    if removed is None:
        print(_both("sign_in.unknown_user", username=arguments.username), file=sys.stderr)
        return EXIT_REFUSED
    print(_both("sign_in.removed", username=removed.username))
    return 0
