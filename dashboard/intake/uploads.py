"""Uploading an indicator table: read and check the file, preview what would change, commit all or nothing,
undo; and the typed tables every page reads from the store."""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pandas as pd

from dashboard.core.i18n import t
from dashboard.core.paths import DEMO_TABLES
from dashboard.core.programme import load_catalogue
from dashboard.core.settings import Settings
from dashboard.core.tasks import TaskRegister
from dashboard.geography.units import full_name, load_provinces, load_units, load_zones, units_of
from dashboard.geography.zones.stored import with_imported_zones
from dashboard.intake.accounts import PLANNER, Account, require
from dashboard.intake.demo_communes import demo_text_tables
from dashboard.intake.plans import programme
from dashboard.intake.problems import Problem, errors, warnings, with_headers
from dashboard.intake.reading import ROW, read_upload
from dashboard.intake.tables import PROVINCE_VALUES, TableSpec, table_specs, typed_table, with_current_names
from dashboard.intake.validation import Reference, check_rows
from dashboard.store.database import NewUpload, StaleStoreError, Store
from dashboard.store.moving import move_into_store

DEMO_SOURCE = "demo"
UPLOAD_SOURCE = "upload"
KEY = "row_key"
DEMO_ACCOUNT = Account("demo", PLANNER, name="Dữ liệu minh họa / Demonstration data")


class UploadRejectedError(Exception):
    """The upload has errors, or warnings nobody confirmed: nothing was written."""


@dataclass(frozen=True)
class Preview:
    """What an upload would do: its problems, its rows to write (row number in the file, key, canonical values)
    and which are new, changed (old → new) or unchanged."""

    table: str
    file_name: str
    content: bytes
    sha256: str
    encoding: str
    separator: str
    revision: int
    problems: list[Problem]
    written: pd.DataFrame = field(default_factory=pd.DataFrame)
    new: pd.DataFrame = field(default_factory=pd.DataFrame)
    changed: pd.DataFrame = field(default_factory=pd.DataFrame)
    unchanged: int = 0

    @property
    def accepted(self) -> bool:
        """Return whether the file has no errors (warnings still need confirming)."""
        return not errors(self.problems)

    @property
    def rows(self) -> list[tuple[str, dict[str, str]]]:
        """Return the rows to write, each as its key in the table and its values in canonical text."""
        if self.written.empty:
            return []
        columns = [column for column in self.written.columns if column not in (ROW, KEY)]
        return [
            (key, dict(zip(columns, cells, strict=True)))
            for key, *cells in self.written[[KEY, *columns]].itertuples(index=False)
        ]

    def stored_rows(self) -> list[dict[str, object]]:
        """Return each row as it would be stored, with its row number in the file: {"row": 2, "year": "2024", ...}."""
        if self.written.empty:
            return []
        columns = [column for column in self.written.columns if column != KEY]
        return [
            {"row": int(row), **dict(zip(columns[1:], cells, strict=True))}
            for row, *cells in self.written[columns].itertuples(index=False)
        ]

    def counts(self) -> dict[str, int]:
        """Return the numbers of new, changed and unchanged rows."""
        changed = self.changed["row"].nunique() if len(self.changed) else 0
        return {"new": len(self.new), "changed": int(changed), "unchanged": self.unchanged}


def row_key(spec: TableSpec, values: dict[str, str]) -> str:
    """Return the text that identifies a row in its table (its key columns joined by '|')."""
    return "|".join(values[column] for column in spec.key)


def current_values(store: Store, spec: TableSpec) -> pd.DataFrame:
    """Return the table's current rows in the store as text in the contract columns, indexed by row key."""
    rows = with_current_names(store.rows(spec.name))
    return rows.set_index("row_key").reindex(columns=spec.column_names).fillna("")


@contextmanager
def _collection_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a file is read and checked: the millions of cells and rows made are
    free of cycles, and collecting as they pile up costs a third of the time of a large file."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def preview_upload(
    store: Store,
    content: bytes,
    file_name: str,
    table: str,
    reference: Reference,
    limit_bytes: int,
    province: str = "",
) -> Preview:
    """Return the preview of an upload: every problem (its column named by the template's header), and every row
    compared with the store; `province` is the one the file is for (else the file's units say)."""
    with _collection_paused():
        return _preview(store, content, file_name, table, reference, limit_bytes, province)


def _preview(
    store: Store, content: bytes, file_name: str, table: str, reference: Reference, limit_bytes: int, province: str
) -> Preview:
    """Return the preview of an upload, read and checked in vectorised steps."""
    spec = table_specs()[table]
    revision = store.revision()
    read = read_upload(content, file_name, spec, limit_bytes)
    base = {"table": table, "file_name": file_name, "content": content, "revision": revision}
    base |= {"sha256": hashlib.sha256(content).hexdigest(), "encoding": read.encoding, "separator": read.separator}
    if read.frame is None or errors(read.problems):
        return Preview(**base, problems=with_headers(read.problems, spec.headers))
    current = current_values(store, spec)
    checked = check_rows(spec, read.frame, reference, current.reset_index(drop=True), province)
    problems = with_headers(read.problems + checked.problems, spec.headers)
    if errors(problems):
        return Preview(**base, problems=problems)
    return Preview(**base, problems=problems, **_compared(spec, checked.rows, current))


