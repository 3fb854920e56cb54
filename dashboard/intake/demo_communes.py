"""Demonstration rows for the years reported by commune (2026), made at run time from the commune list of the
installed registry package (which must not be copied into the project), for the provinces that have a plan and
communes: the merged Phú Thọ, Thái Nguyên and Hà Tĩnh. Every row carries source = "demo"; the figures are
invented, the same every run."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.geography.units import full_name, units_of
from dashboard.intake.demo import MODEL_TYPES, NO_REPORT_SHARE, POINT_KINDS, SECTORS
from dashboard.intake.tables import PROVINCE_VALUES, read_table, table_specs, typed_table

COMMUNE_YEARS = range(2026, 2027)
SEED = 2026
SUPERMARKETS = {"phuong": (1, 7), "xa": (0, 3), "dac_khu": (0, 3)}
MODELS_PER_YEAR = (1, 4)
POINTS_PER_YEAR = (1, 4)
SEAT_JITTER_DEG = 0.003
REDUCTION_BY_2026 = (4.0, 9.0)


def _merged_provinces(units: pd.DataFrame, plans: pd.DataFrame) -> list[str]:
    """Return the provinces with a plan that have communes in the first commune year, by code."""
    return sorted(code for code in plans["province_code"] if not units_of(units, code, COMMUNE_YEARS.start).empty)


def _former_zones(zones: pd.DataFrame, provinces: pd.DataFrame, province: str) -> pd.DataFrame:
    """Return the zones of a province's former provinces (Hòa Bình's zones are Phú Thọ's from 2026)."""
    row = provinces[provinces["province_code"] == province]
    formers = str(row.iloc[0]["predecessors"]).split() if len(row) else [province]
    return zones[zones["province_code"].isin(formers or [province])]


def _commune_rows(units: pd.DataFrame, province: str, year: int, rng: np.random.Generator) -> list[pd.Series]:
    """Return the communes of a province that report in a year (about 8% do not)."""
    communes = units_of(units, province, year)
    return [unit for _, unit in communes.iterrows() if rng.random() >= NO_REPORT_SHARE]


def _unit_tables(units: pd.DataFrame, provinces: list[str], rng: np.random.Generator) -> dict[str, list[dict]]:
    """Return awareness campaigns and supermarkets by commune, and green retail points near commune seats."""
    tables: dict[str, list[dict]] = {"awareness_campaigns": [], "eco_packaging": [], "green_retail_points": []}
    for year in COMMUNE_YEARS:
        for province in provinces:
            for unit in _commune_rows(units, province, year, rng):
                name = full_name(unit["type"], unit["name"], "vi")
                campaigns = 0 if rng.random() < 0.1 else int(rng.integers(1, 4))
                tables["awareness_campaigns"].append(
                    {"year": year, "unit_code": unit["code"], "unit_name": name, "campaigns": campaigns}
                    | {"participants": sum(int(rng.integers(30, 150)) for _ in range(campaigns))}
                )
                total = int(rng.integers(*SUPERMARKETS[unit["type"]]))
                eco = int(rng.binomial(total, 0.9))
                tables["eco_packaging"].append(
                    {"year": year, "unit_code": unit["code"], "unit_name": name, "supermarkets_total": total}
                    | {"supermarkets_eco_packaging": eco}
                )
            communes = units_of(units, province, year)
            for _ in range(int(rng.integers(*POINTS_PER_YEAR))):
                unit = communes.iloc[int(rng.integers(len(communes)))]
                kind = POINT_KINDS[int(rng.integers(len(POINT_KINDS)))]
                tables["green_retail_points"].append(
                    {
                        "year": year,
                        "point_name": f"{kind} xanh {unit['name']} {year}-{len(tables['green_retail_points']) + 1}",
                        "unit_code": unit["code"],
                        "address": full_name(unit["type"], unit["name"], "vi"),
                        "latitude": round(float(unit["seat_lat"]) + rng.uniform(-1, 1) * SEAT_JITTER_DEG, 5),
                        "longitude": round(float(unit["seat_lon"]) + rng.uniform(-1, 1) * SEAT_JITTER_DEG, 5),
                    }
                )
    return tables


