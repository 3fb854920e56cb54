"""Versions administrators import, kept in the store: boundary layer versions (the prepared layer as GeoJSON),
zone lists (CSV) and plans (their parts as JSON), each with its report; a version is never overwritten, only
marked undone, and storing or undoing one moves the revision."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from dashboard.store.database import METADATA, Store

BOUNDARIES, ZONES, PLANS = "boundaries", "zones", "plans"
IMPORTED = sa.Table(
    "imported_versions",
    METADATA,
    sa.Column("kind", sa.String(16), primary_key=True),
    sa.Column("version_id", sa.String(255), primary_key=True),
    *(sa.Column(name) for name in ("province_code", "level", "valid_from", "valid_to", "report", "payload")),
    *(sa.Column(name) for name in ("imported_by", "imported_at", "undone_by", "undone_at")),
)


@dataclass(frozen=True)
class ImportedVersion:
    """One imported version: its kind (boundaries or zones), id, province, level and years (a layer's), report
    (JSON data), payload (GeoJSON or CSV text), who imported it and when."""

    kind: str
    version_id: str
    province_code: str
    level: str | None
    valid_from: int | None
    valid_to: int | None
    report: dict
    payload: str
    imported_by: str
    imported_at: str

    @classmethod
    def from_report(cls, kind: str, report: dict, payload: str) -> ImportedVersion:
        """Return the version a stored report describes (its id, province, level, years, importer and time)."""
        years = [None if report.get(name) is None else int(report[name]) for name in ("valid_from", "valid_to")]
        return cls(
            kind,
            report["version_id"],
            str(report["province_code"]),
            report.get("level"),
            *years,
            report,
            payload,
            report["imported_by"],
            report["imported_at"],
        )


def now_stamp() -> tuple[str, str]:
    """Return the current time as an id-safe stamp and as an ISO time, both to the microsecond."""
    moment = datetime.now(UTC)
    return f"{moment:%Y%m%dT%H%M%S%f}", moment.isoformat(timespec="microseconds")


def insert_version(connection: sa.Connection, version: ImportedVersion) -> None:
    """Write one version in the transaction."""
    values = {**version.__dict__, "report": json.dumps(version.report, ensure_ascii=False)}
    connection.execute(sa.insert(IMPORTED).values(**values))


def add_version(store: Store, version: ImportedVersion) -> None:
    """Store one version in one transaction that moves the revision on, so every server draws it next rerun."""
    with store.changing() as connection:
        insert_version(connection, version)


def version_reports(store: Store, kind: str) -> list[dict]:
    """Return the report of every stored version of a kind as stored, oldest import first; an undone one also
    says who undid it and when (undone_by, undone_at)."""
    query = (
        sa.select(IMPORTED.c.report, IMPORTED.c.undone_by, IMPORTED.c.undone_at)
        .where(IMPORTED.c.kind == kind)
        .order_by(IMPORTED.c.imported_at)
    )
    with store.reading() as connection:
        return [
            {**json.loads(report), **({"undone_by": by, "undone_at": at} if at else {})}
            for report, by, at in connection.execute(query).all()
        ]


class VersionUndoRefusedError(Exception):
    """A version cannot be undone: there is no such version, or it is undone already."""


def undo_version(store: Store, kind: str, version_id: str, by: str) -> None:
    """Mark a standing version undone in one transaction that moves the revision on; raise
    VersionUndoRefusedError when there is no such standing version."""
    with store.changing() as connection:
        done = connection.execute(
            sa.update(IMPORTED)
            .where(IMPORTED.c.kind == kind, IMPORTED.c.version_id == version_id, IMPORTED.c.undone_at.is_(None))
            .values(undone_by=by, undone_at=now_stamp()[1])
        )
        if done.rowcount != 1:
            raise VersionUndoRefusedError(version_id)


def version_payloads(store: Store, kind: str, version_ids: list[str]) -> dict[str, str]:
    """Return the payload of each named version of a kind, by version id."""
    query = sa.select(IMPORTED.c.version_id, IMPORTED.c.payload).where(
        IMPORTED.c.kind == kind, IMPORTED.c.version_id.in_(version_ids)
    )
    with store.reading() as connection:
        return dict(connection.execute(query).all())


def stored_version_ids(connection: sa.Connection, kind: str) -> set[str]:
    """Return the ids of the stored versions of a kind."""
    return set(connection.execute(sa.select(IMPORTED.c.version_id).where(IMPORTED.c.kind == kind)).scalars())
