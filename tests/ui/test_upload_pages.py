"""The upload, history and users pages through AppTest: who may open them, an upload from file to map, undo."""

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from dashboard.core.paths import ROOT
from dashboard.intake.accounts import load_accounts
from dashboard.ui import upload_preview
from tests.conftest import store_in

TIMEOUT_S = 60
GUARDED_PAGES = ["pages/upload.py", "pages/history.py", "pages/users.py", "pages/boundaries.py", "pages/sites.py"]
GUARDED_PAGES += ["pages/plans.py"]
PACKAGING = (
    "Năm;Mã huyện;Tên huyện;Tổng số siêu thị và trung tâm thương mại;Số siêu thị dùng bao bì thân thiện môi trường\n"
)


@pytest.fixture
def app(data_dir):
    st.cache_data.clear()
    st.cache_resource.clear()
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S).run()


def signed_in_app(data_dir, username: str) -> AppTest:
    """Return the app run for the first time in a session already signed in as the test account.

    AppTest reruns only the page script, not app.py, so the page list of a role is built on the first run."""
    st.cache_data.clear()
    st.cache_resource.clear()
    account = next(entry for entry in load_accounts(store_in(data_dir)) if entry.username == username)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT_S)
    app.session_state["account"] = account
    return app.run()


def test_the_sign_in_form_signs_a_planner_in(app):
    app.sidebar.text_input(key="sign_in_username").input("lan")
    app.sidebar.text_input(key="sign_in_password").input("mat-khau-lan")
    app.sidebar.button[0].click().run()
    assert app.session_state["account"].role == "planner"


@pytest.mark.parametrize("page", GUARDED_PAGES)
@pytest.mark.parametrize("username", [None, "khach"])
def test_a_viewer_is_not_offered_the_planner_and_admin_pages(data_dir, page, username):
    app = signed_in_app(data_dir, username) if username else AppTest.from_file(str(ROOT / "app.py")).run()
    if username:
        assert "Người xem" in app.sidebar.caption[0].value
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app.switch_page(page)


@pytest.mark.parametrize("page", GUARDED_PAGES)
def test_a_page_file_run_directly_refuses_a_viewer(data_dir, page):
    st.cache_data.clear()
    st.cache_resource.clear()
    direct = AppTest.from_file(str(ROOT / page), default_timeout=TIMEOUT_S)
    direct.session_state["entry_ran"] = True
    direct.run()
    assert not direct.exception
    assert "không có quyền" in direct.error[0].value and "may not open this page" in direct.error[0].value
    assert not direct.file_uploader and not direct.dataframe and not direct.button


@pytest.mark.parametrize(
    ("username", "pages"), [("lan", ["upload", "history"]), ("quantri", ["upload", "history", "users"])]
)
def test_planners_and_admins_are_offered_their_pages(data_dir, username, pages):
    app = signed_in_app(data_dir, username)
    for page in pages:
        app.switch_page(f"pages/{page}.py").run()
        assert not app.exception and not app.error


def test_a_wrong_password_signs_nobody_in(app):
    app.sidebar.text_input(key="sign_in_username").input("lan")
    app.sidebar.text_input(key="sign_in_password").input("doan-bua")
    app.sidebar.button[0].click().run()
    assert "account" not in app.session_state


def test_a_planner_uploads_a_file_previews_it_and_the_map_shows_the_new_figure(data_dir):
    app = signed_in_app(data_dir, "lan")
    app.switch_page("pages/upload.py").run()
    app.selectbox(key="upload_table").select("eco_packaging").run()
    content = (PACKAGING + "2025;227;;10;10\n").encode("utf-8-sig")
    app.file_uploader[0].set_value(("bang.csv", content, "text/csv")).run()
    assert not app.exception
    assert "utf-8-sig" in app.caption[-1].value
    assert {metric.label: metric.value for metric in app.metric} == {
        "Dòng mới": "0",
        "Dòng thay đổi": "1",
        "Dòng không đổi": "0",
    }
    app.button(key="upload_commit").click().run()
    assert "Đã ghi lần tải lên số 8" in app.success[0].value
    app.switch_page("pages/map.py").run()
    app.sidebar.selectbox(key="indicator").select("eco_packaging").run()
    districts = app.dataframe[1].value
    row = districts[districts["Huyện"] == "Thành phố Việt Trì"].iloc[0]
    assert row.iloc[1] == "100% (10/10 siêu thị)"


def test_a_file_with_errors_lists_them_and_offers_no_commit(data_dir):
    app = signed_in_app(data_dir, "lan")
    app.switch_page("pages/upload.py").run()
    app.selectbox(key="upload_table").select("eco_packaging").run()
    app.file_uploader[0].set_value(("bang.csv", (PACKAGING + "2025;227;;10;11\n").encode(), "text/csv")).run()
    assert "Tệp có 1 lỗi" in app.error[0].value
    assert app.table[-1].value.iloc[0]["Dòng"] == 2
    assert "upload_commit" not in [button.key for button in app.button]


