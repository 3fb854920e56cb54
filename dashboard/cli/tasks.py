"""`tasks`: a plan's task register (number, title, agencies, period, outputs, budget), as a table or JSON."""

from __future__ import annotations

import argparse
import json
import sys

from dashboard.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, in_both_languages, t
from dashboard.dataset import load_dataset
from dashboard.progress.scorecard import plan_for_slug, plan_slugs
from dashboard.progress.tasks import task_records, task_table

UNKNOWN_PLAN_EXIT = 2


def add_command(commands: argparse._SubParsersAction) -> None:
    """Add `tasks` to the command line."""
    command = commands.add_parser("tasks", help="a plan's tasks: agencies, period, outputs and budget")
    command.add_argument("--plan", required=True, help="province slug: hoa-binh, thai-nguyen, ha-tinh or phu-tho")
    command.add_argument("--json", action="store_true", help="one JSON object per task instead of a table")
    command.add_argument("--language", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="language of the table")
    command.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    """Print a plan's tasks (a table, or JSON records); return the exit code (2 for a plan that does not exist)."""
    plan, language = arguments.plan, arguments.language
    data = load_dataset()
    plan_id = plan_for_slug(data, plan)
    if plan_id is None:
        known = ", ".join(plan_slugs(data))
        print(in_both_languages("cli.unknown_plan", plan=plan, known=known), file=sys.stderr)
        return UNKNOWN_PLAN_EXIT
    if arguments.json:
        print(json.dumps(task_records(data, plan_id, plan), ensure_ascii=False, indent=2))
        return 0
    plan_row = data.plans.set_index("plan_id").loc[plan_id]
    province = data.province(plan_row["province_code"])["name"]
    print(
        t(
            "cli.tasks_heading",
            language,
            province=province,
            plan=plan_row["document"],
            count=len(data.tasks.of_plan(plan_id)),
        )
    )
    print(task_table(data, plan_id, language).to_string(index=False))
    return 0
