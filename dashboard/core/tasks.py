"""The plans' task register read from indicators/: agencies (agencies.csv), tasks (tasks.csv) and their outputs
(task_outputs.csv), checked row by row so that a new plan's register can be loaded the same way."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

import pandas as pd

from dashboard.core.i18n import LANGUAGES, messages, t
from dashboard.core.numbers import AMOUNT, COUNT, read_number
from dashboard.core.paths import INDICATORS

AGENCIES, TASKS, OUTPUTS = "agencies.csv", "tasks.csv", "task_outputs.csv"
AGENCY_COLUMNS = ("code", "name_vi", "name_en", "kind", "aliases_vi")
TASK_COLUMNS = (
    "plan_id",
    "number",
    "section",
    "title_vi",
    "title_en",
    "lead",
    "partners",
    "period_vi",
    "schedule",
    "start_year",
    "end_year",
    "budget_million_vnd",
    "repeats",
    "notes",
)
OUTPUT_COLUMNS = ("plan_id", "task", "kind", "text_vi", "quantity_min", "quantity_stretch", "per", "approximate")
AGENCY_KINDS = ("department", "board", "office", "centre", "media", "group", "district_committees", "businesses")
AGENCY_KINDS += ("public", "institute", "school")
SCHEDULES = ("period", "yearly", "ongoing", "on_request", "deadline")
PER_YEAR, PER_PERIOD, PER_SECTOR_GROUP = "year", "period", "sector_group"
PERS = (PER_YEAR, PER_PERIOD, PER_SECTOR_GROUP)
YES_NO = {"yes": True, "no": False}
FIRST_YEAR, LAST_YEAR = 2000, 2100
NOT_STARTED, IN_PROGRESS, DONE, DROPPED = "not_started", "in_progress", "done", "dropped"
TASK_STATUSES = (NOT_STARTED, IN_PROGRESS, DONE, DROPPED)
STATUS_WORDS = {
    NOT_STARTED: ("chưa thực hiện", "chưa triển khai", "chưa bắt đầu", "not started", "not_started"),
    IN_PROGRESS: ("đang thực hiện", "đang triển khai", "in progress", "in_progress", "ongoing"),
    DONE: ("hoàn thành", "đã hoàn thành", "đã thực hiện", "done", "completed", "complete"),
    DROPPED: ("dừng thực hiện", "dừng", "không thực hiện", "dropped", "cancelled"),
}


@dataclass(frozen=True)
class Agency:
    """An agency a plan names as lead or partner, with the other ways the plans write its name."""

    code: str
    name_vi: str
    name_en: str
    kind: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class TaskOutput:
    """An output of a task: its kind, the plan's words and, where the plan gives one, a quantity (a range kept
    as minimum and stretch) per year, per the task's period or per sector group; approximate for "khoảng"."""

    kind: str
    text_vi: str
    quantity_min: Decimal | None
    quantity_stretch: Decimal | None
    per: str
    approximate: bool


@dataclass(frozen=True)
class Task:
    """A task of a plan's appendix, numbered as the plan numbers it (part and number where numbers restart)."""

    plan_id: str
    number: str
    section: str
    title_vi: str
    title_en: str
    leads: tuple[str, ...]
    partners: tuple[str, ...]
    period_vi: str
    schedule: str
    start_year: int | None
    end_year: int
    budget_million_vnd: Decimal | None
    repeats: str
    notes: str
    outputs: tuple[TaskOutput, ...] = ()


@dataclass(frozen=True)
class RegisterProblem:
    """A problem in a register file: the file, the row (1 is the header; 0 for the file as a whole), the column
    and the value."""

    file: str
    row: int
    column: str
    code: str
    value: str = ""
    params: dict[str, str] = field(default_factory=dict)

    def message(self, language: str) -> str:
        """Return the problem in the language, naming the file, row, column and value."""
        known = messages(language)
        prefixes = ("tasks.problem", "problem", "intake_checks")
        key = next((f"{prefix}.{self.code}" for prefix in prefixes if f"{prefix}.{self.code}" in known), "")
        text = t(key, language, value=self.value, column=self.column, **self.params)
        if not self.row:
            return t("tasks.problem.in_file", language, file=self.file, text=text) if self.file else text
        return t("tasks.problem.where", language, file=self.file, row=self.row, column=self.column, text=text)


