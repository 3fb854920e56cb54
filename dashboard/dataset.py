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
from dashboard.geography.boundaries.layers import SCHEMATIC_LAYER, load_layer
from dashboard.geography.boundaries.stored import combined_layer, imported_layers
from dashboard.geography.units import load_provinces, load_units, load_zones, valid_in
from dashboard.geography.zones.stored import with_imported_zones
from dashboard.intake.plans import programme
from dashboard.intake.tables import PROVINCE_VALUES, load_tables, table_specs
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
        """Return whether a province's map for a year is drawn on the bundled schematic layer."""
        if not self.schematic:
            return False
        drawn = valid_in(self.layer[self.layer["province_code"] == province_code], year)
        return "version_id" not in drawn or bool((drawn["version_id"] == "").any())

    def years(self) -> list[int]:
        """Return the years any district or zone table has rows for, oldest first."""
        unit_tables = [table for name, table in self.tables.items() if name != PROVINCE_VALUES]
        found = {int(year) for table in unit_tables for year in table["year"].unique()}
        return sorted(found)

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
    bundled demonstration tables); boundary layers imported into the store take over the years they are valid
    in, zone lists imported there replace the listed zones they name, plans loaded there join the bundled
    ones (in place of a plan of the same id), and its uploads are the submissions the reporting round reads."""
    boundaries, zones = load_layer(layer), load_zones(geodata)
    loaded = programme(store, indicators)
    if store is not None:
        boundaries = combined_layer(boundaries, imported_layers(store))
        zones = with_imported_zones(zones, store)
    return Dataset(
        provinces=load_provinces(geodata),
        units=load_units(geodata),
        zones=zones,
        layer=boundaries,
        plans=loaded.plans,
        targets=loaded.targets,
        catalogue=load_catalogue(indicators),
        tasks=loaded.register,
        tables=load_tables(DEMO_TABLES) if tables is None else tables,
        schematic=layer == SCHEMATIC_LAYER,
        submissions=pd.DataFrame(columns=SUBMISSION_COLUMNS) if store is None else store.uploads(),
    )
