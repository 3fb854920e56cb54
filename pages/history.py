"""Upload history (planners): every upload with its file and checksum, its value changes, undo, and the audit
log of every value change."""

import streamlit as st

from dashboard.core.i18n import format_time, t
from dashboard.intake.audit import changes_table, is_undone, upload_choice, uploads_table
from dashboard.intake.labels import key_label
from dashboard.intake.uploads import undo_upload
from dashboard.store.database import UndoRefusedError
from dashboard.ui.auth import require_page
from dashboard.ui.downloads import download_buttons, original_file_button
from dashboard.ui.state import cached_audit, language, run_through_entry, store
from dashboard.ui.text import plain

run_through_entry()
account = require_page("undo")
lang = language()
st.title(t("page.history", lang))
if "undo_done" in st.session_state:
    st.success(t("history.undo_done", lang, **st.session_state.pop("undo_done")))

uploads = store().uploads()
if uploads.empty:
    st.info(t("history.none", lang))
    st.stop()
history = uploads_table(uploads, lang)
st.dataframe(history, hide_index=True)
download_buttons(history, "lich-su-tai-len", lang, "history")

st.subheader(t("history.one", lang))
by_id = {int(upload["id"]): upload for upload in uploads.to_dict("records")}
chosen = st.selectbox(
    t("history.choose", lang),
    list(by_id),
    format_func=lambda id_: upload_choice(by_id[id_], lang),
    key="history_upload",
)
upload = by_id[chosen]
kept = store()
original_file_button(lambda: kept.upload_file(int(chosen))[1], upload["file_name"], lang, "history_original")
st.dataframe(changes_table(store().changes(int(chosen)), lang), hide_index=True)
if is_undone(upload):
    st.info(t("history.undone", lang, by=plain(upload["undone_by"]), at=format_time(upload["undone_at"])))
else:
    sure = st.checkbox(t("history.undo_confirm", lang, id=int(chosen)), key="history_undo_sure")
    if st.button(t("history.undo", lang), disabled=not sure, key="history_undo"):
        try:
            restored = undo_upload(store(), int(chosen), account)
        except UndoRefusedError as refused:
            rows = "; ".join(key_label(upload["table_name"], key, lang) for key in refused.rows)
            st.error(t(f"history.{refused.reason}", lang, rows=plain(rows)))
        else:
            st.session_state["undo_done"] = {"id": int(chosen), "rows": restored}
            st.rerun()

st.subheader(t("history.audit", lang))
audit = cached_audit(lang)
st.dataframe(audit, hide_index=True)
download_buttons(audit, "nhat-ky-thay-doi", lang, "audit")
