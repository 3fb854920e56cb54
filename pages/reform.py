"""Reform page: today's province (after 1 July 2025) drawn from its former provinces' district results."""

import streamlit as st

from dashboard.core.i18n import t
from dashboard.geography.reform import crosswalk_table, reform_note, today_provinces
from dashboard.maps.reform_map import reform_table
from dashboard.maps.views import map_note, undrawn_note
from dashboard.ui.filters import choose_indicator, choose_year
from dashboard.ui.panels import demo_banner, province_figure_panel, still_map_panel
from dashboard.ui.state import cached_reform_view, dataset, language, reform, run_through_entry
from dashboard.ui.text import plain

run_through_entry()
lang = language()
data = dataset()
crosswalk = reform()
provinces = today_provinces(crosswalk)
province = st.sidebar.selectbox(
    t("reform.province", lang), list(provinces), format_func=provinces.get, key="reform_province"
)
indicator = choose_indicator(data, lang)
year = choose_year(data.mapped_years(province), lang)
result = cached_reform_view(province, indicator, year, lang)

st.title(t("reform.title", lang))
st.info(reform_note(crosswalk, province, lang))
demo_banner(result.view.is_demo, lang)
province_figure_panel(result.view, indicator, year, lang)
still_map_panel(result.view, lang, "reform_map")
if result.view.undrawn:
    st.warning(plain(undrawn_note(result.view, lang)))
st.caption(plain(map_note(result.view, lang)))
st.dataframe(reform_table(result, lang), hide_index=True)
with st.expander(t("reform.crosswalk", lang)):
    st.dataframe(crosswalk_table(data.units, crosswalk, province, lang), hide_index=True)
