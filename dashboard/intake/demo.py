"""Demonstration indicator tables for 2021-2025, generated reproducibly from the bundled units and zones.

Every row carries source = "demo"; the figures are invented and only show how the dashboard reads.
"""

from __future__ import annotations

from collections.abc import Iterator

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from dashboard.core.tasks import DONE, DROPPED, IN_PROGRESS, NOT_STARTED, PER_YEAR, Task, TaskRegister
from dashboard.geography.units import at_level, full_name, units_of, valid_in

YEARS = range(2021, 2026)
SEED = 2021
NO_REPORT_SHARE = 0.08
MODEL_TYPES = ("sản xuất sạch hơn", "cụm công nghiệp sinh thái", "làng nghề sinh thái", "tiêu dùng bền vững")
MODELS_PER_YEAR = {"17": (3, 7), "19": (0, 3), "25": (1, 3), "42": (0, 3)}
POINTS_PER_YEAR = {"17": (0, 2), "19": (0, 2), "25": (2, 6), "42": (0, 2)}
POINT_KINDS = ("Siêu thị", "Cửa hàng tiện lợi", "Cửa hàng nông sản sạch", "Điểm bán hàng Việt")
PROVINCE_SEED = 2020
TASK_SEED = 2026
SECTORS = {
    "17": ("xi măng", "vật liệu xây dựng", "chế biến nông sản"),
    "25": ("giấy", "hóa chất", "dệt may"),
    "42": ("thép", "chế biến thực phẩm"),
}


def _progress(year: int, start: float, end: float) -> float:
    """Return a value rising linearly from start in 2021 to end in 2025."""
    return start + (end - start) * (year - YEARS.start) / (len(YEARS) - 1)


def _district_years(
    units: pd.DataFrame, provinces: list[str], rng: np.random.Generator
) -> Iterator[tuple[int, pd.Series]]:
    """Yield (year, unit row) for every district that reports in a year; about 8% do not."""
    for year in YEARS:
        for province in provinces:
            for _, unit in units_of(units, province, year).iterrows():
                if rng.random() >= NO_REPORT_SHARE:
                    yield year, unit


def awareness_campaigns(units: pd.DataFrame, provinces: list[str], rng: np.random.Generator) -> pd.DataFrame:
    """Return campaigns and participants per reporting district and year."""
    rows = []
    for year, unit in _district_years(units, provinces, rng):
        campaigns = 0 if rng.random() < _progress(year, 0.35, 0.05) else int(rng.integers(1, 6))
        rows.append(
            {
                "year": year,
                "unit_code": unit["code"],
                "unit_name": full_name(unit["type"], unit["name"], "vi"),
                "campaigns": campaigns,
                "participants": sum(int(rng.integers(40, 250)) for _ in range(campaigns)),
            }
        )
    return pd.DataFrame(rows)


def eco_packaging(units: pd.DataFrame, provinces: list[str], rng: np.random.Generator) -> pd.DataFrame:
    """Return supermarkets in total and with eco-friendly packaging per reporting district and year."""
    size = {"thanh_pho": (8, 21), "thi_xa": (3, 9), "huyen": (0, 5)}
    base = {code: int(rng.integers(*size[kind])) for code, kind in zip(units["code"], units["type"], strict=True)}
    rows = []
    for year, unit in _district_years(units, provinces, rng):
        total = base[unit["code"]] + (year - YEARS.start) // 2
        rows.append(
            {
                "year": year,
                "unit_code": unit["code"],
                "unit_name": full_name(unit["type"], unit["name"], "vi"),
                "supermarkets_total": total,
                "supermarkets_eco_packaging": int(rng.binomial(total, _progress(year, 0.45, 0.92))),
            }
        )
    return pd.DataFrame(rows)


