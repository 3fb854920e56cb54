"""`units list`: the units of a province valid in a year (districts until 2025, communes and wards from 1 July
2025), as a table or a JSON list."""

from __future__ import annotations

import argparse
import json
import sys

import pandas as pd

from dashboard.core.i18n import DEFAULT_LANGUAGE, LANGUAGES, in_both_languages, t
from dashboard.geography.levels import LAYER_LEVELS, reported_level
from dashboard.geography.reform import load_reform
from dashboard.geography.units import OPEN_END, OPEN_START, full_name, load_units, units_of

EXIT_UNKNOWN = 2


def add_command(commands: argparse._SubParsersAction) -> None:
    """Add `units list` to the command line."""
    units = commands.add_parser("units", help="the units of a province valid in a year")
    actions = units.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="the units of a province valid in a year")
    listing.add_argument("--province", required=True, help="GSO province code, e.g. 25")
    listing.add_argument("--year", required=True, help="the year, e.g. 2026")
    listing.add_argument(
        "--level", help="district or commune (default: the level the year is reported by: district to 2025)"
    )
    listing.add_argument("--json", action="store_true", help="a JSON list of objects instead of a table")
    listing.add_argument("--language", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="language of the table")
    units.set_defaults(run=run)


def unit_records(units: pd.DataFrame) -> list[dict]:
    """Return units as JSON objects: code, name, type, level, province code and validity years (null when open)."""
    return [
        {
            "code": row.code,
            "name": row.name,
            "type": row.type,
            "full_name": full_name(row.type, row.name, "vi"),
            "level": row.level,
            "province_code": row.province_code,
            "valid_from": None if row.valid_from == OPEN_START else int(row.valid_from),
            "valid_to": None if row.valid_to == OPEN_END else int(row.valid_to),
        }
        for row in units.itertuples()
    ]


def _problem(units: pd.DataFrame, province: str, year: str, level: str | None) -> str | None:
    """Return what is wrong with the request, in both languages, or None."""
    known = sorted(units["province_code"].unique())
    if province not in known:
        return in_both_languages("cli.units_unknown_province", province=province, known=", ".join(known))
    if not year.isdigit() or len(year) != 4:
        return in_both_languages("cli.units_unknown_year", year=year)
    if level is not None and level not in LAYER_LEVELS:
        return in_both_languages("cli.units_unknown_level", level=level, known=", ".join(LAYER_LEVELS))
    return None


def _none_in_year(units: pd.DataFrame, province: str, year: int, level: str) -> str:
    """Return, in both languages, that the province has no units at the level in the year, and when it has."""
    own = units[units["province_code"] == province]
    years = _years_text(int(own["valid_from"].min()), int(own["valid_to"].max()))
    message = " / ".join(
        t(
            "cli.units_none_in_year",
            language,
            province=province,
            level=t(f"cli.units_level_{level}", language),
            year=year,
            years=years,
        )
        for language in LANGUAGES
    )
    reform = load_reform()
    merged = reform[(reform["old_province_code"] == province) & (reform["new_province_code"] != province)]
    if not merged.empty:
        message += " " + in_both_languages("cli.units_merged", province=merged["new_province_code"].iloc[0])
    return message


def run(arguments: argparse.Namespace) -> int:
    """Print the units of a province valid in a year (a table, or a JSON list); 2 for an unknown province, year
    or level, or none valid then."""
    units = load_units()
    problem = _problem(units, arguments.province, arguments.year, arguments.level)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_UNKNOWN
    year = int(arguments.year)
    level = arguments.level or reported_level(year)
    chosen = units_of(units, arguments.province, year, level)
    if chosen.empty:
        print(_none_in_year(units, arguments.province, year, level), file=sys.stderr)
        return EXIT_UNKNOWN
    records = unit_records(chosen)
    if arguments.json:
        print(json.dumps(records, ensure_ascii=False, indent=1))
        return 0
    language = arguments.language
    heading = t(
        "cli.units_heading",
        language,
        level=t(f"boundary.level_name.{level}", language),
        year=year,
        province=arguments.province,
        count=len(chosen),
    )
    print(heading)
    table = pd.DataFrame(
        {
            t("reform.column_code", language): chosen["code"],
            t("cli.units_column_name", language): [full_name(r.type, r.name, language) for r in chosen.itertuples()],
            t("cli.units_column_years", language): [_years_text(r.valid_from, r.valid_to) for r in chosen.itertuples()],
        }
    )
    print(table.to_string(index=False))
    return 0


def _years_text(valid_from: int, valid_to: int) -> str:
    """Return a validity period in words of years, an open end left blank (2025-, -2025, 2020-2025)."""
    start = "" if valid_from == OPEN_START else str(valid_from)
    end = "" if valid_to == OPEN_END else str(valid_to)
    return f"{start}-{end}"