class RegisterError(ValueError):
    """The bundled register does not pass its checks; the message lists every problem in both languages."""

    def __init__(self, problems: list[RegisterProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(" / ".join(problem.message(lang) for lang in LANGUAGES) for problem in problems))


@dataclass(frozen=True)
class TaskRegister:
    """Every agency by code and every task, in the order the files list them."""

    agencies: dict[str, Agency]
    tasks: tuple[Task, ...]

    def of_plan(self, plan_id: str) -> list[Task]:
        """Return a plan's tasks in the plan's order."""
        return [task for task in self.tasks if task.plan_id == plan_id]

    def agency_of(self, written: str) -> Agency | None:
        """Return the agency a name as written means (its name or one of its aliases, case and spacing aside)."""
        wanted = " ".join(written.split()).casefold()
        for agency in self.agencies.values():
            if wanted in {" ".join(name.split()).casefold() for name in (agency.name_vi, *agency.aliases)}:
                return agency
        return None


def task_status_of(written: str) -> str | None:
    """Return the status code a word means (Vietnamese or English, case and spacing aside), None when none."""
    wanted = " ".join(written.split()).casefold()
    return next((code for code, words in STATUS_WORDS.items() if wanted in words), None)


def _codes(text: str) -> tuple[str, ...]:
    """Return the codes of a ';'-separated cell, in order, without blanks."""
    return tuple(part.strip() for part in text.split(";") if part.strip())


class _Checker:
    """Collects the problems of one file while its rows are read."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[RegisterProblem] = []

    def add(self, row: int, column: str, code: str, value: str = "", **params: str) -> None:
        """Record a problem at a row (the spreadsheet's numbering: the header is row 1) and column."""
        self.problems.append(RegisterProblem(self.file, row, column, code, value, params))

    def columns(self, frame: pd.DataFrame, wanted: tuple[str, ...]) -> bool:
        """Record each missing column (at the header row); return whether all are there."""
        missing = [column for column in wanted if column not in frame.columns]
        for column in missing:
            self.add(1, column, "missing_column")
        return not missing

    def required(self, row: int, record: dict[str, str], column: str) -> str:
        """Return a cell's text, recording a problem when it is blank."""
        value = record[column].strip()
        if not value:
            self.add(row, column, "required")
        return value

    def choice(self, row: int, record: dict[str, str], column: str, allowed: tuple[str, ...]) -> str:
        """Return a cell that must be one of the allowed words, recording a problem otherwise."""
        value = record[column].strip()
        if value not in allowed:
            self.add(row, column, "not_allowed", value, allowed=", ".join(allowed))
        return value

    def number(self, row: int, record: dict[str, str], column: str, kind: str) -> Decimal | None:
        """Return a cell's number (blank: None) read by the one number grammar, recording why one is refused."""
        text = record[column].strip()
        if not text:
            return None
        reading = read_number(text, kind)
        if reading.value is None:
            self.add(row, column, reading.code or "not_a_number", text, **reading.params)
            return None
        if reading.value < 0:
            self.add(row, column, "negative", text)
            return None
        return reading.value

    def year(self, row: int, record: dict[str, str], column: str) -> int | None:
        """Return a cell's year (blank: None), recording one that is not a year from 2000 to 2100."""
        text = record[column].strip()
        if not text:
            return None
        if not text.isdigit() or not FIRST_YEAR <= int(text) <= LAST_YEAR:
            self.add(row, column, "not_a_year", text)
            return None
        return int(text)


def _text_frame(path: Path) -> pd.DataFrame:
    """Return a register file as text cells (blank for empty), every column kept as written."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def read_agencies(frame: pd.DataFrame, checker: _Checker) -> dict[str, Agency]:
    """Return the agencies by code, recording duplicate codes and names written for two agencies."""
    agencies: dict[str, Agency] = {}
    if not checker.columns(frame, AGENCY_COLUMNS):
        return agencies
    seen_names: dict[str, str] = {}
    for row, record in enumerate(frame.to_dict("records"), start=2):
        code = checker.required(row, record, "code")
        names = (checker.required(row, record, "name_vi"), checker.required(row, record, "name_en"))
        kind = checker.choice(row, record, "kind", AGENCY_KINDS)
        aliases = _codes(record["aliases_vi"])
        if code in agencies:
            checker.add(row, "code", "duplicate_agency", code)
            continue
        for name in (names[0], *aliases):
            folded = " ".join(name.split()).casefold()
            if folded in seen_names and seen_names[folded] != code:
                checker.add(row, "aliases_vi", "name_of_two_agencies", name, other=seen_names[folded])
            seen_names[folded] = code
        if code:
            agencies[code] = Agency(code, names[0], names[1], kind, aliases)
    return agencies


def read_outputs(frame: pd.DataFrame, checker: _Checker, indicators: set[str]) -> dict[tuple[str, str], list]:
    """Return the outputs by (plan, task number): a quantity needs a catalogue indicator as its kind and a
    `per`, any other kind a name in the message files (`task_output.KIND`); a stretch is above its minimum."""
    outputs: dict[tuple[str, str], list] = {}
    if not checker.columns(frame, OUTPUT_COLUMNS):
        return outputs
    for row, record in enumerate(frame.to_dict("records"), start=2):
        plan_id, task = checker.required(row, record, "plan_id"), checker.required(row, record, "task")
        kind, text_vi = checker.required(row, record, "kind"), checker.required(row, record, "text_vi")
        minimum = checker.number(row, record, "quantity_min", COUNT)
        stretch = checker.number(row, record, "quantity_stretch", COUNT)
        per = record["per"].strip()
        approximate = checker.choice(row, record, "approximate", tuple(YES_NO)) == "yes"
        if minimum is not None:
            checker.choice(row, record, "per", PERS)
            if kind not in indicators:
                checker.add(row, "kind", "kind_not_in_catalogue", kind)
        elif kind and kind not in indicators and not all(f"task_output.{kind}" in messages(lang) for lang in LANGUAGES):
            checker.add(row, "kind", "unknown_kind", kind)
        elif per or record["quantity_stretch"].strip():
            checker.add(row, "quantity_min", "quantity_missing", record["quantity_stretch"].strip() or per)
        if minimum is not None and stretch is not None and stretch <= minimum:
            checker.add(row, "quantity_stretch", "stretch_not_above", str(stretch), minimum=str(minimum))
        output = TaskOutput(kind, text_vi, minimum, stretch, per, approximate)
        outputs.setdefault((plan_id, task), []).append((row, output))
    return outputs


def _task(row: int, record: dict[str, str], checker: _Checker, agencies: dict[str, Agency]) -> Task:
    """Return one task row as a Task, recording every problem of its cells."""
    for column in ("plan_id", "number", "title_vi", "title_en"):
        checker.required(row, record, column)
    leads, partners = _codes(record["lead"]), _codes(record["partners"])
    if not leads:
        checker.add(row, "lead", "required")
    for column, codes in (("lead", leads), ("partners", partners)):
        for code in codes:
            if code not in agencies:
                checker.add(row, column, "unknown_agency", code)
    schedule = checker.choice(row, record, "schedule", SCHEDULES)
    start, end = checker.year(row, record, "start_year"), checker.year(row, record, "end_year")
    if end is None and not record["end_year"].strip():
        checker.add(row, "end_year", "required")
    if start is None and schedule != "deadline" and not record["start_year"].strip():
        checker.add(row, "start_year", "required")
    if start is not None and end is not None and start > end:
        checker.add(row, "end_year", "end_before_start", str(end), start=str(start))
    budget = checker.number(row, record, "budget_million_vnd", AMOUNT)
    return Task(
        plan_id=record["plan_id"].strip(),
        number=record["number"].strip(),
        section=record["section"].strip(),
        title_vi=record["title_vi"].strip(),
        title_en=record["title_en"].strip(),
        leads=leads,
        partners=partners,
        period_vi=record["period_vi"].strip(),
        schedule=schedule,
        start_year=start,
        end_year=end or 0,
        budget_million_vnd=budget,
        repeats=record["repeats"].strip(),
        notes=record["notes"].strip(),
    )


def read_tasks(
    frame: pd.DataFrame, checker: _Checker, agencies: dict[str, Agency], plan_ids: set[str]
) -> list[tuple[int, Task]]:
    """Return the task rows with their row numbers, recording unknown plans and agencies and repeated numbers."""
    if not checker.columns(frame, TASK_COLUMNS):
        return []
    tasks, seen = [], set()
    for row, record in enumerate(frame.to_dict("records"), start=2):
        task = _task(row, record, checker, agencies)
        if task.plan_id and task.plan_id not in plan_ids:
            checker.add(row, "plan_id", "unknown_plan", task.plan_id)
        if (task.plan_id, task.number) in seen:
            checker.add(row, "number", "duplicate_task", task.number)
        seen.add((task.plan_id, task.number))
        tasks.append((row, task))
    return tasks


def read_register(
    frames: dict[str, pd.DataFrame], plan_ids: set[str], indicators: set[str]
) -> tuple[TaskRegister, list[RegisterProblem]]:
    """Return the register read from the three files' text frames (keyed by file name) and every problem found:
    unknown plans, agencies and output kinds, outputs of no task, bad numbers and years, blanks, repeats."""
    checkers = {name: _Checker(name) for name in (AGENCIES, TASKS, OUTPUTS)}
    agencies = read_agencies(frames[AGENCIES], checkers[AGENCIES])
    rows = read_tasks(frames[TASKS], checkers[TASKS], agencies, plan_ids)
    outputs = read_outputs(frames[OUTPUTS], checkers[OUTPUTS], indicators)
    numbers = {(task.plan_id, task.number) for _, task in rows}
    for row, task in rows:
        if task.repeats and (task.plan_id, task.repeats) not in numbers:
            checkers[TASKS].add(row, "repeats", "unknown_task", task.repeats, plan=task.plan_id)
    for key, found in outputs.items() if rows else ():
        if key not in numbers:
            for row, _ in found:
                checkers[OUTPUTS].add(row, "task", "unknown_task", key[1], plan=key[0])
    tasks = tuple(
        replace(task, outputs=tuple(output for _, output in outputs.get((task.plan_id, task.number), [])))
        for _, task in rows
    )
    problems = [problem for checker in checkers.values() for problem in checker.problems]
    return TaskRegister(agencies, tasks), problems


def register_frames(folder: Path = INDICATORS) -> dict[str, pd.DataFrame]:
    """Return the register's three files as text frames, keyed by file name."""
    return {name: _text_frame(folder / name) for name in (AGENCIES, TASKS, OUTPUTS)}


def load_task_register(folder: Path = INDICATORS) -> TaskRegister:
    """Return the bundled register, checked against the plans and the indicator catalogue of the same folder;
    raise RegisterError listing every problem when it does not pass."""
    plan_ids = set(pd.read_csv(folder / "plans.csv", dtype=str, keep_default_na=False)["plan_id"])
    indicators = set(pd.read_csv(folder / "catalogue.csv", dtype=str, keep_default_na=False)["indicator"])
    register, problems = read_register(register_frames(folder), plan_ids, indicators)
    if problems:
        raise RegisterError(problems)
    return register


def agency_name(register: TaskRegister, code: str, language: str) -> str:
    """Return an agency's name in the language (vi or en)."""
    return getattr(register.agencies[code], f"name_{language}")


def agency_codes(folder: Path = INDICATORS) -> list[str]:
    """Return the codes of the agencies in agencies.csv, in file order (what an upload may report for)."""
    return _text_frame(folder / AGENCIES)["code"].str.strip().tolist()


def output_targets(register: TaskRegister) -> pd.DataFrame:
    """Return the targets the tasks' outputs set, in the columns of targets.csv plus task and per: one a year
    for an output "a year", one at the task's end for an output over its period (counted from its start).
    An output per sector group sets none, and a task that repeats another for some of its years (Hà Tĩnh's
    2021 part) sets no target of a kind and year the task it repeats already sets."""
    planned = [
        (task, output, year)
        for task in register.tasks
        for output in task.outputs
        if output.quantity_min is not None and output.per in (PER_YEAR, PER_PERIOD)
        for year in range(
            task.end_year if output.per == PER_PERIOD or task.start_year is None else task.start_year,
            task.end_year + 1,
        )
    ]
    set_by = {(task.plan_id, task.number, output.kind, year) for task, output, year in planned}
    rows = []
    for task, output, year in planned:
        if (task.plan_id, task.repeats, output.kind, year) in set_by:
            continue
        stretch = None if output.quantity_stretch is None else float(output.quantity_stretch)
        rows.append(
            {
                "plan_id": task.plan_id,
                "indicator": output.kind,
                "scope": "province",
                "target_year": year,
                "target_min": float(output.quantity_min),
                "target_stretch": float("nan") if stretch is None else stretch,
                "text_vi": output.text_vi,
                "approximate": output.approximate,
                "task": task.number,
                "per": output.per,
            }
        )
    return pd.DataFrame(rows)
