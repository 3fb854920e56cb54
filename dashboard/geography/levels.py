"""Administrative levels and the years they exist (the district level ends in 2025, the commune level follows)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd

from dashboard.core.paths import GEODATA

LAYER_LEVELS = ("district", "commune")


def load_levels(folder: Path = GEODATA) -> pd.DataFrame:
    """Return the administrative levels, keyed by level, with the years they exist and the file listing their
    units (empty when no list is bundled)."""
    return pd.read_csv(folder / "levels.csv", keep_default_na=False, dtype=str).set_index("level")


@cache
def _reporting_years(folder: Path = GEODATA) -> tuple[tuple[str, int, int], ...]:
    """Return each level below the province with the first and last year reported by it."""
    levels = load_levels(folder).loc[list(LAYER_LEVELS)]
    return tuple(
        (str(level), int(row["reported_from"] or 0), int(row["reported_to"] or 9999))
        for level, row in levels.iterrows()
    )


def first_reported(level: str, folder: Path = GEODATA) -> int:
    """Return the first year reported by a level (2026 for communes)."""
    return next(first for name, first, _ in _reporting_years(folder) if name == level)


def reported_level(year: int, folder: Path = GEODATA) -> str:
    """Return the level a year's results are reported by: district until 2025, commune from 2026."""
    for level, first, last in _reporting_years(folder):
        if first <= year <= last:
            return level
    return LAYER_LEVELS[0]


def first_reported_year(level: str, folder: Path = GEODATA) -> int:
    """Return the first year a level's units report results (the commune level: 2026)."""
    return next(first for name, first, _ in _reporting_years(folder) if name == level)
