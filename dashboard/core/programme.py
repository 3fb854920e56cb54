"""The programme's reference lists read from indicators/: the provincial plans, their targets (with those the task
outputs set) and the indicator catalogue; intake checks uploads against them and dashboard.progress judges values
by them."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from dashboard.core.paths import INDICATORS
from dashboard.core.tasks import TaskRegister, load_task_register, output_targets


def load_plans(folder: Path = INDICATORS) -> pd.DataFrame:
    """Return the provincial plans, one row each, keyed by plan_id (the province slug)."""
    return pd.read_csv(folder / "plans.csv", dtype={"province_code": str}, keep_default_na=False)


def load_targets(folder: Path = INDICATORS) -> pd.DataFrame:
    """Return every target: plan, indicator, scope, year, minimum and (for ranges) stretch value, whether it is
    approximate ("khoảng"), and, for the targets the task outputs set, the task and per (year or period)."""
    return targets_from(read_targets_text(folder), load_task_register(folder))


def read_targets_text(folder: Path = INDICATORS) -> pd.DataFrame:
    """Return targets.csv as text cells, every column as written."""
    return pd.read_csv(folder / "targets.csv", dtype=str, keep_default_na=False)


def targets_from(text: pd.DataFrame, register: TaskRegister) -> pd.DataFrame:
    """Return the targets typed from their text cells, with the targets the register's task outputs set."""
    frame = pd.read_csv(
        io.StringIO(text.to_csv(index=False)), keep_default_na=False, na_values={"target_stretch": [""]}
    )
    frame["approximate"] = frame["approximate"].astype(str).str.strip().str.lower() == "yes"
    frame = frame.assign(task="", per="")
    frame = pd.concat([frame, output_targets(register)], ignore_index=True)
    frame["target_min"] = frame["target_min"].astype(float)
    frame["target_stretch"] = frame["target_stretch"].astype(float)
    frame["target_year"] = frame["target_year"].astype(int)
    return frame


def plans_from(text: pd.DataFrame) -> pd.DataFrame:
    """Return plans typed from their text cells as load_plans types them."""
    return pd.read_csv(io.StringIO(text.to_csv(index=False)), dtype={"province_code": str}, keep_default_na=False)


def load_catalogue(folder: Path = INDICATORS) -> pd.DataFrame:
    """Return the indicator catalogue indexed by indicator code."""
    frame = pd.read_csv(folder / "catalogue.csv", keep_default_na=False)
    frame["core"] = frame["core"].astype(str).str.lower() == "true"
    return frame.set_index("indicator")
