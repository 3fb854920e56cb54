"""The one-time move into the store of what earlier versions kept as files in SCP_DATA_DIR: the accounts file,
boundary layer versions and zone lists. Each file is moved once (recorded in moved_files), all in one
transaction; the files stay where they are, with MOVED-TO-STORE.txt beside them saying what moved and when."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

from dashboard.core.i18n import LANGUAGES, t
from dashboard.store.accounts import FIELDS, account_row, put_account, username_key
from dashboard.store.database import METADATA, Store, StoreUnavailableError, now
from dashboard.store.imported import BOUNDARIES, ZONES, ImportedVersion, insert_version, stored_version_ids

MARKER = "MOVED-TO-STORE.txt"
REPORT_FILE = "report.json"
PAYLOAD_FILES = {BOUNDARIES: "layer.geojson", ZONES: "zones.csv"}
MOVED = sa.Table("moved_files", METADATA, *(sa.Column(name) for name in ("path", "sha256", "moved_at")))
log = logging.getLogger(__name__)


@dataclass
class Move:
    """What one move did: the files recorded, the accounts and versions copied, the accounts the store already had
    (kept as the store has them) and the version folders that could not be read (left as they are)."""

    files: dict[str, str] = field(default_factory=dict)
    accounts: list[str] = field(default_factory=list)
    kept_accounts: list[str] = field(default_factory=list)
    versions: list[str] = field(default_factory=list)
    unreadable: dict[str, str] = field(default_factory=dict)


def sha256_of(path: Path) -> str:
    """Return the SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def legacy_accounts(path: Path) -> list[dict[str, str]]:
    """Return the entries of an accounts file as earlier versions wrote it; raise StoreUnavailableError
    (accounts_unreadable) naming the fault when it is not such a file, so that no account is left behind."""
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))["accounts"]
        for number, entry in enumerate(entries, start=1):
            unknown = set(entry) - set(FIELDS)
            if unknown or not {"username", "role"} <= set(entry):
                raise ValueError(f"entry {number}: fields {sorted(entry)}, expected {list(FIELDS)}")
            if not all(isinstance(value, str) for value in entry.values()):
                raise ValueError(f"entry {number}: a field that is not text")
        return entries
    except (OSError, ValueError, KeyError, TypeError) as problem:
        detail = str(problem).splitlines()[0][:200] if str(problem) else type(problem).__name__
        raise StoreUnavailableError("accounts_unreadable", str(path), detail) from problem


def legacy_versions(data_dir: Path, moved: dict[str, str], move: Move) -> list[tuple[Path, ImportedVersion]]:
    """Return the complete version folders under data_dir not moved yet, each with its report file and version;
    a folder whose files cannot be read is noted in the move and left for the next start-up."""
    found = []
    for kind, payload_name in PAYLOAD_FILES.items():
        folder = data_dir / kind
        for report_path in sorted(folder.glob(f"*/{REPORT_FILE}")) if folder.is_dir() else []:
            if report_path.parent.name.startswith(".") or str(report_path.resolve()) in moved:
                continue
            try:
                report = json.loads(report_path.read_text(encoding="utf-8"))
                payload = (report_path.parent / payload_name).read_text(encoding="utf-8")
                found.append((report_path.resolve(), ImportedVersion.from_report(kind, report, payload)))
            except (OSError, ValueError, KeyError, TypeError) as problem:
                log.error("not moving the version folder %s: %s", report_path.parent, problem)
                move.unreadable[str(report_path.parent)] = str(problem).splitlines()[0][:200]
    return found


def move_into_store(store: Store, data_dir: Path, accounts_file: Path) -> Move | None:
    """Copy the accounts file and the version folders under data_dir that were not moved before into the store in
    one transaction, record each file moved, write the marker beside them, and return what moved (None when
    nothing was left to move). Running it again, or on two servers at once, moves nothing twice."""
    with store.reading() as connection:
        moved = dict(connection.execute(sa.select(MOVED.c.path, MOVED.c.sha256)).all())
    move = Move()
    accounts_path = accounts_file.resolve()
    accounts = None
    if accounts_path.is_file() and str(accounts_path) not in moved:
        accounts = legacy_accounts(accounts_path)
    elif accounts_path.is_file() and sha256_of(accounts_path) != moved[str(accounts_path)]:
        log.warning("%s changed after it was moved into the store: it is not read again", accounts_path)
    versions = legacy_versions(data_dir, moved, move)
    if accounts is None and not versions:
        return None
    with store.changing() as connection:
        moved = set(connection.execute(sa.select(MOVED.c.path)).scalars())
        if accounts is not None and str(accounts_path) not in moved:
            _move_accounts(connection, accounts, move)
            move.files[str(accounts_path)] = sha256_of(accounts_path)
        for report_path, version in versions:
            if str(report_path) in moved:
                continue
            if version.version_id not in stored_version_ids(connection, version.kind):
                insert_version(connection, version)
                move.versions.append(f"{version.kind}/{version.version_id}")
            for path in (report_path, report_path.parent / PAYLOAD_FILES[version.kind]):
                move.files[str(path)] = sha256_of(path)
        stamp = now()
        for path, digest in move.files.items():
            connection.execute(sa.insert(MOVED).values(path=path, sha256=digest, moved_at=stamp))
    if not move.files:
        return None
    log.info("moved %d files from %s into the store %s", len(move.files), data_dir, store.where)
    write_marker(data_dir, move, stamp, store.where)
    return move


def _move_accounts(connection: sa.Connection, entries: list[dict[str, str]], move: Move) -> None:
    """Copy the accounts of a legacy file into the store; an account the store already has (same user name as
    compared, also twice in the file) keeps what the store has, and is logged."""
    for entry in entries:
        if account_row(connection, entry["username"]) is not None:
            log.warning("account %r is in the store already: the store's is kept", entry["username"])
            move.kept_accounts.append(entry["username"])
            continue
        put_account(connection, {**entry, "username": entry["username"].strip()})
        move.accounts.append(username_key(entry["username"]))


def marker_text(move: Move, stamp: str, where: str) -> str:
    """Return the marker's text in Vietnamese then English: what moved into which store, when, and that the
    files are kept only as a record."""
    lines = []
    for language in LANGUAGES:
        lines.append(t("moved.heading", language, when=stamp, where=where))
        lines += [f"  {path}  sha256:{digest}" for path, digest in move.files.items()]
        lines.append(t("moved.counts", language, accounts=len(move.accounts), versions=len(move.versions)))
        if move.kept_accounts:
            lines.append(t("moved.kept_accounts", language, names=", ".join(move.kept_accounts)))
        lines += [t("moved.unreadable", language, folder=path, detail=why) for path, why in move.unreadable.items()]
        lines += [t("moved.record", language), ""]
    return "\n".join(lines)


def write_marker(data_dir: Path, move: Move, stamp: str, where: str) -> None:
    """Add what moved to MOVED-TO-STORE.txt in the data folder; a folder that cannot be written is logged only
    (the store records the move in any case)."""
    try:
        with (data_dir / MARKER).open("a", encoding="utf-8") as marker:
            marker.write(marker_text(move, stamp, where) + "\n")
    except OSError as problem:
        log.warning("cannot write %s in %s: %s", MARKER, data_dir, problem)
