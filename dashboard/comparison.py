"""Two years of the same indicator side by side: the district table with both values and the class change."""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import t
from dashboard.views import MapView


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
