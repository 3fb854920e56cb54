"""Uploading indicator tables: what Excel writes is read, every bad file is refused with the exact problem and
changes nothing, the preview says what changes, commits are all or nothing, and undo restores exactly."""

import codecs
import io
import unicodedata

import openpyxl
import pytest

from dashboard.intake.accounts import ADMIN, PLANNER, VIEWER, Account, PermissionDeniedError
from dashboard.intake.uploads import UploadRejectedError, bundled_reference, commit_upload, preview_upload, undo_upload
from dashboard.store.database import StaleStoreError, UndoRefusedError

REFERENCE = bundled_reference()
LIMIT = 2**20
PLANNER_ACCOUNT = Account("lan", PLANNER)
PACKAGING = "year,district_code,district_name,supermarkets_total,supermarkets_eco_packaging"
CAMPAIGNS = "year,district_code,district_name,campaigns,participants"
ZONES = "year,zone_code,zone_name,reached"
MODELS = "year,district_code,zone_code,model_name,model_type"
POINTS = "year,point_name,district_code,address,latitude,longitude"
VALUES = "year,province_code,indicator,breakdown,value"


def csv(*lines: str) -> bytes:
    """Return CSV lines as UTF-8 bytes."""
    return ("\n".join(lines) + "\n").encode("utf-8")


def xlsx(rows: list[list[object]], percent_cells: tuple[str, ...] = ()) -> bytes:
    """Return a workbook whose first sheet holds the rows."""
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    for cell in percent_cells:
        book.active[cell].number_format = "0%"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def preview(store, content: bytes, table: str = "eco_packaging", name: str = "bang.csv"):
    """Return the preview of an upload to the store."""
    return preview_upload(store, content, name, table, REFERENCE, LIMIT)