def test_a_planner_undoes_an_upload_from_the_history(data_dir):
    app = signed_in_app(data_dir, "lan")
    app.switch_page("pages/history.py").run()
    assert len(app.dataframe[0].value) == 7
    app.selectbox(key="history_upload").select(1).run()
    app.checkbox(key="history_undo_sure").check().run()
    app.button(key="history_undo").click().run()
    assert not app.exception
    assert "Đã hoàn tác lần tải lên số 1" in app.success[0].value
    assert "Đã hoàn tác bởi lan" in app.dataframe[0].value.iloc[-1]["Trạng thái"]


def test_an_admin_adds_a_planner(data_dir):
    app = signed_in_app(data_dir, "quantri")
    app.switch_page("pages/users.py").run()
    app.text_input(key="user_username").input("minh")
    app.selectbox(key="user_role").select("planner")
    app.text_input(key="user_password").input("mat-khau-minh")
    app.button[-2].click().run()
    assert not app.exception
    assert {account.username: account.role for account in load_accounts(store_in(data_dir))}["minh"] == "planner"


def test_uploaded_markup_is_shown_as_text_and_formulas_are_neutralised_in_exports(data_dir):
    from dashboard.core.exports import csv_bytes
    from dashboard.core.settings import default_url
    from dashboard.intake.audit import changes_table
    from dashboard.store.database import Store

    app = signed_in_app(data_dir, "lan")
    app.switch_page("pages/upload.py").run()
    app.selectbox(key="upload_table").select("green_retail_points").run()
    attack = "<img src=x onerror=alert(1)>"
    content = f'year,point_name,district_code,address,latitude,longitude\n2025,{attack},227,"=HYPERLINK(""http://x"")",21.3,105.4\n'
    app.file_uploader[0].set_value(("bang.csv", content.encode(), "text/csv")).run()
    new_rows = next(frame.value for frame in app.dataframe if "Tên điểm bán" in frame.value.columns)
    assert new_rows["Tên điểm bán"].tolist() == [attack]
    assert not [element for element in app.markdown if attack in element.value]
    app.button(key="upload_commit").click().run()
    audit = changes_table(Store(default_url(data_dir)).changes(), "vi")
    exported = csv_bytes(audit).decode("utf-8-sig")
    assert attack in exported
    assert "'=HYPERLINK" in exported and ",=HYPERLINK" not in exported


def test_an_account_removed_by_an_administrator_loses_its_pages_at_once(data_dir):
    from dashboard.intake.accounts import remove_account

    app = signed_in_app(data_dir, "lan")
    remove_account(store_in(data_dir), "lan")
    app.switch_page("pages/upload.py").run()
    assert "không có quyền" in app.error[0].value
    assert not app.file_uploader


def packaging_on_the_scorecard(app: AppTest) -> list[str]:
    """Return the latest values the scorecard shows for the eco-packaging targets."""
    table = next(frame.value for frame in app.dataframe if "Giá trị mới nhất" in frame.value.columns)
    rows = table[table["Chỉ số"].str.startswith("Siêu thị/TTTM dùng bao bì")]
    return rows["Giá trị mới nhất"].tolist()


def test_an_upload_shows_at_once_on_the_scorecard_and_the_two_year_maps(data_dir):
    app = signed_in_app(data_dir, "lan")
    app.switch_page("pages/scorecard.py").run()
    before = packaging_on_the_scorecard(app)
    app.switch_page("pages/compare.py").run()
    app.sidebar.selectbox(key="indicator").select("eco_packaging").run()
    compared = app.dataframe[-1].value.copy()
    app.switch_page("pages/upload.py").run()
    app.selectbox(key="upload_table").select("eco_packaging").run()
    rows = "".join(f"2025;{code};;10;10\n" for code in ("227", "228", "230", "231", "232", "233", "234"))
    app.file_uploader[0].set_value(("bang.csv", (PACKAGING + rows).encode(), "text/csv")).run()
    if "upload_confirm" in [box.key for box in app.checkbox]:
        app.checkbox(key="upload_confirm").check().run()
    app.button(key="upload_commit").click().run()
    assert app.success
    app.switch_page("pages/scorecard.py").run()
    assert packaging_on_the_scorecard(app) != before
    app.switch_page("pages/compare.py").run()
    assert not app.dataframe[-1].value.equals(compared)


