"""Faults around the store: a damaged, truncated or full store, a read-only data folder, a database server that is gone,
an old accounts file that cannot be read to be moved into the store, an account that cannot be written. Each is one
message in Vietnamese and English through the core and the command line, no traceback, and nothing written."""

import hashlib
import io
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import sqlalchemy as sa

from dashboard.__main__ import main
from dashboard.core.i18n import messages
from dashboard.core.settings import default_url, load_settings
from dashboard.intake.accounts import PLANNER, Account, add_account
from dashboard.intake.uploads import bundled_reference, commit_upload, open_store, preview_upload
from dashboard.store import database as store_module
from dashboard.store.database import Store, StoreUnavailableError
from tests.store.test_store_concurrency import campaigns_file

UNREACHABLE = "postgresql+psycopg://scp:scp@127.0.0.1:9/scp"
PAGE = 4096


def mount_tmpfs(folder: Path, size: str, stack: ExitStack) -> None:
    """Mount a tmpfs of the size on the folder, unmounted when the stack closes; skip when it cannot be."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a small tmpfs needs root and mount(8); not root here")
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    stack.callback(subprocess.run, ["umount", "-l", str(folder)], check=True)


@dataclass
class Case:
    """A data folder holding a seeded store and the accounts file, with a fault made in it."""

    folder: Path
    url: str
    stack: ExitStack
    monkeypatch: pytest.MonkeyPatch
    lifts: list[Callable[[], object]] = field(default_factory=list)
    before: tuple = ()


def damaged_header(case: Case) -> None:
    """Overwrite the first bytes of the store: it is no longer a SQLite file."""
    with (case.folder / "scp.sqlite3").open("r+b") as handle:
        handle.write(b"\x00garbage" * 16)


def truncated(case: Case) -> None:
    """Cut the store file in half, as a copy stopped midway leaves it."""
    path = case.folder / "scp.sqlite3"
    os.truncate(path, path.stat().st_size // 2)


def damaged_page(case: Case) -> None:
    """Overwrite one page in the middle of the store: it opens, but fails its integrity check."""
    path = case.folder / "scp.sqlite3"
    with path.open("r+b") as handle:
        handle.seek((path.stat().st_size // PAGE // 2) * PAGE)
        handle.write(b"\xff" * PAGE)


def database_full(case: Case) -> None:
    """Let the database grow by no page (SQLite's max_page_count), as a full disk does."""
    connect = store_module._sqlite_connect

    def limited(dbapi_connection: object, record: object) -> None:
        connect(dbapi_connection, record)
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    case.monkeypatch.setattr(store_module, "_sqlite_connect", limited)


def full_disk(case: Case) -> None:
    """Put the store on a small tmpfs and fill it, its write-ahead log emptied first, so a write finds no room."""
    disk = case.folder.parent / "disk"
    mount_tmpfs(disk, "4m", case.stack)
    shutil.copytree(case.folder, disk / "var")
    case.folder, case.url = disk / "var", default_url(disk / "var")
    case.monkeypatch.setenv("SCP_DATA_DIR", str(case.folder))
    holder = Store(case.url)
    case.stack.callback(holder.engine.dispose)
    with holder.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    filler = disk / "filler"
    handle = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(handle, b"\0" * PAGE):
            pass
    except OSError:
        pass
    finally:
        os.close(handle)
    case.lifts.append(filler.unlink)


def read_only_folder(case: Case) -> None:
    """Make the data folder read-only: a read-only tmpfs when root (chmod does not stop root), else chmod."""
    if os.geteuid() != 0:
        (case.folder / "scp.sqlite3").chmod(0o444)
        case.folder.chmod(0o555)
        case.lifts.append(lambda: case.folder.chmod(0o755))
        case.stack.callback(case.folder.chmod, 0o755)
        return
    disk = case.folder.parent / "read-only"
    mount_tmpfs(disk, "8m", case.stack)
    shutil.copytree(case.folder, disk / "var")
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    case.lifts.append(lambda: subprocess.run(["mount", "-o", "remount,rw", str(disk)], check=True))
    case.folder, case.url = disk / "var", default_url(disk / "var")
    case.monkeypatch.setenv("SCP_DATA_DIR", str(case.folder))


def server_unreachable(case: Case) -> None:
    """Point the store at a PostgreSQL server that is not there."""
    case.url = UNREACHABLE
    case.monkeypatch.setenv("DATABASE_URL", UNREACHABLE)


def garbage_accounts(case: Case) -> None:
    """Leave an old accounts file, to be moved into the store, of bytes that are not JSON."""
    (case.folder / "accounts.json").write_bytes(b"\xff\xfe{not json")


def accounts_not_a_list(case: Case) -> None:
    """Leave an old accounts file, to be moved into the store, of JSON of another shape."""
    (case.folder / "accounts.json").write_text('{"accounts": [{"who": "lan"}]}', encoding="utf-8")


DAMAGING = (damaged_header, truncated, damaged_page, server_unreachable, garbage_accounts, accounts_not_a_list)
FAULTS = [
    pytest.param(damaged_header, "store", "corrupt", id="damaged-header"),
    pytest.param(truncated, "store", "corrupt", id="truncated"),
    pytest.param(damaged_page, "store", "integrity_failed", id="damaged-page"),
    pytest.param(database_full, "store", "disk_full", id="database-full"),
    pytest.param(full_disk, "store", "disk_full", id="full-disk-tmpfs"),
    pytest.param(read_only_folder, "store", "read_only", id="read-only-folder"),
    pytest.param(server_unreachable, "store", "server_gone", id="server-unreachable"),
    pytest.param(garbage_accounts, "accounts", "accounts_unreadable", id="accounts-garbage"),
    pytest.param(accounts_not_a_list, "accounts", "accounts_unreadable", id="accounts-wrong-shape"),
    pytest.param(read_only_folder, "accounts", "read_only", id="accounts-read-only"),
]


def fingerprint(folder: Path, url: str) -> tuple:
    """Return what the data folder holds that a fault must leave alone: the accounts file's bytes and the store's
    contents, or its file's bytes when it cannot be opened (a PostgreSQL URL: the accounts file only)."""
    accounts = folder / "accounts.json"
    accounts_bytes = accounts.read_bytes() if accounts.exists() else b""
    if not url.startswith("sqlite"):
        return (accounts_bytes,)
    try:
        opened = Store(url)
    except StoreUnavailableError:  # a damaged store: its bytes
        return accounts_bytes, hashlib.sha256((folder / "scp.sqlite3").read_bytes()).hexdigest()
    try:
        return accounts_bytes, opened.revision(), opened.uploads().to_json(), opened.changes().to_json()
    finally:
        opened.engine.dispose()


@pytest.fixture
def faulty(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Callable], Case]]:
    """Return a function making a fault in this test's copy of the seeded data folder, with what the folder held
    before it (after it, for a fault that damages the store itself); every mount is undone afterwards."""
    with ExitStack() as stack:

        def make(fault: Callable[[Case], None]) -> Case:
            case = Case(data_dir, default_url(data_dir), stack, monkeypatch)
            seeded = fingerprint(case.folder, case.url)
            fault(case)
            case.before = fingerprint(case.folder, case.url) if fault in DAMAGING else seeded
            return case

        yield make


