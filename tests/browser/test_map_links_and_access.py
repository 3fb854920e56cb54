"""The map in Chromium on a phone and a desktop: one click or tap selects a district, the address names the
selection and opens it again, the map downloads as a PNG image, and axe-core finds no serious or critical
accessibility violation in what the project draws."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from test_map_in_browser import (  # the app server and the browser settings of the map's first browser test
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    MAP_FRAME,
    MAP_TIMEOUT_MS,
    app_url,  # noqa: F401 (a fixture)
    pytestmark,  # noqa: F401 (the browser mark and the skip without Chromium)
)

VIEWPORT_HEIGHT = 800
LINK = "/map?province=25&indicator=eco_packaging&year=2025"
SETTLED = """() => {
    const shape = document.querySelector("path.scp-district");
    if (!shape || !document.querySelector(".scp-legend")) return false;
    const box = shape.getBoundingClientRect();
    const now = [box.x, box.y, box.width, box.height].map(Math.round).join();
    const settled = window.scpLastBox === now;
    window.scpLastBox = now;
    return settled;
}"""
# A point of a district shape that receives the pointer (not a zone marker, not a neighbour), above a limit.
DISTRICT_POINT = """([lowest]) => {
    const shapes = [...document.querySelectorAll("path.scp-district")];
    for (const shape of shapes) {
        const box = shape.getBoundingClientRect();
        for (let step = 0; step < 200; step++) {
            const x = box.left + box.width * (0.2 + 0.6 * ((step * 0.618) % 1));
            const y = box.top + box.height * (0.2 + 0.6 * ((step * 0.382) % 1));
            if (y < lowest && document.elementFromPoint(x, y) === shape) {
                let code = null;
                window.map.eachLayer(layer => { if (layer._path === shape) code = layer.feature.properties.code; });
                return {x: x, y: y, code: code};
            }
        }
    }
    return null;
}"""
# Scrolls the element's scrolling ancestor (Streamlit scrolls its main block, not the window) by a distance.
SCROLL_BY = """(element, distance) => {
    let box = element.parentElement;
    while (box && box.scrollHeight <= box.clientHeight) box = box.parentElement;
    (box || document.scrollingElement).scrollBy(0, distance);
}"""
# Streamlit's own page list is a <ul> of links and section headings that axe reads as a malformed list
# (rules `list` and `listitem`): it is Streamlit's markup, not the project's, so it is left out of the check.
STREAMLIT_NAVIGATION = "[data-testid='stSidebarNav']"
SERIOUS = {"serious", "critical"}


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_tab(browser, request):
    """Return a function opening a tab of a phone (touch) below 600 px wide or of a desktop, 800 px tall so the
    map runs past the fold; the first tab is kept as a screenshot when the test fails."""
    opened = []

    def new(width: int = 1400):
        phone = width < 600
        context = browser.new_context(
            viewport={"width": width, "height": VIEWPORT_HEIGHT},
            has_touch=phone,
            is_mobile=phone,
            accept_downloads=True,
        )
        opened.append(context.new_page())
        return opened[-1]

    yield new
    report = getattr(request.node, "rep_call", None)
    if opened and report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        opened[0].screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)


def settled_map(tab):
    """Return the map's frame once its districts are drawn and the map has stopped fitting itself."""
    tab.frame_locator(MAP_FRAME).locator("path.scp-district").first.wait_for(timeout=MAP_TIMEOUT_MS)
    frame = tab.locator(MAP_FRAME).element_handle(timeout=MAP_TIMEOUT_MS).content_frame()
    frame.wait_for_function(SETTLED, polling=400, timeout=MAP_TIMEOUT_MS)
    return frame


def chosen_text(tab) -> str:
    """Return the words of the 'chosen district' message once it shows."""
    chosen = tab.locator("[data-testid='stAlert']").filter(has_text=re.compile("Đang chọn|Selected"))
    chosen.wait_for(timeout=MAP_TIMEOUT_MS)
    return chosen.inner_text()


