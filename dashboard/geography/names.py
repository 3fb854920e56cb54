"""One normaliser for Vietnamese unit names, and matching of a written name to the units it may mean."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from dashboard.geography.units import full_name

TYPE_PREFIXES = {
    "thanh pho": "thanh_pho",
    "tp": "thanh_pho",
    "city": "thanh_pho",
    "thi xa": "thi_xa",
    "tx": "thi_xa",
    "town": "thi_xa",
    "township": "thi_xa",
    "huyen": "huyen",
    "h": "huyen",
    "district": "huyen",
    "x": "xa",
    "commune": "xa",
    "p": "phuong",
    "ward": "phuong",
    "special zone": "dac_khu",
}
ACCENTED_PREFIXES = {"xã": "xa", "phường": "phuong", "đặc khu": "dac_khu"}
DISTRICT_TYPES = {"thanh_pho", "thi_xa", "huyen", "quan"}
COMMUNE_TYPES = {"xa", "phuong", "dac_khu"}
LOOKALIKE_LETTERS = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111", "\u0189": "\u0110"})
OLD_TONE_PLACEMENT = re.compile(r"(?<![qQ])([oOuU])([aeyAEY])([\u0300\u0301\u0303\u0309\u0323])(?![^\W\d_])")
SEPARATORS = re.compile(r"[\s.,;:_\-–/()]+")
EXACT = "exact"
NORMALISED = "normalised"
UNACCENTED = "unaccented"
UNMATCHED = "unmatched"
AMBIGUOUS = "ambiguous"


@dataclass(frozen=True)
class Candidate:
    """A unit a name may be matched to: its code, type (huyen, thi_xa, thanh_pho; xa, phuong, dac_khu) and name."""

    code: str
    unit_type: str
    name: str


@dataclass(frozen=True)
class NameMatch:
    """How a written name matched: the unit codes found, the method, and the closest names when none or many."""

    written: str
    codes: tuple[str, ...]
    method: str
    closest: tuple[str, ...] = ()

    @property
    def code(self) -> str | None:
        """Return the single matched code, or None when the name matched no unit or several."""
        return self.codes[0] if len(self.codes) == 1 else None


def _decomposed(text: str) -> str:
    """Return the text in NFD, Ð (U+00D0) read as Đ, and the tone of a final oa/oe/uy on its first vowel (Hoà → Hòa)."""
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text).translate(LOOKALIKE_LETTERS))
    return OLD_TONE_PLACEMENT.sub(lambda found: found[1] + found[3] + found[2], text)


@lru_cache(maxsize=8192)
def normalise_name(text: str) -> str:
    """Return the comparison key of a name: NFC, Đ for Ð, new tone placement, lower case, single spaces."""
    words = SEPARATORS.sub(" ", _decomposed(text)).strip().casefold()
    return unicodedata.normalize("NFC", words)


@lru_cache(maxsize=8192)
def unaccented(text: str) -> str:
    """Return a normalised name without diacritics (đ becomes d): the key for a last, unique-only comparison."""
    stripped = "".join(
        char for char in unicodedata.normalize("NFD", normalise_name(text)) if not unicodedata.combining(char)
    )
    return stripped.replace("đ", "d")


def split_type(text: str) -> tuple[str | None, str]:
    """Return the unit type written before or after a name (Huyện, TP., Thị xã, District; Xã, Phường, Đặc khu,
    X., P.) and the bare key; the commune words are compared with their diacritics (Kim Phượng is no ward)."""
    key = normalise_name(text)
    for prefix, unit_type in ACCENTED_PREFIXES.items():
        if key.startswith(prefix + " "):
            return unit_type, key[len(prefix) + 1 :]
    plain = unaccented(text)
    for prefix, unit_type in sorted(TYPE_PREFIXES.items(), key=lambda item: -len(item[0])):
        if plain.startswith(prefix + " "):
            return unit_type, key[len(prefix) + 1 :]
        if plain.endswith(" " + prefix):
            return unit_type, key[: -len(prefix) - 1]
    return None, key


def match_name(written: str, candidates: Iterable[Candidate], allow_unaccented: bool = True) -> NameMatch:
    """Return the units a written name means: exactly, after normalisation, or unaccented when unique."""
    candidates = list(candidates)
    exact = _codes_where(candidates, lambda item: item.name == written)
    if len(exact) == 1:
        return NameMatch(written, exact, EXACT)
    written_type, key = split_type(written)
    typed = [item for item in candidates if written_type in (None, item.unit_type)] or candidates
    found = _codes_where(typed, lambda item: normalise_name(item.name) == key)
    if not found and written_type is not None:
        whole = normalise_name(written)
        found = _codes_where(candidates, lambda item: normalise_name(item.name) == whole)
    if found:
        return _result(written, found, NORMALISED, candidates)
    if allow_unaccented:
        plain = unaccented(key)
        found = _codes_where(typed, lambda item: unaccented(item.name) == plain)
        if len(found) == 1:
            return NameMatch(written, found, UNACCENTED)
    return _result(written, (), UNMATCHED, candidates)


def _codes_where(candidates: list[Candidate], test: object) -> tuple[str, ...]:
    """Return the distinct codes of the candidates that pass the test, in order."""
    return tuple(dict.fromkeys(item.code for item in candidates if test(item)))


def _result(written: str, codes: tuple[str, ...], method: str, candidates: list[Candidate]) -> NameMatch:
    """Return a match, marked ambiguous with the candidates listed when several units share the name."""
    if len(codes) == 1:
        return NameMatch(written, codes, method)
    if codes:
        named = [item for item in candidates if item.code in codes]
        return NameMatch(written, codes, AMBIGUOUS, tuple(_label(item) for item in named))
    return NameMatch(written, (), UNMATCHED, closest_names(written, candidates))


def _label(candidate: Candidate) -> str:
    """Return a candidate as 'Huyện Kỳ Anh (447)' (a zone as 'KCN Lương Sơn (HB-KCN-LUONGSON)'), for messages."""
    if candidate.unit_type in DISTRICT_TYPES | COMMUNE_TYPES:
        return f"{full_name(candidate.unit_type, candidate.name, 'vi')} ({candidate.code})"
    return f"{candidate.name} ({candidate.code})"


def closest_names(written: str, candidates: Iterable[Candidate], limit: int = 3) -> tuple[str, ...]:
    """Return up to `limit` units closest to the written name, compared without diacritics, each unit once (by
    its latest name and type when it had several)."""
    latest = {item.code: item for item in candidates}
    plain = unaccented(split_type(written)[1])
    scored = sorted(
        latest.values(),
        key=lambda item: -difflib.SequenceMatcher(None, plain, unaccented(item.name)).ratio(),
    )
    return tuple(_label(item) for item in scored[:limit])
