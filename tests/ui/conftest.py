"""The pages' shared fixture: the app run from its entry file with fresh caches and this test's data folder."""

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.core.paths import ROOT

TIMEOUT_S = 60


@pytest.fixture
def app(data_dir) -> AppTest:
    """Return the app after its first run, with Streamlit's caches cleared."""
    st.cache_data.clear()
    st.cache_resource.clear()
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S).run()
