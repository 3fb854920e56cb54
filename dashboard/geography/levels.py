"""Administrative levels and the years they exist (the district level ends in 2025, the commune level follows)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.core.paths import GEODATA

LAYER_LEVELS = ("district", "commune")


def load_levels(folder: Path = GEODATA) -> pd.DataFrame:
    """Return the administrative levels, keyed by level, with the years they exist and the file listing their
    units (empty when no list is bundled)."""
    return pd.read_csv(folder / "levels.csv", keep_default_na=False, dtype=str).set_index("level")
