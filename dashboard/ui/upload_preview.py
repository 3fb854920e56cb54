"""The upload page's check of a file, made once per file content, table and data version and reused on every
rerun (ticking a box, switching a tab) instead of reading and checking the file again."""

from __future__ import annotations

import hashlib

import streamlit as st

from dashboard.intake.uploads import Preview, preview_upload
from dashboard.intake.validation import Reference
from dashboard.ui.state import data_version, dataset, settings, store

PREVIEWS_KEPT = 4


@st.cache_resource(show_spinner=False, max_entries=PREVIEWS_KEPT)
def _preview(sha256: str, file_name: str, table: str, version: str, _content: bytes) -> Preview:
    """Return the preview of a file's content (keyed by its SHA-256, not hashed again) in a data version."""
    data = dataset()
    reference = Reference(data.units, data.zones, data.plans, data.catalogue)
    return preview_upload(store(), _content, file_name, table, reference, settings().max_upload_bytes)


def cached_preview(content: bytes, file_name: str, table: str) -> Preview:
    """Return the preview of an uploaded file for a table, checked once per content and data version and shared
    read-only by every rerun."""
    return _preview(hashlib.sha256(content).hexdigest(), file_name, table, data_version(), content)
