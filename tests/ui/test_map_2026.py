"""The map page in 2026 through AppTest: the merged provinces offered, their communes drawn, marked schematic."""

import gzip
import re

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.core.i18n import t


def drawn_codes(app: AppTest) -> list[str]:
    """Return the unit codes of the shapes the map component was given."""
    arguments = app.get("component_instance")[0].proto.json_args
    return sorted(set(re.findall(r'code\\*":\\*"(\d{3,5})', arguments)))


def test_the_year_selector_offers_2026_and_the_province_selector_the_merged_provinces(app):
    assert "2026" in app.sidebar.selectbox(key="year").options
    app.sidebar.selectbox(key="year").select(2026).run()
    assert not app.exception
    assert app.sidebar.selectbox(key="province").options == ["Thái Nguyên", "Hà Tĩnh", "Phú Thọ"]


@pytest.mark.parametrize(("province", "count"), [("25", 148), ("19", 92), ("42", 69)])
def test_the_map_page_with_year_2026_shows_the_communes_of_the_merged_province(app, data, province, count):
    app.sidebar.selectbox(key="year").select(2026).run()
    app.sidebar.selectbox(key="province").select(province).run()
    assert not app.exception
    table = app.dataframe[1].value
    assert len(table) == count
    assert table.columns[0] == t("map.column_district", "vi")
    communes = app.sidebar.selectbox(key="district")
    assert communes.label == t("filter.commune", "vi") and len(communes.options) == count + 1
    assert t("app.schematic_note", "vi") in [caption.value for caption in app.caption]


def test_the_2026_phu_tho_map_draws_the_148_communes_including_the_former_hoa_binh(app, data):
    app.sidebar.selectbox(key="year").select(2026).run()
    codes = drawn_codes(app)
    assert len(codes) == 148 and all(len(code) == 5 for code in codes)
    assert "Phường Hòa Bình" in app.dataframe[1].value.iloc[:, 0].tolist()


@pytest.mark.parametrize("province", ["25", "19", "42"])
def test_each_2026_commune_map_sends_the_browser_at_most_150_kb(app, province):
    app.sidebar.selectbox(key="year").select(2026).run()
    app.sidebar.selectbox(key="province").select(province).run()
    payload = app.get("component_instance")[0].proto.json_args.encode()
    assert len(payload) <= 150_000 and len(gzip.compress(payload)) <= 40_000
