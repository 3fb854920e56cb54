"""Every page through Streamlit's AppTest: no exception, and the figures a user reads after each change."""

import gzip
import json
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.core.i18n import t
from dashboard.core.paths import ROOT
from dashboard.geography.boundaries.stored import list_versions
from dashboard.intake.accounts import ADMIN, add_account
from dashboard.maps.bench.synthetic import detailed_layer
from dashboard.maps.views import Selection, map_view
from dashboard.progress.wording import figure_text, province_target_metric
from tests.conftest import store_in

TIMEOUT_S = 60


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
    targets = app.table[0].value
    assert len(targets) == (data.targets["plan_id"] == plan_id).sum()
    assert targets.columns[0] == "Nội dung chỉ tiêu trong kế hoạch"


@pytest.mark.parametrize(("province", "count", "budget"), [("17", 18, ""), ("19", 16, ""), ("25", 17, "1.500")])
def test_the_plan_page_lists_the_plans_tasks_with_agencies_and_budgets(app, province, count, budget):
    app.switch_page("pages/plan.py").run()
    app.sidebar.selectbox(key="province").select(province).run()
    assert not app.exception
    tasks = app.dataframe[0].value
    assert len(tasks) == count and f"({count})" in app.subheader[1].value
    assert tasks["Cơ quan chủ trì"].iloc[0] == "Sở Công Thương"
    budgets = tasks["Kinh phí (triệu đồng)"].tolist()
    assert budget in budgets if budget else set(budgets) == {""}


def test_a_wrong_setting_stops_every_page_with_a_message_in_both_languages(monkeypatch):
    st.cache_data.clear()
    st.cache_resource.clear()
    monkeypatch.setenv("SCP_BASEMAP", "google")
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S).run()
    assert not app.exception
    message = app.error[0].value.replace("\\", "")
    assert "Cấu hình máy chủ không hợp lệ" in message
    assert "SCP_BASEMAP phải là một trong osm, none" in message and "must be one of osm, none" in message
    assert not app.metric


def download_labels(app: AppTest) -> list[str]:
    return [button.proto.label for button in app.get("download_button")]


@pytest.mark.parametrize(("province", "plan_id"), [("17", "hoa-binh"), ("19", "thai-nguyen"), ("42", "ha-tinh")])
def test_the_scorecard_lists_every_target_of_the_plan_with_its_status(app, data, province, plan_id):
    from dashboard.progress.scorecard import scorecard, scorecard_table

    app.switch_page("pages/scorecard.py").run()
    app.sidebar.selectbox(key="province").select(province).run()
    assert not app.exception
    assert app.title[0].value == "Bảng đánh giá chỉ tiêu"
    table = app.dataframe[0].value
    expected = scorecard_table(data, scorecard(data, plan_id, 2025), "vi")
    assert len(table) == (data.targets["plan_id"] == plan_id).sum()
    assert table["Đánh giá"].tolist() == expected["Đánh giá"].tolist()
    assert list(table.columns[:2]) == ["Chỉ số", "Đánh giá"]
    assert sum(int(metric.value) for metric in app.metric) == len(table)
    assert download_labels(app)[:2] == ["Tải CSV", "Tải Excel (XLSX)"]


def test_the_scorecard_follows_the_year_and_the_language(app, data):
    app.switch_page("pages/scorecard.py").run()
    app.session_state["language"] = "en"  # AppTest runs a switched-to page without app.py's language switch
    app.sidebar.selectbox(key="year").select(2023).run()
    assert not app.exception
    assert app.title[0].value == "Target scorecard"
    table = app.dataframe[0].value
    assert set(table["Year of value"]) <= {"", "2021", "2022", "2023"}
    assert "12,000 million VND" in table["Target"].tolist()
    breakdown_headings = [markdown.value for markdown in app.markdown]
    assert "**Plan budget (total)**" in breakdown_headings


def test_the_trends_page_shows_the_province_and_ranks_districts(app, data):
    app.switch_page("pages/trends.py").run()
    app.selectbox(key="trend_indicator").select("eco_packaging").run()
    app.multiselect(key="trend_districts").select("227").run()
    assert not app.exception
    assert app.title[0].value == "Xu hướng theo năm"
    by_year = app.dataframe[0].value.set_index("Năm")
    assert by_year.loc["2020", "Toàn tỉnh"] == "Không có số liệu"
    assert len(app.get("plotly_chart")) == 3
    ranked = app.dataframe[1].value
    assert ranked["Hạng"].iloc[0] == "1" and len(ranked) == 13
    provinces = app.dataframe[2].value
    assert {"Hòa Bình", "Thái Nguyên", "Phú Thọ", "Hà Tĩnh"} <= set(provinces.columns)


