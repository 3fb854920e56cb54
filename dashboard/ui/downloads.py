"""Two download buttons under a table: CSV (UTF-8 with BOM) and XLSX, headers in the chosen language."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.exports import csv_bytes, workbook_bytes, xlsx_bytes
from dashboard.i18n import t

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download_buttons(frame: pd.DataFrame, name: str, language: str, key: str) -> None:
    """Draw the CSV and XLSX download buttons of a table; `name` is the file and sheet name."""
    row = st.container(horizontal=True)
    row.download_button(
        t("downloads.csv", language),
        csv_bytes(frame),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"{key}_csv",
        on_click="ignore",
    )
    row.download_button(
        t("downloads.xlsx", language),
        xlsx_bytes(frame, name),
        file_name=f"{name}.xlsx",
        mime=XLSX_MIME,
        key=f"{key}_xlsx",
        on_click="ignore",
    )


def template_buttons(table: pd.DataFrame, guide: pd.DataFrame, name: str, language: str) -> None:
    """Draw the download buttons of an upload template: the empty table as CSV, and as XLSX with its guide."""
    row = st.container(horizontal=True)
    row.download_button(
        t("downloads.csv", language), csv_bytes(table), f"{name}.csv", "text/csv", key="template_csv", on_click="ignore"
    )
    workbook = workbook_bytes({name: table, t("upload.guide", language): guide})
    row.download_button(
        t("downloads.xlsx", language), workbook, f"{name}.xlsx", XLSX_MIME, key="template_xlsx", on_click="ignore"
    )
