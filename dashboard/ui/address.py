"""The map page's selection kept in its address, so that a link opens the same map: read once per new address
before the selectors are drawn, written back after them."""

from __future__ import annotations

import streamlit as st

from dashboard.dataset import Dataset
from dashboard.maps.address import FIELDS, MapAddress, address_notes, address_values, read_address
from dashboard.ui.filters import WHOLE_PROVINCE
from dashboard.ui.state import DEFAULT_INDICATOR, DEFAULT_PROVINCE, DEFAULT_YEAR

WRITTEN_KEY = "map_address"
MAP_PAGE = "pages/map.py"


def open_map() -> None:
    """Open the map at its own address (/map), carrying the query of the address the app was opened at, so a
    link to the app's root and a link to /map show the same map and the address a leader copies names the map."""
    st.switch_page(MAP_PAGE, query_params=st.query_params.to_dict())


def follow_address(data: Dataset, language: str) -> list[str]:
    """Make the selection the page's address names the chosen one, unless the page wrote that address itself;
    return a note for each value the data does not know (it falls back to the default)."""
    given = {name: st.query_params[name] for name in FIELDS if st.query_params.get(name)}
    if not given or given == st.session_state.get(WRITTEN_KEY):
        return []
    address = read_address(data, given, MapAddress(DEFAULT_PROVINCE, DEFAULT_INDICATOR, DEFAULT_YEAR))
    st.session_state["keep_province"] = address.province
    st.session_state["keep_indicator"] = address.indicator
    st.session_state["keep_year"] = address.year
    st.session_state["keep_district"] = address.unit or WHOLE_PROVINCE
    st.session_state[WRITTEN_KEY] = given
    return address_notes(data, address, language)


def keep_address(province: str, indicator: str, year: int, unit: str | None) -> None:
    """Write the selection shown into the page's address, so that it can be sent as a link."""
    values = address_values(MapAddress(province, indicator, year, unit))
    st.session_state[WRITTEN_KEY] = values
    if st.query_params.to_dict() != values:
        st.query_params.from_dict(values)
