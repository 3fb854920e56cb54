"""The command line: indicators import (exit codes, JSON report, dry run), undo, history, and accounts."""

import io
import json

import pytest

from dashboard.__main__ import main
from dashboard.core.settings import default_url
from dashboard.intake.accounts import load_accounts, signed_in
from dashboard.store.database import Store
from tests.conftest import store_in

HEADER = "year;district_code;district_name;supermarkets_total;supermarkets_eco_packaging\n"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("SCP_DATA_DIR", str(tmp_path))
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, str]:
    """Return the exit code and standard output of a command."""
    code = main(list(argv))
    return code, capsys.readouterr().out


def write(folder, text: str):
    """Return the path of a CSV file holding the text."""
    path = folder / "bang.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_bad_file_exits_non_zero_and_lists_each_problem_as_json(folder, capsys):
    path = write(folder, HEADER + "2025;227;;10;11\n2025;;Thanh Son;4;1\n")
    code, out = run(capsys, "indicators", "import", str(path), "--table", "eco_packaging", "--json")
    report = json.loads(out)
    assert code == 1 and not report["committed"]
    assert [(problem["row"], problem["column"], problem["code"]) for problem in report["problems"]] == [
        (2, "supermarkets_eco_packaging", "exceeds"),
        (3, "unit_name", "unknown_name"),
    ]
    assert "Huyện Thanh Sơn (238)" in report["problems"][1]["message"]
    assert Store(default_url(folder)).revision() == 0


def test_the_printed_problems_name_columns_by_their_template_header(folder, capsys):
    path = write(folder, HEADER + "2025;227;;10;11\n")
    code, out = run(capsys, "indicators", "import", str(path), "--table", "eco_packaging")
    assert code == 1
    assert "Dòng 2, cột “Số siêu thị dùng bao bì thân thiện môi trường”" in out
    assert "Row 2, column “Số siêu thị dùng bao bì thân thiện môi trường”" in out
    assert "supermarkets" not in out


def test_a_dry_run_reports_the_counts_and_writes_nothing(folder, capsys):
    path = write(folder, HEADER + "2025;227;;10;9\n")
    code, out = run(capsys, "indicators", "import", str(path), "--table", "eco_packaging", "--dry-run", "--json")
    assert code == 0
    assert json.loads(out)["counts"] == {"new": 1, "changed": 0, "unchanged": 0}
    assert Store(default_url(folder)).revision() == 0


def test_an_import_commits_and_can_be_undone(folder, capsys):
    path = write(folder, HEADER + "2025;227;;10;9\n")
    code, out = run(capsys, "indicators", "import", str(path), "--table", "eco_packaging")
    assert code == 0 and "Upload 1 committed" in out
    code, out = run(capsys, "indicators", "history", "--json")
    assert json.loads(out)[0]["rows_new"] == 1
    code, out = run(capsys, "indicators", "undo", "1")
    assert code == 0 and Store(default_url(folder)).rows("eco_packaging").empty


def test_warnings_block_the_commit_unless_accepted(folder, capsys):
    run(capsys, "indicators", "import", str(write(folder, HEADER + "2024;227;;10;1\n")), "--table", "eco_packaging")
    path = write(folder, HEADER + "2025;227;;10;9\n")
    code, out = run(capsys, "indicators", "import", str(path), "--table", "eco_packaging")
    assert code == 2 and "--accept-warnings" in out
    code, _ = run(capsys, "indicators", "import", str(path), "--table", "eco_packaging", "--accept-warnings")
    assert code == 0 and Store(default_url(folder)).revision() == 2


def test_users_are_added_with_a_hashed_password_read_from_stdin(folder, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("bi-mat-cua-lan\n"))
    assert main(["users", "add", "lan", "--role", "planner", "--name", "Nguyễn Thị Lan"]) == 0
    assert "Account “lan” added as Planner." in capsys.readouterr().out
    accounts = load_accounts(store_in(folder))
    assert accounts[0].password_hash.startswith("$argon2id$") and "bi-mat-cua-lan" not in accounts[0].password_hash
    assert not (folder / "accounts.json").exists()
    assert signed_in(accounts, "lan", "bi-mat-cua-lan").role == "planner"
    assert run(capsys, "users", "list")[1].startswith("lan\tplanner\tNguyễn Thị Lan")


def test_an_import_checks_zones_against_the_imported_zone_lists_too(folder, capsys):
    from dashboard.geography.units import load_zones
    from dashboard.geography.zones.stored import CLEAN, store_zones

    new_zone = load_zones().iloc[[0]].assign(zone_code="PT-CCN-MOI", name="CCN Mới")
    report = {"status": CLEAN, "province_code": new_zone.iloc[0]["province_code"], "sha256": "0" * 64}
    store_zones(store_in(folder), report, new_zone, "quantri", accepted=False)
    path = folder / "vung.csv"
    path.write_text("year,zone_code,zone_name,reached\n2025,PT-CCN-MOI,,có\n", encoding="utf-8")
    code, out = run(capsys, "indicators", "import", str(path), "--table", "zone_awareness", "--dry-run", "--json")
    assert code == 0, out
    assert json.loads(out)["counts"]["new"] == 1


