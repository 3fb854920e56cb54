"""Command line: python -m dashboard assets install; python -m dashboard boundaries import|list."""

from __future__ import annotations

import argparse
import logging
import sys

from dashboard.assets import install_assets
from dashboard.boundary_cli import add_boundary_commands, run_boundaries


def main(argv: list[str] | None = None) -> int:
    """Run a command and return its exit code."""
    parser = argparse.ArgumentParser(prog="python -m dashboard")
    commands = parser.add_subparsers(dest="command", required=True)
    assets = commands.add_parser("assets", help="front-end assets served by the app")
    assets.add_argument("action", choices=["install"], help="download pinned packages not yet installed")
    add_boundary_commands(commands)
    arguments = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if arguments.command == "boundaries":
        return run_boundaries(arguments)
    installed = install_assets()
    logging.info("front-end assets: %s", ", ".join(installed) or "already installed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
