"""Sidebar selectors shared by the pages; choices persist while the user moves between pages."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from dashboard.core.i18n import t
from dashboard.dataset import Dataset
from dashboard.geography.levels import reported_level
from dashboard.geography.units import full_name, units_of

WHOLE_PROVINCE = "*"


def _keep(widget_key: str) -> None:
    """Copy a widget's value to its persistent key, which survives pages that do not draw the widget."""
    st.session_state[f"keep_{widget_key}"] = st.session_state[widget_key]


def _persistent_selectbox(label: str, options: Sequence, key: str, format_func: Callable) -> object:
    """Draw a sidebar selectbox whose choice outlives the page; return the choice."""
    kept = st.session_state.get(f"keep_{key}")
    st.session_state[key] = kept if kept in options else options[0]
    st.session_state[f"keep_{key}"] = st.session_state[key]
    return st.sidebar.selectbox(label, options, key=key, format_func=format_func, on_change=_keep, args=(key,))


def choose_province(data: Dataset, language: str, year: int | None = None) -> str:
    """Draw the province selector (the four plans; given a year, the provinces of that year: the merged Phú Thọ,
    Thái Nguyên and Hà Tĩnh from 2026) and return the province code."""
    names = dict(zip(data.provinces["province_code"], data.provinces["name"], strict=True))
    options = list(data.plans["province_code"]) if year is None else data.provinces_in(year)
    return _persistent_selectbox(t("filter.province", language), options, "province", names.get)


def choose_indicator(data: Dataset, language: str) -> str:
    """Draw the core indicator selector and return the indicator code."""
    options = data.core_indicators()
    return _persistent_selectbox(
        t("filter.indicator", language), options, "indicator", lambda code: t(f"indicator.{code}", language)
    )


def choose_year(years: Sequence[int], language: str) -> int:
    """Draw the year selector and return the year."""
    return _persistent_selectbox(t("filter.year", language), list(years), "year", str)


def choose_district(data: Dataset, province_code: str, year: int, language: str, allow_all: bool) -> str | None:
    """Draw the selector of the province's units in a year (districts, or communes from 2026); None means the
    whole province."""
    units = units_of(data.units, province_code, year)
    names = {row.code: full_name(row.type, row.name, language) for row in units.itertuples()}
    options = ([WHOLE_PROVINCE] if allow_all else []) + list(names)
    level = reported_level(year)
    whole = t("filter.all_districts" if level == "district" else "filter.all_communes", language)
    chosen = _persistent_selectbox(
        t("filter.district" if level == "district" else "filter.commune", language),
        options,
        "district",
        lambda code: whole if code == WHOLE_PROVINCE else names[code],
    )
    return None if chosen == WHOLE_PROVINCE else chosen


def follow_map_click(clicked_code: str | None) -> None:
    """Make a district clicked on the map the chosen district (once per click) and redraw."""
    if clicked_code and clicked_code != st.session_state["last_map_click"]:
        st.session_state["last_map_click"] = st.session_state["keep_district"] = clicked_code
        st.rerun()
