"""Indicator tables (one per core indicator, and one of province-level values): their columns and how they are
read from CSV files."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.paths import DEMO_TABLES

TABLE_COLUMNS: dict[str, list[str]] = {
    "awareness_campaigns": ["year", "district_code", "district_name", "campaigns", "participants"],
    "zone_awareness": ["year", "zone_code", "zone_name", "reached"],
    "eco_models": ["year", "district_code", "zone_code", "model_name", "model_type"],
    "green_retail_points": ["year", "point_name", "district_code", "address", "latitude", "longitude"],
    "eco_packaging": ["year", "district_code", "district_name", "supermarkets_total", "supermarkets_eco_packaging"],
    "province_values": ["year", "province_code", "indicator", "breakdown", "value"],
}
PROVINCE_VALUES = "province_values"
TEXT_COLUMNS = {
    "district_code",
    "district_name",
    "zone_code",
    "zone_name",
    "model_name",
    "model_type",
    "point_name",
    "address",
    "province_code",
    "indicator",
    "breakdown",
    "source",
}


def read_table(path: Path) -> pd.DataFrame:
    """Return one indicator table with codes kept as text and blanks as empty strings."""
    frame = pd.read_csv(path, dtype={column: str for column in TEXT_COLUMNS}, keep_default_na=False)
    return frame


def load_tables(folder: Path = DEMO_TABLES) -> dict[str, pd.DataFrame]:
    """Return every indicator table found in the folder, keyed by table name."""
    return {name: read_table(folder / f"{name}.csv") for name in TABLE_COLUMNS if (folder / f"{name}.csv").exists()}


def is_demo(tables: dict[str, pd.DataFrame]) -> bool:
    """Return whether any row shown comes from the bundled demonstration data."""
    return any((table.get("source", pd.Series(dtype=str)) == "demo").any() for table in tables.values())
