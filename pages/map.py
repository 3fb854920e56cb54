"""Map page: district choropleth and zones for a province, indicator and year, against the plan's targets."""

import streamlit as st

from dashboard.core.i18n import t
from dashboard.maps.views import Selection, class_table, district_row, district_table, undrawn_note
from dashboard.ui.address import follow_address, keep_address
from dashboard.ui.downloads import download_buttons, map_image_button
from dashboard.ui.filters import choose_district, choose_indicator, choose_province, choose_year
from dashboard.ui.panels import PointLayer, demo_banner, map_panel, province_figure_panel
from dashboard.ui.state import cached_green_points, cached_map_view, dataset, language, run_through_entry
from dashboard.ui.text import plain

run_through_entry()
lang = language()
data = dataset()
address_notes = follow_address(data, lang)
province = choose_province(data, lang)
indicator = choose_indicator(data, lang)
year = choose_year(data.years(), lang)
district = choose_district(data, province, year, lang, allow_all=True)
keep_address(province, indicator, year, district)
view = cached_map_view(Selection(province, indicator, year, lang))

st.title(t("page.map", lang))
for note in address_notes:
    st.info(plain(note), icon=":material/link_off:")
st.caption(data.plan_of(province)[f"title_{lang}"])
demo_banner(view.is_demo, lang)
province_figure_panel(view, indicator, year, lang)

points = cached_green_points(province, year, lang)
layer = PointLayer(points, t("points.layer", lang, count=len(points)), show=indicator == "green_retail_points")
map_panel(view, lang, district, points=layer)
name = f"{indicator}-{data.province(province)['slug']}-{year}"
map_image_button(view, indicator, data.catalogue.loc[indicator, "kind"], name, lang)
if view.undrawn:
    st.warning(plain(undrawn_note(view, lang)))
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
with summary:
    download_buttons(classes, f"classes-{name}", lang, "map_classes")
with table:
    download_buttons(districts, f"districts-{name}", lang, "map_districts")
