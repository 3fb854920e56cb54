"""The store of indicator rows and their history: SQLite (WAL) by default, PostgreSQL through DATABASE_URL.

Every commit is one transaction that checks the revision the preview was made on; every upload keeps its
original bytes; every row change is logged with the values before and after, so any upload can be undone."""

from __future__ import annotations

import errno
import functools
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

import pandas as pd
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from dashboard.core.i18n import LANGUAGES, t

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
METADATA = sa.MetaData()
STATE = sa.Table("store_state", METADATA, sa.Column("id", sa.Integer), sa.Column("revision", sa.Integer))
UPLOADS = sa.Table(
    "uploads",
    METADATA,
    *(sa.Column(name) for name in ("table_name", "file_name", "sha256", "content", "encoding", "uploaded_by")),
    *(sa.Column(name) for name in ("uploaded_at", "rows_new", "rows_changed", "rows_unchanged", "source")),
    *(sa.Column(name) for name in ("warnings_confirmed", "undone_by", "undone_at", "agency")),
    sa.Column("id", sa.Integer, primary_key=True),
)
ROWS = sa.Table(
    "indicator_rows", METADATA, *(sa.Column(name) for name in ("table_name", "row_key", "data", "source", "upload_id"))
)
CHANGES = sa.Table(
    "row_changes",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True),
    *(sa.Column(name) for name in ("upload_id", "action", "table_name", "row_key", "old_data", "new_data")),
    *(sa.Column(name) for name in ("old_source", "old_upload_id", "changed_by", "changed_at")),
)
HISTORY_COLUMNS = ["id", "table_name", "file_name", "sha256", "encoding", "uploaded_by", "uploaded_at", "rows_new"]
HISTORY_COLUMNS += ["rows_changed", "rows_unchanged", "warnings_confirmed", "source", "undone_by", "undone_at"]
HISTORY_COLUMNS += ["agency"]
SQLITE_FAULTS = {
    "SQLITE_FULL": "disk_full",
    "SQLITE_READONLY": "read_only",
    "SQLITE_PERM": "read_only",
    "SQLITE_CANTOPEN": "cannot_open",
    "SQLITE_CORRUPT": "corrupt",
    "SQLITE_NOTADB": "corrupt",
    "SQLITE_IOERR": "io_error",
}
POSTGRES_FAULTS = {
    "08": "server_gone",
    "57P": "server_gone",
    "53": "disk_full",
    "25006": "read_only",
    "XX00": "corrupt",
}
OS_FAULTS = {errno.ENOSPC: "disk_full", errno.EROFS: "read_only", errno.EACCES: "read_only", errno.EPERM: "read_only"}
logger = logging.getLogger(__name__)
Method = ParamSpec("Method")
Result = TypeVar("Result")


class StaleStoreError(Exception):
    """The store changed since the preview was made: the preview must be made again."""


