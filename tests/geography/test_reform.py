"""The 2025 reform: each former district placed in today's province, and a figure that spans the reform."""

import pytest

from dashboard.geography.levels import load_levels
from dashboard.geography.reform import district_crosswalk, load_reform, reform_note
from dashboard.maps.reform_map import reform_view
from dashboard.maps.views import Selection, map_view
from dashboard.progress.measures import ProvinceFigure, combined_figure

REFORM = load_reform()


def test_every_former_district_is_placed_in_exactly_one_province_of_today(data):
    crosswalk = district_crosswalk(data.units, REFORM)
    assert crosswalk["code"].is_unique and crosswalk["new_province_code"].notna().all()
    today = crosswalk.groupby("old_province_code")["new_province_code"].unique().map(list).to_dict()
    assert today == {"17": ["25"], "19": ["19"], "25": ["25"], "42": ["42"]}


def test_the_reform_merges_hoa_binh_and_vinh_phuc_into_phu_tho_and_bac_kan_into_thai_nguyen():
    merged = REFORM.groupby("new_province_code")["old_province_name"].apply(set).to_dict()
    assert merged == {"25": {"Hòa Bình", "Phú Thọ", "Vĩnh Phúc"}, "19": {"Bắc Kạn", "Thái Nguyên"}, "42": {"Hà Tĩnh"}}


def test_the_district_level_ends_in_2025_and_the_commune_level_begins_then(data):
    levels = load_levels()
    assert levels.loc["district", "valid_to"] == "2025" and levels.loc["commune", "valid_from"] == "2025"
    districts = data.units[data.units["level"] == "district"]
    communes = data.units[data.units["level"] == "commune"]
    assert int(districts["valid_to"].max()) == 2025 and set(communes["valid_from"]) == {2025}


@pytest.mark.parametrize(
    ("kind", "figures", "expected"),
    [
        ("share", [ProvinceFigure(50.0, 1, 2, 2, 2), ProvinceFigure(100.0, 8, 8, 8, 9)], 90.0),
        ("share_of_units", [ProvinceFigure(None, 0, 0, 0, 3), ProvinceFigure(75.0, 3, 4, 4, 4)], 75.0),
        ("cumulative_count", [ProvinceFigure(4.0, 4, 2, 2, 2), ProvinceFigure(6.0, 6, 3, 3, 3)], 10.0),
        ("share", [ProvinceFigure(None, 0, 0, 0, 3), ProvinceFigure(None, 0, 0, 0, 4)], None),
    ],
)
def test_a_figure_spanning_the_reform_adds_numerators_and_denominators_not_percentages(kind, figures, expected):
    figure = combined_figure(kind, figures)
    assert figure.value == expected
    assert figure.expected == sum(part.expected for part in figures)


def test_today_phu_tho_shows_hoa_binh_and_phu_tho_districts_with_one_figure(data):
    result = reform_view(data, REFORM, "25", "zone_awareness", 2025, "vi")
    parts = [map_view(data, Selection(code, "zone_awareness", 2025, "vi")) for code in ("17", "25")]
    assert len(result.view.features) == sum(len(part.features) for part in parts) == 23
    assert set(result.view.districts["former_province"]) == {"Hòa Bình", "Phú Thọ"}
    numerator = sum(part.figure.numerator for part in parts)
    denominator = sum(part.figure.denominator for part in parts)
    assert result.view.figure.value == pytest.approx(numerator * 100 / denominator)
    assert result.left_out == ["Vĩnh Phúc"]
    assert sum(entry.count for entry in result.view.legend) == 23


def test_the_note_names_what_is_left_out_and_flags_a_code_only_while_unchecked():
    note = reform_note(REFORM, "19", "en")
    assert "Bắc Kạn, Thái Nguyên" in note and "Not included: Bắc Kạn" in note and "code 19" not in note
    unchecked = REFORM.assign(code_checked=REFORM["new_province_code"] != "19")
    assert "code 19" in reform_note(unchecked, "19", "en")
    assert "keeps its extent" in reform_note(REFORM, "42", "en")
