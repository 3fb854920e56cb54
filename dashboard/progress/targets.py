"""A plan's targets as values to judge by: the targets of an indicator, the one a year is judged against, and
the catalogue's class breaks."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd


def district_breaks(catalogue: pd.DataFrame, indicator: str) -> list[float]:
    """Return the catalogue's class breaks for district values of an indicator."""
    text = catalogue.loc[indicator, "district_breaks"]
    return [float(part) for part in text.split(";")] if text else []


@dataclass(frozen=True)
class Target:
    """One target of a plan: reached when a value is at least target_min; approximate for "khoảng" (about).
    A target a task's output sets names the task and whether it counts a year ("a year") or the task's period."""

    plan_id: str
    indicator: str
    scope: str
    year: int
    minimum: float
    stretch: float | None
    text_vi: str
    approximate: bool = False
    task: str = ""
    per: str = ""


def target_of(row: object) -> Target:
    """Return the Target of one row of the targets frame (from itertuples)."""
    return Target(
        plan_id=row.plan_id,
        indicator=row.indicator,
        scope=row.scope,
        year=int(row.target_year),
        minimum=row.target_min,
        stretch=None if math.isnan(row.target_stretch) else row.target_stretch,
        text_vi=row.text_vi,
        approximate=bool(row.approximate),
        task=row.task,
        per=row.per,
    )


def plan_targets(targets: pd.DataFrame, plan_id: str, indicator: str, scope: str = "province") -> list[Target]:
    """Return a plan's own targets for an indicator and scope (not those of its tasks' outputs), earliest year
    first."""
    rows = targets[
        (targets["plan_id"] == plan_id)
        & (targets["indicator"] == indicator)
        & (targets["scope"] == scope)
        & (targets["task"] == "")
    ].sort_values("target_year")
    return [target_of(row) for row in rows.itertuples()]


def target_for_year(targets: list[Target], year: int) -> Target | None:
    """Return the target that a value of the year is judged against: the next one due, else the last."""
    if not targets:
        return None
    upcoming = [target for target in targets if target.year >= year]
    return upcoming[0] if upcoming else targets[-1]
