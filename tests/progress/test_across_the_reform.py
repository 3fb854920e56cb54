"""A merged province across the 1 July 2025 reform: its 2026 figures computed from uploaded communes and zones, the
targets that stand for it (its former provinces' 2030 targets, the stricter applied, both shown, until its own plan),
the scorecard command for 2026, and trends running 2021-2026 with the break marked."""

import dataclasses
import json

import pandas as pd
import pytest

from dashboard.__main__ import main
from dashboard.dataset import load_dataset
from dashboard.intake.accounts import PLANNER, Account
from dashboard.intake.uploads import bundled_reference, commit_upload, preview_upload, store_tables
from dashboard.maps.charts import provinces_chart, trend_chart
from dashboard.progress.figures import merged_province_series, province_series
from dashboard.progress.scorecard import scorecard, scorecard_records, standing_scorecard, standing_table
from dashboard.progress.succession import break_within, former_provinces, province_zones, standing_targets
from dashboard.progress.trends import trend_view
from dashboard.store.database import Store

PACKAGING = "year,unit_code,unit_name,supermarkets_total,supermarkets_eco_packaging"
ACCOUNT = Account("lan", PLANNER)


def upload(store: Store, table: str, *lines: str) -> None:
    """Commit a CSV file of the lines to the store, refusing on any problem."""
    content = ("\n".join(lines) + "\n").encode("utf-8")
    preview = preview_upload(store, content, "bang.csv", table, bundled_reference(), 2**20)
    assert [problem.message("en") for problem in preview.problems] == []
    commit_upload(store, preview, ACCOUNT)


@pytest.fixture(scope="module")
def uploaded(tmp_path_factory):
    """Return the dataset of a store holding only uploaded 2026 rows: supermarkets of four communes of Phú Thọ
    (one of them in former Hòa Bình), and the awareness of two zones, one of former Hòa Bình."""
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('reform') / 'store.sqlite3'}")
    upload(
        store,
        "eco_packaging",
        PACKAGING,
        "2026,07900,,10,9",
        "2026,,Phường Nông Trang,6,3",
        "2026,,Phường Hoà Bình,4,4",
        "2026,07969,,0,0",
    )
    upload(store, "zone_awareness", "year,zone_code,zone_name,reached", "2026,HB-KCN-LUONGSON,,có")
    upload(store, "zone_awareness", "year,zone_code,zone_name,reached", "2026,PT-KCN-THUYVAN,,không")
    return load_dataset(tables=store_tables(store))


def test_the_merged_phu_tho_is_made_of_hoa_binh_and_phu_tho_and_takes_their_zones_from_2026(data):
    assert former_provinces(data, "25") == ["17", "25"] and former_provinces(data, "42") == ["42"]
    assert set(province_zones(data, "25", 2025)["province_code"]) == {"25"}
    assert set(province_zones(data, "25", 2026)["province_code"]) == {"17", "25"}


def test_the_2026_province_figures_are_computed_from_the_uploaded_communes_and_zones(uploaded):
    assert province_series(uploaded, "25", "eco_packaging")[2026] == pytest.approx((9 + 3 + 4) * 100 / (10 + 6 + 4))
    every_zone = len(province_zones(uploaded, "25", 2026))
    assert province_series(uploaded, "25", "zone_awareness")[2026] == pytest.approx(100 / every_zone)


def test_the_2026_scorecard_judges_the_2030_targets_on_the_uploaded_communes(uploaded):
    records = {
        record["indicator"]: record for record in scorecard_records("phu-tho", scorecard(uploaded, "phu-tho", 2026))
    }
    assert {record["target_year"] for record in records.values()} == {2030}
    packaging = records["eco_packaging"]
    assert (packaging["year"], packaging["value"], packaging["target_min"]) == (2026, 80.0, 100.0)
    assert packaging["status"] in {"on_track", "behind"}
    zone_awareness = records["zone_awareness"]
    every_zone = len(province_zones(uploaded, "25", 2026))
    assert (zone_awareness["year"], zone_awareness["value"]) == (2026, pytest.approx(100 / every_zone, abs=1e-3))
    assert zone_awareness["share_among_reporters"] == 50.0 and zone_awareness["units_not_reported"] == every_zone - 2
    assert (records["material_consumption_reduction"]["year"], records["material_consumption_reduction"]["status"]) == (
        None,
        "no_data",
    )


