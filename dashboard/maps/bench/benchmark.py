"""The map's performance benchmark in the core: the layers measured, the fast and naive maps built from
them, the figures of each case and the report, as text or one JSON object per case.

Rerun times come from the page harness in dashboard/ui/bench_page.py, which drives Streamlit's AppTest.
"""

from __future__ import annotations

import gzip
import itertools
import json
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import folium
import geopandas as gpd
from pyogrio.errors import DataSourceError

from dashboard.core.i18n import LANGUAGES
from dashboard.core.settings import load_settings
from dashboard.dataset import Dataset
from dashboard.geography.boundaries.reading import lonlat_topojson
from dashboard.geography.crs import WGS84, converts_to_wgs84
from dashboard.geography.schematic_communes import national_commune_layer
from dashboard.geography.units import OPEN_END, OPEN_START, units_of
from dashboard.maps.bench.naive import naive_features, naive_map
from dashboard.maps.bench.synthetic import NATIONAL_CODE, detailed_layer, synthetic_dataset, synthetic_layer
from dashboard.maps.folium_map import district_map
from dashboard.maps.prepared import prepared_layer
from dashboard.maps.views import Selection, map_view

FAST, NAIVE = "fast", "naive"
VARIANTS = (FAST, NAIVE)
PROVINCE, NATIONAL = "province", "national"
COMMUNE_PROVINCE, COMMUNE_NATIONAL = "commune province", "commune national"
COMMUNE_YEAR = 2026
DEFAULT_RUNS = 5
MAX_RUNS = 8
DEFAULT_DISTRICTS = 700
DEFAULT_COMMUNES = 10_000
DEFAULT_PROVINCE = "25"
PROVINCE_INDICATOR = "zone_awareness"
NATIONAL_INDICATOR = "awareness_campaigns"
DETAIL_SPACING_M = 50.0
COMMUNE_SPACING_M = 150.0
NATIONAL_EXTENT_DEG = 4.0
ASSET_URL = "/app/static/vendor"
KB = 1000
# Budgets at p50 on the project's 2-core machine: (figure, limit); and (figure, least naive÷fast ratio).
LIMITS = {
    PROVINCE: (("payload_bytes", 80 * KB), ("payload_gzip_bytes", 20 * KB), ("rerun_ms", 60.0)),
    NATIONAL: (("payload_bytes", 1000 * KB), ("rerun_ms", 400.0)),
    COMMUNE_PROVINCE: (("payload_bytes", 150 * KB), ("payload_gzip_bytes", 40 * KB), ("rerun_ms", 80.0)),
    COMMUNE_NATIONAL: (("payload_bytes", 1500 * KB), ("rerun_ms", 600.0)),
}
LEAST_RATIOS = {
    PROVINCE: (("payload_bytes", 5.0), ("rerun_ms", 3.0)),
    NATIONAL: (("payload_bytes", 5.0), ("build_ms", 5.0), ("rerun_ms", 5.0)),
    COMMUNE_PROVINCE: (("payload_bytes", 5.0), ("rerun_ms", 5.0)),
    COMMUNE_NATIONAL: (("payload_bytes", 5.0), ("rerun_ms", 5.0)),
}
POLYGONAL = ("Polygon", "MultiPolygon")
FIGURES = ("payload_bytes", "payload_gzip_bytes", "build_ms", "rerun_ms")


@dataclass(frozen=True)
class BenchCase:
    """A layer to measure: its data as read (naive) and prepared (fast), and the selections a rerun steps
    through, each one not shown before; budget is the scale its figures are judged at, or None."""

    layer: str
    budget: str | None
    naive_data: Dataset
    fast_data: Dataset
    selections: tuple[Selection, ...]
    units: int
    prepare_ms: float
    synthetic: bool = False
    ratio_budgets: bool = True


