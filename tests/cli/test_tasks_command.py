"""`python -m dashboard tasks --plan P [--json]`: a plan's task register as JSON records or a table."""

import json

import pytest

from dashboard.cli.main import main

FIELDS = {
    "plan",
    "number",
    "title",
    "lead_agency",
    "partners",
    "start_year",
    "end_year",
    "outputs",
    "budget_million_vnd",
}


def tasks_json(capsys: pytest.CaptureFixture, plan: str) -> list[dict]:
    """Return what `tasks --plan PLAN --json` prints, parsed, after checking it exits 0."""
    assert main(["tasks", "--plan", plan, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(("plan", "count"), [("hoa-binh", 18), ("thai-nguyen", 16), ("ha-tinh", 53), ("phu-tho", 17)])
def test_json_lists_one_object_per_task_with_every_field_the_issue_names(capsys, plan, count):
    records = tasks_json(capsys, plan)
    assert len(records) == count
    assert all(set(record) >= FIELDS and record["plan"] == plan for record in records)


def test_phu_tho_tasks_carry_their_budget_and_add_up_to_12000(capsys):
    records = tasks_json(capsys, "phu-tho")
    assert sum(record["budget_million_vnd"] for record in records) == 12000
    first = records[0]
    assert (first["number"], first["lead_agency"], first["start_year"], first["end_year"]) == (
        "I.1",
        "doit",
        2021,
        2025,
    )
    handbooks = first["outputs"][0]
    assert (handbooks["quantity_min"], handbooks["quantity_stretch"], handbooks["per"]) == (1000, 2000, "year")


def test_a_plan_without_budgets_per_task_gives_null(capsys):
    records = tasks_json(capsys, "hoa-binh")
    assert {record["budget_million_vnd"] for record in records} == {None}
    assert records[16]["lead_agencies"] == ["doet", "dolisa"] and records[16]["lead_agency"] == "doet"


def test_a_deadline_task_has_no_start_year(capsys):
    task = next(record for record in tasks_json(capsys, "thai-nguyen") if record["number"] == "14")
    assert (task["start_year"], task["end_year"], task["schedule"]) == (None, 2024, "deadline")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Budget (million VND)", "1,000–2,000 a year", "about 50 in the period", "1,500"]),
        ("vi", ["Kinh phí (triệu đồng)", "1.000–2.000/năm", "khoảng 50 trong giai đoạn", "1.500"]),
    ],
)
def test_without_json_a_readable_table_in_the_language(capsys, language, expected):
    assert main(["tasks", "--plan", "phu-tho", "--language", language]) == 0
    out = capsys.readouterr().out
    assert [text for text in expected if text not in out] == []
    assert "III.5" in out and out.count("\n") >= 18


def test_an_unknown_plan_exits_2_with_a_message_in_both_languages(capsys):
    assert main(["tasks", "--plan", "ha-noi", "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Không có kế hoạch “ha-noi”" in captured.err and "No plan “ha-noi”" in captured.err
    assert "phu-tho" in captured.err and "Traceback" not in captured.err
