"""The 2025 reform: provinces merged whole into today's provinces; the crosswalk from each former province and
district to today's province, as data, as a table and in words."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.core.i18n import t
from dashboard.core.paths import GEODATA
from dashboard.geography.units import at_level, full_name


def load_reform(folder: Path = GEODATA) -> pd.DataFrame:
    """Return the province crosswalk of the 2025 reform: each old province and the province it is part of today."""
    frame = pd.read_csv(
        folder / "reform_2025.csv", dtype={"old_province_code": str, "new_province_code": str}, keep_default_na=False
    )
    for column in ("in_dashboard", "code_checked"):
        frame[column] = frame[column].astype(str).str.lower() == "true"
    return frame


def district_crosswalk(units: pd.DataFrame, reform: pd.DataFrame) -> pd.DataFrame:
    """Return each old district (its last version) with its old province and the province it is part of today."""
    last = at_level(units, "district").sort_values("valid_from").drop_duplicates("code", keep="last")
    provinces = reform.set_index("old_province_code")
    crosswalk = last[["code", "type", "name", "province_code", "valid_to"]].rename(
        columns={"province_code": "old_province_code"}
    )
    crosswalk["new_province_code"] = crosswalk["old_province_code"].map(provinces["new_province_code"])
    crosswalk["new_province_name"] = crosswalk["old_province_code"].map(provinces["new_province_name"])
    return crosswalk.reset_index(drop=True)


def today_provinces(reform: pd.DataFrame) -> dict[str, str]:
    """Return today's provinces (code to name) that the reform crosswalk covers."""
    return dict(zip(reform["new_province_code"], reform["new_province_name"], strict=False))


def reform_note(reform: pd.DataFrame, new_code: str, language: str) -> str:
    """Return what today's province is made of, in words, and which former provinces have no data here."""
    parts = reform[reform["new_province_code"] == new_code]
    name = parts["new_province_name"].iloc[0]
    formers = ", ".join(parts["old_province_name"])
    missing = ", ".join(parts.loc[~parts["in_dashboard"], "old_province_name"])
    if len(parts) == 1:
        return t("reform.unchanged", language, name=name)
    note = t("reform.made_of", language, name=name, formers=formers)
    if missing:
        note += " " + t("reform.left_out", language, names=missing)
    if not parts["code_checked"].all():
        note += " " + t("reform.code_unchecked", language, code=new_code)
    return note


def crosswalk_table(units: pd.DataFrame, reform: pd.DataFrame, new_code: str, language: str) -> pd.DataFrame:
    """Return the crosswalk of today's province: each former district, its code, former province and last year."""
    crosswalk = district_crosswalk(units, reform)
    chosen = crosswalk[crosswalk["new_province_code"] == new_code]
    names = reform.set_index("old_province_code")["old_province_name"]
    return pd.DataFrame(
        {
            t("reform.column_code", language): chosen["code"],
            t("map.column_district", language): [
                full_name(row.type, row.name, language) for row in chosen.itertuples()
            ],
            t("reform.column_former", language): chosen["old_province_code"].map(names),
            t("reform.column_last_year", language): chosen["valid_to"],
            t("reform.column_today", language): chosen["new_province_name"],
        }
    )
