import math

import pytest

from dashboard.maps.classes import classify, count_classes, legend_label, share_classes, status_classes
from dashboard.progress.targets import Target


def target(year: int, minimum: float) -> Target:
    return Target("p", "i", "province", year, minimum, None, "")


PHU_THO_ZONES = share_classes([target(2025, 70), target(2030, 100)], [50, 100]) + status_classes()


@pytest.mark.parametrize(
    ("value", "state", "expected"),
    [
        (0.0, "value", "below"),
        (69.99, "value", "below"),
        (70.0, "value", "from_70"),
        (99.9, "value", "from_70"),
        (100.0, "value", "from_100"),
        (math.nan, "value", "no_data"),
        (None, "no_data", "no_data"),
        (None, "not_applicable", "not_applicable"),
    ],
)
def test_classes_break_at_the_plans_own_thresholds(value, state, expected):
    assert classify(value, state, PHU_THO_ZONES).key == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "vi",
            [
                "Dưới 70%: chưa đạt chỉ tiêu 2025",
                "Từ 70% đến dưới 100%: đạt chỉ tiêu 2025 (70%)",
                "100%: đạt chỉ tiêu 2030",
                "Không có số liệu (chưa báo cáo)",
                "Không áp dụng",
            ],
        ),
        (
            "en",
            [
                "Below 70%: short of the 2025 target",
                "70% to under 100%: meets the 2025 target (70%)",
                "100%: meets the 2030 target",
                "No data (not reported)",
                "Not applicable",
            ],
        ),
    ],
)
def test_the_legend_says_in_words_what_each_class_means(language, expected):
    assert [legend_label(cls, language) for cls in PHU_THO_ZONES] == expected


def test_a_target_of_100_percent_in_two_years_is_one_class_naming_both_years():
    classes = share_classes([target(2025, 100), target(2030, 100)], [50, 100])
    assert [cls.key for cls in classes] == ["below", "from_100"]
    assert legend_label(classes[1], "vi") == "100%: đạt chỉ tiêu 2025 và 2030"


def test_three_thresholds_give_four_value_classes():
    classes = share_classes([target(2025, 85)], [50, 100])
    assert [cls.key for cls in classes] == ["below", "from_85", "from_100"]
    classes = share_classes([target(2022, 70), target(2025, 85), target(2030, 100)], [])
    assert [(cls.lower, cls.upper) for cls in classes] == [(0.0, 70), (70, 85), (85, 100), (100, None)]


def test_without_a_plan_target_the_fallback_breaks_are_used_and_no_target_is_claimed():
    classes = share_classes([], [50, 100])
    assert [legend_label(cls, "en") for cls in classes] == ["Below 50%", "50% to under 100%", "100%"]


def test_count_classes_read_as_counts():
    classes = count_classes([1, 2, 4])
    labels = [legend_label(cls, "vi", "mô hình") for cls in classes]
    assert labels == ["0 mô hình", "1 mô hình", "2–3 mô hình", "Từ 4 mô hình trở lên"]
    assert classify(3.0, "value", classes).key == "count_2"
    assert classify(7.0, "value", classes).key == "count_4"


def test_every_class_has_its_own_colour():
    colours = [cls.colour for cls in PHU_THO_ZONES]
    assert len(set(colours)) == len(colours)
