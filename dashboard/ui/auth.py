"""Who is signed in: a sign-in form against the local accounts file, or OpenID Connect through st.login, and
the guard every restricted page calls first."""

from __future__ import annotations

import streamlit as st

from dashboard.core.i18n import t
from dashboard.intake.accounts import ANONYMOUS, Account, account_for_email, allowed, load_accounts, signed_in
from dashboard.ui.state import language, settings

ACCOUNT_KEY = "account"
SIGN_IN_FAILED = "sign_in_failed"


def current_account() -> Account:
    """Return the signed-in account as the accounts file has it now (a changed role or a removed account takes
    effect at once), or the anonymous viewer."""
    if settings().auth == "oidc":
        user = st.user
        if not user.get("is_logged_in"):
            return ANONYMOUS
        return account_for_email(load_accounts(settings().accounts_file), user.get("email", ""), user.get("name", ""))
    account = st.session_state.get(ACCOUNT_KEY, ANONYMOUS)
    if not account.username:
        return account
    current = next(
        (entry for entry in load_accounts(settings().accounts_file) if entry.username == account.username), None
    )
    return current or ANONYMOUS


def account_panel() -> Account:
    """Draw the sign-in or sign-out control in the sidebar and return the current account."""
    lang = language()
    account = current_account()
    if account.username:
        role = t(f"role.{account.role}", lang)
        st.sidebar.caption(t("account.signed_in", lang, name=account.name or account.username, role=role))
        st.sidebar.button(t("account.sign_out", lang), key="sign_out", on_click=_sign_out)
        return account
    if settings().auth == "oidc":
        st.sidebar.button(t("account.sign_in", lang), key="sign_in_oidc", on_click=st.login)
        return account
    with st.sidebar.expander(t("account.sign_in", lang), expanded=SIGN_IN_FAILED in st.session_state):
        with st.form("sign_in", border=False):
            st.text_input(t("account.username", lang), key="sign_in_username")
            st.text_input(t("account.password", lang), type="password", key="sign_in_password")
            st.form_submit_button(t("account.sign_in", lang), on_click=_sign_in)
        if st.session_state.pop(SIGN_IN_FAILED, False):
            st.error(t("account.wrong", lang))
    return account


def _sign_in() -> None:
    """Sign the session in when the form's user name and password match an account (runs before the page)."""
    username = st.session_state.get("sign_in_username", "").strip()
    found = signed_in(load_accounts(settings().accounts_file), username, st.session_state.get("sign_in_password", ""))
    st.session_state["sign_in_password"] = ""
    if found is None:
        st.session_state[SIGN_IN_FAILED] = True
    else:
        st.session_state[ACCOUNT_KEY] = found


def _sign_out() -> None:
    """End the session's sign-in (runs before the page)."""
    st.session_state.pop(ACCOUNT_KEY, None)
    if settings().auth == "oidc":
        st.logout()


def require_page(action: str) -> Account:
    """Return the account when its role allows the action; otherwise say so in both languages and stop the page."""
    account = current_account()
    if not allowed(account, action):
        st.error(" / ".join(t("account.not_allowed", lang) for lang in ("vi", "en")))
        st.stop()
    return account
