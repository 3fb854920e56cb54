"""The 2025 reform: provinces merged whole into today's provinces, and the old districts' results shown inside
today's province with one province figure that spans the reform."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd

from dashboard.dataset import Dataset
from dashboard.i18n import t
from dashboard.measures import ProvinceFigure
from dashboard.paths import GEODATA
from dashboard.progress import Baseline, baseline_of, needs_path, status
from dashboard.units import full_name
from dashboard.views import LegendEntry, MapView, Selection, map_view

REFORM_YEAR = 2025


def load_reform(folder: Path = GEODATA) -> pd.DataFrame:
    """Return the province crosswalk of the 2025 reform: each old province and the province it is part of today."""
    frame = pd.read_csv(
        folder / "reform_2025.csv", dtype={"old_province_code": str, "new_province_code": str}, keep_default_na=False
    )
    for column in ("in_dashboard", "code_checked"):
        frame[column] = frame[column].astype(str).str.lower() == "true"
    return frame


def district_crosswalk(units: pd.DataFrame, reform: pd.DataFrame) -> pd.DataFrame:
    """Return each old district (its last version) with its old province and the province it is part of today."""
    last = units.sort_values("valid_from").drop_duplicates("code", keep="last")
    provinces = reform.set_index("old_province_code")
    crosswalk = last[["code", "type", "name", "province_code", "valid_to"]].rename(
        columns={"province_code": "old_province_code"}
    )
    crosswalk["new_province_code"] = crosswalk["old_province_code"].map(provinces["new_province_code"])
    crosswalk["new_province_name"] = crosswalk["old_province_code"].map(provinces["new_province_name"])
    return crosswalk.reset_index(drop=True)


def today_provinces(reform: pd.DataFrame) -> dict[str, str]:
    """Return today's provinces (code to name) that the reform crosswalk covers."""
    return dict(zip(reform["new_province_code"], reform["new_province_name"], strict=False))


@dataclass(frozen=True)
class ReformView:
    """Today's province drawn from its former provinces' district results, and what is not included."""

    view: MapView
    included: list[str]
    left_out: list[str]


def combined_figure(kind: str, figures: list[ProvinceFigure]) -> ProvinceFigure:
    """Return one province figure from several: summed numerators over summed denominators for shares, a sum
    for counts, units counted together; None when none has a value."""
    numerator = sum(figure.numerator for figure in figures)
    denominator = sum(figure.denominator for figure in figures)
    if all(figure.value is None for figure in figures) or denominator == 0:
        value = None
    elif kind in {"share", "share_of_units"}:
        value = numerator * 100 / denominator
    else:
        value = numerator
    return ProvinceFigure(
        value,
        numerator,
        denominator,
        sum(figure.reported for figure in figures),
        sum(figure.expected for figure in figures),
    )


def _merged_legend(legends: list[list[LegendEntry]]) -> list[LegendEntry]:
    """Return legend entries with the counts of identical classes (same colour and words) added up."""
    merged: dict[tuple[str, str], int] = {}
    for legend in legends:
        for entry in legend:
            merged[(entry.colour, entry.label)] = merged.get((entry.colour, entry.label), 0) + entry.count
    return [LegendEntry(colour, label, count) for (colour, label), count in merged.items()]


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
    views = [map_view(data, Selection(code, indicator, year, language)) for code in included["old_province_code"]]
    kind = data.catalogue.loc[indicator, "kind"]
    figure = combined_figure(kind, [view.figure for view in views])
    own = next(view for code, view in zip(included["old_province_code"], views, strict=True) if code == new_code)
    names = dict(zip(included["old_province_code"], included["old_province_name"], strict=True))
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
    )
    left_out = list(parts.loc[~parts["in_dashboard"], "old_province_name"])
    return ReformView(combined, list(included["old_province_name"]), left_out)


def reform_note(reform: pd.DataFrame, new_code: str, language: str) -> str:
    """Return what today's province is made of, in words, and which former provinces have no data here."""
    parts = reform[reform["new_province_code"] == new_code]
    name = parts["new_province_name"].iloc[0]
    formers = ", ".join(parts["old_province_name"])
    missing = ", ".join(parts.loc[~parts["in_dashboard"], "old_province_name"])
    if len(parts) == 1:
        return t("reform.unchanged", language, name=name)
    note = t("reform.made_of", language, name=name, formers=formers)
    if missing:
        note += " " + t("reform.left_out", language, names=missing)
    if not parts["code_checked"].all():
        note += " " + t("reform.code_unchecked", language, code=new_code)
    return note


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


def crosswalk_table(units: pd.DataFrame, reform: pd.DataFrame, new_code: str, language: str) -> pd.DataFrame:
    """Return the crosswalk of today's province: each former district, its code, former province and last year."""
    crosswalk = district_crosswalk(units, reform)
    chosen = crosswalk[crosswalk["new_province_code"] == new_code]
    names = reform.set_index("old_province_code")["old_province_name"]
    return pd.DataFrame(
        {
            t("reform.column_code", language): chosen["code"],
            t("map.column_district", language): [
                full_name(row.type, row.name, language) for row in chosen.itertuples()
            ],
            t("reform.column_former", language): chosen["old_province_code"].map(names),
            t("reform.column_last_year", language): chosen["valid_to"],
            t("reform.column_today", language): chosen["new_province_name"],
        }
    )
