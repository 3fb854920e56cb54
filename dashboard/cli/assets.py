"""`assets install`: download the map's pinned front-end packages that are not installed yet."""

from __future__ import annotations

import argparse
import logging

from dashboard.maps.assets import install_assets


def add_command(commands: argparse._SubParsersAction) -> None:
    """Add `assets install` to the command line."""
    command = commands.add_parser("assets", help="install the map's front-end assets (Leaflet) served by the app")
    command.add_argument("action", choices=["install"], help="download pinned packages not yet installed")
    command.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    """Install the assets, log which were installed now, and return 0."""
    installed = install_assets()
    logging.info("front-end assets: %s", ", ".join(installed) or "already installed")
    return 0