BAD_FILES = [
    ("wrong type", "eco_packaging", "bang.xls", csv(PACKAGING), ("file_type", None, None)),
    ("too large", "eco_packaging", "bang.csv", csv(PACKAGING, *["2024,230,,5,3"] * 90000), ("too_large", None, None)),
    ("empty", "eco_packaging", "bang.csv", b"", ("empty_file", None, None)),
    ("blank lines only", "eco_packaging", "bang.csv", b";;;\n;;;\n", ("empty_file", None, None)),
    ("header only", "eco_packaging", "bang.csv", csv(PACKAGING), ("no_rows", 1, None)),
    ("not a workbook", "eco_packaging", "bang.xlsx", b"PK\x03\x04 not really a zip", ("unreadable_xlsx", None, None)),
    (
        "missing column",
        "eco_packaging",
        "bang.csv",
        csv("year,district_code,supermarkets_total", "2024,230,5"),
        ("missing_column", 1, "supermarkets_eco_packaging"),
    ),
    (
        "no code and no name column",
        "awareness_campaigns",
        "bang.csv",
        csv("year,campaigns,participants", "2024,2,10"),
        ("missing_column", 1, "unit_code"),
    ),
    (
        "column twice",
        "eco_packaging",
        "bang.csv",
        csv(PACKAGING + ",Năm", "2024,230,,5,3,2024"),
        ("duplicate_column", 1, "Năm"),
    ),
    (
        "cells beyond the header",
        "eco_packaging",
        "bang.csv",
        csv(PACKAGING, "2024,230,,5,3,ghi chú"),
        ("extra_cells", 2, None),
    ),
    ("year not a number", "eco_packaging", "bang.csv", csv(PACKAGING, "năm nay,230,,5,3"), ("not_a_number", 2, "year")),
    ("year not a year", "eco_packaging", "bang.csv", csv(PACKAGING, "24,230,,5,3"), ("not_a_year", 2, "year")),
    (
        "year outside the plan",
        "eco_packaging",
        "bang.csv",
        csv(PACKAGING, "2019,230,,5,3"),
        ("year_outside_plan", 2, "year"),
    ),
    (
        "count negative",
        "eco_packaging",
        "bang.csv",
        csv(PACKAGING, "2024,230,,-5,0"),
        ("negative", 2, "supermarkets_total"),
    ),
    (
        "count with a fraction",
        "awareness_campaigns",
        "bang.csv",
        csv(CAMPAIGNS, '2024,230,,"2,5",100'),
        ("not_whole", 2, "campaigns"),
    ),
    (
        "percent in a count",
        "awareness_campaigns",
        "bang.csv",
        csv(CAMPAIGNS, "2024,230,,2,50%"),
        ("not_a_number", 2, "participants"),
    ),
    (
        "required value empty",
        "eco_packaging",
        "bang.csv",
        csv(PACKAGING, "2024,230,,,3"),
        ("required_value", 2, "supermarkets_total"),
    ),
    (
        "eco over total",
        "eco_packaging",
        "bang.csv",
        csv(PACKAGING, "2024,230,,5,6"),
        ("exceeds", 2, "supermarkets_eco_packaging"),
    ),
    (
        "unknown code",
        "eco_packaging",
        "bang.csv",
        csv(PACKAGING, "2024,999,,5,3"),
        ("unknown_code", 2, "unit_code"),
    ),
    (
        "unknown name",
        "eco_packaging",
        "bang.csv",
        csv(PACKAGING, "2024,,Huyện Thanh Sonn,5,3"),
        ("unknown_name", 2, "unit_name"),
    ),
    (
        "name without diacritics is not a guess",
        "eco_packaging",
        "bang.csv",
        csv(PACKAGING, "2024,,Thanh Son,5,3"),
        ("unknown_name", 2, "unit_name"),
    ),
    (
        "ambiguous name",
        "eco_packaging",
        "bang.csv",
        csv(PACKAGING, "2024,,Kỳ Anh,5,3"),
        ("ambiguous_name", 2, "unit_name"),
    ),
    (
        "code and name disagree",
        "eco_packaging",
        "bang.csv",
        csv(PACKAGING, "2024,230,Huyện Cẩm Khê,5,3"),
        ("code_name_mismatch", 2, "unit_name"),
    ),
    (
        "neither code nor name",
        "eco_packaging",
        "bang.csv",
        csv(PACKAGING, "2024,,,5,3"),
        ("missing_unit", 2, "unit_code"),
    ),
    (
        "unit merged away",
        "eco_packaging",
        "bang.csv",
        csv(PACKAGING, "2021,151,,5,3"),
        ("unit_not_valid", 2, "unit_code"),
    ),
    (
        "duplicate row",
        "eco_packaging",
        "bang.csv",
        csv(PACKAGING, "2024,230,,5,3", "2024,230,,5,3"),
        ("duplicate_row", 3, None),
    ),
    (
        "two values for one unit and year",
        "eco_packaging",
        "bang.csv",
        csv(PACKAGING, "2024,230,,5,3", "2024,,Huyện Đoan Hùng,6,3"),
        ("conflicting_rows", 3, None),
    ),
    (
        "reached not yes or no",
        "zone_awareness",
        "bang.csv",
        csv(ZONES, "2024,PT-KCN-THUYVAN,,có lẽ"),
        ("not_yes_no", 2, "reached"),
    ),
    (
        "unknown zone",
        "zone_awareness",
        "bang.csv",
        csv(ZONES, "2024,PT-KCN-NOWHERE,,có"),
        ("unknown_zone", 2, "zone_code"),
    ),
    (
        "zone in another district",
        "eco_models",
        "bang.csv",
        csv(MODELS, "2024,230,PT-KCN-THUYVAN,Mô hình A,sản xuất sạch hơn"),
        ("zone_district_mismatch", 2, "unit_code"),
    ),
    (
        "model type not in the list",
        "eco_models",
        "bang.csv",
        csv(MODELS, "2024,230,,Mô hình A,khác"),
        ("not_a_choice", 2, "model_type"),
    ),
    (
        "latitude outside Vietnam",
        "green_retail_points",
        "bang.csv",
        csv(POINTS, "2024,Điểm A,230,,48.85,105.2"),
        ("out_of_range", 2, "latitude"),
    ),
    (
        "longitude not a number",
        "green_retail_points",
        "bang.csv",
        csv(POINTS, "2024,Điểm A,230,,21.5,kinh độ"),
        ("not_a_number", 2, "longitude"),
    ),
    (
        "share written as a fraction",
        "province_values",
        "bang.csv",
        csv(VALUES, '2024,25,green_industry_grdp_share,,"0,85"'),
        ("ambiguous_share", 2, "value"),
    ),
    (
        "share over 100",
        "province_values",
        "bang.csv",
        csv(VALUES, "2024,25,green_industry_grdp_share,,120%"),
        ("share_over_100", 2, "value"),
    ),
    (
        "percent sign on a count",
        "province_values",
        "bang.csv",
        csv(VALUES, "2024,25,training_classes,,3%"),
        ("percent_not_share", 2, "value"),
    ),
    (
        "unknown indicator",
        "province_values",
        "bang.csv",
        csv(VALUES, "2024,25,gdp,,3"),
        ("unknown_indicator", 2, "indicator"),
    ),
    (
        "task output without its task",
        "province_values",
        "bang.csv",
        csv(VALUES, "2024,25,conferences,,3"),
        ("unknown_task", 2, "breakdown"),
    ),
    (
        "task output for a task of another plan",
        "province_values",
        "bang.csv",
        csv(VALUES, "2024,42,training_classes,III.1,3"),
        ("unknown_task", 2, "breakdown"),
    ),
    (
        "milestone neither done nor not",
        "province_values",
        "bang.csv",
        csv(VALUES, "2024,25,scp_support_unit,,2"),
        ("milestone_not_0_or_1", 2, "value"),
    ),
    (
        "unknown province",
        "province_values",
        "bang.csv",
        csv(VALUES, "2024,01,training_classes,,3"),
        ("unknown_province", 2, "province_code"),
    ),
    (
        "workbook missing a column",
        "eco_packaging",
        "bang.xlsx",
        xlsx([["Năm", "Mã huyện", "Tổng số siêu thị và trung tâm thương mại"], [2024, "230", 5]]),
        ("missing_column", 1, "supermarkets_eco_packaging"),
    ),
]


