"""Accounts and roles: what each role may do, sign-in against hashed passwords, OpenID Connect users' roles."""

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
    allowed,
    load_accounts,
    require,
    save_accounts,
    signed_in,
    with_account,
    without_account,
)
from dashboard.store.database import StoreUnavailableError


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


def test_passwords_are_stored_hashed_and_checked(tmp_path):
    path = tmp_path / "accounts.json"
    save_accounts(path, with_account([], "lan", PLANNER, "bi-mat-cua-lan", name="Nguyễn Thị Lan"))
    assert "bi-mat-cua-lan" not in path.read_text() and "Nguyễn Thị Lan" in path.read_text(encoding="utf-8")
    accounts = load_accounts(path)
    assert signed_in(accounts, "lan", "bi-mat-cua-lan").role == PLANNER
    assert signed_in(accounts, "lan", "sai") is None
    assert signed_in(accounts, "khong-co", "bi-mat-cua-lan") is None


def test_changing_a_role_keeps_the_password_and_removing_an_account_removes_it():
    accounts = with_account([], "lan", PLANNER, "bi-mat-cua-lan")
    accounts = with_account(accounts, "lan", ADMIN)
    assert signed_in(accounts, "lan", "bi-mat-cua-lan").role == ADMIN
    assert without_account(accounts, "lan") == []


def test_an_unknown_role_is_refused_in_both_languages():
    with pytest.raises(ValueError, match=r"Vai trò phải là một trong viewer, planner, admin.*The role must be one of"):
        with_account([], "lan", "boss", "bi-mat-cua-lan")


def test_an_openid_user_gets_the_role_of_the_account_with_their_email_else_viewer():
    accounts = with_account([], "lan", PLANNER, email="Lan@so-congthuong.gov.vn")
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
def test_a_user_name_is_compared_as_stored_so_a_variant_changes_the_same_account(first, second):
    accounts = with_account([], first, PLANNER, "mat-khau-rat-dai")
    accounts = with_account(accounts, second, ADMIN)
    assert [(account.username, account.role) for account in accounts] == [(first, ADMIN)]
    assert signed_in(accounts, second, "mat-khau-rat-dai").username == first
    assert without_account(accounts, second) == []


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
    if expected:
        with pytest.raises(ValueError, match=" / "):
            with_account([], username, PLANNER, password)


def test_a_refused_password_is_said_in_both_languages():
    with pytest.raises(ValueError, match=r"ít nhất 8 ký tự.*at least 8 characters"):
        with_account([], "lan", PLANNER, "abc")


@pytest.mark.parametrize(
    "text",
    [b"\xff\xfe{not json", b"", b'{"accounts": [{"who": "lan"}]}', b'{"users": []}', b"[1, 2]", b'{"accounts": 5}'],
)
def test_an_unreadable_accounts_file_is_one_message_in_both_languages(tmp_path, text):
    path = tmp_path / "accounts.json"
    path.write_bytes(text)
    with pytest.raises(StoreUnavailableError) as raised:
        load_accounts(path)
    assert raised.value.reason == "accounts_unreadable"
    assert "Không đọc được tệp tài khoản" in raised.value.message() and "cannot be read" in raised.value.message()
    assert path.read_bytes() == text
