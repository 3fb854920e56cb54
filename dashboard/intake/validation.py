"""Checking an uploaded table: values parsed the way Vietnamese spreadsheets write them, units matched by code
or name, ranges and cross-field rules (pandera), plan years, duplicates and conflicts, and jump warnings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cached_property

import pandas as pd
import pandera.pandas as pa

from dashboard.geography.names import AMBIGUOUS, Candidate, match_name
from dashboard.geography.units import full_name
from dashboard.intake.problems import WARNING, Problem
from dashboard.intake.reading import ROW
from dashboard.intake.tables import TableSpec

YES_WORDS = {"có", "co", "yes", "y", "1", "true", "x", "đã", "rồi"}
NO_WORDS = {"không", "khong", "no", "n", "0", "false", "chưa"}
GROUPED_WHOLE = re.compile(r"^\d{1,3}([., \u00a0])\d{3}(\1\d{3})*$")
RANGES = {"latitude": (8, 24), "longitude": (102, 110)}
COUNT_KINDS = {"count", "cumulative_count"}


@dataclass(frozen=True)
class Reference:
    """What uploaded rows are checked against: units, zones and plan periods."""

    units: pd.DataFrame
    zones: pd.DataFrame
    plans: pd.DataFrame
    catalogue: pd.DataFrame

    @cached_property
    def unit_candidates(self) -> list[Candidate]:
        """Return every unit as a name-matching candidate, built once per reference."""
        return _candidates(self.units)

    @cached_property
    def zone_candidates(self) -> list[Candidate]:
        """Return every zone as a name-matching candidate, built once per reference."""
        return [Candidate(zone.zone_code, zone.kind, zone.name) for zone in self.zones.itertuples()]


@dataclass(frozen=True)
class Checked:
    """Rows in canonical text (codes resolved, numbers written plainly), and every problem found."""

    rows: pd.DataFrame
    problems: list[Problem]


def parse_number(text: str, whole: bool) -> Decimal:
    """Return a number written with a decimal comma or point (85,5 or 85.5); a whole number may group
    thousands with '.', ',' or a space (1.234)."""
    text = text.replace("\u00a0", " ").strip()
    if whole and GROUPED_WHOLE.match(text):
        return Decimal(re.sub(r"\D", "", text))
    if "," in text and "." in text:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if decimal_mark == "," else ",", "")
    number = Decimal(text.replace(",", ".").replace(" ", ""))
    if not number.is_finite():
        raise InvalidOperation(text)
    return number


def plain(number: Decimal) -> str:
    """Return a number as plain text without exponent or trailing zeros (100, 21.3227)."""
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "") else text


def _parsed(spec: TableSpec, frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, list[Problem]]:
    """Return the rows in canonical text, their numbers (NaN where unreadable) and the reading problems."""
    text = frame.copy()
    numbers = pd.DataFrame(index=frame.index)
    problems = []
    for column in spec.columns:
        if column.name not in frame:
            text[column.name] = ""
            continue
        values = []
        for index, cell in frame[column.name].items():
            row = frame.at[index, ROW]
            value, problem = _cell(column.type, column.choices, cell)
            if cell == "" and column.required:
                problem = Problem("required_value", row, column.name)
            if problem:
                problems.append(Problem(problem.code, row, column.name, cell, problem.severity, problem.params))
            values.append(value)
        text[column.name] = values
        if column.type in ("year", "count", "latitude", "longitude"):
            numbers[column.name] = pd.to_numeric(pd.Series(values, index=frame.index).replace("", None))
    return text, numbers, problems


def _cell(kind: str, choices: tuple[str, ...], cell: str) -> tuple[str, Problem | None]:
    """Return a cell in canonical text, or '' with the problem that stops reading it."""
    if cell == "":
        return "", None
    if kind in ("year", "count", "latitude", "longitude"):
        try:
            number = parse_number(cell, whole=kind in ("year", "count"))
        except (InvalidOperation, ValueError):
            return "", Problem("not_a_number")
        if kind == "year" and (number != number.to_integral_value() or not 1900 <= number <= 2100):
            return "", Problem("not_a_year")
        return plain(number), None
    if kind == "yes_no":
        word = cell.casefold()
        if word in YES_WORDS | NO_WORDS:
            return ("có" if word in YES_WORDS else "không"), None
        return "", Problem("not_yes_no")
    if kind == "choice":
        chosen = [choice for choice in choices if choice.casefold() == cell.casefold()]
        return (chosen[0], None) if chosen else ("", Problem("not_a_choice", params={"choices": ", ".join(choices)}))
    return cell, None


def _schema(spec: TableSpec) -> pa.DataFrameSchema:
    """Return the pandera schema of a table's numbers: whole non-negative counts, coordinate ranges, at-most rules."""
    columns = {}
    for column in spec.columns:
        if column.type == "count":
            checks = [
                pa.Check(lambda values: values >= 0, element_wise=False, name="negative"),
                pa.Check(lambda values: values == values.round(), element_wise=False, name="not_whole"),
            ]
        elif column.type in RANGES:
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
    """Return the problems pandera finds in the numbers, each placed at its row and column."""
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
                params = {"other": large, "other_value": frame.at[case.index, large]}
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


