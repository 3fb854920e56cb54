"""Versions kept in the data directory: one folder per version with its payload and a JSON report, written
whole or not at all, never overwritten."""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

REPORT_FILE = "report.json"

log = logging.getLogger(__name__)


def now_stamp() -> tuple[str, str]:
    """Return the current time as a folder-safe stamp and as an ISO time, both to the microsecond."""
    now = datetime.now(UTC)
    return f"{now:%Y%m%dT%H%M%S%f}", now.isoformat(timespec="microseconds")


def write_version(folder: Path, version_id: str, report: dict, write_payload: Callable[[Path], None]) -> None:
    """Write a version's payload and report into folder/version_id through a staging folder, so a version is
    either complete or absent."""
    folder.mkdir(parents=True, exist_ok=True)
    staging = folder / f".{version_id}"
    staging.mkdir()
    try:
        write_payload(staging)
        (staging / REPORT_FILE).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
        staging.rename(folder / version_id)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def stored_reports(folder: Path) -> list[dict]:
    """Return the report of every complete version in the folder (not a staging folder, not an unreadable
    report, which is logged)."""
    reports = []
    for path in sorted(folder.glob(f"*/{REPORT_FILE}")) if folder.is_dir() else []:
        if path.parent.name.startswith("."):
            continue
        try:
            reports.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as problem:
            log.warning("skipping the stored version %s: %s", path.parent, problem)
    return reports


def stored_version_ids(folder: Path) -> list[str]:
    """Return the ids of the complete versions in the folder (staging folders start with a dot)."""
    if not folder.is_dir():
        return []
    return sorted(path.name for path in folder.iterdir() if path.is_dir() and not path.name.startswith("."))


def read_stored_report(folder: Path, version_id: str) -> dict:
    """Return one version's report."""
    return json.loads((folder / version_id / REPORT_FILE).read_text(encoding="utf-8"))