@pytest.mark.parametrize(
    ("argv", "password", "code", "said", "usernames"),
    [
        (["users", "add", " lan", "--role", "admin"], "", 0, "Account “lan” changed: Administrator.", ["lan"]),
        (["users", "add", "LAN ", "--role", "viewer"], "", 0, "Account “lan” changed: Viewer.", ["lan"]),
        (["users", "add", "mai", "--role", "viewer"], "abc", 1, "at least 8 characters", ["lan"]),
        (["users", "add", "mai", "--role", "viewer"], "password1", 1, "most common", ["lan"]),
        (["users", "add", "mai", "--role", "viewer"], "mat-khau-cua-mai", 0, "Account “mai” added as Viewer.", None),
        (["users", "remove", " Lan"], "", 0, "Account “lan” removed: it can no longer sign in.", []),
        (["users", "remove", "khong-co"], "", 1, "No account is named “khong-co”: nothing was removed.", ["lan"]),
    ],
)
def test_users_are_compared_as_stored_passwords_checked_and_each_change_said(
    folder, capsys, monkeypatch, argv, password, code, said, usernames
):
    monkeypatch.setattr("sys.stdin", io.StringIO("mat-khau-cua-lan\n"))
    main(["users", "add", "lan", "--role", "planner"])
    capsys.readouterr()
    before = store_in(folder).revision()
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{password}\n"))
    assert main(argv) == code
    out, err = capsys.readouterr()
    assert said in (out if code == 0 else err) and "Traceback" not in out + err
    if code:
        assert store_in(folder).revision() == before
    expected = ["lan", "mai"] if usernames is None else usernames
    assert [account.username for account in load_accounts(store_in(folder))] == expected


def test_a_dry_run_lists_each_row_as_it_would_be_stored_beside_every_other_field(folder, capsys):
    path = write(folder, HEADER + "2025;227;;1.200;1.000\n\n2025;;Huyện Đoan Hùng;12;7\n")
    code, out = run(capsys, "indicators", "import", str(path), "--table", "eco_packaging", "--dry-run", "--json")
    report = json.loads(out)
    assert code == 0 and list(report) == [
        "table",
        "file",
        "encoding",
        "dry_run",
        "committed",
        "upload_id",
        "counts",
        "problems",
        "rows",
        "agency",
    ]
    assert report["rows"] == [
        {
            "row": 2,
            "year": "2025",
            "unit_code": "227",
            "unit_name": "Thành phố Việt Trì",
            "supermarkets_total": "1200",
            "supermarkets_eco_packaging": "1000",
        },
        {
            "row": 4,
            "year": "2025",
            "unit_code": "230",
            "unit_name": "Huyện Đoan Hùng",
            "supermarkets_total": "12",
            "supermarkets_eco_packaging": "7",
        },
    ]
    assert Store(default_url(folder)).revision() == 0


def test_a_refused_undo_names_the_rows_by_year_and_unit(folder, capsys):
    run(capsys, "indicators", "import", str(write(folder, HEADER + "2024;238;;10;7\n")), "--table", "eco_packaging")
    run(capsys, "indicators", "import", str(write(folder, HEADER + "2024;238;;10;8\n")), "--table", "eco_packaging")
    code = main(["indicators", "undo", "1"])
    assert code == 1
    assert "2024 · Huyện Thanh Sơn" in capsys.readouterr().err


def test_an_import_records_the_agency_it_reports_for_and_refuses_an_unknown_one(folder, capsys):
    path = write(folder, "year;plan_id;task;status\n2026;hoa-binh;12;đang thực hiện\n")
    code, out = run(capsys, "indicators", "import", str(path), "--table", "task_progress", "--agency", "xyz")
    assert code == 1
    assert "“xyz” không phải cơ quan" in out and "“xyz” is not an agency" in out and "Nothing was written" in out
    code, out = run(capsys, "indicators", "import", str(path), "--table", "task_progress", "--agency", "dcst", "--json")
    assert code == 0 and json.loads(out)["agency"] == "dcst"
    code, out = run(capsys, "indicators", "history", "--json")
    assert [upload["agency"] for upload in json.loads(out)] == ["dcst"]


def test_a_2026_file_by_commune_is_checked_from_the_command_line_naming_a_district_s_successors(folder, capsys):
    header = "year;unit_code;unit_name;supermarkets_total;supermarkets_eco_packaging\n"
    path = write(folder, header + "2026;;P. Việt Trì;10;9\n2026;227;;4;3\n")
    code, out = run(capsys, "indicators", "import", str(path), "--table", "eco_packaging", "--dry-run", "--json")
    report = json.loads(out)
    assert code == 1
    assert [(problem["row"], problem["column"], problem["code"]) for problem in report["problems"]] == [
        (3, "unit_code", "district_after_reform")
    ]
    assert "Phường Việt Trì (07900)" in report["problems"][0]["message_en"]
    path = write(folder, header + "2026;;P. Việt Trì;10;9\n")
    code, out = run(capsys, "indicators", "import", str(path), "--table", "eco_packaging", "--dry-run", "--json")
    assert code == 0 and [row["unit_code"] for row in json.loads(out)["rows"]] == ["07900"]
