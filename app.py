"""Entry point: page configuration, session defaults, language and the page list."""

import streamlit as st

from dashboard.i18n import t
from dashboard.ui.state import init_session, language_selector

st.set_page_config(page_title="SX&TDBV", page_icon=":material/map:", layout="wide")
init_session()
language = language_selector()

pages = [
    st.Page("pages/map.py", title=t("page.map", language), icon=":material/map:", url_path="ban-do", default=True),
    st.Page("pages/district.py", title=t("page.district", language), icon=":material/location_city:", url_path="huyen"),
    st.Page("pages/plan.py", title=t("page.plan", language), icon=":material/flag:", url_path="ke-hoach"),
]
st.navigation(pages).run()