def _compared(spec: TableSpec, rows: pd.DataFrame, current: pd.DataFrame) -> dict[str, object]:
    """Return the rows to write (with their keys) and which of them are new, changed (column by column) or
    unchanged; rows are compared by key all at once, and only rows already in the store one by one."""
    columns = spec.column_names
    values = {column: rows[column].astype(str).to_numpy(dtype=object) for column in columns}
    keys = values[spec.key[0]]
    for column in spec.key[1:]:
        keys = keys + "|" + values[column]
    written = pd.DataFrame({ROW: rows[ROW].to_numpy(), KEY: keys, **values}, dtype=object)
    stored = written[KEY].isin(current.index).to_numpy()
    new = written.loc[~stored, [ROW, *columns]].rename(columns={ROW: "row"}).reset_index(drop=True)
    changed, unchanged = [], 0
    for record in written[stored].to_dict("records"):
        before = current.loc[record[KEY]].to_dict()
        differences = [
            (column, before[column], record[column]) for column in columns if before[column] != record[column]
        ]
        changed += [
            {"row": record[ROW], "key": record[KEY], "column": column, "old": old, "new": now}
            for column, old, now in differences
        ]
        unchanged += not differences
    return {
        "written": written,
        "new": new,
        "changed": pd.DataFrame(changed, columns=["row", "key", "column", "old", "new"]),
        "unchanged": unchanged,
    }


def commit_upload(
    store: Store,
    preview: Preview,
    account: Account,
    confirm_warnings: bool = False,
    source: str = UPLOAD_SOURCE,
    on_row: Callable[[int], None] | None = None,
    agency: str | None = None,
) -> int:
    """Write a previewed upload in one transaction, recording the agency (a code of agencies.csv) it reports for,
    and return its id; refuse a viewer, a file with errors, unconfirmed warnings, or a store that changed since
    the preview (StaleStoreError)."""
    require(account, "upload")
    if not preview.accepted:
        raise UploadRejectedError("the file has errors")
    if warnings(preview.problems) and not confirm_warnings:
        raise UploadRejectedError("the warnings were not confirmed")
    counts = preview.counts()
    upload = NewUpload(
        table_name=preview.table,
        file_name=preview.file_name,
        sha256=preview.sha256,
        content=preview.content,
        encoding=preview.encoding,
        uploaded_by=account.username,
        rows_new=counts["new"],
        rows_changed=counts["changed"],
        rows_unchanged=counts["unchanged"],
        warnings_confirmed=len(warnings(preview.problems)),
        source=source,
        agency=agency or None,
    )
    return store.commit(upload, preview.rows, preview.revision, on_row)


def undo_upload(store: Store, upload_id: int, account: Account) -> int:
    """Undo an upload for an account allowed to, returning how many rows were restored."""
    require(account, "undo")
    return store.undo(upload_id, account.username)


def bundled_reference(store: Store | None = None) -> Reference:
    """Return the units (every level), zones, plans, catalogue and task register that uploaded rows are checked
    against: the bundled ones, with the zone lists and plans loaded into the store when given."""
    zones = load_zones() if store is None else with_imported_zones(load_zones(), store)
    loaded = programme(store)
    return Reference(
        units=load_units(), zones=zones, plans=loaded.plans, catalogue=load_catalogue(), tasks=loaded.register
    )


def seed_demo(store: Store, reference: Reference, account: Account) -> None:
    """Load the bundled demonstration tables (with their 2026 rows by commune, made from the registry package) into
    a store that has no upload yet, through the same checks as any upload; when another process is seeding the
    same store at the same time, leave the seeding to it."""
    if not store.uploads().empty:
        return
    start = store.revision()
    tables = demo_text_tables(DEMO_TABLES, reference.units, reference.zones, load_provinces(), reference.plans)
    for seeded, name in enumerate(table_specs()):
        content = tables[name].drop(columns="source").to_csv(index=False).encode("utf-8")
        preview = preview_upload(store, content, f"{name}.csv", name, reference, len(content))
        if preview.revision != start + seeded:
            return
        try:
            commit_upload(store, preview, account, confirm_warnings=True, source=DEMO_SOURCE)
        except StaleStoreError:
            return


def open_store(settings: Settings, seed: bool = True) -> Store:
    """Return the store the settings name, migrated, with what earlier versions kept in files under SCP_DATA_DIR
    moved into it (once), and the demo tables loaded into it when it has no upload yet, seed is asked for and
    the settings allow it."""
    store = Store(settings.database_url)
    move_into_store(store, settings.data_dir, settings.accounts_file)
    if seed and settings.seed_demo:
        seed_demo(store, bundled_reference(), DEMO_ACCOUNT)
    return store


