"""District page: every core indicator of one district over the years, against the plan's targets."""

import streamlit as st

from dashboard.charts import history_chart
from dashboard.history import district_history, history_table
from dashboard.i18n import t
from dashboard.tables import is_demo
from dashboard.ui.filters import choose_district, choose_province
from dashboard.ui.panels import demo_banner
from dashboard.ui.state import dataset, language, run_through_entry
from dashboard.units import full_name

run_through_entry()
lang = language()
data = dataset()
province = choose_province(data, lang)
latest = data.years()[-1]
district = choose_district(data, province, latest, lang, allow_all=False)

unit = data.units[data.units["code"] == district].iloc[-1]
st.title(t("page.district", lang))
st.header(
    t(
        "district.heading",
        lang,
        name=full_name(unit["type"], unit["name"], lang),
        province=data.province(province)["name"],
    )
)
demo_banner(is_demo(data.tables), lang)

histories = district_history(data, province, district, lang)
st.subheader(t("district.years_table", lang))
st.dataframe(history_table(histories, lang), hide_index=True)
columns = st.columns(2)
for index, history in enumerate(histories):
    with columns[index % 2]:
        st.plotly_chart(history_chart(history, lang), key=f"chart_{history.indicator}")
        st.caption(history.target_note)
