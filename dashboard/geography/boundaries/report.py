"""A boundary match report in words and tables, in either language, from its JSON form (fresh or stored)."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from dashboard.core.i18n import format_number, format_time, messages, t
from dashboard.geography.boundaries.importing import CLEAN
from dashboard.geography.boundaries.matching import ACCEPTED_METHODS, NOT_VALID, years_text
from dashboard.geography.units import OPEN_END, full_name, load_provinces

TYPE_PARAMS = ("unit_type", "written")
NUMBER_PARAMS = ("area", "expected")
UNIT_PARAMS = ("before", "after")


def finding_text(finding: dict, language: str) -> str:
    """Return one finding in words (checks added for hostile files first, then the report's findings), unit
    types and units named in the language."""
    params = dict(finding["params"])
    for key in TYPE_PARAMS:
        if params.get(key):
            params[key] = t(f"boundary.type_word.{params[key]}", language)
    for key in NUMBER_PARAMS:
        if isinstance(params.get(key), int | float):
            params[key] = format_number(params[key], language, 0)
    for key in UNIT_PARAMS:
        if f"{key}_type" in params:
            params[key] = full_name(params.pop(f"{key}_type"), params.pop(f"{key}_name"), language)
    key = f"boundary_checks.{finding['key']}"
    if key not in messages(language):
        key = f"boundary.finding.{finding['key']}"
    return t(key, language, **params)


def report_years(report: dict) -> str:
    """Return the layer's years as '2021–2025'."""
    return years_text(report["valid_from"], report["valid_to"] if report["valid_to"] is not None else OPEN_END)


def summary_lines(report: dict, language: str) -> list[str]:
    """Return the report's headline: its verdict, what was found, the CRS, the fields and the preparation."""
    lines = [t(f"boundary.{report['status']}", language)]
    matches = report["matches"]
    if matches:
        matched = sum(match["method"] in ACCEPTED_METHODS for match in matches)
        lines.append(
            t(
                "boundary.summary",
                language,
                features=report["feature_count"],
                matched=matched,
                years=report_years(report),
                problems=len(matches) - matched,
                missing=len(report["missing"]),
            )
        )
    if report["crs_used"]:
        lines.append(t("boundary.crs", language, read=report["crs_read"], used=report["crs_used"]))
    fields = report.get("fields") or {}
    used = [
        t(f"boundary.field_{kind}", language, field=fields[key])
        for kind, key in (("code", "code"), ("name", "name"), ("type", "unit_type"))
        if fields.get(key)
    ]
    if used:
        lines.append(t("boundary.fields", language, fields=", ".join(used)))
    if report["preparation"]:
        lines.append(t("boundary.preparation", language, **_numbers(report["preparation"], language)))
    return lines


def _numbers(values: dict, language: str) -> dict:
    """Return the numbers of a mapping written the language's way (50 m, 118,7 m, 0,01%)."""
    return {
        key: format_number(value, language, 2)
        if isinstance(value, int | float) and not isinstance(value, bool)
        else value
        for key, value in values.items()
    }


def _unit_words(match: dict, language: str) -> str:
    """Return the unit a feature matched, with its type, or a dash."""
    if not match["unit_name"]:
        return "—"
    return full_name(match["unit_type"], match["unit_name"], language)


def _detail(match: dict, language: str) -> str:
    """Return what else a user needs about a match: validity of a unit out of its years, closest names."""
    if match["method"] == NOT_VALID:
        return t("boundary.detail.valid_years", language, years=match["unit_years"])
    if match["closest"]:
        return t("boundary.detail.closest", language, names="; ".join(match["closest"]))
    return ""


def _column_namer(language: str) -> Callable[[str], str]:
    """Return a function naming a report column in the language."""
    return lambda key: t(f"boundary.column.{key}", language)


def matches_table(report: dict, language: str, only_problems: bool = False) -> pd.DataFrame:
    """Return one row per feature (or per feature with a problem): as written in the file, the unit found, its
    code and how it matched."""
    column = _column_namer(language)
    matches = [match for match in report["matches"] if not only_problems or match["method"] not in ACCEPTED_METHODS]
    return pd.DataFrame(
        {
            column("row"): [match["row"] for match in matches],
            column("written"): [match["written"] for match in matches],
            column("unit"): [_unit_words(match, language) for match in matches],
            column("code"): [match["code"] or "—" for match in matches],
            column("method"): [t(f"boundary.method.{match['method']}", language) for match in matches],
            column("detail"): [_detail(match, language) for match in matches],
        }
    )


def missing_table(report: dict, language: str) -> pd.DataFrame:
    """Return the units valid in the layer's years that no feature stands for."""
    return pd.DataFrame(
        {
            t("boundary.column.code", language): [unit["code"] for unit in report["missing"]],
            t("boundary.column.unit", language): [
                full_name(unit["unit_type"], unit["name"], language) for unit in report["missing"]
            ],
        }
    )


def report_text(report: dict, language: str) -> str:
    """Return the whole report as plain text, for the command line."""
    lines = [t("boundary.heading", language, source=report["source_name"]), *summary_lines(report, language)]
    lines += [f"- {finding_text(finding, language)}" for finding in report["refusals"]]
    if report["matches"]:
        lines += ["", t("boundary.matches_heading", language)]
        for match in report["matches"]:
            method = t(f"boundary.method.{match['method']}", language)
            detail = _detail(match, language)
            unit = _unit_words(match, language)
            code = match["code"] or "—"
            detail = f" ({detail})" if detail else ""
            lines.append(f"  {match['row']:>3}  {match['written']} → {unit} [{code}]: {method}{detail}")
    if report["missing"]:
        lines += ["", t("boundary.missing_heading", language, years=report_years(report))]
        lines += [f"  {row[0]}  {row[1]}" for row in missing_table(report, language).itertuples(index=False)]
    if report["notes"]:
        lines += ["", t("boundary.notes", language)]
        lines += [f"- {finding_text(finding, language)}" for finding in report["notes"]]
    return "\n".join(lines)


def versions_table(versions: pd.DataFrame, language: str) -> pd.DataFrame:
    """Return the stored layer versions as shown to administrators, newest first, each named in words (province,
    level, years) before its file, time and version code."""
    column = _column_namer(language)
    provinces = dict(zip(load_provinces()["province_code"], load_provinces()["name"], strict=True))
    return pd.DataFrame(
        {
            column("layer"): [
                t(
                    "boundary.layer_name",
                    language,
                    province=provinces.get(row.province_code, row.province_code),
                    level=t(f"boundary.level_short.{row.level}", language),
                    years=years_text(row.valid_from, row.valid_to),
                )
                for row in versions.itertuples()
            ],
            column("years"): [years_text(row.valid_from, row.valid_to) for row in versions.itertuples()],
            column("source"): versions["source_name"],
            column("status"): [
                t(f"boundary.status.{'accepted' if row.accepted and row.status != CLEAN else row.status}", language)
                for row in versions.itertuples()
            ],
            column("imported"): versions["imported_at"].map(format_time),
            column("by"): versions["imported_by"],
            column("sha256"): versions["sha256"].str[:12],
            column("version"): versions["version_id"],
        }
    )