def store_tables(store: Store) -> dict[str, pd.DataFrame]:
    """Return every indicator table in the store as a typed frame with its rows' source and upload id."""
    tables = {}
    for name, spec in table_specs().items():
        rows = store.rows(name)
        typed = typed_table(spec, rows.drop(columns=["row_key", "upload_id"], errors="ignore"))
        tables[name] = typed.assign(upload_id=pd.to_numeric(rows["upload_id"]).to_numpy())
    return tables


def template_frame(
    table: str, register: TaskRegister | None = None, plan_id: str = "", year: int | None = None
) -> pd.DataFrame:
    """Return the table a planner fills in, under its Vietnamese headers: empty, or for task progress with a
    plan (and a year) one row per task of the plan, its number filled in."""
    spec = table_specs()[table]
    headers = {column.name: column.header_vi for column in spec.columns}
    if register is None or not plan_id or "task" not in headers:
        return pd.DataFrame(columns=list(headers.values()))
    filled = {"year": "" if year is None else str(year), "plan_id": plan_id}
    rows = [
        {name: filled.get(name, "") for name in headers} | {"task": task.number} for task in register.of_plan(plan_id)
    ]
    return pd.DataFrame(rows, columns=list(headers), dtype=object).rename(columns=headers)


def template_guide(table: str, language: str) -> pd.DataFrame:
    """Return the guide to a table's columns: Vietnamese header, English name, whether required, what to write."""
    rows = [
        {
            t("upload.guide_header", language): column.header_vi,
            t("upload.guide_name", language): column.name,
            t("upload.guide_required", language): t(f"upload.required_{column.required}", language),
            t("upload.guide_note", language): column.note_vi if language == "vi" else column.note_en,
        }
        for column in table_specs()[table].columns
    ]
    return pd.DataFrame(rows)


def template_years(units: pd.DataFrame, plan: pd.Series) -> list[int]:
    """Return the years a province's template can be made for: its plan's years in which it has units."""
    last = max(int(plan["period_end"]), int(float(plan["vision_year"] or 0)))
    years = range(int(plan["period_start"]), last + 1)
    return [year for year in years if not units_of(units, plan["province_code"], year).empty]


def template_units(units: pd.DataFrame, table: str, province: str, year: int) -> pd.DataFrame:
    """Return the units a province's rows are written for in a year, code and official name under the table's
    own headers (the one list every template of units is made from)."""
    spec = table_specs()[table]
    chosen = units_of(units, province, year)
    code, name = (spec.headers.get(column, column) for column in ("unit_code", "unit_name"))
    return pd.DataFrame(
        {code: chosen["code"], name: [full_name(row.type, row.name, "vi") for row in chosen.itertuples()]}
    )


def template_zones(zones: pd.DataFrame, table: str, province: str, language: str) -> pd.DataFrame:
    """Return a province's zones: code and name under the table's headers (else in the language) and the code
    of the district each lies in."""
    headers = table_specs()[table].headers
    columns = {
        "zone_code": headers.get("zone_code", t("upload.zone_code", language)),
        "name": headers.get("zone_name", t("upload.zone_name", language)),
        "district_code": headers.get("unit_code", t("upload.zone_district", language)),
    }
    chosen = zones[zones["province_code"] == province].sort_values("zone_code")
    return chosen[list(columns)].rename(columns=columns).reset_index(drop=True)


def template_indicators(catalogue: pd.DataFrame, language: str) -> pd.DataFrame:
    """Return the indicator codes a province-level row may name, with their meaning, how to write the value and
    what the breakdown column holds."""
    chosen = catalogue[catalogue["source_table"] == PROVINCE_VALUES]
    return pd.DataFrame(
        {
            t("upload.indicator_code", language): chosen.index,
            t("upload.indicator_meaning", language): chosen[f"name_{language}"].to_numpy(),
            t("upload.indicator_value", language): [t(f"upload.value_{kind}", language) for kind in chosen["kind"]],
            t("upload.indicator_breakdown", language): [
                t(f"upload.breakdown_{breakdown or 'none'}", language) for breakdown in chosen["breakdown"]
            ],
        }
    )


def template_sheets(
    table: str,
    units: pd.DataFrame,
    zones: pd.DataFrame,
    catalogue: pd.DataFrame,
    province: str,
    year: int,
    language: str,
) -> dict[str, pd.DataFrame]:
    """Return the sheets that go with a table's template for a province and year: the guide to its columns, and
    the units, zones or indicator codes its rows may name."""
    names = table_specs()[table].column_names
    sheets = {t("upload.guide", language): template_guide(table, language)}
    if "unit_code" in names:
        sheets[t("upload.units_sheet", language, year=year)] = template_units(units, table, province, year)
    if "zone_code" in names:
        sheets[t("upload.zones_sheet", language)] = template_zones(zones, table, province, language)
    if "indicator" in names:
        sheets[t("upload.indicators_sheet", language)] = template_indicators(catalogue, language)
    return sheets
