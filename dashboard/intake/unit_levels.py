"""Which units a row of a year may name: districts until 2025, communes and wards from 2026 (the level the year
is reported by), and why a unit of the other level is refused (for a district after the reform, the communes that
took its territory)."""

from __future__ import annotations

from functools import cache

import pandas as pd

from dashboard.geography.levels import LAYER_LEVELS, first_reported_year, reported_level
from dashboard.geography.names import COMMUNE_TYPES, DISTRICT_TYPES, Candidate, NameMatch, match_name, split_type
from dashboard.geography.registry import commune_predecessors
from dashboard.geography.units import full_name
from dashboard.intake.problems import Problem

LEVEL_TYPES = {"district": DISTRICT_TYPES, "commune": COMMUNE_TYPES}
SUCCESSORS_SHOWN = 40


def year_level(year: str) -> str | None:
    """Return the level a row's year is reported by, None when the year is blank (unreadable)."""
    return reported_level(int(year)) if year else None


def level_candidates(units: pd.DataFrame, provinces: set[str], level: str) -> list[Candidate]:
    """Return the units of a level as name candidates: every district of the bundled list, and the communes of the
    provinces that have a plan (a commune name is matched within them, never across the country)."""
    chosen = units[units["level"] == level]
    if level == "commune":
        chosen = chosen[chosen["province_code"].isin(provinces)]
    distinct = chosen.drop_duplicates(["code", "type", "name"])
    return [Candidate(row.code, row.type, row.name) for row in distinct.itertuples()]


def match_at_level(
    name: str, level: str | None, candidates: dict[str, list[Candidate]]
) -> tuple[NameMatch, str | None]:
    """Return how a name matches the units of the year's level (or either level when the year is unknown) and the
    level it matched at; a name written with the other level's type (Huyện in 2026), or matching nothing at the
    year's level, is tried at the other level, so that the row is refused saying why."""
    written_type, _ = split_type(name)
    levels = list(LAYER_LEVELS) if level is None else [level, *(other for other in LAYER_LEVELS if other != level)]
    if written_type is not None:
        levels.sort(key=lambda each: written_type not in LEVEL_TYPES[each])
    first = None
    for each in levels:
        allowed = [item for item in candidates[each] if written_type in (None, item.unit_type)]
        found = match_name(name, allowed or candidates[each], allow_unaccented=False)
        if found.codes and (written_type is None or allowed):
            return found, each
        first = first or found
    return first, None


@cache
def _successor_codes() -> dict[str, tuple[str, ...]]:
    """Return each former district's code → the codes of the communes that took (part of) its territory."""
    pairs = commune_predecessors()
    return {district: tuple(sorted(group["code"])) for district, group in pairs.groupby("district_code")}


def successor_names(units: pd.DataFrame, district_code: str) -> str:
    """Return the communes and wards that took a former district's territory, as 'Phường Việt Trì (07900); …'."""
    communes = units[(units["level"] == "commune") & units["code"].isin(_successor_codes().get(district_code, ()))]
    names = [f"{full_name(row.type, row.name, 'vi')} ({row.code})" for row in communes.sort_values("code").itertuples()]
    if len(names) > SUCCESSORS_SHOWN:
        names = [*names[:SUCCESSORS_SHOWN], f"… (+{len(names) - SUCCESSORS_SHOWN})"]
    return "; ".join(names) or "–"


def wrong_level(versions: pd.DataFrame, year: int, column: str, units: pd.DataFrame) -> Problem | None:
    """Return the problem of a unit named in a year reported by the other level (a district in 2026, a commune in
    2025 or before), saying why; None when the unit is of the year's level."""
    level = reported_level(year)
    unit_level = versions.iloc[-1]["level"]
    if unit_level == level:
        return None
    latest = versions.iloc[-1]
    params = {
        "name": full_name(latest["type"], latest["name"], "vi"),
        "year": year,
        "commune_from": first_reported_year("commune"),
    }
    if unit_level == "district":
        params["successors"] = successor_names(units, latest["code"])
        return Problem("district_after_reform", 0, column, latest["code"], params=params)
    return Problem("commune_before_reform", 0, column, latest["code"], params=params)
