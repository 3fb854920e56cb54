"""Today's province since the 2025 reform on one map: each former province's districts classed by its own plan,
and one province figure over all of them judged against the plan of today's province."""

from __future__ import annotations

from dataclasses import dataclass, replace

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from dashboard.core.i18n import t
from dashboard.dataset import Dataset
from dashboard.maps.views import LegendEntry, MapView, Selection, map_view
from dashboard.progress.measures import combined_figure
from dashboard.progress.statuses import Baseline, baseline_of, needs_path, status


@dataclass(frozen=True)
class ReformView:
    """Today's province drawn from its former provinces' district results, and what is not included."""

    view: MapView
    included: list[str]
    left_out: list[str]


def _merged_legend(legends: list[list[LegendEntry]]) -> list[LegendEntry]:
    """Return legend entries with the counts of identical classes (same colour and words) added up."""
    merged: dict[tuple[str, str, str], int] = {}
    for legend in legends:
        for entry in legend:
            key = (entry.colour, entry.label, entry.key)
            merged[key] = merged.get(key, 0) + entry.count
    return [LegendEntry(colour, label, count, key) for (colour, label, key), count in merged.items()]


def _polygons(geometry: BaseGeometry) -> BaseGeometry | None:
    """Return the polygons of a geometry (a cut may leave lines and points on a border), None when none is left."""
    parts = [part for part in shapely.get_parts(geometry) if part.geom_type == "Polygon" and not part.is_empty]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts)


def without_overlap(views: list[MapView]) -> list[MapView]:
    """Return the views with every schematic unit cut where an imported layer of another part draws, so that a
    made-up outline never covers a real one; a unit cut away whole is no longer drawn (it is listed as undrawn),
    and each legend counts what is left."""
    imported = [view.features.geometry for view in views if not view.schematic]
    if not imported or all(not view.schematic for view in views):
        return views
    drawn = shapely.union_all([geometry.union_all() for geometry in imported])
    cut_views = []
    for view in views:
        if not view.schematic:
            cut_views.append(view)
            continue
        features = view.features.copy()
        features["geometry"] = [_polygons(geometry.difference(drawn)) for geometry in features.geometry]
        kept = features[features.geometry.notna()].reset_index(drop=True)
        counts = kept["class_key"].value_counts()
        legend = [
            LegendEntry(entry.colour, entry.label, int(counts.get(entry.key, 0)), entry.key) for entry in view.legend
        ]
        lost = [code for code in features["code"] if code not in set(kept["code"])]
        cut_views.append(replace(view, features=kept, legend=legend, undrawn=[*view.undrawn, *lost]))
    return cut_views


def boundary_words(views: list[MapView], names: list[str], language: str) -> str:
    """Return which former provinces are drawn on schematic boundaries and which on imported ones, when they
    are mixed; empty otherwise (the generic note, or none, then applies)."""
    schematic = [name for name, view in zip(names, views, strict=True) if view.schematic]
    imported = [name for name, view in zip(names, views, strict=True) if not view.schematic]
    if not schematic or not imported:
        return ""
    return t("reform_map.boundaries", language, schematic=", ".join(schematic), imported=", ".join(imported))


def _combined_baseline(
    data: Dataset, included: pd.DataFrame, new_code: str, indicator: str, language: str
) -> Baseline | None:
    """Return where the path to today's province's target starts, from the figures over all its former parts."""
    kind = data.catalogue.loc[indicator, "kind"]
    series = pd.Series(
        {
            year: combined_figure(
                kind,
                [
                    map_view(data, Selection(code, indicator, year, language)).figure
                    for code in included["old_province_code"]
                ],
            ).value
            for year in data.years()
        },
        dtype=float,
    )
    plan = data.plan_of(new_code)
    return baseline_of(series, int(plan["baseline_year"]), data.catalogue.loc[indicator, "path_from"])


def reform_view(
    data: Dataset, reform: pd.DataFrame, new_code: str, indicator: str, year: int, language: str
) -> ReformView:
    """Return the map view of today's province for a year up to 2025: each former province's districts classed
    by its own plan, and a figure over all of them judged against the target of the plan of today's province."""
    parts = reform[reform["new_province_code"] == new_code]
    included = parts[parts["in_dashboard"]]
    drawn = [map_view(data, Selection(code, indicator, year, language)) for code in included["old_province_code"]]
    views = without_overlap(drawn)
    kind = data.catalogue.loc[indicator, "kind"]
    figure = combined_figure(kind, [view.figure for view in views])
    own = next(view for code, view in zip(included["old_province_code"], views, strict=True) if code == new_code)
    names = dict(zip(included["old_province_code"], included["old_province_name"], strict=True))
    own_name = parts["new_province_name"].iloc[0]
    districts = pd.concat(
        [
            view.districts.assign(former_province=names[code])
            for code, view in zip(included["old_province_code"], views, strict=True)
        ],
        ignore_index=True,
    )
    needed = needs_path(figure.value, year, own.target)
    baseline = _combined_baseline(data, included, new_code, indicator, language) if needed else None
    combined = MapView(
        features=gpd.GeoDataFrame(pd.concat([view.features for view in views], ignore_index=True), crs="EPSG:4326"),
        districts=districts,
        zones=pd.concat([view.zones for view in views], ignore_index=True),
        legend_title=own.legend_title,
        legend=_merged_legend([view.legend for view in views]),
        zone_legend=_merged_legend([view.zone_legend for view in views]),
        figure=figure,
        target=own.target,
        status=status(figure.value, year, own.target, baseline),
        is_demo=any(view.is_demo for view in views),
        schematic=any(view.schematic for view in views),
        title=t(
            "map_image.title", language, indicator=t(f"indicator.{indicator}", language), province=own_name, year=year
        ),
        undrawn=[code for view in views for code in view.undrawn],
        boundary_note=boundary_words(views, list(included["old_province_name"]), language),
    )
    left_out = list(parts.loc[~parts["in_dashboard"], "old_province_name"])
    return ReformView(combined, list(included["old_province_name"]), left_out)


def reform_table(result: ReformView, language: str) -> pd.DataFrame:
    """Return the districts of today's province as shown: former province, district, value and class in words."""
    districts = result.view.districts
    return pd.DataFrame(
        {
            t("reform.column_former", language): districts["former_province"],
            t("map.column_district", language): districts["name"],
            t("map.column_value", language): districts["value_text"],
            t("map.column_class", language): districts["class_label"],
        }
    )
