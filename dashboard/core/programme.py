"""The programme's reference lists read from indicators/: the provincial plans, their targets and the indicator
catalogue; intake checks uploads against them and dashboard.progress judges values by them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.core.paths import INDICATORS


def load_plans(folder: Path = INDICATORS) -> pd.DataFrame:
    """Return the provincial plans, one row each, keyed by plan_id (the province slug)."""
    return pd.read_csv(folder / "plans.csv", dtype={"province_code": str}, keep_default_na=False)


def load_targets(folder: Path = INDICATORS) -> pd.DataFrame:
    """Return every target: plan, indicator, scope, year, minimum and (for ranges) stretch value."""
    frame = pd.read_csv(folder / "targets.csv", keep_default_na=False, na_values={"target_stretch": [""]})
    frame["target_min"] = frame["target_min"].astype(float)
    frame["target_stretch"] = frame["target_stretch"].astype(float)
    return frame


def load_catalogue(folder: Path = INDICATORS) -> pd.DataFrame:
    """Return the indicator catalogue indexed by indicator code."""
    frame = pd.read_csv(folder / "catalogue.csv", keep_default_na=False)
    frame["core"] = frame["core"].astype(str).str.lower() == "true"
    return frame.set_index("indicator")
