"""Helpers of the deployment tests: deploy/run.sh started and stopped, accounts made through the command line, the
app server nginx sends a cookie to, and browser tabs that nginx's cookie keeps on a chosen server."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUN_SH = ROOT / "deploy" / "run.sh"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
START_TIMEOUT_S = 120
STOP_TIMEOUT_S = 30
PAGE_TIMEOUT_MS = 45_000
PASSWORDS = {"lan": "mat-khau-lan", "quantri": "mat-khau-quantri", "khoa": "mat-khau-khoa", "mai": "mat-khau-mai"}
ROLES = {"lan": "planner", "quantri": "admin", "khoa": "planner"}
COOKIE = "scp_server"

needs_nginx = pytest.mark.skipif(
    not Path(NGINX).exists(), reason="Debian's nginx is not installed (bash tests/setup_nginx.sh, as root)"
)
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's Chromium is not installed (bash tests/setup_browser.sh, as root)"
)


def free_port() -> int:
    """Return a TCP port free on the loopback address."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(url: str) -> bool:
    """Return whether the URL's health check answers 200."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def port_open(port: int) -> bool:
    """Return whether something listens on the loopback port."""
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@dataclass
class Deployment:
    """deploy/run.sh running: its process, nginx's address, the app servers' ports and the folders it uses."""

    process: subprocess.Popen
    nginx_port: int
    app_ports: list[int]
    data_root: Path
    run_dir: Path
    environment: dict[str, str]

    @property
    def url(self) -> str:
        """Return nginx's address."""
        return f"http://127.0.0.1:{self.nginx_port}"

    def upstream_of(self, cookie: str) -> int:
        """Return the port of the app server nginx sends a browser with this server cookie to (from its log)."""
        request = urllib.request.Request(f"{self.url}/_stcore/health", headers={"Cookie": f"{COOKIE}={cookie}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            lines = (self.run_dir / "logs" / "access.log").read_text().splitlines()
            found = [line for line in lines if f"server_cookie={cookie}" in line]
            if found:
                return int(re.search(r"upstream=127\.0\.0\.1:(\d+)", found[-1]).group(1))
            time.sleep(0.05)
        raise AssertionError(f"nginx logged no request with the cookie {cookie}")

    def cookie_for(self, port: int) -> str:
        """Return a server cookie that nginx sends to the app server on the port."""
        for _ in range(64):
            cookie = uuid.uuid4().hex
            if self.upstream_of(cookie) == port:
                return cookie
        raise AssertionError(f"no cookie of 64 tried reaches the app server on port {port}")


def add_account(environment: dict[str, str], data_dir: Path, username: str) -> None:
    """Create an account through the command line, as an administrator would, for the server using the folder."""
    command = [sys.executable, "-m", "dashboard", "users", "add", username, "--role", ROLES[username]]
    done = subprocess.run(
        command,
        input=PASSWORDS[username] + "\n",
        env={**environment, "SCP_DATA_DIR": str(data_dir)},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr


def start(tmp: Path, database_url: str, app_ports: list[int], accounts: tuple[str, ...] = ()) -> Deployment:
    """Start deploy/run.sh with the app servers on the ports and nginx on a free port; return once nginx answers."""
    data_root, run_dir = tmp / "data", tmp / "run"
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SCP_DATA_DIR": str(data_root),
        "SCP_RUN_DIR": str(run_dir),
        "SCP_NGINX_PORT": str(free_port()),
        "SCP_APP_PORTS": " ".join(str(port) for port in app_ports),
        "SCP_PYTHON": sys.executable,
        "SCP_NGINX": NGINX,
        "SCP_BASEMAP": "none",
        "SCP_SEED_DEMO": "yes",
    }
    for port in app_ports:
        for username in accounts:
            add_account(environment, data_root / f"server-{port}", username)
    log = (tmp / "run.log").open("w")
    process = subprocess.Popen(
        ["bash", str(RUN_SH)], cwd=tmp, env=environment, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    deployment = Deployment(process, int(environment["SCP_NGINX_PORT"]), app_ports, data_root, run_dir, environment)
    deadline = time.monotonic() + START_TIMEOUT_S
    while "ready" not in (tmp / "run.log").read_text():
        if process.poll() is not None or time.monotonic() > deadline:
            stop(process)
            raise AssertionError(f"deploy/run.sh did not start:\n{(tmp / 'run.log').read_text()[-3000:]}")
        time.sleep(0.2)
    return deployment


def stop(process: subprocess.Popen) -> int:
    """Send run.sh SIGTERM and return its exit code; anything of it still running after the wait is killed."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        return process.wait(timeout=STOP_TIMEOUT_S)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)


def tab_on(browser: object, deployment: Deployment, port: int) -> object:
    """Return a new browser tab, with an empty cache, that nginx keeps on the app server on the port."""
    context = browser.new_context(viewport={"width": 1400, "height": 1200})
    context.add_cookies([{"name": COOKIE, "value": deployment.cookie_for(port), "url": deployment.url}])
    return context.new_page()


def sign_in(tab: object, username: str, password: str | None = None) -> None:
    """Send the sidebar's sign-in form and wait until the app has handled it (it empties the password field)."""
    sidebar = tab.locator("[data-testid='stSidebar']")
    sidebar.wait_for(timeout=PAGE_TIMEOUT_MS)
    field = tab.get_by_label("Mật khẩu")
    if not field.is_visible():
        sidebar.get_by_text("Đăng nhập").first.click()
    tab.get_by_label("Tên đăng nhập").fill(username)
    field.fill(PASSWORDS[username] if password is None else password)
    tab.get_by_role("button", name="Đăng nhập").click()
    tab.wait_for_function(
        """() => { const field = document.querySelector("input[aria-label='Mật khẩu']");
                   return !field || field.value === ""; }""",
        timeout=PAGE_TIMEOUT_MS,
    )
