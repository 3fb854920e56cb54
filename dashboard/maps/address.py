"""The map's selection as text, as it travels in a link (/map?province=25&indicator=eco_packaging&year=2025&unit=227)
or on the command line: each value read against the data, an unknown one replaced by the default and reported."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from dashboard.core.i18n import t
from dashboard.dataset import Dataset
from dashboard.geography.units import units_of

FIELDS = ("province", "indicator", "year", "unit")


@dataclass(frozen=True)
class Unknown:
    """A value of the address the data does not know: which field, the value as written, what is known instead."""

    field: str
    value: str
    known: list[str]


@dataclass(frozen=True)
class MapAddress:
    """A map selection read from text: province code, indicator, year, unit (None: the whole province), and the
    values that were not known and fell back to the default."""

    province: str
    indicator: str
    year: int
    unit: str | None = None
    unknown: list[Unknown] = field(default_factory=list)


def province_codes(data: Dataset) -> dict[str, str]:
    """Return the provinces that have a plan by every name an address may use: code (25) and slug (phu-tho)."""
    planned = data.provinces[data.provinces["province_code"].isin(data.plans["province_code"])]
    names = dict(zip(planned["province_code"], planned["province_code"], strict=True))
    names.update(zip(planned["slug"], planned["province_code"], strict=True))
    return names


def unit_codes(data: Dataset, province_code: str, year: int) -> list[str]:
    """Return the codes of the units of a province in a year."""
    return list(units_of(data.units, province_code, year)["code"])


def _year(text: str) -> int | None:
    """Return a year written as plain digits, else None."""
    return int(text) if text.strip().isdigit() and text.strip().isascii() else None


def read_address(data: Dataset, values: Mapping[str, str | None], default: MapAddress) -> MapAddress:
    """Return the selection a link or a command names, each missing value taken from the default and each value
    the data does not know replaced by the default and listed as unknown; a unit is read in the chosen province
    and year."""
    unknown: list[Unknown] = []

    def given(name: str) -> str | None:
        """Return a field's value as written, None when the address leaves it out."""
        value = values.get(name)
        return None if value is None or value == "" else str(value)

    provinces = province_codes(data)
    province = default.province
    if (text := given("province")) is not None:
        if text.strip().lower() in provinces:
            province = provinces[text.strip().lower()]
        else:
            unknown.append(Unknown("province", text, sorted(set(provinces.values()))))
    indicators = data.core_indicators()
    indicator = default.indicator
    if (text := given("indicator")) is not None:
        if text.strip() in indicators:
            indicator = text.strip()
        else:
            unknown.append(Unknown("indicator", text, indicators))
    years = data.years()
    year = default.year
    if (text := given("year")) is not None:
        if _year(text) in years:
            year = _year(text)
        else:
            unknown.append(Unknown("year", text, [str(known) for known in years]))
    units = unit_codes(data, province, year)
    unit = default.unit if default.unit in units else None
    if (text := given("unit")) is not None:
        if text.strip() in units:
            unit = text.strip()
        else:
            unknown.append(Unknown("unit", text, units))
    return MapAddress(province, indicator, year, unit, unknown)


def address_values(address: MapAddress) -> dict[str, str]:
    """Return a selection as the values of its link (no unit when the whole province is shown)."""
    values = {"province": address.province, "indicator": address.indicator, "year": str(address.year)}
    if address.unit:
        values["unit"] = address.unit
    return values


def _default_words(data: Dataset, address: MapAddress, name: str, language: str) -> str:
    """Return what an unknown field fell back to, in words."""
    if name == "province":
        return str(data.province(address.province)["name"])
    if name == "indicator":
        return t(f"indicator.{address.indicator}", language)
    if name == "year":
        return str(address.year)
    return t("filter.all_districts", language)


def address_notes(data: Dataset, address: MapAddress, language: str) -> list[str]:
    """Return one note per value of a link the data does not know, saying what is shown instead."""
    return [
        t(
            f"map_link.unknown_{unknown.field}",
            language,
            value=unknown.value,
            shown=_default_words(data, address, unknown.field, language),
        )
        for unknown in address.unknown
    ]
