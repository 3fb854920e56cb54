"""Loading a new plan: a workbook checked cell by cell, stored whole as a version or not at all, governing its
province from its first year, undoable; bad workbooks name their sheet, row and column and store nothing."""

import io
import json
import zipfile

import openpyxl
import pytest

from dashboard.__main__ import main
from dashboard.core.exports import workbook_bytes
from dashboard.dataset import load_dataset
from dashboard.intake.plans import check_plan_upload, plan_template, plan_versions, store_plan, undo_plan
from dashboard.store.imported import VersionUndoRefusedError

NEW_PLAN, PROVINCE = "ha-tinh-2026", "42"


def new_plan_sheets() -> dict:
    """Return the sheets of a new Hà Tĩnh plan for 2026-2030, built from the template's example rows."""
    sheets = {name: frame.copy() for name, frame in plan_template().items()}
    for frame in sheets.values():
        if "plan_id" in frame.columns:
            frame["plan_id"] = NEW_PLAN
    plan = sheets["plans"]
    plan.loc[:, ["province_code", "period_start", "period_end", "vision_year", "baseline_year"]] = [
        PROVINCE,
        "2026",
        "2030",
        "",
        "2025",
    ]
    plan.loc[:, "document"] = "Kế hoạch 999/KH-UBND"
    sheets["targets"]["target_year"] = "2030"
    sheets["targets"] = sheets["targets"].drop_duplicates(["indicator", "scope", "target_year"])
    tasks = sheets["tasks"]
    tasks["start_year"], tasks["end_year"] = "2026", "2030"
    return sheets


def workbook(sheets: dict) -> bytes:
    """Return the sheets as an XLSX workbook."""
    return workbook_bytes(sheets)


def changed(sheet: str, row: int, column: str, value: str) -> bytes:
    """Return the new plan's workbook with one cell of a sheet (the spreadsheet's row number) changed."""
    sheets = new_plan_sheets()
    sheets[sheet].iloc[row - 2, sheets[sheet].columns.get_loc(column)] = value
    return workbook(sheets)


def test_the_template_holds_every_part_with_the_example_plan():
    sheets = plan_template()
    assert list(sheets) == ["plans", "targets", "tasks", "task_outputs", "agencies"]
    assert len(sheets["tasks"]) == 17
    assert set(sheets["plans"]["plan_id"]) == {"phu-tho"}


def test_a_good_plan_is_checked_then_stored_and_governs_its_province_from_its_first_year(store):
    content = workbook(new_plan_sheets())
    check = check_plan_upload(content, "ke-hoach.xlsx", store)
    assert check.ok, [problem.message("en") for problem in check.problems]
    assert check.task_count == 17
    revision = store.revision()
    version = store_plan(store, check, content, "admin")
    assert store.revision() == revision + 1
    data = load_dataset(store=store)
    assert data.plan_of(PROVINCE, 2026)["plan_id"] == NEW_PLAN
    assert data.plan_of(PROVINCE, 2024)["plan_id"] == "ha-tinh"
    assert len(data.tasks.of_plan(NEW_PLAN)) == 17
    assert set(data.targets[data.targets["plan_id"] == NEW_PLAN]["target_year"]) >= {2030}
    assert plan_versions(store)["version_id"].tolist() == [version]


def test_undoing_a_plan_version_brings_back_the_plan_it_replaced_and_cannot_be_done_twice(store):
    content = workbook(new_plan_sheets())
    version = store_plan(store, check_plan_upload(content, "ke-hoach.xlsx", store), content, "admin")
    undo_plan(store, version, "admin")
    data = load_dataset(store=store)
    assert NEW_PLAN not in set(data.plans["plan_id"])
    assert data.plan_of(PROVINCE, 2026)["plan_id"] == "ha-tinh"
    assert plan_versions(store).iloc[0]["undone_by"] == "admin"
    with pytest.raises(VersionUndoRefusedError):
        undo_plan(store, version, "admin")


def test_the_same_file_twice_is_refused(store):
    content = workbook(new_plan_sheets())
    store_plan(store, check_plan_upload(content, "ke-hoach.xlsx", store), content, "admin")
    again = check_plan_upload(content, "ke-hoach.xlsx", store)
    assert [problem.code for problem in again.problems] == ["plan_same_file"]


def test_a_zip_of_the_csv_files_loads_like_the_workbook(store):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as written:
        for name, frame in new_plan_sheets().items():
            written.writestr(f"{name}.csv", frame.to_csv(index=False).encode("utf-8-sig"))
    check = check_plan_upload(archive.getvalue(), "ke-hoach.zip", store)
    assert check.ok, [problem.message("en") for problem in check.problems]
    assert check.task_count == 17


