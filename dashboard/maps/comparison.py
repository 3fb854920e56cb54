"""Two years of the same indicator side by side: the district table with both values and the class change."""

from __future__ import annotations

import pandas as pd
from pandas.io.formats.style import Styler

from dashboard.core.i18n import t
from dashboard.maps.views import MapView

SWATCH = " "


def comparison_table(first: MapView, second: MapView, years: tuple[int, int], language: str) -> pd.DataFrame:
    """Return each district's value and class in both years (a district valid in one year only shows the other
    as not existing)."""
    left = first.districts.set_index("code")[["name", "value_text", "class_label"]]
    right = second.districts.set_index("code")[["name", "value_text", "class_label"]]
    joined = left.merge(right, how="outer", left_index=True, right_index=True, suffixes=("_first", "_second"))
    absent = t("compare.not_valid", language)
    joined = joined.fillna({column: absent for column in joined.columns if not column.startswith("name")})
    names = joined["name_second"].fillna(joined["name_first"])
    changed = joined["class_label_first"] != joined["class_label_second"]
    return pd.DataFrame(
        {
            t("map.column_district", language): names.to_numpy(),
            t("compare.column_value", language, year=years[0]): joined["value_text_first"].to_numpy(),
            t("compare.column_value", language, year=years[1]): joined["value_text_second"].to_numpy(),
            t("compare.column_class", language, year=years[0]): joined["class_label_first"].to_numpy(),
            t("compare.column_class", language, year=years[1]): joined["class_label_second"].to_numpy(),
            t("compare.column_changed", language): [
                t("compare.changed" if flag else "compare.same", language) for flag in changed
            ],
        }
    )


def legend_counts(first: MapView, second: MapView, years: tuple[int, int], language: str) -> pd.DataFrame:
    """Return the shared legend of two maps (the same classes) with how many districts fall in each class per year,
    zone markers after the district classes."""
    rows = []
    for entries_first, entries_second in ((first.legend, second.legend), (first.zone_legend, second.zone_legend)):
        counts_second = {entry.label: entry.count for entry in entries_second}
        labels = [entry.label for entry in entries_first]
        labels += [entry.label for entry in entries_second if entry.label not in labels]
        counts_first = {entry.label: entry.count for entry in entries_first}
        rows += [(label, counts_first.get(label, 0), counts_second.get(label, 0)) for label in labels]
    return pd.DataFrame(
        rows,
        columns=[
            t("map.column_class", language),
            t("compare.column_count", language, year=years[0]),
            t("compare.column_count", language, year=years[1]),
        ],
    )


def styled_legend(table: pd.DataFrame, first: MapView, second: MapView) -> Styler:
    """Return the shared legend with a swatch column in each class's colour before its words."""
    entries = [*first.legend, *second.legend, *first.zone_legend, *second.zone_legend]
    colours = {entry.label: entry.colour for entry in entries}
    labels = table[table.columns[0]]
    swatched = table.copy()
    swatched.insert(0, SWATCH, "")
    return swatched.style.apply(
        lambda column: [f"background-color: {colours.get(label, '#ffffff')}" for label in labels], subset=[SWATCH]
    )
