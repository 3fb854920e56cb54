"""The yearly report page through AppTest: who reported and who is late as of the day chosen, the tasks, the
budget and the targets as the core computes them, and the report's downloads."""

from datetime import date

import pytest
import sqlalchemy as sa
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.core.paths import ROOT
from dashboard.core.settings import default_url
from dashboard.intake.accounts import PLANNER, Account
from dashboard.intake.uploads import bundled_reference, commit_upload, preview_upload
from dashboard.progress.reporting import reporting_round
from dashboard.progress.scorecard import scorecard, scorecard_table
from dashboard.store.database import UPLOADS, Store

TIMEOUT_S = 90


def report_page(province: str, year: int, as_of: date, language: str = "vi") -> AppTest:
    st.cache_data.clear()
    st.cache_resource.clear()
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S).run()
    app.switch_page("pages/yearly_report.py").run()
    app.sidebar.selectbox(key="province").select(province).run()
    app.sidebar.selectbox(key="report_year").select(year).run()
    app.session_state["language"] = language  # AppTest runs a switched-to page without app.py's language switch
    app.sidebar.date_input(key="report_as_of").set_value(as_of).run()
    return app


def frame_with(app: AppTest, column: str):
    return next(frame.value for frame in app.dataframe if column in frame.value.columns)


def test_the_page_shows_who_is_late_the_tasks_and_every_target_with_its_status(data_dir, data):
    app = report_page("25", 2025, date(2026, 12, 6))
    assert not app.exception
    assert app.title[0].value == "Báo cáo năm"
    silent = reporting_round(data, "phu-tho", 2025, date(2026, 12, 6)).late()["units"]
    late = app.warning[-1].value
    assert late.startswith("Quá hạn (sau ngày 15/12/2025 hoặc chưa gửi)") and len(silent) == late.count(";") + 1
    tasks = frame_with(app, "Tình trạng năm 2025")
    assert tasks["TT"].tolist() == [task.number for task in data.tasks.of_plan("phu-tho")]
    targets = frame_with(app, "Đánh giá")
    expected = scorecard_table(data, scorecard(data, "phu-tho", 2025), "vi")
    assert targets["Đánh giá"].tolist() == expected["Đánh giá"].tolist()
    labels = [button.proto.label for button in app.get("download_button")]
    assert labels[:2] == ["Tải báo cáo (Word)", "Tải các bảng của báo cáo (XLSX)"]


@pytest.fixture
def reported_by_doit(data_dir):
    store = Store(default_url(data_dir))
    content = "year,plan_id,task,status\n2026,hoa-binh,1,đang thực hiện\n2026,hoa-binh,2,hoàn thành\n".encode()
    shown = preview_upload(store, content, "tien-do.csv", "task_progress", bundled_reference(), 2**20)
    upload = commit_upload(store, shown, Account("lan", PLANNER), agency="doit")
    with store.engine.begin() as connection:
        connection.execute(sa.update(UPLOADS).where(UPLOADS.c.id == upload).values(uploaded_at="2026-12-10T08:00:00"))
    store.engine.dispose()
    return data_dir


@pytest.mark.parametrize(
    ("as_of", "doit", "others"),
    [
        (date(2026, 12, 12), "Reported on time", "Not yet reported (due 15 December)"),
        (date(2026, 12, 20), "Reported on time", "Not reported: late"),
    ],
)
def test_an_agencys_upload_shows_it_reported_and_the_others_late_only_after_15_december(
    reported_by_doit, as_of, doit, others
):
    app = report_page("17", 2026, as_of, "en")
    assert not app.exception
    agencies = frame_with(app, "Agency").set_index("Agency")
    assert agencies.loc["Department of Industry and Trade", "Reported on"] == "2026-12-10"
    assert agencies.loc["Department of Industry and Trade", "Report"] == doit
    assert set(agencies.drop(index="Department of Industry and Trade")["Report"]) == {others}
    tasks = frame_with(app, "Status in 2026").set_index("No.")
    assert (tasks.loc["1", "Status in 2026"], tasks.loc["2", "Status in 2026"]) == ("In progress", "Done")