@pytest.mark.parametrize("width", [390, 1400])
def test_one_click_selects_a_district_and_the_address_reopens_it(new_tab, app_url, width):  # noqa: F811
    tab = new_tab(width)
    tab.goto(f"{app_url}{LINK}")
    frame = settled_map(tab)
    iframe = tab.locator(MAP_FRAME).bounding_box()
    # Put the top half of the map in view and the rest below the fold, as a reader scrolling down sees it.
    tab.locator(MAP_FRAME).evaluate(SCROLL_BY, iframe["y"] - (VIEWPORT_HEIGHT - iframe["height"] / 2))
    frame.wait_for_function(SETTLED, polling=400, timeout=MAP_TIMEOUT_MS)
    iframe = tab.locator(MAP_FRAME).bounding_box()
    assert iframe["y"] + iframe["height"] > VIEWPORT_HEIGHT + 50
    point = frame.evaluate(DISTRICT_POINT, [VIEWPORT_HEIGHT - iframe["y"] - 20])
    assert point and point["code"]
    if width < 600:
        tab.touchscreen.tap(iframe["x"] + point["x"], iframe["y"] + point["y"])
    else:
        tab.mouse.click(iframe["x"] + point["x"], iframe["y"] + point["y"])
    chosen = chosen_text(tab)
    tab.wait_for_url(re.compile(rf"/map\?province=25&indicator=eco_packaging&year=2025&unit={point['code']}$"))
    again = new_tab(width)
    again.goto(tab.url)
    settled_map(again)
    assert chosen_text(again) == chosen


def test_an_unknown_value_in_the_address_shows_the_default_map_with_a_note(new_tab, app_url):  # noqa: F811
    tab = new_tab()
    tab.goto(f"{app_url}/map?province=25&indicator=eco_packaging&year=1890")
    settled_map(tab)
    tab.get_by_text("Địa chỉ trang nêu năm “1890”, không có số liệu: đang hiện năm 2025.").wait_for()
    tab.wait_for_url(re.compile(r"/map\?province=25&indicator=eco_packaging&year=2025$"))


def test_the_map_downloads_as_a_png_at_least_1600_pixels_wide(new_tab, app_url):  # noqa: F811
    tab = new_tab()
    tab.goto(f"{app_url}{LINK}")
    settled_map(tab)
    with tab.expect_download(timeout=MAP_TIMEOUT_MS) as download:
        tab.get_by_role("button", name="Tải ảnh bản đồ (PNG)").click()
    assert download.value.suggested_filename == "eco_packaging-phu-tho-2025.png"
    with Image.open(download.value.path()) as image:
        assert image.format == "PNG" and image.width >= 1600


def serious_violations(results: dict) -> list[str]:
    """Return the serious and critical violations of an axe run, each with the elements it names."""
    return [
        f"{violation['id']} ({violation['impact']}): {[node['target'] for node in violation['nodes']]}"
        for violation in results["violations"]
        if violation["impact"] in SERIOUS
    ]


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        (LINK, "Bản đồ"),
        ("/scorecard", "Bảng đánh giá chỉ tiêu"),
        ("/plan", "Kế hoạch và chỉ tiêu"),
        ("/district", "Chi tiết huyện"),
    ],
)
def test_axe_finds_no_serious_violation_in_what_the_page_draws(new_tab, app_url, path, heading):  # noqa: F811
    axe = Axe()
    tab = new_tab()
    tab.goto(f"{app_url}{path}")
    tab.get_by_role("heading", name=heading).first.wait_for(timeout=MAP_TIMEOUT_MS)
    tab.locator("[data-testid='stDataFrame']").first.wait_for(timeout=MAP_TIMEOUT_MS)
    found = serious_violations(axe.run(tab, context={"exclude": [[STREAMLIT_NAVIGATION]]}).response)
    if path == LINK:
        frame = settled_map(tab)
        frame.evaluate(axe.axe_script)
        found += serious_violations(frame.evaluate("axe.run(document, {resultTypes: ['violations']})"))
    assert found == []
