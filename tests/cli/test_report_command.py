"""`report`: the yearly report written from the store as a Word document and an XLSX workbook, with the files
and the time printed; unknown plans and years and folders that cannot be written refused in both languages."""

from datetime import date

import openpyxl
import pytest
from docx import Document

from dashboard.cli.main import main
from dashboard.core.settings import default_url
from dashboard.intake.accounts import PLANNER, Account
from dashboard.intake.uploads import bundled_reference, commit_upload, preview_upload
from dashboard.store.database import Store


def test_the_report_is_written_and_the_files_and_the_time_are_printed(data_dir, tmp_path, capsys):
    out = tmp_path / "bao-cao"
    assert main(["report", "--plan", "phu-tho", "--year", "2025", "--out", str(out), "--as-of", "2026-12-06"]) == 0
    said = capsys.readouterr().out.splitlines()
    word, workbook = out / "bao-cao-sxtdbv-phu-tho-2025.docx", out / "bao-cao-sxtdbv-phu-tho-2025.xlsx"
    assert said[:2] == [f"Đã ghi {word}", f"Đã ghi {workbook}"]
    assert said[2].startswith("Một báo cáo được ghi trong ") and said[2].endswith(" giây.")
    assert len(Document(str(word)).inline_shapes) == 5
    assert "Nhiệm vụ" in openpyxl.load_workbook(workbook).sheetnames


def test_a_task_progress_upload_for_an_agency_shows_in_the_report_of_its_year(data_dir, tmp_path, capsys):
    store = Store(default_url(data_dir))
    content = "year,plan_id,task,status,outputs_delivered\n2026,hoa-binh,9,done,12 tin bài\n".encode()
    shown = preview_upload(store, content, "tien-do.csv", "task_progress", bundled_reference(), 2**20)
    commit_upload(store, shown, Account("lan", PLANNER), agency="dic")
    today = date.today().isoformat()
    arguments = ["report", "--plan", "hoa-binh", "--year", "2026", "--out", str(tmp_path), "--language", "en"]
    assert main([*arguments, "--as-of", today]) == 0
    document = Document(str(tmp_path / "scp-report-hoa-binh-2026.docx"))
    rows = {row.cells[0].text: [cell.text for cell in row.cells] for table in document.tables for row in table.rows}
    assert rows["9"][4] == "Done" and rows["9"][5] == "12 tin bài"
    agency = rows["Department of Information and Communications"]
    assert agency[2] == today and agency[3] in {"Reported on time", "Reported late (after 15 December)"}


@pytest.mark.parametrize(
    ("plan", "year", "vietnamese", "english"),
    [
        ("quang-ninh", "2025", "Không có kế hoạch “quang-ninh”", "No plan “quang-ninh”"),
        ("phu-tho", "2031", "Kế hoạch phu-tho không có năm 2031", "There is no year 2031 in plan phu-tho"),
        ("ha-tinh", "2020", "Kế hoạch ha-tinh không có năm 2020", "There is no year 2020 in plan ha-tinh"),
    ],
)
def test_an_unknown_plan_or_year_is_said_in_both_languages_and_nothing_is_written(
    data_dir, tmp_path, capsys, plan, year, vietnamese, english
):
    out = tmp_path / "out"
    assert main(["report", "--plan", plan, "--year", year, "--out", str(out)]) == 2
    error = capsys.readouterr().err
    assert vietnamese in error and english in error and "Traceback" not in error
    assert not out.exists()


@pytest.mark.parametrize("where", ["a-file", "a-file/below"])
def test_a_folder_that_cannot_be_written_is_said_in_both_languages(data_dir, tmp_path, capsys, where):
    (tmp_path / "a-file").write_text("not a folder")
    out = tmp_path / where
    assert main(["report", "--plan", "phu-tho", "--year", "2025", "--out", str(out)]) == 1
    error = capsys.readouterr().err
    assert "Không ghi được vào thư mục" in error and "cannot be written" in error and "Traceback" not in error
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a-file", "var"]
