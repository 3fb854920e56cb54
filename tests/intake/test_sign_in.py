"""Sign-in with a limit: an account and a client are locked out after repeated failures, for a while, on every
server sharing the store; every failure and lockout is logged, never a password."""

import logging
from datetime import UTC, datetime, timedelta

from dashboard.intake.accounts import HASHER, PLANNER, Account
from dashboard.intake.sign_in import LOCKOUT, MAX_FAILURES, WINDOW, attempt_sign_in
from dashboard.store.database import Store

PASSWORD = "mat-khau-cua-lan"
WRONG = "sai-mat-khau-roi"
START = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
ACCOUNTS = [Account("lan", PLANNER, password_hash=HASHER.hash(PASSWORD))]


def fail(store: Store, times: int, username: str = "lan", client: str | None = "10.0.0.1", at=START):
    """Return the outcome of the last of a number of failed sign-ins a second apart."""
    for second in range(times):
        outcome = attempt_sign_in(store, ACCOUNTS, username, WRONG, client, at + timedelta(seconds=second))
    return outcome


def test_a_wrong_password_is_refused_without_saying_whether_the_account_exists(store):
    for username in ("lan", "khong-co"):
        outcome = attempt_sign_in(store, ACCOUNTS, username, WRONG, None, START)
        assert outcome.account is None and outcome.text("en") == "Wrong user name or password."


def test_an_account_is_locked_out_after_repeated_failures_and_says_when_to_retry(store):
    assert fail(store, MAX_FAILURES - 1).refusal == "wrong"
    locked = fail(store, 1, client="10.0.0.2", at=START + timedelta(minutes=1))
    assert (locked.refusal, locked.retry_at) == ("account", START + timedelta(minutes=1) + LOCKOUT)
    assert locked.text("vi", START + timedelta(minutes=1)) == (
        "Đăng nhập sai quá nhiều lần vào tài khoản này: tài khoản tạm bị khóa. Hãy thử lại sau 15 phút."
    )
    assert "Try again in 15 minute(s)" in locked.text("en", START + timedelta(minutes=1))
    during = attempt_sign_in(store, ACCOUNTS, " LAN", PASSWORD, "10.0.0.3", START + timedelta(minutes=10))
    assert during.account is None and during.refusal == "account"
    after = attempt_sign_in(store, ACCOUNTS, "lan", PASSWORD, "10.0.0.3", locked.retry_at + timedelta(seconds=1))
    assert after.account.username == "lan"


def test_a_client_is_locked_out_after_failures_on_several_accounts_and_others_still_sign_in(store):
    for number in range(MAX_FAILURES):
        outcome = attempt_sign_in(store, ACCOUNTS, f"user{number}", WRONG, "10.0.0.9", START)
    assert outcome.refusal == "client"
    assert attempt_sign_in(store, ACCOUNTS, "lan", PASSWORD, "10.0.0.9", START).refusal == "client"
    assert attempt_sign_in(store, ACCOUNTS, "lan", PASSWORD, "10.0.0.8", START).account.username == "lan"


def test_failures_older_than_the_window_are_forgotten(store):
    fail(store, MAX_FAILURES - 1)
    assert fail(store, 1, at=START + WINDOW + timedelta(minutes=1)).refusal == "wrong"


def test_a_successful_sign_in_clears_the_accounts_failures(store):
    fail(store, MAX_FAILURES - 1)
    assert attempt_sign_in(store, ACCOUNTS, "lan", PASSWORD, None, START + timedelta(minutes=1)).account
    assert fail(store, MAX_FAILURES - 1, client=None, at=START + timedelta(minutes=2)).refusal == "wrong"


def test_servers_sharing_the_store_agree_on_a_lockout(store):
    other = Store(store.engine.url.render_as_string(hide_password=False))
    fail(store, MAX_FAILURES - 1)
    assert fail(other, 1, at=START + timedelta(minutes=1)).refusal == "account"
    assert attempt_sign_in(store, ACCOUNTS, "lan", PASSWORD, None, START + timedelta(minutes=2)).refusal == "account"
    other.engine.dispose()


def test_every_failure_and_lockout_is_logged_and_no_password_is(store, caplog):
    with caplog.at_level(logging.WARNING, logger="dashboard.intake.sign_in"):
        fail(store, MAX_FAILURES)
        attempt_sign_in(store, ACCOUNTS, "lan", PASSWORD, "10.0.0.1", START + timedelta(minutes=1))
    messages = [record.getMessage() for record in caplog.records]
    assert sum("sign-in failed for user 'lan' from client 10.0.0.1" in message for message in messages) == MAX_FAILURES
    assert sum("lockout: account 'lan' locked out until 2026-12-01T08:15:04" in message for message in messages) == 1
    assert any("refused: account 'lan' locked out" in message for message in messages)
    assert not any(WRONG in message or PASSWORD in message for message in messages)
