"""The programme's reference lists read from indicators/: the provincial plans, their targets (with those the task
outputs set) and the indicator catalogue; intake checks uploads against them and dashboard.progress judges values
by them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.core.paths import INDICATORS
from dashboard.core.tasks import load_task_register, output_targets


def load_plans(folder: Path = INDICATORS) -> pd.DataFrame:
    """Return the provincial plans, one row each, keyed by plan_id (the province slug)."""
    return pd.read_csv(folder / "plans.csv", dtype={"province_code": str}, keep_default_na=False)


def load_targets(folder: Path = INDICATORS) -> pd.DataFrame:
    """Return every target: plan, indicator, scope, year, minimum and (for ranges) stretch value, whether it is
    approximate ("khoảng"), and, for the targets the task outputs set, the task and per (year or period)."""
    frame = pd.read_csv(folder / "targets.csv", keep_default_na=False, na_values={"target_stretch": [""]})
    frame["approximate"] = frame["approximate"].str.strip().str.lower() == "yes"
    frame = frame.assign(task="", per="")
    frame = pd.concat([frame, output_targets(load_task_register(folder))], ignore_index=True)
    frame["target_min"] = frame["target_min"].astype(float)
    frame["target_stretch"] = frame["target_stretch"].astype(float)
    frame["target_year"] = frame["target_year"].astype(int)
    return frame


def load_catalogue(folder: Path = INDICATORS) -> pd.DataFrame:
    """Return the indicator catalogue indexed by indicator code."""
    frame = pd.read_csv(folder / "catalogue.csv", keep_default_na=False)
    frame["core"] = frame["core"].astype(str).str.lower() == "true"
    return frame.set_index("indicator")