@dataclass
class Result:
    """The medians measured for one case and variant, and how they compare with the budgets."""

    layer: str
    units: int
    variant: str
    runs: int
    payload_bytes: float
    payload_gzip_bytes: float
    build_ms: float
    rerun_ms: float
    prepare_ms: float | None = None
    ratios: dict[str, float] = field(default_factory=dict)
    budgets: dict[str, bool] = field(default_factory=dict)


def timed_ms(work: Callable[[], object]) -> tuple[float, object]:
    """Return how long work took in milliseconds, and what it returned."""
    started = time.perf_counter()
    value = work()
    return 1000 * (time.perf_counter() - started), value


def make_case(
    layer: str,
    budget: str | None,
    data: Dataset,
    province_code: str,
    indicator: str,
    synthetic: bool = False,
    ratio_budgets: bool = True,
    year: int | None = None,
) -> BenchCase:
    """Return a case for one province of a dataset: its layer prepared once, as the app does per version. The
    selections step through the years with data and both languages, or, given a year, through every core
    indicator of that year in both languages."""
    prepare_ms, prepared = timed_ms(lambda: prepared_layer(data.layer))
    years = data.years() if year is None else [year]
    indicators = [indicator] if year is None else data.core_indicators()
    selections = tuple(
        Selection(province_code, chosen, shown, language)
        for language in LANGUAGES
        for shown in reversed(years)
        for chosen in indicators
    )
    units = len(units_of(data.units, province_code, years[-1]))
    fast = replace(data, layer=prepared)
    return BenchCase(layer, budget, data, fast, selections, units, prepare_ms, synthetic, ratio_budgets)


def file_layer(path: Path) -> gpd.GeoDataFrame:
    """Return any polygon layer file in WGS84 as one national-style layer: its code and name when it has
    them (numbered otherwise) and its validity years when it has them (open otherwise); TopoJSON in longitude
    and latitude naming no CRS is read as WGS84, as the import reads it. Raise ValueError, saying why, for a file
    that cannot be read, holds anything but polygons or is in a CRS that cannot be converted to WGS84."""
    try:
        raw = gpd.read_file(path)
    except (OSError, DataSourceError) as problem:
        raise ValueError(f"{path}: not a layer file that can be read ({problem})") from problem
    if isinstance(raw, gpd.GeoDataFrame) and lonlat_topojson(path, raw):
        raw = raw.set_crs(WGS84)
    if not isinstance(raw, gpd.GeoDataFrame) or raw.crs is None or raw.empty or not raw.geom_type.isin(POLYGONAL).all():
        raise ValueError(f"{path}: needs polygon features and a coordinate reference system")
    if not converts_to_wgs84(raw.crs):
        raise ValueError(f"{path}: its coordinate system ({raw.crs.name}) cannot be converted to WGS84")
    raw = raw.to_crs(WGS84)
    numbers = [f"F{number}" for number in range(1, len(raw) + 1)]
    codes = raw["code"].astype(str) if "code" in raw else numbers
    valid_from = raw["valid_from"].fillna(OPEN_START).astype(int) if "valid_from" in raw else OPEN_START
    valid_to = raw["valid_to"].fillna(OPEN_END).astype(int) if "valid_to" in raw else OPEN_END
    return gpd.GeoDataFrame(
        {
            "code": codes,
            "province_code": NATIONAL_CODE,
            "name": raw["name"].astype(str) if "name" in raw else codes,
            "valid_from": valid_from,
            "valid_to": valid_to,
        },
        geometry=raw.geometry.values,
        crs="EPSG:4326",
    )


def layer_scale(layer: gpd.GeoDataFrame) -> str:
    """Return whether a layer spans a province or the country, from its north-south extent."""
    south, north = layer.total_bounds[1], layer.total_bounds[3]
    return NATIONAL if north - south > NATIONAL_EXTENT_DEG else PROVINCE


