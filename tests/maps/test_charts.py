"""District charts: threshold labels beside the plot, one per level, never over the title, the bars' labels or
each other."""

import pandas as pd

from dashboard.maps.charts import PERCENT_AXIS_TOP, history_chart
from dashboard.progress.history import IndicatorHistory, indicator_history


def test_threshold_labels_sit_beside_the_plot_one_per_level_clear_of_the_title(data):
    history = indicator_history(data, "17", "148", "zone_awareness", "vi")
    assert {year for _, year in history.thresholds} == {2025, 2030}
    figure = history_chart(history, "vi")
    labels = [note for note in figure.layout.annotations if note.text.startswith("Chỉ tiêu")]
    assert sorted(note.text for note in labels) == ["Chỉ tiêu 2025: 70%", "Chỉ tiêu 2030: 100%"]
    assert all(note.xref == "paper" and note.x >= 1 and note.xanchor == "left" for note in labels)
    assert figure.layout.margin.r >= 150 and figure.layout.margin.t >= 50
    assert figure.layout.yaxis.range[1] == PERCENT_AXIS_TOP


def test_one_threshold_level_set_for_two_years_gets_one_label(data):
    history = indicator_history(data, "17", "148", "eco_packaging", "en")
    levels = [minimum for minimum, _ in history.thresholds]
    figure = history_chart(history, "en")
    labels = [note.text for note in figure.layout.annotations if note.text.startswith("Target")]
    assert len(labels) == len(set(levels))


def test_close_threshold_labels_are_moved_apart_and_equal_levels_share_one_label():
    rows = pd.DataFrame(
        {"year": [2024, 2025], "value": [80.0, None], "state": ["value", "no_data"], "text": ["80%", "-"]}
    )
    history = IndicatorHistory("eco_packaging", rows, [(80.0, 2025), (85.0, 2030), (85.0, 2031)], "", True)
    labels = [note for note in history_chart(history, "en").layout.annotations if note.text.startswith("Target")]
    assert [(note.text, note.yshift) for note in labels] == [("Target 2025: 80%", 0), ("Target 2030, 2031: 85%", 14)]


def test_bar_labels_sit_inside_tall_bars_clear_of_target_lines_and_above_short_ones():
    rows = pd.DataFrame({"year": [2023, 2024], "value": [81.2, 0.0], "state": ["value", "value"], "text": ["", ""]})
    history = IndicatorHistory("eco_packaging", rows, [(85.0, 2025)], "", True)
    bars = history_chart(history, "vi").data[0]
    assert list(bars.text) == ["81,2%", "0%"] and list(bars.textposition) == ["inside", "outside"]
