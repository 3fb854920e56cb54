"""`map-image`: the map written as a PNG from the store, and unknown choices refused in both languages."""

import pytest
from PIL import Image

from dashboard.cli.main import main


def test_the_map_image_is_written_as_a_png_at_least_1600_pixels_wide(data_dir, tmp_path, capsys):
    out = tmp_path / "ban-do.png"
    code = main(["map-image", "--province", "25", "--indicator", "eco_packaging", "--year", "2025", "--out", str(out)])
    assert code == 0
    with Image.open(out) as image:
        assert image.format == "PNG"
        assert image.width >= 1600
        said = capsys.readouterr().out
    assert f"Đã ghi ảnh bản đồ {out} ({image.width}×{image.height} điểm ảnh)." in said


def test_a_province_may_be_named_by_its_slug_and_the_image_speak_english(data_dir, tmp_path, capsys):
    out = tmp_path / "map.png"
    arguments = ["map-image", "--province", "thai-nguyen", "--indicator", "eco_models", "--year", "2024"]
    assert main([*arguments, "--out", str(out), "--language", "en"]) == 0
    assert "Map image written to" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("option", "value", "vietnamese", "english"),
    [
        ("--province", "99", "Không có tỉnh “99”", "There is no province “99”"),
        ("--indicator", "tree_cover", "Không có chỉ số “tree_cover”", "There is no indicator “tree_cover”"),
        ("--year", "1999", "Không có số liệu năm 1999", "There are no figures for 1999"),
        ("--year", "2025.0", "Không có số liệu năm 2025.0", "There are no figures for 2025.0"),
    ],
)
def test_an_unknown_choice_is_said_in_both_languages_and_nothing_is_written(
    data_dir, tmp_path, capsys, option, value, vietnamese, english
):
    chosen = {"--province": "25", "--indicator": "eco_packaging", "--year": "2025", option: value}
    out = tmp_path / "map.png"
    arguments = [part for pair in chosen.items() for part in pair]
    assert main(["map-image", *arguments, "--out", str(out)]) == 2
    error = capsys.readouterr().err
    assert vietnamese in error and english in error and "Traceback" not in error
    assert not out.exists()


def test_a_file_that_cannot_be_written_is_said_in_both_languages(data_dir, tmp_path, capsys):
    out = tmp_path / "no-such-folder" / "map.png"
    arguments = ["map-image", "--province", "25", "--indicator", "eco_models", "--year", "2025", "--out", str(out)]
    assert main(arguments) == 1
    error = capsys.readouterr().err
    assert "Không ghi được tệp" in error and "cannot be written" in error
