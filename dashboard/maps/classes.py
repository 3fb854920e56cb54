"""Map classes: where a district's value falls against the plan's own thresholds, and the legend in words."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from dashboard.core.i18n import format_number, format_percent, t
from dashboard.progress.measures import NO_DATA, NOT_APPLICABLE, VALUE
from dashboard.progress.targets import Target

# ColorBrewer's RdYlBu (shares, below target red to met blue) and YlGnBu (counts): told apart without red-green.
SHARE_COLOURS = {
    2: ["#d7191c", "#2c7bb6"],
    3: ["#d7191c", "#fdae61", "#2c7bb6"],
    4: ["#d7191c", "#fdae61", "#abd9e9", "#2c7bb6"],
    5: ["#d7191c", "#fdae61", "#ffffbf", "#abd9e9", "#2c7bb6"],
}
COUNT_COLOURS = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"]
NO_DATA_COLOUR = "#bdbdbd"
NOT_APPLICABLE_COLOUR = "#ffffff"
FULL = 100.0


@dataclass(frozen=True)
class MapClass:
    """One class of the map: values in [lower, upper), a colour and the words of its legend entry."""

    key: str
    lower: float | None
    upper: float | None
    colour: str
    label_key: str
    params: dict = field(default_factory=dict)


def _years_by_threshold(targets: list[Target]) -> dict[float, list[int]]:
    """Return the target years of each distinct minimum up to 100%."""
    grouped: dict[float, list[int]] = {}
    for target in targets:
        if target.minimum <= FULL:
            grouped.setdefault(target.minimum, []).append(target.year)
    return dict(sorted(grouped.items()))


def share_classes(targets: list[Target], fallback: list[float]) -> list[MapClass]:
    """Return percent classes breaking at the plan's target minimums (and 100%), or at the fallback
    breaks when the plan sets no target for the indicator."""
    years = _years_by_threshold(targets)
    breaks = sorted(set(years or fallback) | {FULL})
    colours = SHARE_COLOURS[len(breaks) + 1]
    below_key = "class.share_below_target" if years else "class.share_below"
    below_params = {"upper": breaks[0], "years": years.get(breaks[0], [])}
    classes = [MapClass("below", 0.0, breaks[0], colours[0], below_key, below_params)]
    for index, lower in enumerate(breaks):
        upper = breaks[index + 1] if index + 1 < len(breaks) else None
        label_key = "class.share_full" if upper is None else "class.share_between"
        if lower in years:
            label_key += "_meets"
        params = {"lower": lower, "upper": upper, "years": years.get(lower, [])}
        classes.append(MapClass(f"from_{lower:g}", lower, upper, colours[index + 1], label_key, params))
    return classes


def count_classes(breaks: list[float]) -> list[MapClass]:
    """Return count classes: 0, then one class per break (1, 2-3, 4 or more for breaks 1;2;4)."""
    edges = [0.0, *breaks]
    classes = []
    for index, lower in enumerate(edges):
        upper = edges[index + 1] if index + 1 < len(edges) else None
        if upper is None:
            label_key = "class.count_at_least"
        elif upper - lower == 1:
            label_key = "class.count_exactly"
        else:
            label_key = "class.count_range"
        classes.append(
            MapClass(
                f"count_{lower:g}", lower, upper, COUNT_COLOURS[index], label_key, {"lower": lower, "upper": upper}
            )
        )
    return classes


def status_classes() -> list[MapClass]:
    """Return the two classes every map has besides its value classes."""
    return [
        MapClass(NO_DATA, None, None, NO_DATA_COLOUR, "class.no_data"),
        MapClass(NOT_APPLICABLE, None, None, NOT_APPLICABLE_COLOUR, "class.not_applicable"),
    ]


def classify(value: float | None, state: str, classes: list[MapClass]) -> MapClass:
    """Return the class of a district value: no_data and not_applicable by state, else by range."""
    if state != VALUE or value is None or math.isnan(value):
        key = state if state in {NO_DATA, NOT_APPLICABLE} else NO_DATA
        return next(cls for cls in classes if cls.key == key)
    for cls in classes:
        if cls.lower is not None and value >= cls.lower and (cls.upper is None or value < cls.upper):
            return cls
    raise ValueError(f"value {value} falls in no class")


def _years_text(years: list[int], language: str) -> str:
    """Return target years joined in words (2025 và 2030)."""
    return t("class.and", language).join(str(year) for year in years)


def legend_label(cls: MapClass, language: str, noun: str = "") -> str:
    """Return the legend words of a class in the language."""
    params = cls.params
    values = {
        "lower": format_percent(params.get("lower"), language, 0) if "lower" in params else "",
        "upper": format_percent(params.get("upper"), language, 0) if params.get("upper") is not None else "",
        "years": _years_text(params.get("years", []), language),
        "noun": noun,
    }
    if cls.label_key.startswith("class.count"):
        values["lower"] = format_number(params["lower"], language, 0)
        values["last"] = format_number(params["upper"] - 1, language, 0) if params.get("upper") else ""
    return t(cls.label_key, language, **values)
