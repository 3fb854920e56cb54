"""The store, accounts and sign-in through AppTest: a damaged store or accounts file is one message on the page,
user text shows as text, sign-in locks out after repeated failures, removing a user is confirmed and said."""

import re

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.core.paths import ROOT
from dashboard.core.settings import default_url
from dashboard.intake.accounts import PLANNER, Account, add_account, load_accounts
from dashboard.intake.sign_in import MAX_FAILURES
from dashboard.store.database import NewUpload, Store
from tests.conftest import store_in
from tests.store import test_store_faults
from tests.store.test_store_faults import (
    Case,
    damaged_header,
    damaged_page,
    full_disk,
    garbage_accounts,
    read_only_folder,
)
from tests.ui.test_upload_pages import signed_in_app

TIMEOUT_S = 60
HOSTILE = "[x](http://example.com) <b>đậm</b>"
faulty = test_store_faults.faulty


def sign_in_panel() -> None:
    """Draw the sign-in panel alone (AppTest reruns only a page after the first run, never app.py's sidebar)."""
    from dashboard.ui.auth import account_panel

    account_panel()


def panel_app() -> AppTest:
    """Return the sign-in panel after its first run, caches cleared."""
    st.cache_data.clear()
    st.cache_resource.clear()
    return AppTest.from_function(sign_in_panel, default_timeout=TIMEOUT_S).run()


def sign_in(app: AppTest, username: str, password: str) -> AppTest:
    """Return the app after the sign-in form is sent with the user name and password."""
    app.sidebar.text_input(key="sign_in_username").input(username)
    app.sidebar.text_input(key="sign_in_password").input(password)
    return app.sidebar.button[0].click().run()


