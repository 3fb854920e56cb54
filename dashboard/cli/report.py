"""`report`: a plan's yearly report written to a folder as a Word document and an XLSX workbook."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from dashboard.cli.map_image import map_dataset
from dashboard.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, format_number, in_both_languages, t
from dashboard.progress.scorecard import plan_for_slug, plan_slugs
from dashboard.reports.files import write_report
from dashboard.reports.yearly import plan_years

EXIT_UNKNOWN = 2
EXIT_UNWRITABLE = 1


def add_command(commands: argparse._SubParsersAction) -> None:
    """Add `report` to the command line."""
    command = commands.add_parser("report", help="write a plan's yearly report (Word and XLSX) to a folder")
    command.add_argument("--plan", required=True, help="province slug: hoa-binh, thai-nguyen, ha-tinh or phu-tho")
    command.add_argument("--year", required=True, type=int, help="the year reported on")
    command.add_argument("--out", required=True, type=Path, help="the folder to write the two files to")
    command.add_argument("--language", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="language of the report")
    command.add_argument(
        "--as-of", type=date.fromisoformat, default=None, help="judge lateness as of this day (YYYY-MM-DD; today)"
    )
    command.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    """Write the report and print the files and the time it took; an unknown plan or year (exit 2) or a folder
    that cannot be written (exit 1) is said in both languages, with nothing written."""
    data = map_dataset()
    plan_id = plan_for_slug(data, arguments.plan)
    if plan_id is None:
        known = ", ".join(plan_slugs(data))
        print(in_both_languages("cli.unknown_plan", plan=arguments.plan, known=known), file=sys.stderr)
        return EXIT_UNKNOWN
    start, end = plan_years(data, plan_id)
    if not start <= arguments.year <= end:
        wording = {"value": arguments.year, "plan": arguments.plan, "start": start, "end": end}
        print(in_both_languages("report.unknown_year", **wording), file=sys.stderr)
        return EXIT_UNKNOWN
    language, began = arguments.language, time.perf_counter()
    try:
        written = write_report(data, plan_id, arguments.year, arguments.out, language, arguments.as_of or date.today())
    except OSError as problem:
        detail = problem.strerror or str(problem)
        print(in_both_languages("report.unwritable", path=arguments.out, detail=detail), file=sys.stderr)
        return EXIT_UNWRITABLE
    for path in (written.word, written.workbook):
        print(t("report.written", language, path=path))
    print(t("report.took", language, seconds=format_number(time.perf_counter() - began, language, 1)))
    return 0