@pytest.mark.parametrize(
    ("table", "name", "content", "expected"), [case[1:] for case in BAD_FILES], ids=[case[0] for case in BAD_FILES]
)
def test_a_bad_file_is_refused_with_the_exact_problem_and_changes_nothing(
    store, snapshot, table, name, content, expected
):
    before = snapshot(store)
    found = preview(store, content, table, name)
    assert not found.accepted
    assert expected in [(problem.code, problem.row, problem.column) for problem in found.problems]
    with pytest.raises(UploadRejectedError):
        commit_upload(store, found, PLANNER_ACCOUNT, confirm_warnings=True)
    assert snapshot(store) == before


def test_there_are_at_least_25_kinds_of_bad_file():
    assert len({case[4][0] for case in BAD_FILES}) >= 25


ECO = "Số siêu thị dùng bao bì thân thiện môi trường"
TOTAL = "Tổng số siêu thị và trung tâm thương mại"


def test_every_problem_names_its_row_and_column_by_the_template_header_in_both_languages(store):
    found = preview(store, csv(PACKAGING, "2024,230,,5,6"))
    problem = next(problem for problem in found.problems if problem.code == "exceeds")
    assert problem.message("vi") == f"Dòng 2, cột “{ECO}”: “6” lớn hơn “{TOTAL}” (5)."
    assert problem.message("en") == f"Row 2, column “{ECO}”: “6” is larger than “{TOTAL}” (5)."
    assert problem.as_dict()["column"] == "supermarkets_eco_packaging"


def test_an_unknown_name_lists_the_closest_districts(store):
    found = preview(store, csv(PACKAGING, "2024,,Thanh Son,5,3"))
    assert "Huyện Thanh Sơn (238)" in found.problems[0].message("en")


def windows_1258(text: str) -> bytes:
    """Return text encoded the way Windows-1258 stores it: base letters with their shape, tone marks apart."""
    shapes = {"\u0302", "\u0306", "\u031b"}
    written = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        base = parts[0] + "".join(mark for mark in parts[1:] if mark in shapes)
        written.append(unicodedata.normalize("NFC", base) + "".join(mark for mark in parts[1:] if mark not in shapes))
    return "".join(written).encode("cp1258")


