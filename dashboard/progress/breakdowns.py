"""Province values broken down: material-consumption reduction by sector, budget by the plan's tasks (the
amount the plan gives each and what was spent) and funding source."""

from __future__ import annotations

import pandas as pd

from dashboard.core.i18n import format_number, format_percent, t
from dashboard.dataset import Dataset
from dashboard.progress.figures import province_rows


def sector_reductions(data: Dataset, province_code: str, indicator: str, language: str) -> pd.DataFrame:
    """Return each sector's percent reduction from the plan's baseline-year level, by year (no data as such)."""
    baseline_year = int(data.plan_of(province_code)["baseline_year"])
    rows = province_rows(data, province_code, indicator)
    levels = rows.pivot_table(index="breakdown", columns="year", values="value", aggfunc="mean")
    if levels.empty or baseline_year not in levels.columns:
        return pd.DataFrame()
    reductions = levels.rsub(levels[baseline_year], axis=0).mul(100).div(levels[baseline_year], axis=0)
    table = reductions.map(lambda value: format_percent(value, language))
    table.columns = [str(year) for year in table.columns]
    return table.rename_axis(t("scorecard.column_breakdown", language)).reset_index()


def budget_by_task(data: Dataset, province_code: str, components: list[str], year: int, language: str) -> pd.DataFrame:
    """Return, for every task of the plan in its order, the budget the plan gives it and what was spent from the
    plan's start to the year by funding source (no data where a source has no row), the total spent and its share
    of the task's budget; a last row totals them. Spending on a task the plan does not list has its own row."""
    plan = data.plan_of(province_code)
    start = int(plan["period_start"])
    tasks = data.tasks.of_plan(plan["plan_id"])
    frames = []
    for indicator in components:
        rows = province_rows(data, province_code, indicator)
        rows = rows[(rows["year"] >= start) & (rows["year"] <= year)]
        frames.append(rows.groupby("breakdown")["value"].sum().rename(indicator))
    spent = pd.concat(frames, axis=1) if frames else pd.DataFrame()
    if spent.empty and not any(task.budget_million_vnd is not None for task in tasks):
        return pd.DataFrame()
    order = [task.number for task in tasks] + sorted(set(spent.index) - {task.number for task in tasks})
    table = spent.reindex(index=order, columns=components)
    planned = {task.number: task.budget_million_vnd for task in tasks}
    table.insert(
        0, "planned", [float(planned[number]) if planned.get(number) is not None else None for number in order]
    )
    table["budget_total"] = table[components].sum(axis=1).where(table[components].notna().all(axis=1))
    table.loc[t("breakdowns.total", language)] = table.sum(axis=0, min_count=1)
    table["share"] = table["budget_total"] * 100 / table["planned"]
    titles = {task.number: task.title_vi if language == "vi" else task.title_en for task in tasks}
    shown = table.map(lambda value: format_number(value, language, 1))
    shown["share"] = table["share"].map(lambda value: format_percent(value, language))
    names = {code: data.catalogue.loc[code, f"name_{language}"] for code in [*components, "budget_total"]}
    names |= {"planned": t("breakdowns.planned", language), "share": t("breakdowns.share_spent", language)}
    shown = shown.rename(columns=names)
    shown.insert(0, t("tasks.column_title", language), [titles.get(number, "") for number in shown.index])
    return shown.rename_axis(t("tasks.column_number", language)).reset_index()


def plan_breakdowns(data: Dataset, plan_id: str, year: int, language: str) -> dict[str, pd.DataFrame]:
    """Return the breakdown tables of a plan's targets, keyed by indicator: sectors for reductions, tasks and
    sources for the budget."""
    plan = data.plans.set_index("plan_id").loc[plan_id]
    province_code = plan["province_code"]
    tables = {}
    for indicator in data.targets[data.targets["plan_id"] == plan_id]["indicator"].unique():
        info = data.catalogue.loc[indicator]
        if info["breakdown"] == "sector":
            tables[indicator] = sector_reductions(data, province_code, indicator, language)
        elif info["aggregation"] == "sum_of":
            tables[indicator] = budget_by_task(data, province_code, info["components"].split(";"), year, language)
    return {indicator: table for indicator, table in tables.items() if not table.empty}