def test_ticking_a_box_does_not_check_the_file_again(data_dir, monkeypatch):
    checked = []
    check = upload_preview.preview_upload
    monkeypatch.setattr(upload_preview, "preview_upload", lambda *given: checked.append(given[2]) or check(*given))
    app = signed_in_app(data_dir, "lan")
    app.switch_page("pages/upload.py").run()
    app.selectbox(key="upload_table").select("eco_packaging").run()
    content = (PACKAGING.replace("\n", ";Ghi chú\n") + "2025;227;;10;10;x\n").encode()
    app.file_uploader[0].set_value(("bang.csv", content, "text/csv")).run()
    app.checkbox(key="upload_confirm").check().run()
    app.checkbox(key="upload_confirm").uncheck().run()
    assert not app.exception and "Ghi chú" in app.table[-1].value.iloc[0].to_string()
    assert checked == ["bang.csv"]


def test_the_preview_opens_on_the_changed_values_by_unit_name_and_column_header(data_dir):
    app = signed_in_app(data_dir, "lan")
    app.switch_page("pages/upload.py").run()
    app.selectbox(key="upload_table").select("eco_packaging").run()
    app.file_uploader[0].set_value(
        ("bang.csv", (PACKAGING + "2025;227;TP. Việt Trì;10;10\n").encode(), "text/csv")
    ).run()
    preview_tabs = [tab for tab in app.tabs if tab.label in {"Giá trị thay đổi (cũ → mới)", "Dòng mới"}]
    assert [tab.label for tab in preview_tabs] == ["Giá trị thay đổi (cũ → mới)", "Dòng mới"]
    changed = preview_tabs[0].dataframe[0].value
    assert set(changed["Năm và đơn vị"]) == {"2025 · Thành phố Việt Trì"}
    assert set(changed["Cột"]) <= {
        "Tổng số siêu thị và trung tâm thương mại",
        "Số siêu thị dùng bao bì thân thiện môi trường",
    }
    assert "district_name" not in set(changed["Cột"])


def test_the_history_lists_the_newest_upload_first_in_vietnam_time(data_dir):
    app = signed_in_app(data_dir, "lan")
    app.switch_page("pages/history.py").run()
    history = app.dataframe[0].value
    assert history["Lần tải lên"].tolist() == sorted(history["Lần tải lên"], reverse=True)
    assert history["Thời điểm (giờ Việt Nam)"].str.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d").all()
    audit = app.dataframe[-1].value
    assert audit["Lần tải lên"].iloc[0] == history["Lần tải lên"].max()
    assert not audit["Năm và đơn vị"].str.contains("|", regex=False).any()
    assert not audit["Cột"].str.contains("_", regex=False).any()


def test_the_problems_table_wraps_its_text_and_names_columns_by_header(data_dir):
    app = signed_in_app(data_dir, "lan")
    app.switch_page("pages/upload.py").run()
    app.selectbox(key="upload_table").select("eco_packaging").run()
    content = (PACKAGING + "2025;227;;10;3,5\n2025;;Phu Thoo;4;1\n").encode()
    app.file_uploader[0].set_value(("bang.csv", content, "text/csv")).run()
    problems = app.table[-1].value
    assert not [frame for frame in app.dataframe if "Vấn đề" in frame.value.columns]
    assert problems["Cột"].tolist() == ["Số siêu thị dùng bao bì thân thiện môi trường", "Tên đơn vị"]
    assert problems["Giá trị"].tolist() == ["3,5", "Phu Thoo"]
    assert "“3,5”" in problems["Vấn đề"].iloc[0]
    assert {button.key for button in app.get("download_button")} >= {"upload_errors_csv", "upload_errors_xlsx"}


def test_the_upload_page_asks_the_province_and_its_template_lists_its_units(data_dir):
    app = signed_in_app(data_dir, "lan")
    app.switch_page("pages/upload.py").run()
    app.selectbox(key="upload_table").select("eco_packaging").run()
    app.selectbox(key="upload_province").select("42").run()
    app.selectbox(key="upload_template_year").select(2023).run()
    assert [tab.label for tab in app.tabs][:2] == ["Hướng dẫn", "Đơn vị năm 2023"]
    units = app.tabs[1].dataframe[0].value
    assert "Huyện Kỳ Anh" in set(units["Tên đơn vị"]) and "Thành phố Việt Trì" not in set(units["Tên đơn vị"])
    app.file_uploader[0].set_value(("bang.csv", (PACKAGING + "2025;;Ky Annh;4;1\n").encode(), "text/csv")).run()
    suggested = app.table[-1].value["Vấn đề"].iloc[0]
    assert "Kỳ Anh" in suggested.split("Gần nhất")[1].split(";")[0]


@pytest.mark.parametrize(
    ("language", "button", "limit"), [("vi", "Chọn tệp", "Tối đa 20 MB mỗi tệp"), ("en", "Choose file", "Up to 20 MB")]
)
def test_the_uploaders_own_words_are_in_the_interface_language(data_dir, language, button, limit):
    app = signed_in_app(data_dir, "lan")
    app.session_state["language"] = language
    app.switch_page("pages/upload.py").run()
    styles = [element.proto.body for element in app.get("html")]
    assert any(f'content: "{button}"' in style and limit in style for style in styles)
    assert all("Upload" not in style.split("content:")[-1] for style in styles)


