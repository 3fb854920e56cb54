"""What a map shows, assembled from the dataset for a selection: districts with their values and classes,
zones, the legend and the province figure; plain data, no drawing."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd

from dashboard.core.i18n import t
from dashboard.dataset import Dataset
from dashboard.geography.boundaries.layers import province_features
from dashboard.geography.units import full_name, units_of
from dashboard.intake.tables import is_demo
from dashboard.maps.classes import MapClass, classify, count_classes, legend_label, share_classes, status_classes
from dashboard.progress.figures import core_province_figure, province_series
from dashboard.progress.measures import (
    NOT_APPLICABLE,
    VALUE,
    ProvinceFigure,
    district_values,
    province_figure,
    zone_reached,
)
from dashboard.progress.statuses import Baseline, baseline_of, needs_path, status
from dashboard.progress.succession import commune_era
from dashboard.progress.targets import Target, district_breaks, plan_targets, target_for_year
from dashboard.progress.wording import province_target_metric, value_text

ZONE_COLOURS = {1.0: "#08306b", 0.0: "#ffffff"}
ZONE_NEUTRAL = "#6a3d9a"
ZONE_NO_DATA = "#9e9e9e"


@dataclass(frozen=True)
class Selection:
    """What the user chose: province, indicator, year, language and, optionally, one district."""

    province_code: str
    indicator: str
    year: int
    language: str
    district_code: str | None = None


@dataclass(frozen=True)
class LegendEntry:
    """One legend line: its colour, its words, how many units drawn fall in it and its class key."""

    colour: str
    label: str
    count: int
    key: str = ""


@dataclass(frozen=True)
class MapView:
    """Everything the map page draws for a selection; undrawn holds the codes of units the boundary layer drawn
    lacks (their values are in the table, not on the map), boundary_note says which parts are schematic when a map
    mixes schematic and imported boundaries."""

    features: gpd.GeoDataFrame
    districts: pd.DataFrame
    zones: pd.DataFrame
    legend_title: str
    legend: list[LegendEntry]
    zone_legend: list[LegendEntry]
    figure: ProvinceFigure
    target: Target | None
    status: str
    is_demo: bool
    schematic: bool
    title: str = ""
    undrawn: list[str] = field(default_factory=list)
    boundary_note: str = ""


def tooltip_html(title: str, lines: list[tuple[str, str]]) -> str:
    """Return tooltip HTML with every piece of text escaped."""
    body = "".join(f"<br>{html.escape(label)}: {html.escape(value)}" for label, value in lines)
    return f"<b>{html.escape(title)}</b>{body}"


def tooltip_lines(
    indicator: str, year: int, text: str, class_words: str, target: tuple[str, str], language: str
) -> list[tuple[str, str]]:
    """Return a district tooltip's lines, none repeating another or its own label: the value, its class only when
    it says more than the value ('2–3 models' beside '2 models', not '100%' beside '100% (8/8)'), the target."""
    lines = [(t(f"indicator_short.{indicator}", language, year=year), text)]
    if class_words not in text and text not in class_words:
        lines.append((t("map.class", language), class_words))
    return [*lines, target]


def map_classes(data: Dataset, plan_id: str, indicator: str) -> list[MapClass]:
    """Return the map classes of an indicator under a plan: the plan's thresholds for shares."""
    breaks = district_breaks(data.catalogue, indicator)
    if data.catalogue.loc[indicator, "district_value"] == "share":
        classes = share_classes(plan_targets(data.targets, plan_id, indicator), breaks)
    else:
        classes = count_classes(breaks)
    return classes + status_classes()


