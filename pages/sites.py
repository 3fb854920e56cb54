"""Zones and points page (administrators): check an official zone list with locations, accept it; check the
green retail points against their districts."""

import streamlit as st

from dashboard.core.i18n import t
from dashboard.geography.boundaries.service import uploaded_copy
from dashboard.geography.units import full_name, units_of
from dashboard.geography.zones.importing import import_zones
from dashboard.geography.zones.stored import store_zones
from dashboard.maps.points import province_point_checks
from dashboard.ui.auth import require_page
from dashboard.ui.site_panels import green_point_panel, zone_report_panel
from dashboard.ui.state import dataset, language, run_through_entry, store

FILE_TYPES = ["csv", "geojson", "json", "zip", "gpkg"]

run_through_entry()
account = require_page("manage_boundaries")
lang = language()
data = dataset()
st.title(t("sites.title", lang))
st.caption(t("sites.intro", lang))

provinces = dict(zip(data.provinces["province_code"], data.provinces["name"], strict=True))
with st.form("zone_form"):
    upload = st.file_uploader(t("sites.upload", lang), type=FILE_TYPES, key="zone_file")
    left, middle, right = st.columns(3)
    province = left.selectbox(
        t("sites.province", lang), list(provinces), format_func=provinces.get, key="zone_province"
    )
    year = middle.selectbox(t("sites.year", lang), data.mapped_years(level="district")[::-1], key="zone_year")
    crs = right.text_input(t("boundary.crs_named", lang), key="zone_crs").strip()
    checked = st.form_submit_button(t("sites.check", lang))

names = {row.code: full_name(row.type, row.name, lang) for row in units_of(data.units, province, year).itertuples()}
if checked and upload is not None:
    st.session_state.pop("zone_accept", None)
    with uploaded_copy(upload.getvalue(), upload.name) as path:
        st.session_state["zone_result"] = import_zones(
            path, province, data.zones, data.units, data.layer, year, crs or None
        )
elif checked:
    st.warning(t("boundary.no_file", lang))
if "zone_stored" in st.session_state:
    st.success(st.session_state.pop("zone_stored"))
if "zone_result" in st.session_state:
    report, zones = st.session_state["zone_result"]
    shown = report.to_json()
    zone_report_panel(shown, names, lang)
    if shown["status"] != "refused":
        accepted = shown["status"] == "clean" or st.checkbox(t("sites.accept", lang), key="zone_accept")
        if st.button(t("sites.store", lang), key="zone_store", disabled=not accepted, type="primary"):
            version = store_zones(store(), shown, zones, account.username, accepted=shown["status"] != "clean")
            del st.session_state["zone_result"]
            st.session_state["zone_stored"] = t("sites.stored", lang, version=version)
            st.rerun()

green_point_panel(province_point_checks(data, province, year), names, year, lang)
