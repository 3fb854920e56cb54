"""Reading what Excel really writes (CSV in UTF-8 with or without BOM, UTF-16, Windows-1258; XLSX) into rows
of text, with the encoding and separator found, and the headers mapped to the table's contract."""

from __future__ import annotations

import io
import math
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

import numpy as np
import openpyxl
import pandas as pd
from openpyxl.utils.exceptions import InvalidFileException

from dashboard.core.csv_text import csv_text
from dashboard.geography.names import unaccented
from dashboard.intake.problems import WARNING, Problem
from dashboard.intake.tables import UNIT_CODE, UNIT_NAME, TableSpec, column_aliases

ACCEPTED_SUFFIXES = (".csv", ".xlsx")
ROW = "row"
CODE_NAME_PAIRS = ((UNIT_CODE, UNIT_NAME), ("zone_code", "zone_name"))


@dataclass(frozen=True)
class ReadFile:
    """A file read into rows of text (column names from the contract, plus the spreadsheet row number)."""

    frame: pd.DataFrame | None
    encoding: str
    separator: str = ""
    problems: list[Problem] = field(default_factory=list)


def _clean(value: object) -> str:
    """Return a cell as NFC text without surrounding spaces (Windows-1258 decodes to decomposed letters)."""
    return unicodedata.normalize("NFC", str(value)).strip()


def _plain_float(value: float) -> str:
    """Return a float as plain decimal text; one with exactly three decimals gets a fourth, a zero, so that its
    decimal point cannot be read as a thousands separator (1.2340, not 1.234)."""
    text = format(Decimal(repr(value)).normalize(), "f")
    whole, _, fraction = text.partition(".")
    whole = whole.lstrip("-")
    return f"{text}0" if len(fraction) == 3 and len(whole) <= 3 and not whole.startswith("0") else text


