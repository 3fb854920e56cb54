"""One grammar for every number a planner types: Vietnamese (12.000 and 85,5) and English (12,000 and 85.5)
writing read exactly as decimals, the file's own habit settling what could be read either way, and nothing
else (booleans, scientific notation, infinities, absurd sizes) taken for a number."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd

VI, EN = "vi", "en"
COUNT, YEAR, SHARE, AMOUNT, COORDINATE = "count", "year", "share", "amount", "coordinate"
WHOLE_KINDS = {COUNT, YEAR}
MAX_DIGITS = 24
MAX_MAGNITUDE = Decimal(10) ** 15
BOOLEAN_WORDS = {"true", "false", "đúng", "sai"}
NOT_FINITE_WORDS = {"nan", "inf", "-inf", "+inf", "infinity", "-infinity", "+infinity", "∞", "-∞", "#num!", "#div/0!"}
SPACES = re.compile(r"[ \u00a0\u2009\u202f]")
SHAPE = re.compile(r"^([+-]?)([\d., \u00a0\u2009\u202f]*\d[\d., \u00a0\u2009\u202f]*)$")
SCIENTIFIC = re.compile(r"^[+-]?[\d.,]*\d[\d.,]*e[+-]?\d+$", re.IGNORECASE)
GROUPED = re.compile(r"^\d{1,3}(?:X\d{3})+$")
PLAIN_WHOLE = r"^(?P<sign>\+?)(?P<whole>\d{1,15})(?P<fraction>)$"
PLAIN_DECIMAL = r"^(?P<sign>[+-]?)(?P<whole>\d{1,15})(?:[.,](?P<fraction>\d{1,9}))?$"
LONE_MARK = r"[+-]?[1-9]\d{0,2}[.,]\d{3}"


def _proof(group: str, decimal: str) -> re.Pattern[str]:
    """Return the pattern of a number only one writing explains (the lines of the text it is searched in):
    grouped with a decimal mark (1.234,5), grouped more than once (1.234.567), or a decimal mark not before
    exactly three digits (85,5; 0,125); a lone mark before three digits (1.234) proves nothing."""
    g, d = re.escape(group), re.escape(decimal)
    number = (
        rf"\d{{1,3}}(?:{g}\d{{3}})+{d}\d+"
        rf"|\d{{1,3}}(?:{g}\d{{3}}){{2,}}"
        rf"|(?![1-9]\d{{0,2}}{d}\d{{3}}%?$)\d*{d}\d+"
    )
    return re.compile(rf"^[+-]?(?:{number})%?$", re.MULTILINE)


PROOFS = {VI: _proof(".", ","), EN: _proof(",", ".")}


@dataclass(frozen=True)
class Reading:
    """A number read from a cell, or the problem code (with its parameters) that stops reading it."""

    value: Decimal | None
    code: str | None = None
    params: dict[str, str] = field(default_factory=dict)


def _grouped(digits: str, mark: str) -> bool:
    """Return whether digits are thousands grouped by the mark (1.234.567), with a first group of 1 to 3."""
    return bool(GROUPED.match(digits.replace(mark, "X"))) and "X" not in digits


def _shape(body: str) -> tuple[str, str, str] | None:
    """Return the integer digits, the fraction digits and the writing the text proves (VI, EN or ''), or None
    when the marks cannot be a number; a lone mark before exactly three digits proves nothing (see _either)."""
    points, commas = body.count("."), body.count(",")
    if not points and not commas:
        return body, "", ""
    if points and commas:
        decimal = "," if body.rfind(",") > body.rfind(".") else "."
        group = "." if decimal == "," else ","
        whole, _, fraction = body.rpartition(decimal)
        if decimal in whole or not fraction or not _grouped(whole, group):
            return None
        return whole.replace(group, ""), fraction, VI if decimal == "," else EN
    mark = "." if points else ","
    if body.count(mark) > 1:
        return (body.replace(mark, ""), "", VI if mark == "." else EN) if _grouped(body, mark) else None
    whole, _, fraction = body.partition(mark)
    if not fraction:
        return None
    if len(fraction) == 3 and 1 <= len(whole) <= 3 and not whole.startswith("0"):
        return whole, fraction, ""
    return whole or "0", fraction, VI if mark == "," else EN


def _spaced(body: str) -> tuple[str, str] | None:
    """Return the integer and fraction digits of a number grouped by spaces (12 000 or 12 000,5), or None."""
    whole, mark, fraction = re.fullmatch(r"([\d ]*)([.,]?)(.*)", SPACES.sub(" ", body)).groups()
    if (mark and not fraction.isdigit()) or not _grouped(whole, " "):
        return None
    return whole.replace(" ", ""), fraction


def writing_of(text: str) -> str:
    """Return the writing a number's text proves: VI (85,5 or 1.234.567), EN (85.5 or 1,234,567) or ''."""
    return file_writing([text])


