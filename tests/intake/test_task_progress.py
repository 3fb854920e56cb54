"""Task progress uploads: a plan's tasks by year with status, outputs, spending by source and a note, through the
same checks, preview, commit, history and undo as every table; the reporting agency recorded on the upload."""

import pytest

from dashboard.core.tasks import load_task_register
from dashboard.intake.accounts import PLANNER, Account
from dashboard.intake.tables import table_specs
from dashboard.intake.uploads import (
    bundled_reference,
    commit_upload,
    preview_upload,
    store_tables,
    template_frame,
    undo_upload,
)

REFERENCE = bundled_reference()
LIMIT = 2**20
PLANNER_ACCOUNT = Account("lan", PLANNER)
HEADER = "year,plan_id,task,status,outputs_delivered,spent_central,spent_provincial,spent_mobilised,note"
VI_HEADER = (
    "Năm;Kế hoạch;Nhiệm vụ;Tình trạng;Sản phẩm đã thực hiện;Kinh phí trung ương (triệu đồng);"
    "Kinh phí tỉnh (triệu đồng);Kinh phí huy động (triệu đồng);Ghi chú"
)


def csv(*lines: str) -> bytes:
    """Return CSV lines as UTF-8 bytes."""
    return ("\n".join(lines) + "\n").encode("utf-8")


def preview(store, content: bytes):
    """Return the preview of a task progress upload to the store."""
    return preview_upload(store, content, "tien-do.csv", "task_progress", REFERENCE, LIMIT)


def test_a_good_file_in_vietnamese_is_read_exactly_and_committed_with_its_agency(store):
    content = csv(
        VI_HEADER,
        "2026;phu-tho;I.1;Hoàn thành;6 lớp tập huấn;120;1.250,5;12.000;",
        "2026;phu-tho;II.5;đang thực hiện;;;;;chờ kinh phí",
    )
    shown = preview(store, content)
    assert shown.accepted and shown.counts() == {"new": 2, "changed": 0, "unchanged": 0}
    rows = {row["task"]: row for row in shown.stored_rows()}
    assert rows["I.1"]["status"] == "done" and rows["II.5"]["status"] == "in_progress"
    assert (rows["I.1"]["spent_provincial"], rows["I.1"]["spent_mobilised"]) == ("1250.5", "12000")
    upload_id = commit_upload(store, shown, PLANNER_ACCOUNT, agency="doit")
    history = store.uploads()
    assert history.loc[history["id"] == upload_id, "agency"].item() == "doit"
    table = store_tables(store)["task_progress"]
    assert table.loc[table["task"] == "I.1", "spent_mobilised"].item() == 12000.0


def test_an_upload_naming_no_agency_records_none(store):
    shown = preview(store, csv(HEADER, "2026,hoa-binh,1,in progress,,,,,"))
    upload_id = commit_upload(store, shown, PLANNER_ACCOUNT)
    history = store.uploads()
    assert history.loc[history["id"] == upload_id, "agency"].item() is None


@pytest.mark.parametrize(
    ("line", "code", "column"),
    [
        pytest.param("2026,phu-tho,99,done,,,,,", "unknown_plan_task", "task", id="task-not-in-the-appendix"),
        pytest.param("2026,quang-ninh,I.1,done,,,,,", "unknown_plan", "plan_id", id="plan-not-in-plans"),
        pytest.param("2026,phu-tho,I.1,almost,,,,,", "not_a_task_status", "status", id="status-not-a-status"),
        pytest.param("2026,phu-tho,I.1,,,,,,", "required_value", "status", id="status-missing"),
        pytest.param("2026,phu-tho,I.1,done,,-5,,,", "negative_amount", "spent_central", id="negative-spending"),
        pytest.param("2026,phu-tho,I.1,done,,abc,,,", "not_a_number", "spent_central", id="spending-not-a-number"),
        pytest.param("2031,phu-tho,I.1,done,,,,,", "year_outside_plan", "year", id="year-after-the-plan"),
        pytest.param("2026,phu-tho,,done,,,,,", "required_value", "task", id="task-missing"),
    ],
)
def test_a_bad_row_is_refused_naming_row_and_column_and_nothing_is_written(store, snapshot, line, code, column):
    before = snapshot(store)
    shown = preview(store, csv(HEADER, line))
    assert not shown.accepted
    problem = next(problem for problem in shown.problems if problem.code == code)
    assert (problem.row, problem.column) == (2, column)
    header = table_specs()["task_progress"].headers[column]
    assert f"Row 2, column “{header}”" in problem.message("en") and "Dòng 2" in problem.message("vi")
    assert snapshot(store) == before


def test_twelve_thousand_written_the_vietnamese_way_is_never_twelve(store):
    shown = preview(store, csv(HEADER, '2026,phu-tho,I.1,done,,"12.000",5,"1.000,5",'))
    assert shown.accepted
    row = shown.stored_rows()[0]
    assert (row["spent_central"], row["spent_mobilised"]) == ("12000", "1000.5")


def test_an_unknown_task_lists_the_plans_tasks(store):
    problem = preview(store, csv(HEADER, "2026,phu-tho,18,done,,,,,")).problems[0]
    assert problem.message("en").endswith(
        "I.1, I.2, I.3, I.4, II.1, II.2, II.3, II.4, II.5, II.6, II.7, II.8, III.1, III.2, III.3, III.4, III.5."
    )


def test_a_second_upload_changes_the_status_and_undo_restores_it(store):
    first = commit_upload(store, preview(store, csv(HEADER, "2026,phu-tho,III.3,in progress,,,,,")), PLANNER_ACCOUNT)
    second = preview(store, csv(HEADER, "2026,phu-tho,III.3,hoàn thành,,,,,"))
    assert second.counts()["changed"] == 1
    assert second.changed.iloc[0][["column", "old", "new"]].tolist() == ["status", "in_progress", "done"]
    later = commit_upload(store, second, PLANNER_ACCOUNT, agency="doit")
    assert store_tables(store)["task_progress"]["status"].tolist() == ["done"]
    undo_upload(store, later, Account("quantri", "admin"))
    assert store_tables(store)["task_progress"]["status"].tolist() == ["in_progress"]
    assert first < later


def test_the_template_lists_the_plans_tasks_under_vietnamese_headers():
    register = load_task_register()
    template = template_frame("task_progress", register, "phu-tho", 2026)
    assert list(template.columns)[:4] == ["Năm", "Kế hoạch", "Nhiệm vụ", "Tình trạng"]
    assert template["Nhiệm vụ"].tolist() == [task.number for task in register.of_plan("phu-tho")]
    assert set(template["Năm"]) == {"2026"} and set(template["Kế hoạch"]) == {"phu-tho"}
    assert template_frame("task_progress").empty
