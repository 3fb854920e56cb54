"""Provinces, district-level units and zones, each with the years it is valid in."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.core.i18n import t
from dashboard.core.paths import GEODATA

OPEN_START = 0
OPEN_END = 9999


def _with_validity(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the frame with blank validity years replaced by open bounds, as integers."""
    frame = frame.copy()
    frame["valid_from"] = frame["valid_from"].fillna(OPEN_START).astype(int)
    frame["valid_to"] = frame["valid_to"].fillna(OPEN_END).astype(int)
    return frame


def load_provinces(folder: Path = GEODATA) -> pd.DataFrame:
    """Return the provinces with code, slug, name, validity and seat."""
    frame = pd.read_csv(folder / "provinces.csv", dtype={"province_code": str})
    return _with_validity(frame)


def load_units(folder: Path = GEODATA) -> pd.DataFrame:
    """Return every version of every district-level unit (one row per code and validity period)."""
    frame = pd.read_csv(
        folder / "units.csv",
        dtype={"code": str, "province_code": str, "merged_into": str, "note": str},
        keep_default_na=False,
        na_values={"valid_from": [""], "valid_to": [""]},
    )
    return _with_validity(frame)


def load_zones(folder: Path = GEODATA) -> pd.DataFrame:
    """Return the industrial zones, clusters, economic zones and craft villages."""
    frame = pd.read_csv(
        folder / "zones.csv",
        dtype={"province_code": str, "district_code": str, "note": str},
        keep_default_na=False,
    )
    frame["location_approximate"] = frame["location_approximate"].astype(str).str.lower() == "true"
    return frame


def valid_in(frame: pd.DataFrame, year: int) -> pd.DataFrame:
    """Return the rows of a frame with validity columns that are valid in the year."""
    return frame[(frame["valid_from"] <= year) & (frame["valid_to"] >= year)]


def units_of(units: pd.DataFrame, province_code: str, year: int) -> pd.DataFrame:
    """Return the district-level units of a province valid in a year, sorted by code."""
    chosen = valid_in(units[units["province_code"] == province_code], year)
    return chosen.sort_values("code").reset_index(drop=True)


def full_name(unit_type: str, name: str, language: str) -> str:
    """Return a unit's name with its type, as written in the language (Huyện Đoan Hùng, Đoan Hùng District)."""
    return t(f"unit_type.{unit_type}", language, name=name)
