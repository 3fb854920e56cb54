"""A plan and its targets as a table a department can read."""

from __future__ import annotations

import pandas as pd

from dashboard.core.i18n import format_date, format_number, t
from dashboard.dataset import Dataset


def plan_summary(plan: pd.Series, language: str) -> str:
    """Return the plan's document, date and period in one line."""
    period = t("plan.period", language, start=plan["period_start"], end=plan["period_end"])
    if plan["vision_year"]:
        period += t("plan.vision", language, year=plan["vision_year"])
    return f"{t('plan.heading', language, document=plan['document'], issued=format_date(plan['issued']))}. {period}."


def minimum_text(value: float, approximate: bool, language: str) -> str:
    """Return a target's minimum, marked 'about' when the plan says "khoảng"."""
    number = format_number(value, language, 2)
    return t("target.about", language, value=number) if approximate else number


def targets_table(data: Dataset, plan_id: str, language: str) -> pd.DataFrame:
    """Return every target of a plan: the plan's own words first, then indicator, the task whose output it is,
    scope, year, minimum (marked 'about' where approximate), stretch and unit."""
    rows = data.targets[data.targets["plan_id"] == plan_id]
    catalogue = data.catalogue
    return pd.DataFrame(
        {
            t("plan.column_text", language): rows["text_vi"].values,
            t("plan.column_indicator", language): [
                catalogue.loc[code, f"name_{language}"] for code in rows["indicator"]
            ],
            t("plan.column_task", language): rows["task"].values,
            t("plan.column_scope", language): [t(f"scope.{scope}", language) for scope in rows["scope"]],
            t("plan.column_year", language): rows["target_year"].astype(str).values,
            t("plan.column_min", language): [
                minimum_text(value, approximate, language)
                for value, approximate in zip(rows["target_min"], rows["approximate"], strict=True)
            ],
            t("plan.column_stretch", language): [
                "" if pd.isna(value) else format_number(value, language, 2) for value in rows["target_stretch"]
            ],
            t("plan.column_unit", language): [
                t(f"unit.{catalogue.loc[code, 'unit']}", language) for code in rows["indicator"]
            ],
        }
    )
