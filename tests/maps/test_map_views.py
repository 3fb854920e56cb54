import dataclasses

import pandas as pd
import pytest

from dashboard.core.paths import ROOT
from dashboard.core.settings import default_url
from dashboard.dataset import load_dataset
from dashboard.geography.boundaries.importing import ImportRequest, import_layer
from dashboard.geography.boundaries.service import store_checked
from dashboard.geography.units import load_units
from dashboard.maps.views import Selection, class_table, map_view, selected_district, undrawn_note
from dashboard.progress.history import district_history, history_table
from dashboard.progress.plan import targets_table
from dashboard.store.database import Store

PHU_THO = "25"
REAL = ROOT.parent / "shared" / "fixtures" / "real"


def with_tables(data, **tables):
    return dataclasses.replace(data, tables={name: pd.DataFrame(rows) for name, rows in tables.items()})


def packaging_rows(year: int, figures: dict[str, tuple[int, int]]) -> list[dict]:
    return [
        {
            "year": year,
            "unit_code": code,
            "unit_name": "",
            "supermarkets_total": total,
            "supermarkets_eco_packaging": eco,
            "source": "upload",
        }
        for code, (total, eco) in figures.items()
    ]


def test_the_province_figure_is_computed_from_district_rows_and_judged(data):
    rows = packaging_rows(2023, {"227": (20, 18), "228": (5, 5), "230": (0, 0)})
    view = map_view(with_tables(data, eco_packaging=rows), Selection(PHU_THO, "eco_packaging", 2023, "vi"))
    assert view.figure.value == pytest.approx(92.0)
    assert (view.figure.reported, view.figure.expected) == (2, 12)
    assert (view.target.year, view.target.minimum) == (2025, 85)
    assert view.status == "met"
    assert not view.is_demo
    by_code = view.districts.set_index("code")
    assert by_code.loc["227", "value_text"] == "90% (18/20 siêu thị)"
    assert by_code.loc["227", "class_key"] == "from_85"
    assert by_code.loc["228", "class_key"] == "from_100"
    assert by_code.loc["230", "class_key"] == "not_applicable"
    assert by_code.loc["231", "value_text"] == "Không có số liệu"
    counts = {entry.label: entry.count for entry in view.legend}
    assert counts["Không có số liệu (chưa báo cáo)"] == 10


def test_every_district_of_the_year_is_on_the_map_exactly_once(data):
    view = map_view(data, Selection(PHU_THO, "zone_awareness", 2025, "vi"))
    assert sorted(view.features["code"]) == sorted(view.districts["code"])
    assert len(view.features) == 13
    assert sum(entry.count for entry in view.legend) == 13
    assert len(view.zones) == (data.zones["province_code"] == PHU_THO).sum()


def test_a_year_before_the_merger_draws_the_districts_valid_then(data):
    assert "151" not in set(map_view(data, Selection("17", "eco_packaging", 2021, "vi")).features["code"])


def test_zones_are_coloured_by_their_own_reach_for_the_zone_indicator(data):
    rows = [{"year": 2024, "zone_code": "PT-KCN-THUYVAN", "reached": "có", "source": "upload"}]
    view = map_view(with_tables(data, zone_awareness=rows), Selection(PHU_THO, "zone_awareness", 2024, "en"))
    zones = view.zones.set_index("zone_code")
    assert zones.loc["PT-KCN-THUYVAN", "colour"] != zones.loc["PT-KCN-PHUHA", "colour"]
    assert "Reached" in zones.loc["PT-KCN-THUYVAN", "tooltip"]
    assert "Not reported" in zones.loc["PT-KCN-PHUHA", "tooltip"]
    assert [entry.count for entry in view.zone_legend] == [1, 0, len(zones) - 1]


def test_text_from_data_is_escaped_in_tooltips(data):
    hostile = "<img src=x onerror=alert(1)>"
    units = data.units.copy()
    units.loc[units["code"] == "227", "name"] = hostile
    view = map_view(dataclasses.replace(data, units=units), Selection(PHU_THO, "eco_models", 2023, "vi"))
    tooltip = view.districts.set_index("code").loc["227", "tooltip"]
    assert hostile not in tooltip
    assert "&lt;img src=x onerror=alert(1)&gt;" in tooltip


