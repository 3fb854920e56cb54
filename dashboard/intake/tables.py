"""Indicator tables (five of district, zone and point rows, one of province-level values): their column contract
(read from indicators/upload_*.csv), and typed frames of their rows."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from dashboard.core.paths import DEMO_TABLES, INDICATORS

NUMERIC_TYPES = {"year", "count", "amount", "latitude", "longitude", "measure"}
PROVINCE_VALUES = "province_values"
UNIT_CODE, UNIT_NAME = "unit_code", "unit_name"


@dataclass(frozen=True)
class Column:
    """One column of a table: contract name, type, whether a value is required, Vietnamese header, rules."""

    name: str
    type: str
    required: bool
    header_vi: str
    at_most: str
    choices: tuple[str, ...]
    note_vi: str
    note_en: str


@dataclass(frozen=True)
class TableSpec:
    """An indicator table: its columns, the columns that identify a row, and its jump-warning rule."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    jump_numerator: str
    jump_denominator: str
    jump_warning_points: float | None
    name_vi: str
    name_en: str

    @property
    def column_names(self) -> list[str]:
        """Return the contract column names, in order."""
        return [column.name for column in self.columns]

    @property
    def headers(self) -> dict[str, str]:
        """Return each contract column's header in the template, the words a department reads."""
        return {column.name: column.header_vi for column in self.columns}


@cache
def table_specs(folder: Path = INDICATORS) -> dict[str, TableSpec]:
    """Return every indicator table's contract, keyed by table name, in file order."""
    tables = pd.read_csv(folder / "upload_tables.csv", dtype=str, keep_default_na=False)
    columns = pd.read_csv(folder / "upload_columns.csv", dtype=str, keep_default_na=False)
    specs = {}
    for table in tables.itertuples():
        rows = columns[columns["table"] == table.table]
        specs[table.table] = TableSpec(
            name=table.table,
            columns=tuple(
                Column(
                    name=row.column,
                    type=row.type,
                    required=row.required == "yes",
                    header_vi=row.header_vi,
                    at_most=row.at_most,
                    choices=tuple(choice for choice in row.choices.split("|") if choice),
                    note_vi=row.note_vi,
                    note_en=row.note_en,
                )
                for row in rows.itertuples()
            ),
            key=tuple(table.key.split()),
            jump_numerator=table.jump_numerator,
            jump_denominator=table.jump_denominator,
            jump_warning_points=float(table.jump_warning_points) if table.jump_warning_points else None,
            name_vi=table.name_vi,
            name_en=table.name_en,
        )
    return specs


@cache
def column_aliases(folder: Path = INDICATORS) -> dict[str, str]:
    """Return each former name or header of a column (district_code, Mã huyện) → the contract column it stands for."""
    aliases = pd.read_csv(folder / "column_aliases.csv", dtype=str, keep_default_na=False)
    return dict(zip(aliases["alias"], aliases["column"], strict=True))


def with_current_names(frame: pd.DataFrame) -> pd.DataFrame:
    """Return stored rows with columns written under a former contract name (district_code) under the current one
    (unit_code); rows stored before the rename keep their keys and values."""
    renamed = {alias: column for alias, column in column_aliases().items() if alias in frame.columns}
    if not renamed:
        return frame
    current = frame.drop(columns=[alias for alias, column in renamed.items() if column in frame.columns])
    former = frame[[alias for alias, column in renamed.items() if column in frame.columns]].rename(columns=renamed)
    current = current.rename(columns=renamed)
    for column in former.columns:
        current[column] = current[column].where(current[column].notna() & (current[column] != ""), former[column])
    return current


def typed_table(spec: TableSpec, frame: pd.DataFrame) -> pd.DataFrame:
    """Return rows of text in the contract as a typed frame: numbers as numbers, text with blanks as ''; columns
    under a former name are read under the current one."""
    frame = with_current_names(frame).reindex(columns=[*spec.column_names, "source"], fill_value="").copy()
    for column in spec.columns:
        if column.type in NUMERIC_TYPES:
            frame[column.name] = pd.to_numeric(frame[column.name].replace("", None))
        else:
            frame[column.name] = frame[column.name].fillna("").astype(str)
    frame["source"] = frame["source"].fillna("").astype(str)
    return frame.reset_index(drop=True)


def read_table(path: Path) -> pd.DataFrame:
    """Return one bundled indicator table file as a typed frame."""
    text = pd.read_csv(path, dtype=str, keep_default_na=False)
    return typed_table(table_specs()[path.stem], text)


def load_tables(folder: Path = DEMO_TABLES) -> dict[str, pd.DataFrame]:
    """Return every indicator table found in the folder, keyed by table name."""
    return {name: read_table(folder / f"{name}.csv") for name in table_specs() if (folder / f"{name}.csv").exists()}


def is_demo(tables: dict[str, pd.DataFrame]) -> bool:
    """Return whether any row shown comes from the bundled demonstration data."""
    return any((table.get("source", pd.Series(dtype=str)) == "demo").any() for table in tables.values())


def demo_rows(tables: dict[str, pd.DataFrame]) -> dict[str, int]:
    """Return how many demonstration rows each table still holds (tables without any left out)."""
    counts = {name: int((table.get("source", pd.Series(dtype=str)) == "demo").sum()) for name, table in tables.items()}
    return {name: count for name, count in counts.items() if count}


def has_real_rows(tables: dict[str, pd.DataFrame]) -> bool:
    """Return whether any table holds a row that is not demonstration data (an upload)."""
    return any((table.get("source", pd.Series(dtype=str)) != "demo").any() for table in tables.values())