def zone_awareness(zones: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Return whether each zone was reached by awareness in each year; about 8% do not report."""
    rows = [
        {
            "year": year,
            "zone_code": zone.zone_code,
            "zone_name": zone.name,
            "reached": "có" if rng.random() < _progress(year, 0.35, 0.85) else "không",
        }
        for year in YEARS
        for zone in zones.itertuples()
        if rng.random() >= NO_REPORT_SHARE
    ]
    return pd.DataFrame(rows)


def eco_models(
    units: pd.DataFrame, zones: pd.DataFrame, provinces: list[str], rng: np.random.Generator
) -> pd.DataFrame:
    """Return the SCP models built each year, each in a district and sometimes in a zone."""
    rows = []
    for year in YEARS:
        for province in provinces:
            districts = units_of(units, province, year)
            province_zones = zones[zones["province_code"] == province]
            for number in range(int(rng.integers(*MODELS_PER_YEAR[province]))):
                model_type = MODEL_TYPES[int(rng.integers(len(MODEL_TYPES)))]
                in_zone = model_type != "tiêu dùng bền vững" and len(province_zones) and rng.random() < 0.6
                if in_zone:
                    zone = province_zones.iloc[int(rng.integers(len(province_zones)))]
                    district_code, zone_code, place = zone["district_code"], zone["zone_code"], zone["name"]
                else:
                    unit = districts.iloc[int(rng.integers(len(districts)))]
                    district_code, zone_code = unit["code"], ""
                    place = full_name(unit["type"], unit["name"], "vi")
                rows.append(
                    {
                        "year": year,
                        "unit_code": district_code,
                        "zone_code": zone_code,
                        "model_name": f"Mô hình {model_type} {year}-{number + 1} tại {place}",
                        "model_type": model_type,
                    }
                )
    return pd.DataFrame(rows)


def _point_inside(shape: BaseGeometry, seat: tuple[float, float], rng: np.random.Generator) -> tuple[float, float]:
    """Return a random point near a district seat that lies inside the district's shape."""
    while True:
        lon, lat = seat[0] + rng.normal(0, 0.02), seat[1] + rng.normal(0, 0.02)
        if shape.contains(Point(lon, lat)):
            return round(lat, 5), round(lon, 5)


def green_retail_points(
    units: pd.DataFrame, layer: gpd.GeoDataFrame, provinces: list[str], rng: np.random.Generator
) -> pd.DataFrame:
    """Return the green retail points recognised each year, placed inside their district."""
    rows = []
    for year in YEARS:
        shapes = valid_in(layer, year).set_index("code").geometry
        for province in provinces:
            districts = units_of(units, province, year)
            for _ in range(int(rng.integers(*POINTS_PER_YEAR[province]))):
                unit = districts.iloc[int(rng.integers(len(districts)))]
                latitude, longitude = _point_inside(shapes[unit["code"]], (unit["seat_lon"], unit["seat_lat"]), rng)
                kind = POINT_KINDS[int(rng.integers(len(POINT_KINDS)))]
                rows.append(
                    {
                        "year": year,
                        "point_name": f"{kind} xanh {unit['name']} {len(rows) + 1}",
                        "unit_code": unit["code"],
                        "address": f"{unit['seat']}, {full_name(unit['type'], unit['name'], 'vi')}",
                        "latitude": latitude,
                        "longitude": longitude,
                    }
                )
    return pd.DataFrame(rows)


def _level_rows(base_year: int, rng: np.random.Generator, reduction: float) -> list[tuple[int, float]]:
    """Return (year, level) from base_year to the last demo year, falling by about `reduction` percent overall."""
    start = float(rng.uniform(200, 400))
    span = YEARS.stop - 1 - base_year
    return [
        (year, round(start * (1 - reduction / 100 * (year - base_year) / span) * rng.uniform(0.99, 1.01), 1))
        for year in range(base_year, YEARS.stop)
    ]


def _budget_rows(source_amount: float, tasks: list[Task], rng: np.random.Generator) -> list[dict]:
    """Return a funding source's yearly spending on each task: its share of the task's budget in the plan
    (the source's amount over the plan's total), spread over the task's years at 70-120% a year."""
    budgeted = [task for task in tasks if task.budget_million_vnd is not None]
    total = sum(float(task.budget_million_vnd) for task in budgeted)
    rows = []
    for task in budgeted:
        years = [year for year in YEARS if (task.start_year or task.end_year) <= year <= task.end_year]
        yearly = float(task.budget_million_vnd) * source_amount / total / len(years)
        rows += [
            {"year": year, "breakdown": task.number, "value": round(yearly * rng.uniform(0.7, 1.2), 1)}
            for year in years
        ]
    return rows


def _indicator_rows(
    indicator: str,
    info: pd.Series,
    plan: pd.Series,
    target: pd.Series,
    units: pd.DataFrame,
    rng: np.random.Generator,
    tasks: list[Task],
) -> list[dict]:
    """Return one province's demo rows of a province-level indicator, from its catalogue entry and plan target."""
    base, start, code = int(plan["baseline_year"]), int(plan["period_start"]), plan["province_code"]
    minimum = float(target["target_min"])
    if info["kind"] == "milestone":
        done_from = int(rng.integers(start + 1, YEARS.stop + 1))
        return [{"year": year, "breakdown": "", "value": int(year >= done_from)} for year in range(start, YEARS.stop)]
    if info["kind"] == "reduction":
        reach = minimum * rng.uniform(0.6, 1.3)
        sectors = SECTORS.get(code, ("",)) if info["breakdown"] == "sector" else ("",)
        return [
            {"year": year, "breakdown": sector, "value": level}
            for sector in sectors
            for year, level in _level_rows(base, rng, reach)
        ]
    if info["kind"] == "share":
        first, last = minimum * rng.uniform(0.5, 0.85), min(100.0, minimum * rng.uniform(0.85, 1.15))
        span = YEARS.stop - 1 - base
        rows = [
            {"year": year, "breakdown": "", "value": round(first + (last - first) * (year - base) / span, 1)}
            for year in range(base, YEARS.stop)
        ]
        return [row for row in rows if row["year"] == base or rng.random() >= NO_REPORT_SHARE]
    if info["breakdown"] == "district":
        return [
            {"year": year, "breakdown": unit.code, "value": int(rng.integers(0, 4))}
            for year in range(start, YEARS.stop)
            for unit in units_of(units, code, year).itertuples()
            if rng.random() >= NO_REPORT_SHARE
        ]
    if info["breakdown"] == "task":
        return _budget_rows(minimum, tasks, rng)
    if info["kind"] == "cumulative_count":
        return [
            {"year": year, "breakdown": "", "value": int(rng.integers(0, round(minimum / 4) + 1))}
            for year in range(start, YEARS.stop)
        ]
    return [
        {"year": year, "breakdown": "", "value": int(rng.integers(max(0, minimum - 1), minimum + 2))}
        for year in range(start, YEARS.stop)
        if rng.random() >= NO_REPORT_SHARE
    ]


def _output_rows(target: pd.Series, task: Task, rng: np.random.Generator) -> list[dict]:
    """Return a task output's demo rows (breakdown: the task's number): a yearly output near its quantity each
    year (some years unreported), an output over the period as yearly parts of 60-130% of it."""
    years = [year for year in YEARS if (task.start_year or task.end_year) <= year <= task.end_year]
    minimum = int(target["target_min"])
    high = minimum if np.isnan(target["target_stretch"]) else int(target["target_stretch"])
    if target["per"] == PER_YEAR:
        return [
            {"year": year, "breakdown": task.number, "value": int(rng.integers(max(0, minimum - 1), high + 2))}
            for year in years
            if rng.random() >= NO_REPORT_SHARE
        ]
    parts = rng.multinomial(round(minimum * rng.uniform(0.6, 1.3)), rng.dirichlet(np.ones(len(years))))
    return [
        {"year": year, "breakdown": task.number, "value": int(part)} for year, part in zip(years, parts, strict=True)
    ]


def province_values(
    plans: pd.DataFrame, targets: pd.DataFrame, catalogue: pd.DataFrame, units: pd.DataFrame, tasks: TaskRegister
) -> pd.DataFrame:
    """Return demo province-level values for every province-level indicator a plan sets a target on (levels for
    reductions, from the plan's baseline year; spending by the plan's tasks), and for every task output that
    sets one (breakdown: the task's number)."""
    rng = np.random.default_rng(PROVINCE_SEED)
    rows = []
    for plan in plans.itertuples():
        plan_row = pd.Series(plan._asdict())
        own = targets[targets["plan_id"] == plan.plan_id]
        plan_tasks = {task.number: task for task in tasks.of_plan(plan.plan_id)}
        generated = []
        for target in own[own["task"] == ""].drop_duplicates("indicator").itertuples():
            info = catalogue.loc[target.indicator]
            if info["source_table"] == "province_values":
                found = _indicator_rows(
                    target.indicator, info, plan_row, pd.Series(target._asdict()), units, rng, list(plan_tasks.values())
                )
                generated += [(target.indicator, row) for row in found]
        for target in own[own["task"] != ""].drop_duplicates(["indicator", "task"]).itertuples():
            found = _output_rows(pd.Series(target._asdict()), plan_tasks[target.task], rng)
            generated += [(target.indicator, row) for row in found]
        for indicator, row in generated:
            rows.append(
                {
                    "year": row["year"],
                    "province_code": plan.province_code,
                    "indicator": indicator,
                    "breakdown": row["breakdown"],
                    "value": row["value"],
                }
            )
    return pd.DataFrame(rows).sort_values(["province_code", "indicator", "year", "breakdown"], kind="stable")


def _task_status(task: Task, year: int, rng: np.random.Generator) -> str:
    """Return a demo task's status in a year: done in its last year four times in five, dropped now and then,
    otherwise in progress (a task just begun may not have started)."""
    draw = rng.random()
    if year == task.end_year:
        return DONE if draw < 0.8 else IN_PROGRESS
    if draw < 0.03:
        return DROPPED
    return NOT_STARTED if year == task.start_year and draw < 0.2 else IN_PROGRESS


def task_progress(tasks: TaskRegister) -> pd.DataFrame:
    """Return demo task progress: each task of each plan a row a year of its period up to 2025 (about one in
    twelve left unreported), its status and a note; spending stays in the province values."""
    rng = np.random.default_rng(TASK_SEED)
    rows = []
    for task in tasks.tasks:
        for year in YEARS:
            if not (task.start_year or task.end_year) <= year <= task.end_year or rng.random() < NO_REPORT_SHARE:
                continue
            status = _task_status(task, year, rng)
            rows.append(
                {
                    "year": year,
                    "plan_id": task.plan_id,
                    "task": task.number,
                    "status": status,
                    "outputs_delivered": "",
                    "spent_central": "",
                    "spent_provincial": "",
                    "spent_mobilised": "",
                    "note": "",
                }
            )
    return pd.DataFrame(rows)


def demo_tables(
    units: pd.DataFrame,
    zones: pd.DataFrame,
    layer: gpd.GeoDataFrame,
    plans: pd.DataFrame,
    targets: pd.DataFrame,
    catalogue: pd.DataFrame,
    tasks: TaskRegister,
) -> dict[str, pd.DataFrame]:
    """Return the demonstration tables, each row marked source = demo; the same every run."""
    rng = np.random.default_rng(SEED)
    units = at_level(units, "district")
    provinces = sorted(units["province_code"].unique())
    tables = {
        "awareness_campaigns": awareness_campaigns(units, provinces, rng),
        "zone_awareness": zone_awareness(zones, rng),
        "eco_models": eco_models(units, zones, provinces, rng),
        "green_retail_points": green_retail_points(units, layer, provinces, rng),
        "eco_packaging": eco_packaging(units, provinces, rng),
        "province_values": province_values(plans, targets, catalogue, units, tasks),
        "task_progress": task_progress(tasks),
    }
    return {name: table.assign(source="demo") for name, table in tables.items()}
