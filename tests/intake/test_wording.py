"""Uploads, previews and history in the words a department uses: template headers, unit names, the official name
always, local time, newest first, values echoed as typed, the plan named once, suggestions from the province."""

import pytest

from dashboard.intake.audit import changed_table, changes_table, new_rows_table, problems_table, uploads_table
from dashboard.intake.uploads import commit_upload, preview_upload
from tests.intake.test_uploads import LIMIT, PACKAGING, PLANNER_ACCOUNT, REFERENCE, VALUES, csv

TOTAL = "Tổng số siêu thị và trung tâm thương mại"
ECO = "Số siêu thị dùng bao bì thân thiện môi trường"


def preview(store, content: bytes, table: str = "eco_packaging", province: str = ""):
    """Return the preview of an upload to the store."""
    return preview_upload(store, content, "bang.csv", table, REFERENCE, LIMIT, province)


def test_a_spelling_variant_of_a_name_is_no_change_and_the_official_name_is_kept(store):
    commit_upload(store, preview(store, csv(PACKAGING, "2024,227,Thành phố Việt Trì,12,7")), PLANNER_ACCOUNT)
    again = preview(store, csv(PACKAGING, "2024,227,TP. Việt Trì,12,7"))
    assert [problem.code for problem in again.problems] == []
    assert again.counts() == {"new": 0, "changed": 0, "unchanged": 1}
    variant = preview(store, csv(PACKAGING, "2024,,tp  việt trì,12,8"))
    assert dict(variant.rows)["2024|227"]["unit_name"] == "Thành phố Việt Trì"
    assert list(variant.changed["column"]) == ["supermarkets_eco_packaging"]


def test_the_preview_names_changed_rows_by_year_and_unit_and_columns_by_header(store):
    commit_upload(store, preview(store, csv(PACKAGING, "2024,238,,12,7")), PLANNER_ACCOUNT)
    changed = changed_table(preview(store, csv(PACKAGING, "2024,238,,12,9")), "vi")
    assert changed.to_dict("records") == [
        {"Dòng": 2, "Năm và đơn vị": "2024 · Huyện Thanh Sơn", "Cột": ECO, "Giá trị cũ": "7", "Giá trị mới": "9"}
    ]
    assert changed_table(preview(store, csv(PACKAGING, "2024,238,,12,9")), "en").iloc[0, 1] == (
        "2024 · Thanh Sơn District"
    )


def test_the_history_is_newest_first_in_local_time_with_unit_names_and_headers(store):
    first = commit_upload(store, preview(store, csv(PACKAGING, "2024,238,,12,7")), PLANNER_ACCOUNT)
    second = commit_upload(store, preview(store, csv(PACKAGING, "2024,238,,12,9")), PLANNER_ACCOUNT)
    history = uploads_table(store.uploads(), "vi")
    assert history["Lần tải lên"].tolist() == [second, first]
    assert history["Thời điểm (giờ Việt Nam)"].str.fullmatch(r"\d\d/\d\d/20\d\d \d\d:\d\d").all()
    log = changes_table(store.changes(), "vi")
    assert log["Lần tải lên"].tolist()[0] == second
    assert set(log["Năm và đơn vị"]) == {"2024 · Huyện Thanh Sơn"}
    assert "supermarkets_total" not in set(log["Cột"]) and TOTAL in set(log["Cột"])
    assert not log["Năm và đơn vị"].str.contains("|", regex=False).any()


def test_the_problems_table_names_columns_by_their_template_header(store):
    found = preview(store, csv(PACKAGING, "2024,230,,5,6"))
    table = problems_table(found.problems, "eco_packaging", "vi")
    assert table["Cột"].tolist() == [ECO]
    assert "supermarkets" not in table.to_string()


@pytest.mark.parametrize(
    ("line", "code", "typed"),
    [
        ("2024;230;;5;3,5", "not_whole", "“3,5”"),
        ("2024;230;;12.000;13.000", "exceeds", "“13.000”"),
    ],
)
def test_a_value_is_echoed_as_typed(store, line, code, typed):
    found = preview(store, (PACKAGING.replace(",", ";") + "\n" + line + "\n").encode())
    problem = next(problem for problem in found.problems if problem.code == code)
    assert typed in problem.message("vi") and typed in problem.message("en")


def test_a_coordinate_out_of_range_is_echoed_as_typed(store):
    content = "year;point_name;district_code;address;latitude;longitude\n2025;Điểm A;227;x;3,5;105,4\n"
    found = preview(store, content.encode(), "green_retail_points")
    problem = next(problem for problem in found.problems if problem.code == "out_of_range")
    assert problem.value == "3,5" and "“3,5”" in problem.message("vi")


def test_a_year_outside_the_plan_names_the_plan_once_with_its_own_period(store):
    found = preview(store, csv(PACKAGING, "2031,230,,5,3"))
    message = next(problem for problem in found.problems if problem.code == "year_outside_plan").message("vi")
    assert message.count("Kế hoạch") == 1 and message.count("kế hoạch") == 0
    assert "thời kỳ 2021–2025" in message and "2020–2030" in message


def test_name_suggestions_come_from_the_files_province_first_without_repeats(store):
    found = preview(store, csv(PACKAGING, "2024,227,,5,3", "2024,,Phu Thoo,5,3"))
    candidates = next(problem for problem in found.problems if problem.code == "unknown_name").params["candidates"]
    listed = candidates.split("; ")
    assert len(listed) == len({name.rsplit(" (", 1)[1] for name in listed})
    assert listed[0] == "Thị xã Phú Thọ (228)"
    hoa_binh = preview(store, csv(PACKAGING, "2024,,Phu Thoo,5,3"), province="17")
    first = hoa_binh.problems[0].params["candidates"].split("; ")
    hoa_binh_codes = set(REFERENCE.units.loc[REFERENCE.units["province_code"] == "17", "code"])
    assert {name.rsplit("(", 1)[1].rstrip(")") for name in first[:3]} <= hoa_binh_codes
    assert first[-1] == "Thị xã Phú Thọ (228)"


def test_a_fall_is_written_as_a_fall(store):
    commit_upload(store, preview(store, csv(PACKAGING, "2023,230,,10,9")), PLANNER_ACCOUNT)
    fallen = preview(store, csv(PACKAGING, "2024,230,,10,2"))
    message = fallen.problems[0].message("vi")
    assert "giảm từ 90% năm 2023 xuống 20%" in message and "lên" not in message
    assert "fell from 90% in 2023 to 20%" in fallen.problems[0].message("en")


def test_a_province_level_share_that_jumps_warns_as_district_shares_do(store):
    indicator = "waste_recycling_household_urban"
    commit_upload(store, preview(store, csv(VALUES, f"2023,19,{indicator},,40"), "province_values"), PLANNER_ACCOUNT)
    jumped = preview(store, csv(VALUES, f"2024,19,{indicator},,85%"), "province_values")
    assert [(problem.code, problem.severity, problem.value) for problem in jumped.problems] == [
        ("share_jump", "warning", "85%")
    ]
    assert "tăng từ 40% năm 2023 lên 85%" in jumped.problems[0].message("vi")
    steady = preview(
        store, csv(VALUES, f"2024,19,{indicator},,60", "2024,19,enterprises_informed,,40"), "province_values"
    )
    assert steady.problems == []


@pytest.mark.parametrize("language", ["vi", "en"])
def test_new_rows_are_shown_under_the_template_headers_in_either_language(store, language):
    table = new_rows_table(preview(store, csv(PACKAGING, "2024,238,,12,7")).new, "eco_packaging", language)
    assert TOTAL in table.columns and "supermarkets_total" not in table.columns
