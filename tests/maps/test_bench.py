"""The benchmark runs on small layers and reports every figure for every case, fast and naive."""

import json
import logging

import pytest

from dashboard.__main__ import main
from dashboard.maps.bench.benchmark import FAST, NAIVE, Result, growth, text_report
from dashboard.maps.bench.synthetic import synthetic_layer

FIGURES = ["payload_bytes", "payload_gzip_bytes", "build_ms", "rerun_ms"]
SMALL = ["--districts", "12", "--communes", "30", "--spacing", "3000", "--runs", "1", "--check-rows", "300"]


@pytest.fixture(scope="module")
def layer_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("layers") / "small.geojson"
    synthetic_layer(8, 3000.0, "F").drop(columns=["code", "valid_from", "valid_to"]).to_file(path)
    return path


@pytest.fixture(scope="module")
def bench_run(layer_file):
    capture = pytest.MonkeyPatch()
    lines, logged = [], []
    capture.setattr("builtins.print", lambda text: lines.extend(str(text).splitlines()))
    handler = logging.Handler(logging.INFO)
    handler.emit = lambda record: logged.append(record.getMessage())
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        assert main(["bench", "--json", *SMALL, "--boundaries", str(layer_file)]) == 0
    finally:
        capture.undo()
        root.removeHandler(handler)
        root.setLevel(level)
    return [json.loads(line) for line in lines], logged


@pytest.fixture(scope="module")
def report(bench_run):
    return [row for row in bench_run[0] if "variant" in row]


def test_the_upload_check_of_a_generated_file_is_timed_and_judged_in_rows_per_second(bench_run):
    checks = [row for row in bench_run[0] if row.get("case") == "upload_check"]
    assert len(checks) == 1 and len(bench_run[0]) == 17
    check = checks[0]
    assert check["rows"] == 300 and check["accepted"] and check["file_bytes"] > 300 * 50
    assert check["cpu_s"] > 0 and check["rows_per_s"] == pytest.approx(300 / check["cpu_s"])
    assert check["budget_met"] == (check["rows_per_s"] >= 50_000)


def test_the_text_report_ends_with_the_upload_check_and_its_budget(capsys):
    assert (
        main(
            ["bench", "--districts", "3", "--communes", "4", "--spacing", "20000", "--runs", "1", "--check-rows", "20"]
        )
        == 0
    )
    last = capsys.readouterr().out.splitlines()[-1]
    assert last.startswith("upload check, green_retail_points: 20 rows (")
    assert "rows/s; budget >= 50,000 rows/s: " in last and "refused" not in last


def test_with_json_the_growth_is_logged_beside_the_objects(bench_run):
    growth_lines = [line for line in bench_run[1] if line.startswith("growth: ")]
    assert growth_lines == [line for line in growth_lines if "12 → 30 units (×2.5)" in line]
    assert len(growth_lines) == 2


def test_every_case_is_measured_fast_and_naive(report, layer_file):
    cases = {(row["layer"], row["variant"]) for row in report}
    layers = {layer for layer, _ in cases}
    assert len(layers) == 8 and str(layer_file) in layers
    assert {"synthetic national, 12 units", "synthetic national, 30 units"} <= layers
    assert {
        "schematic communes 2026, Phú Thọ",
        "communes 2026, detailed borders, Phú Thọ",
        "post-reform communes, national, 3321",
    } <= layers
    assert cases == {(layer, variant) for layer in layers for variant in (FAST, NAIVE)}


def test_every_figure_is_reported_as_a_positive_median(report):
    for row in report:
        assert row["units"] > 0 and row["runs"] == 1
        for figure in FIGURES:
            assert row[figure] > 0, (row["layer"], row["variant"], figure)


def test_fast_rows_carry_the_naive_ratio_of_every_figure_and_the_budgets(report):
    fast = {row["layer"]: row for row in report if row["variant"] == FAST}
    naive = {row["layer"]: row for row in report if row["variant"] == NAIVE}
    for layer, row in fast.items():
        assert row["prepare_ms"] > 0
        for figure in FIGURES:
            assert row["ratios"][figure] == pytest.approx(naive[layer][figure] / row[figure])
    province = fast["bundled, detailed borders, Phú Thọ"]["budgets"]
    assert set(province) == {
        "payload_bytes <= 80000",
        "payload_gzip_bytes <= 20000",
        "rerun_ms <= 60",
        "payload_bytes naive/fast >= 5",
        "rerun_ms naive/fast >= 3",
    }
    schematic = fast["bundled schematic, Phú Thọ"]["budgets"]
    assert set(schematic) == {"payload_bytes <= 80000", "payload_gzip_bytes <= 20000", "rerun_ms <= 60"}
    assert "payload_bytes <= 1e+06" in fast["synthetic national, 12 units"]["budgets"]
    assert all(row["prepare_ms"] is None and not row["ratios"] for row in naive.values())


def test_the_communes_after_the_reform_are_judged_against_their_own_budgets(report):
    fast = {row["layer"]: row for row in report if row["variant"] == FAST}
    limits = {"payload_bytes <= 150000", "payload_gzip_bytes <= 40000", "rerun_ms <= 80"}
    ratios = {"payload_bytes naive/fast >= 5", "rerun_ms naive/fast >= 5"}
    assert fast["schematic communes 2026, Phú Thọ"]["units"] == 148
    assert set(fast["schematic communes 2026, Phú Thọ"]["budgets"]) == limits
    assert set(fast["communes 2026, detailed borders, Phú Thọ"]["budgets"]) == limits | ratios
    national = fast["post-reform communes, national, 3321"]
    assert national["units"] == 3321
    assert set(national["budgets"]) == {"payload_bytes <= 1.5e+06", "rerun_ms <= 600"} | ratios


def test_the_fast_map_sends_a_fraction_of_the_naive_one_on_detailed_borders(report):
    fast = next(row for row in report if row["variant"] == FAST and row["layer"].startswith("bundled, detailed"))
    assert fast["payload_bytes"] <= 80_000 and fast["payload_gzip_bytes"] <= 20_000
    assert fast["ratios"]["payload_bytes"] >= 5


def test_the_text_report_shows_ratios_budgets_and_growth(report):
    results = [Result(**row) for row in report]
    synthetic = [row.layer for row in results if row.layer.startswith("synthetic")]
    text = text_report(results, growth(results, synthetic))
    assert "naive÷fast: payload_bytes ×" in text
    assert "budget payload_bytes <= 80000: met" in text
    assert "fast: 12 → 30 units (×2.5): payload_bytes ×" in text
    assert "naive: 12 → 30 units (×2.5)" in text


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--runs", "0"], "--runs must be between 1 and 8, not 0"),
        (["--districts", "1"], "--districts and --communes need at least 2 units"),
        (["--boundaries", "/no/such/layer.geojson"], "no such layer file: /no/such/layer.geojson"),
    ],
)
def test_arguments_that_cannot_be_measured_stop_with_a_message(capsys, arguments, message):
    with pytest.raises(SystemExit):
        main(["bench", *arguments])
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("layer.csv", "code,name\n1,A\n", "needs polygon features and a coordinate reference system"),
        ("layer.geojson", "not a layer at all", "not a layer file that can be read"),
    ],
)
def test_a_layer_file_that_cannot_be_measured_is_refused_with_the_reason(tmp_path, caplog, name, content, message):
    path = tmp_path / name
    path.write_text(content)
    assert main(["bench", "--boundaries", str(path), "--districts", "4", "--communes", "6", "--spacing", "5000"]) == 2
    assert f"bench: {path}: {message}" in caplog.text
