"""Problems found in what a user sent: each names the row, the column and the value, in both languages."""

from __future__ import annotations

from dataclasses import dataclass, field

from dashboard.core.i18n import format_number, messages, t

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One problem: the spreadsheet row (1 is the header) and column it is in, the value, and its code."""

    code: str
    row: int | None = None
    column: str | None = None
    value: str = ""
    severity: str = ERROR
    params: dict[str, object] = field(default_factory=dict)

    def text(self, language: str) -> str:
        """Return what is wrong with the value, in the language, without saying where (the message is in the
        problem table, or in the intake checks table for checks of reading and numbers)."""
        params = {
            name: format_number(value, language) if isinstance(value, float) else value
            for name, value in self.params.items()
        }
        key = f"problem.{self.code}" if f"problem.{self.code}" in messages(language) else f"intake_checks.{self.code}"
        return t(key, language, value=self.value, column=self.column or "", **params)

    def message(self, language: str) -> str:
        """Return what is wrong, in the language, naming the row, the column (when there is one) and the value."""
        text = self.text(language)
        if self.row is None:
            return text
        if self.column is None:
            return t("intake_checks.at_row", language, row=self.row, text=text)
        return t("problem.at_row", language, row=self.row, column=self.column or "", text=text)

    def as_dict(self) -> dict[str, object]:
        """Return the problem as plain data for JSON: row, column, code, severity, value and both messages."""
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