@pytest.mark.parametrize(
    ("returned", "expected"),
    [
        (None, None),
        ({"last_active_drawing": None}, None),
        ({"last_active_drawing": {"properties": {"code": "230"}}}, "230"),
    ],
)
def test_a_click_on_the_map_selects_the_district_clicked(returned, expected):
    assert selected_district(returned) == expected


def test_a_district_history_shows_every_year_and_no_data_as_such(data):
    rows = packaging_rows(2022, {"230": (4, 3)})
    histories = district_history(with_tables(data, eco_packaging=rows), PHU_THO, "230", "en")
    packaging = next(h for h in histories if h.indicator == "eco_packaging")
    assert packaging.rows["text"].tolist() == ["75% (3/4 supermarkets)"]
    assert packaging.thresholds == [(85.0, 2025), (100.0, 2030)]
    table = history_table(histories, "en")
    assert table.columns[0] == "Indicator" and len(table) == 5


def test_the_plan_table_lists_every_target_of_the_plan(data):
    table = targets_table(data, "phu-tho", "vi")
    assert len(table) == (data.targets["plan_id"] == "phu-tho").sum()
    assert "12.000" in table["Tối thiểu"].tolist()


@pytest.mark.parametrize(
    ("indicator", "code", "lines"),
    [
        ("eco_packaging", "437", ["Siêu thị dùng bao bì xanh 2025: 100% (8/8 siêu thị)", "Chỉ tiêu tỉnh 2025: 85%"]),
        ("awareness_campaigns", "439", ["Số đợt tuyên truyền 2025: Không có số liệu", "Chỉ tiêu tỉnh 2025: 85%"]),
        ("eco_models", "437", ["Mô hình lũy kế đến 2025: 0 mô hình", "Chỉ tiêu tỉnh 2025: 1–2 mô hình"]),
    ],
)
def test_a_district_tooltip_repeats_neither_its_labels_nor_its_value(data, indicator, code, lines):
    view = map_view(data, Selection("42", indicator, 2025, "vi"))
    tooltip = view.features.set_index("code").loc[code, "tooltip"]
    assert tooltip.split("<br>")[1:] == lines


def test_the_plan_table_names_the_task_of_each_output_target_and_marks_about_targets(data):
    table = targets_table(data, "phu-tho", "en")
    supported = table[table["Task"] == "III.3"].set_index("Indicator")
    assert supported.loc["SCP conferences and workshops", "Minimum"] == "2"
    assert supported.index[0].startswith("Distributors supported") and supported["Minimum"].iloc[0] == "about 50"
    vi = targets_table(data, "thai-nguyen", "vi")
    assert "khoảng 50" in vi["Tối thiểu"].tolist()


def test_a_unit_the_drawn_layer_lacks_is_named_and_the_legend_counts_what_is_drawn(data):
    layer = data.layer[data.layer["code"] != "240"].reset_index(drop=True)
    view = map_view(dataclasses.replace(data, layer=layer), Selection(PHU_THO, "eco_packaging", 2025, "en"))
    assert view.undrawn == ["240"]
    assert "240" not in set(view.features["code"])
    assert sum(entry.count for entry in view.legend) == len(view.features) == 12
    assert undrawn_note(view, "en").startswith(
        "The boundary layer drawn lacks Tân Sơn District (100% (5/5 supermarkets))"
    )
    classes = class_table(view, "en")
    assert classes["Districts"].sum() == 13


def test_a_full_layer_leaves_no_note(data):
    view = map_view(data, Selection(PHU_THO, "eco_packaging", 2025, "vi"))
    assert view.undrawn == []
    assert undrawn_note(view, "vi") == ""


@pytest.mark.skipif(not (REAL / "phu_tho.geojson").exists(), reason=f"the real boundary fixtures are not at {REAL}")
def test_the_real_phu_tho_layer_without_tan_son_names_it_under_the_map_and_counts_only_drawn_units(tmp_path):
    result = import_layer(ImportRequest(REAL / "phu_tho.geojson", PHU_THO, "district", 2021), load_units())
    store = Store(default_url(tmp_path))
    assert store_checked(store, result, "test", accepted=True)
    view = map_view(load_dataset(store=store), Selection(PHU_THO, "eco_packaging", 2025, "vi"))
    assert view.undrawn == ["240"]
    assert sum(entry.count for entry in view.legend) == len(view.features) == 12
    assert undrawn_note(view, "vi").startswith("Lớp ranh giới đang vẽ không có: Huyện Tân Sơn (100% (5/5 siêu thị))")
    assert not view.schematic
