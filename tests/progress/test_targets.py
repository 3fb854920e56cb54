import pytest

from dashboard.progress.targets import Target, plan_targets, target_for_year, target_of


def target(year: int, minimum: float, stretch: float | None = None) -> Target:
    return Target("p", "i", "province", year, minimum, stretch, "")


@pytest.mark.parametrize(
    ("year", "expected_year"),
    [(2021, 2025), (2025, 2025), (2026, 2030), (2030, 2030), (2031, 2030)],
)
def test_a_year_is_judged_against_the_next_target_due_or_the_last(year, expected_year):
    assert target_for_year([target(2025, 70), target(2030, 100)], year).year == expected_year


def test_no_targets_means_no_target():
    assert target_for_year([], 2025) is None


BRIEF_TARGETS = [
    ("hoa-binh", "zone_awareness", 2025, 70, None),
    ("hoa-binh", "zone_awareness", 2030, 100, None),
    ("hoa-binh", "awareness_campaigns", 2025, 100, None),
    ("hoa-binh", "awareness_campaigns", 2030, 100, None),
    ("hoa-binh", "eco_models", 2025, 20, 30),
    ("hoa-binh", "eco_packaging", 2025, 85, None),
    ("hoa-binh", "eco_packaging", 2030, 100, None),
    ("hoa-binh", "material_consumption_reduction", 2025, 5, 8),
    ("hoa-binh", "material_consumption_reduction", 2030, 7, 10),
    ("thai-nguyen", "green_industry_grdp_share", 2020, 42, 45),
    ("thai-nguyen", "distribution_cleaner_production", 2020, 50, None),
    ("thai-nguyen", "non_degradable_packaging_reduction", 2020, 50, 65),
    ("thai-nguyen", "zone_enterprises_clean_tech_roadmap", 2020, 60, 70),
    ("thai-nguyen", "waste_recycling_household_urban", 2020, 85, None),
    ("thai-nguyen", "waste_recycling_industrial", 2020, 75, None),
    ("thai-nguyen", "waste_recycling_construction", 2020, 50, None),
    ("thai-nguyen", "enterprises_informed", 2020, 80, None),
    ("thai-nguyen", "green_retail_points", 2030, 1, None),
    ("thai-nguyen", "vietnamese_goods_points", 2030, 1, None),
    ("ha-tinh", "awareness_campaigns", 2025, 85, None),
    ("ha-tinh", "zone_awareness", 2025, 80, None),
    ("ha-tinh", "eco_models", 2025, 1, 2),
    ("ha-tinh", "eco_packaging", 2025, 85, None),
    ("ha-tinh", "material_consumption_reduction", 2025, 5, 8),
    ("phu-tho", "awareness_campaigns", 2025, 100, None),
    ("phu-tho", "zone_awareness", 2025, 70, None),
    ("phu-tho", "zone_awareness", 2030, 100, None),
    ("phu-tho", "eco_models", 2025, 1, 2),
    ("phu-tho", "eco_packaging", 2025, 85, None),
    ("phu-tho", "eco_packaging", 2030, 100, None),
    ("phu-tho", "material_consumption_reduction", 2030, 7, 10),
    ("phu-tho", "scp_support_unit", 2025, 1, None),
    ("phu-tho", "budget_total", 2025, 12000, None),
    ("phu-tho", "budget_central", 2025, 4800, None),
    ("phu-tho", "budget_provincial", 2025, 4800, None),
    ("phu-tho", "budget_mobilised", 2025, 2400, None),
]


@pytest.mark.parametrize(("plan_id", "indicator", "year", "minimum", "stretch"), BRIEF_TARGETS)
def test_every_target_of_the_brief_is_recorded_as_data(data, plan_id, indicator, year, minimum, stretch):
    found = [t for t in plan_targets(data.targets, plan_id, indicator) if t.year == year]
    assert [(t.minimum, t.stretch) for t in found] == [(minimum, stretch)]


OUTPUT_TARGETS = [
    ("ha-tinh", "I.1", "training_classes", 2023, 3, None, "year"),
    ("ha-tinh", "I.4", "school_contests", 2024, 1, None, "year"),
    ("ha-tinh", "I.5", "study_tours", 2025, 2, None, "period"),
    ("ha-tinh", "II.6", "study_tours", 2021, 1, None, "period"),
    ("ha-tinh", "I.20", "reports", 2021, 1, None, "period"),
    ("phu-tho", "I.1", "handbooks", 2023, 1000, 2000, "year"),
    ("phu-tho", "I.3", "training_classes", 2021, 5, 10, "year"),
    ("phu-tho", "II.5", "eco_model_support_ccn", 2022, 1, 2, "year"),
    ("phu-tho", "II.5", "eco_model_support_craft_village", 2024, 1, 2, "year"),
    ("phu-tho", "II.8", "models_supported", 2025, 1, 3, "period"),
    ("phu-tho", "III.2", "retail_points_assessed", 2025, 20, None, "period"),
    ("phu-tho", "III.3", "distributors_supported", 2025, 50, None, "period"),
    ("phu-tho", "III.4", "businesses_assessed", 2025, 50, 80, "period"),
]


