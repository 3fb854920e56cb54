"""The bench command silences Streamlit's bare-mode warnings, and nothing else."""

import logging

import pytest

from dashboard.cli.bench import BARE_MODE_LOGGERS, quiet_bare_mode_warnings


class Kept(logging.Handler):
    """Keeps the messages that reach it."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@pytest.mark.parametrize("name", BARE_MODE_LOGGERS)
def test_bare_mode_warnings_are_silenced_and_other_warnings_still_show(name):
    streamlit_logger = logging.getLogger(name)
    kept = Kept()
    streamlit_logger.addHandler(kept)
    try:
        quiet_bare_mode_warnings()
        quiet_bare_mode_warnings()
        streamlit_logger.warning("Thread 'MainThread': missing ScriptRunContext! This warning can be ignored")
        streamlit_logger.warning("No runtime found, using MemoryCacheStorageManager")
        streamlit_logger.warning("something else went wrong")
    finally:
        streamlit_logger.removeHandler(kept)
    assert kept.messages == ["something else went wrong"]
