"""`boundaries import | list`: check an official boundary layer against the units and store it as a version with
its match report, or list the stored versions."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
from pathlib import Path

from dashboard.core.i18n import LANGUAGES
from dashboard.core.settings import SettingsError, load_settings
from dashboard.geography.boundaries.importing import CLEAN, LEVELS, REFUSED, ImportRequest, MatchReport
from dashboard.geography.boundaries.reading import Finding
from dashboard.geography.boundaries.report import report_text, versions_table
from dashboard.geography.boundaries.service import check_file, store_checked, store_refusal
from dashboard.geography.boundaries.stored import list_versions
from dashboard.geography.units import load_units
from dashboard.intake.uploads import open_store
from dashboard.store.database import StoreUnavailableError

EXIT_CLEAN = 0
EXIT_REFUSED = 1
EXIT_NOT_STORED = 2
EXIT_ACCEPTED = 3


def add_command(commands: argparse._SubParsersAction) -> None:
    """Add `boundaries import` and `boundaries list` to the command line."""
    boundaries = commands.add_parser("boundaries", help="import an official boundary layer, or list the stored ones")
    actions = boundaries.add_subparsers(dest="action", required=True)
    load = actions.add_parser("import", help="check a boundary file against the units and store it as a version")
    load.add_argument("file", type=Path, help="GeoJSON, zipped Shapefile or GeoPackage")
    load.add_argument("--province", required=True, help="GSO province code, e.g. 25")
    load.add_argument("--level", required=True, choices=LEVELS)
    load.add_argument("--valid-from", type=int, required=True, help="first year the layer is valid in")
    load.add_argument("--valid-to", type=int, help="last year (default: the last year the level exists)")
    load.add_argument("--code-field", help="field holding GSO unit codes")
    load.add_argument("--name-field", help="field holding unit names")
    load.add_argument("--crs", help="EPSG code to read the file in, when it has none or a wrong one")
    load.add_argument("--dry-run", action="store_true", help="report only; store nothing")
    load.add_argument("--accept", action="store_true", help="store even though the report lists problems")
    load.add_argument("--json", action="store_true", help="print the match report as JSON")
    load.add_argument("--language", choices=LANGUAGES, default="vi", help="language of the printed report")
    listing = actions.add_parser("list", help="list the stored layer versions")
    listing.add_argument("--language", choices=LANGUAGES, default="vi")
    boundaries.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    """Run a boundaries command; for import return 0 when clean, 1 when refused, 2 when problems kept it out
    of the store, 3 when problems were accepted and it was stored."""
    logging.getLogger("pyogrio").setLevel(logging.WARNING)
    try:
        store = open_store(load_settings(), seed=False)
    except (SettingsError, StoreUnavailableError) as problem:
        if arguments.action == "list" or not arguments.json:
            raise
        report = MatchReport(arguments.file.name, "", arguments.province, arguments.level, arguments.valid_from, None)
        report.refusals.append(_refusal(problem))
        print(json.dumps({**report.to_json(), "stored_version": None}, ensure_ascii=False, indent=1))
        return EXIT_REFUSED
    if arguments.action == "list":
        print(versions_table(list_versions(store), arguments.language).to_string(index=False))
        return EXIT_CLEAN
    request = ImportRequest(
        path=arguments.file,
        province_code=arguments.province,
        level=arguments.level,
        valid_from=arguments.valid_from,
        valid_to=arguments.valid_to,
        code_field=arguments.code_field,
        name_field=arguments.name_field,
        crs=arguments.crs,
    )
    result = check_file(request, load_units(), store)
    status = result.report.status
    stored = None
    if not arguments.dry_run and (status == CLEAN or (status != REFUSED and arguments.accept)):
        stored = store_checked(store, result, getpass.getuser(), accepted=arguments.accept)
        status = result.report.status
    if arguments.json:
        print(json.dumps({**result.report.to_json(), "stored_version": stored}, ensure_ascii=False, indent=1))
    else:
        print(report_text(result.report.to_json(), arguments.language))
        if stored:
            print(f"\n→ {stored}")
    if status == CLEAN:
        return EXIT_CLEAN
    if status == REFUSED:
        return EXIT_REFUSED
    return EXIT_ACCEPTED if stored else EXIT_NOT_STORED


def _refusal(problem: SettingsError | StoreUnavailableError) -> Finding:
    """Return the report's refusal for settings not understood or a store that cannot be opened."""
    if isinstance(problem, StoreUnavailableError):
        return store_refusal(problem)
    return Finding("settings", {"message": str(problem)})