TEXT = (
    "Năm;Mã huyện;Tên huyện;Tổng số siêu thị và trung tâm thương mại;Số siêu thị dùng bao bì thân thiện môi trường\r\n"
)
TEXT += "2024;;Huyện \u00d0oan Hùng;12;7\r\n2024;;TP. Việt Trì;1.234;1.000\r\n2024;;Hạ Hoà;4;1\r\n"


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.replace(";", "\t").encode("utf-16"), "utf-16"),
        (windows_1258(TEXT.replace("\u00d0", "Đ")), "cp1258"),
        (unicodedata.normalize("NFD", TEXT).replace(";", ",").encode("utf-8"), "utf-8"),
    ],
    ids=["utf-8 semicolons", "excel csv utf-8 with bom", "unicode text utf-16 tabs", "windows-1258", "nfd commas"],
)
def test_what_excel_writes_is_read_with_the_encoding_said(store, content, encoding):
    if encoding == "utf-8" and b"," in content and b";" not in content:
        content = content.replace(b"1.234,1.000", b'"1.234","1.000"')
    found = preview(store, content)
    assert found.encoding == encoding
    assert found.accepted, [problem.message("en") for problem in found.problems]
    rows = {key: values for key, values in found.rows}
    assert unicodedata.normalize("NFC", rows["2024|230"]["unit_name"]) in (
        "Huyện Đoan Hùng",
        "Huyện \u00d0oan Hùng",
    )
    assert rows["2024|227"]["supermarkets_total"] == "1234"
    assert rows["2024|231"]["supermarkets_eco_packaging"] == "1"


def test_a_workbook_is_read_with_vietnamese_headers_and_cells_as_shown(store):
    headers = ["Năm", "Mã huyện", "Tên huyện", "Tổng số siêu thị và trung tâm thương mại"]
    headers.append("Số siêu thị dùng bao bì thân thiện môi trường")
    found = preview(
        store, xlsx([headers, [2024, 230, None, 12.0, 7], [2024, None, "Thành phố Việt Trì", 20, 19]]), name="b.xlsx"
    )
    assert found.encoding == "xlsx"
    assert found.accepted, [problem.message("en") for problem in found.problems]
    assert dict(found.rows)["2024|230"]["supermarkets_total"] == "12"
    assert dict(found.rows)["2024|227"]["unit_name"] == "Thành phố Việt Trì"


def test_an_unknown_column_is_a_warning_saying_it_will_not_be_stored(store):
    found = preview(store, csv("STT," + PACKAGING, "1,2024,230,,12,7"))
    assert found.accepted
    assert [(problem.code, problem.row, problem.column) for problem in found.problems] == [("unknown_column", 1, "STT")]


def test_the_preview_lists_new_changed_and_unchanged_rows_and_commit_writes_them(store):
    first = preview(store, csv(PACKAGING, "2023,230,,10,4", "2024,230,,12,7"))
    commit_upload(store, first, PLANNER_ACCOUNT)
    second = preview(store, csv(PACKAGING, "2023,230,,10,4", "2024,230,,12,8", "2024,227,,20,20"))
    assert second.counts() == {"new": 1, "changed": 1, "unchanged": 1}
    assert second.changed[["key", "column", "old", "new"]].values.tolist() == [
        ["2024|230", "supermarkets_eco_packaging", "7", "8"]
    ]
    upload_id = commit_upload(store, second, PLANNER_ACCOUNT)
    rows = store.rows("eco_packaging").set_index("row_key")
    assert rows.loc["2024|230", "supermarkets_eco_packaging"] == "8"
    assert rows.loc["2023|230", "upload_id"] == 1 and rows.loc["2024|227", "upload_id"] == upload_id


def test_rows_not_in_a_new_file_are_kept(store):
    commit_upload(store, preview(store, csv(PACKAGING, "2023,230,,10,4")), PLANNER_ACCOUNT)
    commit_upload(store, preview(store, csv(PACKAGING, "2024,230,,12,7")), PLANNER_ACCOUNT)
    assert sorted(store.rows("eco_packaging")["row_key"]) == ["2023|230", "2024|230"]


def test_undo_restores_exactly_the_values_an_upload_replaced(store, snapshot):
    commit_upload(store, preview(store, csv(PACKAGING, "2023,230,,10,4", "2024,230,,12,7")), PLANNER_ACCOUNT)
    before = store.rows("eco_packaging")
    second = commit_upload(store, preview(store, csv(PACKAGING, "2024,230,,12,8", "2024,227,,20,20")), PLANNER_ACCOUNT)
    assert undo_upload(store, second, PLANNER_ACCOUNT) == 2
    assert store.rows("eco_packaging").to_dict("records") == before.to_dict("records")
    assert store.changes(second)["action"].tolist() == ["update", "insert", "undo", "undo"]
    with pytest.raises(UndoRefusedError, match="undo_done_already"):
        undo_upload(store, second, PLANNER_ACCOUNT)


