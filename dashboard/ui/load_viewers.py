"""Simulated viewers for the load benchmark: each opens the map page as a browser does (the page; on its first visit
the scripts and styles the page names; the websocket session that runs the page; the map's frame and Leaflet), waits
until the page has run, pauses, and opens it again until the time is up. Only loopback addresses are accepted."""

from __future__ import annotations

import gzip
import re
import statistics
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.sync.client import connect

TIMEOUT_S = 30
THINK_S = 1.0
COOKIE = "scp_server"
LOOPBACK = ("127.", "localhost", "::1")
FRAME = "component/streamlit_folium.st_folium/index.html"
LEAFLET = ("app/static/vendor/leaflet/leaflet.js", "app/static/vendor/leaflet/leaflet.css")
FINISHED = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY
RERUNNING = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN  # the page reruns itself: wait for that run
KEPT_ERRORS = 5


@dataclass(frozen=True)
class LoadResult:
    """What the viewers did: pages opened, HTTP and websocket requests, errors (with the first few said), and the
    page times from opening the page to the page run and the map's files loaded (p50, p95, slowest)."""

    viewers: int
    seconds: float
    pages: int
    requests: int
    errors: int
    page_p50_s: float
    page_p95_s: float
    page_max_s: float
    first_errors: list[str] = field(default_factory=list)


class _Tally:
    """Counts shared by the viewers' threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.requests = 0
        self.errors: list[str] = []
        self.page_times: list[float] = []

    def add(self, requests: int, page_s: float | None, error: str | None) -> None:
        """Count one page: its requests, and its time or its error."""
        with self.lock:
            self.requests += requests
            if error is None and page_s is not None:
                self.page_times.append(page_s)
            elif error is not None:
                self.errors.append(error)


def check_loopback(url: str) -> str:
    """Return the URL without a trailing slash; raise ValueError unless it names this machine."""
    host = urlsplit(url).hostname or ""
    if urlsplit(url).scheme not in ("http", "https") or not host.startswith(LOOPBACK):
        raise ValueError(f"--load: only an address on this machine (127.0.0.1, localhost) is loaded, not {url}")
    return url.rstrip("/")


class _Viewer:
    """One simulated browser: its server cookie, kept as nginx set it, and what it has in its cache."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.cookie = ""
        self.cached = False
        self.requests = 0

    def get(self, path: str) -> bytes:
        """Return the body of a GET, as a browser sends it (gzip accepted, the server cookie); raise on an error."""
        headers = {"Accept-Encoding": "gzip", **({"Cookie": f"{COOKIE}={self.cookie}"} if self.cookie else {})}
        self.requests += 1
        request = urllib.request.Request(f"{self.base}/{path}", headers=headers)
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            body = response.read()
            found = re.search(rf"{COOKIE}=(\w+)", response.headers.get("Set-Cookie", ""))
            if found:
                self.cookie = found.group(1)
            return gzip.decompress(body) if response.headers.get("Content-Encoding") == "gzip" else body

    def run_page(self) -> None:
        """Open the page's websocket session, ask it to run the page and wait until the run ends (the page may
        rerun itself first, e.g. to write its selection into the address); raise when the run fails or shows an
        exception."""
        scheme = "wss" if self.base.startswith("https") else "ws"
        address = f"{scheme}://{self.base.split('://', 1)[1]}/_stcore/stream"
        headers = {"Cookie": f"{COOKIE}={self.cookie}"} if self.cookie else {}
        self.requests += 1
        with connect(address, subprotocols=["streamlit"], additional_headers=headers, max_size=None) as socket:
            rerun = BackMsg()
            rerun.rerun_script.query_string = ""
            rerun.rerun_script.page_script_hash = ""
            socket.send(rerun.SerializeToString())
            deadline = time.monotonic() + TIMEOUT_S
            while True:
                message = ForwardMsg()
                message.ParseFromString(socket.recv(timeout=max(0.1, deadline - time.monotonic())))
                kind = message.WhichOneof("type")
                if kind == "delta" and message.delta.new_element.WhichOneof("type") == "exception":
                    raise RuntimeError(f"the page raised {message.delta.new_element.exception.type}")
                if kind == "script_finished" and message.script_finished != RERUNNING:
                    if message.script_finished != FINISHED:
                        raise RuntimeError(f"the page run ended with status {message.script_finished}")
                    return

    def visit(self) -> float:
        """Open the map page as a browser would and return the seconds it took."""
        started = time.perf_counter()
        page = self.get("").decode("utf-8", "replace")
        if not self.cached:
            for path in re.findall(r'(?:src|href)="\./(static/(?:js|css)/[^"]+)"', page):
                self.get(path)
        self.run_page()
        self.get(FRAME)
        if not self.cached:
            for path in LEAFLET:
                self.get(path)
        self.cached = True
        return time.perf_counter() - started


def _view_until(base: str, deadline: float, tally: _Tally) -> None:
    """Open the page again and again, with a pause between, until the deadline; count each visit."""
    viewer = _Viewer(base)
    while time.monotonic() < deadline:
        before = viewer.requests
        try:
            seconds = viewer.visit()
        except Exception as problem:  # refused, timed out, an HTTP error, a websocket closed, a failed page run
            tally.add(viewer.requests - before, None, f"{type(problem).__name__}: {problem}"[:200])
        else:
            tally.add(viewer.requests - before, seconds, None)
        time.sleep(min(THINK_S, max(0.0, deadline - time.monotonic())))


def run_viewers(url: str, viewers: int, seconds: float) -> LoadResult:
    """Return what the viewers met opening the page at the URL for the seconds given (bounded: every request
    times out after 30 s, and no visit starts after the time is up)."""
    base = check_loopback(url)
    tally = _Tally()
    began = time.monotonic()
    deadline = began + seconds
    threads = [threading.Thread(target=_view_until, args=(base, deadline, tally), daemon=True) for _ in range(viewers)]
    for index, thread in enumerate(threads):
        thread.start()
        time.sleep(min(0.05, seconds / max(1, viewers) / 4) if index < viewers - 1 else 0)
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()) + 3 * TIMEOUT_S)
    times = sorted(tally.page_times)
    percentile = statistics.quantiles(times, n=100, method="inclusive") if len(times) >= 2 else times * 99
    return LoadResult(
        viewers=viewers,
        seconds=round(time.monotonic() - began, 1),
        pages=len(times) + len(tally.errors),
        requests=tally.requests,
        errors=len(tally.errors),
        page_p50_s=round(statistics.median(times), 3) if times else 0.0,
        page_p95_s=round(percentile[94], 3) if times else 0.0,
        page_max_s=round(times[-1], 3) if times else 0.0,
        first_errors=sorted(set(tally.errors))[:KEPT_ERRORS],
    )