def test_districts_can_be_added_to_the_trend_of_the_first_indicator_on_an_axis_of_their_own(app):
    app.switch_page("pages/trends.py").run()
    assert app.selectbox(key="trend_indicator").value == "awareness_campaigns"
    app.multiselect(key="trend_districts").select("227").run()
    assert not app.exception
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    district = next(trace for trace in spec["data"] if trace["name"] == "Thành phố Việt Trì")
    assert district["yaxis"] == "y2" and spec["layout"]["yaxis2"]["title"]["text"] == "Huyện (số lượng)"


def test_a_province_level_indicator_has_no_ranking_but_a_trend(app):
    app.switch_page("pages/trends.py").run()
    app.selectbox(key="trend_indicator").select("budget_total").run()
    assert not app.exception
    assert app.info[0].value == "Chỉ số này không đo theo huyện."
    assert app.dataframe[0].value.set_index("Năm").loc["2021", "Toàn tỉnh"].endswith("triệu đồng")


def test_the_completeness_page_says_who_reported_what_and_when(app, data):
    app.switch_page("pages/completeness.py").run()
    assert not app.exception
    summary = app.dataframe[0].value.set_index("Chỉ số")
    assert summary.loc["Huyện tổ chức tuyên truyền về SX&TDBV", "2021"].endswith("/13 huyện")
    app.selectbox(key="completeness_indicator").select("zone_awareness").run()
    detail = app.dataframe[1].value
    assert detail.columns[0] == "Khu / làng nghề"
    assert len(detail) == (data.zones["province_code"] == "25").sum()
    assert set(detail.drop(columns="Khu / làng nghề").stack()) <= {"Đã báo cáo", "Chưa báo cáo"}


def test_two_years_compare_with_the_same_classes(app, data):
    app.switch_page("pages/compare.py").run()
    app.sidebar.selectbox(key="compare_first").select(2022).run()
    assert not app.exception
    assert app.title[0].value == "So sánh hai năm trên bản đồ"
    legend = app.dataframe[0].value
    assert legend["Số huyện/khu 2025"].iloc[:5].sum() == 13
    table = app.dataframe[1].value
    assert list(table.columns[1:3]) == ["Giá trị 2022", "Giá trị 2025"]
    assert len(table) == 13
    first = map_view(data, Selection("25", "zone_awareness", 2022, "vi"))
    assert table["Phân loại 2022"].tolist() == first.districts["class_label"].tolist()


def test_the_second_year_offered_is_never_the_first_so_the_same_year_twice_cannot_break_the_page(app, data):
    app.switch_page("pages/compare.py").run()
    years = data.mapped_years("25", "district")
    last = years[-1]
    app.sidebar.selectbox(key="compare_first").select(last).run()
    assert not app.exception
    second = app.sidebar.selectbox(key="compare_second")
    assert last not in second.options and str(last) not in second.options
    assert second.value == years[-2]
    assert len(app.dataframe[1].value) == 13


def app_with_data_dir(monkeypatch, data_dir):
    """Return the app run with a data folder, signed in as an administrator (who may manage boundaries)."""
    st.cache_data.clear()
    st.cache_resource.clear()
    monkeypatch.setenv("SCP_DATA_DIR", str(data_dir))
    admin, _ = add_account(store_in(Path(data_dir)), "quantri", ADMIN)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S)
    app.session_state["account"] = admin
    return app.run()


def boundary_page(monkeypatch, data_dir):
    app = app_with_data_dir(monkeypatch, data_dir)
    return app.switch_page("pages/boundaries.py").run()


def test_the_boundary_page_says_when_no_layer_is_imported(monkeypatch, tmp_path):
    app = boundary_page(monkeypatch, tmp_path)
    assert not app.exception
    assert app.title[0].value == "Lớp ranh giới"
    assert "Chưa nạp lớp nào" in app.info[0].value


