import dataclasses

import pandas as pd
import pytest

from dashboard.maps.comparison import comparison_table, legend_counts
from dashboard.maps.views import Selection, map_view
from dashboard.progress.breakdowns import budget_by_task, sector_reductions
from dashboard.progress.completeness import completeness_detail, completeness_summary
from dashboard.progress.figures import province_series
from dashboard.progress.plan import plan_summary
from dashboard.progress.trends import (
    districts_comparable,
    path_points,
    provinces_side_by_side,
    ranking,
    shared_indicators,
    trend_table,
    trend_view,
)

PHU_THO = "25"


def with_tables(data, **tables):
    return dataclasses.replace(data, tables={name: pd.DataFrame(rows) for name, rows in tables.items()})


def packaging(year: int, code: str, total: int, eco: int) -> dict:
    return {
        "year": year,
        "unit_code": code,
        "unit_name": "",
        "supermarkets_total": total,
        "supermarkets_eco_packaging": eco,
        "source": "upload",
    }


def test_a_province_figure_by_year_is_no_data_where_nobody_reported(data):
    rows = [packaging(2021, "227", 10, 5), packaging(2023, "227", 10, 8)]
    series = province_series(with_tables(data, eco_packaging=rows), PHU_THO, "eco_packaging")
    assert series.loc[2021] == 50.0 and series.loc[2023] == 80.0
    assert series.loc[[2020, 2022, 2024, 2025]].isna().all()


def test_the_trend_table_judges_each_year_against_the_path(data):
    rows = [packaging(2021, "227", 10, 5), packaging(2023, "227", 10, 8)]
    view = trend_view(with_tables(data, eco_packaging=rows), PHU_THO, "eco_packaging", ["227"], "en")
    table = trend_table(view, "en").set_index("Year")
    # baseline 50% (first reported, 2021) drawn from 2020 to 85% in 2025: 71% in 2023
    assert table.loc["2023", "Path"] == "71%" and table.loc["2023", "Status"] == "On track"
    assert table.loc["2022", "Whole province"] == "No data" and table.loc["2022", "Status"] == "No data"
    assert path_points(view) == [(2020, 50.0), (2025, 85.0), (2030, 100.0)]
    assert list(view.districts.columns) == ["Việt Trì City"]


def test_the_ranking_puts_the_highest_first_and_no_data_last_unranked(data):
    rows = [packaging(2023, "227", 10, 5), packaging(2023, "228", 4, 4), packaging(2023, "230", 5, 5)]
    ranked = ranking(with_tables(data, eco_packaging=rows), PHU_THO, "eco_packaging", 2023, "vi")
    assert ranked.table["Hạng"].tolist()[:4] == ["1", "1", "3", ""]
    assert ranked.table["Giá trị"].tolist()[2:4] == ["50%", "Không có số liệu"]
    assert len(ranked.table) == 13 and ranked.unit == "percent"


@pytest.mark.parametrize(
    ("indicator", "comparable"),
    [("eco_packaging", True), ("awareness_campaigns", False), ("eco_models", True), ("budget_total", False)],
)
def test_district_lines_are_drawn_only_in_the_province_figures_unit(data, indicator, comparable):
    assert districts_comparable(data, indicator) == comparable


def test_indicators_shared_by_several_plans_can_be_compared(data):
    shared = shared_indicators(data)
    assert {"eco_packaging", "material_consumption_reduction", "zone_awareness"} <= set(shared)
    assert "budget_total" not in shared


def test_completeness_says_who_reported_and_who_did_not(data):
    rows = [packaging(2023, "227", 10, 5), packaging(2023, "230", 0, 0)]
    detail = completeness_detail(with_tables(data, eco_packaging=rows), PHU_THO, "eco_packaging", "vi")
    by_name = detail.set_index("Huyện")
    assert by_name.loc["Thành phố Việt Trì", "2023"] == "Đã báo cáo"
    assert by_name.loc["Huyện Đoan Hùng", "2023"] == "Không áp dụng"
    assert by_name.loc["Thị xã Phú Thọ", "2023"] == "Chưa báo cáo"
    summary = completeness_summary(with_tables(data, eco_packaging=rows), PHU_THO, "vi").set_index("Chỉ số")
    assert summary.loc["Siêu thị/TTTM dùng bao bì thân thiện môi trường", "2023"] == "1/12 huyện"


