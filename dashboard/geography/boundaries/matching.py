"""Matching the features of a boundary file to units: by code when the file has one, else by name through the
shared normaliser; every feature gets a method, and nothing is matched on a guess."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from dashboard.geography.names import AMBIGUOUS, EXACT, TYPE_PREFIXES, UNMATCHED, Candidate, match_name, unaccented

BY_CODE = "code"
NOT_VALID = "not_valid"
ACCEPTED_METHODS = {BY_CODE, EXACT, "normalised", "unaccented"}
CODE_FIELD_NAMES = ("code", "ma", "ma_dvhc", "madvhc", "ma_huyen", "mahuyen", "ma_xa", "maxa", "gso_code", "unit_code")
AREA_TOLERANCE = 0.30


@dataclass(frozen=True)
class FeatureMatch:
    """How one feature (row, from 1) matched: what the file says, the unit code found and by which method."""

    row: int
    written: str
    code: str | None
    method: str
    unit_type: str | None = None
    unit_name: str | None = None
    closest: tuple[str, ...] = ()
    unit_years: str = ""


@dataclass(frozen=True)
class Fields:
    """The fields of the file used for matching: code, name and the unit type written beside the name."""

    code: str | None
    name: str | None
    unit_type: str | None


def _versions_in(units: pd.DataFrame, code: str, valid_from: int, valid_to: int) -> pd.DataFrame:
    """Return the versions of a unit valid in some year from valid_from to valid_to, oldest first."""
    versions = units[(units["code"] == code) & (units["valid_to"] >= valid_from) & (units["valid_from"] <= valid_to)]
    return versions.sort_values("valid_from")


def _one_territory(versions: pd.DataFrame, valid_from: int, valid_to: int) -> bool:
    """Return whether versions follow each other with no gap over every year from valid_from to valid_to on
    one territory (the same recorded area): only the name or the type may change between them."""
    starts, ends = versions["valid_from"].to_numpy(), versions["valid_to"].to_numpy()
    return (
        not versions.empty
        and starts[0] <= valid_from
        and ends[-1] >= valid_to
        and bool((starts[1:] == ends[:-1] + 1).all())
        and versions["area_km2"].nunique(dropna=False) == 1
    )


def covering(units: pd.DataFrame, valid_from: int, valid_to: int) -> pd.DataFrame:
    """Return, for each unit that exists on one territory in every year from valid_from to valid_to, its version
    valid in valid_to: a town upgraded to a city in those years counts (same code and territory, new type or
    name), a unit whose territory changed (a merger, a split) does not."""
    last = [
        versions.index[-1]
        for code in units["code"].unique()
        if _one_territory(versions := _versions_in(units, code, valid_from, valid_to), valid_from, valid_to)
    ]
    return units[units.index.isin(last)]


def name_changes(units: pd.DataFrame, code: str, valid_from: int, valid_to: int) -> list[dict]:
    """Return each change of a unit's name or type within the years: its type and name before and after, the
    last year before and the first year after."""
    versions = list(_versions_in(units, code, valid_from, valid_to).itertuples())
    return [
        {
            "before_type": before.type,
            "before_name": before.name,
            "until": int(before.valid_to),
            "after_type": after.type,
            "after_name": after.name,
            "since": int(after.valid_from),
        }
        for before, after in itertools.pairwise(versions)
        if (before.type, before.name) != (after.type, after.name)
    ]


def years_text(valid_from: int, valid_to: int) -> str:
    """Return validity years as '2020–2025', '…–2019' or '2022–…'."""
    start = "…" if valid_from <= 0 else str(valid_from)
    end = "…" if valid_to >= 9999 else str(valid_to)
    return f"{start}–{end}"


def _code_key(value: object, width: int) -> str:
    """Return a code as written in a file (227, '227', 227.0, ' 08 ') as the units file writes it."""
    text = str(value).strip()
    text = text.removesuffix(".0") if text.replace(".", "", 1).isdigit() else text
    return text.zfill(width) if text.isdigit() else text


def _text_columns(layer: gpd.GeoDataFrame) -> list[str]:
    """Return the attribute columns that hold text or numbers (candidates for codes and names)."""
    return [column for column in layer.columns if column != layer.geometry.name]


def _names_matched(values: pd.Series, candidates: list[Candidate]) -> tuple[int, int]:
    """Return how many distinct units a column's values name, and how many of them without diacritic guessing."""
    results = [match_name(str(value), candidates) for value in values.dropna()]
    distinct = {result.code for result in results if result.code}
    strict = {result.code for result in results if result.code and result.method != "unaccented"}
    return len(distinct), len(strict)


