import math

import pandas as pd
import pytest

from dashboard.progress.statuses import Baseline, baseline_of, needs_path, path_value, status, status_of_series
from dashboard.progress.targets import Target


def target(year: int, minimum: float, stretch: float | None = None) -> Target:
    return Target("p", "i", "province", year, minimum, stretch, "")


FROM_40 = Baseline(2020, 40.0, 2020)
FROM_ZERO = Baseline(2020, 0.0, 2020)


@pytest.mark.parametrize(
    ("value", "year", "the_target", "baseline", "expected"),
    [
        # ranges: below the minimum, between, at or above the stretch
        (19, 2025, target(2025, 20, 30), FROM_ZERO, "behind"),
        (20, 2025, target(2025, 20, 30), FROM_ZERO, "met"),
        (29.99, 2025, target(2025, 20, 30), FROM_ZERO, "met"),
        (30, 2025, target(2025, 20, 30), FROM_ZERO, "exceeded"),
        (31, 2022, target(2025, 20, 30), FROM_ZERO, "exceeded"),
        # exactly on the threshold, and just under it in the target year
        (70.0, 2025, target(2025, 70), FROM_40, "met"),
        (69.99, 2025, target(2025, 70), FROM_40, "behind"),
        # before the target year: path from 40 in 2020 to 70 in 2025 is 58 in 2023
        (58.0, 2023, target(2025, 70), FROM_40, "on_track"),
        (57.9, 2023, target(2025, 70), FROM_40, "behind"),
        (100.0, 2021, target(2025, 85), FROM_40, "met"),
        # after the target year: below the minimum is behind, whatever the path
        (69.0, 2026, target(2025, 70), FROM_40, "behind"),
        (49.0, 2023, target(2020, 50), FROM_40, "behind"),
        # reductions (percent down from the baseline year's level): path from 0 in 2020 to 5 in 2025 is 2 in 2022
        (2.0, 2022, target(2025, 5, 8), FROM_ZERO, "on_track"),
        (1.9, 2022, target(2025, 5, 8), FROM_ZERO, "behind"),
        (-1.0, 2021, target(2025, 5, 8), FROM_ZERO, "behind"),
        (5.0, 2022, target(2025, 5, 8), FROM_ZERO, "met"),
        (8.0, 2025, target(2025, 5, 8), FROM_ZERO, "exceeded"),
        # no data is its own status, never zero
        (None, 2025, target(2025, 70), FROM_40, "no_data"),
        (math.nan, 2023, target(2025, 70), FROM_40, "no_data"),
        (0.0, 2025, target(2025, 70), FROM_40, "behind"),
        # a yearly output has no path: below the year's target is behind
        (2, 2023, target(2023, 3), None, "behind"),
        (3, 2023, target(2023, 3), None, "met"),
        (50.0, 2025, None, FROM_40, "no_target"),
    ],
)
def test_a_value_is_judged_against_minimum_stretch_and_the_path(value, year, the_target, baseline, expected):
    assert status(value, year, the_target, baseline) == expected


@pytest.mark.parametrize(
    ("values", "year", "expected"),
    [
        ({2020: 40.0, 2023: 58.0}, 2023, "on_track"),
        ({2020: 40.0, 2023: 57.0}, 2023, "behind"),
        # a single year of data after the baseline year is its own baseline, but the path starts in 2020: in 2021
        # it is already 40 + 30/5 = 46, so a lone value below the minimum is behind
        ({2021: 40.0}, 2021, "behind"),
        ({2021: 70.0}, 2021, "met"),
        # a single year of data in the baseline year: nothing was due yet
        ({2020: 40.0}, 2020, "on_track"),
        # a year without a value is no data, never interpolated from its neighbours
        ({2020: 40.0, 2022: 60.0, 2024: 70.0}, 2023, "no_data"),
        ({}, 2023, "no_data"),
    ],
)
def test_a_series_is_judged_from_its_own_baseline(values, year, expected):
    series = pd.Series(values, dtype=float).reindex(range(2020, 2026))
    assert status_of_series(series, year, target(2025, 70), 2020, "first_value") == expected


@pytest.mark.parametrize(
    ("values", "path_from", "expected"),
    [
        ({2020: 40.0, 2021: 50.0}, "first_value", Baseline(2020, 40.0, 2020)),
        ({2019: 10.0, 2021: 50.0, 2022: 55.0}, "first_value", Baseline(2020, 50.0, 2021)),
        ({2021: 50.0}, "zero", Baseline(2020, 0.0, 2020)),
        ({2021: 50.0}, "none", None),
        ({}, "first_value", None),
    ],
)
def test_the_baseline_is_the_baseline_years_value_or_the_first_after_it(values, path_from, expected):
    assert baseline_of(pd.Series(values, dtype=float), 2020, path_from) == expected


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2019, 40.0), (2020, 40.0), (2021, 46.0), (2024, 64.0), (2025, 70.0), (2030, 70.0)],
)
def test_the_path_runs_straight_from_the_baseline_to_the_minimum(year, expected):
    assert path_value(FROM_40, target(2025, 70), year) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("value", "year", "the_target", "expected"),
    [
        (50.0, 2023, target(2025, 70), True),
        (70.0, 2023, target(2025, 70), False),
        (50.0, 2025, target(2025, 70), False),
        (None, 2023, target(2025, 70), False),
        (50.0, 2023, None, False),
    ],
)
def test_the_path_is_only_needed_below_the_minimum_before_the_target_year(value, year, the_target, expected):
    assert needs_path(value, year, the_target) == expected
