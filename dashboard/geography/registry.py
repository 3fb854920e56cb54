"""The official unit lists as shipped by the pinned registry package `vietnamadminunits` (MIT): the communes and
wards valid from 1 July 2025, the pre-reform districts, and the old-to-new ward conversion, read from the
installed package at run time (nothing of it is copied into the project)."""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from functools import cache
from pathlib import Path

import pandas as pd

PACKAGE = "vietnamadminunits"
COMMUNE_FROM = 2025
COMMUNE_EFFECTIVE = "2025-07-01"
COMMUNE_TYPES = {"Xã": "xa", "Phường": "phuong", "Đặc khu": "dac_khu"}
DISTRICT_TYPES = {"Huyện": "huyen", "Thị xã": "thi_xa", "Thành phố": "thanh_pho", "Quận": "quan"}


class RegistryMissingError(RuntimeError):
    """The registry package is not installed (the README's install command installs it)."""


def package_folder() -> Path:
    """Return the folder of the installed registry package, without importing it (its import parses every
    address table)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RegistryMissingError(f"{PACKAGE} is not installed: pip install -r requirements.txt")
    return Path(next(iter(spec.submodule_search_locations)))


def _query(sql: str) -> pd.DataFrame:
    """Return the rows of a query on the package's unit database, opened read-only."""
    database = package_folder() / "data" / "dataset.db"
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        return pd.read_sql_query(sql, connection)


def _units(sql: str, types: dict[str, str]) -> pd.DataFrame:
    """Return the units a query lists, with their type written as the project writes it, sorted by code."""
    frame = _query(sql)
    frame["type"] = frame["type"].map(types)
    return frame.sort_values("code").reset_index(drop=True)


@cache
def registry_communes() -> pd.DataFrame:
    """Return the 3,321 communes, wards and special zones valid from 1 July 2025: code, type, name, province
    code and name, location (WGS84) and area (km²) as the package gives them, sorted by code."""
    return _units(
        "SELECT wardCode AS code, wardType AS type, wardShort AS name, provinceCode AS province_code,"
        " provinceShort AS province_name, wardLat AS seat_lat, wardLon AS seat_lon, wardAreaKm2 AS area_km2,"
        " provinceKey AS province_key, wardKey AS ward_key FROM admin_units",
        COMMUNE_TYPES,
    )


@cache
def registry_districts() -> pd.DataFrame:
    """Return the 696 pre-reform districts (the last list before 1 July 2025): code, type, name and province
    code and name, sorted by code."""
    return _units(
        "SELECT DISTINCT districtCode AS code, districtType AS type, districtShort AS name,"
        " provinceCode AS province_code, provinceShort AS province_name, provinceKey AS province_key,"
        " districtKey AS district_key FROM admin_units_legacy",
        DISTRICT_TYPES,
    )


@cache
def registry_provinces() -> pd.DataFrame:
    """Return the 34 provinces valid from 1 July 2025 with the codes of the former provinces each is made of
    (space-separated), as the package's conversion gives them."""
    conversion = _conversion()
    legacy = _query("SELECT DISTINCT provinceCode AS code, provinceKey AS key FROM admin_units_legacy")
    old_codes = dict(zip(legacy["key"], legacy["code"], strict=True))
    today = _query("SELECT DISTINCT provinceCode AS province_code, provinceShort AS name, provinceKey FROM admin_units")
    today["predecessors"] = [
        " ".join(sorted(old_codes[key] for key in conversion["DICT_PROVINCE"][new_key]))
        for new_key in today.pop("provinceKey")
    ]
    return today.sort_values("province_code").reset_index(drop=True)


@cache
def _conversion() -> dict:
    """Return the package's old-to-new conversion tables."""
    return json.loads((package_folder() / "data" / "converter_2025.json").read_text(encoding="utf-8"))


@cache
def commune_predecessors() -> pd.DataFrame:
    """Return, for each commune valid from 1 July 2025, the former district its territory came from, one row per
    pair (code, district_code): a commune formed across a district border has a row for each district."""
    conversion = _conversion()
    communes = registry_communes()
    districts = registry_districts()
    district_of = {
        f"{row.province_key}_{row.district_key}": row.code for row in districts.itertuples() if row.district_key
    }
    sources: dict[tuple[str, str], set[str]] = {}
    for province_key, wards in conversion["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for ward_key, old_keys in wards.items():
            sources.setdefault((province_key, ward_key), set()).update(old_keys)
    for province_key, old_wards in conversion["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, new_wards in old_wards.items():
            for new_ward in new_wards:
                sources.setdefault((province_key, new_ward["newWardKey"]), set()).add(old_key)
    rows = []
    for commune in communes.itertuples():
        for old_key in sorted(sources.get((commune.province_key, commune.ward_key), ())):
            district = district_of.get("_".join(old_key.split("_")[:2]))
            if district is not None:
                rows.append((commune.code, district))
    return pd.DataFrame(rows, columns=["code", "district_code"]).drop_duplicates().reset_index(drop=True)


def registry_version() -> str:
    """Return the installed registry package's version."""
    from importlib.metadata import version

    return version(PACKAGE)
