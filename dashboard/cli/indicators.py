"""`indicators import | undo | history`: indicator tables in the store, through the same checks as the upload
page."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

from dashboard.core.i18n import LANGUAGES, t
from dashboard.core.settings import Settings, load_settings
from dashboard.core.tasks import agency_codes
from dashboard.intake.accounts import ADMIN, Account
from dashboard.intake.audit import uploads_table
from dashboard.intake.labels import key_label
from dashboard.intake.problems import errors, warnings
from dashboard.intake.tables import table_specs
from dashboard.intake.uploads import (
    Preview,
    bundled_reference,
    commit_upload,
    open_store,
    preview_upload,
    undo_upload,
)
from dashboard.store.database import StaleStoreError, Store, UndoRefusedError

EXIT_OK, EXIT_INVALID, EXIT_UNCONFIRMED, EXIT_STALE = 0, 1, 2, 3


def add_command(commands: argparse._SubParsersAction) -> None:
    """Add `indicators import`, `indicators undo` and `indicators history` to the command line."""
    indicators = commands.add_parser("indicators", help="import, undo and list uploads of indicator tables")
    actions = indicators.add_subparsers(dest="action", required=True)
    upload = actions.add_parser("import", help="check a CSV or XLSX file and, unless --dry-run, commit it")
    upload.add_argument("file", type=Path)
    upload.add_argument("--table", required=True, choices=list(table_specs()))
    upload.add_argument("--dry-run", action="store_true", help="check and preview only; write nothing")
    upload.add_argument(
        "--json", action="store_true", help="print the problems, counts and rows as they would be stored, as JSON"
    )
    upload.add_argument("--accept-warnings", action="store_true", help="commit although there are warnings")
    upload.add_argument("--user", default=f"cli:{getpass.getuser()}", help="name recorded as the uploader")
    upload.add_argument(
        "--agency",
        default=None,
        help="code of the agency (indicators/agencies.csv) the upload reports for; none by default",
    )
    undo = actions.add_parser("undo", help="restore the values an upload replaced")
    undo.add_argument("upload_id", type=int)
    undo.add_argument("--user", default=f"cli:{getpass.getuser()}")
    history = actions.add_parser("history", help="list the uploads")
    history.add_argument("--json", action="store_true")
    indicators.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    """Run an indicators action and return its exit code."""
    settings = load_settings()
    if arguments.action == "import":
        return _import(arguments, settings)
    store = open_store(settings, seed=False)
    if arguments.action == "undo":
        try:
            restored = undo_upload(store, arguments.upload_id, Account(arguments.user, ADMIN))
        except UndoRefusedError as refused:
            table = store.uploads().set_index("id")["table_name"].get(arguments.upload_id, "")
            rows = [key_label(table, key, "vi") if table else key for key in refused.rows]
            print(f"{refused.reason}: {'; '.join(rows)}", file=sys.stderr)
            return EXIT_INVALID
        print(f"Đã hoàn tác lần tải lên số {arguments.upload_id}: {restored} dòng / Undone: {restored} rows")
        return EXIT_OK
    uploads = store.uploads()
    if arguments.json:
        print(uploads.to_json(orient="records", force_ascii=False, indent=2))
    else:
        print(uploads_table(uploads, "vi").to_string(index=False))
    return EXIT_OK


def _import(arguments: argparse.Namespace, settings: Settings) -> int:
    """Check a file, print its problems and counts, commit it unless a dry run; return the exit code."""
    if arguments.agency is not None and arguments.agency not in agency_codes():
        known = ", ".join(agency_codes())
        print(" / ".join(t("upload.unknown_agency", lang, value=arguments.agency, known=known) for lang in LANGUAGES))
        return EXIT_INVALID
    store = open_store(settings, seed=False)
    content = arguments.file.read_bytes()
    preview = preview_upload(
        store,
        content,
        arguments.file.name,
        arguments.table,
        bundled_reference(store),
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
        "rows": preview.stored_rows(),
        "agency": arguments.agency,
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
        account = Account(arguments.user, ADMIN)
        return EXIT_OK, commit_upload(store, preview, account, arguments.accept_warnings, agency=arguments.agency)
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
