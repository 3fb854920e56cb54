"""Uploads from 2026 by commune: units found by code or by any spelling of their name among the communes of the
year, a unit of the other level refused saying why (a district in 2026 with its successor communes, a commune in
2024 or 2025), the new column names with the former ones still accepted, and rows stored under the former names
read as before."""

import unicodedata

import pytest

from dashboard.intake.accounts import PLANNER, Account
from dashboard.intake.tables import UNIT_CODE, UNIT_NAME, table_specs
from dashboard.intake.unit_levels import successor_names
from dashboard.intake.uploads import (
    bundled_reference,
    commit_upload,
    current_values,
    preview_upload,
    store_tables,
)
from dashboard.store.database import NewUpload, Store

REFERENCE = bundled_reference()
LIMIT = 2**20
PACKAGING = "year,unit_code,unit_name,supermarkets_total,supermarkets_eco_packaging"
ACCOUNT = Account("lan", PLANNER)
COUNT_HEADERS = "Tổng số siêu thị và trung tâm thương mại,Số siêu thị dùng bao bì thân thiện môi trường"


@pytest.fixture
def store(tmp_path) -> Store:
    """Return an empty SQLite store of the test's own."""
    return Store(f"sqlite:///{tmp_path / 'store.sqlite3'}")


def csv(*lines: str) -> bytes:
    """Return CSV lines as UTF-8 bytes."""
    return ("\n".join(lines) + "\n").encode("utf-8")


def preview(store: Store, content: bytes, table: str = "eco_packaging"):
    """Return the preview of an upload to the store."""
    return preview_upload(store, content, "bang.csv", table, REFERENCE, LIMIT)


def only_problem(found) -> tuple[str, int, str]:
    """Return the code, row and column of the one problem of a preview."""
    assert len(found.problems) == 1, [problem.message("en") for problem in found.problems]
    problem = found.problems[0]
    return problem.code, problem.row, problem.column


@pytest.mark.parametrize(
    ("written", "code"),
    [
        (",Phường Việt Trì", "07900"),
        (",P. Việt Trì", "07900"),
        (",phường   VIỆT  TRÌ", "07900"),
        (",Việt Trì", "07900"),
        (",Phường Hoà Bình", "04795"),
        (",Hòa Bình", "04795"),
        (",X. Ðoan Hùng", "07969"),
        (",Đoan Hùng", "07969"),
        (",Xã Tràng Xá", "05746"),
        ("07900,", "07900"),
        ("07900,Phường Việt Trì", "07900"),
    ],
)
def test_a_2026_row_names_its_commune_by_code_or_any_spelling_of_its_name(store, written, code):
    content = csv(PACKAGING, f"2026,{written},10,9")
    found = preview(store, unicodedata.normalize("NFD", content.decode()).encode())
    assert found.problems == [] and [values[UNIT_CODE] for _, values in found.rows] == [code]


def test_a_2026_row_is_stored_under_its_year_and_commune_code_with_the_official_name_filled_in(store):
    found = preview(store, csv(PACKAGING, "2026,07900,,10,9"))
    key, values = found.rows[0]
    assert key == "2026|07900" and values[UNIT_NAME] == "Phường Việt Trì"
    commit_upload(store, found, ACCOUNT)
    table = store_tables(store)["eco_packaging"]
    assert table.loc[0, UNIT_CODE] == "07900" and table.loc[0, "year"] == 2026


def test_a_commune_name_shared_by_two_provinces_is_never_guessed(store):
    problem = preview(store, csv(PACKAGING, "2026,,Văn Lang,10,9")).problems[0]
    assert (problem.code, problem.column) == ("ambiguous_name", UNIT_NAME)
    assert "02143" in problem.message("vi") and "08134" in problem.message("en")


def test_the_type_word_tells_apart_a_ward_and_a_commune_of_the_same_name(store):
    found = preview(store, csv(PACKAGING, "2026,,Xã Quyết Thắng,10,9"))
    assert found.problems == [] and found.rows[0][1][UNIT_CODE] == "05323"
    assert preview(store, csv(PACKAGING, "2026,,Quyết Thắng,10,9")).problems[0].code == "ambiguous_name"


@pytest.mark.parametrize("written", ["227,", ",Thành phố Việt Trì", ",TP. Việt Trì", ",Huyện Đoan Hùng"])
def test_a_district_in_2026_is_refused_listing_the_communes_that_took_its_territory(store, written):
    found = preview(store, csv(PACKAGING, f"2026,{written},10,9"))
    assert only_problem(found) == ("district_after_reform", 2, UNIT_CODE)
    vietnamese, english = found.problems[0].message("vi"), found.problems[0].message("en")
    assert "Dòng 2" in vietnamese and "1/7/2025" in vietnamese and "Row 2" in english and "1 July 2025" in english
    if "Việt Trì" in written or written == "227,":
        assert all(name in english for name in ("Phường Việt Trì (07900)", "Phường Nông Trang (07894)"))
    else:
        assert "Xã Đoan Hùng (07969)" in english


