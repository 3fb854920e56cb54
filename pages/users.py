"""Users page (administrators): the accounts, their roles, and adding, changing or removing one (after a
confirmation); each change says what was done."""

import streamlit as st

from dashboard.core.i18n import t
from dashboard.intake.accounts import ROLES, account_problems, add_account, remove_account
from dashboard.store.database import StoreUnavailableError
from dashboard.ui.auth import accounts_or_fault, require_page
from dashboard.ui.state import language, run_through_entry, store
from dashboard.ui.text import plain

run_through_entry()
account = require_page("manage_users")
lang = language()
st.title(t("page.users", lang))
if "users_done" in st.session_state:
    key, values = st.session_state.pop("users_done")
    st.session_state.pop("user_remove_sure", None)
    st.success(t(key, lang, **{name: plain(value) for name, value in values.items()}))
accounts, fault = accounts_or_fault()
if fault:
    st.error(plain(fault.message()))
    st.stop()
st.dataframe(
    [
        {
            t("account.username", lang): entry.username,
            t("account.name", lang): entry.name,
            t("account.role", lang): t(f"role.{entry.role}", lang),
            t("account.email", lang): entry.email,
        }
        for entry in accounts
    ],
    hide_index=True,
)


def said(key: str, values: dict[str, str]) -> None:
    """Rerun to say what was done."""
    st.session_state["users_done"] = (key, values)
    st.rerun()


with st.form("user_form"):
    st.subheader(t("users.add", lang))
    username = st.text_input(t("account.username", lang), key="user_username")
    name = st.text_input(t("account.name", lang), key="user_name")
    role = st.selectbox(
        t("account.role", lang), ROLES, format_func=lambda value: t(f"role.{value}", lang), key="user_role"
    )
    email = st.text_input(t("account.email", lang), key="user_email")
    password = st.text_input(t("users.password", lang), type="password", key="user_password")
    if st.form_submit_button(t("users.save", lang)):
        problems = account_problems(username, password)
        for key, values in problems:
            st.error(t(key, lang, **values))
        if not problems:
            try:
                stored, existed = add_account(store(), username, role, password, name, email)
            except StoreUnavailableError as unwritable:
                st.error(plain(unwritable.message()))
            else:
                done = "sign_in.changed" if existed else "sign_in.added"
                said(done, {"username": stored.username, "role": t(f"role.{role}", lang)})

others = [entry.username for entry in accounts if entry.username != account.username]
if others:
    st.subheader(t("users.remove", lang))
    removed = st.selectbox(t("account.username", lang), others, key="user_remove_choice")
    sure = st.checkbox(t("sign_in.remove_confirm", lang, username=plain(removed)), key="user_remove_sure")
    if st.button(t("users.remove", lang), disabled=not sure, key="user_remove"):
        try:
            remove_account(store(), removed)
        except StoreUnavailableError as unwritable:
            st.error(plain(unwritable.message()))
        else:
            said("sign_in.removed", {"username": removed})
