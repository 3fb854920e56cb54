"""Tables as downloads: CSV that Excel opens with Vietnamese intact (UTF-8 with BOM) and XLSX, with any cell that
a spreadsheet would run as a formula neutralised."""

from __future__ import annotations

import io
import re

import pandas as pd
from openpyxl.utils import get_column_letter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_MAX = 31
COLUMN_WIDTH_MAX = 60


def neutralise(value: object) -> object:
    """Return text that starts like a formula (= + - @) with an apostrophe in front; anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of the frame with every text cell and header neutralised."""
    safe = frame.map(neutralise)
    safe.columns = [neutralise(str(column)) for column in frame.columns]
    return safe


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """Return the frame as CSV in UTF-8 with a byte-order mark, so Excel shows Vietnamese as written."""
    return safe_frame(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def sheet_title(name: str) -> str:
    """Return a name Excel accepts for a sheet: no []:*?/\\ and at most 31 characters."""
    return SHEET_NAME_FORBIDDEN.sub(" ", name).strip()[:SHEET_NAME_MAX] or "Sheet1"


def workbook_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """Return an Excel workbook with one sheet per named frame, columns wide enough to read."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            title = sheet_title(name)
            safe = safe_frame(frame)
            safe.to_excel(writer, sheet_name=title, index=False)
            sheet = writer.sheets[title]
            for index, column in enumerate(safe.columns, start=1):
                longest = max([len(str(column)), *(len(str(cell)) for cell in safe[column])])
                sheet.column_dimensions[get_column_letter(index)].width = min(COLUMN_WIDTH_MAX, longest + 2)
    return buffer.getvalue()


def xlsx_bytes(frame: pd.DataFrame, sheet_name: str) -> bytes:
    """Return the frame as an Excel workbook of one sheet."""
    return workbook_bytes({sheet_name: frame})