def test_once_real_figures_are_uploaded_the_demo_banner_speaks_only_of_the_demo_rows_left(data_dir):
    app = signed_in_app(data_dir, "lan")
    app.switch_page("pages/map.py").run()
    assert app.warning[0].value.startswith("SỐ LIỆU MINH HỌA (DEMO)")
    app.switch_page("pages/upload.py").run()
    app.selectbox(key="upload_table").select("eco_packaging").run()
    app.file_uploader[0].set_value(("bang.csv", (PACKAGING + "2025;227;;10;10\n").encode(), "text/csv")).run()
    app.button(key="upload_commit").click().run()
    app.switch_page("pages/map.py").run()
    banner = app.warning[0].value
    assert banner.startswith("CÒN SỐ LIỆU MINH HỌA (DEMO)")
    assert "Siêu thị dùng bao bì thân thiện môi trường:" in banner and "Số liệu cấp tỉnh:" in banner


def test_a_planner_uploads_task_progress_for_an_agency_and_the_history_records_it(data_dir):
    app = signed_in_app(data_dir, "lan")
    app.switch_page("pages/upload.py").run()
    app.selectbox(key="upload_table").select("task_progress").run()
    app.selectbox(key="upload_agency").select("dic").run()
    assert [button.proto.label for button in app.get("download_button")][:1] == ["Tải CSV"]
    content = "Năm;Kế hoạch;Nhiệm vụ;Tình trạng\n2026;hoa-binh;9;hoàn thành\n".encode("utf-8-sig")
    app.file_uploader[0].set_value(("tien-do.csv", content, "text/csv")).run()
    assert not app.exception
    app.button(key="upload_commit").click().run()
    assert "Đã ghi lần tải lên số 8" in app.success[0].value
    app.switch_page("pages/history.py").run()
    assert app.dataframe[0].value.iloc[0]["Cơ quan báo cáo"] == "dic"


UNITS_2026 = PACKAGING.replace("Mã huyện;Tên huyện", "Mã đơn vị;Tên đơn vị")


def packaging_uploaded(data_dir, file_name: str, lines: str) -> AppTest:
    """Return the upload page of a signed-in planner with an eco-packaging file of the lines under the 2026
    headers chosen."""
    app = signed_in_app(data_dir, "lan")
    app.switch_page("pages/upload.py").run()
    app.selectbox(key="upload_table").select("eco_packaging").run()
    app.file_uploader[0].set_value((file_name, (UNITS_2026 + lines).encode("utf-8-sig"), "text/csv")).run()
    return app


def test_a_planner_uploads_2026_figures_by_commune_and_the_2026_scorecard_judges_them(data_dir):
    app = packaging_uploaded(data_dir, "xa_2026.csv", "2026;;P. Việt Trì;400;0\n2026;08515;;300;0\n")
    assert not app.exception and not app.error
    metrics = {metric.label: int(metric.value) for metric in app.metric}
    assert metrics["Dòng mới"] + metrics["Dòng thay đổi"] == 2
    app.button(key="upload_commit").click().run()
    assert "Đã ghi lần tải lên số 8" in app.success[0].value
    app.switch_page("pages/scorecard.py").run()
    app.sidebar.selectbox(key="province").select("25").run()
    app.sidebar.selectbox(key="year").select(2026).run()
    assert not app.exception
    card = app.dataframe[0].value
    packaging = card[card["Chỉ số"].str.contains("bao bì")]
    assert set(card["Năm chỉ tiêu"]) == {"2030"} and set(card["Năm số liệu"]) == {"2026"}
    assert any("sau sắp xếp" in caption.value for caption in app.caption)
    assert any("Hòa Bình, Phú Thọ, Vĩnh Phúc" in markdown.value for markdown in app.markdown)
    standing = app.dataframe[1].value
    assert {"Quyết định 2583/QĐ-UBND", "Kế hoạch (số hiệu chưa ghi)"} <= set(standing["Kế hoạch"])
    assert packaging.iloc[0]["Đánh giá"] == "Chậm tiến độ"


def test_a_2026_file_naming_a_district_lists_the_communes_that_took_its_territory(data_dir):
    app = packaging_uploaded(data_dir, "huyen_2026.csv", "2026;227;;10;9\n")
    assert not app.exception and "Tệp có 1 lỗi" in app.error[0].value
    message = " ".join(str(cell) for cell in app.table[-1].value.iloc[0]).replace("\\", "")
    assert "1/7/2025" in message and "Phường Việt Trì (07900)" in message
    assert "upload_commit" not in [button.key for button in app.button]