def _resolve_district(code: str, name: str, row: int, reference: Reference) -> tuple[str, Problem | None]:
    """Return the district code a row means by its code or, failing that, its name through the normaliser."""
    units = reference.units
    if code:
        known = units[units["code"] == code]
        if known.empty:
            return "", Problem("unknown_code", row, "district_code", code)
        if name and code not in match_name(name, _candidates(known), allow_unaccented=False).codes:
            official = full_name(known.iloc[-1]["type"], known.iloc[-1]["name"], "vi")
            return "", Problem(
                "code_name_mismatch", row, "district_name", name, params={"code": code, "name": official}
            )
        return code, None
    if not name:
        return "", Problem("missing_unit", row, "district_code")
    found = match_name(name, reference.unit_candidates, allow_unaccented=False)
    if found.code:
        return found.code, None
    kind = "ambiguous_name" if found.method == AMBIGUOUS else "unknown_name"
    return "", Problem(kind, row, "district_name", name, params={"candidates": "; ".join(found.closest)})


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


def _resolved(spec: TableSpec, text: pd.DataFrame, reference: Reference) -> tuple[pd.DataFrame, list[Problem]]:
    """Return the rows with unit codes filled in and official names for blank names, and the unit problems."""
    names = set(spec.column_names)
    units, zones = reference.units, reference.zones.set_index("zone_code")
    problems = []
    text = text.copy()
    for index, record in text.iterrows():
        row = int(record[ROW])
        district, zone = "", ""
        if "zone_code" in names:
            zone, problem = _resolve_zone(record["zone_code"], record.get("zone_name", ""), row, reference)
            problems += [problem] if problem else []
            if not zone and not problem and "district_code" not in names:
                problems.append(Problem("missing_unit", row, "zone_code"))
        if "district_code" in names:
            if zone and not record["district_code"]:
                district = zones.at[zone, "district_code"]
            elif record["district_code"] or "district_name" in names or not zone:
                district, problem = _resolve_district(
                    record["district_code"], record.get("district_name", ""), row, reference
                )
                problems += [problem] if problem else []
            if zone and district and zones.at[zone, "district_code"] != district:
                params = {"zone": zone, "district": zones.at[zone, "district_code"]}
                problems.append(Problem("zone_district_mismatch", row, "district_code", district, params=params))
        if district:
            text.at[index, "district_code"] = district
            if "district_name" in names and not record["district_name"]:
                latest = units[units["code"] == district].iloc[-1]
                text.at[index, "district_name"] = full_name(latest["type"], latest["name"], "vi")
        if zone:
            text.at[index, "zone_code"] = zone
            if "zone_name" in names and not record["zone_name"]:
                text.at[index, "zone_name"] = zones.at[zone, "name"]
    return text, problems


def _plan_years(plans: pd.DataFrame) -> dict[str, tuple[int, int, str]]:
    """Return each province's plan years (from its baseline year to its last target or vision year) and document."""
    years = {}
    for plan in plans.to_dict("records"):
        last = max(int(plan["period_end"]), int(float(plan["vision_year"] or 0)))
        years[plan["province_code"]] = (int(plan["baseline_year"] or plan["period_start"]), last, plan["document"])
    return years


def _year_problems(text: pd.DataFrame, reference: Reference, unresolved: set[int]) -> list[Problem]:
    """Return rows whose year is outside their province's plan years, or whose district did not exist then."""
    problems = []
    units = reference.units
    versions_of = {code: versions for code, versions in units.groupby("code")}
    province_of = dict(zip(units["code"], units["province_code"], strict=True))
    province_of |= dict(zip(reference.zones["zone_code"], reference.zones["province_code"], strict=True))
    plan_years = _plan_years(reference.plans)
    for record in text.to_dict("records"):
        if record[ROW] in unresolved or not record["year"]:
            continue
        year = int(record["year"])
        code = record.get("district_code")
        province = record.get("province_code") or province_of[code or record["zone_code"]]
        first, last, document = plan_years[province]
        if not first <= year <= last:
            params = {"start": first, "end": last, "plan": document}
            problems.append(Problem("year_outside_plan", record[ROW], "year", record["year"], params=params))
        versions = versions_of.get(code)
        if code and not ((versions["valid_from"] <= year) & (versions["valid_to"] >= year)).any():
            params = {"name": versions.iloc[-1]["name"], "years": _validity(versions)}
            problems.append(Problem("unit_not_valid", record[ROW], "district_code", code, params=params))
    return problems


def _validity(versions: pd.DataFrame) -> str:
    """Return the years a unit existed, as 'to 2019' or '2020–2025'."""
    start, end = int(versions["valid_from"].min()), int(versions["valid_to"].max())
    return f"{start if start > 0 else '…'}–{end if end < 9999 else '…'}"