def test_the_scorecard_command_for_2026_judges_the_phu_tho_plans_2030_targets_on_the_merged_province(
    data, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("SCP_DATA_DIR", str(tmp_path))
    assert main(["scorecard", "--plan", "phu-tho", "--year", "2026", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert [item["indicator"] for item in items] == [
        "zone_awareness",
        "eco_packaging",
        "material_consumption_reduction",
    ]
    assert all(item["plan"] == "phu-tho" and item["target_year"] == 2030 and item["year"] == 2026 for item in items)
    assert all(set(item) >= {"scope", "value", "target_min", "target_stretch", "status"} for item in items)
    packaging = next(item for item in items if item["indicator"] == "eco_packaging")
    table = data.tables["eco_packaging"]
    communes = set(data.units.loc[(data.units["level"] == "commune") & (data.units["province_code"] == "25"), "code"])
    rows = table[(table["year"] == 2026) & table["unit_code"].isin(communes)]
    expected = rows["supermarkets_eco_packaging"].sum() * 100 / rows["supermarkets_total"].sum()
    assert packaging["value"] == pytest.approx(expected, abs=1e-4)


def with_targets(data, rows: list[dict], plans: pd.DataFrame | None = None):
    """Return the dataset with the targets (and plans) replaced."""
    targets = pd.DataFrame(rows).assign(text_vi="")
    targets["target_stretch"] = targets["target_stretch"].astype(float)
    return dataclasses.replace(data, targets=targets, plans=data.plans if plans is None else plans)


def target(plan: str, indicator: str, minimum: float, stretch: float | None = None, year: int = 2030) -> dict:
    """Return a target row."""
    row = {"plan_id": plan, "indicator": indicator, "scope": "province", "target_year": year}
    return row | {"target_min": minimum, "target_stretch": stretch}


def test_where_two_former_plans_differ_the_stricter_applies_and_both_are_shown(data):
    changed = with_targets(
        data,
        [
            target("hoa-binh", "eco_packaging", 100),
            target("phu-tho", "eco_packaging", 90),
            target("phu-tho", "zone_awareness", 100),
            target("hoa-binh", "material_consumption_reduction", 7, 10),
            target("phu-tho", "material_consumption_reduction", 7, 12),
            target("phu-tho", "eco_packaging", 85, year=2025),
            target("thai-nguyen", "eco_packaging", 120),
        ],
    )
    standing = [
        (item.target.plan_id, item.target.indicator, item.applies) for item in standing_targets(changed, "25", 2026)
    ]
    assert standing == [
        ("phu-tho", "eco_packaging", False),
        ("hoa-binh", "eco_packaging", True),
        ("phu-tho", "zone_awareness", True),
        ("phu-tho", "material_consumption_reduction", True),
        ("hoa-binh", "material_consumption_reduction", False),
    ]
    table = standing_table(changed, standing_scorecard(changed, "25", 2026), "en")
    assert list(table["Plan"]) == [
        "Kế hoạch (số hiệu chưa ghi)",
        "Quyết định 2583/QĐ-UBND",
        "Kế hoạch (số hiệu chưa ghi)",
        "Kế hoạch (số hiệu chưa ghi)",
        "Quyết định 2583/QĐ-UBND",
    ]
    assert list(table["Applies"])[:2] == ["no (another is stricter or the same)", "applies"]


def test_where_two_former_plans_agree_the_plan_of_the_province_keeping_its_name_applies(data):
    standing = standing_targets(data, "25", 2026)
    applied = {(item.target.indicator, item.target.plan_id) for item in standing if item.applies}
    assert ("eco_packaging", "phu-tho") in applied and ("eco_packaging", "hoa-binh") not in applied
    assert ("awareness_campaigns", "hoa-binh") in applied
    assert {item.target.year for item in standing} == {2030}


def test_a_plan_the_merged_province_issues_after_the_reform_replaces_its_former_plans(data):
    new_plan = data.plans.iloc[[-1]].assign(plan_id="phu-tho-2026", period_start="2026", document="Kế hoạch 2026")
    plans = pd.concat([data.plans, new_plan], ignore_index=True)
    changed = with_targets(
        data, [target("hoa-binh", "eco_packaging", 100), target("phu-tho-2026", "eco_packaging", 95)], plans
    )
    standing = standing_targets(changed, "25", 2026)
    assert [(item.plan_document, item.target.minimum, item.applies) for item in standing] == [
        ("Kế hoạch 2026", 95.0, True)
    ]


def combined_share(data, provinces: list[str], year: int) -> float:
    """Return the eco-packaging share of the districts of the provinces in a year, summed over them."""
    table = data.tables["eco_packaging"]
    districts = data.units[(data.units["level"] == "district") & data.units["province_code"].isin(provinces)]
    valid = districts[(districts["valid_from"] <= year) & (districts["valid_to"] >= year)]
    rows = table[(table["year"] == year) & table["unit_code"].isin(valid["code"])]
    return rows["supermarkets_eco_packaging"].sum() * 100 / rows["supermarkets_total"].sum()


def test_the_trend_of_the_merged_province_runs_across_the_reform_with_the_break_marked(data):
    view = trend_view(data, "25", "eco_packaging", [], "vi")
    assert [year for year, value in view.province.items() if value == value] == [2021, 2022, 2023, 2024, 2025, 2026]
    for year in range(2021, 2026):
        assert view.province[year] == pytest.approx(combined_share(data, ["17", "25"], year))
    assert view.province[2026] == pytest.approx(province_series(data, "25", "eco_packaging")[2026])
    assert view.break_year == pytest.approx(2025.5, abs=0.01)
    figure = trend_chart(view, [], "en")
    assert [shape.x0 for shape in figure.layout.shapes] == [view.break_year]
    assert any("1 July 2025" in annotation.text for annotation in figure.layout.annotations)


def test_the_merged_series_differs_from_the_former_phu_tho_alone_before_the_reform(data):
    merged = merged_province_series(data, "25", "eco_packaging")
    own = province_series(data, "25", "eco_packaging")
    assert merged[2024] != pytest.approx(own[2024]) and merged[2026] == pytest.approx(own[2026])


def test_a_province_that_kept_its_extent_keeps_its_own_series(data):
    merged = merged_province_series(data, "42", "eco_packaging")
    assert merged.equals(province_series(data, "42", "eco_packaging"))


def test_the_provinces_chart_marks_the_reform_only_when_its_years_span_it():
    frame = pd.DataFrame({"Phú Thọ": [50.0, 60.0]}, index=[2025, 2026])
    assert len(provinces_chart(frame, "t", True, "vi", break_within([2025, 2026])).layout.shapes) == 1
    assert break_within([2024, 2025]) is None
    assert len(provinces_chart(frame.iloc[:1], "t", True, "vi", break_within([2025])).layout.shapes) == 0


def test_maps_offer_only_the_years_a_boundary_layer_draws_for_the_province(data):
    assert data.years()[-1] == 2026
    assert data.mapped_years("25") == [2021, 2022, 2023, 2024, 2025, 2026] == data.mapped_years()
    assert data.mapped_years("17") == [2021, 2022, 2023, 2024, 2025]