def test_the_boundary_page_lists_stored_versions_and_the_map_stops_calling_them_schematic(data, monkeypatch, tmp_path):
    from dashboard.geography.boundaries.importing import ImportRequest, import_layer
    from dashboard.geography.boundaries.stored import store_version
    from dashboard.geography.units import valid_in

    layer = valid_in(data.layer[data.layer["province_code"] == "25"], 2025)[["code", "geometry"]]
    layer.to_file(tmp_path / "phu_tho.geojson", driver="GeoJSON")
    result = import_layer(ImportRequest(tmp_path / "phu_tho.geojson", "25", "district", 2021, 2025), data.units)
    version = store_version(store_in(tmp_path / "var"), result, "admin", accepted=False)
    app = app_with_data_dir(monkeypatch, tmp_path / "var")
    assert not app.exception
    assert t("app.schematic_note", "vi") not in [caption.value for caption in app.caption]
    app.switch_page("pages/boundaries.py").run()
    assert not app.exception
    versions = app.dataframe[0].value
    assert versions["Phiên bản"].tolist() == [version] and versions["Lớp"].tolist() == ["Phú Thọ, cấp huyện, 2021–2025"]
    assert versions["Trạng thái"].tolist() == ["hợp lệ"] and versions["Năm"].tolist() == ["2021–2025"]


def test_a_layer_imported_through_another_server_is_drawn_at_the_next_rerun(data, monkeypatch, tmp_path):
    from dashboard.geography.boundaries.importing import ImportRequest, import_layer
    from dashboard.geography.boundaries.stored import store_version
    from dashboard.geography.units import valid_in

    app = app_with_data_dir(monkeypatch, tmp_path / "var")
    assert t("app.schematic_note", "vi") in [caption.value for caption in app.caption]
    layer = valid_in(data.layer[data.layer["province_code"] == "25"], 2025)[["code", "geometry"]]
    layer.to_file(tmp_path / "phu_tho.geojson", driver="GeoJSON")
    result = import_layer(ImportRequest(tmp_path / "phu_tho.geojson", "25", "district", 2021, 2025), data.units)
    other_server = store_in(tmp_path / "var")
    store_version(other_server, result, "admin", accepted=False)
    app.run()
    assert not app.exception
    assert t("app.schematic_note", "vi") not in [caption.value for caption in app.caption]


def test_the_reform_page_shows_today_phu_tho_with_a_figure_spanning_the_reform(app, data):
    from dashboard.geography.reform import load_reform
    from dashboard.maps.reform_map import reform_view

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


def test_the_zones_and_points_page_checks_the_green_points_of_the_chosen_province(monkeypatch, data_dir):
    app = app_with_data_dir(monkeypatch, data_dir)
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
    assert list_versions(store_in(tmp_path)).empty and not (tmp_path / "boundaries").exists()


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


def test_without_the_map_assets_the_map_page_says_what_is_missing_and_how_to_install_it(
    data_dir, monkeypatch, tmp_path
):
    monkeypatch.setattr("dashboard.maps.assets.VENDOR", tmp_path / "vendor")
    st.cache_data.clear()
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S).run()
    assert not app.exception
    errors = [error.value for error in app.error]
    assert len(errors) == 1 and "leaflet@1.9.4" in errors[0] and "python -m dashboard assets install" in errors[0]
    assert not app.get("component_instance")
    assert metrics(app)


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"not a layer at all", "cannot be read as a layer"),
        (b'{"type": "FeatureCollection", "features": []}', "lacks the columns code, province_code"),
    ],
    ids=["not a layer", "no unit columns"],
)
def test_a_boundary_layer_setting_that_cannot_be_drawn_is_one_message_not_a_traceback(
    data_dir, monkeypatch, tmp_path, content, said
):
    layer = tmp_path / "layer.geojson"
    layer.write_bytes(content)
    monkeypatch.setenv("SCP_BOUNDARIES", str(layer))
    st.cache_data.clear()
    st.cache_resource.clear()
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S).run()
    assert not app.exception
    messages = [error.value.replace("\\", "") for error in app.error]
    assert len(messages) == 1 and "SCP_BOUNDARIES" in messages[0] and said in messages[0]
    st.cache_resource.clear()


def test_two_years_are_compared_at_one_level_so_2026_by_commune_stands_alone(app):
    app.switch_page("pages/compare.py").run()
    app.sidebar.selectbox(key="compare_first").select(2026).run()
    assert not app.exception
    assert "compare_second" not in [box.key for box in app.sidebar.selectbox]
    assert "2026" in app.info[0].value and "xã/phường từ năm 2026" in app.info[0].value
