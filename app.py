"""Entry point: page configuration, session defaults, language and the page list."""

import streamlit as st

from dashboard.i18n import t
from dashboard.ui.state import init_session, language_selector

st.set_page_config(page_title="SX&TDBV", layout="wide")
init_session()
language = language_selector()

pages = [
    st.Page("pages/map.py", title=t("page.map", language), url_path="map", default=True),
    st.Page("pages/district.py", title=t("page.district", language)),
    st.Page("pages/plan.py", title=t("page.plan", language)),
    st.Page("pages/reform.py", title=t("reform.title", language)),
    st.Page("pages/boundaries.py", title=t("boundary.title", language)),
    st.Page("pages/sites.py", title=t("sites.title", language)),
]
st.navigation(pages).run()