def _duplicate_problems(spec: TableSpec, text: pd.DataFrame) -> list[Problem]:
    """Return rows repeating an earlier row (duplicate), or giving the same key another value (conflict)."""
    problems = []
    values = [column for column in spec.column_names if column not in spec.key]
    for _, group in text.groupby(list(spec.key), sort=False):
        if len(group) < 2:
            continue
        first = group.iloc[0]
        for _, record in group.iloc[1:].iterrows():
            same = all(record[column] == first[column] for column in values)
            code = "duplicate_row" if same else "conflicting_rows"
            key = ", ".join(f"{column}={record[column]}" for column in spec.key)
            problems.append(Problem(code, int(record[ROW]), None, key, params={"first_row": int(first[ROW])}))
    return problems


def _jump_warnings(spec: TableSpec, text: pd.DataFrame, current: pd.DataFrame) -> list[Problem]:
    """Return a warning per row whose share moved more than the table's set amount from the previous year."""
    if not spec.jump_warning_points:
        return []
    numerator, denominator = spec.jump_numerator, spec.jump_denominator
    unit = spec.key[1]
    known = pd.concat([current.astype(str), text.astype(str)], ignore_index=True)
    known = known[(known[denominator] != "") & (known[numerator] != "")]
    known = known.drop_duplicates([*spec.key], keep="last")
    shares = {
        (record[unit], int(float(record["year"]))): float(record[numerator]) * 100 / float(record[denominator])
        for record in known.to_dict("records")
        if float(record[denominator]) > 0
    }
    problems = []
    for record in text.to_dict("records"):
        if not record["year"] or not record[unit]:
            continue
        year = int(record["year"])
        now, before = shares.get((record[unit], year)), shares.get((record[unit], year - 1))
        if now is None or before is None or abs(now - before) <= spec.jump_warning_points:
            continue
        params = {"before": round(before, 1), "now": round(now, 1), "year": year - 1}
        params["limit"] = spec.jump_warning_points
        problems.append(Problem("share_jump", record[ROW], numerator, record[numerator], WARNING, params))
    return problems


def parse_measure(text: str, kind: str) -> tuple[str, str | None]:
    """Return a province value as plain text, or the problem code: a share is in percent (85 or 85%; 0,85 is
    refused as ambiguous), a count is whole, nothing is negative, and only a share may carry a % sign."""
    percent = text.endswith("%")
    try:
        number = parse_number(text.removesuffix("%").strip(), whole=kind in COUNT_KINDS)
    except (InvalidOperation, ValueError):
        return "", "not_a_number"
    if percent and kind != "share":
        return "", "percent_not_share"
    if number < 0:
        return "", "negative"
    if kind in COUNT_KINDS and number != number.to_integral_value():
        return "", "not_whole"
    if kind == "share" and not percent and 0 < number <= 1:
        return "", "ambiguous_share"
    if kind == "share" and number > 100:
        return "", "share_over_100"
    return plain(number), None


def _province_value_problems(text: pd.DataFrame, reference: Reference) -> tuple[pd.DataFrame, list[Problem]]:
    """Return province-level rows with values in plain text, and problems with province, indicator or value."""
    provinces = set(reference.plans["province_code"])
    catalogue = reference.catalogue
    allowed = list(catalogue.index[catalogue["source_table"] == "province_values"])
    problems = []
    text = text.copy()
    for index, record in text.iterrows():
        row = int(record[ROW])
        if record["province_code"] and record["province_code"] not in provinces:
            problems.append(Problem("unknown_province", row, "province_code", record["province_code"]))
        if record["indicator"] and record["indicator"] not in allowed:
            params = {"choices": ", ".join(allowed)}
            problems.append(Problem("unknown_indicator", row, "indicator", record["indicator"], params=params))
            continue
        if not record["indicator"] or not record["value"]:
            continue
        value, code = parse_measure(record["value"], catalogue.loc[record["indicator"], "kind"])
        if code:
            problems.append(Problem(code, row, "value", record["value"]))
        text.at[index, "value"] = value
    return text, problems


def check_rows(spec: TableSpec, frame: pd.DataFrame, reference: Reference, current: pd.DataFrame) -> Checked:
    """Return the rows of a read file checked against the table's contract, the units and the current store."""
    text, numbers, problems = _parsed(spec, frame)
    problems += _range_problems(spec, numbers, text)
    text, unit_problems = _resolved(spec, text, reference)
    problems += unit_problems
    if "indicator" in spec.column_names:
        text, value_problems = _province_value_problems(text, reference)
        problems += value_problems
    unresolved = {problem.row for problem in problems if problem.severity != WARNING}
    problems += _year_problems(text, reference, unresolved)
    problems += _duplicate_problems(spec, text[~text[ROW].isin(unresolved)])
    if not [problem for problem in problems if problem.severity != WARNING]:
        problems += _jump_warnings(spec, text[[ROW, *spec.column_names]], current)
    rows = text[[ROW, *spec.column_names]].reset_index(drop=True)
    return Checked(rows, sorted(problems, key=lambda problem: (problem.row or 0, problem.column or "")))
