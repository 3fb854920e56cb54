import io

import openpyxl
import pandas as pd
import pytest

from dashboard.core.exports import csv_bytes, neutralise, sheet_title, xlsx_bytes

FRAME = pd.DataFrame(
    {
        "Huyện": ["Thành phố Hòa Bình", "Huyện Đà Bắc", '=HYPERLINK("http://x")'],
        "Giá trị": ["85,5%", "-1,2%", "@SUM(A1)"],
        "Số": [1, 2, 3],
    }
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+84 912", "'+84 912"),
        ("-5%", "'-5%"),
        ("@cmd", "'@cmd"),
        ("\t=1", "'\t=1"),
        ("Huyện Tân Sơn", "Huyện Tân Sơn"),
        ("85,5%", "85,5%"),
        (-5, -5),
        (None, None),
    ],
)
def test_cells_that_would_run_as_formulas_are_neutralised(value, expected):
    assert neutralise(value) == expected


def test_the_csv_starts_with_a_bom_and_keeps_vietnamese_intact():
    data = csv_bytes(FRAME)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == "Huyện,Giá trị,Số"
    assert "Thành phố Hòa Bình" in text and "Huyện Đà Bắc" in text
    assert '"\'=HYPERLINK(""http://x"")"' in text and "'@SUM(A1)" in text and "'-1,2%" in text
    assert pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")["Số"].tolist() == [1, 2, 3]


def test_the_workbook_holds_the_table_as_text_never_as_formulas():
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(FRAME, "Bảng: đánh giá/2025")))
    sheet = workbook.active
    assert sheet.title == "Bảng  đánh giá 2025"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Huyện", "Giá trị", "Số")
    assert rows[1] == ("Thành phố Hòa Bình", "85,5%", 1)
    assert rows[3][0] == '\'=HYPERLINK("http://x")'
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Scorecard", "Scorecard"), ("a[b]c", "a b c"), ("x" * 40, "x" * 31), ("///", "Sheet1")],
)
def test_sheet_names_are_ones_excel_accepts(name, expected):
    assert sheet_title(name) == expected
