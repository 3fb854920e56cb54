"""Drawing a zone list report and the green retail point check on the zones and points page."""

from __future__ import annotations

from dataclasses import asdict

import streamlit as st

from dashboard.core.i18n import t
from dashboard.geography.zones.report import checks_table, site_finding_text, zone_summary
from dashboard.geography.zones.sites import SiteCheck
from dashboard.ui.text import plain

VERDICT = {"clean": st.success, "refused": st.error}


def zone_report_panel(report: dict, district_names: dict[str, str], language: str) -> None:
    """Draw a zone list report: verdict, refusals, zones out of their district, incomplete and missing zones."""
    st.subheader(t("sites.heading", language, source=plain(report["source_name"])))
    VERDICT.get(report["status"], st.warning)(t(f"sites.{report['status']}", language))
    for finding in report["refusals"]:
        st.error(plain(site_finding_text(finding, language)), icon=":material/block:")
    if report["checks"] or report["incomplete"]:
        st.caption(plain(zone_summary(report, language)))
    wrong = checks_table(report["checks"], district_names, language)
    if not wrong.empty:
        st.dataframe(wrong, hide_index=True)
    if report["incomplete"]:
        rows = ", ".join(f"{item['row']} ({item['zone_code']})" for item in report["incomplete"])
        st.warning(plain(t("sites.incomplete", language, rows=rows)))
    if report["not_in_file"]:
        st.caption(plain(t("sites.not_in_file", language, codes=", ".join(report["not_in_file"]))))
    for finding in report["notes"]:
        st.caption(plain(site_finding_text(finding, language)))


def green_point_panel(checks: list[SiteCheck], district_names: dict[str, str], year: int, language: str) -> None:
    """Draw the green retail points that do not lie in the district they name, or say that all do."""
    wrong = checks_table([asdict(check) for check in checks], district_names, language)
    if wrong.empty:
        st.success(t("sites.points_ok", language, year=year))
    else:
        st.subheader(t("sites.points_heading", language, year=year))
        st.dataframe(wrong, hide_index=True)
