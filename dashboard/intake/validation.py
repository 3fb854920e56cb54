"""Checking an uploaded table: values parsed the way Vietnamese spreadsheets write them, units matched by code
or name, ranges and cross-field rules (pandera), plan years, duplicates and conflicts, and jump warnings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np
import pandas as pd
import pandera.pandas as pa

from dashboard.core.numbers import (
    AMOUNT,
    COORDINATE,
    COUNT,
    SHARE,
    YEAR,
    file_writing,
    plain,
    plain_numbers,
    read_number,
)
from dashboard.core.tasks import TaskRegister, task_status_of
from dashboard.geography.levels import LAYER_LEVELS
from dashboard.geography.names import AMBIGUOUS, Candidate, closest_names, match_name
from dashboard.geography.reform import load_reform
from dashboard.geography.units import full_name
from dashboard.intake.labels import row_label
from dashboard.intake.problems import WARNING, Problem
from dashboard.intake.reading import ROW
from dashboard.intake.tables import UNIT_CODE, UNIT_NAME, TableSpec
from dashboard.intake.unit_levels import level_candidates, match_at_level, wrong_level, year_level

YES_WORDS = {"có", "co", "yes", "y", "1", "true", "x", "đã", "rồi"}
NO_WORDS = {"không", "khong", "no", "n", "0", "false", "chưa"}
NUMBER_KINDS = {"year": YEAR, "count": COUNT, "amount": AMOUNT, "latitude": COORDINATE, "longitude": COORDINATE}
RANGES = {"latitude": (8, 24), "longitude": (102, 110)}
MEASURE_KINDS = {
    "share": SHARE,
    "reduction": SHARE,
    "amount": AMOUNT,
    "count": COUNT,
    "cumulative_count": COUNT,
    "milestone": COUNT,
}
CHECKED_TYPES = {*NUMBER_KINDS, "yes_no", "choice", "task_status"}
UNIT_COLUMNS = ["zone_code", "zone_name", UNIT_CODE, UNIT_NAME]
SUGGESTIONS = 3


@dataclass(frozen=True)
class Reference:
    """What uploaded rows are checked against: units of both levels (districts to 2025, communes from 2026), zones,
    plan periods, the catalogue and the task register."""

    units: pd.DataFrame
    zones: pd.DataFrame
    plans: pd.DataFrame
    catalogue: pd.DataFrame
    tasks: TaskRegister | None = None

    @cached_property
    def unit_candidates(self) -> dict[str, list[Candidate]]:
        """Return the units of each level as name-matching candidates (communes of the plans' provinces only),
        built once per reference."""
        provinces = set(self.plans["province_code"])
        return {level: level_candidates(self.units, provinces, level) for level in LAYER_LEVELS}

    @cached_property
    def zones_by_code(self) -> pd.DataFrame:
        """Return the zones indexed by their code, built once per reference."""
        return self.zones.set_index("zone_code")

    @cached_property
    def zone_candidates(self) -> list[Candidate]:
        """Return every zone as a name-matching candidate, built once per reference."""
        return [Candidate(zone.zone_code, zone.kind, zone.name) for zone in self.zones.itertuples()]


@dataclass(frozen=True)
class Checked:
    """Rows in canonical text (codes resolved, numbers written plainly), and every problem found."""

    rows: pd.DataFrame
    problems: list[Problem]


def _number_texts(spec: TableSpec, frame: pd.DataFrame) -> set[str]:
    """Return every distinct text of the file's number columns, from which its way of writing numbers is found."""
    columns = [column.name for column in spec.columns if column.type in {*NUMBER_KINDS, "measure"}]
    return {cell for column in columns if column in frame for cell in frame[column].unique()}


def _placed(frame: pd.DataFrame, cells: pd.Series, found: dict[str, Problem], column: str) -> list[Problem]:
    """Return each problem found for a distinct cell text at every row holding that text."""
    if not found:
        return []
    failing = frame.loc[cells.isin(list(found)), ROW]
    return [
        Problem(
            found[cells[index]].code,
            int(row),
            column,
            cells[index],
            found[cells[index]].severity,
            found[cells[index]].params,
        )
        for index, row in failing.items()
    ]


def _parsed(spec: TableSpec, frame: pd.DataFrame, writing: str) -> tuple[pd.DataFrame, pd.DataFrame, list[Problem]]:
    """Return the rows in canonical text, their numbers (NaN where unreadable) and the reading problems; each
    distinct text of a column is read once, the way the file writes numbers (VI, EN or '')."""
    text = frame.copy()
    numbers = pd.DataFrame(index=frame.index)
    problems = []
    for column in spec.columns:
        if column.name not in frame:
            text[column.name] = ""
            continue
        cells = frame[column.name]
        if column.type not in CHECKED_TYPES:
            if column.required:
                problems += _placed(frame, cells, {"": Problem("required_value")}, column.name)
            continue
        distinct = pd.Series(cells.unique(), dtype=object)
        if column.type in NUMBER_KINDS:
            fast = plain_numbers(distinct, NUMBER_KINDS[column.type])
        else:
            fast = pd.Series([None] * len(distinct), index=distinct.index, dtype=object)
        read = {cell: (value, None) for cell, value in zip(distinct, fast, strict=True) if isinstance(value, str)}
        read |= {cell: ("", Problem("negative_amount")) for cell, (value, _) in read.items() if value.startswith("-")}
        read |= {cell: _cell(column.type, column.choices, cell, writing) for cell in distinct[fast.isna()]}
        found = {cell: problem for cell, (_, problem) in read.items() if problem}
        if column.required and "" in read:
            found[""] = Problem("required_value")
        problems += _placed(frame, cells, found, column.name)
        text[column.name] = cells.map({cell: value for cell, (value, _) in read.items()})
        if column.type in NUMBER_KINDS:
            numbers[column.name] = pd.to_numeric(text[column.name].replace("", None))
    return text, numbers, problems


def _cell(kind: str, choices: tuple[str, ...], cell: str, writing: str) -> tuple[str, Problem | None]:
    """Return a cell in canonical text, or '' with the problem that stops reading it; numbers are read the
    way the file writes them (writing: VI, EN or '' when the file does not say)."""
    if cell == "":
        return "", None
    if kind in NUMBER_KINDS:
        reading = read_number(cell, NUMBER_KINDS[kind], writing)
        if kind == "year" and (
            reading.code == "not_whole" or (reading.value is not None and not 1900 <= reading.value <= 2100)
        ):
            return "", Problem("not_a_year")
        if reading.code:
            return "", Problem(reading.code, params=reading.params)
        if kind == "count" and reading.value < 0:
            return "", Problem("negative")
        if kind == "amount" and reading.value < 0:
            return "", Problem("negative_amount")
        return plain(reading.value), None
    if kind == "yes_no":
        word = cell.casefold()
        if word in YES_WORDS | NO_WORDS:
            return ("có" if word in YES_WORDS else "không"), None
        return "", Problem("not_yes_no")
    if kind == "task_status":
        code = task_status_of(cell)
        return (code, None) if code else ("", Problem("not_a_task_status"))
    if kind == "choice":
        chosen = [choice for choice in choices if choice.casefold() == cell.casefold()]
        return (chosen[0], None) if chosen else ("", Problem("not_a_choice", params={"choices": ", ".join(choices)}))
    return cell, None


def _schema(spec: TableSpec) -> pa.DataFrameSchema:
    """Return the pandera schema of a table's numbers: coordinate ranges and at-most rules (counts are checked
    whole and not negative, exactly, as they are read)."""
    columns = {}
    for column in spec.columns:
        if column.type in RANGES:
            low, high = RANGES[column.type]
            checks = [pa.Check(lambda values, low=low, high=high: values.between(low, high), name="out_of_range")]
        else:
            continue
        columns[column.name] = pa.Column(float, checks=checks, nullable=True, required=False)
    frame_checks = [
        pa.Check(
            lambda frame, small=column.name, large=column.at_most: ~(frame[small] > frame[large]),
            name=f"exceeds:{column.name}:{column.at_most}",
        )
        for column in spec.columns
        if column.at_most
    ]
    return pa.DataFrameSchema(columns, checks=frame_checks)


def _range_problems(spec: TableSpec, numbers: pd.DataFrame, frame: pd.DataFrame) -> list[Problem]:
    """Return the problems pandera finds in the numbers, each placed at its row and column with the values as
    typed in the file (frame)."""
    try:
        _schema(spec).validate(numbers.astype(float), lazy=True)
    except pa.errors.SchemaErrors as failed:
        problems = []
        for case in failed.failure_cases.itertuples():
            if case.index is None or pd.isna(case.index):
                continue
            row = int(frame.at[case.index, ROW])
            check = str(case.check)
            if check.startswith("exceeds:"):
                _, small, large = check.split(":")
                params = {"other": spec.headers.get(large, large), "other_value": frame.at[case.index, large]}
                problems.append(Problem("exceeds", row, small, frame.at[case.index, small], params=params))
            else:
                column = str(case.column)
                params = dict(zip(("low", "high"), RANGES.get(column, ()), strict=False))
                problems.append(Problem(check, row, column, frame.at[case.index, column], params=params))
        distinct = {(problem.code, problem.row, problem.column): problem for problem in problems}
        return list(distinct.values())
    return []


def _candidates(units: pd.DataFrame) -> list[Candidate]:
    """Return one candidate per unit code and type (a unit renamed or retyped over time gives several)."""
    distinct = units.drop_duplicates(["code", "type", "name"])
    return [Candidate(row.code, row.type, row.name) for row in distinct.itertuples()]


def _official_name(units: pd.DataFrame, code: str, year: str) -> str:
    """Return a unit's official name with its type, as valid in the year (its latest name when the year is not
    known or it did not exist then)."""
    versions = units[units["code"] == code]
    if year:
        valid = versions[(versions["valid_from"] <= int(year)) & (versions["valid_to"] >= int(year))]
        versions = valid if not valid.empty else versions
    latest = versions.iloc[-1]
    return full_name(latest["type"], latest["name"], "vi")


def _suggestions(name: str, year: str, reference: Reference, province: str) -> str:
    """Return the units of the year's level closest to a name that matched none, each once: the file's province's
    closest first, then the closest one elsewhere (a row of a neighbouring province, a file for another one)."""
    level = year_level(year) or "district"
    candidates = reference.unit_candidates[level]
    units = reference.units
    inside = level_candidates(units[units["province_code"] == province], {province}, level) if province else []
    if not inside:
        return "; ".join(closest_names(name, candidates, SUGGESTIONS))
    outside = [candidate for candidate in candidates if candidate not in inside]
    return "; ".join([*closest_names(name, inside, SUGGESTIONS), *closest_names(name, outside, 1)])


def _resolve_unit(
    code: str, name: str, year: str, reference: Reference, province: str = ""
) -> tuple[str, Problem | None]:
    """Return the unit code a row means by its code or, failing that, its name through the normaliser, looked for
    among the units of the level its year is reported by (a name matching several is never guessed)."""
    units = reference.units
    if code:
        known = units[units["code"] == code]
        if known.empty:
            return "", Problem("unknown_code", 0, UNIT_CODE, code)
        if name and code not in match_name(name, _candidates(known), allow_unaccented=False).codes:
            official = full_name(known.iloc[-1]["type"], known.iloc[-1]["name"], "vi")
            return "", Problem("code_name_mismatch", 0, UNIT_NAME, name, params={"code": code, "name": official})
        return code, None
    if not name:
        return "", Problem("missing_unit", 0, UNIT_CODE)
    found, _ = match_at_level(name, year_level(year), reference.unit_candidates)
    if found.code:
        return found.code, None
    if found.method == AMBIGUOUS:
        return "", Problem("ambiguous_name", 0, UNIT_NAME, name, params={"candidates": "; ".join(found.closest)})
    suggested = _suggestions(name, year, reference, province)
    return "", Problem("unknown_name", 0, UNIT_NAME, name, params={"candidates": suggested})


def _resolve_zone(code: str, name: str, row: int, reference: Reference) -> tuple[str, Problem | None]:
    """Return the zone code a row means by its code or by its name through the normaliser."""
    zones = reference.zones
    if code:
        known = zones[zones["zone_code"].str.casefold() == code.casefold()]
        if known.empty:
            return "", Problem("unknown_zone", row, "zone_code", code)
        return known.iloc[0]["zone_code"], None
    if not name:
        return "", None
    found = match_name(name, reference.zone_candidates, allow_unaccented=False)
    if found.code:
        return found.code, None
    kind = "ambiguous_name" if found.method == AMBIGUOUS else "unknown_zone_name"
    return "", Problem(kind, row, "zone_name", name, params={"candidates": "; ".join(found.closest)})


def _distinct(frame: pd.DataFrame, columns: list[str]) -> tuple[list[dict[str, str]], dict[int, np.ndarray]]:
    """Return the distinct combinations of the columns' values, in order of first appearance, and the positions
    of the rows holding each, so that work done per combination is done once however many rows repeat it."""
    if frame.empty:
        return [], {}
    groups = frame.groupby(columns, sort=False).ngroup().to_numpy()
    positions = pd.Series(np.arange(len(frame))).groupby(groups).indices
    return frame.drop_duplicates(columns)[columns].to_dict("records"), positions


def _resolve_units(
    record: dict[str, str], names: set[str], reference: Reference, province: str
) -> tuple[dict[str, str], list[Problem]]:
    """Return the unit cells of one combination of unit columns and year filled in (codes found, names replaced
    by the official ones, so a spelling variant is never stored), and the problems, at row 0 for the caller."""
    zones = reference.zones_by_code
    problems = []
    filled = {}
    unit, zone = "", ""
    by_district = year_level(record.get("year", "")) != "commune"
    if "zone_code" in names:
        zone, problem = _resolve_zone(record["zone_code"], record.get("zone_name", ""), 0, reference)
        problems += [problem] if problem else []
        if not zone and not problem and UNIT_CODE not in names:
            problems.append(Problem("missing_unit", 0, "zone_code"))
    if UNIT_CODE in names:
        if zone and not record[UNIT_CODE] and not record.get(UNIT_NAME):
            unit = zones.at[zone, "district_code"] if by_district else ""
        elif record[UNIT_CODE] or UNIT_NAME in names or not zone:
            unit, problem = _resolve_unit(
                record[UNIT_CODE], record.get(UNIT_NAME, ""), record.get("year", ""), reference, province
            )
            problems += [problem] if problem else []
        if zone and unit and by_district and zones.at[zone, "district_code"] != unit:
            params = {"zone": zone, "district": zones.at[zone, "district_code"]}
            problems.append(Problem("zone_district_mismatch", 0, UNIT_CODE, unit, params=params))
    if unit:
        filled[UNIT_CODE] = unit
        if UNIT_NAME in names:
            filled[UNIT_NAME] = _official_name(reference.units, unit, record.get("year", ""))
    if zone:
        filled["zone_code"] = zone
        if "zone_name" in names:
            filled["zone_name"] = zones.at[zone, "name"]
    return filled, problems


def _per_combination(
    text: pd.DataFrame, columns: list[str], work: Callable[[dict[str, str]], tuple[dict[str, str], list[Problem]]]
) -> tuple[pd.DataFrame, list[Problem]]:
    """Return the rows with the cells work fills in for each distinct combination of the columns, and the
    problems work finds for a combination placed at every row holding it."""
    combinations, positions = _distinct(text, columns)
    rows = text[ROW].to_numpy()
    cells: dict[str, np.ndarray] = {}
    problems = []
    for group, record in enumerate(combinations):
        filled, found = work(record)
        where = positions[group]
        for column, value in filled.items():
            cells.setdefault(column, text[column].to_numpy(dtype=object).copy())[where] = value
        problems += [replace(problem, row=int(row)) for problem in found for row in rows[where]]
    text = text.copy()
    for column, values in cells.items():
        text[column] = values
    return text, problems


def file_province(text: pd.DataFrame, reference: Reference) -> str:
    """Return the province most of a file's known unit codes (districts, zones) belong to, '' when none is known."""
    province_of = dict(zip(reference.units["code"], reference.units["province_code"], strict=False))
    province_of |= dict(zip(reference.zones["zone_code"], reference.zones["province_code"], strict=True))
    cells = [text[column] for column in (UNIT_CODE, "zone_code") if column in text]
    found = pd.concat(cells).map(province_of).dropna() if cells else pd.Series(dtype=object)
    return str(found.mode().iloc[0]) if len(found) else ""


def _resolved(
    spec: TableSpec, text: pd.DataFrame, reference: Reference, province: str
) -> tuple[pd.DataFrame, list[Problem]]:
    """Return the rows with unit codes filled in and official names in the name columns, and the unit problems;
    names that match no unit are answered with the closest units of the province (given, or the file's)."""
    names = set(spec.column_names)
    columns = [column for column in UNIT_COLUMNS if column in names]
    if not columns:
        return text, []
    if "year" in names:
        columns.append("year")
    province = province or file_province(text, reference)
    return _per_combination(text, columns, lambda record: _resolve_units(record, names, reference, province))


def _plan_years(plans: pd.DataFrame) -> dict[str, tuple[int, int, dict[str, object]]]:
    """Return each province's plan years (from its baseline year to its last target, vision or reporting year: the
    programme runs to 2030 and a merged province reports under its old plans until it issues its own) and how a
    message names the plan: its document and its own period."""
    years = {}
    for plan in plans.to_dict("records"):
        ends = (plan["period_end"], plan["vision_year"], plan.get("reporting_to", ""))
        last = max(int(float(end)) for end in ends if str(end))
        named = {"plan": plan["document"], "period": f"{plan['period_start']}–{plan['period_end']}"}
        years[plan["province_code"]] = (int(plan["baseline_year"] or plan["period_start"]), last, named)
    return years


def _year_problems(text: pd.DataFrame, reference: Reference, unresolved: set[int]) -> list[Problem]:
    """Return rows whose year is outside their province's plan years, whose unit is of the other level than the
    year is reported by (a district in 2026, a commune in 2025), or whose unit did not exist then."""
    units = reference.units
    named = units[units["code"].isin(set(text[UNIT_CODE]))] if UNIT_CODE in text else units.iloc[0:0]
    versions_of = {code: versions for code, versions in named.groupby("code")}
    province_of = dict(zip(named["code"], named["province_code"], strict=False))
    province_of |= dict(zip(reference.zones["zone_code"], reference.zones["province_code"], strict=True))
    reform = load_reform()
    merged_into = dict(zip(reform["old_province_code"], reform["new_province_code"], strict=True))
    province_of_plan = dict(zip(reference.plans["plan_id"], reference.plans["province_code"], strict=True))
    plan_years = _plan_years(reference.plans)

    def year_problems(record: dict[str, str]) -> tuple[dict[str, str], list[Problem]]:
        problems = []
        year = int(record["year"])
        code = record.get(UNIT_CODE)
        province = (
            record.get("province_code")
            or province_of_plan.get(record.get("plan_id", ""))
            or province_of[code or record["zone_code"]]
        )
        if year_level(record["year"]) == "commune":
            province = merged_into.get(province, province)
        unknown = (0, 0, {"plan": "", "period": ""})
        first, last, named = plan_years.get(province, plan_years.get(merged_into.get(province), unknown))
        if not first <= year <= last:
            params = {"start": first, "end": last, **named}
            problems.append(Problem("year_outside_plan", 0, "year", record["year"], params=params))
        versions = versions_of.get(code)
        if not code:
            return {}, problems
        level_problem = wrong_level(versions, year, UNIT_CODE, units)
        if level_problem:
            problems.append(level_problem)
        elif not ((versions["valid_from"] <= year) & (versions["valid_to"] >= year)).any():
            params = {"name": versions.iloc[-1]["name"], "years": _validity(versions)}
            problems.append(Problem("unit_not_valid", 0, UNIT_CODE, code, params=params))
        return {}, problems

    checked = text[~text[ROW].isin(unresolved) & (text["year"] != "")]
    columns = [column for column in ("year", UNIT_CODE, "zone_code", "province_code", "plan_id") if column in text]
    return _per_combination(checked, columns, year_problems)[1]


def _validity(versions: pd.DataFrame) -> str:
    """Return the years a unit existed, as 'to 2019' or '2020–2025'."""
    start, end = int(versions["valid_from"].min()), int(versions["valid_to"].max())
    return f"{start if start > 0 else '…'}–{end if end < 9999 else '…'}"


def _duplicate_problems(spec: TableSpec, text: pd.DataFrame) -> list[Problem]:
    """Return rows repeating an earlier row (duplicate), or giving the same key another value (conflict), each
    compared with the first row of its key, all at once."""
    keys = list(spec.key)
    values = [column for column in spec.column_names if column not in spec.key]
    repeated = text[text.duplicated(keys, keep=False)]
    if repeated.empty:
        return []
    first = repeated.groupby(keys, sort=False)[[ROW, *values]].transform("first")
    later = repeated.duplicated(keys, keep="first").to_numpy()
    same = (repeated[values] == first[values]).all(axis=1).to_numpy()[later]
    described = [row_label(spec.name, record, "vi") for record in repeated[later].to_dict("records")]
    rows, first_rows = repeated[ROW].to_numpy()[later], first[ROW].to_numpy()[later]
    return [
        Problem(
            "duplicate_row" if duplicate else "conflicting_rows", int(row), None, key, params={"first_row": int(of)}
        )
        for duplicate, row, key, of in zip(same, rows, described, first_rows, strict=True)
    ]


def _shares(spec: TableSpec, rows: pd.DataFrame, is_share: Callable[[dict[str, str]], bool]) -> dict[tuple, float]:
    """Return each row's share in percent by its key: numerator over denominator, or the value itself when the
    table has no denominator (a province-level share, written in percent)."""
    numerator, denominator = spec.jump_numerator, spec.jump_denominator
    shares = {}
    for record in rows.to_dict("records"):
        if record[numerator] == "" or (denominator and record[denominator] == "") or not is_share(record):
            continue
        key = (*(record[column] for column in spec.key if column != "year"), int(float(record["year"])))
        if not denominator:
            shares[key] = float(record[numerator])
        elif float(record[denominator]) > 0:
            shares[key] = float(record[numerator]) * 100 / float(record[denominator])
    return shares


def _jump_warnings(
    spec: TableSpec,
    text: pd.DataFrame,
    typed: pd.DataFrame,
    current: pd.DataFrame,
    is_share: Callable[[dict[str, str]], bool],
) -> list[Problem]:
    """Return a warning per row whose share rose or fell more than the table's set amount from the previous
    year (district shares and province-level shares alike), echoing the value as typed."""
    if not spec.jump_warning_points:
        return []
    known = pd.concat([current.astype(str), text.astype(str)], ignore_index=True)
    known = known.drop_duplicates([*spec.key], keep="last")
    shares = _shares(spec, known, is_share)
    typed_values = dict(zip(typed[ROW], typed[spec.jump_numerator], strict=True))
    problems = []
    for record in text.to_dict("records"):
        if not record["year"] or any(not record[column] for column in spec.key if column in UNIT_COLUMNS):
            continue
        unit = tuple(record[column] for column in spec.key if column != "year")
        year = int(record["year"])
        now, before = shares.get((*unit, year)), shares.get((*unit, year - 1))
        if now is None or before is None or abs(now - before) <= spec.jump_warning_points:
            continue
        params = {"before": round(before, 1), "now": round(now, 1), "year": year - 1}
        params["limit"] = spec.jump_warning_points
        wording = "rise" if now > before else "fall"
        value = typed_values[record[ROW]]
        problems.append(
            Problem("share_jump", record[ROW], spec.jump_numerator, value, WARNING, params, wording=wording)
        )
    return problems


def parse_measure(text: str, kind: str, writing: str = "") -> tuple[str, Problem | None]:
    """Return a province value as plain text, or the problem: a share is in percent (85 or 85%; 0,85 is refused
    as ambiguous), a count is whole, nothing is negative, and only a share may carry a % sign."""
    percent = text.endswith("%")
    reading = read_number(text.removesuffix("%").strip(), MEASURE_KINDS.get(kind, AMOUNT), writing)
    if reading.code:
        return "", Problem(reading.code, params=reading.params)
    number = reading.value
    code = None
    if percent and kind != "share":
        code = "percent_not_share"
    elif number < 0:
        code = "negative"
    elif kind == "share" and not percent and 0 < number <= 1:
        code = "ambiguous_share"
    elif kind == "share" and number > 100:
        code = "share_over_100"
    elif kind == "milestone" and number not in (0, 1):
        code = "milestone_not_0_or_1"
    return ("", Problem(code)) if code else (plain(number), None)


def _province_value_problems(
    text: pd.DataFrame, reference: Reference, writing: str
) -> tuple[pd.DataFrame, list[Problem]]:
    """Return province-level rows with values in plain text, and problems with province, indicator, breakdown
    (an indicator broken down by task takes the number of a task of the province's plan) or value."""
    provinces = set(reference.plans["province_code"])
    catalogue = reference.catalogue
    allowed = list(catalogue.index[catalogue["source_table"] == "province_values"])
    plan_of = dict(zip(reference.plans["province_code"], reference.plans["plan_id"], strict=True))

    def value_problems(record: dict[str, str]) -> tuple[dict[str, str], list[Problem]]:
        problems = []
        if record["province_code"] and record["province_code"] not in provinces:
            problems.append(Problem("unknown_province", 0, "province_code", record["province_code"]))
        if record["indicator"] and record["indicator"] not in allowed:
            params = {"choices": ", ".join(allowed)}
            problems.append(Problem("unknown_indicator", 0, "indicator", record["indicator"], params=params))
            return {}, problems
        if not record["indicator"] or not record["value"]:
            return {}, problems
        if catalogue.loc[record["indicator"], "breakdown"] == "task" and record["province_code"] in plan_of:
            problems += _task_problems(record["breakdown"], plan_of[record["province_code"]], reference.tasks)
        value, problem = parse_measure(record["value"], catalogue.loc[record["indicator"], "kind"], writing)
        if problem:
            problems.append(Problem(problem.code, 0, "value", record["value"], params=problem.params))
        return {"value": value}, problems

    return _per_combination(text, ["province_code", "indicator", "breakdown", "value"], value_problems)


def _task_problems(breakdown: str, plan_id: str, tasks: TaskRegister | None) -> list[Problem]:
    """Return the problem of a breakdown that is not the number of a task of the plan (none without a register)."""
    numbers = [] if tasks is None else [task.number for task in tasks.of_plan(plan_id)]
    if tasks is None or breakdown.strip() in numbers:
        return []
    return [Problem("unknown_task", 0, "breakdown", breakdown, params={"tasks": ", ".join(numbers)})]


def _share_rule(spec: TableSpec, reference: Reference) -> Callable[[dict[str, str]], bool]:
    """Return which rows hold a share: every row of a district table, a province-level row of a share indicator."""
    if "indicator" not in spec.column_names:
        return lambda record: True
    shares = set(reference.catalogue.index[reference.catalogue["kind"] == "share"])
    return lambda record: record["indicator"] in shares


def _plan_task_problems(text: pd.DataFrame, reference: Reference) -> list[Problem]:
    """Return rows naming a plan that is not in plans.csv, or a task its plan's appendix does not list (with the
    plan's task numbers; tasks are not checked against a reference without a register)."""
    plans = set(reference.plans["plan_id"])
    register = reference.tasks

    def task_problems(record: dict[str, str]) -> tuple[dict[str, str], list[Problem]]:
        plan, task = record["plan_id"], record["task"]
        if plan not in plans:
            return {}, [Problem("unknown_plan", 0, "plan_id", plan, params={"choices": ", ".join(sorted(plans))})]
        numbers = [found.number for found in register.of_plan(plan)] if register else [task]
        if task and task not in numbers:
            params = {"plan": plan, "choices": ", ".join(numbers)}
            return {}, [Problem("unknown_plan_task", 0, "task", task, params=params)]
        return {}, []

    return _per_combination(text, ["plan_id", "task"], task_problems)[1]


def check_rows(
    spec: TableSpec, frame: pd.DataFrame, reference: Reference, current: pd.DataFrame, province: str = ""
) -> Checked:
    """Return the rows of a read file checked against the table's contract, the units and the current store;
    names that match no unit are answered with units of the province (given, else the file's) first."""
    writing = file_writing(_number_texts(spec, frame))
    text, numbers, problems = _parsed(spec, frame, writing)
    problems += _range_problems(spec, numbers, frame)
    text, unit_problems = _resolved(spec, text, reference, province)
    problems += unit_problems
    if "indicator" in spec.column_names:
        text, value_problems = _province_value_problems(text, reference, writing)
        problems += value_problems
    if "task" in spec.column_names:
        problems += _plan_task_problems(text, reference)
    unresolved = {problem.row for problem in problems if problem.severity != WARNING}
    problems += _year_problems(text, reference, unresolved)
    problems += _duplicate_problems(spec, text[~text[ROW].isin(unresolved)])
    if not [problem for problem in problems if problem.severity != WARNING]:
        columns = [ROW, *spec.column_names]
        problems += _jump_warnings(spec, text[columns], frame, current, _share_rule(spec, reference))
    rows = text[[ROW, *spec.column_names]].reset_index(drop=True)
    return Checked(rows, sorted(problems, key=lambda problem: (problem.row or 0, problem.column or "")))
