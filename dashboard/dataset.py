"""Everything the dashboard reads, loaded once: units, zones, boundaries, plans, targets, the task register and
tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import geopandas as gpd
import pandas as pd

from dashboard.core.paths import DEMO_TABLES, GEODATA, INDICATORS
from dashboard.core.programme import load_catalogue
from dashboard.core.tasks import TaskRegister
from dashboard.geography.boundaries.layers import SCHEMATIC_LAYER, drawn_in, load_layer
from dashboard.geography.boundaries.stored import combined_layer, imported_layers
from dashboard.geography.levels import reported_level
from dashboard.geography.schematic_communes import schematic_communes
from dashboard.geography.units import load_provinces, load_units, load_zones, valid_in
from dashboard.geography.zones.sites import units_containing
from dashboard.geography.zones.stored import with_imported_zones
from dashboard.intake.demo_communes import demo_tables_with_communes
from dashboard.intake.plans import programme
from dashboard.intake.tables import PROVINCE_VALUES, table_specs
from dashboard.store.database import Store

SUBMISSION_COLUMNS = ["id", "table_name", "agency", "uploaded_at", "undone_at", "source"]


@dataclass(frozen=True)
class Dataset:
    """The data behind every page; submissions are the store's uploads (id, table, agency reported for, time,
    undone, source), which the rows' upload_id points to, empty for the bundled tables."""

    provinces: pd.DataFrame
    units: pd.DataFrame
    zones: pd.DataFrame
    layer: gpd.GeoDataFrame
    plans: pd.DataFrame
    targets: pd.DataFrame
    catalogue: pd.DataFrame
    tasks: TaskRegister
    tables: dict[str, pd.DataFrame]
    schematic: bool
    submissions: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SUBMISSION_COLUMNS))
    memo: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    def plan_of(self, province_code: str, year: int | None = None) -> pd.Series:
        """Return the plan that governs a province in a year (by default this year): of its plans begun by then,
        the one begun last (a plan loaded later wins a tie); before any has begun, the first."""
        plans = self.plans[self.plans["province_code"] == province_code]
        year = date.today().year if year is None else year
        begun = plans[plans["period_start"].astype(int) <= year]
        if begun.empty:
            return plans.iloc[0]
        return begun.iloc[begun["period_start"].astype(int).to_numpy().argsort(kind="stable")[-1]]

    def province(self, province_code: str) -> pd.Series:
        """Return a province's row."""
        return self.provinces[self.provinces["province_code"] == province_code].iloc[0]

    def draws_schematic(self, province_code: str, year: int) -> bool:
        """Return whether a province's map for a year is drawn on a schematic layer (the bundled district layer,
        or the commune layer generated from the registry package) rather than an official one."""
        drawn = drawn_in(self.layer, province_code, year)
        if "schematic" in drawn:
            return bool(drawn["schematic"].any())
        return self.schematic

    def provinces_in(self, year: int) -> list[str]:
        """Return the codes of the plans' provinces that have units reported by in a year (Hòa Bình until 2025;
        the merged Phú Thọ, Thái Nguyên and Hà Tĩnh after), in the plans' order."""
        level = reported_level(year)
        valid = valid_in(self.units[self.units["level"] == level], year)
        return [code for code in self.plans["province_code"] if code in set(valid["province_code"])]

    def zones_of(self, province_code: str, year: int) -> pd.DataFrame:
        """Return the zones in a province in a year, each with the unit it lies in that year in district_code.
        From 2026 these are the zones of the province and of its former provinces (zones keep their codes across
        the reform), each placed in the commune of the map's layer that holds its location (blank when none
        does); the district it was listed in stays in former_district_code."""
        if reported_level(year) == "district":
            return self.zones[self.zones["province_code"] == province_code]
        key = ("zones_of", province_code, year)
        if key not in self.memo:
            self.memo[key] = self._placed_zones(province_code, year)
        return self.memo[key].copy()

    def _placed_zones(self, province_code: str, year: int) -> pd.DataFrame:
        """Return the zones of a province and its former provinces, each placed in the commune that holds it."""
        row = valid_in(self.provinces[self.provinces["province_code"] == province_code], year)
        codes = {province_code} | {code for text in row["predecessors"] for code in text.split()}
        zones = self.zones[self.zones["province_code"].isin(codes)]
        placed = units_containing(zones, drawn_in(self.layer, province_code, year))
        return zones.assign(
            former_district_code=zones["district_code"], district_code=zones["zone_code"].map(placed).fillna("")
        )

    def map_years(self) -> list[int]:
        """Return the years a map can be drawn for: every year from the first with data up to this one (a year
        nobody has reported yet is drawn as no data), oldest first."""
        found = self.years()
        last = max([*found, date.today().year])
        return list(range(found[0] if found else last, last + 1))

    def years(self) -> list[int]:
        """Return the years any district or zone table has rows for, oldest first."""
        unit_tables = [table for name, table in self.tables.items() if name != PROVINCE_VALUES]
        found = {int(year) for table in unit_tables for year in table["year"].unique()}
        return sorted(found)

    def mapped_years(self, province_code: str | None = None, level: str | None = None) -> list[int]:
        """Return the years with data that a boundary layer can draw, for a province or for any, and reported by a
        level when one is given (two years are compared at one level): a year whose units have no layer is not
        offered on a map."""
        layer = self.layer if province_code is None else self.layer[self.layer["province_code"] == province_code]
        years = [year for year in self.years() if not valid_in(layer, year).empty]
        return [year for year in years if level is None or reported_level(year) == level]

    def core_indicators(self) -> list[str]:
        """Return the codes of the core indicators, in catalogue order."""
        return list(self.catalogue.index[self.catalogue["core"]])

    def province_values(self) -> pd.DataFrame:
        """Return the province-level values (empty, with its columns, when there are none)."""
        return self.tables.get(
            PROVINCE_VALUES, pd.DataFrame(columns=[*table_specs()[PROVINCE_VALUES].column_names, "source"])
        )


