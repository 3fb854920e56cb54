"""User text escaped for Streamlit's Markdown: every construct shows as typed."""

import re

import pytest

from dashboard.ui.text import plain

ACTIVE = re.compile(r"(?<!\\)[\[\]()<>*_`#|~$:!]")
AUTOLINK = re.compile(r"://|www\.|\w@\w", re.IGNORECASE)


@pytest.mark.parametrize(
    "text",
    [
        "[x](http://example.com)",
        "<b>đậm</b><img src=x onerror=alert(1)>",
        "**Hòa Bình** _nghiêng_ `mã`",
        "# Tiêu đề",
        ":red[đỏ] :material/block: $x^2$",
        "a\\b\\[x](y)",
        "1. danh sách\n- mục",
        "Huyện Thanh Sơn",
        "Xem http://example.com, www.example.com hoặc thư lan@example.com",
    ],
)
def test_user_text_is_escaped_so_markdown_shows_it_as_typed(text):
    escaped = plain(text)
    assert re.sub(r"\\(.)", r"\1", escaped).replace("\u2060", "") == text
    assert not ACTIVE.search(escaped.replace("\\\\", ""))
    assert not AUTOLINK.search(re.sub(r"\\(.)", r"\1", escaped))
