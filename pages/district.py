"""District page: every core indicator of one district over the years, against the plan's targets."""

import streamlit as st

from dashboard.core.i18n import t
from dashboard.intake.tables import is_demo
from dashboard.maps.charts import history_chart
from dashboard.progress.history import district_heading, history_table, last_district_year
from dashboard.ui.downloads import download_buttons
from dashboard.ui.filters import choose_district, choose_province
from dashboard.ui.panels import demo_banner
from dashboard.ui.state import cached_district_history, dataset, language, run_through_entry

run_through_entry()
lang = language()
data = dataset()
province = choose_province(data, lang)
latest = last_district_year(data)
district = choose_district(data, province, latest, lang, allow_all=False)

st.title(t("page.district", lang))
st.header(district_heading(data, province, district, latest, lang))
demo_banner(is_demo(data.tables), lang)

histories = cached_district_history(province, district, lang)
st.subheader(t("district.years_table", lang))
years_table = history_table(histories, lang)
st.dataframe(years_table, hide_index=True)
download_buttons(years_table, f"district-{district}", lang, "district_years")
columns = st.columns(2)
for index, history in enumerate(histories):
    with columns[index % 2]:
        st.plotly_chart(history_chart(history, lang), key=f"chart_{history.indicator}")
        st.caption(history.target_note)
