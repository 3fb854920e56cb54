"""Upload history and the audit log of value changes, as tables a planner reads in their language."""

from __future__ import annotations

import json

import pandas as pd

from dashboard.core.i18n import t
from dashboard.intake.problems import Problem
from dashboard.intake.tables import table_specs


def table_title(table: str, language: str) -> str:
    """Return an indicator table's name in the language."""
    spec = table_specs()[table]
    return spec.name_vi if language == "vi" else spec.name_en


def uploads_table(uploads: pd.DataFrame, language: str) -> pd.DataFrame:
    """Return the upload history: when, who, which table and file, its checksum, its counts and whether undone."""
    rows = []
    for upload in uploads.to_dict("records"):
        status = (
            t("history.undone", language, by=upload["undone_by"], at=upload["undone_at"])
            if upload["undone_at"]
            else t("history.active", language)
        )
        rows.append(
            {
                t("history.id", language): int(upload["id"]),
                t("history.at", language): upload["uploaded_at"],
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
    """Return the audit log with one line per value changed: when, who, what, the row, the column, old → new."""
    rows = []
    for change in changes.to_dict("records"):
        old, new = _values(change["old_data"]), _values(change["new_data"])
        for column in sorted(set(old) | set(new)):
            if old.get(column) == new.get(column):
                continue
            rows.append(
                {
                    t("history.at", language): change["changed_at"],
                    t("history.by", language): change["changed_by"],
                    t("history.id", language): int(change["upload_id"]),
                    t("history.action", language): t(f"history.action_{change['action']}", language),
                    t("history.table", language): table_title(change["table_name"], language),
                    t("history.row", language): change["row_key"],
                    t("history.column", language): column,
                    t("history.old", language): old.get(column, ""),
                    t("history.new", language): new.get(column, ""),
                }
            )
    return pd.DataFrame(rows)


def problems_table(problems: list[Problem], table: str, language: str) -> pd.DataFrame:
    """Return the problems of a file as a table: row, column (its Vietnamese header and contract name), value,
    what is wrong."""
    headers = {column.name: f"{column.header_vi} ({column.name})" for column in table_specs()[table].columns}
    return pd.DataFrame(
        [
            {
                t("upload.row", language): problem.row,
                t("upload.column", language): headers.get(problem.column or "", problem.column or ""),
                t("upload.value", language): problem.value,
                t("upload.problem", language): problem.text(language),
            }
            for problem in problems
        ]
    )


def new_rows_table(new: pd.DataFrame, table: str, language: str) -> pd.DataFrame:
    """Return a preview's new rows under the table's headers (Vietnamese headers in Vietnamese)."""
    names = {"row": t("upload.row", language)}
    if language == "vi":
        names |= {column.name: column.header_vi for column in table_specs()[table].columns}
    return new.rename(columns=names)


def changed_table(changed: pd.DataFrame, language: str) -> pd.DataFrame:
    """Return the changed values of a preview: the file's row, the table row, the column, old → new."""
    return changed.rename(
        columns={
            "row": t("upload.row", language),
            "key": t("history.row", language),
            "column": t("upload.column", language),
            "old": t("history.old", language),
            "new": t("history.new", language),
        }
    )