def _zone_tables(
    units: pd.DataFrame, zones: pd.DataFrame, provinces: pd.DataFrame, merged: list[str], rng: np.random.Generator
) -> dict[str, list[dict]]:
    """Return whether each zone of the merged provinces was reached, and the models built in communes or zones."""
    reached, models = [], []
    for year in COMMUNE_YEARS:
        for province in merged:
            own_zones = _former_zones(zones, provinces, province)
            reached += [
                {"year": year, "zone_code": zone.zone_code, "zone_name": zone.name}
                | {"reached": "có" if rng.random() < 0.88 else "không"}
                for zone in own_zones.itertuples()
                if rng.random() >= NO_REPORT_SHARE
            ]
            communes = units_of(units, province, year)
            for number in range(int(rng.integers(*MODELS_PER_YEAR))):
                model_type = MODEL_TYPES[int(rng.integers(len(MODEL_TYPES)))]
                if model_type != "tiêu dùng bền vững" and len(own_zones) and rng.random() < 0.5:
                    zone = own_zones.iloc[int(rng.integers(len(own_zones)))]
                    unit_code, zone_code, place = "", zone["zone_code"], zone["name"]
                else:
                    unit = communes.iloc[int(rng.integers(len(communes)))]
                    unit_code, zone_code, place = unit["code"], "", full_name(unit["type"], unit["name"], "vi")
                models.append(
                    {"year": year, "unit_code": unit_code, "zone_code": zone_code, "model_type": model_type}
                    | {"model_name": f"Mô hình {model_type} {year}-{number + 1} tại {place}"}
                )
    return {"zone_awareness": reached, "eco_models": models}


def _reduction_levels(
    committed: pd.DataFrame, plans: pd.DataFrame, merged: list[str], rng: np.random.Generator
) -> list[dict]:
    """Return the merged provinces' material consumption levels by sector in the commune years, fallen by a few
    percent from their baseline-year level."""
    rows = []
    for province in merged:
        plan = plans[plans["province_code"] == province].iloc[0]
        base = committed[
            (committed["province_code"] == province)
            & (committed["indicator"] == "material_consumption_reduction")
            & (committed["year"] == int(plan["baseline_year"]))
        ]
        for sector, level in zip(base["breakdown"], base["value"], strict=True):
            if sector not in SECTORS.get(province, ()):
                continue
            rows += [
                {"year": year, "province_code": province, "indicator": "material_consumption_reduction"}
                | {"breakdown": sector, "value": round(level * (1 - rng.uniform(*REDUCTION_BY_2026) / 100), 1)}
                for year in COMMUNE_YEARS
            ]
    return rows


def commune_year_tables(
    province_values: pd.DataFrame,
    units: pd.DataFrame,
    zones: pd.DataFrame,
    provinces: pd.DataFrame,
    plans: pd.DataFrame,
) -> dict[str, pd.DataFrame]:
    """Return the demonstration rows of the commune years for every table, in the upload contract, as text (the
    reductions continue the committed province values' baseline levels)."""
    rng = np.random.default_rng(SEED)
    merged = _merged_provinces(units, plans)
    rows = _unit_tables(units, merged, rng) | _zone_tables(units, zones, provinces, merged, rng)
    rows[PROVINCE_VALUES] = _reduction_levels(province_values, plans, merged, rng)
    specs = table_specs()
    return {
        name: pd.DataFrame(rows.get(name, []), columns=specs[name].column_names)
        .fillna("")
        .astype(str)
        .assign(source="demo")
        for name in specs
    }


def demo_text_tables(
    folder: Path, units: pd.DataFrame, zones: pd.DataFrame, provinces: pd.DataFrame, plans: pd.DataFrame
) -> dict[str, pd.DataFrame]:
    """Return every demonstration table as text: the committed rows (2021-2025, by district) and the commune
    years' rows made from the installed registry."""
    committed = {name: pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False) for name in table_specs()}
    added = commune_year_tables(read_table(folder / f"{PROVINCE_VALUES}.csv"), units, zones, provinces, plans)
    return {name: pd.concat([committed[name], added[name]], ignore_index=True) for name in table_specs()}


def demo_tables_with_communes(
    folder: Path, units: pd.DataFrame, zones: pd.DataFrame, provinces: pd.DataFrame, plans: pd.DataFrame
) -> dict[str, pd.DataFrame]:
    """Return every demonstration table, committed and commune years' rows, as typed frames."""
    texts = demo_text_tables(folder, units, zones, provinces, plans)
    return {name: typed_table(spec, texts[name]) for name, spec in table_specs().items()}