def _zone_view(data: Dataset, selection: Selection, reached: pd.DataFrame) -> pd.DataFrame:
    """Return the province's zones (with reached per zone) with colour and tooltip; coloured by reach for
    zone awareness."""
    language = selection.language
    units = units_of(data.units, selection.province_code, selection.year).set_index("code")
    rows = []
    for zone in reached.itertuples():
        lines = [(t("zone.kind", language), t(f"zone_kind.{zone.kind}", language))]
        if zone.district_code in units.index:
            unit = units.loc[zone.district_code]
            lines.append((t("zone.district", language), full_name(unit["type"], unit["name"], language)))
        if selection.indicator == "zone_awareness":
            state = "no_data" if pd.isna(zone.reached) else "reached" if zone.reached else "not_reached"
            lines.append((t("zone.awareness", language, year=selection.year), t(f"zone.{state}", language)))
            colour = ZONE_NO_DATA if pd.isna(zone.reached) else ZONE_COLOURS[zone.reached]
        else:
            colour = ZONE_NEUTRAL
        if zone.location_approximate:
            lines.append((t("zone.location", language), t("zone.approximate", language)))
        rows.append(
            {
                "zone_code": zone.zone_code,
                "name": zone.name,
                "kind": zone.kind,
                "latitude": zone.latitude,
                "longitude": zone.longitude,
                "reached": zone.reached,
                "colour": colour,
                "tooltip": tooltip_html(zone.name, lines),
            }
        )
    return pd.DataFrame(rows)


def _zone_legend(zones: pd.DataFrame, indicator: str, language: str) -> list[LegendEntry]:
    """Return the legend of the zone markers."""
    if indicator != "zone_awareness":
        return [LegendEntry(ZONE_NEUTRAL, t("zone.legend_all", language), len(zones))]
    reached = zones["reached"]
    return [
        LegendEntry(ZONE_COLOURS[1.0], t("zone.reached", language), int((reached == 1).sum())),
        LegendEntry(ZONE_COLOURS[0.0], t("zone.not_reached", language), int((reached == 0).sum())),
        LegendEntry(ZONE_NO_DATA, t("zone.no_data", language), int(reached.isna().sum())),
    ]


def _baseline(data: Dataset, province_code: str, indicator: str) -> Baseline | None:
    """Return where the path to the province's targets for an indicator starts."""
    plan = data.plan_of(province_code)
    series = province_series(data, province_code, indicator)
    return baseline_of(series, int(plan["baseline_year"]), data.catalogue.loc[indicator, "path_from"])


