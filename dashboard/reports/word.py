"""The yearly report as a Word document in the form of a Vietnamese provincial report: the two-column heading
(authority and nation), number, place and date, title, recipients, the numbered parts with their tables and
maps, the parts the department writes itself, the recipients list and the signature."""

from __future__ import annotations

import io

import pandas as pd
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from dashboard.core.i18n import t
from dashboard.reports.yearly import (
    YearlyReport,
    late_line,
    long_date,
    reporting_counts,
    target_summary,
    task_summary,
    today_text,
)

FONT = "Times New Roman"
BODY_PT = 13
TABLE_PT = 10
MAP_WIDTH_CM = 16


def _table(document: Document, frame: pd.DataFrame) -> None:
    """Add a frame as a bordered table: a bold header row, then one row per record, every cell as text."""
    table = document.add_table(rows=1, cols=len(frame.columns))
    table.style = "Table Grid"
    for cell, column in zip(table.rows[0].cells, frame.columns, strict=True):
        cell.text = str(column)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for record in frame.itertuples(index=False):
        cells = table.add_row().cells
        for cell, value in zip(cells, record, strict=True):
            cell.text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(TABLE_PT)


def _centred(document: Document, text: str, bold: bool = False, size: int = BODY_PT) -> None:
    """Add a centred paragraph."""
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)


def _heading(document: Document, report: YearlyReport) -> None:
    """Add the two-column heading: the authority and department beside the nation and motto, then the number
    beside the place and date."""
    language = report.language
    table = document.add_table(rows=2, cols=2)
    left = [t("report.authority", language, province=report.province.upper()), t("report.department", language)]
    right = [t("report.nation", language), t("report.motto", language)]
    table.cell(0, 0).text = "\n".join(left)
    table.cell(0, 1).text = "\n".join(right)
    table.cell(1, 0).text = t("report.number", language)
    place = t("report.place_date", language, province=report.province, date=long_date(report.today, language))
    table.cell(1, 1).text = place
    for row in table.rows:
        for cell in row.cells:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            for run in cell.paragraphs[0].runs:
                run.bold = row is table.rows[0]


def _title(document: Document, report: YearlyReport) -> None:
    """Add the kind of document, its subject and the recipients."""
    language = report.language
    _centred(document, t("report.kind", language), bold=True, size=14)
    _centred(document, t("report.subject", language, document=report.document, year=report.year), bold=True)
    if report.demo:
        _centred(document, t("report.demo", language), size=11)
    _centred(document, t("report.to", language))
    for key in ("report.recipient_committee", "report.recipient_ministry"):
        _centred(document, "- " + t(key, language, province=report.province))


def _targets(document: Document, report: YearlyReport) -> None:
    """Add part I: every target with its status, the all-units notes and the map of each core indicator."""
    language = report.language
    document.add_heading(t("report.part_targets", language), level=1)
    summary = target_summary(report.score, language)
    document.add_paragraph(t("report.targets_intro", language, year=report.year, summary=summary))
    _table(document, report.targets)
    for note in report.notes:
        document.add_paragraph(note, style="List Bullet")
    document.add_heading(t("report.part_maps", language), level=2)
    for shown in report.maps:
        if shown.png is None:
            document.add_paragraph(shown.figure_line)
            continue
        document.add_picture(io.BytesIO(shown.png), width=Cm(MAP_WIDTH_CM))
        document.add_paragraph(f"{shown.name}. {shown.figure_line}")


def _body(document: Document, report: YearlyReport) -> None:
    """Add parts II to IV: tasks, budget and who reported."""
    language = report.language
    document.add_heading(t("report.part_tasks", language), level=1)
    count = len(report.tasks)
    document.add_paragraph(
        t("report.tasks_intro", language, count=count, year=report.year, summary=task_summary(report.round, language))
    )
    _table(document, report.tasks)
    document.add_heading(t("report.part_budget", language), level=1)
    if report.budget.empty:
        document.add_paragraph(t("reporting.no_budget", language))
    else:
        _table(document, report.budget)
    document.add_heading(t("report.part_reporting", language), level=1)
    document.add_paragraph(t("report.reporting_intro", language, year=report.year, today=today_text(report)))
    counts = reporting_counts(report)
    document.add_paragraph(counts["agencies"])
    document.add_paragraph(counts["units"])
    document.add_paragraph(late_line(report))
    document.add_heading(t("reporting.agencies", language), level=2)
    _table(document, report.agencies)
    document.add_heading(t("reporting.units", language), level=2)
    _table(document, report.units)


def _left_to_write(document: Document, report: YearlyReport) -> None:
    """Add the parts the department writes itself, each with a line saying so, then recipients and signature."""
    language = report.language
    document.add_heading(t("report.part_assessment", language), level=1)
    for key in ("report.achieved", "report.shortcomings"):
        document.add_heading(t(key, language), level=2)
        document.add_paragraph(t("report.to_write", language))
    for key in ("report.part_direction", "report.part_proposals"):
        document.add_heading(t(key, language), level=1)
        document.add_paragraph(t("report.to_write", language))
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = f"{t('report.recipients', language)}\n{t('report.recipients_list', language)}"
    table.cell(0, 1).text = t("report.signature", language)
    table.cell(0, 1).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


def word_bytes(report: YearlyReport) -> bytes:
    """Return the yearly report as a Word (.docx) document."""
    document = Document()
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(BODY_PT)
    _heading(document, report)
    _title(document, report)
    _targets(document, report)
    _body(document, report)
    _left_to_write(document, report)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
