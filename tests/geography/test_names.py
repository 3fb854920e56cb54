"""The name normaliser and matching of written names to units, on the spellings real files use."""

import unicodedata

import pytest

from dashboard.geography.names import (
    AMBIGUOUS,
    EXACT,
    NORMALISED,
    UNACCENTED,
    UNMATCHED,
    Candidate,
    match_name,
    normalise_name,
)
from dashboard.geography.units import load_districts

UNITS = load_districts()


def candidates(province_code: str) -> list[Candidate]:
    """Return every district of a province as match candidates."""
    chosen = UNITS[UNITS["province_code"] == province_code]
    return [Candidate(row.code, row.type, row.name) for row in chosen.itertuples()]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Hoà Bình", "hòa bình"),
        ("Lạc Thuỷ", "lạc thủy"),
        ("\u00d0oan Hùng", "đoan hùng"),
        (unicodedata.normalize("NFD", "Đoan Hùng"), "đoan hùng"),
        ("  Thanh   Sơn ", "thanh sơn"),
        ("Hoàng Mai", "hoàng mai"),
        ("Quý Hòa", "quý hòa"),
        ("TP.Việt Trì", "tp việt trì"),
    ],
)
def test_normalise_name_gives_one_key_for_every_spelling(written: str, expected: str) -> None:
    assert normalise_name(written) == expected


@pytest.mark.parametrize(
    ("province", "written", "code", "method"),
    [
        ("25", "Việt Trì", "227", EXACT),
        ("25", "\u00d0oan Hùng", "230", NORMALISED),
        ("25", "Hạ Hoà", "231", NORMALISED),
        ("25", "Thanh Thuỷ", "239", NORMALISED),
        ("25", "Thành phố Việt Trì", "227", NORMALISED),
        ("25", "TP. Việt Trì", "227", NORMALISED),
        ("25", "thị xã phú thọ", "228", NORMALISED),
        ("25", unicodedata.normalize("NFD", "Cẩm Khê"), "235", NORMALISED),
        ("25", "Thanh Son", "238", UNACCENTED),
        ("25", "Phú Ninh", "233", UNACCENTED),
        ("17", "Kỳ Son", "151", UNACCENTED),
        ("17", "Luong Son", "152", UNACCENTED),
        ("42", "Thị xã Kỳ Anh", "449", NORMALISED),
        ("42", "Huyện Kỳ Anh", "447", NORMALISED),
        ("42", "Ky Anh District", "447", UNACCENTED),
    ],
)
def test_match_name_finds_the_unit_and_says_how(province: str, written: str, code: str, method: str) -> None:
    found = match_name(written, candidates(province))
    assert (found.code, found.method) == (code, method)


def test_a_name_two_units_share_is_ambiguous_and_lists_both() -> None:
    found = match_name("Kỳ Anh", candidates("42"))
    assert found.method == AMBIGUOUS
    assert found.code is None
    assert found.closest == ("Huyện Kỳ Anh (447)", "Thị xã Kỳ Anh (449)")


def test_an_unknown_name_lists_the_closest_units() -> None:
    found = match_name("Thanh Sonn", candidates("25"))
    assert found.method == UNMATCHED
    assert found.closest[0] == "Huyện Thanh Sơn (238)"


def test_unaccented_comparison_can_be_refused() -> None:
    assert match_name("Thanh Son", candidates("25"), allow_unaccented=False).method == UNMATCHED
