"""Map classes told apart without red-green: every value class stays distinct for readers with protanopia or
deuteranopia (simulated after Viénot, Brettel and Mollon 1999), and no data is marked by a pattern, not colour only."""

import dataclasses
import itertools

import numpy as np
import pandas as pd
import pytest

from dashboard.maps.choropleth import district_style
from dashboard.maps.classes import COUNT_COLOURS, SHARE_COLOURS
from dashboard.maps.folium_map import legend_html
from dashboard.maps.static_map import NO_DATA_HATCH, map_figure
from dashboard.maps.views import LegendEntry, Selection, map_view

# Linear-RGB projections of what a dichromat sees (Viénot, Brettel and Mollon 1999).
DICHROMATS = {
    "protanopia": np.array([[0.11238, 0.88762, 0.0], [0.11238, 0.88762, 0.0], [0.00401, -0.00401, 1.0]]),
    "deuteranopia": np.array([[0.29275, 0.70725, 0.0], [0.29275, 0.70725, 0.0], [-0.02234, 0.02234, 1.0]]),
}
LEAST_DISTANCE = 40  # of 441 across the sRGB cube: the old red-to-green classes came as close as 17
PALETTES = [*SHARE_COLOURS.values(), COUNT_COLOURS]


def seen(colour: str, dichromat: np.ndarray) -> np.ndarray:
    """Return an sRGB colour (0-255) as a dichromat sees it."""
    rgb = np.array([int(colour[index : index + 2], 16) for index in (1, 3, 5)]) / 255
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    projected = np.clip(dichromat @ linear, 0, 1)
    return 255 * np.where(projected <= 0.0031308, 12.92 * projected, 1.055 * projected ** (1 / 2.4) - 0.055)


@pytest.mark.parametrize("dichromat", DICHROMATS)
@pytest.mark.parametrize("palette", PALETTES, ids=lambda palette: f"{len(palette)}-classes")
def test_every_pair_of_classes_stays_apart_without_red_green(palette, dichromat):
    closest = min(
        np.linalg.norm(seen(first, DICHROMATS[dichromat]) - seen(second, DICHROMATS[dichromat]))
        for first, second in itertools.combinations(palette, 2)
    )
    assert closest >= LEAST_DISTANCE


def test_the_old_red_to_green_classes_would_fail_the_check():
    old = ["#d73027", "#f46d43", "#fdae61", "#a6d96a", "#1a9850"]
    closest = min(
        np.linalg.norm(seen(first, DICHROMATS["deuteranopia"]) - seen(second, DICHROMATS["deuteranopia"]))
        for first, second in itertools.combinations(old, 2)
    )
    assert closest < LEAST_DISTANCE


def test_no_data_is_dashed_on_the_map_and_in_the_legend_and_hatched_in_the_image(data):
    assert district_style("#bdbdbd", "no_data", False)["dashArray"]
    assert district_style("#2c7bb6", "from_100", False)["dashArray"] is None
    body = legend_html("t", [LegendEntry("#bdbdbd", "Không có số liệu", 2, "no_data")], "z", [], "")
    assert "dashed" in body
    rows = [{"year": 2023, "unit_code": "227", "unit_name": "", "campaigns": 2, "source": "upload"}]
    reported = dataclasses.replace(data, tables={"awareness_campaigns": pd.DataFrame(rows)})
    view = map_view(reported, Selection("25", "awareness_campaigns", 2023, "vi"))
    hatched = [patch for patch in map_figure(view, "vi").axes[0].collections if patch.get_hatch() == NO_DATA_HATCH]
    assert len(hatched) == 1
    assert len(hatched[0].get_paths()) == 12
