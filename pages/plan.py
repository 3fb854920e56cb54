"""Plan page: the chosen province's plan and every target it sets, as recorded in indicators/."""

import streamlit as st

from dashboard.i18n import t
from dashboard.plan import plan_summary, targets_table
from dashboard.ui.filters import choose_province
from dashboard.ui.state import dataset, language

lang = language()
data = dataset()
province = choose_province(data, lang)
plan = data.plan_of(province)

st.title(t("page.plan", lang))
st.subheader(plan[f"title_{lang}"])
st.write(plan_summary(plan, lang))
st.dataframe(targets_table(data, plan["plan_id"], lang), hide_index=True)
st.caption(t("plan.note", lang))
