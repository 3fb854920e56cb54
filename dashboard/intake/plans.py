"""Loading a new provincial plan: a workbook (or a zip of CSV files) with its metadata, targets, tasks, task
outputs and any new agencies, in the columns of the bundled files; checked cell by cell, stored whole as a
version or not at all, undoable, and from its first year the plan that governs its province."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard.core.csv_text import csv_text
from dashboard.core.i18n import LANGUAGES, messages
from dashboard.core.numbers import SHARE, read_number
from dashboard.core.paths import INDICATORS
from dashboard.core.programme import load_catalogue, plans_from, read_targets_text, targets_from
from dashboard.core.tasks import (
    AGENCIES,
    AGENCY_COLUMNS,
    OUTPUT_COLUMNS,
    OUTPUTS,
    TASK_COLUMNS,
    TASKS,
    RegisterError,
    RegisterProblem,
    TaskRegister,
    read_register,
    register_frames,
)
from dashboard.geography.names import unaccented
from dashboard.geography.units import load_provinces
from dashboard.intake.reading import workbook_sheets
from dashboard.store.database import Store
from dashboard.store.imported import (
    PLANS,
    ImportedVersion,
    add_version,
    now_stamp,
    undo_version,
    version_payloads,
    version_reports,
)

PLANS_FILE, TARGETS_FILE = "plans.csv", "targets.csv"
PLAN_COLUMNS = ("plan_id", "province_code", "document", "issued", "period_start", "period_end", "baseline_year")
PLAN_COLUMNS += ("vision_year", "title_vi", "title_en")
TARGET_COLUMNS = ("plan_id", "indicator", "scope", "target_year", "target_min", "target_stretch", "text_vi")
TARGET_COLUMNS += ("approximate",)
PARTS = {
    PLANS_FILE: (PLAN_COLUMNS, ("plans", "ke hoach")),
    TARGETS_FILE: (TARGET_COLUMNS, ("targets", "chi tieu")),
    TASKS: (TASK_COLUMNS, ("tasks", "nhiem vu")),
    OUTPUTS: (OUTPUT_COLUMNS, ("task_outputs", "san pham")),
    AGENCIES: (AGENCY_COLUMNS, ("agencies", "co quan")),
}
OPTIONAL_PARTS = {AGENCIES}
PLAN_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FIRST_YEAR, LAST_YEAR = 2000, 2100
LIMIT_BYTES = 20 * 2**20
FILE_PART = ""
VERSION_COLUMNS = ("version_id", "plan_id", "province_code", "period", "targets", "tasks", "file")
VERSION_COLUMNS += ("imported_by", "imported_at", "undone_by", "undone_at")


@dataclass
class PlanCheck:
    """A plan file as checked: its name and hash, the plan's metadata, each part as text cells (in the bundled
    files' columns) and every problem found, each naming its sheet, row and column."""

    file_name: str
    sha256: str
    plan: dict[str, str] = field(default_factory=dict)
    parts: dict[str, pd.DataFrame] = field(default_factory=dict)
    problems: list[RegisterProblem] = field(default_factory=list)
    task_count: int = 0

    @property
    def ok(self) -> bool:
        """Return whether the plan may be stored."""
        return not self.problems

    def add(self, part: str, row: int, column: str, code: str, value: str = "", **params: str) -> None:
        """Record a problem at a sheet's row (the header is row 1) and column."""
        self.problems.append(RegisterProblem(part, row, column, code, value, params))

    def to_json(self) -> dict[str, object]:
        """Return the check as JSON data: the plan, its counts and each problem in both languages."""
        return {
            "file": self.file_name,
            "sha256": self.sha256,
            "plan_id": self.plan.get("plan_id"),
            "province_code": self.plan.get("province_code"),
            "period_start": self.plan.get("period_start"),
            "period_end": self.plan.get("period_end"),
            "targets": len(self.parts.get(TARGETS_FILE, [])),
            "tasks": self.task_count,
            "problems": [
                {"sheet": p.file, "row": p.row, "column": p.column, "code": p.code, "value": p.value}
                | {f"message_{language}": p.message(language) for language in LANGUAGES}
                for p in self.problems
            ],
        }


def _sheet_key(title: str) -> str:
    """Return a sheet or file title compared without case, diacritics, spacing or extension."""
    return unaccented(title.rsplit(".", 1)[0] if title.lower().endswith(".csv") else title).replace("_", " ")


