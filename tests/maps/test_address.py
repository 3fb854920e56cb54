"""The map's selection read from the text of a link or a command: known values taken, the rest falling back to
the default and listed, a unit read in the chosen province and year."""

import pytest

from dashboard.maps.address import MapAddress, address_notes, address_values, read_address

DEFAULT = MapAddress("25", "zone_awareness", 2025)


@pytest.mark.parametrize(
    ("given", "expected", "unknown"),
    [
        ({}, ("25", "zone_awareness", 2025, None), []),
        ({"province": "42", "indicator": "eco_models", "year": "2023"}, ("42", "eco_models", 2023, None), []),
        ({"province": "thai-nguyen", "unit": "164"}, ("19", "zone_awareness", 2025, "164"), []),
        ({"province": " Phu-Tho ", "year": " 2021 "}, ("25", "zone_awareness", 2021, None), []),
        ({"province": "Phú Thọ"}, ("25", "zone_awareness", 2025, None), ["province"]),
        ({"indicator": "ECO_MODELS"}, ("25", "zone_awareness", 2025, None), ["indicator"]),
        ({"year": "２０２５"}, ("25", "zone_awareness", 2025, None), ["year"]),
        ({"year": "2025.0", "unit": "227"}, ("25", "zone_awareness", 2025, "227"), ["year"]),
        ({"year": "2019"}, ("25", "zone_awareness", 2025, None), ["year"]),
        ({"province": "17", "unit": "227"}, ("17", "zone_awareness", 2025, None), ["unit"]),
        ({"province": "17", "year": "2021", "unit": "148"}, ("17", "zone_awareness", 2021, "148"), []),
        ({"province": "17", "year": "2025", "unit": "151"}, ("17", "zone_awareness", 2025, None), ["unit"]),
        (
            {"province": "99", "indicator": "x", "year": "y", "unit": "z"},
            ("25", "zone_awareness", 2025, None),
            ["province", "indicator", "year", "unit"],
        ),
    ],
)
def test_each_value_is_taken_when_the_data_knows_it_and_listed_when_not(data, given, expected, unknown):
    address = read_address(data, given, DEFAULT)
    assert (address.province, address.indicator, address.year, address.unit) == expected
    assert [item.field for item in address.unknown] == unknown


def test_a_note_names_the_value_written_and_what_is_shown_instead(data):
    address = read_address(data, {"province": "99", "year": "1999"}, DEFAULT)
    assert address_notes(data, address, "en") == [
        "The page's address names province “99”, which is not in the data: showing Phú Thọ.",
        "The page's address names year “1999”, which has no figures: showing 2025.",
    ]


def test_the_link_of_a_whole_province_has_no_unit():
    assert address_values(MapAddress("25", "eco_packaging", 2025)) == {
        "province": "25",
        "indicator": "eco_packaging",
        "year": "2025",
    }
    assert address_values(MapAddress("25", "eco_packaging", 2025, "227"))["unit"] == "227"
