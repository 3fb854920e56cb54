"""The upload page's check of a file, made once per file content, table and data version and reused on every
rerun (ticking a box, switching a tab) instead of reading and checking the file again; and its problems drawn."""

from __future__ import annotations

import hashlib

import streamlit as st

from dashboard.core.i18n import t
from dashboard.intake.audit import problems_table
from dashboard.intake.problems import Problem
from dashboard.intake.uploads import Preview, preview_upload
from dashboard.intake.validation import Reference
from dashboard.ui.downloads import download_buttons
from dashboard.ui.state import data_version, dataset, settings, store
from dashboard.ui.text import plain

PREVIEWS_KEPT = 4
PROBLEMS_SHOWN = 200
DROPZONE = '[data-testid="stFileUploaderDropzone"]'
UPLOADER_STYLE = """<style>
{zone} [data-testid="stBaseButton-secondary"] > * {{ display: none; }}
{zone} [data-testid="stBaseButton-secondary"]::after {{ content: "{button}"; }}
{zone} [data-testid="stFileUploaderDropzoneInstructions"] > * {{ display: none; }}
{zone} [data-testid="stFileUploaderDropzoneInstructions"]::after {{ content: "{limit}"; font-size: 0.875rem; }}
</style>"""


@st.cache_resource(show_spinner=False, max_entries=PREVIEWS_KEPT)
def _preview(sha256: str, file_name: str, table: str, province: str, version: str, _content: bytes) -> Preview:
    """Return the preview of a file's content (keyed by its SHA-256, not hashed again) in a data version."""
    data = dataset()
    reference = Reference(data.units, data.zones, data.plans, data.catalogue, data.tasks)
    return preview_upload(store(), _content, file_name, table, reference, settings().max_upload_bytes, province)


def cached_preview(content: bytes, file_name: str, table: str, province: str) -> Preview:
    """Return the preview of an uploaded file for a table and the province it is for, checked once per content
    and data version and shared read-only by every rerun."""
    return _preview(hashlib.sha256(content).hexdigest(), file_name, table, province, data_version(), content)


def _css_text(text: str) -> str:
    """Return text as the inside of a CSS string: quotes and backslashes escaped, no markup."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")


def uploader_words(language: str) -> None:
    """Write the file uploader's own words (its button, and the size limit under it, which Streamlit 1.67 only
    writes in English and from its own setting) in the language and from the app's limit, through a style sheet:
    Streamlit offers no parameter for them."""
    limit = t("upload.uploader_limit", language, mb=settings().max_upload_bytes // 2**20)
    button = t("upload.uploader_button", language)
    st.html(UPLOADER_STYLE.format(zone=DROPZONE, button=_css_text(button), limit=_css_text(limit)))


def problems_panel(problems: list[Problem], table: str, language: str, key: str) -> None:
    """Draw a file's problems as a table whose long text wraps (every column readable at 1400 px), the first
    PROBLEMS_SHOWN of them with the user's text shown as typed, and the downloads of them all."""
    frame = problems_table(problems, table, language)
    shown = frame.head(PROBLEMS_SHOWN).map(lambda cell: plain(cell) if isinstance(cell, str) else cell)
    st.table(shown, hide_index=True)
    if len(frame) > PROBLEMS_SHOWN:
        st.caption(t("upload.problems_cut", language, shown=PROBLEMS_SHOWN, count=len(frame)))
    download_buttons(frame, f"van-de-{table}", language, key)
