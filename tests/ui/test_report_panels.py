"""Zone reports on their page: whatever a file holds (its column names, zone codes) shows as text, never as a
live link or markup."""

from streamlit.testing.v1 import AppTest

from dashboard.geography.zones.importing import import_zones

MARKUP = "[x](http://example.com) <b>đậm</b>"


def zone_script(report: dict) -> None:
    from dashboard.ui.site_panels import zone_report_panel

    zone_report_panel(report, {}, "vi")


def shown(app: AppTest) -> str:
    """Return every message, caption and Markdown block the script drew, as Streamlit received them."""
    return "\n".join(
        element.value for kind in (app.error, app.warning, app.success, app.caption, app.markdown) for element in kind
    )


def assert_escaped(text: str) -> None:
    """Fail when the markup reached Streamlit unescaped."""
    assert "[x](http" not in text and "<b>" not in text
    assert "\\[x\\]\\(http" in text


def test_a_column_name_with_markup_in_a_zone_list_is_shown_as_text(data, tmp_path):
    path = tmp_path / "zones.csv"
    path.write_text(f"{MARKUP},latitude,longitude\nA,21.3,105.4\n", encoding="utf-8")
    report, rows = import_zones(path, "25", data.zones, data.units, data.layer, 2025)
    assert rows is None
    app = AppTest.from_function(zone_script, args=(report.to_json(),)).run()
    assert not app.exception
    assert_escaped(shown(app))
