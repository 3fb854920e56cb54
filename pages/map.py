"""Map page: district choropleth and zones for a province, indicator and year, against the plan's targets."""

import streamlit as st

from dashboard.core.i18n import t
from dashboard.maps.views import Selection, class_table, district_row, district_table
from dashboard.ui.downloads import download_buttons
from dashboard.ui.filters import choose_district, choose_indicator, choose_province, choose_year, follow_map_click
from dashboard.ui.panels import PointLayer, demo_banner, map_panel, province_figure_panel
from dashboard.ui.state import cached_green_points, cached_map_view, dataset, language, run_through_entry

run_through_entry()
lang = language()
data = dataset()
year = choose_year(data.map_years(), lang)
province = choose_province(data, lang, year)
indicator = choose_indicator(data, lang)
district = choose_district(data, province, year, lang, allow_all=True)
view = cached_map_view(Selection(province, indicator, year, lang))

st.title(t("page.map", lang))
st.caption(data.plan_of(province)[f"title_{lang}"])
demo_banner(view.is_demo, lang)
province_figure_panel(view, indicator, year, lang)

points = cached_green_points(province, year, lang)
layer = PointLayer(points, t("points.layer", lang, count=len(points)), show=indicator == "green_retail_points")
follow_map_click(map_panel(view, lang, district, points=layer))
if view.schematic:
    st.caption(t("app.schematic_note", lang))

if district:
    row = district_row(view, district)
    st.info(t("map.selected", lang, name=row["name"], value=row["value_text"]))
    if st.button(t("map.open_district", lang), key="open_district"):
        st.switch_page("pages/district.py")
else:
    st.caption(t("map.no_selection", lang))

summary, table = st.columns([2, 3])
summary.subheader(t("map.classes", lang))
classes = class_table(view, lang)
summary.dataframe(classes, hide_index=True)
table.subheader(t("map.table", lang))
districts = district_table(view, lang)
table.dataframe(districts, hide_index=True)
name = f"{indicator}-{data.province(province)['slug']}-{year}"
with summary:
    download_buttons(classes, f"classes-{name}", lang, "map_classes")
with table:
    download_buttons(districts, f"districts-{name}", lang, "map_districts")
