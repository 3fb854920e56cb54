"""`plans import | list | undo | template`: load a new provincial plan (metadata, targets, tasks) from a
workbook, checked like any upload and stored whole as a version, list the versions, undo one."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

from dashboard.core.exports import workbook_bytes
from dashboard.core.i18n import LANGUAGES, in_both_languages
from dashboard.core.settings import load_settings
from dashboard.intake.plans import check_plan_upload, plan_template, plan_versions, store_plan, undo_plan
from dashboard.intake.uploads import open_store
from dashboard.store.database import Store
from dashboard.store.imported import VersionUndoRefusedError

EXIT_OK, EXIT_INVALID = 0, 1


def add_command(commands: argparse._SubParsersAction) -> None:
    """Add `plans import`, `plans list`, `plans undo` and `plans template` to the command line."""
    plans = commands.add_parser("plans", help="load a new plan from a workbook; list or undo")
    actions = plans.add_subparsers(dest="action", required=True)
    load = actions.add_parser("import", help="check a plan workbook (.xlsx, or .zip of CSV files) and store it")
    load.add_argument("file", type=Path)
    load.add_argument("--dry-run", action="store_true", help="check only; store nothing")
    load.add_argument("--json", action="store_true", help="print the check (plan, counts, problems) as JSON")
    load.add_argument("--user", default=f"cli:{getpass.getuser()}", help="name recorded as the importer")
    listing = actions.add_parser("list", help="list the stored plan versions, newest first")
    listing.add_argument("--json", action="store_true")
    undo = actions.add_parser("undo", help="undo a stored plan version: the plan it replaced governs again")
    undo.add_argument("version_id")
    undo.add_argument("--user", default=f"cli:{getpass.getuser()}")
    template = actions.add_parser("template", help="write the plan workbook template (the Phú Thọ plan as example)")
    template.add_argument("--out", type=Path, required=True)
    plans.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    """Run a plans action and return its exit code: 0 done, 1 problems found (nothing stored) or refused."""
    if arguments.action == "template":
        arguments.out.write_bytes(workbook_bytes(plan_template()))
        print(arguments.out)
        return EXIT_OK
    store = open_store(load_settings(), seed=False)
    if arguments.action == "list":
        versions = plan_versions(store)
        print(versions.to_json(orient="records", force_ascii=False, indent=1) if arguments.json else versions)
        return EXIT_OK
    if arguments.action == "undo":
        try:
            undo_plan(store, arguments.version_id, arguments.user)
        except VersionUndoRefusedError:
            print(in_both_languages("plans.undo_refused", version=arguments.version_id), file=sys.stderr)
            return EXIT_INVALID
        print(in_both_languages("plans.undone", version=arguments.version_id))
        return EXIT_OK
    return _import(arguments, store)


def _import(arguments: argparse.Namespace, store: Store) -> int:
    """Check a plan file, print the check, store it unless a dry run or a problem; return the exit code."""
    try:
        content = arguments.file.read_bytes()
    except OSError as problem:
        print(in_both_languages("plans.unreadable", file=str(arguments.file), detail=problem.strerror), file=sys.stderr)
        return EXIT_INVALID
    check = check_plan_upload(content, arguments.file.name, store)
    stored = None
    if check.ok and not arguments.dry_run:
        stored = store_plan(store, check, content, arguments.user)
    if arguments.json:
        print(
            json.dumps(
                {**check.to_json(), "dry_run": arguments.dry_run, "stored_version": stored},
                ensure_ascii=False,
                indent=1,
            )
        )
    else:
        for problem in check.problems:
            print(" / ".join(problem.message(language) for language in LANGUAGES), file=sys.stderr)
        if check.ok:
            key = "plans.stored" if stored else "plans.checked"
            print(in_both_languages(key, plan=check.plan["plan_id"], version=stored or "", tasks=check.task_count))
    return EXIT_OK if check.ok else EXIT_INVALID
