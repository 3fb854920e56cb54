"""Problems found in what a user sent: each names the row, the column and the value, in both languages."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from dashboard.core.i18n import format_number, messages, t

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One problem: the spreadsheet row (1 is the header) and column it is in, the value, and its code; the
    column's template header names it to people, and `wording` picks a variant of the message (a rise, a fall)."""

    code: str
    row: int | None = None
    column: str | None = None
    value: str = ""
    severity: str = ERROR
    params: dict[str, object] = field(default_factory=dict)
    header: str = ""
    wording: str = ""

    @property
    def column_header(self) -> str:
        """Return the column as people read it: its header in the template, else its name in the file."""
        return self.header or self.column or ""

    def text(self, language: str) -> str:
        """Return what is wrong with the value, in the language, without saying where (the message is in the
        problem table, or in the intake checks table for checks of reading and numbers)."""
        params = {
            name: format_number(value, language) if isinstance(value, float) else value
            for name, value in self.params.items()
        }
        code = f"{self.code}_{self.wording}" if self.wording else self.code
        key = f"problem.{code}" if f"problem.{code}" in messages(language) else f"intake_checks.{code}"
        return t(key, language, value=self.value, column=self.column_header, **params)

    def message(self, language: str) -> str:
        """Return what is wrong, in the language, naming the row, the column (when there is one) and the value."""
        text = self.text(language)
        if self.row is None:
            return text
        if self.column is None:
            return t("intake_checks.at_row", language, row=self.row, text=text)
        return t("problem.at_row", language, row=self.row, column=self.column_header, text=text)

    def as_dict(self) -> dict[str, object]:
        """Return the problem as plain data for JSON: row, column (its contract name), code, severity, value and
        both messages (which name the column by its header)."""
        return {
            "row": self.row,
            "column": self.column,
            "code": self.code,
            "severity": self.severity,
            "value": self.value,
            "message": self.message("vi"),
            "message_en": self.message("en"),
        }


def errors(problems: list[Problem]) -> list[Problem]:
    """Return the problems that reject the file."""
    return [problem for problem in problems if problem.severity == ERROR]


def warnings(problems: list[Problem]) -> list[Problem]:
    """Return the problems a planner may confirm."""
    return [problem for problem in problems if problem.severity == WARNING]


def with_headers(problems: list[Problem], headers: dict[str, str]) -> list[Problem]:
    """Return the problems with each column's template header attached (columns without one keep their name)."""
    return [
        replace(problem, header=headers[problem.column]) if problem.column in headers else problem
        for problem in problems
    ]