class UndoRefusedError(Exception):
    """An upload cannot be undone: already undone, or later uploads changed rows it wrote."""

    def __init__(self, reason: str, rows: list[str] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.rows = rows or []


class StoreUnavailableError(Exception):
    """The store could not be read or written (full disk, read-only folder, damaged file, server gone); nothing
    was written. `reason` names the fault, `where` the file or server, `detail` what the database said."""

    def __init__(self, reason: str, where: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {where}: {detail}")
        self.reason = reason
        self.where = where
        self.detail = detail

    def text(self, language: str) -> str:
        """Return what went wrong and what to do, in the language."""
        return t(f"store_checks.{self.reason}", language, where=self.where, detail=self.detail)

    def message(self) -> str:
        """Return what went wrong and what to do, in Vietnamese and English."""
        return " / ".join(self.text(language) for language in LANGUAGES)


def fault_reason(problem: BaseException) -> str:
    """Return the kind of fault a database or file error is: disk_full, read_only, cannot_open, corrupt,
    io_error, server_gone, or failed when it is none of these."""
    if isinstance(problem, sa.exc.DBAPIError):
        original = problem.orig
        name = getattr(original, "sqlite_errorname", None)
        if name:
            return SQLITE_FAULTS.get("_".join(name.split("_")[:2]), "failed")
        state = getattr(original, "sqlstate", None) or ""
        found = next((reason for prefix, reason in POSTGRES_FAULTS.items() if state.startswith(prefix)), None)
        if found:
            return found
        if isinstance(problem, sa.exc.OperationalError) or problem.connection_invalidated:
            return "server_gone"
    if isinstance(problem, OSError):
        return OS_FAULTS.get(problem.errno, "io_error")
    return "failed"


def _guarded(
    method: Callable[Concatenate[Store, Method], Result],
) -> Callable[Concatenate[Store, Method], Result]:
    """Return the store method with every database or file error turned into a StoreUnavailableError."""

    @functools.wraps(method)
    def guarded(store: Store, *args: Method.args, **kwargs: Method.kwargs) -> Result:
        try:
            return method(store, *args, **kwargs)
        except (sa.exc.DBAPIError, OSError) as problem:
            raise store.fault(problem) from problem

    return guarded


@dataclass(frozen=True)
class NewUpload:
    """What is recorded about an upload: the table, the original file, who sent it (and the agency, a code of
    agencies.csv, they report for, None when they named none), and its counts."""

    table_name: str
    file_name: str
    sha256: str
    content: bytes
    encoding: str
    uploaded_by: str
    rows_new: int
    rows_changed: int
    rows_unchanged: int
    warnings_confirmed: int
    source: str = "upload"
    agency: str | None = None


def now() -> str:
    """Return the current UTC time as ISO text, the store's timestamp format."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def encoded(data: dict[str, str]) -> str:
    """Return a row's values as the JSON text the store keeps (keys sorted, Vietnamese kept readable)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


class Store:
    """Indicator rows, uploads and changes in one database; every write is one transaction."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        parsed = sa.make_url(url)
        self.where = parsed.database if self.is_sqlite else f"{parsed.host}:{parsed.port or 5432}/{parsed.database}"
        self._open()

    @_guarded
    def _open(self) -> None:
        """Connect, check a SQLite file's integrity, and bring the schema to the newest migration."""
        if self.is_sqlite:
            Path(self.where).parent.mkdir(parents=True, exist_ok=True)
        self.engine = sa.create_engine(self.url, pool_pre_ping=True)
        if self.is_sqlite:
            sa.event.listen(self.engine, "connect", _sqlite_connect)
            sa.event.listen(self.engine, "begin", _sqlite_begin)
        self.writer = self.engine.execution_options(scp_write=True)
        self.check()
        self.upgrade()

    def fault(self, problem: BaseException) -> StoreUnavailableError:
        """Return the store error a database or file error stands for, logged for the administrator (an SQLite
        file that cannot be opened in a folder that cannot be written is a read-only store)."""
        reason = fault_reason(problem)
        folder = Path(self.where).parent
        if reason == "cannot_open" and self.is_sqlite and folder.is_dir() and not os.access(folder, os.W_OK):
            reason = "read_only"
        detail = str(getattr(problem, "orig", None) or problem).strip().splitlines()[0][:300]
        if reason == "failed":
            logger.exception("store %s: unexpected database error", self.where)
        else:
            logger.error("store %s: %s (%s)", self.where, reason, detail)
        return StoreUnavailableError(reason, self.where, detail)

    def check(self) -> None:
        """Raise StoreUnavailableError (integrity_failed) when a SQLite file fails its quick integrity check, by
        the problems it lists or by a damaged page that stops the check itself."""
        if not self.is_sqlite:
            return
        with self.engine.connect() as connection:
            try:
                found = [row[0] for row in connection.exec_driver_sql("PRAGMA quick_check").all()]
            except sa.exc.DatabaseError as problem:
                found = [str(problem.orig)]
        if found != ["ok"]:
            logger.error("store %s failed its integrity check: %s", self.where, "; ".join(found[:5]))
            raise StoreUnavailableError(
                "integrity_failed", self.where, "; ".join(" ".join(item.split()) for item in found[:3])
            )

    def upgrade(self) -> None:
        """Bring the schema to the newest migration, keeping every row (one process at a time)."""
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.writer.begin() as connection:
            if not self.is_sqlite:
                connection.exec_driver_sql("SELECT pg_advisory_xact_lock(20251)")
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    @contextmanager
    def reading(self) -> Iterator[sa.Connection]:
        """Yield a connection for reading; a database or file error becomes a StoreUnavailableError."""
        try:
            with self.engine.connect() as connection:
                yield connection
        except (sa.exc.DBAPIError, OSError) as problem:
            raise self.fault(problem) from problem

    @contextmanager
    def changing(self) -> Iterator[sa.Connection]:
        """Yield a connection in one writing transaction that holds the write lock and moves the revision on when
        it commits, so every server's caches see the change at their next rerun; all or nothing is written."""
        try:
            with self.writer.begin() as connection:
                self._lock(connection, None)
                yield connection
                self._advance(connection)
        except (sa.exc.DBAPIError, OSError) as problem:
            raise self.fault(problem) from problem

    @_guarded
    def revision(self) -> int:
        """Return the store's revision: it grows by one with every commit and every undo."""
        with self.engine.connect() as connection:
            return connection.execute(sa.select(STATE.c.revision).where(STATE.c.id == 1)).scalar_one()

    @_guarded
    def rows(self, table_name: str) -> pd.DataFrame:
        """Return a table's current rows as text, with their row key, source and upload id."""
        with self.engine.connect() as connection:
            found = connection.execute(
                sa.select(ROWS.c.row_key, ROWS.c.data, ROWS.c.source, ROWS.c.upload_id)
                .where(ROWS.c.table_name == table_name)
                .order_by(ROWS.c.row_key)
            ).all()
        records = [
            {**json.loads(data), "row_key": key, "source": source, "upload_id": upload}
            for key, data, source, upload in found
        ]
        return (
            pd.DataFrame(records, dtype=object) if records else pd.DataFrame(columns=["row_key", "source", "upload_id"])
        )

    @_guarded
    def commit(
        self,
        upload: NewUpload,
        rows: Iterable[tuple[str, dict[str, str]]],
        expected_revision: int,
        on_row: Callable[[int], None] | None = None,
    ) -> int:
        """Write the rows (key, values) of an upload in one transaction and return the upload's id; refuse
        with StaleStoreError when the store is no longer at the revision the preview was made on."""
        with self.writer.begin() as connection:
            self._lock(connection, expected_revision)
            stamp = now()
            upload_id = connection.execute(
                sa.insert(UPLOADS).values(**upload.__dict__, uploaded_at=stamp).returning(UPLOADS.c.id)
            ).scalar_one()
            query = sa.select(ROWS.c.row_key, ROWS.c.data, ROWS.c.source, ROWS.c.upload_id)
            found = connection.execute(query.where(ROWS.c.table_name == upload.table_name)).all()
            current = {key: (data, source, previous) for key, data, source, previous in found}
            for written, (key, values) in enumerate(rows, start=1):
                data = encoded(values)
                before = current.get(key)
                if before is not None and before[0] == data:
                    continue
                change = {"upload_id": upload_id, "table_name": upload.table_name, "row_key": key, "new_data": data}
                change |= {"changed_by": upload.uploaded_by, "changed_at": stamp}
                if before is None:
                    connection.execute(
                        sa.insert(ROWS).values(
                            table_name=upload.table_name,
                            row_key=key,
                            data=data,
                            source=upload.source,
                            upload_id=upload_id,
                        )
                    )
                    connection.execute(sa.insert(CHANGES).values(action="insert", **change))
                else:
                    connection.execute(
                        sa.update(ROWS)
                        .where(ROWS.c.table_name == upload.table_name, ROWS.c.row_key == key)
                        .values(data=data, source=upload.source, upload_id=upload_id)
                    )
                    old = {"old_data": before[0], "old_source": before[1], "old_upload_id": before[2]}
                    connection.execute(sa.insert(CHANGES).values(action="update", **old, **change))
                if on_row:
                    on_row(written)
            self._advance(connection)
        return upload_id

    @_guarded
    def undo(self, upload_id: int, by: str) -> int:
        """Restore exactly the values an upload replaced (removing rows it added) and return how many rows
        were restored; refuse when it was undone already or a later upload changed one of its rows."""
        with self.writer.begin() as connection:
            self._lock(connection, None)
            upload = connection.execute(sa.select(UPLOADS).where(UPLOADS.c.id == upload_id)).mappings().first()
            if upload is None:
                raise UndoRefusedError("undo_unknown")
            if upload["undone_at"]:
                raise UndoRefusedError("undo_done_already")
            changes = (
                connection.execute(
                    sa.select(CHANGES).where(CHANGES.c.upload_id == upload_id, CHANGES.c.action != "undo")
                )
                .mappings()
                .all()
            )
            table = upload["table_name"]
            keys = [change["row_key"] for change in changes]
            query = sa.select(ROWS.c.row_key, ROWS.c.data, ROWS.c.upload_id)
            found = connection.execute(query.where(ROWS.c.table_name == table, ROWS.c.row_key.in_(keys))).all()
            now_rows = {key: (data, writer) for key, data, writer in found}
            moved = [
                change["row_key"]
                for change in changes
                if now_rows.get(change["row_key"]) != (change["new_data"], upload_id)
            ]
            if moved:
                raise UndoRefusedError("undo_rows_changed_later", moved)
            stamp = now()
            for change in changes:
                where = (ROWS.c.table_name == table, ROWS.c.row_key == change["row_key"])
                if change["old_data"] is None:
                    connection.execute(sa.delete(ROWS).where(*where))
                else:
                    connection.execute(
                        sa.update(ROWS)
                        .where(*where)
                        .values(data=change["old_data"], source=change["old_source"], upload_id=change["old_upload_id"])
                    )
                connection.execute(
                    sa.insert(CHANGES).values(
                        upload_id=upload_id,
                        action="undo",
                        table_name=table,
                        row_key=change["row_key"],
                        old_data=change["new_data"],
                        new_data=change["old_data"],
                        changed_by=by,
                        changed_at=stamp,
                    )
                )
            connection.execute(
                sa.update(UPLOADS).where(UPLOADS.c.id == upload_id).values(undone_by=by, undone_at=stamp)
            )
            self._advance(connection)
        return len(changes)

    @_guarded
    def uploads(self) -> pd.DataFrame:
        """Return every upload, newest first, without its bytes."""
        with self.engine.connect() as connection:
            found = connection.execute(
                sa.select(*(UPLOADS.c[name] for name in HISTORY_COLUMNS)).order_by(UPLOADS.c.id.desc())
            ).all()
        return pd.DataFrame(found, columns=HISTORY_COLUMNS)

    @_guarded
    def upload_file(self, upload_id: int) -> tuple[str, bytes]:
        """Return the file name and original bytes of an upload."""
        with self.engine.connect() as connection:
            found = connection.execute(
                sa.select(UPLOADS.c.file_name, UPLOADS.c.content).where(UPLOADS.c.id == upload_id)
            ).one()
        return found[0], bytes(found[1])

    @_guarded
    def changes(self, upload_id: int | None = None) -> pd.DataFrame:
        """Return the log of row changes (of one upload, or all), oldest first."""
        query = sa.select(CHANGES).order_by(CHANGES.c.id)
        if upload_id is not None:
            query = query.where(CHANGES.c.upload_id == upload_id)
        with self.engine.connect() as connection:
            found = connection.execute(query).mappings().all()
        return pd.DataFrame([dict(row) for row in found], columns=[column.name for column in CHANGES.columns])

    def _lock(self, connection: sa.Connection, expected_revision: int | None) -> None:
        """Take the store's write lock (SQLite: BEGIN IMMEDIATE already holds it) and check the revision."""
        query = sa.select(STATE.c.revision).where(STATE.c.id == 1)
        revision = connection.execute(query if self.is_sqlite else query.with_for_update()).scalar_one()
        if expected_revision is not None and revision != expected_revision:
            raise StaleStoreError(f"revision {revision}, preview made on {expected_revision}")

    def _advance(self, connection: sa.Connection) -> None:
        """Move the revision on by one, inside the writing transaction."""
        connection.execute(sa.update(STATE).where(STATE.c.id == 1).values(revision=STATE.c.revision + 1))


def _sqlite_connect(dbapi_connection: object, _record: object) -> None:
    """Set SQLite up for concurrent use: WAL journal, a wait for locks, foreign keys, durable commits."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in ("journal_mode=WAL", "busy_timeout=30000", "foreign_keys=ON", "synchronous=FULL"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _sqlite_begin(connection: sa.Connection) -> None:
    """Begin a transaction; a writer takes the write lock at once, so two commits queue instead of failing."""
    write = connection.get_execution_options().get("scp_write")
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