@pytest.mark.parametrize(("plan_id", "task", "indicator", "year", "minimum", "stretch", "per"), OUTPUT_TARGETS)
def test_task_outputs_are_targets_of_their_plan_with_their_years(
    data, plan_id, task, indicator, year, minimum, stretch, per
):
    rows = data.targets[
        (data.targets["plan_id"] == plan_id)
        & (data.targets["task"] == task)
        & (data.targets["indicator"] == indicator)
        & (data.targets["target_year"] == year)
    ]
    assert len(rows) == 1
    found = target_of(next(rows.itertuples()))
    assert (found.minimum, found.stretch, found.per) == (minimum, stretch, per)


@pytest.mark.parametrize(
    ("plan_id", "task", "indicator", "years"),
    [
        ("phu-tho", "I.2", "conferences", [2021, 2022, 2023, 2024, 2025]),
        ("phu-tho", "III.3", "conferences", [2025]),
        ("ha-tinh", "I.1", "training_classes", [2021, 2022, 2023, 2024, 2025]),
        ("ha-tinh", "II.1", "training_classes", []),
        ("ha-tinh", "II.17", "reports", []),
    ],
)
def test_a_yearly_output_has_a_target_each_year_and_a_repeated_one_is_not_set_twice(
    data, plan_id, task, indicator, years
):
    rows = data.targets[
        (data.targets["plan_id"] == plan_id) & (data.targets["task"] == task) & (data.targets["indicator"] == indicator)
    ]
    assert sorted(rows["target_year"]) == years


def test_phu_tho_sets_29_output_targets_of_its_appendix(data):
    outputs = data.targets[(data.targets["plan_id"] == "phu-tho") & (data.targets["task"] != "")]
    assert len(outputs.drop_duplicates(["task", "indicator"])) == 29


@pytest.mark.parametrize(
    ("plan_id", "indicator", "task"),
    [
        ("thai-nguyen", "distribution_cleaner_production", ""),
        ("phu-tho", "distributors_supported", "III.3"),
        ("phu-tho", "handbooks", "II.7"),
        ("phu-tho", "businesses_assessed", "III.4"),
    ],
)
def test_about_targets_are_approximate(data, plan_id, indicator, task):
    rows = data.targets[
        (data.targets["plan_id"] == plan_id) & (data.targets["indicator"] == indicator) & (data.targets["task"] == task)
    ]
    assert len(rows) == 1 and bool(rows["approximate"].iloc[0])
    assert data.targets["approximate"].sum() == 4


def test_readings_the_brief_asks_to_keep_straight(data):
    phu_tho = data.targets[data.targets["plan_id"] == "phu-tho"]
    assert "green_retail_points" not in set(phu_tho["indicator"]), "20 points are assessed, not a register count"
    assert "distribution_businesses_certified" not in set(data.targets["indicator"])
    goods = data.targets[data.targets["indicator"] == "vietnamese_goods_points"]
    assert list(zip(goods["scope"], goods["target_year"], strict=True)) == [("province", 2030)]
    assert "Mỗi" not in goods["text_vi"].iloc[0]
    hoa_binh = data.plans.set_index("plan_id").loc["hoa-binh"]
    assert (hoa_binh["period_start"], hoa_binh["period_end"]) == (2021, 2030)


def test_every_target_names_a_known_plan_indicator_and_scope(data):
    assert set(data.targets["plan_id"]) <= set(data.plans["plan_id"])
    assert set(data.targets["indicator"]) <= set(data.catalogue.index)
    assert set(data.targets["scope"]) <= {"province", "district", "zone"}
    ranged = data.targets.dropna(subset=["target_stretch"])
    assert (ranged["target_stretch"] > ranged["target_min"]).all()


def test_the_budget_sources_add_up_to_the_total(data):
    budget = data.targets[data.targets["indicator"].str.startswith("budget_")].set_index("indicator")["target_min"]
    assert budget["budget_central"] + budget["budget_provincial"] + budget["budget_mobilised"] == budget["budget_total"]


def test_each_province_has_exactly_one_plan(data):
    assert sorted(data.plans["province_code"]) == sorted(data.provinces["province_code"])