def file_writing(texts: Iterable[str]) -> str:
    """Return how a file writes its numbers: VI or EN when its cells prove only that one, '' otherwise."""
    joined = "\n".join(text.strip() for text in texts)
    proved = {writing for writing, pattern in PROOFS.items() if pattern.search(joined)}
    return proved.pop() if len(proved) == 1 else ""


def _either(whole: str, fraction: str, mark: str, kind: str, writing: str) -> tuple[Decimal | None, str]:
    """Return the number of a lone mark before three digits (12.000, 1,234): thousands in a whole kind, a decimal
    in coordinates, else as the file writes (Vietnamese; English only where that reads thousands), or None."""
    thousands = Decimal(whole + fraction)
    decimal = Decimal(f"{whole}.{fraction}")
    if kind in WHOLE_KINDS:
        return thousands, ""
    if kind == COORDINATE:
        return decimal, ""
    vietnamese = thousands if mark == "." else decimal
    if writing == VI:
        return vietnamese, ""
    if writing == EN and mark == ",":
        return thousands, ""
    return None, "ambiguous_number"


def read_number(text: str, kind: str, writing: str = "") -> Reading:
    """Return the exact number a cell means for a kind of column (count, year, share, amount, coordinate), or
    the problem: not a number, a boolean, scientific notation, not finite, too long, absurd, ambiguous, not whole."""
    cell = text.strip()
    folded = cell.casefold()
    if folded in BOOLEAN_WORDS:
        return Reading(None, "boolean_not_number")
    if folded in NOT_FINITE_WORDS:
        return Reading(None, "not_finite")
    if len(cell) > MAX_DIGITS and sum(char.isdigit() for char in cell) > MAX_DIGITS:
        return Reading(None, "number_too_long", {"digits": str(MAX_DIGITS)})
    if ("e" in folded) and SCIENTIFIC.match(cell):
        return Reading(None, "scientific_notation")
    matched = SHAPE.match(cell)
    if not matched:
        return Reading(None, "not_a_number")
    sign, body = matched.groups()
    if SPACES.search(body):
        spaced = _spaced(body)
        if spaced is None:
            return Reading(None, "not_a_number")
        whole, fraction = spaced
        number = Decimal(f"{whole}.{fraction}" if fraction else whole)
    else:
        shape = _shape(body)
        if shape is None:
            return Reading(None, "not_a_number")
        whole, fraction, proved = shape
        if fraction and not proved:
            mark = "." if "." in body else ","
            number, code = _either(whole, fraction, mark, kind, writing)
            if number is None:
                readings = {"thousands": whole + fraction, "decimal": f"{whole}.{fraction}"}
                return Reading(None, code, readings)
        else:
            number = Decimal(f"{whole}.{fraction}" if fraction else whole)
    number = -number if sign == "-" else number
    if abs(number) >= MAX_MAGNITUDE:
        return Reading(None, "absurd_value", {"limit": f"{MAX_MAGNITUDE:,.0f}".replace(",", ".")})
    if kind in WHOLE_KINDS and number != number.to_integral_value():
        return Reading(None, "not_whole")
    return Reading(number)


def plain_numbers(texts: pd.Series, kind: str) -> pd.Series:
    """Return the canonical text of the texts written in the plainest forms, read all at once: digits and, in a
    kind that takes fractions, one decimal mark not before exactly three digits (any in coordinates); None where
    a text needs the whole grammar (read_number), and for years, whose range read_number's caller checks."""
    if kind == YEAR or texts.empty:
        return pd.Series([None] * len(texts), index=texts.index, dtype=object)
    stripped = texts.astype(str).str.strip()
    pattern = PLAIN_WHOLE if kind in WHOLE_KINDS else PLAIN_DECIMAL
    parts = stripped.str.extract(pattern).fillna("")
    readable = stripped.str.fullmatch(pattern)
    if kind not in WHOLE_KINDS | {COORDINATE}:
        readable &= ~stripped.str.fullmatch(LONE_MARK)
    whole = parts["whole"].str.lstrip("0").replace("", "0")
    fraction = parts["fraction"].str.rstrip("0")
    number = whole.where(fraction == "", whole + "." + fraction)
    negative = (parts["sign"] == "-") & (number != "0")
    number = number.where(~negative, "-" + number)
    return number.astype(object).where(readable.to_numpy(dtype=bool), None)


def plain(number: Decimal) -> str:
    """Return a number as plain text without exponent or trailing zeros (100, 21.3227)."""
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "") else text
