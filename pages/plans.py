"""Load a plan (administrators): check a plan workbook, load it as a version, list the versions and undo one."""

import streamlit as st

from dashboard.core.exports import workbook_bytes
from dashboard.core.i18n import t
from dashboard.intake.plans import check_plan_upload, plan_template, plan_versions, store_plan, undo_plan
from dashboard.store.imported import VersionUndoRefusedError
from dashboard.ui.auth import require_page
from dashboard.ui.state import language, run_through_entry, store
from dashboard.ui.text import plain

run_through_entry()
account = require_page("manage_plans")
lang = language()
st.title(t("plans.title", lang))
st.caption(t("plans.intro", lang))
st.download_button(
    t("plans.template", lang),
    lambda: workbook_bytes(plan_template()),
    "mau-ke-hoach.xlsx",
    key="plan_template",
    on_click="ignore",
)
for key in ("plan_stored", "plan_undone"):
    if key in st.session_state:
        st.success(st.session_state.pop(key))

with st.form("plan_form"):
    upload = st.file_uploader(t("plans.upload", lang), type=["xlsx", "zip"], key="plan_file")
    checked = st.form_submit_button(t("plans.check", lang))
if checked and upload is None:
    st.warning(t("plans.no_file", lang))
elif checked:
    content = upload.getvalue()
    st.session_state["plan_check"] = (check_plan_upload(content, upload.name, store()), content)

if "plan_check" in st.session_state:
    check, content = st.session_state["plan_check"]
    if check.problems:
        st.error(t("plans.problems", lang, count=len(check.problems)))
        st.dataframe(
            {t("plans.column_problem", lang): [problem.message(lang) for problem in check.problems]},
            hide_index=True,
        )
    else:
        plan = check.plan
        summary = t(
            "plans.summary",
            lang,
            plan=plain(plan["plan_id"]),
            province=plan["province_code"],
            start=plan["period_start"],
            end=plan["period_end"],
            targets=len(check.parts["targets.csv"]),
            tasks=check.task_count,
        )
        st.info(summary)
        if st.button(t("plans.store", lang), type="primary", key="plan_store"):
            version = store_plan(store(), check, content, account.username)
            del st.session_state["plan_check"]
            message = t("plans.stored", lang, plan=plain(plan["plan_id"]), version=version, start=plan["period_start"])
            st.session_state["plan_stored"] = message
            st.rerun()

st.subheader(t("plans.versions", lang))
versions = plan_versions(store())
if versions.empty:
    st.info(t("plans.no_versions", lang))
    st.stop()
shown = versions.rename(columns={column: t(f"plans.column_{column}", lang) for column in versions.columns})
st.dataframe(shown, hide_index=True)
standing = versions[versions["undone_at"] == ""]["version_id"].tolist()
if standing:
    st.subheader(t("plans.undo", lang))
    chosen = st.selectbox(t("plans.undo_choice", lang), standing, key="plan_undo_choice")
    if st.button(t("plans.undo_button", lang), key="plan_undo"):
        try:
            undo_plan(store(), chosen, account.username)
        except VersionUndoRefusedError:
            st.error(t("plans.undo_refused", lang, version=plain(chosen)))
        else:
            st.session_state["plan_undone"] = t("plans.undone", lang, version=chosen)
            st.rerun()