BAD_CELLS = [
    ("plans", 2, "province_code", "99", "plan_unknown_province"),
    ("plans", 2, "plan_id", "Hà Tĩnh 2026", "plan_id_format"),
    ("plans", 2, "period_end", "2024", "end_before_start"),
    ("targets", 3, "target_min", "bảy mươi", "not_a_number"),
    ("targets", 2, "indicator", "happiness", "plan_unknown_indicator"),
    ("targets", 2, "target_year", "2040", "plan_year_outside"),
    ("tasks", 4, "lead", "so_khong_co", "unknown_agency"),
    ("tasks", 2, "end_year", "20300", "not_a_year"),
    ("task_outputs", 2, "task", "99", "unknown_task"),
]


@pytest.mark.parametrize(("sheet", "row", "column", "value", "code"), BAD_CELLS, ids=[case[-1] for case in BAD_CELLS])
def test_a_bad_cell_is_named_by_sheet_row_and_column_in_both_languages_and_nothing_is_stored(
    store, snapshot, sheet, row, column, value, code
):
    before = snapshot(store)
    check = check_plan_upload(changed(sheet, row, column, value), "ke-hoach.xlsx", store)
    found = [(problem.file, problem.row, problem.column, problem.code) for problem in check.problems]
    assert (sheet, row, column, code) in found
    problem = next(problem for problem in check.problems if problem.code == code)
    assert f"{sheet}, dòng {row}, cột “{column}”" in problem.message("vi")
    assert f"{sheet}, row {row}, column “{column}”" in problem.message("en")
    with pytest.raises(ValueError):
        store_plan(store, check, b"", "admin")
    assert snapshot(store) == before


def test_a_file_that_is_not_a_plan_workbook_says_so(store):
    assert [p.code for p in check_plan_upload(b"a,b\n1,2\n", "plan.csv", store).problems] == ["plan_file_type"]
    assert [p.code for p in check_plan_upload(b"not a zip", "plan.xlsx", store).problems] == ["plan_file_unreadable"]
    sheets = new_plan_sheets()
    del sheets["tasks"]
    missing = check_plan_upload(workbook(sheets), "plan.xlsx", store)
    assert [(p.file, p.code, p.value) for p in missing.problems] == [("tasks", "plan_sheet_missing", "tasks")]
    assert missing.problems[0].message("en") == "tasks: the part “tasks” is missing."


def test_vietnamese_sheet_names_are_read_as_the_parts_they_name(store):
    sheets = new_plan_sheets()
    named = dict(zip(["Kế hoạch", "Chỉ tiêu", "Nhiệm vụ", "Sản phẩm", "Cơ quan"], sheets.values(), strict=True))
    assert check_plan_upload(workbook(named), "ke-hoach.xlsx", store).ok


def test_plans_import_through_the_command_line_dry_run_then_store_list_and_undo(tmp_path, capsys, data_dir):
    path = tmp_path / "ke-hoach.xlsx"
    path.write_bytes(workbook(new_plan_sheets()))
    assert main(["plans", "import", str(path), "--dry-run", "--json"]) == 0
    checked = json.loads(capsys.readouterr().out)
    assert (checked["plan_id"], checked["tasks"], checked["stored_version"], checked["problems"]) == (
        NEW_PLAN,
        17,
        None,
        [],
    )
    assert main(["plans", "import", str(path), "--json"]) == 0
    version = json.loads(capsys.readouterr().out)["stored_version"]
    assert main(["plans", "list", "--json"]) == 0
    assert [row["version_id"] for row in json.loads(capsys.readouterr().out)] == [version]
    assert main(["plans", "undo", version]) == 0
    assert main(["plans", "undo", version]) == 1
    assert "already undone" in capsys.readouterr().err


def test_a_bad_plan_through_the_command_line_exits_1_naming_the_cell(tmp_path, capsys, data_dir):
    path = tmp_path / "ke-hoach.xlsx"
    path.write_bytes(changed("targets", 3, "target_min", "bảy mươi"))
    assert main(["plans", "import", str(path), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["stored_version"] is None
    assert {(p["sheet"], p["row"], p["column"]) for p in report["problems"]} == {("targets", 3, "target_min")}
    assert "bảy mươi" in report["problems"][0]["message_vi"]


def test_the_template_command_writes_a_workbook_with_every_part(tmp_path, capsys):
    out = tmp_path / "mau.xlsx"
    assert main(["plans", "template", "--out", str(out)]) == 0
    assert openpyxl.load_workbook(out).sheetnames == ["plans", "targets", "tasks", "task_outputs", "agencies"]
