"""Reform page: today's province (after 1 July 2025) drawn from its former provinces' district results."""

import streamlit as st
from streamlit_folium import st_folium

from dashboard.i18n import t
from dashboard.maps import district_map
from dashboard.reform import crosswalk_table, reform_note, reform_table, reform_view, today_provinces
from dashboard.ui.filters import choose_indicator, choose_year
from dashboard.ui.panels import demo_banner, province_figure_panel
from dashboard.ui.state import asset_url, dataset, language, reform, run_through_entry, settings

run_through_entry()
lang = language()
data = dataset()
crosswalk = reform()
provinces = today_provinces(crosswalk)
province = st.sidebar.selectbox(
    t("reform.province", lang), list(provinces), format_func=provinces.get, key="reform_province"
)
indicator = choose_indicator(data, lang)
year = choose_year(data.years(), lang)
result = reform_view(data, crosswalk, province, indicator, year, lang)

st.title(t("reform.title", lang))
st.info(reform_note(crosswalk, province, lang))
demo_banner(result.view.is_demo, lang)
province_figure_panel(result.view, indicator, year, lang)
fmap = district_map(result.view, lang, asset_url(), settings().basemap)
st_folium(fmap, key="reform_map", height=620, use_container_width=True, returned_objects=[])
st.dataframe(reform_table(result, lang), hide_index=True)
with st.expander(t("reform.crosswalk", lang)):
    st.dataframe(crosswalk_table(data.units, crosswalk, province, lang), hide_index=True)
