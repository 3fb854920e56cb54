import dataclasses
import json

import pandas as pd
import pytest

from dashboard.__main__ import main
from dashboard.progress.scorecard import plan_for_slug, scorecard, scorecard_records, scorecard_table
from dashboard.progress.statuses import STATUSES

PLANS = {"hoa-binh": "hoa-binh", "thai-nguyen": "thai-nguyen", "ha-tinh": "ha-tinh", "phu-tho": "phu-tho"}


def with_province_values(data, rows: list[dict]):
    frame = pd.DataFrame(rows).assign(source="upload")
    frame["province_code"] = frame["province_code"].astype(str)
    return dataclasses.replace(data, tables={**data.tables, "province_values": frame})


def rows_of(province: str, indicator: str, values: dict, breakdown: str = "") -> list[dict]:
    return [
        {"year": year, "province_code": province, "indicator": indicator, "breakdown": breakdown, "value": value}
        for year, value in values.items()
    ]


@pytest.mark.parametrize(("slug", "plan_id"), [*PLANS.items(), ("quang-ninh", None), ("", None)])
def test_plans_are_named_by_the_province_slug(data, slug, plan_id):
    assert plan_for_slug(data, slug) == plan_id


@pytest.mark.parametrize("plan_id", PLANS.values())
def test_every_target_of_a_plan_is_a_row_with_a_known_status(data, plan_id):
    rows = scorecard(data, plan_id, 2025)
    assert len(rows) == (data.targets["plan_id"] == plan_id).sum()
    assert {row.status for row in rows} <= set(STATUSES)


def test_a_reduction_is_judged_against_the_baseline_years_level(data):
    # Hà Tĩnh: two sectors, baseline 2020; steel 200 -> 190 (5%), food 100 -> 97 (3%): mean 4% in 2025, below 5
    rows = rows_of("42", "material_consumption_reduction", {2020: 200, 2025: 190}, "thép")
    rows += rows_of("42", "material_consumption_reduction", {2020: 100, 2025: 97}, "thực phẩm")
    card = scorecard(with_province_values(data, rows), "ha-tinh", 2025)
    row = next(row for row in card if row.target.indicator == "material_consumption_reduction")
    assert row.value == pytest.approx(4.0) and row.value_year == 2025 and row.status == "behind"
    assert (row.baseline.year, row.baseline.value) == (2020, 0.0)


def test_before_the_target_year_the_latest_value_is_judged_against_the_path(data):
    # Path from 0 in 2020 to 5% in 2025 passes 2.4% in 2023: 3% reduction is on track, shown with its year
    rows = rows_of("42", "material_consumption_reduction", {2020: 100, 2022: 98.5, 2023: 97})
    card = scorecard(with_province_values(data, rows), "ha-tinh", 2024)
    row = next(row for row in card if row.target.indicator == "material_consumption_reduction")
    assert (row.value, row.value_year, row.status) == (pytest.approx(3.0), 2023, "on_track")
    assert row.trend == [0.0, None, pytest.approx(1.5), pytest.approx(3.0), None]


def test_a_yearly_output_is_judged_only_on_its_own_year(data):
    rows = rows_of("42", "training_classes", {2021: 3, 2022: 2}, "I.1")
    card = scorecard(with_province_values(data, rows), "ha-tinh", 2023)
    by_year = {row.target.year: row for row in card if row.target.indicator == "training_classes"}
    assert [by_year[year].status for year in range(2021, 2026)] == ["met", "behind", "no_data", "no_data", "no_data"]
    assert by_year[2025].value_year is None and by_year[2023].value_year == 2023


def test_the_budget_total_is_the_sum_of_its_sources_and_never_typed_in(data):
    rows = []
    for indicator, amounts in {"budget_central": 1000, "budget_provincial": 900, "budget_mobilised": 100}.items():
        rows += rows_of("25", indicator, {2021: amounts / 2}, "I.1")
        rows += rows_of("25", indicator, {2021: amounts / 2}, "II.3")
    card = scorecard(with_province_values(data, rows), "phu-tho", 2021)
    total = next(row for row in card if row.target.indicator == "budget_total")
    assert total.value == pytest.approx(2000.0)
    # path from 0 in 2020 to 12,000 in 2025 is 2,400 in 2021
    assert total.status == "behind"


def test_the_scorecard_table_reads_in_each_language(data):
    rows = scorecard(data, "phu-tho", 2025)
    vi, en = scorecard_table(data, rows, "vi"), scorecard_table(data, rows, "en")
    assert "12.000 triệu đồng" in vi["Chỉ tiêu"].tolist() and "12,000 million VND" in en["Target"].tolist()
    assert set(vi["Đánh giá"]) <= {"Vượt chỉ tiêu", "Đạt chỉ tiêu", "Đúng tiến độ", "Chậm tiến độ", "Không có số liệu"}


def test_the_json_records_carry_what_automation_needs(data):
    records = scorecard_records("phu-tho", scorecard(data, "phu-tho", 2025))
    assert set(records[0]) == {
        "plan",
        "indicator",
        "scope",
        "target_year",
        "year",
        "value",
        "target_min",
        "target_stretch",
        "approximate",
        "task",
        "status",
        "share_among_reporters",
        "units_not_reported",
    }
    json.dumps(records)


