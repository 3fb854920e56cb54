"""Trends page: an indicator over the years against its targets and path, districts ranked, provinces compared."""

import streamlit as st

from dashboard.core.i18n import t
from dashboard.intake.tables import is_demo
from dashboard.maps.charts import provinces_chart, ranking_chart, trend_chart
from dashboard.progress.succession import break_within
from dashboard.progress.trends import (
    district_names,
    districts_drawable,
    path_points,
    provinces_side_by_side,
    provinces_table,
    ranking,
    shared_indicators,
    tracked_indicators,
    trend_table,
    trend_view,
)
from dashboard.ui.downloads import download_buttons
from dashboard.ui.filters import choose_province, choose_year
from dashboard.ui.panels import demo_banner
from dashboard.ui.state import dataset, language, run_through_entry

run_through_entry()
lang = language()
data = dataset()
province = choose_province(data, lang)
year = choose_year(data.years(), lang)
plan = data.plan_of(province)
slug = data.province(province)["slug"]
names = data.catalogue[f"name_{lang}"]

st.title(t("trends.title", lang))
demo_banner(is_demo(data.tables), lang)
indicator = st.selectbox(
    t("trends.indicator", lang), tracked_indicators(data, province), format_func=names.get, key="trend_indicator"
)
districts = district_names(data, province, year, lang)
chosen = []
if districts_drawable(data, indicator):
    chosen = st.multiselect(
        t("trends.districts", lang),
        list(districts),
        format_func=districts.get,
        key="trend_districts",
        placeholder=t("trends.choose_districts", lang),
    )

view = trend_view(data, province, indicator, chosen, lang)
st.plotly_chart(trend_chart(view, path_points(view), lang), key="trend_chart")
st.caption(t("trends.path_note", lang, year=plan["baseline_year"]))
if view.break_year is not None:
    st.caption(t("trends.reform_note", lang))
st.subheader(t("trends.table", lang))
table = trend_table(view, lang)
st.dataframe(table, hide_index=True)
download_buttons(table, f"trend-{indicator}-{slug}", lang, "trend")

st.subheader(t("trends.ranking", lang, year=year))
ranked = ranking(data, province, indicator, year, lang)
if ranked.table.empty:
    st.info(t("trends.no_ranking", lang))
else:
    left, right = st.columns([3, 2])
    left.plotly_chart(ranking_chart(ranked.values, ranked.unit, ranked.title, lang), key="ranking_chart")
    right.dataframe(ranked.table, hide_index=True)
    with right:
        download_buttons(ranked.table, f"ranking-{indicator}-{slug}-{year}", lang, "ranking")

st.subheader(t("trends.provinces", lang))
shared = shared_indicators(data)
compared = st.selectbox(t("trends.provinces_indicator", lang), shared, format_func=names.get, key="trend_shared")
side_by_side = provinces_side_by_side(data, compared)
unit = data.catalogue.loc[compared, "unit"]
spanned = break_within(list(side_by_side.dropna(how="all").index))
figure = provinces_chart(side_by_side, names[compared], unit == "percent", lang, spanned)
st.plotly_chart(figure, key="provinces_chart")
provinces = provinces_table(side_by_side, unit, lang)
st.dataframe(provinces, hide_index=True)
download_buttons(provinces, f"provinces-{compared}", lang, "provinces")
st.caption(t("trends.provinces_note", lang))