def test_two_years_share_the_same_classes(data):
    first = map_view(data, Selection(PHU_THO, "eco_packaging", 2021, "vi"))
    second = map_view(data, Selection(PHU_THO, "eco_packaging", 2025, "vi"))
    legend = legend_counts(first, second, (2021, 2025), "vi")
    assert legend["Số huyện/khu 2021"].iloc[: len(first.legend)].sum() == 13
    table = comparison_table(first, second, (2021, 2025), "vi")
    assert len(table) == 13 and set(table["Thay đổi phân loại"]) <= {"Có", "Không"}


SOURCES = ["budget_central", "budget_provincial", "budget_mobilised"]


def test_the_budget_by_task_adds_up_by_task_and_by_source(data):
    table = budget_by_task(data, PHU_THO, SOURCES, 2025, "en")
    total = table.set_index("No.").loc["Total"]
    series = province_series(data, PHU_THO, "budget_total")
    assert total["Plan budget (total)"] == f"{series.loc[2025]:,.1f}".rstrip("0").rstrip(".")
    assert len(table) == 18


def test_the_budget_by_task_lists_the_plans_tasks_with_the_amount_it_gives_each(data):
    table = budget_by_task(data, PHU_THO, SOURCES, 2025, "en").set_index("No.")
    assert list(table.index[:17]) == [task.number for task in data.tasks.of_plan("phu-tho")]
    planned = table["Plan budget for the task"]
    assert (planned["I.1"], planned["II.8"], planned["III.5"], planned["Total"]) == ("350", "1,500", "200", "12,000")
    assert table.loc["II.8", "Task"] == "Resource-efficiency, water and circular-economy models"


def test_demo_spending_on_each_task_stays_plausible_against_its_budget(data):
    table = budget_by_task(data, PHU_THO, SOURCES, 2025, "en").set_index("No.")
    shares = table["Spent of the plan budget"].str.rstrip("%").str.replace(",", "").astype(float)
    assert shares.between(70, 120).all()


def test_spending_on_a_task_the_plan_does_not_list_gets_a_row_of_its_own(data):
    rows = pd.DataFrame(
        [
            {"year": 2021, "province_code": PHU_THO, "indicator": code, "breakdown": "IV.1", "value": 10.0}
            for code in SOURCES
        ]
    ).assign(source="upload")
    changed = dataclasses.replace(data, tables={**data.tables, "province_values": rows})
    table = budget_by_task(changed, PHU_THO, SOURCES, 2025, "vi").set_index("TT")
    assert table.loc["IV.1", "Kinh phí thực hiện kế hoạch (tổng)"] == "30"
    assert table.loc["IV.1", "Kinh phí kế hoạch giao"] == "Không có số liệu"
    assert table.loc["I.1", "Kinh phí từ ngân sách tỉnh"] == "Không có số liệu"


def test_sector_reductions_are_measured_from_the_baseline_year(data):
    table = sector_reductions(data, "17", "material_consumption_reduction", "vi")
    assert (table["2020"] == "0%").all() and len(table) == 3


def test_completeness_counts_with_no_report_say_so_never_zero(data):
    rows = [packaging(2023, "227", 10, 5)]
    models = [{"year": 2023, "unit_code": "227", "zone_code": "", "model_name": "A", "model_type": "x"}]
    tables = with_tables(data, eco_packaging=rows, eco_models=models)
    summary = completeness_summary(tables, PHU_THO, "vi").set_index("Chỉ số")
    packaging_row = summary.loc["Siêu thị/TTTM dùng bao bì thân thiện môi trường"]
    assert packaging_row["2023"] == "1/13 huyện" and packaging_row["2022"] == "Chưa báo cáo"
    models_row = summary.loc[data.catalogue.loc["eco_models", "name_vi"]]
    assert models_row["2023"] == "1 mục trong sổ" and models_row["2022"] == "Chưa báo cáo"
    assert not summary.apply(lambda column: column.astype(str).str.match(r"^0[ /]")).any().any()


def test_the_plan_is_dated_day_first(data):
    assert "ban hành 23/10/2020" in plan_summary(data.plan_of("17"), "vi")
    assert "08/2021" in plan_summary(data.plan_of("25"), "en")


def test_the_four_province_chart_starts_where_data_starts(data):
    frame = provinces_side_by_side(data, "eco_packaging")
    assert frame.iloc[0].notna().any()
    assert frame.index.min() == min(
        province_series(data, code, "eco_packaging").dropna().index.min() for code in data.plans["province_code"]
    )


def test_districts_can_be_added_to_a_trend_measured_in_another_unit(data):
    view = trend_view(data, PHU_THO, "awareness_campaigns", ["227"], "vi")
    assert list(view.districts.columns) == ["Thành phố Việt Trì"]
    assert view.unit == "percent" and view.district_unit == "count"
