"""Cached results of the progress pages, computed once per choice and shared by every session."""

from __future__ import annotations

import streamlit as st

from dashboard.scorecard import ScoreRow, scorecard
from dashboard.ui.state import dataset
from dashboard.views import MapView, Selection, map_view


@st.cache_data(show_spinner=False, max_entries=64)
def cached_scorecard(plan_id: str, year: int) -> list[ScoreRow]:
    """Return a plan's scorecard as of a year."""
    return scorecard(dataset(), plan_id, year)


@st.cache_data(show_spinner=False, max_entries=64)
def cached_map_pair(first: Selection, second: Selection) -> tuple[MapView, MapView]:
    """Return the map views of two selections (two years of the same indicator)."""
    return map_view(dataset(), first), map_view(dataset(), second)
