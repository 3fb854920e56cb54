import pytest

from dashboard.core.paths import DEMO_TABLES
from dashboard.intake.demo import demo_tables
from dashboard.intake.tables import read_table, table_specs


@pytest.fixture(scope="module")
def generated(data):
    return demo_tables(data.units, data.zones, data.layer, data.plans, data.targets, data.catalogue, data.tasks)


@pytest.mark.parametrize("name", table_specs())
def test_the_committed_demo_tables_are_exactly_what_the_generator_makes(generated, name):
    committed = (DEMO_TABLES / f"{name}.csv").read_text(encoding="utf-8")
    assert generated[name].to_csv(index=False, lineterminator="\n") == committed


@pytest.mark.parametrize("name", table_specs())
def test_every_demo_row_is_marked_as_demo_and_has_the_contract_columns(name):
    table = read_table(DEMO_TABLES / f"{name}.csv")
    assert list(table.columns) == [*table_specs()[name].column_names, "source"]
    assert (table["source"] == "demo").all()
    first = 2018 if name == "province_values" else 2021
    assert set(table["year"]) == set(range(first, 2026))


def test_some_districts_do_not_report_so_no_data_shows_on_the_map(data):
    table = data.tables["eco_packaging"]
    reported = table.groupby("year")["unit_code"].nunique()
    assert (reported < 45).any()


def test_green_points_lie_inside_the_district_they_name(data, generated):
    from shapely.geometry import Point

    from dashboard.geography.units import valid_in

    for point in generated["green_retail_points"].itertuples():
        shapes = valid_in(data.layer, point.year).set_index("code").geometry
        assert shapes[point.unit_code].contains(Point(point.longitude, point.latitude))


COMMUNE_PROVINCES = {"19", "25", "42"}


def test_the_demo_reaches_2026_by_commune_for_the_three_merged_provinces(data):
    assert data.years()[-1] == 2026
    communes = data.units[data.units["level"] == "commune"].set_index("code")["province_code"]
    for name in ("awareness_campaigns", "eco_packaging"):
        rows = data.tables[name][data.tables[name]["year"] == 2026]
        assert rows["unit_code"].isin(communes.index).all() and (rows["source"] == "demo").all()
        assert set(communes[rows["unit_code"]]) == COMMUNE_PROVINCES
        assert rows["unit_code"].nunique() > 0.85 * communes.isin(COMMUNE_PROVINCES).sum()


def test_no_commune_code_is_copied_into_the_committed_demo_tables():
    for name in table_specs():
        table = read_table(DEMO_TABLES / f"{name}.csv")
        assert 2026 not in set(table["year"])
        if "unit_code" in table:
            assert not table["unit_code"].str.fullmatch(r"\d{5}").any()


def test_a_new_store_is_seeded_with_the_2026_demo_rows_through_the_upload_checks(seeded_dir):
    from dashboard.core.settings import default_url
    from dashboard.intake.uploads import store_tables
    from dashboard.store.database import Store

    tables = store_tables(Store(default_url(seeded_dir)))
    for name in ("awareness_campaigns", "eco_packaging", "zone_awareness", "eco_models", "province_values"):
        rows = tables[name][tables[name]["year"] == 2026]
        assert len(rows) and (rows["source"] == "demo").all(), name
