"""Rows and columns in the words a department uses: a row by its year and its unit's official name (never its
key, 2025|238), a column by its header in the template (never its contract name)."""

from __future__ import annotations

from functools import cache

from dashboard.core.programme import load_catalogue
from dashboard.geography.units import full_name, load_provinces, load_units, load_zones
from dashboard.intake.tables import table_specs

SEPARATOR = " · "


@cache
def _names(language: str) -> dict[str, dict[str, str]]:
    """Return the official names of units, zones, provinces and indicators, by column and code, in the language
    (a unit renamed over the years by its latest name)."""
    units = load_units().drop_duplicates("code", keep="last")
    catalogue = load_catalogue()
    return {
        "unit_code": {
            code: full_name(unit_type, name, language)
            for code, unit_type, name in units[["code", "type", "name"]].itertuples(index=False)
        },
        "zone_code": dict(zip(load_zones()["zone_code"], load_zones()["name"], strict=True)),
        "province_code": dict(zip(load_provinces()["province_code"], load_provinces()["name"], strict=True)),
        "indicator": dict(zip(catalogue.index, catalogue[f"name_{language}"], strict=True)),
    }


NAME_COLUMNS = {"unit_code": "unit_name", "zone_code": "zone_name"}


def row_label(table: str, values: dict[str, str], language: str) -> str:
    """Return a row as a department names it: its key's year and units by their names ('2025 · Huyện Thanh Sơn');
    the row's own name for a unit the lists do not hold, else its code."""
    names = _names(language)
    parts = []
    for column in table_specs()[table].key:
        value = str(values.get(column, "") or "")
        if not value:
            continue
        own_name = str(values.get(NAME_COLUMNS.get(column, ""), "") or "")
        parts.append(names.get(column, {}).get(value) or own_name or value)
    return SEPARATOR.join(parts)


def key_label(table: str, key: str, language: str) -> str:
    """Return a row named by its key in the store (2025|238) as a department names it (2025 · Huyện Thanh Sơn)."""
    return row_label(table, dict(zip(table_specs()[table].key, key.split("|"), strict=False)), language)


def column_header(table: str, column: str) -> str:
    """Return a column as the template heads it (a column outside the table keeps its name)."""
    return table_specs()[table].headers.get(column, column)
