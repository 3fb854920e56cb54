"""Zone list reports and site checks in words and tables, in either language."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from dashboard.core.i18n import format_number, messages, t
from dashboard.geography.boundaries.report import finding_text
from dashboard.geography.zones.sites import SITE_OK


def site_finding_text(finding: dict, language: str) -> str:
    """Return a finding about sites in words (site findings first, then those shared with boundary files)."""
    key = f"sites.finding.{finding['key']}"
    if key in messages(language):
        return t(key, language, **finding["params"])
    return finding_text(finding, language)


def zone_summary(report: dict, language: str) -> str:
    """Return what a zone file holds against the zone list, in one sentence."""
    misplaced = sum(check["status"] not in SITE_OK for check in report["checks"])
    return t(
        "sites.summary",
        language,
        sites=len(report["checks"]) + len(report["incomplete"]),
        added=len(report["added"]),
        misplaced=misplaced,
        incomplete=len(report["incomplete"]),
        not_in_file=len(report["not_in_file"]),
    )


def checks_table(checks: list[dict], district_names: dict[str, str], language: str) -> pd.DataFrame:
    """Return the sites that do not lie in the district they name: row, code, name, districts and distance."""
    wrong = [check for check in checks if check["status"] not in SITE_OK]
    column = _column_namer(language)
    return pd.DataFrame(
        {
            column("row"): [check["row"] for check in wrong],
            column("code"): [check["code"] for check in wrong],
            column("name"): [check["name"] for check in wrong],
            column("claimed"): [district_names.get(check["claimed"], check["claimed"]) for check in wrong],
            column("found"): [district_names.get(check["found"], "—") if check["found"] else "—" for check in wrong],
            column("status"): [t(f"sites.status.{check['status']}", language) for check in wrong],
            column("distance"): [format_number(check["distance_m"], language, 0) for check in wrong],
        }
    )


def _column_namer(language: str) -> Callable[[str], str]:
    """Return a function naming a site table column in the language."""
    return lambda key: t(f"sites.column_{key}", language)
