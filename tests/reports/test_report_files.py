"""The yearly report's files opened back: the Word document with python-docx (heading, recipients, tables, one
map image per core indicator, the parts left to write) and the workbook with openpyxl, their figures checked
against the scorecard, the tasks and the reporting round."""

from datetime import date

import openpyxl
import pytest
from docx import Document

from dashboard.core.i18n import t
from dashboard.progress.reporting import reporting_round
from dashboard.progress.scorecard import scorecard, scorecard_table
from dashboard.reports.files import write_report

TODAY = date(2026, 12, 6)


@pytest.fixture(scope="module")
def written(data, tmp_path_factory):
    return write_report(data, "phu-tho", 2025, tmp_path_factory.mktemp("report"), "vi", TODAY)


@pytest.fixture(scope="module")
def document(written):
    return Document(str(written.word))


def rows_of(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def table_with_header(document, header: str):
    return next(table for table in document.tables if header in [cell.text for cell in table.rows[0].cells])


def test_the_files_are_named_by_province_and_year(written):
    assert written.word.name == "bao-cao-sxtdbv-phu-tho-2025.docx"
    assert written.workbook.name == "bao-cao-sxtdbv-phu-tho-2025.xlsx"


def test_the_word_report_has_the_form_of_a_provincial_report(document):
    heading = rows_of(document.tables[0])
    assert heading[0] == [
        "UBND TỈNH PHÚ THỌ\nSỞ CÔNG THƯƠNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
    ]
    assert heading[1][1] == "Phú Thọ, ngày 06 tháng 12 năm 2026"
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert "BÁO CÁO" in texts and "- Ủy ban nhân dân tỉnh Phú Thọ;" in texts and "- Bộ Công Thương." in texts
    for part in (
        "I. KẾT QUẢ",
        "II. TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ",
        "III. TÌNH HÌNH THỰC HIỆN KINH PHÍ",
        "V. ĐÁNH GIÁ",
    ):
        assert any(text.startswith(part) for text in texts)
    assert texts.count("(Phần này Sở Công Thương viết.)") == 4


def test_every_target_is_in_the_word_report_with_the_scorecards_figures_and_status(data, document):
    expected = scorecard_table(data, scorecard(data, "phu-tho", 2025), "vi")
    table = rows_of(table_with_header(document, "Đánh giá"))
    header, body = table[0], table[1:]
    assert len(body) == len(expected) == (data.targets["plan_id"] == "phu-tho").sum()
    for column in ("Chỉ số", "Chỉ tiêu", "Giá trị mới nhất", "Đánh giá"):
        assert [row[header.index(column)] for row in body] == expected[column].tolist()
    reporters = header.index("Chỉ tiêu toàn bộ đơn vị: trong số đã báo cáo")
    assert "2 đơn vị chưa báo cáo" in body[1][reporters]


def test_each_core_indicator_has_a_map_image_with_its_province_figure(data, document):
    assert len(document.inline_shapes) == len(data.core_indicators()) == 5
    texts = [paragraph.text for paragraph in document.paragraphs]
    zone = scorecard(data, "phu-tho", 2025)[1]
    assert f"Toàn tỉnh: {zone.value:.1f}%".replace(".", ",") in next(
        text for text in texts if text.startswith("KCN/CCN") and "Toàn tỉnh" in text
    )


def test_the_tasks_budget_and_reporting_tables_match_the_round(data, document):
    round_ = reporting_round(data, "phu-tho", 2025, TODAY)
    tasks = rows_of(table_with_header(document, "Tình trạng năm 2025"))
    assert [row[0] for row in tasks[1:]] == [task.number for task in data.tasks.of_plan("phu-tho")]
    budget = rows_of(table_with_header(document, "Kinh phí từ ngân sách trung ương"))
    assert budget[-1][0] == t("breakdowns.total", "vi") and budget[-1][2] == "12.000"
    units = rows_of(table_with_header(document, "Đơn vị"))
    assert len(units) - 1 == len(round_.units)
    late = [row[0] for row in units[1:] if row[3] == "Chưa báo cáo: quá hạn"]
    assert late and all(name in "; ".join(paragraph.text for paragraph in document.paragraphs) for name in late)


def test_the_workbook_holds_targets_tasks_budget_and_reporting_sheets(data, written):
    book = openpyxl.load_workbook(written.workbook)
    assert book.sheetnames == ["Chỉ tiêu", "Nhiệm vụ", "Kinh phí", "Báo cáo - cơ quan", "Báo cáo - đơn vị"]
    targets = list(book["Chỉ tiêu"].values)
    expected = scorecard_table(data, scorecard(data, "phu-tho", 2025), "vi")
    status = targets[0].index("Đánh giá")
    assert [row[status] for row in targets[1:]] == expected["Đánh giá"].tolist()
    assert book["Nhiệm vụ"].max_row - 1 == len(data.tasks.of_plan("phu-tho"))


def test_the_report_reads_in_english(data, tmp_path):
    written = write_report(data, "ha-tinh", 2025, tmp_path, "en", TODAY)
    document = Document(str(written.word))
    assert (
        rows_of(document.tables[0])[0][0] == "PEOPLE'S COMMITTEE OF HÀ TĨNH PROVINCE\nDEPARTMENT OF INDUSTRY AND TRADE"
    )
    assert "REPORT" in [paragraph.text for paragraph in document.paragraphs]
    assert written.word.name == "scp-report-ha-tinh-2025.docx"
