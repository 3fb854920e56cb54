"""Reporting completeness page: which districts and zones reported which indicator in which year."""

import streamlit as st

from dashboard.core.i18n import t
from dashboard.intake.tables import is_demo
from dashboard.progress.completeness import UNIT_REPORTS, ZONE_REPORTS, completeness_detail, completeness_summary
from dashboard.ui.downloads import download_buttons
from dashboard.ui.filters import choose_province
from dashboard.ui.panels import demo_banner
from dashboard.ui.state import dataset, language, run_through_entry

run_through_entry()
lang = language()
data = dataset()
province = choose_province(data, lang)
slug = data.province(province)["slug"]

st.title(t("completeness.title", lang))
demo_banner(is_demo(data.tables), lang)
st.write(t("completeness.intro", lang))

st.subheader(t("completeness.summary", lang))
summary = completeness_summary(data, province, lang)
st.dataframe(summary, hide_index=True, height=35 * (len(summary) + 1) + 3)
download_buttons(summary, f"completeness-{slug}", lang, "completeness_summary")

st.subheader(t("completeness.detail", lang))
reported_per_unit = [code for code in data.core_indicators() if code in UNIT_REPORTS | ZONE_REPORTS]
indicator = st.selectbox(
    t("completeness.indicator", lang),
    reported_per_unit,
    format_func=lambda code: t(f"indicator.{code}", lang),
    key="completeness_indicator",
)
detail = completeness_detail(data, province, indicator, lang)
st.dataframe(detail, hide_index=True, height=35 * (len(detail) + 1) + 3)
download_buttons(detail, f"completeness-{indicator}-{slug}", lang, "completeness_detail")
