"""Every page through Streamlit's AppTest: no exception, and the figures a user reads after each change."""

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.i18n import t
from dashboard.paths import ROOT
from dashboard.views import Selection, figure_text, map_view, province_target_metric

TIMEOUT_S = 60


@pytest.fixture
def app():
    st.cache_data.clear()
    st.cache_resource.clear()
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S).run()


def metrics(app: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def expected_metrics(data, selection: Selection) -> dict[str, str]:
    view = map_view(data, selection)
    kind = data.catalogue.loc[selection.indicator, "kind"]
    language = selection.language
    target_label, target_value = province_target_metric(view.target, selection.indicator, kind, language)
    return {
        t("map.figure", language, year=selection.year): figure_text(
            selection.indicator, kind, view.figure.value, language
        ),
        target_label: target_value,
        t("map.status", language): t(f"status.{view.status}", language),
    }


def test_the_map_page_opens_on_phu_tho_with_the_demo_marked(app, data):
    assert not app.exception
    assert app.title[0].value == "Bản đồ"
    assert "SỐ LIỆU MINH HỌA" in app.warning[0].value
    assert metrics(app) == expected_metrics(data, Selection("25", "zone_awareness", 2025, "vi"))
    districts = app.dataframe[1].value
    assert len(districts) == 13 and "Huyện Tân Sơn" in districts["Huyện"].tolist()


@pytest.mark.parametrize("province", ["17", "19", "42", "25"])
def test_changing_province_shows_that_provinces_figure_and_target(app, data, province):
    app.sidebar.selectbox(key="province").select(province).run()
    assert not app.exception
    assert metrics(app) == expected_metrics(data, Selection(province, "zone_awareness", 2025, "vi"))
    assert data.plan_of(province)["title_vi"] in app.caption[0].value


@pytest.mark.parametrize(
    ("indicator", "year"),
    [("eco_packaging", 2021), ("awareness_campaigns", 2023), ("eco_models", 2024), ("green_retail_points", 2022)],
)
def test_changing_indicator_and_year_recomputes_the_figures(app, data, indicator, year):
    app.sidebar.selectbox(key="indicator").select(indicator).run()
    app.sidebar.selectbox(key="year").select(year).run()
    assert not app.exception
    assert metrics(app) == expected_metrics(data, Selection("25", indicator, year, "vi"))
    classes = app.dataframe[0].value
    assert classes["Số huyện"].sum() == 13


def test_the_interface_switches_to_english(app, data):
    app.sidebar.radio(key="language").set_value("en").run()
    assert not app.exception
    assert app.title[0].value == "Map"
    assert "DEMO DATA" in app.warning[0].value
    assert metrics(app) == expected_metrics(data, Selection("25", "zone_awareness", 2025, "en"))


def test_choosing_a_district_shows_it_and_opens_its_detail_page(app):
    app.sidebar.selectbox(key="district").select("240").run()
    assert "Huyện Tân Sơn" in app.info[0].value
    app.button(key="open_district").click().run()
    assert not app.exception
    assert app.title[0].value == "Chi tiết huyện"
    assert app.header[0].value == "Huyện Tân Sơn, tỉnh Phú Thọ"


def test_the_district_page_lists_every_core_indicator_by_year(app, data):
    app.switch_page("pages/district.py").run()
    assert not app.exception
    table = app.dataframe[0].value
    assert len(table) == len(data.core_indicators())
    assert [column for column in table.columns if column.isdigit()] == [str(year) for year in range(2021, 2026)]
    assert len(app.get("plotly_chart")) == len(data.core_indicators())


def test_the_choice_of_province_survives_moving_between_pages(app):
    app.sidebar.selectbox(key="province").select("42").run()
    app.switch_page("pages/plan.py").run()
    assert app.sidebar.selectbox(key="province").value == "42"
    assert "Hà Tĩnh" in app.subheader[0].value


@pytest.mark.parametrize("province", ["17", "19", "25", "42"])
def test_the_plan_page_lists_every_target_of_the_plan(app, data, province):
    app.switch_page("pages/plan.py").run()
    app.sidebar.selectbox(key="province").select(province).run()
    assert not app.exception
    plan_id = data.plan_of(province)["plan_id"]
    assert len(app.dataframe[0].value) == (data.targets["plan_id"] == plan_id).sum()


def test_a_wrong_setting_stops_every_page_with_a_message_in_both_languages(monkeypatch):
    st.cache_data.clear()
    st.cache_resource.clear()
    monkeypatch.setenv("SCP_BASEMAP", "google")
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S).run()
    assert not app.exception
    message = app.error[0].value
    assert "Cấu hình máy chủ không hợp lệ" in message
    assert "SCP_BASEMAP phải là một trong osm, none" in message and "must be one of osm, none" in message
    assert not app.metric