def map_view(data: Dataset, selection: Selection) -> MapView:
    """Return the map page's content for a selection."""
    language, indicator, year = selection.language, selection.indicator, selection.year
    plan = data.plan_of(selection.province_code)
    kind = data.catalogue.loc[indicator, "kind"]
    district_kind = data.catalogue.loc[indicator, "district_value"]
    units = units_of(data.units, selection.province_code, year)
    zones = data.zones_of(selection.province_code, year)
    values = district_values(indicator, data.tables, units["code"], zones, year, int(plan["period_start"]))
    classes = map_classes(data, plan["plan_id"], indicator)
    target = target_for_year(plan_targets(data.targets, plan["plan_id"], indicator), year)
    target_metric = province_target_metric(target, indicator, kind, language)
    zone_table = data.tables.get("zone_awareness")
    reached = zone_reached(zone_table, zones, year) if zone_table is not None else zones.assign(reached=float("nan"))
    figure = province_figure(kind, values, reached if indicator == "zone_awareness" else None)
    if commune_era(year) and not units.empty:
        figure = core_province_figure(data, selection.province_code, indicator, year) or figure
    noun = t(f"noun.{indicator}", language)
    needed = needs_path(figure.value, year, target)
    baseline = _baseline(data, selection.province_code, indicator) if needed else None

    rows = []
    value_rows = values.to_dict("index")
    for unit in units.itertuples():
        row = value_rows[unit.code]
        cls = classify(row["value"], row["state"], classes)
        name = full_name(unit.type, unit.name, language)
        text = value_text(indicator, district_kind, row, language)
        class_words = legend_label(cls, language, noun)
        tooltip = tooltip_html(name, tooltip_lines(indicator, year, text, class_words, target_metric, language))
        rows.append(
            {
                "code": unit.code,
                "name": name,
                "value": row["value"] if row["state"] == VALUE else None,
                "value_text": text,
                "class_key": cls.key,
                "class_label": class_words,
                "label": unit.name,
                "colour": cls.colour,
                "tooltip": tooltip,
            }
        )
    columns = ["code", "name", "value", "value_text", "class_key", "class_label", "label", "colour", "tooltip"]
    districts = pd.DataFrame(rows, columns=columns)
    features = province_features(data.layer, selection.province_code, year).merge(
        districts[["code", "colour", "class_key", "tooltip"]], on="code"
    )
    counts = features["class_key"].value_counts()
    legend = [
        LegendEntry(cls.colour, legend_label(cls, language, noun), int(counts.get(cls.key, 0)), cls.key)
        for cls in classes
        if cls.key != NOT_APPLICABLE or counts.get(cls.key, 0)
    ]
    zone_rows = _zone_view(data, selection, reached)
    province = data.province(selection.province_code)["name"]
    return MapView(
        features=features,
        districts=districts,
        zones=zone_rows,
        legend_title=t(f"legend.{indicator}", language, year=year),
        legend=legend,
        zone_legend=_zone_legend(zone_rows, indicator, language),
        figure=figure,
        target=target,
        status=status(figure.value, year, target, baseline),
        is_demo=is_demo(data.tables),
        schematic=data.draws_schematic(selection.province_code, year),
        title=t(
            "map_image.title", language, indicator=t(f"indicator.{indicator}", language), province=province, year=year
        ),
        undrawn=[code for code in districts["code"] if code not in set(features["code"])],
    )


def district_row(view: MapView, code: str) -> pd.Series:
    """Return one district's row of a map view (name, value in words, class)."""
    return view.districts.set_index("code").loc[code]


def selected_district(returned: dict | None) -> str | None:
    """Return the district code of the shape last clicked on the map, if any."""
    drawing = (returned or {}).get("last_active_drawing") or {}
    return (drawing.get("properties") or {}).get("code")


def map_note(view: MapView, language: str) -> str:
    """Return what the map says of its boundaries: which parts are schematic, or that all are, or nothing."""
    return view.boundary_note or (t("app.schematic_note", language) if view.schematic else "")


def undrawn_note(view: MapView, language: str) -> str:
    """Return the note naming the units the drawn boundary layer lacks, with their values; empty when none."""
    if not view.undrawn:
        return ""
    rows = view.districts.set_index("code").loc[view.undrawn]
    units = "; ".join(f"{row.name} ({row.value_text})" for row in rows.itertuples())
    return t("map_notes.undrawn", language, units=units)


def coverage_text(view: MapView, measured_on: str, kind: str, language: str) -> str:
    """Return how many units the province figure rests on, in words."""
    figure = view.figure
    if kind == "cumulative_count":
        return t("map.coverage_register", language, expected=figure.expected)
    key = "map.coverage_zones" if measured_on == "zone" else "map.coverage_districts"
    return t(key, language, reported=figure.reported, expected=figure.expected)


def district_table(view: MapView, language: str) -> pd.DataFrame:
    """Return the per-district table as shown: district, value in words, class in words."""
    return pd.DataFrame(
        {
            t("map.column_district", language): view.districts["name"],
            t("map.column_value", language): view.districts["value_text"],
            t("map.column_class", language): view.districts["class_label"],
        }
    )


def class_table(view: MapView, language: str) -> pd.DataFrame:
    """Return the legend as a table: class in words and how many districts fall in it, drawn or not."""
    counts = view.districts["class_key"].value_counts()
    return pd.DataFrame(
        {
            t("map.column_class", language): [entry.label for entry in view.legend],
            t("map.class_count", language): [int(counts.get(entry.key, 0)) for entry in view.legend],
        }
    )
