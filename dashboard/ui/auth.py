"""Who is signed in: a sign-in form against the accounts in the store (with a lockout after repeated failures), or
OpenID Connect through st.login, and the guard every restricted page calls first."""

from __future__ import annotations

import streamlit as st

from dashboard.core.i18n import in_both_languages, t
from dashboard.intake.accounts import ANONYMOUS, Account, account_for_email, allowed, find_account, load_accounts
from dashboard.intake.sign_in import SignIn, attempt_sign_in
from dashboard.store.database import StoreUnavailableError
from dashboard.ui.state import language, settings, store
from dashboard.ui.text import plain

ACCOUNT_KEY = "account"
SIGN_IN_FAILED = "sign_in_failed"


def accounts_or_fault() -> tuple[list[Account], StoreUnavailableError | None]:
    """Return the accounts in the store, or none and why the store cannot be read."""
    try:
        return load_accounts(store()), None
    except StoreUnavailableError as fault:
        return [], fault


def current_account() -> Account:
    """Return the signed-in account as the store has it now (a changed role or a removed account takes effect at
    once, whichever server changed it), or the anonymous viewer (also when the store cannot be read)."""
    accounts, _ = accounts_or_fault()
    if settings().auth == "oidc":
        user = st.user
        if not user.get("is_logged_in"):
            return ANONYMOUS
        return account_for_email(accounts, user.get("email", ""), user.get("name", ""))
    account = st.session_state.get(ACCOUNT_KEY, ANONYMOUS)
    if not account.username:
        return account
    return find_account(accounts, account.username) or ANONYMOUS


def account_panel() -> Account:
    """Draw the sign-in or sign-out control in the sidebar and return the current account; a store that cannot be
    read is said in the sidebar, and everyone is an anonymous viewer until it is repaired."""
    lang = language()
    _, fault = accounts_or_fault()
    if fault:
        st.sidebar.error(plain(fault.message()))
    account = current_account()
    if account.username:
        role = t(f"role.{account.role}", lang)
        st.sidebar.caption(t("account.signed_in", lang, name=plain(account.name or account.username), role=role))
        st.sidebar.button(t("account.sign_out", lang), key="sign_out", on_click=_sign_out)
        return account
    if settings().auth == "oidc":
        st.sidebar.button(t("account.sign_in", lang), key="sign_in_oidc", on_click=st.login)
        return account
    refused = st.session_state.pop(SIGN_IN_FAILED, None)
    with st.sidebar.expander(t("account.sign_in", lang), expanded=refused is not None):
        with st.form("sign_in", border=False):
            st.text_input(t("account.username", lang), key="sign_in_username")
            st.text_input(t("account.password", lang), type="password", key="sign_in_password")
            st.form_submit_button(t("account.sign_in", lang), on_click=_sign_in)
        if isinstance(refused, SignIn):
            st.error(refused.text(lang))
        elif isinstance(refused, StoreUnavailableError):
            st.error(plain(refused.message()))
    return account


def _sign_in() -> None:
    """Sign the session in when the form's user name and password match an account and neither the account nor
    this client is locked out (runs before the page); keep why not for the form to say."""
    accounts, fault = accounts_or_fault()
    username = st.session_state.get("sign_in_username", "")
    password = st.session_state.get("sign_in_password", "")
    st.session_state["sign_in_password"] = ""
    if fault:
        st.session_state[SIGN_IN_FAILED] = fault
        return
    client = st.context.ip_address
    try:
        outcome = attempt_sign_in(store(), accounts, username, password, client if isinstance(client, str) else None)
    except StoreUnavailableError as unavailable:
        st.session_state[SIGN_IN_FAILED] = unavailable
        return
    if outcome.account is None:
        st.session_state[SIGN_IN_FAILED] = outcome
    else:
        st.session_state[ACCOUNT_KEY] = outcome.account


def _sign_out() -> None:
    """End the session's sign-in (runs before the page)."""
    st.session_state.pop(ACCOUNT_KEY, None)
    if settings().auth == "oidc":
        st.logout()


def require_page(action: str) -> Account:
    """Return the account when its role allows the action; otherwise say so in both languages and stop the page."""
    account = current_account()
    if not allowed(account, action):
        st.error(in_both_languages("account.not_allowed"))
        st.stop()
    return account
