import dataclasses
import io
from datetime import date

import pandas as pd
import pytest
from matplotlib.patches import Patch
from matplotlib.text import Text
from PIL import Image

from dashboard.maps.static_map import figure_png, figure_words, map_figure, map_png
from dashboard.maps.views import Selection, map_view

PHU_THO = "25"
TAN_SON = "240"


def texts_of(figure) -> str:
    """Return every piece of text drawn on a figure, legends included, as one string."""
    return "\n".join(text.get_text() for text in figure.findobj(Text))


def without_unit(data, code: str):
    """Return the dataset whose boundary layer lacks one unit, as a published layer may."""
    return dataclasses.replace(data, layer=data.layer[data.layer["code"] != code].reset_index(drop=True))


def test_the_png_is_at_least_1600_pixels_wide_and_opens_as_an_image(data):
    view = map_view(data, Selection(PHU_THO, "eco_packaging", 2025, "vi"))
    image = Image.open(io.BytesIO(map_png(view, "vi")))
    assert image.format == "PNG"
    assert image.width >= 1600
    assert image.height >= 1000


def test_the_image_has_the_title_legend_words_values_source_and_date(data):
    view = map_view(data, Selection(PHU_THO, "eco_packaging", 2025, "vi"))
    line = figure_words(view, "eco_packaging", "share", "vi")
    words = texts_of(map_figure(view, "vi", line, drawn_on=date(2026, 12, 6)))
    assert "Siêu thị/TTTM dùng bao bì thân thiện môi trường: tỉnh Phú Thọ, năm 2025" in words
    assert "Dưới 85%: chưa đạt chỉ tiêu 2025 (6)" in words
    assert "Không có số liệu (chưa báo cáo) (0)" in words
    for name, value in zip(view.districts["name"], view.districts["value_text"], strict=True):
        assert f"{name}\n{value}" in words
    assert "Toàn tỉnh: 86,6%. Chỉ tiêu 2025: 85%. Đánh giá: Đạt chỉ tiêu." in words
    assert "Nguồn:" in words
    assert "Vẽ ngày 06/12/2026." in words


def test_the_image_speaks_english_when_asked(data):
    view = map_view(data, Selection("19", "eco_models", 2024, "en"))
    words = texts_of(map_figure(view, "en", drawn_on=date(2026, 12, 6)))
    assert "Thái Nguyên province, 2024" in words
    assert "Drawn on 2026-12-06." in words
    assert "Nguồn" not in words


def test_no_data_is_hatched_in_the_legend_as_on_the_map(data):
    rows = [
        {
            "year": 2023,
            "unit_code": "227",
            "unit_name": "",
            "supermarkets_total": 4,
            "supermarkets_eco_packaging": 4,
            "source": "upload",
        }
    ]
    data = dataclasses.replace(data, tables={"eco_packaging": pd.DataFrame(rows)})
    view = map_view(data, Selection(PHU_THO, "eco_packaging", 2023, "vi"))
    figure = map_figure(view, "vi")
    swatches = {patch.get_label(): patch.get_hatch() for patch in figure.findobj(Patch) if patch.get_label()}
    hatched = [label for label, hatch in swatches.items() if hatch]
    assert hatched == ["Không có số liệu (chưa báo cáo) (12)"]


def test_a_unit_the_layer_lacks_is_named_under_the_image(data):
    view = map_view(without_unit(data, TAN_SON), Selection(PHU_THO, "eco_packaging", 2025, "vi"))
    words = texts_of(map_figure(view, "vi"))
    assert "Lớp ranh giới đang vẽ không có: Huyện Tân Sơn (100% (5/5 siêu thị))" in words.replace("\n", " ")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_vietnamese_letters_are_drawn_with_a_font_that_has_them(data, language, recwarn):
    view = map_view(data, Selection("42", "awareness_campaigns", 2025, language))
    figure_png(map_figure(view, language))
    assert not [warning for warning in recwarn if "missing from" in str(warning.message)]
