"""Two years side by side: the same indicator on two maps with the same classes, and the districts' change."""

import streamlit as st

from dashboard.core.i18n import t
from dashboard.geography.levels import reported_level
from dashboard.maps.comparison import comparison_table, legend_counts, styled_legend
from dashboard.maps.views import Selection
from dashboard.progress.wording import figure_text
from dashboard.ui.downloads import download_buttons
from dashboard.ui.filters import choose_indicator, choose_province
from dashboard.ui.panels import demo_banner, still_map_panel
from dashboard.ui.state import cached_map_view, dataset, language, run_through_entry

MAP_HEIGHT_PX = 520

run_through_entry()
lang = language()
data = dataset()
province = choose_province(data, lang)
indicator = choose_indicator(data, lang)
years = data.mapped_years(province)
first_year = st.sidebar.selectbox(t("compare.first_year", lang), years, index=0, key="compare_first")
others = [year for year in data.mapped_years(province, reported_level(first_year)) if year != first_year]
if not others:
    st.info(t("compare.one_year", lang, year=first_year))
    st.stop()
second_year = st.sidebar.selectbox(t("compare.second_year", lang), others, index=len(others) - 1, key="compare_second")
first = cached_map_view(Selection(province, indicator, first_year, lang))
second = cached_map_view(Selection(province, indicator, second_year, lang))

st.title(t("compare.title", lang))
st.caption(data.plan_of(province)[f"title_{lang}"])
demo_banner(first.is_demo, lang)
st.write(t("compare.intro", lang))
st.subheader(t(f"indicator.{indicator}", lang))
kind = data.catalogue.loc[indicator, "kind"]
for column, view, year, key in zip(
    st.columns(2), (first, second), (first_year, second_year), ("compare_map_first", "compare_map_second"), strict=True
):
    with column:
        value = figure_text(indicator, kind, view.figure.value, lang)
        st.markdown(f"**{t('compare.figure', lang, year=year, value=value, status=t(f'status.{view.status}', lang))}**")
        still_map_panel(view, lang, key, legend=False, height=MAP_HEIGHT_PX)
if first.schematic:
    st.caption(t("app.schematic_note", lang))
slug = data.province(province)["slug"]
name = f"{indicator}-{slug}-{first_year}-{second_year}"

st.subheader(t("compare.legend", lang))
legend = legend_counts(first, second, (first_year, second_year), lang)
st.dataframe(styled_legend(legend, first, second), hide_index=True)
download_buttons(legend, f"legend-{name}", lang, "compare_legend")

st.subheader(t("compare.table", lang))
table = comparison_table(first, second, (first_year, second_year), lang)
st.dataframe(table, hide_index=True, height=35 * (len(table) + 1) + 3)
download_buttons(table, f"compare-{name}", lang, "compare")
