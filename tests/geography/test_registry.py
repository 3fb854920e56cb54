"""The units after the 2025 reform as the registry package lists them: communes per province and year with their
level, the reporting level of a year, and the reform table and district list checked against the package."""

import pytest

from dashboard.geography.levels import reported_level
from dashboard.geography.reform import load_reform
from dashboard.geography.registry import (
    commune_predecessors,
    registry_communes,
    registry_districts,
    registry_provinces,
)
from dashboard.geography.units import at_level, load_provinces, units_of, valid_in

COMMUNES_2026 = {"25": 148, "19": 92, "42": 69}


@pytest.mark.parametrize(("province", "count"), COMMUNES_2026.items())
def test_each_merged_province_has_its_communes_and_wards_in_2026(data, province, count):
    units = units_of(data.units, province, 2026)
    assert len(units) == count and units["code"].is_unique
    assert set(units["level"]) == {"commune"}
    assert set(units["type"]) <= {"xa", "phuong", "dac_khu"}
    assert (units["valid_from"] == 2025).all()


@pytest.mark.parametrize(
    ("year", "level", "count"), [(2024, "district", 13), (2025, "district", 13), (2026, "commune", 148)]
)
def test_phu_tho_is_reported_by_its_districts_until_2025_and_by_communes_from_2026(data, year, level, count):
    units = units_of(data.units, "25", year)
    assert len(units) == count and set(units["level"]) == {level}


def test_the_communes_exist_from_the_reform_year_when_asked_for_by_level(data):
    assert len(units_of(data.units, "25", 2025, "commune")) == 148
    assert units_of(data.units, "25", 2024, "commune").empty
    assert units_of(data.units, "25", 2026, "district").empty


def test_hoa_binh_has_no_units_after_the_reform(data):
    assert units_of(data.units, "17", 2026).empty and len(units_of(data.units, "17", 2025)) == 10


def test_the_whole_country_has_3321_communes_in_34_provinces(data):
    communes = valid_in(at_level(data.units, "commune"), 2026)
    assert len(communes) == 3321 and communes["province_code"].nunique() == 34
    assert communes["code"].str.fullmatch(r"\d{5}").all()


@pytest.mark.parametrize(
    ("year", "level"), [(2019, "district"), (2025, "district"), (2026, "commune"), (2030, "commune")]
)
def test_a_year_is_reported_by_districts_until_2025_and_by_communes_after(year, level):
    assert reported_level(year) == level


def test_the_reform_table_agrees_with_the_package_wherever_it_says_checked():
    reform = load_reform()
    registry = registry_provinces().set_index("province_code")["predecessors"]
    for new_code, parts in reform.groupby("new_province_code"):
        agrees = sorted(parts["old_province_code"]) == registry[new_code].split()
        assert agrees == parts["code_checked"].all(), new_code
    assert reform["code_checked"].all()


def test_the_merged_provinces_carry_their_predecessors_as_the_package_gives_them():
    provinces = valid_in(load_provinces(), 2026).set_index("province_code")["predecessors"]
    registry = registry_provinces().set_index("province_code")["predecessors"]
    assert provinces.to_dict() == {code: registry[code] for code in provinces.index}
    assert provinces.to_dict() == {"19": "06 19", "25": "17 25 26", "42": "42"}


def test_the_districts_of_2025_agree_with_the_package_but_for_loc_ha(data):
    registry = registry_districts().set_index("code")
    differing = []
    for unit in at_level(valid_in(data.units, 2025), "district").itertuples():
        if unit.code not in registry.index:
            differing.append(unit.code)
            continue
        listed = registry.loc[unit.code]
        assert listed["province_code"] == unit.province_code and listed["type"] == unit.type
        assert listed["name"].split(" (")[0] == unit.name
    assert differing == ["448"]


def test_every_commune_of_the_merged_phu_tho_came_from_districts_of_its_three_former_provinces(data):
    communes = set(units_of(data.units, "25", 2026)["code"])
    pairs = commune_predecessors()
    chosen = pairs[pairs["code"].isin(communes)]
    assert set(chosen["code"]) == communes
    former = registry_districts().set_index("code").loc[chosen["district_code"], "province_code"]
    assert set(former) == {"17", "25", "26"}


def test_the_package_gives_every_commune_a_location_in_vietnam():
    communes = registry_communes()
    assert communes["seat_lat"].between(8.0, 23.5).all() and communes["seat_lon"].between(102.0, 117.5).all()
