"""Sign-in with a limit: after repeated failures an account, and separately a client address, is locked out for
a while. Failures are kept in the store, so several app servers on one database agree, and each is logged."""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from dashboard.core.i18n import t
from dashboard.intake.accounts import Account, signed_in, username_key
from dashboard.store.database import Store

ACCOUNT, CLIENT = "account", "client"
MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)
LOCKOUT = timedelta(minutes=15)
SUBJECT_LENGTH = 255
FAILURES = sa.Table(
    "sign_in_failures",
    sa.MetaData(),
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("subject", sa.String(SUBJECT_LENGTH), primary_key=True),
    sa.Column("failures", sa.Integer),
    sa.Column("first_failed_at", sa.String(32)),
    sa.Column("locked_until", sa.String(32)),
)
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignIn:
    """The outcome of a sign-in: the account, or why not (wrong, or locked out with the time it ends)."""

    account: Account | None
    refusal: str = ""
    retry_at: datetime | None = None

    def text(self, language: str, at: datetime | None = None) -> str:
        """Return why the sign-in was refused, and when to retry after a lockout, in the language."""
        if self.retry_at is None:
            return t("account.wrong", language)
        minutes = max(1, math.ceil((self.retry_at - (at or datetime.now(UTC))).total_seconds() / 60))
        return t(f"sign_in.locked_{self.refusal}", language, minutes=minutes)


def attempt_sign_in(
    store: Store, accounts: list[Account], username: str, password: str, client: str | None, at: datetime | None = None
) -> SignIn:
    """Return the outcome of a sign-in from a client address (None when unknown): refused while the account or the
    client is locked out, else checked against the password; a failure is counted and may start a lockout."""
    at = at or datetime.now(UTC)
    subjects = [(ACCOUNT, username_key(username)[:SUBJECT_LENGTH])]
    if client:
        subjects.append((CLIENT, client[:SUBJECT_LENGTH]))
    for kind, subject in subjects:
        until = _locked_until(store, kind, subject, at)
        if until:
            logger.warning("sign-in refused: %s %r locked out until %s", kind, subject, until.isoformat())
            return SignIn(None, kind, until)
    found = signed_in(accounts, username, password)
    if found:
        _clear(store, *subjects[0])
        return SignIn(found)
    lockouts = [(kind, until) for kind, subject in subjects if (until := _record_failure(store, kind, subject, at))]
    logger.warning("sign-in failed for user %r from client %s", username, client or "unknown")
    for kind, until in lockouts:
        logger.warning("sign-in lockout: %s %r locked out until %s", kind, dict(subjects)[kind], until.isoformat())
    if lockouts:
        return SignIn(None, *lockouts[0])
    return SignIn(None, "wrong")


def _locked_until(store: Store, kind: str, subject: str, at: datetime) -> datetime | None:
    """Return when a subject's lockout ends, or None when it is not locked out."""
    try:
        with store.engine.connect() as connection:
            until = connection.execute(
                sa.select(FAILURES.c.locked_until).where(FAILURES.c.kind == kind, FAILURES.c.subject == subject)
            ).scalar()
    except sa.exc.DBAPIError as problem:
        raise store.fault(problem) from problem
    return datetime.fromisoformat(until) if until and datetime.fromisoformat(until) > at else None


def _record_failure(store: Store, kind: str, subject: str, at: datetime) -> datetime | None:
    """Count a failed sign-in of a subject in one transaction; return when its new lockout ends, if this failure
    started one. Failures older than the window are forgotten."""
    stamp = at.isoformat(timespec="seconds")
    insert = (postgresql.insert if not store.is_sqlite else sqlite.insert)(FAILURES)
    where = (FAILURES.c.kind == kind, FAILURES.c.subject == subject)
    try:
        with store.writer.begin() as connection:
            fresh = {"kind": kind, "subject": subject, "failures": 0, "first_failed_at": stamp}
            connection.execute(insert.values(**fresh).on_conflict_do_nothing())
            query = sa.select(FAILURES.c.failures, FAILURES.c.first_failed_at).where(*where)
            failures, first = connection.execute(query if store.is_sqlite else query.with_for_update()).one()
            if datetime.fromisoformat(first) < at - WINDOW:
                failures, first = 0, stamp
            failures += 1
            until = at + LOCKOUT if failures >= MAX_FAILURES else None
            values = (
                {"failures": 0, "first_failed_at": stamp} if until else {"failures": failures, "first_failed_at": first}
            )
            values["locked_until"] = until.isoformat(timespec="seconds") if until else None
            connection.execute(sa.update(FAILURES).where(*where).values(**values))
    except sa.exc.DBAPIError as problem:
        raise store.fault(problem) from problem
    return until


def _clear(store: Store, kind: str, subject: str) -> None:
    """Forget a subject's failed sign-ins after a successful one."""
    try:
        with store.writer.begin() as connection:
            connection.execute(sa.delete(FAILURES).where(FAILURES.c.kind == kind, FAILURES.c.subject == subject))
    except sa.exc.DBAPIError as problem:
        raise store.fault(problem) from problem