def load_dataset(
    geodata: Path = GEODATA,
    indicators: Path = INDICATORS,
    tables: dict[str, pd.DataFrame] | None = None,
    layer: Path = SCHEMATIC_LAYER,
    store: Store | None = None,
) -> Dataset:
    """Return the dataset read from the project's data folders with the given indicator tables (by default the
    bundled demonstration tables, with 2026 rows by commune made from the registry package); boundary layers
    imported into the store take over the years they are valid in, zone lists imported there replace the listed
    zones they name, plans loaded there join the bundled ones (in place of a plan of the same id), and its
    uploads are the submissions the reporting round reads. The commune level is drawn on the schematic commune
    layer of the provinces after the reform until an official one is imported."""
    provinces, zones = load_provinces(geodata), load_zones(geodata)
    loaded = programme(store, indicators)
    units = load_units(geodata)
    after_reform = list(provinces.loc[provinces["predecessors"] != "", "province_code"])
    bases = {
        "district": (load_layer(layer), layer == SCHEMATIC_LAYER),
        "commune": (schematic_communes(after_reform), True),
    }
    levels = []
    for level, (base, schematic) in bases.items():
        if store is None:
            levels.append(base.assign(level=level, schematic=schematic))
            continue
        combined = combined_layer(base, imported_layers(store, level))
        levels.append(combined.assign(level=level, schematic=(combined["version_id"] == "") & schematic))
    boundaries = gpd.GeoDataFrame(pd.concat(levels, ignore_index=True), geometry="geometry", crs=levels[0].crs)
    if store is not None:
        zones = with_imported_zones(zones, store)
    return Dataset(
        provinces=provinces,
        units=units,
        zones=zones,
        layer=boundaries,
        plans=loaded.plans,
        targets=loaded.targets,
        catalogue=load_catalogue(indicators),
        tasks=loaded.register,
        tables=(
            demo_tables_with_communes(DEMO_TABLES, units, zones, provinces, loaded.plans) if tables is None else tables
        ),
        schematic=layer == SCHEMATIC_LAYER,
        submissions=pd.DataFrame(columns=SUBMISSION_COLUMNS) if store is None else store.uploads(),
    )
