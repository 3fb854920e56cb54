"""Hostile and odd real-world files, one row per class of fault, through the core and the command line: each
ends with a report naming the fault (and its row and column where there is one), no exception escaping, and the
store unchanged; the odd but valid ones are read."""

import io
import json
import unicodedata

import openpyxl
import pytest

from dashboard.__main__ import main
from dashboard.core.settings import default_url
from dashboard.intake.accounts import PLANNER, Account
from dashboard.intake.uploads import UploadRejectedError, bundled_reference, commit_upload, preview_upload
from dashboard.store.database import Store

REFERENCE = bundled_reference()
LIMIT = 2**25
PACKAGING = "year,district_code,district_name,supermarkets_total,supermarkets_eco_packaging"
POINTS = "year,point_name,district_code,address,latitude,longitude"
VALUES = "year,province_code,indicator,breakdown,value"


def csv(*lines: str, ending: str = "\n") -> bytes:
    """Return CSV lines as UTF-8 bytes, each ended by the ending."""
    return ending.join([*lines, ""]).encode("utf-8")


def workbook(rows: list[list[object]]) -> bytes:
    """Return a workbook whose first sheet holds the rows."""
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def windows_1258(text: str) -> bytes:
    """Return text as Windows-1258 stores it: base letters with their shape (ê, ơ, ă), tone marks apart."""
    shapes = {"\u0302", "\u0306", "\u031b"}
    written = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        base = parts[0] + "".join(mark for mark in parts[1:] if mark in shapes)
        written.append(unicodedata.normalize("NFC", base) + "".join(mark for mark in parts[1:] if mark not in shapes))
    return "".join(written).encode("cp1258")


MIXED = csv(PACKAGING, "2024,,Thành phố Việt Trì,12,7") + windows_1258("2024,,Huyện Hạ Hoà,4,1\n")
HOSTILE = [
    ("binary bytes named .csv", "eco_packaging", "bang.csv", bytes(range(256)) * 40, ("binary_file", None, None)),
    ("a workbook named .csv", "eco_packaging", "bang.csv", workbook([[1]]), ("workbook_named_csv", None, None)),
    (
        "a cell over 131,072 characters",
        "eco_packaging",
        "bang.csv",
        csv(PACKAGING, "2024,230," + "x" * 131_073 + ",12,7"),
        ("cell_too_long", 2, None),
    ),
    ("lines in two encodings", "eco_packaging", "bang.csv", MIXED, ("mixed_encoding", None, None)),
    (
        "a NUL character in a name",
        "eco_packaging",
        "bang.csv",
        csv(PACKAGING, "2024,,Thành phố Việt\x00 Trì,12,7"),
        ("nul_character", 2, "unit_name"),
    ),
    (
        "12.000 million VND in a file that does not say how it writes numbers",
        "province_values",
        "bang.csv",
        csv(VALUES, "2024,25,budget_central,I.1,12.000"),
        ("ambiguous_number", 2, "value"),
    ),
    (
        "1e309 in a count",
        "eco_packaging",
        "bang.csv",
        csv(PACKAGING, "2024,230,,1e309,7"),
        ("scientific_notation", 2, "supermarkets_total"),
    ),
    (
        "1e309 in a coordinate",
        "green_retail_points",
        "bang.csv",
        csv(POINTS, "2024,Điểm A,230,,1e309,105.2"),
        ("scientific_notation", 2, "latitude"),
    ),
    (
        "1e309 as a province share",
        "province_values",
        "bang.csv",
        csv(VALUES, "2024,25,green_industry_grdp_share,,1e309"),
        ("scientific_notation", 2, "value"),
    ),
    (
        "infinity as a province share",
        "province_values",
        "bang.csv",
        csv(VALUES, "2024,25,green_industry_grdp_share,,inf"),
        ("not_finite", 2, "value"),
    ),
    (
        "a 100,000-digit number",
        "eco_packaging",
        "bang.csv",
        csv(PACKAGING, "2024,230,," + "9" * 100_000 + ",7"),
        ("number_too_long", 2, "supermarkets_total"),
    ),
    (
        "an absurd amount",
        "province_values",
        "bang.csv",
        csv(VALUES, "2024,25,budget_central,I.1,1000000000000000"),
        ("absurd_value", 2, "value"),
    ),
    (
        "a count a hair over whole",
        "eco_packaging",
        "bang.csv",
        csv(PACKAGING, "2024,230,,2.00000000000000001,1"),
        ("not_whole", 2, "supermarkets_total"),
    ),
    (
        "a count of 1e-400",
        "eco_packaging",
        "bang.csv",
        csv(PACKAGING, "2024,230,,5,1e-400"),
        ("scientific_notation", 2, "supermarkets_eco_packaging"),
    ),
    (
        "TRUE in a workbook's count column",
        "eco_packaging",
        "bang.xlsx",
        workbook([PACKAGING.split(","), [2024, 230, None, True, 1]]),
        ("boolean_not_number", 2, "supermarkets_total"),
    ),
]


