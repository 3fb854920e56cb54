"""`scorecard`: every target of a plan judged as of a year, as a table or JSON records."""

from __future__ import annotations

import argparse
import json
import sys

from dashboard.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, in_both_languages, t
from dashboard.core.settings import load_settings
from dashboard.dataset import load_dataset
from dashboard.intake.uploads import open_store, store_tables
from dashboard.progress.scorecard import plan_for_slug, plan_slugs, scorecard, scorecard_records, scorecard_table

UNKNOWN_PLAN_EXIT = 2


def add_command(commands: argparse._SubParsersAction) -> None:
    """Add `scorecard` to the command line."""
    command = commands.add_parser("scorecard", help="every target of a plan, judged as of a year")
    command.add_argument("--plan", required=True, help="province slug: hoa-binh, thai-nguyen, ha-tinh or phu-tho")
    command.add_argument("--year", required=True, type=int, help="the year to judge the targets in")
    command.add_argument("--json", action="store_true", help="one JSON object per target instead of a table")
    command.add_argument("--language", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="language of the table")
    command.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    """Print a plan's scorecard as of a year from the store (a table, or JSON records); return the exit code."""
    settings = load_settings()
    plan, language = arguments.plan, arguments.language
    store = open_store(settings)
    data = load_dataset(tables=store_tables(store), store=store)
    plan_id = plan_for_slug(data, plan)
    if plan_id is None:
        known = ", ".join(plan_slugs(data))
        print(in_both_languages("cli.unknown_plan", plan=plan, known=known), file=sys.stderr)
        return UNKNOWN_PLAN_EXIT
    rows = scorecard(data, plan_id, arguments.year)
    if arguments.json:
        print(json.dumps(scorecard_records(plan, rows), ensure_ascii=False, indent=2))
    else:
        table = scorecard_table(data, rows, language).drop(columns=t("scorecard.column_trend", language))
        plan_row = data.plans.set_index("plan_id").loc[plan_id]
        province = data.province(plan_row["province_code"])["name"]
        print(t("cli.scorecard_heading", language, province=province, plan=plan_row["document"], year=arguments.year))
        print(table.to_string(index=False))
    return 0
