"""Upload history and the audit log of value changes, as tables a planner reads in their language: newest first,
local time, rows by their units' names and columns by their template headers."""

from __future__ import annotations

import json

import pandas as pd

from dashboard.core.i18n import format_time, t
from dashboard.intake.labels import column_header, row_label
from dashboard.intake.problems import Problem
from dashboard.intake.tables import table_specs
from dashboard.intake.uploads import KEY, Preview


def table_title(table: str, language: str) -> str:
    """Return an indicator table's name in the language."""
    spec = table_specs()[table]
    return spec.name_vi if language == "vi" else spec.name_en


def is_undone(upload: dict | pd.Series) -> bool:
    """Return whether an upload of the history was undone (its undo time is text, not missing)."""
    return isinstance(upload["undone_at"], str) and bool(upload["undone_at"])


def upload_choice(upload: dict | pd.Series, language: str) -> str:
    """Return an upload as offered for choosing: its number, local time, table and file."""
    table = table_title(upload["table_name"], language)
    return f"{int(upload['id'])} · {format_time(upload['uploaded_at'])} · {table} · {upload['file_name']}"


def uploads_table(uploads: pd.DataFrame, language: str) -> pd.DataFrame:
    """Return the upload history, newest first: when (local time), who, which table and file, its checksum, its
    counts and whether undone."""
    rows = []
    for upload in uploads.sort_values("id", ascending=False).to_dict("records"):
        status = (
            t("history.undone", language, by=upload["undone_by"], at=format_time(upload["undone_at"]))
            if is_undone(upload)
            else t("history.active", language)
        )
        rows.append(
            {
                t("history.id", language): int(upload["id"]),
                t("history.at", language): format_time(upload["uploaded_at"]),
                t("history.by", language): upload["uploaded_by"],
                t("history.table", language): table_title(upload["table_name"], language),
                t("history.file", language): upload["file_name"],
                t("history.sha256", language): upload["sha256"][:16],
                t("history.encoding", language): upload["encoding"],
                t("upload.new", language): int(upload["rows_new"]),
                t("upload.changed", language): int(upload["rows_changed"]),
                t("upload.unchanged", language): int(upload["rows_unchanged"]),
                t("history.warnings", language): int(upload["warnings_confirmed"]),
                t("history.agency", language): upload.get("agency") or "",
                t("history.status", language): status,
            }
        )
    return pd.DataFrame(rows)


def _values(text: str | None) -> dict[str, str]:
    """Return a logged row's values (none for a row that did not exist)."""
    return json.loads(text) if isinstance(text, str) else {}


def changes_table(changes: pd.DataFrame, language: str) -> pd.DataFrame:
    """Return the audit log, newest first, with one line per value changed: when (local time), who, what, the row
    (year and unit), the column (its header), old → new."""
    rows = []
    for change in changes.sort_values("id", ascending=False).to_dict("records"):
        old, new = _values(change["old_data"]), _values(change["new_data"])
        table = change["table_name"]
        label = row_label(table, new or old, language)
        order = {name: place for place, name in enumerate(table_specs()[table].column_names)}
        for column in sorted(set(old) | set(new), key=lambda name: (order.get(name, len(order)), name)):
            if old.get(column) == new.get(column):
                continue
            rows.append(
                {
                    t("history.at", language): format_time(change["changed_at"]),
                    t("history.by", language): change["changed_by"],
                    t("history.id", language): int(change["upload_id"]),
                    t("history.action", language): t(f"history.action_{change['action']}", language),
                    t("history.table", language): table_title(table, language),
                    t("history.row", language): label,
                    t("history.column", language): column_header(table, column),
                    t("history.old", language): old.get(column, ""),
                    t("history.new", language): new.get(column, ""),
                }
            )
    return pd.DataFrame(rows)


def problems_table(problems: list[Problem], table: str, language: str) -> pd.DataFrame:
    """Return the problems of a file as a table: row, column (its header in the template), value, what is wrong."""
    return pd.DataFrame(
        [
            {
                t("upload.row", language): problem.row,
                t("upload.column", language): problem.header or column_header(table, problem.column or ""),
                t("upload.value", language): problem.value,
                t("upload.problem", language): problem.text(language),
            }
            for problem in problems
        ]
    )


def new_rows_table(new: pd.DataFrame, table: str, language: str) -> pd.DataFrame:
    """Return a preview's new rows under the template's headers, in either language (the words of the file)."""
    return new.rename(columns={"row": t("upload.row", language)} | table_specs()[table].headers)


def changed_table(preview: Preview, language: str) -> pd.DataFrame:
    """Return the changed values of a preview: the file's row, the year and unit by name, the column by its
    header, old → new."""
    changed = preview.changed
    keys = list(changed["key"].unique())
    written = preview.written.drop_duplicates(KEY).set_index(KEY).loc[keys] if keys else pd.DataFrame()
    labels = {
        key: row_label(preview.table, values, language)
        for key, values in zip(keys, written.to_dict("records"), strict=True)
    }
    return pd.DataFrame(
        {
            t("upload.row", language): changed["row"].to_numpy(),
            t("history.row", language): [labels[key] for key in changed["key"]],
            t("upload.column", language): [column_header(preview.table, column) for column in changed["column"]],
            t("history.old", language): changed["old"].to_numpy(),
            t("history.new", language): changed["new"].to_numpy(),
        }
    )