def test_a_target_on_every_zone_is_judged_on_all_zones_and_shows_the_reporters_share_and_the_silent_zones(data):
    rows = [row for row in scorecard(data, "phu-tho", 2025) if row.target.indicator == "zone_awareness"]
    zones = data.zones[data.zones["province_code"] == "25"]
    table = data.tables["zone_awareness"]
    reports = table[(table["year"] == 2025) & table["zone_code"].isin(zones["zone_code"])]
    reached = reports["reached"].isin(["có", "yes"]).sum()
    assert rows[0].value == pytest.approx(reached * 100 / len(zones))
    assert rows[0].reporters_value == pytest.approx(reached * 100 / len(reports))
    assert rows[0].not_reported == len(zones) - len(reports) > 0
    record = scorecard_records("phu-tho", rows)[0]
    assert record["units_not_reported"] == rows[0].not_reported
    words = scorecard_table(data, rows, "en")["All units: among those that reported"].iloc[0]
    assert f"{rows[0].not_reported} did not report" in words


def test_the_cli_prints_one_json_object_per_target(data, capsys):
    assert main(["scorecard", "--plan", "ha-tinh", "--year", "2025", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert len(records) == (data.targets["plan_id"] == "ha-tinh").sum()
    assert {record["plan"] for record in records} == {"ha-tinh"}
    assert {record["status"] for record in records} <= set(STATUSES)
    contests = [record for record in records if record["indicator"] == "school_contests"]
    assert [record["target_year"] for record in contests] == [2021, 2022, 2023, 2024, 2025]


def test_the_cli_prints_a_readable_table(capsys):
    assert main(["scorecard", "--plan", "hoa-binh", "--year", "2024", "--language", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Target scorecard of Hòa Bình")
    assert "Reduction in material and fuel consumption of key industries" in out


def test_an_unknown_plan_stops_with_a_message_in_both_languages(capsys):
    assert main(["scorecard", "--plan", "hanoi", "--year", "2025"]) == 2
    err = capsys.readouterr().err
    assert "Không có kế hoạch “hanoi”" in err and "No plan “hanoi”" in err and "phu-tho" in err


@pytest.mark.parametrize("argv", [["scorecard", "--year", "2025"], ["scorecard", "--plan", "ha-tinh", "--year", "x"]])
def test_missing_or_malformed_arguments_exit_with_a_usage_error(argv):
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2


def test_an_output_over_a_tasks_period_is_counted_from_the_tasks_start_and_only_for_its_task(data):
    # Phú Thọ III.2: 20 retail points assessed over 2021-2025; 8 + 7 so far, the path passes 12 in 2023
    rows = rows_of("25", "retail_points_assessed", {2021: 8, 2022: 7}, "III.2")
    rows += rows_of("25", "retail_points_assessed", {2021: 50}, "III.1")
    card = scorecard(with_province_values(data, rows), "phu-tho", 2023)
    row = next(row for row in card if row.target.indicator == "retail_points_assessed")
    assert (row.value, row.value_year, row.status) == (15.0, 2022, "on_track")
    assert row.target.task == "III.2" and row.trend[1:3] == [8.0, 15.0]


def test_outputs_of_two_tasks_of_one_kind_are_judged_apart(data):
    # Phú Thọ I.2: 3-5 conferences a year; III.3: 2 conferences in the period
    rows = rows_of("25", "conferences", {2021: 4}, "I.2") + rows_of("25", "conferences", {2021: 2}, "III.3")
    card = scorecard(with_province_values(data, rows), "phu-tho", 2025)
    by_task = {(row.target.task, row.target.year): row for row in card if row.target.indicator == "conferences"}
    assert (by_task[("I.2", 2021)].value, by_task[("I.2", 2021)].status) == (4.0, "met")
    assert (by_task[("III.3", 2025)].value, by_task[("III.3", 2025)].status) == (None, "no_data")
    early = scorecard(with_province_values(data, rows), "phu-tho", 2021)
    assert next(r for r in early if r.target.task == "III.3" and r.target.indicator == "conferences").status == "met"


@pytest.mark.parametrize(
    ("values", "year", "status", "shown"),
    [
        ({2021: 0, 2022: 0}, 2023, "on_track", "Not done"),
        ({2021: 0, 2022: 1}, 2023, "met", "Done"),
        ({2021: 0, 2025: 0}, 2025, "behind", "Not done"),
        ({}, 2025, "no_data", "No data"),
    ],
)
def test_the_support_unit_is_a_milestone_done_or_not_by_2025(data, values, year, status, shown):
    rows = rows_of("25", "scp_support_unit", values) if values else rows_of("25", "conferences", {2021: 1}, "I.2")
    card = scorecard(with_province_values(data, rows), "phu-tho", year)
    row = next(row for row in card if row.target.indicator == "scp_support_unit")
    assert row.status == status
    table = scorecard_table(data, [row], "en")
    assert table["Latest value"].iloc[0] == shown and table["Target"].iloc[0] == "Done"


def test_approximate_targets_are_shown_as_about_and_outputs_name_their_task(data):
    rows = [row for row in scorecard(data, "phu-tho", 2025) if row.target.task == "III.3"]
    en, vi = scorecard_table(data, rows, "en"), scorecard_table(data, rows, "vi")
    assert en["Target"].tolist()[0] == "about 50"
    assert vi["Chỉ tiêu"].tolist()[0] == "khoảng 50"
    assert en["Indicator"].tolist()[0].endswith("(task III.3)") and "(nhiệm vụ III.3)" in vi.iloc[0, 0]