def _xlsx_cell(cell: openpyxl.cell.cell.Cell) -> str:
    """Return an Excel cell as the text the user sees: 85% for a percent-formatted 0.85, 12 for 12.0, TRUE or
    FALSE for a boolean (refused where a number belongs)."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        if "%" in (cell.number_format or ""):
            return f"{_plain_float(value * 100)}%"
        return str(int(value)) if value.is_integer() else _plain_float(value)
    return _clean(value)


def workbook_sheets(content: bytes, first_only: bool = False) -> dict[str, list[list[str]]]:
    """Return the rows of each sheet of an XLSX workbook (or of its first only) as text, by sheet title."""
    workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        sheets = workbook.worksheets[:1] if first_only else workbook.worksheets
        return {sheet.title: [[_xlsx_cell(cell) for cell in row] for row in sheet.iter_rows()] for sheet in sheets}
    finally:
        workbook.close()


def _xlsx_rows(content: bytes) -> list[list[str]]:
    """Return the rows of the first sheet of an XLSX workbook as text."""
    return next(iter(workbook_sheets(content, first_only=True).values()))


def _header_key(text: str) -> str:
    """Return a header compared without case, diacritics or spacing (Năm, NAM, nam all match)."""
    return unaccented(text).replace(" ", "_")


def _header_map(spec: TableSpec) -> dict[str, str]:
    """Return each accepted header key (English contract name, Vietnamese header, or a former name or header such
    as district_code or Mã huyện) → contract column."""
    names = set(spec.column_names)
    mapping = {_header_key(alias): column for alias, column in column_aliases().items() if column in names}
    for column in spec.columns:
        mapping[_header_key(column.name)] = column.name
        mapping[_header_key(column.header_vi)] = column.name
    return mapping


def read_upload(content: bytes, file_name: str, spec: TableSpec, limit_bytes: int) -> ReadFile:
    """Return a CSV or XLSX file read into the table's contract columns, or the problems that stop reading."""
    suffix = "." + file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    if suffix not in ACCEPTED_SUFFIXES:
        return ReadFile(None, "", problems=[Problem("file_type", value=file_name, params={"accepted": ".csv, .xlsx"})])
    if len(content) > limit_bytes:
        return ReadFile(
            None, "", problems=[Problem("too_large", value=file_name, params={"limit_mb": limit_bytes // 2**20})]
        )
    if not content.strip():
        return ReadFile(None, "", problems=[Problem("empty_file", value=file_name)])
    if suffix == ".xlsx":
        try:
            rows, encoding, separator = _xlsx_rows(content), "xlsx", ""
        except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError, OSError, EOFError):
            return ReadFile(None, "", problems=[Problem("unreadable_xlsx", value=file_name)])
    else:
        read = csv_text(content)
        if read.fault:
            problem = Problem(read.fault.code, read.fault.line, value=file_name, params=read.fault.params)
            return ReadFile(None, read.encoding, read.separator, [problem])
        rows, encoding, separator = read.rows, read.encoding, read.separator
    return _framed(rows, spec, encoding, separator)


def _framed(rows: list[list[str]], spec: TableSpec, encoding: str, separator: str) -> ReadFile:
    """Return the rows under the contract's column names, with problems for headers and ragged rows; the
    cells are laid out as a table and trimmed column by column."""
    widest = max(map(len, rows), default=0)
    even = [row if len(row) == widest else row + [""] * (widest - len(row)) for row in rows]
    laid_out = pd.DataFrame(even, dtype=object)
    table = pd.DataFrame(
        {position: [cell.strip() for cell in laid_out[position].to_numpy()] for position in laid_out.columns},
        columns=laid_out.columns,
        dtype=object,
    )
    filled = (table != "").any(axis=1).to_numpy() if len(table.columns) else []
    numbers = np.flatnonzero(filled) + 1
    if not len(numbers):
        return ReadFile(None, encoding, separator, [Problem("empty_file")])
    header_row = int(numbers[0])
    width = len(rows[header_row - 1])
    header = list(table.iloc[header_row - 1, :width])
    known = _header_map(spec)
    problems: list[Problem] = []
    positions: dict[str, int] = {}
    for position, title in enumerate(header):
        column = known.get(_header_key(title))
        if column is None:
            if title:
                problems.append(Problem("unknown_column", header_row, title, title, WARNING))
            continue
        if column in positions:
            problems.append(Problem("duplicate_column", header_row, title, title))
        positions[column] = position
    problems += _missing_columns(spec, positions, header_row)
    body = table.iloc[numbers[1:] - 1]
    beyond = body.iloc[:, width:]
    for index, cells in beyond[(beyond != "").any(axis=1)].iterrows():
        extra = next(cell for cell in cells if cell)
        problems.append(Problem("extra_cells", int(index) + 1, None, extra, params={"count": width}))
    if body.empty:
        problems.append(Problem("no_rows", header_row))
    columns = {ROW: numbers[1:].tolist()} | {
        column: body[position].to_numpy() for column, position in positions.items()
    }
    frame = pd.DataFrame(columns, columns=[ROW, *positions], dtype=object)
    return ReadFile(frame, encoding, separator, problems + _nul_problems(frame))


def _nul_problems(frame: pd.DataFrame) -> list[Problem]:
    """Return a problem per cell holding a NUL character, which no database stores as text."""
    problems = []
    for column in frame.columns.drop(ROW):
        if "\x00" not in "".join(frame[column]):
            continue
        holding = frame[column].str.contains("\x00", regex=False)
        for index in frame.index[holding.fillna(False).astype(bool)]:
            value = frame.at[index, column].replace("\x00", "␀")
            problems.append(Problem("nul_character", int(frame.at[index, ROW]), column, value))
    return problems


def _missing_columns(spec: TableSpec, found: dict[str, int], header_row: int) -> list[Problem]:
    """Return a problem per required column missing from the header; of a code and name pair, one is enough."""
    problems = [
        Problem("missing_column", header_row, column.name, column.header_vi)
        for column in spec.columns
        if column.required and column.name not in found
    ]
    for code, name in CODE_NAME_PAIRS:
        if {code, name} <= set(spec.column_names) and not {code, name} & set(found):
            problems.append(Problem("missing_column", header_row, code, f"{code} / {name}"))
    return problems