def app_with_data_dir(monkeypatch, data_dir):
    st.cache_data.clear()
    st.cache_resource.clear()
    monkeypatch.setenv("SCP_DATA_DIR", str(data_dir))
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S).run()


def boundary_page(monkeypatch, data_dir):
    app = app_with_data_dir(monkeypatch, data_dir)
    return app.switch_page("pages/boundaries.py").run()


def test_the_boundary_page_says_when_no_layer_is_imported(monkeypatch, tmp_path):
    app = boundary_page(monkeypatch, tmp_path)
    assert not app.exception
    assert app.title[0].value == "Lớp ranh giới"
    assert "Chưa nạp lớp nào" in app.info[0].value


def test_the_boundary_page_lists_stored_versions_and_the_map_stops_calling_them_schematic(data, monkeypatch, tmp_path):
    from dashboard.boundary_import import ImportRequest, import_layer
    from dashboard.layer_store import store_version
    from dashboard.units import valid_in

    layer = valid_in(data.layer[data.layer["province_code"] == "25"], 2025)[["code", "geometry"]]
    layer.to_file(tmp_path / "phu_tho.geojson", driver="GeoJSON")
    result = import_layer(ImportRequest(tmp_path / "phu_tho.geojson", "25", "district", 2021, 2025), data.units)
    version = store_version(tmp_path / "var", result, "admin", accepted=False)
    app = app_with_data_dir(monkeypatch, tmp_path / "var")
    assert not app.exception
    assert t("app.schematic_note", "vi") not in [caption.value for caption in app.caption]
    app.switch_page("pages/boundaries.py").run()
    assert not app.exception
    versions = app.dataframe[0].value
    assert versions["Phiên bản"].tolist() == [version]
    assert versions["Trạng thái"].tolist() == ["hợp lệ"] and versions["Năm"].tolist() == ["2021–2025"]


def test_the_reform_page_shows_today_phu_tho_with_a_figure_spanning_the_reform(app, data):
    from dashboard.reform import load_reform, reform_view

    app.switch_page("pages/reform.py").run()
    assert not app.exception
    assert app.title[0].value == "Tỉnh sau sắp xếp năm 2025"
    assert "Vĩnh Phúc" in app.info[0].value
    view = reform_view(data, load_reform(), "25", "zone_awareness", 2025, "vi").view
    assert metrics(app)[t("map.figure", "vi", year=2025)] == figure_text(
        "zone_awareness", "share_of_units", view.figure.value, "vi"
    )
    assert len(app.dataframe[0].value) == 23
    app.sidebar.selectbox(key="reform_province").select("42").run()
    assert not app.exception and len(app.dataframe[0].value) == 13


def test_the_zones_and_points_page_checks_the_green_points_of_the_chosen_province(app):
    app.switch_page("pages/sites.py").run()
    assert not app.exception
    assert app.title[0].value == "Khu và điểm"
    assert "Mọi điểm bán lẻ xanh đến năm 2025 đều nằm trong huyện ghi kèm" in app.success[0].value
    app.selectbox(key="zone_province").select("42").run()
    assert not app.exception and app.success


def test_checking_without_a_file_asks_for_one_and_stores_nothing(monkeypatch, tmp_path):
    app = boundary_page(monkeypatch, tmp_path)
    app.button[0].click().run()
    assert not app.exception
    assert app.warning[0].value == "Hãy chọn tệp trước."
    assert not list(tmp_path.iterdir())
