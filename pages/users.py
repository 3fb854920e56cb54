"""Users page (administrators): the accounts, their roles, and adding, changing or removing one."""

import streamlit as st

from dashboard.core.i18n import t
from dashboard.intake.accounts import ROLES, load_accounts, save_accounts, with_account, without_account
from dashboard.ui.auth import require_page
from dashboard.ui.state import language, run_through_entry, settings

run_through_entry()
account = require_page("manage_users")
lang = language()
path = settings().accounts_file
st.title(t("page.users", lang))
accounts = load_accounts(path)
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
        if username.strip():
            save_accounts(path, with_account(accounts, username, role, password, name, email))
            st.rerun()
        st.error(t("users.username_required", lang))

others = [entry.username for entry in accounts if entry.username != account.username]
if others:
    st.subheader(t("users.remove", lang))
    removed = st.selectbox(t("account.username", lang), others, key="user_remove_choice")
    if st.button(t("users.remove", lang), key="user_remove"):
        save_accounts(path, without_account(accounts, removed))
        st.rerun()
