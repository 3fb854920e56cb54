"""Command line: python -m dashboard assets install; python -m dashboard scorecard --plan PLAN --year YEAR."""

from __future__ import annotations

import argparse
import json
import logging
import sys

from dashboard.assets import install_assets
from dashboard.dataset import load_dataset
from dashboard.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from dashboard.scorecard import plan_for_slug, plan_slugs, scorecard, scorecard_records, scorecard_table

UNKNOWN_PLAN_EXIT = 2


def run_scorecard(plan: str, year: int, as_json: bool, language: str) -> int:
    """Print a plan's scorecard as of a year (a table, or JSON records) and return the exit code."""
    data = load_dataset()
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
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run a command and return its exit code."""
    parser = argparse.ArgumentParser(prog="python -m dashboard")
    commands = parser.add_subparsers(dest="command", required=True)
    assets = commands.add_parser("assets", help="front-end assets served by the app")
    assets.add_argument("action", choices=["install"], help="download pinned packages not yet installed")
    card = commands.add_parser("scorecard", help="every target of a plan, judged as of a year")
    card.add_argument("--plan", required=True, help="province slug: hoa-binh, thai-nguyen, ha-tinh or phu-tho")
    card.add_argument("--year", required=True, type=int, help="the year to judge the targets in")
    card.add_argument("--json", action="store_true", help="one JSON object per target instead of a table")
    card.add_argument("--language", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="language of the table")
    arguments = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if arguments.command == "scorecard":
        return run_scorecard(arguments.plan, arguments.year, arguments.json, arguments.language)
    installed = install_assets()
    logging.info("front-end assets: %s", ", ".join(installed) or "already installed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
