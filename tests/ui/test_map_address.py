"""The map page's address through AppTest: a link opens its selection, the selection is written back, and an
unknown value falls back to the default with a note."""

import re

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.core.paths import ROOT

TIMEOUT_S = 60


def shown(markdown: str) -> str:
    """Return the text a reader sees of escaped Markdown."""
    return re.sub(r"\\(.)", r"\1", markdown)


def opened(query: dict[str, str]) -> AppTest:
    """Return the app run once from a link with the given query."""
    st.cache_data.clear()
    st.cache_resource.clear()
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S)
    app.query_params.update(query)
    return app.run()


def test_a_link_opens_the_map_on_its_province_indicator_year_and_unit(data_dir):
    app = opened({"province": "25", "indicator": "eco_packaging", "year": "2023", "unit": "227"})
    assert not app.exception
    chosen = {key: app.sidebar.selectbox(key=key).value for key in ("province", "indicator", "year", "district")}
    assert chosen == {"province": "25", "indicator": "eco_packaging", "year": 2023, "district": "227"}
    assert app.info[0].value.startswith("Đang chọn: Thành phố Việt Trì")
    assert app.query_params == {"province": "25", "indicator": "eco_packaging", "year": "2023", "unit": "227"}


def test_a_province_may_be_named_in_a_link_by_its_slug(data_dir):
    app = opened({"province": "ha-tinh", "indicator": "eco_models"})
    assert app.sidebar.selectbox(key="province").value == "42"
    assert app.query_params["province"] == "42"


def test_choosing_in_the_sidebar_writes_the_address_a_leader_can_send(data_dir):
    app = opened({})
    app.sidebar.selectbox(key="indicator").select("eco_models").run()
    app.sidebar.selectbox(key="district").select("240").run()
    assert app.query_params == {"province": "25", "indicator": "eco_models", "year": "2025", "unit": "240"}
    app.sidebar.selectbox(key="district").select("*").run()
    assert "unit" not in app.query_params


@pytest.mark.parametrize(
    ("query", "note"),
    [
        ({"province": "99"}, "Địa chỉ trang nêu tỉnh “99”, không có trong dữ liệu: đang hiện tỉnh Phú Thọ."),
        (
            {"indicator": "<b>x</b>"},
            "Địa chỉ trang nêu chỉ số “<b>x</b>”, không có trong dữ liệu: đang hiện chỉ số "
            "“KCN/CCN/KKT/làng nghề được tuyên truyền”.",
        ),
        ({"year": "2025.5"}, "Địa chỉ trang nêu năm “2025.5”, không có số liệu: đang hiện năm 2025."),
        ({"year": "1999"}, "Địa chỉ trang nêu năm “1999”, không có số liệu: đang hiện năm 2025."),
        (
            {"province": "17", "unit": "227"},
            "Địa chỉ trang nêu đơn vị “227”, không có trong tỉnh và năm này: đang hiện Toàn tỉnh (tất cả huyện).",
        ),
    ],
)
def test_an_unknown_value_in_the_address_falls_back_to_the_default_with_a_note(data_dir, query, note):
    app = opened(query)
    assert not app.exception
    assert [shown(info.value) for info in app.info] == [note]
    assert app.title[0].value == "Bản đồ"
    assert set(app.query_params) == {"province", "indicator", "year"}


def test_the_note_is_said_in_english_when_english_is_chosen(data_dir):
    st.cache_data.clear()
    st.cache_resource.clear()
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S)
    app.query_params.update({"year": "2031"})
    app.session_state["language"] = "en"
    app.run()
    assert [shown(info.value) for info in app.info] == [
        "The page's address names year “2031”, which has no figures: showing 2025."
    ]


def test_the_map_page_offers_the_map_as_a_png_image(data_dir):
    app = opened({})
    labels = [button.label for button in app.get("download_button")]
    assert "Tải ảnh bản đồ (PNG)" in labels
