"""How progress towards a target is judged: one rule set for the map, the scorecard, the charts and the CLI.

A value at or above the stretch of a range is exceeded, at or above the minimum is met. Below the minimum, before
the target year, it is on track when at or above the straight path from the baseline (drawn from the plan's
baseline year) to the minimum, and behind otherwise; from the target year on it is behind. A milestone (done or
not) is on track until its year. A missing value is no data: never zero, never interpolated.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from dashboard.progress.targets import Target

EXCEEDED, MET, ON_TRACK, BEHIND, NO_DATA, NO_TARGET = "exceeded", "met", "on_track", "behind", "no_data", "no_target"
STATUSES = (EXCEEDED, MET, ON_TRACK, BEHIND, NO_DATA)
PATH_FROM_ZERO, PATH_FROM_FIRST_VALUE, NO_PATH, BY_DEADLINE = "zero", "first_value", "none", "deadline"


@dataclass(frozen=True)
class Baseline:
    """Where the path to a target starts: the plan's baseline year and the value it is drawn from."""

    year: int
    value: float
    value_year: int


def is_missing(value: float | None) -> bool:
    """Return whether a value is absent (None or NaN)."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def baseline_of(series: pd.Series, baseline_year: int, path_from: str) -> Baseline | None:
    """Return the baseline of a yearly series: zero in the baseline year for cumulative figures and reductions;
    otherwise the baseline year's value, or the first value reported after it (None when there is none)."""
    if path_from == PATH_FROM_ZERO:
        return Baseline(baseline_year, 0.0, baseline_year)
    if path_from in (NO_PATH, BY_DEADLINE):
        return None
    known = series[series.index >= baseline_year].dropna()
    if known.empty:
        return None
    return Baseline(baseline_year, float(known.iloc[0]), int(known.index[0]))


def path_value(baseline: Baseline, target: Target, year: int) -> float:
    """Return the value on the straight path from the baseline (in the plan's baseline year) to the target's
    minimum in its year; the target's minimum from the target year on."""
    if year >= target.year or target.year <= baseline.year:
        return target.minimum
    share = max(0, year - baseline.year) / (target.year - baseline.year)
    return baseline.value + (target.minimum - baseline.value) * share


def needs_path(value: float | None, year: int, target: Target | None) -> bool:
    """Return whether judging the value needs the path to the target (below the minimum, before the target year)."""
    return not is_missing(value) and target is not None and value < target.minimum and year < target.year


def status(
    value: float | None, year: int, target: Target | None, baseline: Baseline | None, path_from: str = ""
) -> str:
    """Return the status of a value of a year against a target: exceeded, met, on_track, behind or no_data
    (no_target when the plan sets none). A milestone due by a year (path_from deadline: done or not) that is
    not done yet is on track until that year."""
    if is_missing(value):
        return NO_DATA
    if target is None:
        return NO_TARGET
    if target.stretch is not None and value >= target.stretch:
        return EXCEEDED
    if value >= target.minimum:
        return MET
    if path_from == BY_DEADLINE and year < target.year:
        return ON_TRACK
    if year >= target.year or baseline is None:
        return BEHIND
    return ON_TRACK if value >= path_value(baseline, target, year) else BEHIND


def status_of_series(series: pd.Series, year: int, target: Target | None, baseline_year: int, path_from: str) -> str:
    """Return the status of a yearly series (year -> value, NaN for no data) in a year."""
    value = series.get(year)
    return status(None if value is None else float(value), year, target, baseline_of(series, baseline_year, path_from))
