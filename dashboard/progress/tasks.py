"""A plan's tasks as a department reads them: a table in words, and plain records for JSON."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from dashboard.core.i18n import format_number, t
from dashboard.core.tasks import Task, TaskOutput
from dashboard.dataset import Dataset


def plain_number(number: Decimal | None) -> int | float | None:
    """Return a register number for JSON: whole numbers as integers, None kept."""
    if number is None:
        return None
    return int(number) if number == number.to_integral_value() else float(number)


def output_name(data: Dataset, kind: str, language: str) -> str:
    """Return what an output kind is called: its catalogue indicator's name, else the name of the kind."""
    if kind in data.catalogue.index:
        return data.catalogue.loc[kind, f"name_{language}"]
    return t(f"task_output.{kind}", language)


def quantity_text(output: TaskOutput, language: str) -> str:
    """Return an output's quantity in words: '3–5 a year', 'about 50 in the period', '' when it has none."""
    if output.quantity_min is None:
        return ""
    quantity = format_number(float(output.quantity_min), language, 0)
    if output.quantity_stretch is not None:
        stretch = format_number(float(output.quantity_stretch), language, 0)
        quantity = t("tasks.range", language, minimum=quantity, stretch=stretch)
    if output.approximate:
        quantity = t("tasks.about", language, quantity=quantity)
    return t(f"tasks.per_{output.per}", language, quantity=quantity)


def output_text(data: Dataset, output: TaskOutput, language: str) -> str:
    """Return an output in words: its name, with its quantity where the plan gives one."""
    quantity = quantity_text(output, language)
    name = output_name(data, output.kind, language)
    return f"{name}: {quantity}" if quantity else name


def agency_names(data: Dataset, codes: tuple[str, ...], language: str) -> str:
    """Return the names of agencies in the language, joined by semicolons."""
    return "; ".join(getattr(data.tasks.agencies[code], f"name_{language}") for code in codes)


def period_text(task: Task, language: str) -> str:
    """Return when a task is due in words: '2021–2025', 'every year 2021–2030', 'by the end of 2024'."""
    if task.start_year is None:
        return t("tasks.deadline", language, year=task.end_year)
    span = str(task.start_year) if task.start_year == task.end_year else f"{task.start_year}–{task.end_year}"
    return t(f"tasks.schedule_{task.schedule}", language, span=span)


def task_table(data: Dataset, plan_id: str, language: str) -> pd.DataFrame:
    """Return a plan's tasks, one row each: number, title, lead, partners, period, outputs and budget."""
    tasks = data.tasks.of_plan(plan_id)
    title = "title_vi" if language == "vi" else "title_en"
    return pd.DataFrame(
        {
            t("tasks.column_number", language): [task.number for task in tasks],
            t("tasks.column_title", language): [getattr(task, title) for task in tasks],
            t("tasks.column_lead", language): [agency_names(data, task.leads, language) for task in tasks],
            t("tasks.column_partners", language): [agency_names(data, task.partners, language) for task in tasks],
            t("tasks.column_period", language): [period_text(task, language) for task in tasks],
            t("tasks.column_outputs", language): [
                "; ".join(output_text(data, output, language) for output in task.outputs) for task in tasks
            ],
            t("tasks.column_budget", language): [
                "" if task.budget_million_vnd is None else format_number(float(task.budget_million_vnd), language, 0)
                for task in tasks
            ],
        }
    )


def output_record(output: TaskOutput) -> dict[str, object]:
    """Return an output as plain data for JSON."""
    return {
        "kind": output.kind,
        "text": output.text_vi,
        "quantity_min": plain_number(output.quantity_min),
        "quantity_stretch": plain_number(output.quantity_stretch),
        "per": output.per or None,
        "approximate": output.approximate,
    }


def task_records(data: Dataset, plan_id: str, slug: str) -> list[dict[str, object]]:
    """Return a plan's tasks as plain records for JSON, one object per task; lead_agency is the first (in
    Hòa Bình's task 17 and Hà Tĩnh's joint tasks, one of two) lead agencies, all of them in lead_agencies."""
    return [
        {
            "plan": slug,
            "number": task.number,
            "section": task.section or None,
            "title": task.title_vi,
            "title_en": task.title_en,
            "lead_agency": task.leads[0],
            "lead_agencies": list(task.leads),
            "partners": list(task.partners),
            "period": task.period_vi or None,
            "schedule": task.schedule,
            "start_year": task.start_year,
            "end_year": task.end_year,
            "outputs": [output_record(output) for output in task.outputs],
            "budget_million_vnd": plain_number(task.budget_million_vnd),
            "notes": task.notes or None,
        }
        for task in data.tasks.of_plan(plan_id)
    ]
