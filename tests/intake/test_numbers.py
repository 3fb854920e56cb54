"""The one number grammar every column is read by: Vietnamese and English writing read back as the same exact
number, what could be read either way settled by the file or refused, and everything else refused."""

from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.core.numbers import (
    AMOUNT,
    COORDINATE,
    COUNT,
    EN,
    SHARE,
    VI,
    YEAR,
    file_writing,
    plain,
    plain_numbers,
    read_number,
    writing_of,
)

WAYS = {VI: (".", ","), EN: (",", ".")}
REFUSALS = {
    "not_a_number",
    "boolean_not_number",
    "not_finite",
    "number_too_long",
    "scientific_notation",
    "absurd_value",
    "ambiguous_number",
    "not_whole",
}


def written(value: Decimal, way: str, grouped: bool) -> str:
    """Return a number as a person writes it the Vietnamese or the English way, thousands grouped or not."""
    group, decimal = WAYS[way]
    whole, _, fraction = format(abs(value), "f").partition(".")
    if grouped:
        whole = f"{int(whole):,}".replace(",", group)
    return ("-" if value < 0 else "") + whole + (decimal + fraction if fraction else "")


counts = st.integers(min_value=0, max_value=10**15 - 1)
fractional = st.integers(min_value=0, max_value=4).flatmap(
    lambda places: st.decimals(min_value=-(10**12), max_value=10**12, places=places, allow_nan=False)
)


@settings(deadline=None)
@given(counts, st.sampled_from([VI, EN]), st.booleans(), st.sampled_from(["", VI, EN]))
def test_a_count_written_either_way_reads_back_as_the_same_number(number, way, grouped, writing):
    text = written(Decimal(number), way, grouped)
    assert read_number(text, COUNT, writing).value == number
    assert writing_of(text) in {way, ""}


@settings(deadline=None)
@given(fractional, st.sampled_from([SHARE, AMOUNT]), st.sampled_from([VI, EN]), st.booleans())
def test_a_share_or_amount_reads_back_in_its_files_writing_or_is_refused_as_ambiguous_never_as_another_number(
    value, kind, way, grouped
):
    text = written(value, way, grouped)
    assert writing_of(text) in {way, ""}
    for writing in (way, ""):
        reading = read_number(text, kind, writing)
        assert reading.value == value or (reading.value is None and reading.code == "ambiguous_number"), text
    if way == VI:
        assert read_number(text, kind, VI).value == value


@settings(deadline=None)
@given(st.text(max_size=30), st.sampled_from([COUNT, YEAR, SHARE, AMOUNT, COORDINATE]), st.sampled_from(["", VI, EN]))
def test_any_other_text_is_refused_with_a_reason_and_never_raises(text, kind, writing):
    reading = read_number(text, kind, writing)
    if reading.value is None:
        assert reading.code in REFUSALS
    else:
        assert set(text.strip()) <= set("+-0123456789., \u00a0\u2009\u202f")
        assert reading.value.is_finite() and abs(reading.value) < 10**15


@settings(deadline=None)
@given(
    st.lists(
        st.one_of(
            counts.map(str),
            fractional.map(lambda value: written(value, VI, False)),
            fractional.map(lambda value: written(value, EN, False)),
            st.text(alphabet="0123456789.,+- ", max_size=12),
        ),
        max_size=20,
    ),
    st.sampled_from([COUNT, SHARE, AMOUNT, COORDINATE]),
    st.sampled_from(["", VI, EN]),
)
def test_reading_a_column_at_once_gives_what_reading_each_cell_gives(texts, kind, writing):
    fast = plain_numbers(pd.Series(texts, dtype=object), kind)
    for text, value in zip(texts, fast, strict=True):
        if value is not None:
            assert value == plain(read_number(text, kind, writing).value), text


@pytest.mark.parametrize(
    ("text", "kind", "writing", "expected"),
    [
        ("12.000", AMOUNT, VI, Decimal(12000)),
        ("12.000", COUNT, "", Decimal(12000)),
        ("12,000", COUNT, "", Decimal(12000)),
        ("12.000", SHARE, "", "ambiguous_number"),
        ("12.000", AMOUNT, EN, "ambiguous_number"),
        ("12,000", AMOUNT, EN, Decimal(12000)),
        ("1,234", AMOUNT, VI, Decimal("1.234")),
        ("85,5", SHARE, "", Decimal("85.5")),
        ("85.5", SHARE, "", Decimal("85.5")),
        ("1.234.567", AMOUNT, "", Decimal(1234567)),
        ("1.234,5", AMOUNT, "", Decimal("1234.5")),
        ("1,234.5", AMOUNT, "", Decimal("1234.5")),
        ("12 000,5", AMOUNT, "", Decimal("12000.5")),
        ("21.322", COORDINATE, "", Decimal("21.322")),
        ("0,125", SHARE, "", Decimal("0.125")),
        ("2024", YEAR, "", Decimal(2024)),
        ("1e309", COUNT, "", "scientific_notation"),
        ("1e-400", COUNT, "", "scientific_notation"),
        ("1E5", AMOUNT, "", "scientific_notation"),
        ("inf", SHARE, "", "not_finite"),
        ("NaN", AMOUNT, "", "not_finite"),
        ("TRUE", COUNT, "", "boolean_not_number"),
        ("sai", COUNT, "", "boolean_not_number"),
        ("9" * 25, COUNT, "", "number_too_long"),
        ("1" + "0" * 15, AMOUNT, "", "absurd_value"),
        ("2.00000000000000001", COUNT, "", "not_whole"),
        ("2,5", COUNT, "", "not_whole"),
        ("1.2.3", COUNT, "", "not_a_number"),
        ("1.23.456", AMOUNT, "", "not_a_number"),
        ("12.", AMOUNT, "", "not_a_number"),
        ("50%", COUNT, "", "not_a_number"),
        ("(5)", AMOUNT, "", "not_a_number"),
    ],
)
def test_the_grammar_reads_or_refuses_each_case(text, kind, writing, expected):
    reading = read_number(text, kind, writing)
    assert (reading.value if isinstance(expected, Decimal) else reading.code) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["85,5", "12.000", "7"], VI),
        (["1.234.567"], VI),
        (["85.5", "1,234"], EN),
        (["12.000", "1,234", "7"], ""),
        (["85,5", "85.5"], ""),
        (["85,5%"], VI),
    ],
)
def test_a_files_writing_is_what_its_cells_prove_and_nothing_when_they_disagree(texts, expected):
    assert file_writing(texts) == expected
