"""Upload page (planners): choose a table, get its template, upload a file, read every problem, preview the
changes and commit them all at once."""

import streamlit as st

from dashboard.core.i18n import t
from dashboard.core.tasks import agency_name
from dashboard.intake.audit import changed_table, new_rows_table, table_title
from dashboard.intake.problems import errors, warnings
from dashboard.intake.tables import table_specs
from dashboard.intake.uploads import commit_upload, template_frame, template_sheets, template_years
from dashboard.store.database import StaleStoreError
from dashboard.ui.auth import require_page
from dashboard.ui.downloads import template_buttons
from dashboard.ui.state import dataset, language, run_through_entry, store
from dashboard.ui.upload_preview import cached_preview, problems_panel, uploader_words

run_through_entry()
account = require_page("upload")
lang = language()
st.title(t("page.upload", lang))
if "upload_done" in st.session_state:
    st.success(t("upload.done", lang, id=st.session_state.pop("upload_done")))
table = st.selectbox(
    t("upload.table", lang), list(table_specs()), format_func=lambda name: table_title(name, lang), key="upload_table"
)
register = dataset().tasks
agency = st.selectbox(
    t("upload.agency", lang),
    [None, *register.agencies],
    format_func=lambda code: agency_name(register, code, lang) if code else t("upload.no_agency", lang),
    key="upload_agency",
)

data = dataset()
provinces = list(data.plans["province_code"])
province = st.selectbox(
    t("upload.province", lang),
    provinces,
    index=provinces.index(st.session_state.get("keep_province", provinces[0])),
    format_func=lambda code: data.province(code)["name"],
    key="upload_province",
)

with st.expander(t("upload.template", lang)):
    years = template_years(data.units, data.plan_of(province))
    year = st.selectbox(t("upload.template_year", lang), years, index=len(years) - 1, key="upload_template_year")
    sheets = template_sheets(table, data.units, data.zones, data.catalogue, province, year, lang)
    for tab, sheet in zip(st.tabs(list(sheets)), sheets.values(), strict=True):
        tab.dataframe(sheet, hide_index=True)
    st.caption(t("upload.rules", lang))
    plan_id = data.plan_of(province, year)["plan_id"] if "task" in table_specs()[table].column_names else ""
    template_buttons(template_frame(table, register, plan_id, year), sheets, f"mau_{table}_{province}_{year}", lang)

st.session_state.setdefault("upload_round", 0)
uploader_words(lang)
file = st.file_uploader(
    t("upload.file", lang), type=["csv", "xlsx"], key=f"upload_file_{st.session_state['upload_round']}"
)
if file is None:
    st.stop()

preview = cached_preview(file.getvalue(), file.name, table, province)
st.caption(
    t(
        "upload.read_as",
        lang,
        encoding=preview.encoding or "–",
        separator=repr(preview.separator) if preview.separator else "–",
    )
)
if errors(preview.problems):
    st.error(t("upload.rejected", lang, count=len(errors(preview.problems))))
    problems_panel(preview.problems, table, lang, "upload_errors")
    st.stop()

counts = preview.counts()
new, changed, unchanged = st.columns(3)
new.metric(t("upload.new", lang), counts["new"])
changed.metric(t("upload.changed", lang), counts["changed"])
unchanged.metric(t("upload.unchanged", lang), counts["unchanged"])
changed_tab, new_tab = st.tabs([t("upload.changed_values", lang), t("upload.new_rows", lang)])
changed_tab.dataframe(changed_table(preview, lang), hide_index=True)
new_tab.dataframe(new_rows_table(preview.new, table, lang), hide_index=True)

confirmed = True
if warnings(preview.problems):
    st.warning(t("upload.warnings", lang, count=len(warnings(preview.problems))))
    problems_panel(warnings(preview.problems), table, lang, "upload_warnings")
    confirmed = st.checkbox(t("upload.confirm_warnings", lang), key="upload_confirm")

if st.button(t("upload.commit", lang), type="primary", disabled=not confirmed, key="upload_commit"):
    try:
        upload_id = commit_upload(store(), preview, account, confirm_warnings=confirmed, agency=agency)
    except StaleStoreError:
        st.error(t("upload.stale", lang))
        st.stop()
    st.session_state["upload_round"] += 1
    st.session_state["upload_done"] = upload_id
    st.rerun()
