"""Drawing a boundary match report and the stored layer versions on the administrators' page."""

from __future__ import annotations

import streamlit as st

from dashboard.core.i18n import t
from dashboard.geography.boundaries.importing import CLEAN, REFUSED
from dashboard.geography.boundaries.report import (
    finding_text,
    matches_table,
    missing_table,
    report_years,
    summary_lines,
    versions_table,
)
from dashboard.geography.boundaries.stored import list_versions
from dashboard.ui.state import store
from dashboard.ui.text import plain

VERDICT = {CLEAN: st.success, REFUSED: st.error}
ROW_HEIGHT_PX = 35


def report_panel(report: dict, language: str) -> None:
    """Draw a match report: the verdict, what was found, refusals, every feature, missing units and notes."""
    st.subheader(t("boundary.heading", language, source=plain(report["source_name"])))
    verdict, *facts = summary_lines(report, language)
    VERDICT.get(report["status"], st.warning)(plain(verdict))
    for finding in report["refusals"]:
        st.error(plain(finding_text(finding, language)), icon=":material/block:")
    for line in facts:
        st.caption(plain(line))
    problems = matches_table(report, language, only_problems=True)
    if not problems.empty:
        st.markdown(f"**{t('boundary.problems', language)}**")
        st.dataframe(problems, hide_index=True, key="boundary_problems")
    if report["missing"]:
        st.markdown(f"**{t('boundary.missing_heading', language, years=report_years(report))}**")
        st.dataframe(missing_table(report, language), hide_index=True, key="boundary_missing")
    if report["matches"]:
        st.markdown(f"**{t('boundary.matches_heading', language)}**")
        table = matches_table(report, language)
        st.dataframe(table, hide_index=True, key="boundary_matches", height=ROW_HEIGHT_PX * (len(table) + 1) + 3)
    if report["notes"]:
        st.markdown(f"**{t('boundary.notes', language)}**")
        st.markdown("\n".join(f"- {plain(finding_text(finding, language))}" for finding in report["notes"]))


def versions_panel(language: str) -> None:
    """Draw the stored layer versions, newest first, or say that none is stored."""
    st.subheader(t("boundary.versions", language))
    versions = list_versions(store())
    if versions.empty:
        st.info(t("boundary.no_versions", language))
    else:
        st.dataframe(versions_table(versions, language), hide_index=True, key="boundary_versions")
