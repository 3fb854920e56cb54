"""`users list | add | remove`: the local accounts that sign in to the app, with argon2-hashed passwords."""

from __future__ import annotations

import argparse
import getpass
import sys

from dashboard.core.settings import load_settings
from dashboard.intake.accounts import ROLES, load_accounts, save_accounts, with_account, without_account


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


def run(arguments: argparse.Namespace) -> int:
    """Run a users action on the accounts file and return its exit code."""
    path = load_settings().accounts_file
    accounts = load_accounts(path)
    if arguments.action == "list":
        for account in accounts:
            print(f"{account.username}\t{account.role}\t{account.name}\t{account.email}")
    elif arguments.action == "add":
        password = sys.stdin.readline().rstrip("\n") if not sys.stdin.isatty() else getpass.getpass()
        save_accounts(
            path, with_account(accounts, arguments.username, arguments.role, password, arguments.name, arguments.email)
        )
    else:
        save_accounts(path, without_account(accounts, arguments.username))
    return 0
