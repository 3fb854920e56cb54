"""Scorecard page: every target of the chosen province's plan as a row, judged as of a year, with downloads."""

import streamlit as st

from dashboard.core.i18n import t
from dashboard.intake.tables import is_demo
from dashboard.progress.breakdowns import plan_breakdowns
from dashboard.progress.scorecard import (
    scorecard_download,
    scorecard_table,
    standing_scorecard,
    standing_table,
    status_counts,
)
from dashboard.progress.succession import commune_era, former_names
from dashboard.ui.downloads import download_buttons
from dashboard.ui.filters import choose_province, choose_year
from dashboard.ui.panels import demo_banner
from dashboard.ui.state import cached_scorecard, dataset, language, run_through_entry

run_through_entry()
lang = language()
data = dataset()
province = choose_province(data, lang)
year = choose_year(data.years(), lang)
plan = data.plan_of(province)
slug = data.province(province)["slug"]

st.title(t("scorecard.title", lang))
st.subheader(plan[f"title_{lang}"])
demo_banner(is_demo(data.tables), lang)
st.write(t("scorecard.intro", lang, year=year))

rows = cached_scorecard(plan["plan_id"], year)
counts = status_counts(rows)
for column, status in zip(st.columns(5), ("exceeded", "met", "on_track", "behind", "no_data"), strict=True):
    column.metric(t(f"status.{status}", lang), counts.get(status, 0))

table = scorecard_table(data, rows, lang)
widths = {"indicator": 190, "status": 110, "target_year": 60, "target": 70, "value": 90, "value_year": 60}
widths |= {"missing_years": 100, "baseline": 105, "scope": 75}
config = {t(f"scorecard.column_{key}", lang): st.column_config.TextColumn(width=px) for key, px in widths.items()}
config[t("scorecard.column_indicator", lang)] = st.column_config.TextColumn(width=190, pinned=True)
config[t("scorecard.column_trend", lang)] = st.column_config.LineChartColumn(width=75)
st.dataframe(table, hide_index=True, column_config=config, height=35 * (len(table) + 1) + 3)
download_buttons(scorecard_download(data, rows, lang), f"scorecard-{slug}-{year}", lang, "scorecard")
st.caption(t("scorecard.method", lang))

if commune_era(year):
    name = data.province(province)["name"]
    st.caption(t("scorecard.after_reform", lang, year=year))
    st.subheader(t("scorecard.standing", lang, province=name, year=year))
    st.write(t("scorecard.standing_intro", lang, province=name, formers=former_names(province), year=year))
    standing = standing_table(data, standing_scorecard(data, province, year), lang)
    st.dataframe(standing, hide_index=True)
    download_buttons(standing, f"standing-{slug}-{year}", lang, "standing")

breakdowns = plan_breakdowns(data, plan["plan_id"], year, lang)
if breakdowns:
    st.subheader(t("scorecard.breakdowns", lang))
for indicator, breakdown in breakdowns.items():
    st.markdown(f"**{data.catalogue.loc[indicator, f'name_{lang}']}**")
    if data.catalogue.loc[indicator, "aggregation"] == "sum_of":
        st.caption(t("breakdowns.budget_note", lang, start=plan["period_start"], year=year))
    else:
        st.caption(t("breakdowns.sector_note", lang, year=plan["baseline_year"]))
    st.dataframe(breakdown, hide_index=True)
    download_buttons(breakdown, f"{indicator}-{slug}-{year}", lang, f"breakdown_{indicator}")
