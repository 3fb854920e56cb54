"""Checking a boundary file against the units and the stored versions, from a path or an uploaded file."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pandas as pd

from dashboard.geography.boundaries.importing import ImportRequest, ImportResult, import_layer
from dashboard.geography.boundaries.reading import Finding
from dashboard.geography.boundaries.stored import check_against_store, store_version
from dashboard.store.database import Store, StoreUnavailableError

log = logging.getLogger(__name__)


@contextmanager
def uploaded_copy(content: bytes, file_name: str) -> Iterator[Path]:
    """Yield a temporary copy of an uploaded file under its own name (its suffix says how to read it)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(file_name).name
        path.write_bytes(content)
        yield path


def check_file(request: ImportRequest, units: pd.DataFrame, store: Store) -> ImportResult:
    """Return the import result of a file: its match report, with the store's refusals and notes added."""
    result = import_layer(request, units)
    check_against_store(store, result.report)
    return result


def check_upload(
    content: bytes, file_name: str, request: ImportRequest, units: pd.DataFrame, store: Store
) -> ImportResult:
    """Return the import result of an uploaded file, read from a temporary copy under its own name."""
    with uploaded_copy(content, file_name) as path:
        return check_file(replace(request, path=path, source_name=path.name), units, store)


def store_checked(store: Store, result: ImportResult, imported_by: str, accepted: bool) -> str | None:
    """Return the id of the version stored, or None when the store cannot be written (read-only, full, server
    gone), the reason then added to the report's refusals; a version is written whole or not at all."""
    try:
        return store_version(store, result, imported_by, accepted)
    except StoreUnavailableError as fault:
        log.warning("cannot store the boundary layer in %s: %s", fault.where, fault.reason)
        result.report.refusals.append(store_refusal(fault))
        return None


def store_refusal(fault: StoreUnavailableError) -> Finding:
    """Return the report's refusal for a store that cannot be opened or written."""
    return Finding("store_failed", {"folder": fault.where, "detail": fault.detail or fault.reason})