def bench_cases(
    base: Dataset,
    districts: int,
    communes: int,
    files: list[Path],
    spacing_m: float | None = None,
    province_code: str = DEFAULT_PROVINCE,
) -> list[BenchCase]:
    """Return the cases: the bundled layer and a copy with surveyed-like borders for one province,
    synthetic national district and commune layers (their border vertices every spacing_m when given), and
    each layer file given."""
    name = base.province(province_code)["name"]
    detailed = replace(base, layer=detailed_layer(base.layer, DETAIL_SPACING_M))
    cases = [
        make_case(f"bundled schematic, {name}", PROVINCE, base, province_code, PROVINCE_INDICATOR, ratio_budgets=False),
        make_case(f"bundled, detailed borders, {name}", PROVINCE, detailed, province_code, PROVINCE_INDICATOR),
    ]
    for count, spacing, prefix, budget in (
        (districts, DETAIL_SPACING_M, "H", NATIONAL),
        (communes, COMMUNE_SPACING_M, "X", None),
    ):
        national = synthetic_dataset(base, synthetic_layer(count, spacing_m or spacing, prefix))
        layer = f"synthetic national, {count} units"
        cases.append(make_case(layer, budget, national, NATIONAL_CODE, NATIONAL_INDICATOR, synthetic=True))
    cases += commune_cases(base, detailed, province_code, spacing_m or COMMUNE_SPACING_M)
    for path in files:
        layer = file_layer(path)
        data = synthetic_dataset(base, layer)
        cases.append(make_case(str(path), layer_scale(layer), data, NATIONAL_CODE, NATIONAL_INDICATOR))
    return cases


def commune_cases(base: Dataset, detailed: Dataset, province_code: str, spacing_m: float) -> list[BenchCase]:
    """Return the cases of the communes after the reform: one province in 2026 on the schematic commune layer and
    on a copy with surveyed-like borders (as an official layer has), and the country's 3,321 communes with such
    borders (a vertex every spacing_m) as one national layer."""
    name = base.province(province_code)["name"]
    communes = national_commune_layer().assign(valid_from=OPEN_START, province_code=NATIONAL_CODE)
    national = synthetic_dataset(base, detailed_layer(communes, spacing_m))
    count = len(communes)
    return [
        make_case(
            f"schematic communes {COMMUNE_YEAR}, {name}",
            COMMUNE_PROVINCE,
            base,
            province_code,
            PROVINCE_INDICATOR,
            ratio_budgets=False,
            year=COMMUNE_YEAR,
        ),
        make_case(
            f"communes {COMMUNE_YEAR}, detailed borders, {name}",
            COMMUNE_PROVINCE,
            detailed,
            province_code,
            PROVINCE_INDICATOR,
            year=COMMUNE_YEAR,
        ),
        make_case(
            f"post-reform communes, national, {count}", COMMUNE_NATIONAL, national, NATIONAL_CODE, NATIONAL_INDICATOR
        ),
    ]


def build_map(case: BenchCase, variant: str, selection: Selection) -> folium.Map:
    """Return the map of a selection built the fast way (prepared layer, compact districts) or the naive way
    (layer as read, every property, folium.GeoJson)."""
    basemap = load_settings().basemap
    if variant == FAST:
        return district_map(map_view(case.fast_data, selection), selection.language, ASSET_URL, basemap)
    view = map_view(case.naive_data, selection)
    features = naive_features(case.naive_data.layer, view, selection)
    return naive_map(view, features, selection.language, ASSET_URL, basemap)


def build_times_ms(case: BenchCase, variant: str, runs: int) -> list[float]:
    """Return the time to build and render the map in the core for runs selections, after one build that
    warms up what is loaded once per process and is not counted."""
    return [
        timed_ms(lambda selection=selection: build_map(case, variant, selection).get_root().render())[0]
        for selection in case.selections[: runs + 1]
    ][1:]


def payload_sizes(payload: str) -> tuple[int, int]:
    """Return the size in bytes of what the browser is sent, raw and gzip-compressed."""
    raw = payload.encode()
    return len(raw), len(gzip.compress(raw))


