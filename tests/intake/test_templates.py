"""Upload templates list what a department's rows may name: the province's units of the chosen year (codes and
official names), its zones, and for province-level figures the indicator codes with their meaning."""

import io

import openpyxl
import pandas as pd
import pytest

from dashboard.core.exports import workbook_bytes
from dashboard.intake.tables import table_specs
from dashboard.intake.uploads import template_frame, template_sheets, template_years


@pytest.mark.parametrize(
    ("province", "year", "present", "absent"),
    [
        ("17", 2019, {"151": "Huyện Kỳ Sơn"}, set()),
        ("17", 2025, {"148": "Thành phố Hòa Bình", "150": "Huyện Đà Bắc"}, {"151"}),
        ("25", 2025, {"227": "Thành phố Việt Trì", "238": "Huyện Thanh Sơn"}, {"148"}),
    ],
)
def test_a_template_lists_the_provinces_units_of_the_year_with_codes_and_official_names(
    data, province, year, present, absent
):
    sheets = template_sheets("eco_packaging", data.units, data.zones, data.catalogue, province, year, "vi")
    units = sheets[f"Đơn vị năm {year}"]
    assert list(units.columns) == ["Mã đơn vị", "Tên đơn vị"]
    listed = dict(zip(units["Mã đơn vị"], units["Tên đơn vị"], strict=True))
    assert present.items() <= listed.items()
    assert not absent & set(listed)


def test_a_zone_template_lists_the_provinces_zones(data):
    sheets = template_sheets("zone_awareness", data.units, data.zones, data.catalogue, "17", 2025, "vi")
    zones = sheets["Khu và làng nghề"]
    assert "HB-KCN-LUONGSON" in set(zones["Mã khu"]) and "KCN Lương Sơn" in set(zones["Tên khu"])
    assert set(zones["Mã khu"]) == set(data.zones.loc[data.zones["province_code"] == "17", "zone_code"])


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_province_values_template_lists_the_indicator_codes_with_their_meaning(data, language):
    sheets = template_sheets("province_values", data.units, data.zones, data.catalogue, "25", 2025, language)
    indicators = next(sheet for title, sheet in sheets.items() if title in {"Chỉ số", "Indicators"})
    rows = indicators.set_index(indicators.columns[0])
    assert "training_classes" in rows.index and "eco_packaging" not in rows.index
    meaning = rows.loc["waste_recycling_household_urban"].iloc[0]
    assert meaning == data.catalogue.loc["waste_recycling_household_urban", f"name_{language}"]
    assert "85%" in rows.loc["waste_recycling_household_urban"].iloc[1]


def test_template_years_are_the_plans_years_with_units(data):
    assert template_years(data.units, data.plan_of("17")) == [2021, 2022, 2023, 2024, 2025]


def test_the_xlsx_template_holds_the_table_first_then_its_guide_and_units(data):
    sheets = template_sheets("eco_packaging", data.units, data.zones, data.catalogue, "25", 2025, "vi")
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes({"mau": template_frame("eco_packaging")} | sheets)))
    assert book.sheetnames == ["mau", "Hướng dẫn", "Đơn vị năm 2025"]
    first = pd.read_excel(io.BytesIO(workbook_bytes({"mau": template_frame("eco_packaging")})), dtype=str)
    assert list(first.columns) == [column.header_vi for column in table_specs()["eco_packaging"].columns]
