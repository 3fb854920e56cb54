"""`bench`: the map's payload, build and rerun times, fast and naive, on the bundled, synthetic and given layers;
and the time to check a large upload."""

from __future__ import annotations

import argparse
import json
import logging
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from dashboard.core.settings import load_settings
from dashboard.dataset import load_dataset
from dashboard.maps.bench.benchmark import (
    DEFAULT_COMMUNES,
    DEFAULT_DISTRICTS,
    DEFAULT_RUNS,
    MAX_RUNS,
    bench_cases,
    growth,
    json_report,
    text_report,
)
from dashboard.maps.bench.checks import DEFAULT_CHECK_ROWS, check_report, measure_check
from dashboard.maps.bench.planners import commit_at_once

EXIT_UNMEASURABLE = 2
CHECK_CASE = "upload_check"
MAX_VIEWERS, MAX_LOAD_SECONDS, MAX_PLANNERS = 200, 600, 20
BARE_MODE_LOGGERS = (
    "streamlit.runtime.scriptrunner_utils.script_run_context",
    "streamlit.runtime.caching.cache_data_api",
)
BARE_MODE_WARNINGS = ("missing ScriptRunContext", "No runtime found, using MemoryCacheStorageManager")


class BareModeWarnings(logging.Filter):
    """Drops the warnings Streamlit gives whenever its functions run outside a server, as the benchmark's do."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Return whether the record is anything but a bare-mode warning."""
        return not any(text in record.getMessage() for text in BARE_MODE_WARNINGS)


def quiet_bare_mode_warnings() -> None:
    """Silence Streamlit's bare-mode warnings, which the benchmark would otherwise print by the dozen; set before
    Streamlit is imported, as some come at import."""
    for name in BARE_MODE_LOGGERS:
        streamlit_logger = logging.getLogger(name)
        if not any(isinstance(each, BareModeWarnings) for each in streamlit_logger.filters):
            streamlit_logger.addFilter(BareModeWarnings())


def _checked(convert: Callable[[str], object], accepted: Callable[[object], bool], refusal: str) -> Callable:
    """Return an argument type that converts the text and refuses, with the refusal's words, what cannot be measured."""

    def argument(text: str) -> object:
        value = convert(text)
        if not accepted(value):
            raise argparse.ArgumentTypeError(refusal.format(value=value))
        return value

    return argument


