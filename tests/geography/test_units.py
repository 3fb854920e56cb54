import pytest
import shapely

from dashboard.geography.units import full_name, units_of, valid_in

DISTRICT_COUNTS = {"17": 10, "19": 9, "25": 13, "42": 13}


@pytest.mark.parametrize("year", range(2020, 2026))
@pytest.mark.parametrize(("province", "count"), DISTRICT_COUNTS.items())
def test_each_province_has_its_districts_in_every_year_of_the_plans(data, province, count, year):
    units = units_of(data.units, province, year)
    assert len(units) == count
    assert units["code"].is_unique


def test_ky_son_exists_until_2019_and_then_belongs_to_hoa_binh_city(data):
    assert set(units_of(data.units, "17", 2019)["code"]) - set(units_of(data.units, "17", 2020)["code"]) == {"151"}
    ky_son = data.units[data.units["code"] == "151"].iloc[0]
    assert (ky_son["valid_to"], ky_son["merged_into"]) == (2019, "148")


@pytest.mark.parametrize(("year", "expected"), [(2021, "Thị xã Phổ Yên"), (2022, "Thành phố Phổ Yên")])
def test_pho_yen_is_named_by_its_type_in_each_year(data, year, expected):
    unit = units_of(data.units, "19", year).set_index("code").loc["172"]
    assert full_name(unit["type"], unit["name"], "vi") == expected


def test_versions_of_a_unit_never_overlap_in_time(data):
    for _, versions in data.units.groupby("code"):
        ordered = versions.sort_values("valid_from")
        assert (ordered["valid_from"].iloc[1:].values > ordered["valid_to"].iloc[:-1].values).all()


def test_gso_codes_have_three_digits_for_districts_and_five_for_communes_and_names_are_nfc(data):
    import unicodedata

    digits = data.units["level"].map({"district": 3, "commune": 5})
    assert all(len(code) == width and code.isdigit() for code, width in zip(data.units["code"], digits, strict=True))
    for name in [*data.units["name"], *data.zones["name"]]:
        assert unicodedata.normalize("NFC", name) == name
        assert "\u00d0" not in name


def test_every_zone_lies_in_a_district_of_its_own_province_valid_in_2020_to_2025(data):
    for year in range(2020, 2026):
        for zone in data.zones.itertuples():
            codes = set(units_of(data.units, zone.province_code, year)["code"])
            assert zone.district_code in codes, zone.zone_code


def test_zone_codes_are_unique_and_kinds_known(data):
    assert data.zones["zone_code"].is_unique
    assert set(data.zones["kind"]) <= {"kcn", "ccn", "kkt", "lang_nghe"}


def test_every_zone_is_drawn_inside_the_district_it_claims(data):
    for zone in data.zones.itertuples():
        shapes = valid_in(data.layer, 2023).set_index("code").geometry
        assert shapes[zone.district_code].covers(shapely.Point(zone.longitude, zone.latitude)), zone.zone_code