def nothing_written(case: Case) -> bool:
    """Return whether the folder holds what it held before, once the fault is lifted (the disk freed, the folder
    writable again)."""
    for lift in case.lifts:
        lift()
    return fingerprint(case.folder, case.url) == case.before


def both_languages(reason: str, message: str) -> None:
    """Assert the message is the fault's, in Vietnamese and in English, naming the store."""
    for language in ("vi", "en"):
        pattern = re.escape(messages(language)[f"store_checks.{reason}"])
        pattern = pattern.replace(r"\{where\}", ".+").replace(r"\{detail\}", ".*")
        assert re.search(pattern, message), (language, message)


def test_the_faults_table_has_a_row_for_every_kind_of_store_fault():
    reasons = {param.values[2] for param in FAULTS}
    assert reasons >= {"corrupt", "integrity_failed", "disk_full", "read_only", "server_gone"}
    assert "accounts_unreadable" in reasons


@pytest.mark.parametrize(("fault", "target", "reason"), FAULTS)
def test_a_fault_is_one_message_from_the_core_and_nothing_is_written(faulty, fault, target, reason):
    case = faulty(fault)
    with pytest.raises(StoreUnavailableError) as raised:
        if target == "accounts":
            add_account(open_store(load_settings()), "moi", PLANNER, "mat-khau-moi-dai")
        else:
            opened = Store(case.url)
            previewed = preview_upload(
                opened, campaigns_file(7), "bang.csv", "awareness_campaigns", bundled_reference(), 2**24
            )
            commit_upload(opened, previewed, Account("lan", PLANNER), confirm_warnings=True)
    assert raised.value.reason == reason
    both_languages(reason, raised.value.message())
    assert nothing_written(case)


@pytest.mark.parametrize(("fault", "target", "reason"), FAULTS)
def test_a_fault_is_one_message_in_the_terminal_with_exit_code_4(faulty, fault, target, reason, capsys, monkeypatch):
    case = faulty(fault)
    if target == "accounts":
        monkeypatch.setattr("sys.stdin", io.StringIO("mat-khau-moi-dai\n"))
        argv = ["users", "add", "moi", "--role", "viewer"]
    else:
        upload = case.stack.enter_context(tempfile.TemporaryDirectory()) + "/bang.csv"
        Path(upload).write_bytes(campaigns_file(7))
        argv = ["indicators", "import", upload, "--table", "awareness_campaigns", "--accept-warnings"]
    assert main(argv) == 4
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and err.count("\n") == 1
    both_languages(reason, err)
    assert nothing_written(case)


@pytest.mark.parametrize("store", ["postgresql"], indirect=True)
def test_a_server_that_goes_away_mid_commit_is_one_message_and_the_commit_is_rolled_back(store, snapshot):
    before = snapshot(store)
    previewed = preview_upload(store, campaigns_file(7), "bang.csv", "awareness_campaigns", bundled_reference(), 2**24)
    killer = sa.create_engine(store.engine.url)

    def server_goes_away(written: int) -> None:
        if written == 10:
            with killer.connect() as connection:
                connection.exec_driver_sql(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                    " AND state = 'idle in transaction' AND pid <> pg_backend_pid()"
                )

    try:
        with pytest.raises(StoreUnavailableError) as raised:
            commit_upload(store, previewed, Account("lan", PLANNER), confirm_warnings=True, on_row=server_goes_away)
    finally:
        killer.dispose()
    assert raised.value.reason == "server_gone"
    both_languages("server_gone", raised.value.message())
    assert snapshot(store) == before
