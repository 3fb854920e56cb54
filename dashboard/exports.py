"""Tables as files a department opens in Excel: CSV in UTF-8 with a BOM, and XLSX; cells that Excel would run
as formulas (beginning with = + - @) are neutralised."""

from __future__ import annotations

import io

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the frame with text cells that Excel would read as a formula prefixed by an apostrophe."""

    def safe(value: object) -> object:
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            return "'" + value
        return value

    frame = frame.copy()
    frame.columns = [safe(str(column)) for column in frame.columns]
    for column in frame.columns:
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            frame[column] = frame[column].map(safe)
    return frame


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """Return the table as CSV in UTF-8 with a BOM, so Excel shows Vietnamese letters intact."""
    return neutralised(frame).to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """Return a workbook with one sheet per named table."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            neutralised(frame).to_excel(writer, sheet_name=name[:31], index=False)
    return buffer.getvalue()
