"""The yearly report written to a folder: the Word document and the XLSX workbook, named by province and year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dashboard.dataset import Dataset
from dashboard.reports.word import word_bytes
from dashboard.reports.workbook import workbook_of
from dashboard.reports.yearly import YearlyReport, report_name, yearly_report


@dataclass(frozen=True)
class WrittenReport:
    """The files a report was written to and its content."""

    word: Path
    workbook: Path
    report: YearlyReport


def write_report(data: Dataset, plan_id: str, year: int, folder: Path, language: str, today: date) -> WrittenReport:
    """Write a plan's report for a year as of a day to the folder (made when missing) and return the files; an
    OSError says the folder cannot be written, and then no file of the report is left behind."""
    report = yearly_report(data, plan_id, year, language, today)
    word, workbook = word_bytes(report), workbook_of(report)
    folder.mkdir(parents=True, exist_ok=True)
    paths = (folder / f"{report_name(report)}.docx", folder / f"{report_name(report)}.xlsx")
    try:
        for path, content in zip(paths, (word, workbook), strict=True):
            path.write_bytes(content)
    except OSError:
        for path in paths:
            path.unlink(missing_ok=True)
        raise
    return WrittenReport(paths[0], paths[1], report)
