"""Values, province figures and targets in words, in the indicator's unit and the reader's language."""

from __future__ import annotations

import pandas as pd

from dashboard.core.i18n import format_number, format_percent, t
from dashboard.progress.measures import NO_DATA, NOT_APPLICABLE
from dashboard.progress.targets import Target


def value_text(indicator: str, kind: str, row: pd.Series, language: str) -> str:
    """Return a district value in words: '66,7% (2/3 khu)', '3 đợt', 'Không có số liệu'."""
    if row["state"] == NO_DATA:
        return t("value.no_data", language)
    if row["state"] == NOT_APPLICABLE:
        return t(f"not_applicable.{indicator}", language)
    if kind == "share":
        return t(
            "value.share",
            language,
            value=format_percent(row["value"], language),
            numerator=format_number(row["numerator"], language, 0),
            denominator=format_number(row["denominator"], language, 0),
            noun=t(f"denominator.{indicator}", language),
        )
    return t(
        "value.count", language, value=format_number(row["value"], language, 0), noun=t(f"noun.{indicator}", language)
    )


def figure_text(indicator: str, kind: str, value: float | None, language: str) -> str:
    """Return a province figure or target value in the indicator's unit."""
    if value is None:
        return t("value.no_data", language)
    if kind in {"share", "share_of_units"}:
        return format_percent(value, language)
    return t("value.count", language, value=format_number(value, language, 0), noun=t(f"noun.{indicator}", language))


def target_value_text(target: Target, indicator: str, kind: str, language: str) -> str:
    """Return a target's value in the indicator's unit: '70%' or '20–30 mô hình' for a range."""
    if target.stretch is None:
        return figure_text(indicator, kind, target.minimum, language)
    stretch = figure_text(indicator, kind, target.stretch, language)
    return t("target.range", language, minimum=format_number(target.minimum, language, 0), stretch=stretch)


def target_text(target: Target | None, indicator: str, kind: str, language: str) -> str:
    """Return a target in words: 'Chỉ tiêu 2025: 20–30 mô hình' or that the plan sets none."""
    if target is None:
        return t("target.none", language)
    return t("target.value", language, year=target.year, value=target_value_text(target, indicator, kind, language))


def province_target_metric(target: Target | None, indicator: str, kind: str, language: str) -> tuple[str, str]:
    """Return the label and value of the target metric: ('Chỉ tiêu tỉnh 2025', '70%') or no target."""
    if target is None:
        return t("map.province_target", language), t("status.no_target", language)
    return (
        t("map.province_target_year", language, year=target.year),
        target_value_text(target, indicator, kind, language),
    )