def test_the_successors_of_a_district_are_the_communes_of_the_conversion():
    listed = successor_names(REFERENCE.units, "227")
    assert listed.split("; ") == [
        "Phường Nông Trang (07894)",
        "Phường Việt Trì (07900)",
        "Phường Thanh Miếu (07909)",
        "Phường Vân Phú (07918)",
        "Xã Hy Cương (08515)",
    ]


@pytest.mark.parametrize("year", ["2024", "2025"])
@pytest.mark.parametrize("written", ["07900,", ",Phường Việt Trì"])
def test_a_commune_before_2026_is_refused_saying_the_year_is_reported_by_district(store, year, written):
    found = preview(store, csv(PACKAGING, f"{year},{written},10,9"))
    assert only_problem(found) == ("commune_before_reform", 2, UNIT_CODE)
    assert f"{year} is reported by district" in found.problems[0].message("en")
    assert "báo cáo theo huyện" in found.problems[0].message("vi")


def test_a_2025_name_shared_by_a_district_and_a_ward_is_the_district(store):
    found = preview(store, csv(PACKAGING, "2025,,Hòa Bình,10,9"))
    assert found.problems == [] and found.rows[0][1][UNIT_CODE] == "148"


@pytest.mark.parametrize(
    ("province_code", "line"),
    [("42", "2026,18073,,4,3"), ("19", "2026,,Phường Phan Đình Phùng,6,5"), ("25", "2026,08515,,0,0")],
)
def test_2026_is_inside_the_plans_of_the_merged_provinces(store, province_code, line):
    found = preview(store, csv(PACKAGING, line))
    assert found.problems == [] and len(found.rows) == 1


def test_a_zone_of_a_former_province_reports_2026_under_the_merged_province(store):
    found = preview(store, csv("year,zone_code,zone_name,reached", "2026,HB-KCN-LUONGSON,,có"), "zone_awareness")
    assert found.problems == []


def test_a_2026_model_in_a_zone_needs_no_commune(store):
    content = csv("year,unit_code,zone_code,model_name,model_type", "2026,,HB-KCN-LUONGSON,Mô hình A,sản xuất sạch hơn")
    found = preview(store, content, "eco_models")
    assert found.problems == [] and found.rows[0][1][UNIT_CODE] == ""


@pytest.mark.parametrize(
    "header",
    [
        PACKAGING,
        f"Năm,Mã đơn vị,Tên đơn vị,{COUNT_HEADERS}",
        "year,district_code,district_name,supermarkets_total,supermarkets_eco_packaging",
        f"Năm,Mã huyện,Tên huyện,{COUNT_HEADERS}",
    ],
)
def test_the_unit_columns_are_read_under_their_new_and_former_names(store, header):
    found = preview(store, csv(header, "2026,07900,,10,9", "2024,227,,8,7"))
    assert found.problems == [] and [key for key, _ in found.rows] == ["2026|07900", "2024|227"]


def test_the_template_headers_are_the_unit_columns():
    headers = [column.header_vi for column in table_specs()["awareness_campaigns"].columns]
    assert headers[1:3] == ["Mã đơn vị", "Tên đơn vị"]


def test_rows_stored_under_the_former_column_names_keep_their_keys_and_values(store):
    spec = table_specs()["eco_packaging"]
    former = {"year": "2024", "district_code": "227", "district_name": "Thành phố Việt Trì"}
    former |= {"supermarkets_total": "8", "supermarkets_eco_packaging": "7"}
    upload = NewUpload("eco_packaging", "cu.csv", "0" * 64, b"", "utf-8", "lan", 1, 0, 0, 0)
    store.commit(upload, [("2024|227", former)], store.revision())
    table = store_tables(store)["eco_packaging"]
    assert (table.loc[0, UNIT_CODE], table.loc[0, UNIT_NAME], table.loc[0, "supermarkets_total"]) == (
        "227",
        "Thành phố Việt Trì",
        8,
    )
    assert current_values(store, spec).loc["2024|227", UNIT_CODE] == "227"
    again = preview(store, csv(PACKAGING, "2024,227,,8,7"))
    assert again.counts() == {"new": 0, "changed": 0, "unchanged": 1}
