import math
import re

import pytest

from dashboard.core.i18n import LANGUAGES, format_date, format_number, format_percent, format_time, messages, t
from dashboard.core.paths import ROOT


def test_every_language_has_the_same_messages():
    assert set(messages("vi")) == set(messages("en"))


def test_every_message_key_used_in_code_exists_in_every_language():
    sources = [*ROOT.joinpath("dashboard").rglob("*.py"), *ROOT.joinpath("pages").glob("*.py"), ROOT / "app.py"]
    used = {key for path in sources for key in re.findall(r'\bt\(\s*"([a-z_]+\.[a-z_.]+)"', path.read_text())}
    assert used, "no t() calls found: the scan is broken"
    for language in LANGUAGES:
        assert used - set(messages(language)) == set(), language


def test_dynamic_keys_exist_for_every_core_indicator_kind_and_status(data):
    families = ["indicator", "indicator_short", "legend", "noun", "denominator", "not_applicable"]
    for language in LANGUAGES:
        for indicator in data.core_indicators():
            for family in families:
                assert f"{family}.{indicator}" in messages(language)
        for kind in data.zones["kind"].unique():
            assert f"zone_kind.{kind}" in messages(language)
        for unit_type in data.units["type"].unique():
            assert f"unit_type.{unit_type}" in messages(language)
        for unit in data.catalogue["unit"].unique():
            assert f"unit.{unit}" in messages(language)


@pytest.mark.parametrize(
    ("value", "language", "decimals", "expected"),
    [
        (85.5, "vi", 1, "85,5"),
        (85.5, "en", 1, "85.5"),
        (85.0, "vi", 1, "85"),
        (12000, "vi", 0, "12.000"),
        (12000, "en", 0, "12,000"),
        (1234.56, "vi", 2, "1.234,56"),
        (66.66666, "vi", 1, "66,7"),
        (0, "en", 1, "0"),
    ],
)
def test_numbers_are_written_as_each_language_writes_them(value, language, decimals, expected):
    assert format_number(value, language, decimals) == expected


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [(85.5, "vi", "85,5%"), (85.5, "en", "85.5%"), (math.nan, "vi", "Không có số liệu"), (None, "en", "No data")],
)
def test_percentages_say_no_data_rather_than_a_number_when_missing(value, language, expected):
    assert format_percent(value, language) == expected


def test_messages_fill_their_parameters():
    assert t("unit_type.huyen", "vi", name="Đoan Hùng") == "Huyện Đoan Hùng"
    assert t("unit_type.huyen", "en", name="Đoan Hùng") == "Đoan Hùng District"


@pytest.mark.parametrize(
    ("stamp", "shown"),
    [
        ("2026-12-06T07:05:09.123456+00:00", "06/12/2026 14:05"),
        ("2026-12-31T18:30:00+00:00", "01/01/2027 01:30"),
        ("2026-03-01T00:00:00", "01/03/2026 07:00"),
        (None, ""),
        (float("nan"), ""),
    ],
)
def test_stored_times_are_shown_in_vietnam_time_day_first(stamp, shown):
    assert format_time(stamp) == shown


@pytest.mark.parametrize(
    ("text", "shown"), [("2020-10-23", "23/10/2020"), ("2021-08", "08/2021"), ("chưa rõ", "chưa rõ"), ("2019", "2019")]
)
def test_dates_read_day_first(text, shown):
    assert format_date(text) == shown