def detect_fields(
    layer: gpd.GeoDataFrame, units: pd.DataFrame, code_field: str | None, name_field: str | None
) -> Fields:
    """Return the fields to match on: those named, else a code field whose values are unit codes, else the text
    field naming the most distinct units; and a field holding unit types (Huyện, Thị xã, City) if any."""
    columns = _text_columns(layer)
    width = int(units["code"].str.len().max())
    codes = set(units["code"])
    if code_field is None and name_field is None:
        for column in columns:
            keys = {_code_key(value, width) for value in layer[column].dropna()}
            if column.lower() in CODE_FIELD_NAMES and len(keys & codes) * 2 >= len(layer):
                code_field = column
                break
    if code_field is None and name_field is None:
        candidates = _candidates(units)
        scores = {column: _names_matched(layer[column], candidates) for column in columns}
        best = max(scores, key=lambda column: scores[column], default=None)
        name_field = best if best and scores[best][0] else None
    type_field = next(
        (
            column
            for column in columns
            if column not in (code_field, name_field)
            and layer[column].dropna().map(lambda value: unaccented(str(value)) in TYPE_PREFIXES).mean() > 0.8
        ),
        None,
    )
    return Fields(code_field, name_field, type_field)


def _candidates(units: pd.DataFrame) -> list[Candidate]:
    """Return every version of every unit as a name candidate."""
    return [Candidate(row.code, row.type, row.name) for row in units.itertuples()]


def _unit_years(units: pd.DataFrame, code: str) -> str:
    """Return the years each version of a unit is valid, as '…–2019'."""
    versions = units[units["code"] == code]
    return ", ".join(years_text(row.valid_from, row.valid_to) for row in versions.itertuples())


def match_features(
    layer: gpd.GeoDataFrame, units: pd.DataFrame, fields: Fields, valid_from: int, valid_to: int
) -> list[FeatureMatch]:
    """Return how each feature matched one of the province's units, and whether that unit is valid in every
    year of the layer (units is every version of the province's units, any year)."""
    valid = covering(units, valid_from, valid_to).set_index("code")
    width = int(units["code"].str.len().max())
    candidates = _candidates(units)
    matches = []
    codes = layer[fields.code] if fields.code else None
    names = layer[fields.name] if fields.name else None
    types = layer[fields.unit_type] if fields.unit_type else None
    for index in range(len(layer)):
        row = index + 1
        if codes is not None:
            written = _code_key(codes.iloc[index], width)
            found = units["code"].eq(written).any()
            code, method, closest = (written, BY_CODE, ()) if found else (None, UNMATCHED, ())
        else:
            value = names.iloc[index]
            written = "" if pd.isna(value) else str(value).strip()
            result = match_name(written, candidates)
            if result.method == AMBIGUOUS and types is not None:
                result = match_name(f"{types.iloc[index]} {written}", candidates)
            code, method, closest = result.code, result.method, result.closest
        if code is not None and code not in valid.index:
            unit = units[units["code"] == code].iloc[-1]
            matches.append(
                FeatureMatch(row, written, code, NOT_VALID, unit["type"], unit["name"], (), _unit_years(units, code))
            )
        elif code is not None:
            unit = valid.loc[code]
            matches.append(FeatureMatch(row, written, code, method, unit["type"], unit["name"]))
        else:
            matches.append(FeatureMatch(row, written, None, method, closest=closest))
    return matches


def written_types(layer: gpd.GeoDataFrame, fields: Fields) -> list[str | None]:
    """Return the unit type each feature states (from the type field), or None."""
    if not fields.unit_type:
        return [None] * len(layer)
    return [TYPE_PREFIXES.get(unaccented(str(value))) for value in layer[fields.unit_type]]


def area_km2(layer: gpd.GeoDataFrame) -> list[float]:
    """Return each feature's area in km², measured in the layer's UTM zone."""
    return list(layer.to_crs(layer.estimate_utm_crs()).area / 1e6)


def area_differs(measured: float, expected: float) -> bool:
    """Return whether a measured area is further from the recorded one than the records' own uncertainty."""
    return bool(expected) and abs(measured - expected) / expected > AREA_TOLERANCE