def add_command(commands: argparse._SubParsersAction) -> None:
    """Add `bench` to the command line."""
    bench = commands.add_parser("bench", help="measure the map's size and speed, and the upload check")
    bench.add_argument(
        "--boundaries",
        type=_checked(Path, Path.is_file, "--boundaries: no such layer file: {value}"),
        action="append",
        default=[],
        metavar="FILE",
        help="also measure this layer file",
    )
    bench.add_argument("--json", action="store_true", help="print one JSON object per measured case")
    bench.add_argument(
        "--runs",
        type=_checked(
            int, lambda runs: 1 <= runs <= MAX_RUNS, f"--runs must be between 1 and {MAX_RUNS}, not {{value}}"
        ),
        default=DEFAULT_RUNS,
        help=f"runs per figure (median; at most {MAX_RUNS})",
    )
    units = _checked(int, lambda count: count >= 2, "--districts and --communes need at least 2 units")
    bench.add_argument("--districts", type=units, default=DEFAULT_DISTRICTS, help="units of the synthetic districts")
    bench.add_argument("--communes", type=units, default=DEFAULT_COMMUNES, help="units of the synthetic communes")
    bench.add_argument(
        "--spacing",
        type=_checked(float, lambda metres: metres > 0, "--spacing must be a positive number of metres, not {value:g}"),
        help="metres between border vertices of the generated layers",
    )
    bench.add_argument(
        "--check-rows",
        type=_checked(int, lambda rows: rows >= 1, "--check-rows needs at least 1 row, not {value}"),
        default=DEFAULT_CHECK_ROWS,
        help="rows of the generated file whose upload check is timed",
    )
    bench.add_argument(
        "--load",
        metavar="URL",
        help="instead: load the deployment at this address on this machine (nginx of deploy/run.sh) with viewers, "
        "then commit uploads from planners at once to the store DATABASE_URL names",
    )
    bench.add_argument(
        "--viewers",
        type=_checked(int, lambda count: 1 <= count <= MAX_VIEWERS, f"--viewers: 1 to {MAX_VIEWERS}, not {{value}}"),
        default=50,
        help="simulated viewers opening the map page (with --load)",
    )
    bench.add_argument(
        "--seconds",
        type=_checked(float, lambda span: 1 <= span <= MAX_LOAD_SECONDS, f"--seconds: 1 to {MAX_LOAD_SECONDS}"),
        default=60.0,
        help="how long the viewers keep opening the page (with --load)",
    )
    bench.add_argument(
        "--planners",
        type=_checked(int, lambda count: 0 <= count <= MAX_PLANNERS, f"--planners: 0 to {MAX_PLANNERS}, not {{value}}"),
        default=5,
        help="planners committing an upload at the same moment (with --load; 0: none)",
    )
    bench.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    """Measure every benchmark case, fast and naive, then the upload check; print the report and return the exit
    code."""
    if arguments.load:
        return run_load(arguments)
    quiet_bare_mode_warnings()
    from dashboard.ui.bench_page import run_bench  # imports Streamlit: only when the benchmark runs

    try:
        cases = bench_cases(
            load_dataset(), arguments.districts, arguments.communes, arguments.boundaries, arguments.spacing
        )
    except ValueError as problem:
        logging.error("bench: %s", problem)
        return EXIT_UNMEASURABLE
    results = run_bench(cases, arguments.runs)
    growth_lines = growth(results, [case.layer for case in cases if case.synthetic])
    checked = measure_check(arguments.check_rows)
    if arguments.json:
        print(json_report(results))
        print(json.dumps({"case": CHECK_CASE, **asdict(checked)}, ensure_ascii=False))
        for line in growth_lines:
            logging.info("growth: %s", line)
    else:
        print(text_report(results, growth_lines))
        print(check_report(checked))
    return 0


def run_load(arguments: argparse.Namespace) -> int:
    """Load a running deployment with viewers, then have planners commit at once; print what they met (measured,
    not judged, but for the budget of no errors) and return the exit code."""
    from dashboard.ui.load_viewers import run_viewers  # imports Streamlit's messages: only when the load runs

    try:
        viewed = run_viewers(arguments.load, arguments.viewers, arguments.seconds)
        committed = commit_at_once(load_settings().database_url, arguments.planners) if arguments.planners else None
    except ValueError as problem:
        logging.error("bench: %s", problem)
        return EXIT_UNMEASURABLE
    if arguments.json:
        print(json.dumps({"case": "load", "url": arguments.load, **asdict(viewed)}, ensure_ascii=False))
        if committed:
            print(json.dumps({"case": "planners", **asdict(committed)}, ensure_ascii=False))
        return 0
    print(
        f"load through {arguments.load}: {viewed.viewers} viewers for {viewed.seconds:g} s: {viewed.pages} pages, "
        f"{viewed.requests} requests, {viewed.errors} errors; page time p50 {viewed.page_p50_s:.2f} s, "
        f"p95 {viewed.page_p95_s:.2f} s, slowest {viewed.page_max_s:.2f} s "
        f"(budget: no errors, {'met' if viewed.errors == 0 else 'missed'})"
    )
    for error in viewed.first_errors:
        print(f"  error: {error}")
    if committed:
        print(
            f"planners: {committed.committed} of {committed.planners} committed at once, "
            f"{committed.stale_retries} stale commits previewed again and retried, {committed.lost_updates} lost "
            f"updates, slowest commit {committed.slowest_commit_s:.2f} s; "
            f"{'store restored (the uploads undone)' if committed.restored else 'store NOT restored'}"
        )
    return 0
