"""Command line: python -m dashboard assets install | bench | scorecard | indicators | boundaries | users."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import sys
from pathlib import Path

from dashboard.accounts import ADMIN, ROLES, Account, load_accounts, save_accounts, with_account, without_account
from dashboard.assets import install_assets
from dashboard.audit import uploads_table
from dashboard.bench import DEFAULT_COMMUNES, DEFAULT_DISTRICTS, DEFAULT_RUNS, MAX_RUNS
from dashboard.boundary_cli import add_boundary_commands, run_boundaries
from dashboard.dataset import load_dataset
from dashboard.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from dashboard.problems import errors, warnings
from dashboard.scorecard import plan_for_slug, plan_slugs, scorecard, scorecard_records, scorecard_table
from dashboard.settings import Settings, load_settings
from dashboard.store import StaleStoreError, Store, UndoRefusedError
from dashboard.tables import table_specs
from dashboard.uploads import (
    Preview,
    bundled_reference,
    commit_upload,
    open_store,
    preview_upload,
    store_tables,
    undo_upload,
)

EXIT_OK, EXIT_INVALID, EXIT_UNCONFIRMED, EXIT_STALE = 0, 1, 2, 3
UNKNOWN_PLAN_EXIT = 2


def _bench(arguments: argparse.Namespace) -> int:
    """Measure every benchmark case, fast and naive, print the report and return the exit code."""
    from dashboard.bench import bench_cases, growth, json_report, text_report
    from dashboard.dataset import load_dataset
    from dashboard.ui.bench_page import run_bench

    try:
        cases = bench_cases(
            load_dataset(), arguments.districts, arguments.communes, arguments.boundaries, arguments.spacing
        )
    except ValueError as problem:
        logging.error("bench: %s", problem)
        return 2
    results = run_bench(cases, arguments.runs)
    growth_lines = growth(results, [case.layer for case in cases if case.synthetic])
    if arguments.json:
        print(json_report(results))
        for line in growth_lines:
            logging.info("growth: %s", line)
    else:
        print(text_report(results, growth_lines))
    return 0


def _check_bench_arguments(parser: argparse.ArgumentParser, arguments: argparse.Namespace) -> None:
    """Stop with a usage message when a bench argument cannot be measured."""
    if not 1 <= arguments.runs <= MAX_RUNS:
        parser.error(f"--runs must be between 1 and {MAX_RUNS}, not {arguments.runs}")
    if arguments.districts < 2 or arguments.communes < 2:
        parser.error("--districts and --communes need at least 2 units")
    if arguments.spacing is not None and arguments.spacing <= 0:
        parser.error(f"--spacing must be a positive number of metres, not {arguments.spacing:g}")
    for path in arguments.boundaries:
        if not path.is_file():
            parser.error(f"--boundaries: no such layer file: {path}")


def run_scorecard(plan: str, year: int, as_json: bool, language: str, settings: Settings) -> int:
    """Print a plan's scorecard as of a year from the store (a table, or JSON records); return the exit code."""
    data = load_dataset(tables=store_tables(open_store(settings.database_url, settings.seed_demo)))
    plan_id = plan_for_slug(data, plan)
    if plan_id is None:
        known = ", ".join(plan_slugs(data))
        message = " / ".join(t("cli.unknown_plan", each, plan=plan, known=known) for each in LANGUAGES)
        print(message, file=sys.stderr)
        return UNKNOWN_PLAN_EXIT
    rows = scorecard(data, plan_id, year)
    if as_json:
        print(json.dumps(scorecard_records(plan, rows), ensure_ascii=False, indent=2))
    else:
        table = scorecard_table(data, rows, language).drop(columns=t("scorecard.column_trend", language))
        plan_row = data.plans.set_index("plan_id").loc[plan_id]
        province = data.province(plan_row["province_code"])["name"]
        print(t("cli.scorecard_heading", language, province=province, plan=plan_row["document"], year=year))
        print(table.to_string(index=False))
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    """Return the parser of every command."""
    parser = argparse.ArgumentParser(prog="python -m dashboard")
    commands = parser.add_subparsers(dest="command", required=True)
    assets = commands.add_parser("assets", help="front-end assets served by the app")
    assets.add_argument("action", choices=["install"], help="download pinned packages not yet installed")
    card = commands.add_parser("scorecard", help="every target of a plan, judged as of a year")
    card.add_argument("--plan", required=True, help="province slug: hoa-binh, thai-nguyen, ha-tinh or phu-tho")
    card.add_argument("--year", required=True, type=int, help="the year to judge the targets in")
    card.add_argument("--json", action="store_true", help="one JSON object per target instead of a table")
    card.add_argument("--language", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="language of the table")
    indicators = commands.add_parser("indicators", help="indicator tables in the store")
    actions = indicators.add_subparsers(dest="action", required=True)
    upload = actions.add_parser("import", help="check a CSV or XLSX file and, unless --dry-run, commit it")
    upload.add_argument("file", type=Path)
    upload.add_argument("--table", required=True, choices=list(table_specs()))
    upload.add_argument("--dry-run", action="store_true", help="check and preview only; write nothing")
    upload.add_argument("--json", action="store_true", help="print the problems and counts as JSON")
    upload.add_argument("--accept-warnings", action="store_true", help="commit although there are warnings")
    upload.add_argument("--user", default=f"cli:{getpass.getuser()}", help="name recorded as the uploader")
    undo = actions.add_parser("undo", help="restore the values an upload replaced")
    undo.add_argument("upload_id", type=int)
    undo.add_argument("--user", default=f"cli:{getpass.getuser()}")
    history = actions.add_parser("history", help="list the uploads")
    history.add_argument("--json", action="store_true")
    users = commands.add_parser("users", help="local accounts")
    user_actions = users.add_subparsers(dest="action", required=True)
    user_actions.add_parser("list", help="list the accounts")
    add = user_actions.add_parser("add", help="add or change an account; the password is read from stdin")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--name", default="")
    add.add_argument("--email", default="")
    remove = user_actions.add_parser("remove", help="remove an account")
    remove.add_argument("username")
    bench = commands.add_parser("bench", help="measure the map's payload, build and rerun times, fast and naive")
    bench.add_argument(
        "--boundaries", type=Path, action="append", default=[], metavar="FILE", help="also measure this layer file"
    )
    bench.add_argument("--json", action="store_true", help="print one JSON object per measured case")
    bench.add_argument("--runs", type=int, default=DEFAULT_RUNS, help=f"runs per figure (median; at most {MAX_RUNS})")
    bench.add_argument("--districts", type=int, default=DEFAULT_DISTRICTS, help="units of the synthetic district layer")
    bench.add_argument("--communes", type=int, default=DEFAULT_COMMUNES, help="units of the synthetic commune layer")
    bench.add_argument("--spacing", type=float, help="metres between border vertices of the generated layers")
    add_boundary_commands(commands)
    return parser


