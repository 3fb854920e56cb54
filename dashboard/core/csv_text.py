"""CSV files as Excel writes them, decoded to rows of text: a BOM first, then UTF-8, then Windows-1258; the
separator the header uses most; lines ended by CR LF, LF or, as Excel for Mac writes, CR alone. A file that is
a workbook or binary under a .csv name, mixes two encodings or cannot be parsed is a fault, never a crash."""

from __future__ import annotations

import codecs
import csv
import io
import unicodedata
from dataclasses import dataclass, field

SEPARATORS = ",;\t"
WORKBOOK_SIGNATURES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
CONTROL_BYTES = [bytes([byte]) for byte in (*range(0, 9), 11, 12, *range(14, 32))]
BINARY_SHARE = 0.01
BINARY_LEAST = 16
CELL_LIMIT = csv.field_size_limit()
LINES_SHOWN = 10
WORKBOOK_NAMED_CSV, BINARY_FILE, MIXED_ENCODING, CELL_TOO_LONG, UNREADABLE_CSV = (
    "workbook_named_csv",
    "binary_file",
    "mixed_encoding",
    "cell_too_long",
    "unreadable_csv",
)


@dataclass(frozen=True)
class TextFault:
    """What stops a file being read as CSV text: its code, the line it was found on, and what the message needs."""

    code: str
    line: int | None = None
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class CsvText:
    """A CSV file's rows of text (NFC), the encoding and separator found, or the fault that stops reading it."""

    rows: list[list[str]]
    encoding: str
    separator: str = ""
    fault: TextFault | None = None


def _mixed_lines(content: bytes) -> tuple[list[int], list[int]]:
    """Return the numbers of the lines written in UTF-8 (with letters beyond ASCII) and of those that are not."""
    utf8, other = [], []
    for number, line in enumerate(content.splitlines(), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            other.append(number)
        else:
            utf8.append(number)
    return utf8, other


def _lines(numbers: list[int]) -> str:
    """Return line numbers as a short list: the first few, then how many more."""
    shown = ", ".join(str(number) for number in numbers[:LINES_SHOWN])
    return shown + (f" (+{len(numbers) - LINES_SHOWN})" if len(numbers) > LINES_SHOWN else "")


def decoded(content: bytes) -> tuple[str, str, TextFault | None]:
    """Return the text of a CSV file and the encoding found (a BOM first, then UTF-8, then Windows-1258), or the
    fault that stops reading it: a workbook or binary file named .csv, or lines in two encodings."""
    if content.startswith(WORKBOOK_SIGNATURES):
        return "", "", TextFault(WORKBOOK_NAMED_CSV)
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if content.startswith(bom):
            try:
                return content.decode(encoding), encoding, None
            except UnicodeDecodeError:
                return "", encoding, TextFault(BINARY_FILE)
    if sum(content.count(byte) for byte in CONTROL_BYTES) > max(BINARY_LEAST, len(content) * BINARY_SHARE):
        return "", "", TextFault(BINARY_FILE)
    try:
        return content.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        utf8, other = _mixed_lines(content)
        if utf8:
            return "", "", TextFault(MIXED_ENCODING, params={"utf8_lines": _lines(utf8), "other_lines": _lines(other)})
        return content.decode("cp1258", errors="replace"), "cp1258", None


def csv_text(content: bytes) -> CsvText:
    """Return the rows of a CSV file with its encoding and separator (the one the header line uses most), or the
    fault that stops reading it."""
    text, encoding, fault = decoded(content)
    if fault:
        return CsvText([], encoding, "", fault)
    text = unicodedata.normalize("NFC", text)
    header_line = next(iter(text.splitlines()), "")
    separator = max(SEPARATORS, key=header_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        rows = list(reader)
    except csv.Error as failed:
        if "field limit" in str(failed):
            return CsvText([], encoding, separator, TextFault(CELL_TOO_LONG, reader.line_num, {"limit": CELL_LIMIT}))
        return CsvText([], encoding, separator, TextFault(UNREADABLE_CSV, reader.line_num, {"detail": str(failed)}))
    return CsvText(rows, encoding, separator)