def _part_of(title: str) -> str | None:
    """Return the bundled file a sheet or CSV file of a plan file stands for, by its English or Vietnamese name."""
    key = _sheet_key(title)
    return next((part for part, (_, names) in PARTS.items() if key in {name.replace("_", " ") for name in names}), None)


def _frame(rows: list[list[str]]) -> pd.DataFrame:
    """Return rows of text (the first the header) as a frame of text cells; blank rows are left out."""
    header = [cell.strip() for cell in rows[0]] if rows else []
    body = [row + [""] * (len(header) - len(row)) for row in rows[1:] if any(cell.strip() for cell in row)]
    return pd.DataFrame([row[: len(header)] for row in body], columns=header, dtype=str)


def _zip_parts(content: bytes) -> tuple[dict[str, list[list[str]]], list[tuple[str, str]]]:
    """Return each CSV file of a zip as rows of text, by file name, and the faults of those that cannot be read."""
    found, faults = {}, []
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            if name.endswith("/") or not name.lower().endswith(".csv"):
                continue
            read = csv_text(archive.read(name))
            if read.fault:
                faults.append((name.rsplit("/", 1)[-1], read.fault.code))
            else:
                found[name.rsplit("/", 1)[-1]] = read.rows
    return found, faults


def read_plan_file(content: bytes, file_name: str) -> PlanCheck:
    """Return the plan file's parts read as text, with the problems that stop reading it (type, size, damage,
    a sheet missing or named twice)."""
    check = PlanCheck(file_name, hashlib.sha256(content).hexdigest())
    suffix = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    if suffix not in ("xlsx", "zip"):
        check.add(FILE_PART, 0, "", "plan_file_type", file_name)
        return check
    if len(content) > LIMIT_BYTES:
        check.add(FILE_PART, 0, "", "plan_file_too_large", file_name, limit_mb=str(LIMIT_BYTES // 2**20))
        return check
    try:
        if suffix == "xlsx":
            sheets, faults = workbook_sheets(content), []
        else:
            sheets, faults = _zip_parts(content)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError):
        check.add(FILE_PART, 0, "", "plan_file_unreadable", file_name)
        return check
    for name, code in faults:
        check.add(name, 0, "", "plan_csv_unreadable", name, fault=code)
    for title, rows in sheets.items():
        part = _part_of(title)
        if part is None:
            check.add(title, 0, "", "plan_unknown_sheet", title, expected=", ".join(n[0] for _, n in PARTS.values()))
        elif part in check.parts:
            check.add(title, 0, "", "plan_sheet_twice", title)
        else:
            check.parts[part] = _frame(rows)
    for part in PARTS:
        if part not in check.parts and part not in OPTIONAL_PARTS and not faults:
            check.add(PARTS[part][1][0], 0, "", "plan_sheet_missing", PARTS[part][1][0])
    return check


def _year(check: PlanCheck, part: str, row: int, column: str, text: str, required: bool = True) -> int | None:
    """Return a cell's year, recording a blank where one is required or a value that is not a year."""
    text = text.strip()
    if not text:
        if required:
            check.add(part, row, column, "required")
        return None
    if not text.isdigit() or not FIRST_YEAR <= int(text) <= LAST_YEAR:
        check.add(part, row, column, "not_a_year", text)
        return None
    return int(text)


def _check_plan_row(check: PlanCheck, provinces: pd.DataFrame, known_plans: pd.DataFrame) -> None:
    """Check the plan sheet: exactly one plan, a slug id, a province valid in its first year, a period."""
    frame = check.parts[PLANS_FILE]
    sheet = PARTS[PLANS_FILE][1][0]
    if len(frame) != 1:
        check.add(sheet, 2, "plan_id", "plan_one_row", str(len(frame)))
        return
    record = {column: str(frame.iloc[0].get(column, "")).strip() for column in PLAN_COLUMNS}
    for column in ("plan_id", "province_code", "document", "title_vi", "title_en"):
        if not record[column]:
            check.add(sheet, 2, column, "required")
    if record["plan_id"] and not PLAN_ID.match(record["plan_id"]):
        check.add(sheet, 2, "plan_id", "plan_id_format", record["plan_id"])
    start = _year(check, sheet, 2, "period_start", record["period_start"])
    end = _year(check, sheet, 2, "period_end", record["period_end"])
    _year(check, sheet, 2, "baseline_year", record["baseline_year"], required=False)
    vision = _year(check, sheet, 2, "vision_year", record["vision_year"], required=False)
    if start is not None and end is not None and start > end:
        check.add(sheet, 2, "period_end", "end_before_start", str(end), start=str(start))
    if vision is not None and end is not None and vision < end:
        check.add(sheet, 2, "vision_year", "plan_vision_before_end", str(vision), end=str(end))
    province = provinces[provinces["province_code"] == record["province_code"]]
    if record["province_code"] and province.empty:
        check.add(sheet, 2, "province_code", "plan_unknown_province", record["province_code"])
    elif start is not None and not province.empty:
        first, last = province.iloc[0]["valid_from"], province.iloc[0]["valid_to"]
        if (pd.notna(first) and start < first) or (pd.notna(last) and start > last):
            check.add(sheet, 2, "province_code", "plan_province_not_valid", record["province_code"], year=str(start))
    bundled = known_plans[known_plans["plan_id"] == record["plan_id"]]
    if not bundled.empty and bundled.iloc[0]["province_code"] != record["province_code"]:
        check.add(sheet, 2, "province_code", "plan_other_province", record["province_code"], plan=record["plan_id"])
    check.plan = record


def _check_targets(check: PlanCheck, indicators: set[str]) -> None:
    """Check each target row: the plan's id, a catalogue indicator, a named scope, a year in the plan's reach,
    a minimum (and a stretch above it) read by the number grammar, yes or no for approximate."""
    frame = check.parts[TARGETS_FILE]
    sheet = PARTS[TARGETS_FILE][1][0]
    missing = [column for column in TARGET_COLUMNS if column not in frame.columns]
    for column in missing:
        check.add(sheet, 1, column, "missing_column")
    if missing:
        return
    scopes = {key.split(".", 1)[1] for key in messages(LANGUAGES[0]) if key.startswith("scope.")}
    first = int(check.plan.get("period_start") or FIRST_YEAR) if check.plan.get("period_start", "").isdigit() else 0
    ends = [check.plan.get(name, "") for name in ("period_end", "vision_year")]
    last = max((int(year) for year in ends if year.isdigit()), default=LAST_YEAR)
    seen = set()
    for row, record in enumerate(frame.to_dict("records"), start=2):
        if record["plan_id"].strip() != check.plan.get("plan_id", record["plan_id"].strip()):
            check.add(sheet, row, "plan_id", "plan_other_plan", record["plan_id"], plan=check.plan.get("plan_id", ""))
        if record["indicator"].strip() not in indicators:
            check.add(sheet, row, "indicator", "plan_unknown_indicator", record["indicator"])
        if record["scope"].strip() not in scopes:
            check.add(sheet, row, "scope", "not_allowed", record["scope"], allowed=", ".join(sorted(scopes)))
        year = _year(check, sheet, row, "target_year", record["target_year"])
        if year is not None and first and not first <= year <= last:
            check.add(sheet, row, "target_year", "plan_year_outside", str(year), first=str(first), last=str(last))
        minimum = _target_number(check, sheet, row, "target_min", record["target_min"], required=True)
        stretch = _target_number(check, sheet, row, "target_stretch", record["target_stretch"], required=False)
        if minimum is not None and stretch is not None and stretch <= minimum:
            check.add(sheet, row, "target_stretch", "stretch_not_above", record["target_stretch"], minimum=str(minimum))
        if not record["text_vi"].strip():
            check.add(sheet, row, "text_vi", "required")
        if record["approximate"].strip().lower() not in ("yes", "no"):
            check.add(sheet, row, "approximate", "not_allowed", record["approximate"], allowed="yes, no")
        key = (record["indicator"].strip(), record["scope"].strip(), record["target_year"].strip())
        if key in seen:
            check.add(sheet, row, "indicator", "plan_target_twice", " / ".join(key))
        seen.add(key)


def _target_number(check: PlanCheck, sheet: str, row: int, column: str, text: str, required: bool) -> float | None:
    """Return a target's value read by the one number grammar (a share as typed: 70, 70% or 70,5), recording a
    blank where one is required, a refused reading and a negative value."""
    text = text.strip()
    if not text:
        if required:
            check.add(sheet, row, column, "required")
        return None
    reading = read_number(text, SHARE)
    if reading.value is None:
        check.add(sheet, row, column, reading.code or "not_a_number", text, **reading.params)
        return None
    if reading.value < 0:
        check.add(sheet, row, column, "negative", text)
        return None
    return float(reading.value)


def check_plan_file(
    content: bytes,
    file_name: str,
    provinces: pd.DataFrame,
    known_plans: pd.DataFrame,
    indicators: set[str],
    known_agencies: pd.DataFrame,
) -> PlanCheck:
    """Return the plan file read and checked: the plan row, its targets, and its tasks, outputs and new
    agencies by the task register's own checks (agencies already listed are known, and listed again an error)."""
    check = read_plan_file(content, file_name)
    if check.problems:
        return check
    _check_plan_row(check, provinces, known_plans)
    plan_id = check.plan.get("plan_id", "")
    _check_targets(check, indicators)
    new_agencies = check.parts.get(AGENCIES, pd.DataFrame(columns=list(AGENCY_COLUMNS)))
    frames = {
        AGENCIES: pd.concat([known_agencies, new_agencies], ignore_index=True).fillna(""),
        TASKS: check.parts[TASKS],
        OUTPUTS: check.parts[OUTPUTS],
    }
    register, problems = read_register(frames, {plan_id}, indicators)
    shift = len(known_agencies)
    for problem in problems:
        sheet = PARTS[problem.file][1][0]
        row = problem.row - shift if problem.file == AGENCIES and problem.row > 1 else problem.row
        check.problems.append(RegisterProblem(sheet, row, problem.column, problem.code, problem.value, problem.params))
    check.task_count = len(register.of_plan(plan_id))
    if not check.task_count and TASKS in check.parts:
        check.add(PARTS[TASKS][1][0], 2, "number", "plan_no_tasks")
    return check


def check_against_store(check: PlanCheck, store: Store) -> PlanCheck:
    """Record a problem when the same file is already the plan's stored version (undone ones aside)."""
    for report in version_reports(store, PLANS):
        if report["sha256"] == check.sha256 and not report.get("undone_at"):
            check.add(FILE_PART, 0, "", "plan_same_file", check.file_name, version=report["version_id"])
    return check


def store_plan(store: Store, check: PlanCheck, content: bytes, imported_by: str) -> str:
    """Store a checked plan as a new version (its parts and the original file) in one transaction and return
    its id; a plan with problems is never stored."""
    if not check.ok:
        raise ValueError("a plan file with problems is not stored")
    stamp, imported_at = now_stamp()
    version_id = f"{check.plan['plan_id']}-{stamp}-{check.sha256[:8]}"
    report = {
        **check.to_json(),
        "version_id": version_id,
        "plan": check.plan,
        "imported_by": imported_by,
        "imported_at": imported_at,
        "valid_from": int(check.plan["period_start"]),
        "valid_to": int(check.plan["period_end"]),
    }
    payload = {part: frame.to_dict("records") for part, frame in check.parts.items() if part != PLANS_FILE} | {
        "original": base64.b64encode(content).decode("ascii")
    }
    add_version(store, ImportedVersion.from_report(PLANS, report, json.dumps(payload, ensure_ascii=False)))
    return version_id


def undo_plan(store: Store, version_id: str, by: str) -> None:
    """Undo a stored plan version: the plan it replaced (or none) governs again from the next rerun."""
    undo_version(store, PLANS, version_id, by)


def imported_plan_parts(store: Store) -> list[tuple[dict, dict[str, pd.DataFrame]]]:
    """Return the newest live (not undone) version of each imported plan: its report and its parts as text."""
    newest: dict[str, dict] = {}
    for report in version_reports(store, PLANS):
        if not report.get("undone_at"):
            newest[report["plan"]["plan_id"]] = report
    payloads = version_payloads(store, PLANS, [report["version_id"] for report in newest.values()])
    found = []
    for report in newest.values():
        payload = json.loads(payloads[report["version_id"]])
        parts = {part: pd.DataFrame(rows, dtype=str) for part, rows in payload.items() if part != "original"}
        parts[PLANS_FILE] = pd.DataFrame([report["plan"]], dtype=str)
        found.append((report, parts))
    return found


@dataclass(frozen=True)
class Programme:
    """The plans, their targets and the task register: the bundled ones, with each imported plan's newest
    standing version in place of a plan of the same id or beside them."""

    plans: pd.DataFrame
    targets: pd.DataFrame
    register: TaskRegister


def programme(store: Store | None, folder: Path = INDICATORS) -> Programme:
    """Return the programme from the bundled files and the plans imported into the store."""
    plans = pd.read_csv(folder / PLANS_FILE, dtype=str, keep_default_na=False)
    targets, frames = read_targets_text(folder), register_frames(folder)
    for _, parts in imported_plan_parts(store) if store is not None else []:
        plan_id = parts[PLANS_FILE].iloc[0]["plan_id"]
        plans = pd.concat([plans[plans["plan_id"] != plan_id], parts[PLANS_FILE]], ignore_index=True)
        targets = _replaced(targets, parts.get(TARGETS_FILE), plan_id)
        frames[TASKS] = _replaced(frames[TASKS], parts.get(TASKS), plan_id)
        frames[OUTPUTS] = _replaced(frames[OUTPUTS], parts.get(OUTPUTS), plan_id)
        added = parts.get(AGENCIES)
        if added is not None and not added.empty:
            known = set(frames[AGENCIES]["code"])
            frames[AGENCIES] = pd.concat([frames[AGENCIES], added[~added["code"].isin(known)]], ignore_index=True)
    indicators = set(pd.read_csv(folder / "catalogue.csv", dtype=str, keep_default_na=False)["indicator"])
    register, problems = read_register(frames, set(plans["plan_id"]), indicators)
    if problems:
        raise RegisterError(problems)
    return Programme(plans_from(plans), targets_from(targets, register), register)


def _replaced(frame: pd.DataFrame, imported: pd.DataFrame | None, plan_id: str) -> pd.DataFrame:
    """Return a part's rows with a plan's rows replaced by the imported ones."""
    kept = frame[frame["plan_id"] != plan_id]
    return kept if imported is None else pd.concat([kept, imported], ignore_index=True).fillna("")


def agency_frame(register: TaskRegister) -> pd.DataFrame:
    """Return the register's agencies in the columns of agencies.csv, as text."""
    rows = [
        {"code": a.code, "name_vi": a.name_vi, "name_en": a.name_en, "kind": a.kind, "aliases_vi": ";".join(a.aliases)}
        for a in register.agencies.values()
    ]
    return pd.DataFrame(rows, columns=list(AGENCY_COLUMNS), dtype=str)


def plan_template() -> dict[str, pd.DataFrame]:
    """Return the sheets of a plan template: each part's columns, with the bundled Phú Thọ plan as the example."""
    example = "phu-tho"
    sheets = {}
    for part, (columns, names) in PARTS.items():
        frame = pd.read_csv(INDICATORS / part, dtype=str, keep_default_na=False)
        frame = frame[frame["plan_id"] == example] if "plan_id" in frame.columns else frame.iloc[0:0]
        sheets[names[0]] = frame[list(columns)]
    return sheets


def check_plan_upload(content: bytes, file_name: str, store: Store) -> PlanCheck:
    """Return a plan file checked against the provinces, the catalogue, the programme as loaded now (its plans
    and agencies) and the versions already stored."""
    current = programme(store)
    indicators = set(load_catalogue().index)
    known = agency_frame(current.register)
    check = check_plan_file(content, file_name, load_provinces(), current.plans, indicators, known)
    return check_against_store(check, store) if check.ok else check


def plan_versions(store: Store) -> pd.DataFrame:
    """Return every stored plan version, newest first: id, plan, province, period, counts, who and when, undo."""
    rows = [
        {
            "version_id": report["version_id"],
            "plan_id": report["plan"]["plan_id"],
            "province_code": report["plan"]["province_code"],
            "period": f"{report['plan']['period_start']}-{report['plan']['period_end']}",
            "targets": report["targets"],
            "tasks": report["tasks"],
            "file": report["file"],
            "imported_by": report["imported_by"],
            "imported_at": report["imported_at"],
            "undone_by": report.get("undone_by", ""),
            "undone_at": report.get("undone_at", ""),
        }
        for report in version_reports(store, PLANS)
    ]
    return pd.DataFrame(rows, columns=list(VERSION_COLUMNS)).iloc[::-1].reset_index(drop=True)