@pytest.mark.parametrize(
    ("table", "name", "content", "expected"), [case[1:] for case in HOSTILE], ids=[case[0] for case in HOSTILE]
)
def test_a_hostile_file_is_refused_by_the_core_naming_the_fault_and_changes_nothing(
    store, snapshot, table, name, content, expected
):
    before = snapshot(store)
    found = preview_upload(store, content, name, table, REFERENCE, LIMIT)
    assert not found.accepted
    assert expected in [(problem.code, problem.row, problem.column) for problem in found.problems]
    for problem in found.problems:
        assert "{" not in problem.message("vi") and "{" not in problem.message("en")
    with pytest.raises(UploadRejectedError):
        commit_upload(store, found, Account("lan", PLANNER), confirm_warnings=True)
    assert snapshot(store) == before


@pytest.mark.parametrize(
    ("table", "name", "content", "expected"), [case[1:] for case in HOSTILE], ids=[case[0] for case in HOSTILE]
)
def test_a_hostile_file_is_refused_by_the_command_line_with_a_report_and_no_traceback(
    tmp_path, monkeypatch, capsys, table, name, content, expected
):
    monkeypatch.setenv("SCP_DATA_DIR", str(tmp_path))
    path = tmp_path / name
    path.write_bytes(content)
    code = main(["indicators", "import", str(path), "--table", table, "--json"])
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert code == 1 and not report["committed"] and "Traceback" not in err
    assert expected in [(problem["code"], problem["row"], problem["column"]) for problem in report["problems"]]
    assert Store(default_url(tmp_path)).revision() == 0


ODD_BUT_VALID = [
    (
        "Excel for Mac: lines ended by CR alone",
        "eco_packaging",
        csv(PACKAGING, "2024,230,,12,7", "2024,227,,20,19", ending="\r"),
        {"2024|230": ("supermarkets_total", "12"), "2024|227": ("supermarkets_eco_packaging", "19")},
    ),
    (
        "12.000 million VND in a file that writes decimals with a comma",
        "province_values",
        csv(VALUES, "2024,25,budget_central,I.1,12.000", '2024,25,budget_central,I.2,"4.800,5"'),
        {"2024|25|budget_central|I.1": ("value", "12000"), "2024|25|budget_central|I.2": ("value", "4800.5")},
    ),
    (
        "12.000 in a count",
        "eco_packaging",
        csv(PACKAGING, "2024,230,,12.000,11.999"),
        {"2024|230": ("supermarkets_total", "12000")},
    ),
]


@pytest.mark.parametrize(
    ("table", "content", "expected"), [case[1:] for case in ODD_BUT_VALID], ids=[case[0] for case in ODD_BUT_VALID]
)
def test_an_odd_but_valid_file_is_read(store, table, content, expected):
    found = preview_upload(store, content, "bang.csv", table, REFERENCE, LIMIT)
    assert found.accepted, [problem.message("en") for problem in found.problems]
    rows = dict(found.rows)
    assert {key: (column, rows[key][column]) for key, (column, _) in expected.items()} == expected


def test_lines_in_two_encodings_are_named_in_both_languages(store):
    found = preview_upload(store, MIXED, "bang.csv", "eco_packaging", REFERENCE, LIMIT)
    assert "lines 2 are UTF-8, lines 3 are not" in found.problems[0].message("en")
    assert "các dòng 2 là UTF-8, các dòng 3 thì không" in found.problems[0].message("vi")


def test_an_ambiguous_number_is_refused_naming_both_readings(store):
    found = preview_upload(store, HOSTILE[5][3], "bang.csv", "province_values", REFERENCE, LIMIT)
    message = found.problems[0].message("en")
    assert message.startswith("Row 2, column “Giá trị”: “12.000” could be 12000 (")
    assert "or 12.000 (a decimal point" in message


def test_a_workbook_number_with_three_decimals_is_read_as_the_number_excel_holds(store):
    content = workbook([VALUES.split(","), [2024, "25", "budget_central", "I.1", 1.234]])
    found = preview_upload(store, content, "bang.xlsx", "province_values", REFERENCE, LIMIT)
    assert found.accepted, [problem.message("en") for problem in found.problems]
    assert dict(found.rows)["2024|25|budget_central|I.1"]["value"] == "1.234"
