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


@pytest.mark.parametrize(
    ("arguments", "refusal"),
    [
        (["--viewers", "0"], "--viewers: 1 to 200"),
        (["--viewers", "201"], "--viewers: 1 to 200"),
        (["--seconds", "601"], "--seconds: 1 to 600"),
        (["--seconds", "0.5"], "--seconds: 1 to 600"),
        (["--planners", "21"], "--planners: 0 to 20"),
    ],
)
def test_the_load_is_bounded_in_viewers_seconds_and_planners(arguments, refusal, capsys):
    from dashboard.cli.main import main

    with pytest.raises(SystemExit) as stopped:
        main(["bench", "--load", "http://127.0.0.1:8080", *arguments])
    assert stopped.value.code == 2
    assert refusal in capsys.readouterr().err


def test_a_load_on_another_machine_is_refused_before_any_request(caplog):
    from dashboard.cli.main import main

    assert main(["bench", "--load", "http://203.0.113.7:8080", "--seconds", "1", "--planners", "0"]) == 2
    assert "only an address on this machine" in caplog.text
