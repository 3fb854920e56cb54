"""The command line's shape: every command in its own module, listed with one line in --help, run as a module."""

import pkgutil
import subprocess
import sys

import pytest

import dashboard.cli
from dashboard.cli.main import COMMANDS, main
from dashboard.core.paths import ROOT

NOT_COMMANDS = {"main"}


def help_lines(capsys) -> list[str]:
    """Return the lines of the program's --help."""
    with pytest.raises(SystemExit) as stopped:
        main(["--help"])
    assert stopped.value.code == 0
    return capsys.readouterr().out.splitlines()


def test_every_module_of_the_cli_package_is_a_command_of_the_program():
    modules = {info.name for info in pkgutil.iter_modules(dashboard.cli.__path__)} - NOT_COMMANDS
    assert modules == {command.__name__.rsplit(".", 1)[1] for command in COMMANDS}


def command_name(command) -> str:
    """Return the name a command module is called by on the command line (map_image: map-image)."""
    return command.__name__.rsplit(".", 1)[1].replace("_", "-")


@pytest.mark.parametrize(
    "name",
    [
        "assets",
        "scorecard",
        "tasks",
        "plans",
        "report",
        "indicators",
        "units",
        "boundaries",
        "users",
        "map-image",
        "bench",
    ],
)
def test_help_lists_every_command_with_its_purpose_on_one_line(capsys, name):
    lines = help_lines(capsys)
    listed = [line.split(maxsplit=1) for line in lines if line.strip().split(maxsplit=1)[:1] == [name]]
    assert len(listed) == 1 and len(listed[0]) == 2 and len(listed[0][1]) > 10


def test_help_has_no_line_that_only_continues_a_command_description(capsys):
    lines = help_lines(capsys)
    start = lines.index("  COMMAND") + 1
    names = [line.split(maxsplit=1)[0] for line in lines[start:] if line.strip()]
    assert names == [command_name(command) for command in COMMANDS]


def test_settings_that_are_not_understood_stop_a_command_with_their_message(monkeypatch, capsys):
    monkeypatch.setenv("SCP_BASEMAP", "satellite")
    assert main(["users", "list"]) == 1
    error = capsys.readouterr().err
    assert "SCP_BASEMAP" in error and "satellite" in error and "Traceback" not in error


def test_python_m_dashboard_runs_the_command_line_without_loading_streamlit():
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import runpy, sys; sys.argv = ['dashboard', '--help']\n"
            "try:\n runpy.run_module('dashboard', run_name='__main__')\n"
            "except SystemExit as stop:\n print('streamlit' in sys.modules, stop.code)",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.stdout.strip().splitlines()[-1] == "False 0"