def test_undo_is_refused_when_a_later_upload_changed_the_same_rows(store, snapshot):
    first = commit_upload(store, preview(store, csv(PACKAGING, "2024,230,,12,7")), PLANNER_ACCOUNT)
    commit_upload(store, preview(store, csv(PACKAGING, "2024,230,,12,9")), PLANNER_ACCOUNT)
    before = snapshot(store)
    with pytest.raises(UndoRefusedError) as refused:
        undo_upload(store, first, PLANNER_ACCOUNT)
    assert refused.value.rows == ["2024|230"]
    assert snapshot(store) == before


def test_a_share_jump_is_a_warning_that_must_be_confirmed(store, snapshot):
    commit_upload(store, preview(store, csv(PACKAGING, "2023,230,,10,2")), PLANNER_ACCOUNT)
    jumped = preview(store, csv(PACKAGING, "2024,230,,10,9"))
    assert jumped.accepted
    assert [(problem.code, problem.row, problem.severity) for problem in jumped.problems] == [
        ("share_jump", 2, "warning")
    ]
    assert (
        jumped.problems[0]
        .message("en")
        .endswith("the share rose from 20% in 2023 to 90%, more than 30 percentage points; please check.")
    )
    before = snapshot(store)
    with pytest.raises(UploadRejectedError):
        commit_upload(store, jumped, PLANNER_ACCOUNT)
    assert snapshot(store) == before
    commit_upload(store, jumped, PLANNER_ACCOUNT, confirm_warnings=True)
    assert store.uploads().iloc[0]["warnings_confirmed"] == 1


def test_a_viewer_cannot_commit_or_undo(store, snapshot):
    upload_id = commit_upload(store, preview(store, csv(PACKAGING, "2024,230,,12,7")), Account("admin", ADMIN))
    before = snapshot(store)
    viewer = Account("khach", VIEWER)
    with pytest.raises(PermissionDeniedError):
        commit_upload(store, preview(store, csv(PACKAGING, "2024,230,,12,8")), viewer)
    with pytest.raises(PermissionDeniedError):
        undo_upload(store, upload_id, viewer)
    assert snapshot(store) == before


def test_a_preview_made_before_another_commit_is_refused(store, snapshot):
    stale = preview(store, csv(PACKAGING, "2024,230,,12,7"))
    commit_upload(store, preview(store, csv(PACKAGING, "2024,227,,20,20")), PLANNER_ACCOUNT)
    before = snapshot(store)
    with pytest.raises(StaleStoreError):
        commit_upload(store, stale, PLANNER_ACCOUNT)
    assert snapshot(store) == before


def test_every_upload_keeps_its_original_bytes_and_checksum(store):
    content = codecs.BOM_UTF8 + csv(PACKAGING, "2024,230,,12,7")
    upload_id = commit_upload(store, preview(store, content), PLANNER_ACCOUNT)
    assert store.upload_file(upload_id) == ("bang.csv", content)
    import hashlib

    assert store.uploads().iloc[0]["sha256"] == hashlib.sha256(content).hexdigest()


@pytest.mark.parametrize(
    ("written", "stored"), [("85", "85"), ("85%", "85"), ("85,5%", "85.5"), ("0,5%", "0.5"), ("0", "0")]
)
def test_a_share_is_read_in_percent_with_or_without_the_sign(store, written, stored):
    found = preview(store, csv(VALUES, f'2024,25,green_industry_grdp_share,,"{written}"'), "province_values")
    assert found.accepted, [problem.message("en") for problem in found.problems]
    assert dict(found.rows)["2024|25|green_industry_grdp_share|"]["value"] == stored


def test_a_task_output_reported_under_its_task_number_is_accepted(store):
    found = preview(
        store, csv(VALUES, "2024,42,training_classes,I.1,3", "2024,25,scp_support_unit,,1"), "province_values"
    )
    assert found.accepted, [problem.message("en") for problem in found.problems]


def test_a_missing_task_names_the_plans_task_numbers_in_both_languages(store):
    found = preview(store, csv(VALUES, "2024,17,training_classes,,2"), "province_values")
    problem = next(problem for problem in found.problems if problem.code == "unknown_task")
    assert "1, 2, 3" in problem.message("en") and "18" in problem.message("en")
    assert problem.message("vi").startswith("Dòng 2, cột “Phân tổ”")
