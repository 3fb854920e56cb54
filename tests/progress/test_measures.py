import math

import pandas as pd
import pytest

from dashboard.progress.measures import (
    NO_DATA,
    NOT_APPLICABLE,
    VALUE,
    district_values,
    province_figure,
    reached_flag,
)

CODES = pd.Series(["001", "002", "003"])
ZONES = pd.DataFrame(
    {
        "zone_code": ["Z1", "Z2", "Z3", "Z4"],
        "district_code": ["001", "001", "002", "002"],
    }
)


def values(indicator: str, rows: list[dict], year: int = 2023, since: int = 2021) -> pd.DataFrame:
    return district_values(indicator, {indicator: pd.DataFrame(rows)}, CODES, ZONES, year, since)


def test_a_district_without_a_row_is_no_data_not_zero():
    frame = values("awareness_campaigns", [{"year": 2023, "unit_code": "001", "campaigns": 0, "participants": 0}])
    assert frame.loc["001", "state"] == VALUE and frame.loc["001", "value"] == 0
    assert frame.loc["002", "state"] == NO_DATA and math.isnan(frame.loc["002", "value"])


def test_the_awareness_share_counts_a_district_without_a_report_as_not_reached_and_keeps_the_reporters_share():
    rows = [
        {"year": 2023, "unit_code": "001", "campaigns": 2, "participants": 100},
        {"year": 2023, "unit_code": "002", "campaigns": 0, "participants": 0},
        {"year": 2022, "unit_code": "003", "campaigns": 5, "participants": 500},
    ]
    figure = province_figure("share_of_units", values("awareness_campaigns", rows))
    assert figure.value == pytest.approx(100 / 3)
    assert (figure.reporters_value, figure.reported, figure.expected, figure.not_reported) == (50.0, 2, 3, 1)


def test_packaging_share_is_summed_over_districts_not_averaged():
    rows = [
        {"year": 2023, "unit_code": "001", "supermarkets_total": 10, "supermarkets_eco_packaging": 9},
        {"year": 2023, "unit_code": "002", "supermarkets_total": 2, "supermarkets_eco_packaging": 0},
        {"year": 2023, "unit_code": "003", "supermarkets_total": 0, "supermarkets_eco_packaging": 0},
    ]
    frame = values("eco_packaging", rows)
    assert frame.loc["001", "value"] == 90.0
    assert frame.loc["003", "state"] == NOT_APPLICABLE
    figure = province_figure("share", frame)
    assert figure.value == pytest.approx(9 * 100 / 12)
    assert (figure.reported, figure.expected) == (2, 2)
    assert figure.reporters_value is None


def test_zone_awareness_is_the_share_of_all_zones_reached_a_zone_without_a_report_counting_as_not_reached():
    rows = [
        {"year": 2023, "zone_code": "Z1", "reached": "có"},
        {"year": 2023, "zone_code": "Z2", "reached": "không"},
        {"year": 2023, "zone_code": "Z3", "reached": "yes"},
    ]
    frame = values("zone_awareness", rows)
    assert frame.loc["001", "value"] == 50.0
    assert frame.loc["002", "value"] == 100.0
    assert frame.loc["003", "state"] == NOT_APPLICABLE
    reached = ZONES.assign(reached=[1.0, 0.0, 1.0, float("nan")])
    figure = province_figure("share_of_units", frame, reached)
    assert figure.value == 50.0
    assert figure.reporters_value == pytest.approx(200 / 3)
    assert (figure.reported, figure.expected, figure.not_reported) == (3, 4, 1)


def test_registers_count_entries_cumulatively_from_the_plan_start():
    rows = [
        {"year": 2020, "unit_code": "001"},
        {"year": 2021, "unit_code": "001"},
        {"year": 2023, "unit_code": "001"},
        {"year": 2024, "unit_code": "002"},
    ]
    frame = values("eco_models", rows, year=2023, since=2021)
    assert frame["value"].to_dict() == {"001": 2.0, "002": 0.0, "003": 0.0}
    assert province_figure("cumulative_count", frame).value == 2.0


def test_a_province_with_no_rows_has_no_figure():
    figure = province_figure("share", values("eco_packaging", []))
    assert figure.value is None and figure.reported == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [("có", 1.0), ("Có", 1.0), (" yes ", 1.0), ("1", 1.0), ("x", 1.0), ("không", 0.0), ("No", 0.0), ("0", 0.0)],
)
def test_reached_is_read_from_vietnamese_and_english_words(text, expected):
    assert reached_flag(text) == expected


@pytest.mark.parametrize("text", ["", "maybe", "2", "chưa rõ"])
def test_anything_else_is_not_read_as_reached_or_not(text):
    assert math.isnan(reached_flag(text))


@pytest.mark.parametrize(
    ("campaigns", "value", "among_reporters", "not_reported"),
    [
        pytest.param({"001": 1, "002": 1, "003": 1}, 100.0, 100.0, 0, id="all-reported-all-reached"),
        pytest.param({"001": 1, "002": 1}, 200 / 3, 100.0, 1, id="one-silent-unit-is-not-reached"),
        pytest.param({"001": 1}, 100 / 3, 100.0, 2, id="only-one-reported"),
        pytest.param({"001": 0, "002": 0, "003": 0}, 0.0, 0.0, 0, id="all-reported-none-reached"),
        pytest.param({}, None, None, 3, id="nobody-reported-is-no-data-not-zero"),
    ],
)
def test_a_target_on_all_units_counts_units_without_a_report_as_not_reached(
    campaigns, value, among_reporters, not_reported
):
    rows = [
        {"year": 2023, "unit_code": code, "campaigns": count, "participants": 10} for code, count in campaigns.items()
    ]
    frame = (
        values("awareness_campaigns", rows)
        if rows
        else values("awareness_campaigns", [{"year": 2020, "unit_code": "001", "campaigns": 1, "participants": 1}])
    )
    figure = province_figure("share_of_units", frame)
    assert figure.value == (None if value is None else pytest.approx(value))
    assert figure.reporters_value == (None if among_reporters is None else pytest.approx(among_reporters))
    assert figure.not_reported == not_reported
