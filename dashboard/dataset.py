"""Everything the dashboard reads, loaded once: units, zones, boundaries, plans, targets and tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from dashboard.core.paths import DEMO_TABLES, GEODATA, INDICATORS
from dashboard.core.programme import load_catalogue, load_plans, load_targets
from dashboard.geography.boundaries.layers import SCHEMATIC_LAYER, load_layer
from dashboard.geography.boundaries.stored import combined_layer, imported_layers
from dashboard.geography.units import load_provinces, load_units, load_zones, valid_in
from dashboard.geography.zones.stored import with_imported_zones
from dashboard.intake.demo_communes import demo_tables_with_communes
from dashboard.intake.tables import PROVINCE_VALUES, table_specs


@dataclass(frozen=True)
class Dataset:
    """The data behind every page."""

    provinces: pd.DataFrame
    units: pd.DataFrame
    zones: pd.DataFrame
    layer: gpd.GeoDataFrame
    plans: pd.DataFrame
    targets: pd.DataFrame
    catalogue: pd.DataFrame
    tables: dict[str, pd.DataFrame]
    schematic: bool
    memo: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    def plan_of(self, province_code: str) -> pd.Series:
        """Return the plan of a province."""
        return self.plans[self.plans["province_code"] == province_code].iloc[0]

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

    def mapped_years(self, province_code: str | None = None) -> list[int]:
        """Return the years with data that a boundary layer can draw, for a province or for any: a year whose
        units have no layer yet (communes before a commune layer is loaded) is not offered on a map."""
        layer = self.layer if province_code is None else self.layer[self.layer["province_code"] == province_code]
        return [year for year in self.years() if not valid_in(layer, year).empty]

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
    data_dir: Path | None = None,
) -> Dataset:
    """Return the dataset read from the project's data folders with the given indicator tables (by default the
    bundled demonstration tables, with 2026 rows by commune made from the registry package); boundary layers
    imported into data_dir take over the years they are valid in, and zone lists imported there replace the listed
    zones they name."""
    boundaries, zones = load_layer(layer), load_zones(geodata)
    units, provinces, plans = load_units(geodata), load_provinces(geodata), load_plans(indicators)
    if data_dir is not None:
        boundaries = combined_layer(boundaries, imported_layers(data_dir))
        zones = with_imported_zones(zones, data_dir)
    return Dataset(
        provinces=provinces,
        units=units,
        zones=zones,
        layer=boundaries,
        plans=plans,
        targets=load_targets(indicators),
        catalogue=load_catalogue(indicators),
        tables=demo_tables_with_communes(DEMO_TABLES, units, zones, provinces, plans) if tables is None else tables,
        schematic=layer == SCHEMATIC_LAYER,
    )
