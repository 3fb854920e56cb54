"""Interface text in Vietnamese and English, numbers written the way each language writes them, and times in
Vietnam's local time written day first."""

from __future__ import annotations

import math
import tomllib
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
LOCAL_TIME_ZONE = "Asia/Ho_Chi_Minh"
_LOCALES = Path(__file__).resolve().parent / "locales"


def _flatten(table: dict, prefix: str = "") -> dict[str, str]:
    """Return nested TOML tables as one mapping of dotted keys to strings."""
    flat: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


@cache
def messages(language: str) -> dict[str, str]:
    """Return every message of a language, keyed by dotted name."""
    with (_LOCALES / f"{language}.toml").open("rb") as handle:
        return _flatten(tomllib.load(handle))


def t(key: str, language: str, **params: object) -> str:
    """Return the message for key in the language, with params filled in."""
    return messages(language)[key].format(**params)


def in_both_languages(key: str, **params: object) -> str:
    """Return the message in Vietnamese and English, for what is said before a language is chosen (the terminal,
    an error raised in the core)."""
    return " / ".join(t(key, language, **params) for language in LANGUAGES)


def format_number(value: float, language: str, decimals: int = 1) -> str:
    """Return a number with the language's decimal mark and grouping (85,5 and 12.000 in Vietnamese)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return t("value.no_data", language)
    text = f"{value:,.{decimals}f}"
    if decimals and "." in text:
        text = text.rstrip("0").rstrip(".")
    if language == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_percent(value: float, language: str, decimals: int = 1) -> str:
    """Return a share in percent written for the language (85,5% or 85.5%)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return t("value.no_data", language)
    return f"{format_number(value, language, decimals)}%"


def format_time(stamp: object, zone: str = LOCAL_TIME_ZONE) -> str:
    """Return a stored UTC time (ISO text) as local time written day first (06/12/2026 14:05); '' for none."""
    if not isinstance(stamp, str) or not stamp:
        return ""
    moment = datetime.fromisoformat(str(stamp))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(ZoneInfo(zone)).strftime("%d/%m/%Y %H:%M")


def format_date(text: object) -> str:
    """Return an ISO date as written in Vietnam, day first: 2020-10-23 as 23/10/2020, 2021-08 as 08/2021 (other
    text unchanged)."""
    parts = str(text).split("-")
    if len(parts) in (2, 3) and all(part.isdigit() for part in parts) and len(parts[0]) == 4:
        return "/".join(reversed(parts))
    return str(text)
