"""The command line's entry point: every command's parser under one program, and the run of the chosen one."""

from __future__ import annotations

import argparse
import logging
import sys

from dashboard.cli import (
    assets,
    bench,
    boundaries,
    indicators,
    map_image,
    plans,
    report,
    scorecard,
    tasks,
    units,
    users,
)
from dashboard.core.settings import SettingsError
from dashboard.store.database import StoreUnavailableError

COMMANDS = (assets, scorecard, tasks, plans, report, indicators, units, boundaries, users, map_image, bench)
EXIT_BAD_SETTINGS = 1
EXIT_STORE_UNAVAILABLE = 4


class CommandListFormatter(argparse.HelpFormatter):
    """Help that lists each command with its line on one row: argparse measures command names one indent short."""

    def add_argument(self, action: argparse.Action) -> None:
        """Add an argument, widening the name column to the longest command name at its indent."""
        super().add_argument(action)
        if isinstance(action, argparse._SubParsersAction):
            longest = max(len(name) for name in action.choices)
            self._action_max_length = max(
                self._action_max_length, longest + self._current_indent + self._indent_increment
            )


def parser() -> argparse.ArgumentParser:
    """Return the parser of every command, each listed with one line in --help."""
    program = argparse.ArgumentParser(
        prog="python -m dashboard",
        description="Bản đồ theo dõi SX&TDBV / SCP coverage dashboard",
        formatter_class=CommandListFormatter,
    )
    commands = program.add_subparsers(dest="command", required=True, metavar="COMMAND", title="commands")
    for command in COMMANDS:
        command.add_command(commands)
    return program


def main(argv: list[str] | None = None) -> int:
    """Run a command and return its exit code; settings that are not understood, and a store or accounts file
    that cannot be read or written, stop it with one message in both languages and exit code 4 (the store's own
    log line of the fault is left out: the message says it)."""
    arguments = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    logging.getLogger("dashboard.store.database").setLevel(logging.CRITICAL)
    try:
        return arguments.run(arguments)
    except SettingsError as problem:
        print(problem, file=sys.stderr)
        return EXIT_BAD_SETTINGS
    except StoreUnavailableError as fault:
        print(fault.message(), file=sys.stderr)
        return EXIT_STORE_UNAVAILABLE
