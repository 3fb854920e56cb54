"""Every page through Streamlit's AppTest: no exception, and the figures a user reads after each change."""

import gzip
import json

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.i18n import t
from dashboard.paths import ROOT
from dashboard.synthetic import detailed_layer
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


def map_arguments(app: AppTest) -> dict:
    return json.loads(app.get("component_instance")[0].proto.json_args)


def test_the_map_asks_the_browser_only_for_clicks_so_panning_never_reruns_the_page(app):
    assert map_arguments(app)["returned_objects"] == ["last_active_drawing"]


@pytest.mark.parametrize("province", ["17", "19", "25", "42"])
def test_each_province_map_sends_the_browser_less_than_80_kb(app, province):
    app.sidebar.selectbox(key="province").select(province).run()
    payload = app.get("component_instance")[0].proto.json_args.encode()
    assert len(payload) < 80_000
    assert len(gzip.compress(payload)) < 20_000


def test_a_boundary_layer_with_surveyed_detail_reaches_the_browser_simplified(monkeypatch, tmp_path, data):
    detailed = tmp_path / "detailed.geojson"
    detailed_layer(data.layer, 50.0).to_file(detailed)
    monkeypatch.setenv("SCP_BOUNDARIES", str(detailed))
    st.cache_data.clear()
    st.cache_resource.clear()
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S).run()
    assert not app.exception
    payload = app.get("component_instance")[0].proto.json_args.encode()
    assert len(payload) < 80_000 < detailed.stat().st_size
    assert len(gzip.compress(payload)) < 20_000
    st.cache_resource.clear()
