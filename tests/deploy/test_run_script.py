"""deploy/run.sh as a process: it refuses to start without a shared store, stops everything it started on SIGTERM,
and stops everything when one of its servers stops."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from deployment import RUN_SH, STOP_TIMEOUT_S, free_port, needs_nginx, port_open, start, stop


def children(pid: int) -> list[int]:
    """Return the process ids of a process's children."""
    text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    return [int(child) for child in text.split()]


def command_of(pid: int) -> str:
    """Return a process's command line."""
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


def test_run_sh_refuses_to_start_without_a_shared_store(tmp_path: Path):
    done = subprocess.run(
        ["bash", str(RUN_SH)],
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2
    assert "DATABASE_URL chưa đặt" in done.stderr and "DATABASE_URL is not set" in done.stderr


@needs_nginx
def test_sigterm_stops_the_app_servers_and_nginx_and_keeps_each_servers_data_folder(tmp_path: Path, postgres_url: str):
    app_port = free_port()
    running = start(tmp_path, postgres_url, [app_port])
    started = children(running.process.pid)
    assert len(started) == 2 and port_open(app_port) and port_open(running.nginx_port)
    assert stop(running.process) == 0
    assert not port_open(app_port) and not port_open(running.nginx_port)
    assert not [pid for pid in started if Path(f"/proc/{pid}").exists()]
    assert (running.data_root / f"server-{app_port}").is_dir()


@needs_nginx
def test_when_one_server_stops_run_sh_stops_the_others_and_fails(tmp_path: Path, postgres_url: str):
    app_port = free_port()
    running = start(tmp_path, postgres_url, [app_port])
    app_server = next(pid for pid in children(running.process.pid) if "nginx" not in command_of(pid))
    os.kill(app_server, signal.SIGKILL)
    try:
        assert running.process.wait(timeout=STOP_TIMEOUT_S) == 1
    finally:
        stop(running.process)
    deadline = time.monotonic() + 5
    while port_open(running.nginx_port) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not port_open(running.nginx_port)
    assert "a process stopped, stopping all" in (tmp_path / "run.log").read_text()


def test_every_variable_the_deploy_scripts_read_is_documented_in_the_readme():
    scripts = "".join(path.read_text() for path in (RUN_SH.parent).glob("*.sh"))
    names = set(re.findall(r"\$\{([A-Z][A-Z_]+)[:}]", scripts))
    assert {"DATABASE_URL", "SCP_NGINX_PORT", "SCP_APP_PORTS", "SCP_RUN_DIR"} <= names
    readme = (RUN_SH.parents[1] / "README.md").read_text()
    assert {name for name in names - {"TMPDIR"} if f"`{name}`" not in readme} == set()


@pytest.mark.parametrize("ports", ["8501 x", "8501 70000", " "])
def test_the_site_is_not_written_for_ports_that_are_no_ports(ports):
    environment = {"PATH": "/usr/bin:/bin", "SCP_APP_PORTS": ports, "SCP_PYTHON": sys.executable}
    done = subprocess.run(
        ["bash", str(RUN_SH.parent / "site.sh")], env=environment, capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 2 and done.stdout == ""
    assert "SCP_APP_PORTS" in done.stderr or "names no port" in done.stderr


def test_the_site_is_not_written_without_the_apps_python(tmp_path):
    environment = {"PATH": "/usr/bin:/bin", "SCP_PYTHON": "/bin/false"}
    done = subprocess.run(
        ["bash", str(RUN_SH.parent / "site.sh")], env=environment, capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 2 and done.stdout == "" and "SCP_PYTHON" in done.stderr


def test_the_site_names_every_app_server_and_the_listening_port():
    environment = {"PATH": "/usr/bin:/bin", "SCP_APP_PORTS": "9101 9102 9103", "SCP_NGINX_PORT": "9100"}
    done = subprocess.run(
        ["bash", str(RUN_SH.parent / "site.sh")],
        env={**environment, "SCP_PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0, done.stderr
    assert re.findall(r"server 127\.0\.0\.1:(\d+)", done.stdout) == ["9101", "9102", "9103"]
    assert "listen 9100;" in done.stdout and "@" not in done.stdout and done.stderr == ""