def shown(markdown: str) -> str:
    """Return the text a reader sees of escaped Markdown (every backslash escape resolved, the invisible word
    joiners that keep addresses from becoming links left out)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


def first_run() -> AppTest:
    """Return the app after its first run, caches cleared."""
    st.cache_data.clear()
    st.cache_resource.clear()
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S).run()


@pytest.mark.parametrize(
    ("fault", "vietnamese", "english"),
    [
        (damaged_header, "bị hỏng hoặc không phải cơ sở dữ liệu", "is damaged or is not a database"),
        (damaged_page, "không qua được bước kiểm tra toàn vẹn khi khởi động", "failed its integrity check at start-up"),
        (read_only_folder, "thư mục hoặc tệp chỉ cho phép đọc", "its folder or file is read-only"),
    ],
)
def test_a_store_that_cannot_be_opened_is_one_message_on_the_page(faulty, fault, vietnamese, english):
    case: Case = faulty(fault)
    app = first_run()
    assert not app.exception
    assert vietnamese in shown(app.error[0].value) and english in shown(app.error[0].value)
    assert case.folder.exists()


def test_a_full_disk_at_sign_in_is_said_on_the_form_and_nobody_is_signed_in(faulty):
    faulty(full_disk)
    app = sign_in(panel_app(), "lan", "sai-mat-khau")
    assert not app.exception and "account" not in app.session_state
    assert "đã đầy" in shown(app.sidebar.error[0].value) and "is full" in shown(app.sidebar.error[0].value)


def test_an_old_accounts_file_that_cannot_be_moved_is_one_message_and_nobody_is_signed_in(faulty, data_dir):
    faulty(garbage_accounts)
    st.cache_data.clear()
    st.cache_resource.clear()
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S)
    app.session_state["account"] = Account("lan", PLANNER)
    app.run()
    assert not app.exception
    for said in (shown(app.sidebar.error[0].value), shown(app.error[0].value)):
        assert "Không đọc được tệp tài khoản cũ" in said and "could not be moved into the store" in said
    assert not [caption for caption in app.sidebar.caption if "Đã đăng nhập" in caption.value]
    panel = sign_in(panel_app(), "lan", "mat-khau-lan")
    assert not panel.exception and "account" not in panel.session_state
    assert "Không đọc được tệp tài khoản cũ" in shown(panel.sidebar.error[-1].value)
    assert not store_in(data_dir).uploads().empty and load_accounts(store_in(data_dir))[1].username == "lan"


def test_repeated_failed_sign_ins_lock_the_account_and_say_when_to_retry(data_dir):
    app = panel_app()
    for _ in range(MAX_FAILURES - 1):
        assert sign_in(app, "lan", "doan-bua").sidebar.error[0].value == "Tên đăng nhập hoặc mật khẩu không đúng."
    assert "tài khoản tạm bị khóa. Hãy thử lại sau 15 phút" in sign_in(app, "lan", "doan-bua").sidebar.error[0].value
    sign_in(app, "lan", "mat-khau-lan")
    assert not app.exception and "account" not in app.session_state
    assert "tạm bị khóa" in app.sidebar.error[0].value


def test_a_display_name_with_markup_is_shown_as_text_in_the_sidebar(data_dir):
    add_account(store_in(data_dir), "lan", PLANNER, name=HOSTILE)
    app = signed_in_app(data_dir, "lan")
    caption = app.sidebar.caption[0].value
    assert not app.exception
    assert HOSTILE in shown(caption) and "[x](http" not in caption and "<b>" not in caption


def test_an_uploaded_file_name_with_markup_is_shown_as_text_and_its_original_is_an_unchecked_attachment(data_dir):
    store = Store(default_url(data_dir))
    upload = NewUpload("eco_packaging", f"{HOSTILE}.csv", "0" * 64, b"=1+1\n", "utf-8", HOSTILE, 0, 0, 0, 0)
    upload_id = store.commit(upload, [], store.revision())
    store.undo(upload_id, HOSTILE)
    store.engine.dispose()
    app = signed_in_app(data_dir, "lan")
    app.switch_page("pages/history.py").run()
    assert not app.exception
    original = app.get("download_button")[2]
    assert shown(original.label) == f"Tệp gốc như khi tải lên, chưa kiểm tra: {HOSTILE}.csv"
    assert "[x](http" not in original.label
    assert "chưa được kiểm tra và có thể chứa công thức" in original.help
    assert "[x](http" not in app.info[0].value and HOSTILE in shown(app.info[0].value)


def test_removing_a_user_asks_for_confirmation_and_says_what_was_done(data_dir):
    app = signed_in_app(data_dir, "quantri")
    app.switch_page("pages/users.py").run()
    app.selectbox(key="user_remove_choice").select("lan").run()
    assert app.button(key="user_remove").disabled
    app.checkbox(key="user_remove_sure").check().run()
    app.button(key="user_remove").click().run()
    assert not app.exception
    assert app.success[0].value == "Đã xóa tài khoản “lan”: tài khoản này không đăng nhập được nữa."
    assert "lan" not in [account.username for account in load_accounts(store_in(data_dir))]
    assert not app.checkbox(key="user_remove_sure").value


@pytest.mark.parametrize(
    ("username", "password", "said"),
    [
        ("minh", "abc", "Mật khẩu phải có ít nhất 8 ký tự."),
        ("minh", "password1", "Mật khẩu này nằm trong số mật khẩu phổ biến nhất"),
        ("   ", "mat-khau-minh", "Cần nhập tên đăng nhập."),
    ],
)
def test_a_short_or_common_password_on_the_users_page_is_refused_and_nothing_is_written(
    data_dir, username, password, said
):
    before = store_in(data_dir).revision(), load_accounts(store_in(data_dir))
    app = signed_in_app(data_dir, "quantri")
    app.switch_page("pages/users.py").run()
    app.text_input(key="user_username").input(username)
    app.text_input(key="user_password").input(password)
    app.button[-2].click().run()
    assert not app.exception
    assert said in app.error[0].value
    assert (store_in(data_dir).revision(), load_accounts(store_in(data_dir))) == before


def test_adding_a_user_whose_name_differs_only_by_spaces_changes_the_same_account(data_dir):
    app = signed_in_app(data_dir, "quantri")
    app.switch_page("pages/users.py").run()
    app.text_input(key="user_username").input(" lan ")
    app.selectbox(key="user_role").select("viewer")
    app.button[-2].click().run()
    assert not app.exception
    assert app.success[0].value == "Đã sửa tài khoản “lan”: Người xem."
    accounts = load_accounts(store_in(data_dir))
    assert [account.role for account in accounts if account.username.strip() == "lan"] == ["viewer"]


def test_the_original_file_is_sent_exactly_as_uploaded_as_an_attachment(monkeypatch):
    from dashboard.ui import downloads

    sent = {}
    monkeypatch.setattr(downloads.st, "download_button", lambda *args, **kwargs: sent.update(args=args, **kwargs))
    content = b'\xef\xbb\xbfnam;gia_tri\n2025;=HYPERLINK("http://x")\n'
    downloads.original_file_button(lambda: content, f"{HOSTILE}.csv", "en", "original")
    label, data, file_name, mime = sent["args"]
    assert shown(label) == f"Original file as uploaded, unchecked: {HOSTILE}.csv" and "[x](" not in label
    assert data() == content and file_name == f"{HOSTILE}.csv" and mime == "application/octet-stream"
    assert "not checked and may hold formulas" in sent["help"]
