"""`units list`: the units of a province valid in a year, as a table or JSON, and clear refusals."""

import json

import pytest

from dashboard.__main__ import main

FIELDS = {"code", "name", "level", "province_code", "valid_from", "valid_to"}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """Return the exit code, standard output and standard error of a command."""
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    ("province", "year", "count", "level"),
    [
        ("25", "2024", 13, "district"),
        ("25", "2026", 148, "commune"),
        ("19", "2026", 92, "commune"),
        ("42", "2026", 69, "commune"),
    ],
)
def test_units_list_json_gives_the_units_valid_in_the_year(capsys, province, year, count, level):
    code, out, _ = run(capsys, "units", "list", "--province", province, "--year", year, "--json")
    units = json.loads(out)
    assert code == 0 and len(units) == count
    assert all(set(unit) >= FIELDS for unit in units)
    assert {unit["level"] for unit in units} == {level} and {unit["province_code"] for unit in units} == {province}
    assert len({unit["code"] for unit in units}) == count


def test_units_list_json_gives_validity_years_with_open_ends_as_null(capsys):
    _, out, _ = run(capsys, "units", "list", "--province", "25", "--year", "2024", "--json")
    viet_tri = next(unit for unit in json.loads(out) if unit["code"] == "227")
    assert (viet_tri["name"], viet_tri["valid_from"], viet_tri["valid_to"]) == ("Việt Trì", None, 2025)
    _, out, _ = run(capsys, "units", "list", "--province", "25", "--year", "2026", "--json")
    assert {(unit["valid_from"], unit["valid_to"]) for unit in json.loads(out)} == {(2025, None)}


def test_units_list_level_commune_gives_the_communes_of_the_reform_year(capsys):
    code, out, _ = run(capsys, "units", "list", "--province", "25", "--year", "2025", "--level", "commune", "--json")
    assert code == 0 and len(json.loads(out)) == 148


def test_units_list_without_json_prints_a_readable_table(capsys):
    code, out, _ = run(capsys, "units", "list", "--province", "25", "--year", "2024", "--language", "en")
    lines = out.splitlines()
    assert code == 0 and "13 units of province 25 valid in 2024" in lines[0]
    assert any("Việt Trì City" in line and "227" in line for line in lines)
    assert len(lines) == 2 + 13


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--province", "99", "--year", "2026"], ["Không có tỉnh mã “99”", "No province with code “99”"]),
        (["--province", "25", "--year", "20x6"], ["không hợp lệ", "is not a year"]),
        (["--province", "25", "--year", "2026", "--level", "ward"], ["Không có cấp “ward”", "No level “ward”"]),
        (["--province", "17", "--year", "2026"], ["không có đơn vị cấp xã", "part of province 25"]),
        (["--province", "25", "--year", "2024", "--level", "commune"], ["không có đơn vị cấp xã", "no commune units"]),
    ],
)
def test_units_list_refuses_an_unknown_province_year_or_level_in_both_languages(capsys, argv, words):
    code, out, err = run(capsys, "units", "list", *argv)
    assert code == 2 and out == "" and "Traceback" not in err
    assert all(word in err for word in words)