def _import(arguments: argparse.Namespace, settings: Settings) -> int:
    """Check a file, print its problems and counts, commit it unless a dry run; return the exit code."""
    store = Store(settings.database_url)
    content = arguments.file.read_bytes()
    preview = preview_upload(
        store,
        content,
        arguments.file.name,
        arguments.table,
        bundled_reference(settings.data_dir),
        settings.max_upload_bytes,
    )
    code, upload_id = _committed(store, preview, arguments)
    report = {
        "table": arguments.table,
        "file": str(arguments.file),
        "encoding": preview.encoding,
        "dry_run": arguments.dry_run,
        "committed": upload_id is not None,
        "upload_id": upload_id,
        "counts": preview.counts() if preview.accepted else {"new": 0, "changed": 0, "unchanged": 0},
        "problems": [problem.as_dict() for problem in preview.problems],
    }
    if arguments.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _print_report(report, code)
    return code


def _committed(store: Store, preview: Preview, arguments: argparse.Namespace) -> tuple[int, int | None]:
    """Return the exit code and, when committed, the upload id."""
    if errors(preview.problems):
        return EXIT_INVALID, None
    if arguments.dry_run:
        return EXIT_OK, None
    if warnings(preview.problems) and not arguments.accept_warnings:
        return EXIT_UNCONFIRMED, None
    try:
        return EXIT_OK, commit_upload(store, preview, Account(arguments.user, ADMIN), arguments.accept_warnings)
    except StaleStoreError:
        return EXIT_STALE, None


def _print_report(report: dict, code: int) -> None:
    """Print an import report for a person: each problem in Vietnamese and English, then the outcome."""
    print(f"{report['file']}: {report['encoding'] or '-'}")
    for problem in report["problems"]:
        print(f"[{problem['severity']}] {problem['message']}\n          {problem['message_en']}")
    counts = report["counts"]
    print(f"mới/new {counts['new']} · thay đổi/changed {counts['changed']} · không đổi/unchanged {counts['unchanged']}")
    outcomes = {
        EXIT_INVALID: "Tệp bị từ chối, không ghi gì / File refused, nothing written",
        EXIT_UNCONFIRMED: "Có cảnh báo: chạy lại với --accept-warnings để ghi / Warnings: rerun with --accept-warnings",
        EXIT_STALE: "Số liệu vừa thay đổi, hãy chạy lại / The store just changed, run again",
    }
    if report["committed"]:
        print(f"Đã ghi lần tải lên số {report['upload_id']} / Upload {report['upload_id']} committed")
    else:
        print(outcomes.get(code, "Kiểm tra xong, không ghi gì (--dry-run) / Checked, nothing written (--dry-run)"))


def _indicators(arguments: argparse.Namespace, settings: Settings) -> int:
    """Run an indicators action and return its exit code."""
    if arguments.action == "import":
        return _import(arguments, settings)
    store = Store(settings.database_url)
    if arguments.action == "undo":
        try:
            restored = undo_upload(store, arguments.upload_id, Account(arguments.user, ADMIN))
        except UndoRefusedError as refused:
            print(f"{refused.reason}: {', '.join(refused.rows)}", file=sys.stderr)
            return EXIT_INVALID
        print(f"Đã hoàn tác lần tải lên số {arguments.upload_id}: {restored} dòng / Undone: {restored} rows")
        return EXIT_OK
    uploads = store.uploads()
    if arguments.json:
        print(uploads.to_json(orient="records", force_ascii=False, indent=2))
    else:
        print(uploads_table(uploads, "vi").to_string(index=False))
    return EXIT_OK


def _users(arguments: argparse.Namespace, settings: Settings) -> int:
    """Run a users action on the accounts file and return its exit code."""
    path = settings.accounts_file
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
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Run a command and return its exit code."""
    parser = _parser()
    arguments = parser.parse_args(argv)
    if arguments.command == "bench":
        _check_bench_arguments(parser, arguments)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    if arguments.command == "assets":
        installed = install_assets()
        logging.info("front-end assets: %s", ", ".join(installed) or "already installed")
        return EXIT_OK
    if arguments.command == "bench":
        return _bench(arguments)
    try:
        settings = load_settings()
    except ValueError as problem:
        print(problem, file=sys.stderr)
        return EXIT_INVALID
    if arguments.command == "boundaries":
        return run_boundaries(arguments)
    if arguments.command == "scorecard":
        return run_scorecard(arguments.plan, arguments.year, arguments.json, arguments.language, settings)
    if arguments.command == "indicators":
        return _indicators(arguments, settings)
    return _users(arguments, settings)


if __name__ == "__main__":
    sys.exit(main())
