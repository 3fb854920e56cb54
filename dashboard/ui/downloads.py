"""Download buttons under a table: CSV that Excel opens with Vietnamese intact, and XLSX."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.exports import csv_bytes, xlsx_bytes
from dashboard.i18n import t

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download_buttons(sheets: dict[str, pd.DataFrame], file_stem: str, language: str, key: str) -> None:
    """Draw the CSV (first sheet) and XLSX (every sheet) download buttons of a table."""
    first = next(iter(sheets.values()))
    left, right = st.columns(2)
    left.download_button(
        t("download.csv", language), csv_bytes(first), f"{file_stem}.csv", "text/csv", key=f"{key}_csv"
    )
    right.download_button(
        t("download.xlsx", language), xlsx_bytes(sheets), f"{file_stem}.xlsx", XLSX_TYPE, key=f"{key}_xlsx"
    )
