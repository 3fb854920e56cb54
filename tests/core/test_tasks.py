"""The plans' task register: what it holds as transcribed from the four plan texts, and how a register file
with faults is refused with the row and column of each fault."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from dashboard.core.paths import INDICATORS
from dashboard.core.tasks import (
    AGENCIES,
    OUTPUTS,
    TASKS,
    RegisterError,
    TaskRegister,
    load_task_register,
    read_register,
)

PLANS_TEXTS = INDICATORS.parents[1] / "shared" / "plans"


@pytest.fixture(scope="module")
def register() -> TaskRegister:
    """Return the bundled register."""
    return load_task_register()


@pytest.mark.parametrize(
    ("plan_id", "count"),
    [("hoa-binh", 18), ("thai-nguyen", 16), ("ha-tinh", 53), ("phu-tho", 17)],
)
def test_each_plan_has_as_many_tasks_as_its_appendix(register: TaskRegister, plan_id: str, count: int) -> None:
    assert len(register.of_plan(plan_id)) == count


def test_ha_tinh_lists_30_tasks_for_2021_2025_and_23_for_2021(register: TaskRegister) -> None:
    sections = [task.section for task in register.of_plan("ha-tinh")]
    assert (sections.count("I"), sections.count("II")) == (30, 23)
    assert {task.end_year for task in register.of_plan("ha-tinh") if task.section == "II"} == {2021}


def test_phu_tho_budgets_add_up_to_the_12000_million_the_plan_states(register: TaskRegister) -> None:
    budgets = [task.budget_million_vnd for task in register.of_plan("phu-tho")]
    assert None not in budgets
    assert sum(budgets) == Decimal(12000)
    parts = {"I": Decimal(0), "II": Decimal(0), "III": Decimal(0)}
    for task in register.of_plan("phu-tho"):
        parts[task.section] += task.budget_million_vnd
    assert parts == {"I": Decimal(2000), "II": Decimal(7100), "III": Decimal(2900)}


def test_only_phu_tho_gives_budgets_per_task(register: TaskRegister) -> None:
    assert {task.plan_id for task in register.tasks if task.budget_million_vnd is not None} == {"phu-tho"}


def test_every_lead_and_partner_is_an_agency_of_the_list(register: TaskRegister) -> None:
    named = {code for task in register.tasks for code in (*task.leads, *task.partners)}
    assert named <= set(register.agencies)
    assert all(task.leads for task in register.tasks)


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Sở Tài Chính", "dof"),
        ("Sở Tài chính", "dof"),
        ("Sở Nông nghiệp và PTNT", "dard"),
        ("Sở Nông nghiệp và Phát triển nông thôn", "dard"),
        ("Ban quản lý các khu CN tỉnh", "iz_board"),
        ("Ban Quản lý các KCN tỉnh", "iz_board"),
        ("UBND các huyện, thị xã, thành phố", "districts"),
        ("UBND các huyện,  thành phố", "districts"),
        ("Văn phòng Điều phối NTM", "ntm_office"),
    ],
)
def test_one_agency_written_two_ways_is_one_agency(register: TaskRegister, written: str, code: str) -> None:
    agency = register.agency_of(written)
    assert agency is not None and agency.code == code


def test_hoa_binh_task_17_has_two_lead_agencies_and_runs_every_year_to_2030(register: TaskRegister) -> None:
    task = next(task for task in register.of_plan("hoa-binh") if task.number == "17")
    assert task.leads == ("doet", "dolisa")
    assert (task.schedule, task.start_year, task.end_year) == ("yearly", 2021, 2030)


def test_thai_nguyen_task_printed_without_number_is_kept_with_its_position(register: TaskRegister) -> None:
    numbers = [task.number for task in register.of_plan("thai-nguyen")]
    assert numbers == [str(number) for number in range(1, 17)]
    unnumbered = register.of_plan("thai-nguyen")[14]
    assert "without its number" in unnumbered.notes and unnumbered.leads == ("donre",)


def test_ha_tinh_2021_tasks_name_the_task_they_repeat(register: TaskRegister) -> None:
    repeats = {task.number: task.repeats for task in register.of_plan("ha-tinh") if task.repeats}
    assert len(repeats) == 23 and repeats["II.1"] == "I.1" and repeats["II.4"] == "I.23" and repeats["II.17"] == "I.20"
    titles = {task.number: task.title_vi for task in register.of_plan("ha-tinh")}
    assert all(titles[copy].rstrip(".") == titles[original].rstrip(".") for copy, original in repeats.items())


def test_thai_nguyen_deadline_before_2025_is_due_by_the_end_of_2024(register: TaskRegister) -> None:
    task = next(task for task in register.of_plan("thai-nguyen") if task.number == "4")
    assert (task.schedule, task.start_year, task.end_year, task.period_vi) == ("deadline", None, 2024, "Trước năm 2025")


@pytest.mark.parametrize(
    ("task_number", "kind", "minimum", "stretch", "per", "approximate"),
    [
        ("I.1", "handbooks", 1000, 2000, "year", False),
        ("I.2", "conferences", 3, 5, "year", False),
        ("I.3", "training_classes", 5, 10, "year", False),
        ("III.2", "retail_points_assessed", 20, None, "period", False),
        ("III.3", "distributors_supported", 50, None, "period", True),
        ("III.4", "businesses_assessed", 50, 80, "period", True),
        ("II.7", "handbooks", 1000, None, "period", True),
    ],
)
def test_phu_tho_outputs_keep_quantity_range_period_and_approximation(
    register: TaskRegister,
    task_number: str,
    kind: str,
    minimum: int,
    stretch: int | None,
    per: str,
    approximate: bool,
) -> None:
    task = next(task for task in register.of_plan("phu-tho") if task.number == task_number)
    output = next(output for output in task.outputs if output.kind == kind)
    assert output.quantity_min == minimum
    assert output.quantity_stretch == (None if stretch is None else stretch)
    assert (output.per, output.approximate) == (per, approximate)


def test_phu_tho_appendix_gives_29_numeric_outputs_per_year_or_period(register: TaskRegister) -> None:
    numeric = [
        output
        for task in register.of_plan("phu-tho")
        for output in task.outputs
        if output.quantity_min is not None and output.per in {"year", "period"}
    ]
    assert len(numeric) == 29


@pytest.mark.skipif(not PLANS_TEXTS.is_dir(), reason="the plan texts (../shared/plans) are not here")
@pytest.mark.parametrize(
    ("plan_id", "text"),
    [
        ("hoa-binh", "hoa-binh_2583-QD-UBND_2020.txt"),
        ("thai-nguyen", "thai-nguyen_93-KH-UBND_2019.txt"),
        ("ha-tinh", "ha-tinh_484-KH-UBND_2020.txt"),
        ("phu-tho", "phu-tho_KH-UBND_2021-08.txt"),
    ],
)
def test_every_vietnamese_title_is_a_fragment_of_its_plan_text(plan_id: str, text: str) -> None:
    plan = " ".join((PLANS_TEXTS / text).read_text(encoding="utf-8").split())
    titles = [task.title_vi for task in load_task_register().of_plan(plan_id)]
    pieces = [" ".join(title.split())[:60] for title in titles]
    assert [piece for piece in pieces if piece not in plan] == []


def _frames(folder: Path = INDICATORS) -> dict[str, pd.DataFrame]:
    """Return the bundled register files as text frames, to be spoiled by a test."""
    return {name: pd.read_csv(folder / name, dtype=str, keep_default_na=False) for name in (AGENCIES, TASKS, OUTPUTS)}


PLAN_IDS = {"hoa-binh", "thai-nguyen", "ha-tinh", "phu-tho"}
INDICATOR_CODES = set(pd.read_csv(INDICATORS / "catalogue.csv", dtype=str)["indicator"])


@pytest.mark.parametrize(
    ("file", "row", "column", "value", "code", "english"),
    [
        (TASKS, 2, "lead", "so_cong_thuong", "unknown_agency", "is not an agency code"),
        (TASKS, 3, "plan_id", "hoa-binh-2", "unknown_plan", "is not a plan"),
        (TASKS, 4, "budget_million_vnd", "1.000", "ambiguous_number", "could be 1000"),
        (TASKS, 5, "end_year", "20255", "not_a_year", "is not a year"),
        (TASKS, 6, "schedule", "sometimes", "not_allowed", "is not one of"),
        (TASKS, 7, "number", "1", "duplicate_task", "listed twice"),
        (OUTPUTS, 2, "task", "99", "unknown_task", "has no task"),
        (TASKS, 8, "repeats", "I.99", "unknown_task", "has no task"),
        (OUTPUTS, 3, "quantity_min", "ba", "not_a_number", "is not a number"),
        (OUTPUTS, 4, "kind", "lop_hoc", "unknown_kind", "is neither an indicator"),
        (AGENCIES, 3, "aliases_vi", "Sở Công Thương", "name_of_two_agencies", "already names agency"),
    ],
)
def test_a_fault_is_reported_with_its_file_row_column_and_value(
    file: str, row: int, column: str, value: str, code: str, english: str
) -> None:
    frames = _frames()
    frames[file].loc[row - 2, column] = value
    _, problems = read_register(frames, PLAN_IDS, INDICATOR_CODES)
    found = [problem for problem in problems if (problem.file, problem.row, problem.column) == (file, row, column)]
    assert [problem.code for problem in found] == [code]
    assert english in found[0].message("en") and f"row {row}" in found[0].message("en")
    assert f"dòng {row}" in found[0].message("vi")


def test_a_missing_column_is_reported_at_the_header() -> None:
    frames = _frames()
    frames[TASKS] = frames[TASKS].drop(columns="lead")
    _, problems = read_register(frames, PLAN_IDS, INDICATOR_CODES)
    assert [(problem.row, problem.column, problem.code) for problem in problems] == [(1, "lead", "missing_column")]


def test_the_bundled_register_passes_and_a_spoiled_one_is_refused(tmp_path: Path) -> None:
    assert read_register(_frames(), PLAN_IDS, INDICATOR_CODES)[1] == []
    for name in ("plans.csv", "catalogue.csv", AGENCIES, OUTPUTS):
        (tmp_path / name).write_bytes((INDICATORS / name).read_bytes())
    tasks = (INDICATORS / TASKS).read_text(encoding="utf-8").replace(",doit,", ",nobody,", 1)
    (tmp_path / TASKS).write_text(tasks, encoding="utf-8")
    with pytest.raises(RegisterError, match="nobody"):
        load_task_register(tmp_path)
