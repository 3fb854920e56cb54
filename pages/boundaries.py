"""Boundary layers page (administrators): check an official file against the units, accept it, list versions."""

from pathlib import Path

import streamlit as st

from dashboard.core.i18n import t
from dashboard.geography.boundaries.importing import CLEAN, LEVELS, REFUSED, ImportRequest
from dashboard.geography.boundaries.reading import FORMATS
from dashboard.geography.boundaries.report import report_years
from dashboard.geography.boundaries.service import check_upload, store_checked
from dashboard.ui.auth import require_page
from dashboard.ui.boundary_panels import report_panel, versions_panel
from dashboard.ui.state import dataset, language, run_through_entry, store

run_through_entry()
account = require_page("manage_boundaries")
lang = language()
data = dataset()
st.title(t("boundary.title", lang))
st.caption(t("boundary.intro", lang))

names = dict(zip(data.provinces["province_code"], data.provinces["name"], strict=True))
with st.form("boundary_form"):
    upload = st.file_uploader(t("boundary.upload", lang), type=[suffix[1:] for suffix in FORMATS], key="boundary_file")
    province_column, level_column = st.columns(2)
    province = province_column.selectbox(
        t("boundary.province", lang), list(names), format_func=names.get, key="boundary_province"
    )
    level = level_column.selectbox(
        t("boundary.level", lang),
        LEVELS,
        format_func=lambda key: t(f"boundary.level_name.{key}", lang),
        key="boundary_level",
    )
    from_column, to_column = st.columns(2)
    valid_from = from_column.number_input(t("boundary.valid_from", lang), 1990, 2100, 2021, key="boundary_from")
    valid_to = to_column.number_input(t("boundary.valid_to", lang), 1990, 2100, None, key="boundary_to")
    code_column, name_column, crs_column = st.columns(3)
    code_field = code_column.text_input(t("boundary.code_field", lang), key="boundary_code_field").strip()
    name_field = name_column.text_input(t("boundary.name_field", lang), key="boundary_name_field").strip()
    crs = crs_column.text_input(t("boundary.crs_named", lang), key="boundary_crs").strip()
    checked = st.form_submit_button(t("boundary.check", lang))

if checked and upload is not None:
    request = ImportRequest(
        Path(upload.name),
        province,
        level,
        int(valid_from),
        None if valid_to is None else int(valid_to),
        code_field or None,
        name_field or None,
        crs or None,
    )
    st.session_state.pop("boundary_accept", None)
    st.session_state["boundary_result"] = check_upload(upload.getvalue(), upload.name, request, data.units, store())
elif checked:
    st.warning(t("boundary.no_file", lang))

if "boundary_stored" in st.session_state:
    st.success(st.session_state.pop("boundary_stored"))
result = st.session_state.get("boundary_result")
if result is not None:
    report = result.report.to_json()
    report_panel(report, lang)
    if report["status"] != REFUSED:
        accepted = report["status"] == CLEAN or st.checkbox(t("boundary.accept", lang), key="boundary_accept")
        if st.button(t("boundary.store", lang), key="boundary_store", disabled=not accepted, type="primary"):
            version = store_checked(store(), result, account.username, accepted=report["status"] != CLEAN)
            if version:
                del st.session_state["boundary_result"]
                st.session_state["boundary_stored"] = t(
                    "boundary.stored", lang, version=version, years=report_years(report)
                )
            st.rerun()

versions_panel(lang)
