"""The yearly report's tables as an XLSX workbook: targets, tasks, budget, and the reporting of agencies and of
units, one sheet each, headers in the report's language."""

from __future__ import annotations

from dashboard.core.exports import workbook_bytes
from dashboard.core.i18n import t
from dashboard.reports.yearly import YearlyReport


def report_sheets(report: YearlyReport) -> dict[str, object]:
    """Return the report's tables by sheet name, in the order the workbook holds them."""
    language = report.language
    return {
        t("report.sheet_targets", language): report.targets,
        t("report.sheet_tasks", language): report.tasks,
        t("report.sheet_budget", language): report.budget,
        t("report.sheet_agencies", language): report.agencies,
        t("report.sheet_units", language): report.units,
    }


def workbook_of(report: YearlyReport) -> bytes:
    """Return the report's tables as an XLSX workbook."""
    return workbook_bytes(report_sheets(report))
