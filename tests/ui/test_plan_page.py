"""The plan page: an administrator checks a plan workbook, loads it, sees it listed and undoes it; problems are
listed by sheet, row and column and nothing is stored; other roles do not get the page."""

from dashboard.core.settings import default_url
from dashboard.dataset import load_dataset
from dashboard.store.database import Store
from tests.intake.test_plans import NEW_PLAN, PROVINCE, changed, new_plan_sheets, workbook
from tests.ui.test_upload_pages import signed_in_app

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def plan_page(data_dir, username: str = "quantri"):
    """Return the app on the plan page, signed in."""
    app = signed_in_app(data_dir, username)
    return app.switch_page("pages/plans.py").run()


def test_an_administrator_loads_a_plan_that_then_governs_its_province_and_can_undo_it(data_dir):
    app = plan_page(data_dir)
    assert not app.exception
    app.file_uploader(key="plan_file").set_value(("ke-hoach.xlsx", workbook(new_plan_sheets()), XLSX))
    app.button[0].click().run()
    assert NEW_PLAN in app.info[0].value.replace("\\", "") and "17 nhiệm vụ" in app.info[0].value
    app.button(key="plan_store").click().run()
    assert NEW_PLAN in app.success[0].value.replace("\\", "")
    store = Store(default_url(data_dir))
    assert load_dataset(store=store).plan_of(PROVINCE, 2026)["plan_id"] == NEW_PLAN
    assert app.dataframe[0].value.iloc[0, 1] == NEW_PLAN
    app.button(key="plan_undo").click().run()
    assert not app.exception
    assert load_dataset(store=store).plan_of(PROVINCE, 2026)["plan_id"] == "ha-tinh"


def test_a_bad_plan_lists_its_problems_by_sheet_row_and_column_and_stores_nothing(data_dir):
    app = plan_page(data_dir)
    revision = Store(default_url(data_dir)).revision()
    app.file_uploader(key="plan_file").set_value(("ke-hoach.xlsx", changed("targets", 3, "target_min", "x"), XLSX))
    app.button[0].click().run()
    assert app.error and not app.exception
    assert "targets, dòng 3, cột “target_min”" in app.dataframe[0].value.iloc[0, 0]
    assert "plan_store" not in [button.key for button in app.button]
    assert Store(default_url(data_dir)).revision() == revision
