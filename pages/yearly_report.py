"""Yearly report page: for a plan and year, which agencies and units have reported and who is late after 15
December, the tasks by status, the budget planned and spent, every target with its status, and the report
itself as a Word document and an XLSX workbook."""

from datetime import date

import streamlit as st

from dashboard.core.i18n import t
from dashboard.reports.yearly import (
    late_line,
    plan_years,
    reporting_counts,
    target_summary,
    task_summary,
    today_text,
    yearly_report,
)
from dashboard.ui.downloads import download_buttons, report_buttons
from dashboard.ui.filters import choose_plan_year, choose_province
from dashboard.ui.panels import demo_banner
from dashboard.ui.state import DEFAULT_REPORT_YEAR, cached_yearly_report, dataset, language, run_through_entry

run_through_entry()
lang = language()
data = dataset()
province = choose_province(data, lang)
plan = data.plan_of(province)
start, end = plan_years(data, plan["plan_id"])
year = choose_plan_year(range(start, end + 1), DEFAULT_REPORT_YEAR, lang)
today = st.sidebar.date_input(t("reporting.as_of", lang), value=date.today(), key="report_as_of", format="DD/MM/YYYY")

report = cached_yearly_report(plan["plan_id"], year, lang, today)
st.title(t("reporting.title", lang))
st.subheader(plan[f"title_{lang}"])
demo_banner(report.demo, lang)
st.write(t("reporting.intro", lang, year=year, today=today_text(report)))
report_buttons(report, lambda: yearly_report(data, plan["plan_id"], year, lang, today), lang)

counts = reporting_counts(report)
late = late_line(report)
(st.warning if report.late["agencies"] or report.late["units"] else st.success)(late)
st.subheader(t("reporting.agencies", lang))
st.write(counts["agencies"])
st.dataframe(report.agencies, hide_index=True)
st.subheader(t("reporting.units", lang))
st.write(counts["units"])
st.dataframe(report.units, hide_index=True)
download_buttons(report.units, f"bao-cao-don-vi-{report.slug}-{year}", lang, "report_units")

st.subheader(t("reporting.tasks", lang))
st.write(task_summary(report.round, lang))
st.dataframe(report.tasks, hide_index=True)
download_buttons(report.tasks, f"nhiem-vu-{report.slug}-{year}", lang, "report_tasks")

st.subheader(t("reporting.budget", lang, start=plan["period_start"], year=year))
if report.budget.empty:
    st.info(t("reporting.no_budget", lang))
else:
    st.dataframe(report.budget, hide_index=True)

st.subheader(t("reporting.targets", lang))
st.write(target_summary(report.score, lang))
st.dataframe(report.targets, hide_index=True, height=35 * (len(report.targets) + 1) + 3)
for note in report.notes:
    st.caption(note)