def result(case: BenchCase, variant: str, build_ms: list[float], rerun_ms: list[float], payloads: list[str]) -> Result:
    """Return the medians of one case and variant."""
    sizes = [payload_sizes(payload) for payload in payloads]
    return Result(
        layer=case.layer,
        units=case.units,
        variant=variant,
        runs=len(rerun_ms),
        payload_bytes=statistics.median(size[0] for size in sizes),
        payload_gzip_bytes=statistics.median(size[1] for size in sizes),
        build_ms=statistics.median(build_ms),
        rerun_ms=statistics.median(rerun_ms),
        prepare_ms=case.prepare_ms if variant == FAST else None,
    )


def judged(fast: Result, naive: Result, budget: str | None, ratio_budgets: bool = True) -> Result:
    """Return the fast result with naive÷fast ratios for every figure and, at a scale with budgets, whether
    each budget is met (the ratio budgets only where ratio_budgets: not for the schematic layer, whose
    straight borders leave the naive map little to waste)."""
    ratios = {figure: getattr(naive, figure) / max(getattr(fast, figure), 1e-9) for figure in FIGURES}
    budgets = {}
    if budget is not None:
        budgets = {f"{figure} <= {limit:g}": getattr(fast, figure) <= limit for figure, limit in LIMITS[budget]}
    if budget is not None and ratio_budgets:
        least_ratios = LEAST_RATIOS[budget]
        budgets |= {f"{figure} naive/fast >= {least:g}": ratios[figure] >= least for figure, least in least_ratios}
    return replace(fast, ratios=ratios, budgets=budgets)


def growth(results: list[Result], layers: list[str]) -> list[str]:
    """Return, per variant, how each figure grows from one of the layers named to the next larger one."""
    lines = []
    for variant in VARIANTS:
        series = sorted((r for r in results if r.variant == variant and r.layer in layers), key=lambda r: r.units)
        for small, large in itertools.pairwise(series):
            factors = ", ".join(
                f"{figure} ×{getattr(large, figure) / max(getattr(small, figure), 1e-9):.1f}" for figure in FIGURES
            )
            lines.append(
                f"{variant}: {small.units} → {large.units} units (×{large.units / small.units:.1f}): {factors}"
            )
    return lines


def _size(value: float) -> str:
    """Return a byte count in KB or MB."""
    return f"{value / KB:,.1f} KB" if value < 1000 * KB else f"{value / KB / KB:,.2f} MB"


def text_report(results: list[Result], growth_lines: list[str]) -> str:
    """Return the results as a table with the ratios, the budgets and the growth with the number of units."""
    header = f"{'layer':<40} {'units':>6} {'variant':<8} {'payload':>10} {'gzip':>10} {'build':>10} {'rerun':>10}"
    lines = [header, "-" * len(header)]
    for row in results:
        lines.append(
            f"{row.layer[:40]:<40} {row.units:>6} {row.variant:<8} {_size(row.payload_bytes):>10} "
            f"{_size(row.payload_gzip_bytes):>10} {row.build_ms:>7.1f} ms {row.rerun_ms:>7.1f} ms"
        )
        if row.variant == FAST and row.ratios:
            ratios = "  ".join(f"{figure} ×{ratio:.1f}" for figure, ratio in row.ratios.items())
            lines.append(f"{'':<40} naive÷fast: {ratios}; layer prepared once in {row.prepare_ms:.0f} ms")
            for budget, met in row.budgets.items():
                lines.append(f"{'':<40} budget {budget}: {'met' if met else 'MISSED'}")
    return "\n".join([*lines, "", "Growth with the number of units (medians):", *growth_lines])


def json_report(results: list[Result]) -> str:
    """Return one JSON object per measured case and variant, one per line."""
    return "\n".join(json.dumps(asdict(row), ensure_ascii=False) for row in results)
