"""User text (names, file names, notes) shown as text: Streamlit renders Markdown in captions, messages and
labels, so every character Markdown or HTML would act on is escaped."""

from __future__ import annotations

import re

MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:=^&])")


def plain(text: object) -> str:
    """Return the text with every Markdown and HTML character backslash-escaped, so it renders as typed."""
    return MARKDOWN.sub(r"\\\1", str(text))
