"""User text (names, file names, notes) shown as text: Streamlit renders Markdown in captions, messages and
labels, so every character Markdown or HTML would act on is escaped, and what it would turn into a link by
itself (http://…, www.…, an e-mail address) is broken by an invisible word joiner."""

from __future__ import annotations

import re

MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:=^&])")
AUTOLINK = re.compile(r"(?<=:)(?=//)|(?=@)|(?<=www)(?=\.)", re.IGNORECASE)
WORD_JOINER = "\u2060"


def plain(text: object) -> str:
    """Return the text with every Markdown and HTML character backslash-escaped and every automatic link broken,
    so it renders as typed."""
    return MARKDOWN.sub(r"\\\1", AUTOLINK.sub(WORD_JOINER, str(text)))
