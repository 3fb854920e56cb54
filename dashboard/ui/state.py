"""Session defaults, the chosen language and the cached data every page reads."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from dashboard.dataset import Dataset, load_dataset
from dashboard.history import IndicatorHistory, district_history
from dashboard.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from dashboard.reform import load_reform
from dashboard.settings import Settings, load_settings
from dashboard.sites import green_point_view
from dashboard.store import Store
from dashboard.ui.filters import WHOLE_PROVINCE
from dashboard.uploads import open_store, store_tables
from dashboard.views import MapView, Selection, map_view

DEFAULT_PROVINCE = "25"
DEFAULT_INDICATOR = "zone_awareness"
DEFAULT_YEAR = 2025
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


@st.cache_resource(show_spinner=False)
def _store(url: str, seed: bool) -> Store:
    """Return the store at the URL, migrated, with the demo tables loaded into it when it is new and seeding is on."""
    return open_store(url, seed)


def store() -> Store:
    """Return the store of indicator rows and uploads, shared by every session."""
    chosen = settings()
    return _store(chosen.database_url, chosen.seed_demo)


def data_revision() -> int:
    """Return the store's revision: every cached result below is keyed by it, so an upload shows at once."""
    return store().revision()


@st.cache_resource(show_spinner=False, max_entries=2)
def _dataset(boundaries: Path | None, data_dir: Path, revision: int) -> Dataset:
    """Return the dataset with a boundary layer (the schematic one when None), the layers and zone lists
    imported into data_dir, and the store's tables at a revision."""
    tables = store_tables(store())
    if boundaries:
        return load_dataset(layer=boundaries, tables=tables, data_dir=data_dir)
    return load_dataset(tables=tables, data_dir=data_dir)


def dataset() -> Dataset:
    """Return the dataset, shared read-only by every session."""
    return _dataset(settings().boundaries, settings().data_dir, data_revision())


def reload_dataset() -> None:
    """Forget the cached dataset and what was computed from it, so a newly stored layer version is drawn."""
    _dataset.clear()
    _map_view.clear()
    _district_history.clear()
    _green_points.clear()


@st.cache_resource(show_spinner=False)
def reform() -> pd.DataFrame:
    """Return the province crosswalk of the 2025 reform, read once per process."""
    return load_reform()


@st.cache_resource(show_spinner=False)
def _settings() -> Settings:
    """Return the deployment settings, read once per server process."""
    return load_settings()


def settings() -> Settings:
    """Return the deployment settings, or stop the page with a message in both languages when one is wrong."""
    try:
        return _settings()
    except ValueError as problem:
        st.error(f"{t('settings.invalid', language())} {problem}")
        st.stop()


@st.cache_data(show_spinner=False, max_entries=256)
def _map_view(selection: Selection, revision: int) -> MapView:
    """Return the map view of a selection at a store revision."""
    return map_view(dataset(), selection)


def cached_map_view(selection: Selection) -> MapView:
    """Return the map view of a selection, computed once per selection and store revision."""
    return _map_view(selection, data_revision())


@st.cache_data(show_spinner=False, max_entries=256)
def _green_points(province_code: str, year: int, language: str, revision: int) -> gpd.GeoDataFrame:
    """Return the province's green retail points up to the year at a store revision."""
    return green_point_view(dataset(), province_code, year, language)


def cached_green_points(province_code: str, year: int, language: str) -> gpd.GeoDataFrame:
    """Return the province's green retail points up to the year, checked and ready to draw, once per choice."""
    return _green_points(province_code, year, language, data_revision())


@st.cache_data(show_spinner=False, max_entries=256)
def _district_history(province_code: str, code: str, language: str, revision: int) -> list[IndicatorHistory]:
    """Return a district's indicator histories at a store revision."""
    return district_history(dataset(), province_code, code, language)


def cached_district_history(province_code: str, code: str, language: str) -> list[IndicatorHistory]:
    """Return a district's indicator histories, computed once per district, language and store revision."""
    return _district_history(province_code, code, language, data_revision())


def init_session() -> None:
    """Set the defaults every page relies on, once per session."""
    defaults = {
        "language": DEFAULT_LANGUAGE,
        "keep_province": DEFAULT_PROVINCE,
        "keep_indicator": DEFAULT_INDICATOR,
        "keep_year": DEFAULT_YEAR,
        "keep_district": WHOLE_PROVINCE,
        "last_map_click": None,
        "entry_ran": True,
    }
    for key, value in defaults.items():
        st.session_state.setdefault(key, value)


def language_selector() -> str:
    """Draw the language switch in the sidebar and return the chosen language."""
    st.sidebar.radio(
        t("app.language", DEFAULT_LANGUAGE),
        LANGUAGES,
        key="language",
        format_func=LANGUAGE_NAMES.get,
        horizontal=True,
    )
    return st.session_state["language"]


def language() -> str:
    """Return the language chosen in this session."""
    return st.session_state.get("language", DEFAULT_LANGUAGE)


def asset_url() -> str:
    """Return the address the app serves its vendored front-end assets from."""
    base = st.get_option("server.baseUrlPath").strip("/")
    return f"/{base}/app/static/vendor" if base else "/app/static/vendor"


def run_through_entry() -> None:
    """Rerun through app.py when Streamlit ran a page file directly before the entry file ever ran.

    Until the entry file has called st.navigation once in a server process, Streamlit treats pages/ as an
    old-style page folder and serves a deep link (/district) without app.py; rerunning fixes that.
    """
    if PagesManager.uses_pages_directory and not st.session_state.get("entry_ran"):
        PagesManager.uses_pages_directory = False
        st.rerun()
