"""Two download buttons under a table: CSV (UTF-8 with BOM) and XLSX, headers in the chosen language. The files
are built only when a button is clicked, never on a page's rerun."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard.core.exports import csv_bytes, workbook_bytes, xlsx_bytes
from dashboard.core.i18n import t
from dashboard.maps.views import MapView
from dashboard.reports.workbook import workbook_of
from dashboard.reports.yearly import YearlyReport, report_name
from dashboard.ui.text import plain

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ATTACHMENT_MIME = "application/octet-stream"


def _buttons(csv: Callable[[], bytes], xlsx: Callable[[], bytes], name: str, language: str, key: str) -> None:
    """Draw a CSV and an XLSX download button side by side, each building its file when clicked."""
    row = st.container(horizontal=True)
    row.download_button(
        t("downloads.csv", language), csv, f"{name}.csv", "text/csv", key=f"{key}_csv", on_click="ignore"
    )
    row.download_button(
        t("downloads.xlsx", language), xlsx, f"{name}.xlsx", XLSX_MIME, key=f"{key}_xlsx", on_click="ignore"
    )


def download_buttons(frame: pd.DataFrame, name: str, language: str, key: str) -> None:
    """Draw the CSV and XLSX download buttons of a table; `name` is the file and sheet name."""
    _buttons(lambda: csv_bytes(frame), lambda: xlsx_bytes(frame, name), name, language, key)


def template_buttons(table: pd.DataFrame, sheets: dict[str, pd.DataFrame], name: str, language: str) -> None:
    """Draw the download buttons of an upload template: the empty table as CSV, and as XLSX with the sheets that
    go with it (its guide, the units or indicators its rows may name)."""
    book = {name: table} | sheets
    _buttons(lambda: csv_bytes(table), lambda: workbook_bytes(book), name, language, "template")


def original_file_button(content: Callable[[], bytes], file_name: str, language: str, key: str) -> None:
    """Draw the download of an upload's original file: its bytes exactly as uploaded (the record), labelled as
    the unchecked original and sent as an attachment (octet-stream), so no browser opens or renders it."""
    st.download_button(
        t("store_checks.original", language, file=plain(file_name)),
        content,
        file_name,
        ATTACHMENT_MIME,
        key=key,
        help=t("store_checks.original_help", language),
        icon=":material/warning:",
        on_click="ignore",
    )


def _map_image(view: MapView, indicator: str, kind: str, language: str) -> bytes:
    """Return the map image, loading the drawing (matplotlib, about a second to import) only when asked for."""
    from dashboard.maps.static_map import figure_words, map_png

    return map_png(view, language, figure_words(view, indicator, kind, language))


def map_image_button(view: MapView, indicator: str, kind: str, name: str, language: str) -> None:
    """Draw the download of the map as a PNG image (title, values, legend in words, source, date), drawn when
    clicked."""
    st.download_button(
        t("map_image.button", language),
        lambda: _map_image(view, indicator, kind, language),
        f"{name}.png",
        "image/png",
        key="map_image",
        icon=":material/image:",
        on_click="ignore",
    )


def _word_file(with_maps: Callable[[], YearlyReport]) -> bytes:
    """Return the yearly report as a Word file, loading python-docx and the map drawing only when asked for."""
    from dashboard.reports.word import word_bytes

    return word_bytes(with_maps())


def report_buttons(report: YearlyReport, with_maps: Callable[[], YearlyReport], language: str) -> None:
    """Draw the downloads of the yearly report: the Word document (its maps drawn when clicked) and the XLSX
    workbook of its tables."""
    row = st.container(horizontal=True)
    name = report_name(report)
    files = (
        ("word", lambda: _word_file(with_maps), "docx", DOCX_MIME, ":material/description:"),
        ("xlsx", lambda: workbook_of(report), "xlsx", XLSX_MIME, ":material/table:"),
    )
    for kind, content, suffix, mime, icon in files:
        row.download_button(
            t(f"reporting.download_{kind}", language),
            content,
            f"{name}.{suffix}",
            mime,
            key=f"report_{kind}",
            icon=icon,
            on_click="ignore",
        )
