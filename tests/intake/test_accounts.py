"""Accounts and roles: what each role may do, accounts in the store (SQLite and PostgreSQL) with hashed passwords,
sign-in against them, OpenID Connect users' roles."""

import pytest

from dashboard.core.settings import load_settings
from dashboard.intake.accounts import (
    ADMIN,
    ANONYMOUS,
    PLANNER,
    VIEWER,
    Account,
    PermissionDeniedError,
    account_for_email,
    account_problems,
    add_account,
    allowed,
    load_accounts,
    remove_account,
    require,
    signed_in,
)


@pytest.mark.parametrize(
    ("role", "action", "expected"),
    [
        (VIEWER, "view", True),
        (VIEWER, "upload", False),
        (VIEWER, "undo", False),
        (VIEWER, "manage_boundaries", False),
        (PLANNER, "upload", True),
        (PLANNER, "undo", True),
        (PLANNER, "manage_boundaries", False),
        (PLANNER, "manage_users", False),
        (ADMIN, "manage_boundaries", True),
        (ADMIN, "manage_users", True),
        ("unknown", "view", False),
    ],
)
def test_each_role_may_do_what_its_row_says(role, action, expected):
    assert allowed(Account("someone", role), action) is expected


def test_an_anonymous_visitor_is_a_viewer_and_is_refused_an_upload():
    assert ANONYMOUS.role == VIEWER
    with pytest.raises(PermissionDeniedError):
        require(ANONYMOUS, "upload")


def test_passwords_are_stored_hashed_and_checked(store):
    add_account(store, "lan", PLANNER, "bi-mat-cua-lan", name="Nguyễn Thị Lan")
    with store.engine.connect() as connection:
        kept = connection.exec_driver_sql("SELECT username, name, password_hash FROM accounts").one()
    assert kept[:2] == ("lan", "Nguyễn Thị Lan") and kept[2].startswith("$argon2id$") and "bi-mat" not in kept[2]
    accounts = load_accounts(store)
    assert signed_in(accounts, "lan", "bi-mat-cua-lan").role == PLANNER
    assert signed_in(accounts, "lan", "sai") is None
    assert signed_in(accounts, "khong-co", "bi-mat-cua-lan") is None


def test_every_account_change_moves_the_store_revision_on(store):
    before = store.revision()
    add_account(store, "lan", PLANNER, "bi-mat-cua-lan")
    add_account(store, "lan", ADMIN)
    remove_account(store, "lan")
    assert store.revision() == before + 3
    assert remove_account(store, "lan") is None and store.revision() == before + 3


def test_changing_a_role_keeps_the_password_and_removing_an_account_removes_it(store):
    add_account(store, "lan", PLANNER, "bi-mat-cua-lan")
    account, existed = add_account(store, "lan", ADMIN)
    assert existed and account.role == ADMIN
    assert signed_in(load_accounts(store), "lan", "bi-mat-cua-lan").role == ADMIN
    assert remove_account(store, "lan").username == "lan"
    assert load_accounts(store) == []


def test_an_unknown_role_is_refused_in_both_languages_and_nothing_is_written(store):
    with pytest.raises(ValueError, match=r"Vai trò phải là một trong viewer, planner, admin.*The role must be one of"):
        add_account(store, "lan", "boss", "bi-mat-cua-lan")
    assert load_accounts(store) == [] and store.revision() == 0


def test_an_openid_user_gets_the_role_of_the_account_with_their_email_else_viewer(store):
    add_account(store, "lan", PLANNER, email="Lan@so-congthuong.gov.vn")
    accounts = load_accounts(store)
    assert account_for_email(accounts, "lan@so-congthuong.gov.vn").role == PLANNER
    assert account_for_email(accounts, "khach@example.org").role == VIEWER


@pytest.mark.parametrize(("value", "expected"), [(None, "local"), ("oidc", "oidc"), (" OIDC ", "oidc")])
def test_the_sign_in_method_is_a_setting(value, expected):
    environ = {} if value is None else {"SCP_AUTH": value}
    assert load_settings(environ).auth == expected


def test_an_unknown_sign_in_method_is_refused():
    with pytest.raises(ValueError, match="SCP_AUTH"):
        load_settings({"SCP_AUTH": "ldap"})


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("alice", " alice"),
        ("alice", "alice "),
        ("alice", "Alice"),
        ("Hòa", "Ho\u0300a"),
        ("nguyễn.lan", " NGUYỄN.LAN\t"),
    ],
)
def test_a_user_name_is_compared_as_stored_so_a_variant_changes_the_same_account(store, first, second):
    add_account(store, first, PLANNER, "mat-khau-rat-dai")
    add_account(store, second, ADMIN)
    accounts = load_accounts(store)
    assert [(account.username, account.role) for account in accounts] == [(first, ADMIN)]
    assert signed_in(accounts, second, "mat-khau-rat-dai").username == first
    assert remove_account(store, second).username == first and load_accounts(store) == []


@pytest.mark.parametrize(
    ("username", "password", "expected"),
    [
        ("lan", "abc", ["sign_in.password_short"]),
        ("lan", "1234567", ["sign_in.password_short"]),
        ("lan", "12345678", ["sign_in.password_common"]),
        ("lan", "Password1", ["sign_in.password_common"]),
        ("lan", "sunshine", ["sign_in.password_common"]),
        ("lan", "mat-khau-cua-lan", []),
        ("lan", "", []),
        ("   ", "mat-khau-cua-lan", ["users.username_required"]),
        ("la\tn", "mat-khau-cua-lan", ["sign_in.username_control"]),
        ("la\nn", "abc", ["sign_in.username_control", "sign_in.password_short"]),
    ],
)
def test_a_short_or_common_password_and_a_bad_user_name_are_refused(username, password, expected):
    assert [key for key, _ in account_problems(username, password)] == expected


@pytest.mark.parametrize("store", ["sqlite"], indirect=True)
def test_a_refused_password_is_said_in_both_languages_and_nothing_is_written(store):
    with pytest.raises(ValueError, match=r"ít nhất 8 ký tự.*at least 8 characters"):
        add_account(store, "lan", PLANNER, "abc")
    assert load_accounts(store) == [] and store.revision() == 0
