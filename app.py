"""Entry point: page configuration, session defaults, language, who is signed in and the pages of their role; a
store that cannot be read or written is one message on the page, never a traceback."""

import streamlit as st

from dashboard.core.i18n import t
from dashboard.intake.accounts import allowed
from dashboard.ui.address import open_map
from dashboard.ui.auth import account_panel
from dashboard.ui.state import init_session, language_selector, store_faults_shown

st.set_page_config(page_title="SX&TDBV", layout="wide")
init_session()
language = language_selector()
account = account_panel()

sections = {
    t("section.follow", language): [
        st.Page(open_map, title=t("page.map", language), url_path="start", default=True, visibility="hidden"),
        st.Page("pages/map.py", title=t("page.map", language), url_path="map"),
        st.Page("pages/district.py", title=t("page.district", language)),
        st.Page("pages/compare.py", title=t("progress_pages.compare", language)),
        st.Page("pages/reform.py", title=t("reform.title", language)),
    ],
    t("section.targets", language): [
        st.Page("pages/plan.py", title=t("page.plan", language)),
        st.Page("pages/scorecard.py", title=t("progress_pages.scorecard", language)),
        st.Page("pages/trends.py", title=t("progress_pages.trends", language)),
        st.Page("pages/completeness.py", title=t("progress_pages.completeness", language)),
        st.Page("pages/yearly_report.py", title=t("reporting.title", language)),
    ],
}
data_pages = []
if allowed(account, "upload"):
    data_pages.append(st.Page("pages/upload.py", title=t("page.upload", language)))
if allowed(account, "undo"):
    data_pages.append(st.Page("pages/history.py", title=t("page.history", language)))
if allowed(account, "manage_boundaries"):
    data_pages.append(st.Page("pages/boundaries.py", title=t("boundary.title", language)))
    data_pages.append(st.Page("pages/sites.py", title=t("sites.title", language)))
if allowed(account, "manage_plans"):
    data_pages.append(st.Page("pages/plans.py", title=t("plans.title", language)))
if allowed(account, "manage_users"):
    data_pages.append(st.Page("pages/users.py", title=t("page.users", language)))
if data_pages:
    sections[t("section.data", language)] = data_pages
with store_faults_shown():
    st.navigation(sections, expanded=True).run()
