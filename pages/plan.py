"""Plan page: the chosen province's plan, every target it sets and its tasks, as recorded in indicators/."""

import streamlit as st

from dashboard.core.i18n import t
from dashboard.progress.plan import plan_summary, targets_table
from dashboard.progress.tasks import task_table
from dashboard.ui.downloads import download_buttons
from dashboard.ui.filters import choose_province
from dashboard.ui.state import dataset, language, run_through_entry

ROW_HEIGHT_PX = 35

run_through_entry()
lang = language()
data = dataset()
province = choose_province(data, lang)
plan = data.plan_of(province)

st.title(t("page.plan", lang))
st.subheader(plan[f"title_{lang}"])
st.write(plan_summary(plan, lang))
table = targets_table(data, plan["plan_id"], lang)
st.dataframe(table, hide_index=True, height=ROW_HEIGHT_PX * (len(table) + 1) + 3)
download_buttons(table, f"targets-{plan['plan_id']}", lang, "plan_targets")
st.caption(t("plan.note", lang))

tasks = task_table(data, plan["plan_id"], lang)
st.subheader(t("plan.tasks", lang, count=len(tasks)))
st.dataframe(tasks, hide_index=True)
download_buttons(tasks, f"tasks-{plan['plan_id']}", lang, "plan_tasks")
st.caption(t("plan.tasks_note", lang))
