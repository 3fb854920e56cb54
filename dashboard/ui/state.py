"""Session defaults, the chosen language and the cached data every page reads."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path

import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from dashboard.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from dashboard.core.settings import Settings, load_settings
from dashboard.dataset import Dataset, load_dataset
from dashboard.geography.boundaries.layers import SCHEMATIC_LAYER, LayerFileError
from dashboard.geography.reform import load_reform
from dashboard.intake.audit import changes_table
from dashboard.intake.uploads import open_store, store_tables
from dashboard.maps.points import green_point_view
from dashboard.maps.prepared import dataset_files, files_version, prepared_layer
from dashboard.maps.reform_map import ReformView, reform_view
from dashboard.maps.views import MapView, Selection, map_view
from dashboard.progress.history import IndicatorHistory, district_history
from dashboard.progress.scorecard import ScoreRow, scorecard
from dashboard.reports.yearly import YearlyReport, yearly_report
from dashboard.store.database import Store, StoreUnavailableError
from dashboard.ui.filters import WHOLE_PROVINCE
from dashboard.ui.text import plain

DEFAULT_PROVINCE = "25"
DEFAULT_INDICATOR = "zone_awareness"
DEFAULT_YEAR = 2025
DEFAULT_REPORT_YEAR = 2026
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


@st.cache_resource(show_spinner=False)
def _store(chosen: Settings) -> Store:
    """Return the store the settings name, migrated, with the files of earlier versions moved into it once and
    the demo tables loaded into it when it is new and seeding is on."""
    return open_store(chosen)


def store() -> Store:
    """Return the store of every piece of state, shared by every session; raise StoreUnavailableError when it
    cannot be opened (a damaged store is reported, and tried again, on every page until it is repaired)."""
    return _store(settings())


@contextmanager
def store_faults_shown() -> Iterator[None]:
    """Run a page, showing a store that cannot be read or written as one message in both languages (the page's
    transaction was rolled back, so nothing was written) instead of a traceback."""
    try:
        yield
    except StoreUnavailableError as fault:
        st.error(plain(fault.message()), icon=":material/database:")


@st.cache_resource(show_spinner=False)
def _files_version(boundaries: Path | None) -> str:
    """Return the version of the bundled data files read with a boundary layer, computed once per process."""
    return files_version(dataset_files(boundaries or SCHEMATIC_LAYER))


def data_version() -> str:
    """Return the version of the data shown: the bundled files and the store's revision, which every upload, undo,
    imported layer or zone list and account change moves on (through any server on the same store); every cache
    of prepared data is keyed by it."""
    return f"{_files_version(settings().boundaries)}:{store().revision()}"


@st.cache_resource(show_spinner=False, max_entries=2)
def _dataset(boundaries: Path | None, version: str) -> Dataset:
    """Return the dataset of a data version: the boundary layer (the schematic one when None) with the layers
    imported into the store, prepared for the map, and the store's tables."""
    tables = store_tables(store())
    if boundaries:
        data = load_dataset(layer=boundaries, tables=tables, store=store())
    else:
        data = load_dataset(tables=tables, store=store())
    return replace(data, layer=prepared_layer(data.layer))


def dataset() -> Dataset:
    """Return the dataset, shared read-only by every session, or stop the page with a message in both languages
    when the layer file SCP_BOUNDARIES names cannot be drawn."""
    try:
        return _dataset(settings().boundaries, data_version())
    except LayerFileError as problem:
        st.error(f"{t('settings.invalid', language())} {plain(str(problem))}")
        st.stop()


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
        st.error(f"{t('settings.invalid', language())} {plain(str(problem))}")
        st.stop()


@st.cache_resource(show_spinner=False, max_entries=256)
def versioned_map_view(version: str, selection: Selection, _data: Dataset) -> MapView:
    """Return the map view of a selection in the dataset of a data version (the key; the dataset itself is
    not hashed), computed once and shared read-only by every session."""
    return map_view(_data, selection)


def cached_map_view(selection: Selection) -> MapView:
    """Return the map view of a selection in the current data version."""
    return versioned_map_view(data_version(), selection, dataset())


@st.cache_data(show_spinner=False, max_entries=256)
def _green_points(version: str, province_code: str, year: int, language: str) -> gpd.GeoDataFrame:
    """Return the province's green retail points up to the year in a data version."""
    return green_point_view(dataset(), province_code, year, language)


def cached_green_points(province_code: str, year: int, language: str) -> gpd.GeoDataFrame:
    """Return the province's green retail points up to the year, checked and ready to draw, once per choice."""
    return _green_points(data_version(), province_code, year, language)


@st.cache_data(show_spinner=False, max_entries=256)
def _district_history(version: str, province_code: str, code: str, language: str) -> list[IndicatorHistory]:
    """Return a district's indicator histories in a data version, computed once per district and language."""
    return district_history(dataset(), province_code, code, language)


def cached_district_history(province_code: str, code: str, language: str) -> list[IndicatorHistory]:
    """Return a district's indicator histories in the current data version."""
    return _district_history(data_version(), province_code, code, language)


@st.cache_data(show_spinner=False, max_entries=64)
def _scorecard(version: str, plan_id: str, year: int) -> list[ScoreRow]:
    """Return a plan's scorecard as of a year in a data version."""
    return scorecard(dataset(), plan_id, year)


def cached_scorecard(plan_id: str, year: int) -> list[ScoreRow]:
    """Return a plan's scorecard as of a year, computed once per data version."""
    return _scorecard(data_version(), plan_id, year)


@st.cache_resource(show_spinner=False, max_entries=16)
def _yearly_report(version: str, plan_id: str, year: int, language: str, today: date) -> YearlyReport:
    """Return a plan's yearly report for a year as of a day, without its maps, in a data version."""
    return yearly_report(dataset(), plan_id, year, language, today, with_maps=False)


def cached_yearly_report(plan_id: str, year: int, language: str, today: date) -> YearlyReport:
    """Return a plan's yearly report (tables only) as of a day, computed once per data version and choice."""
    return _yearly_report(data_version(), plan_id, year, language, today)


@st.cache_resource(show_spinner=False, max_entries=64)
def _reform_view(version: str, new_code: str, indicator: str, year: int, language: str) -> ReformView:
    """Return today's province view of an indicator and year in a data version, shared read-only."""
    return reform_view(dataset(), reform(), new_code, indicator, year, language)


def cached_reform_view(new_code: str, indicator: str, year: int, language: str) -> ReformView:
    """Return today's province view of an indicator and year, computed once per data version."""
    return _reform_view(data_version(), new_code, indicator, year, language)


@st.cache_data(show_spinner=False, max_entries=8)
def _audit(version: str, language: str) -> pd.DataFrame:
    """Return the audit log of every value change in a data version."""
    return changes_table(store().changes(), language)


def cached_audit(language: str) -> pd.DataFrame:
    """Return the audit log of every value change, read once per data version and language."""
    return _audit(data_version(), language)


def init_session() -> None:
    """Set the defaults every page relies on, once per session."""
    defaults = {
        "language": DEFAULT_LANGUAGE,
        "keep_province": DEFAULT_PROVINCE,
        "keep_indicator": DEFAULT_INDICATOR,
        "keep_year": DEFAULT_YEAR,
        "keep_district": WHOLE_PROVINCE,
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
