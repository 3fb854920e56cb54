"""Provinces, units (the districts of `units.csv` until 2025, the communes and wards of the registry package from
1 July 2025) and zones, each with its level and the years it is valid in."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.core.i18n import t
from dashboard.core.paths import GEODATA
from dashboard.geography.levels import reported_level
from dashboard.geography.registry import COMMUNE_FROM, registry_communes

OPEN_START = 0
OPEN_END = 9999


def _with_validity(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the frame with blank validity years replaced by open bounds, as integers."""
    frame = frame.copy()
    frame["valid_from"] = frame["valid_from"].fillna(OPEN_START).astype(int)
    frame["valid_to"] = frame["valid_to"].fillna(OPEN_END).astype(int)
    return frame


def load_provinces(folder: Path = GEODATA) -> pd.DataFrame:
    """Return the provinces with code, slug, name, validity, seat and, for the provinces of 1 July 2025, the codes
    of the former provinces they are made of."""
    frame = pd.read_csv(
        folder / "provinces.csv",
        dtype={"province_code": str, "predecessors": str},
        keep_default_na=False,
        na_values={"valid_from": [""], "valid_to": [""]},
    )
    return _with_validity(frame)


def load_districts(folder: Path = GEODATA) -> pd.DataFrame:
    """Return every version of every district-level unit of `units.csv` (one row per code and validity period)."""
    frame = pd.read_csv(
        folder / "units.csv",
        dtype={"code": str, "province_code": str, "merged_into": str, "note": str},
        keep_default_na=False,
        na_values={"valid_from": [""], "valid_to": [""]},
    )
    frame["level"] = "district"
    return _with_validity(frame)


def load_communes() -> pd.DataFrame:
    """Return the communes, wards and special zones valid from 1 July 2025, as the registry package lists them,
    in the columns of `units.csv` with level "commune"."""
    registry = registry_communes()
    return pd.DataFrame(
        {
            "code": registry["code"],
            "province_code": registry["province_code"],
            "type": registry["type"],
            "name": registry["name"],
            "valid_from": COMMUNE_FROM,
            "valid_to": OPEN_END,
            "merged_into": "",
            "seat": "",
            "seat_lat": registry["seat_lat"],
            "seat_lon": registry["seat_lon"],
            "area_km2": registry["area_km2"],
            "note": "",
            "level": "commune",
        }
    )


def load_units(folder: Path = GEODATA) -> pd.DataFrame:
    """Return every version of every unit below the province, with its level: the districts of `units.csv` and
    the communes of the registry package."""
    return pd.concat([load_districts(folder), load_communes()], ignore_index=True)


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


def at_level(units: pd.DataFrame, level: str) -> pd.DataFrame:
    """Return the units of one level (district or commune), every version."""
    return units[units["level"] == level]


def units_of(units: pd.DataFrame, province_code: str, year: int, level: str | None = None) -> pd.DataFrame:
    """Return the units of a province valid in a year at a level, sorted by code, each with its level and
    validity; without a level, the level the year is reported by (districts until 2025, communes from 2026)."""
    chosen_level = level or reported_level(year)
    chosen = valid_in(units[(units["province_code"] == province_code) & (units["level"] == chosen_level)], year)
    return chosen.sort_values("code").reset_index(drop=True)


def full_name(unit_type: str, name: str, language: str) -> str:
    """Return a unit's name with its type, as written in the language (Huyện Đoan Hùng, Đoan Hùng District)."""
    return t(f"unit_type.{unit_type}", language, name=name)
