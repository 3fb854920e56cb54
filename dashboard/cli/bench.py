"""`bench`: the map's payload, build and rerun times, fast and naive, on the bundled, synthetic and given layers;
and the time to check a large upload."""

from __future__ import annotations

import argparse
import json
import logging
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

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

EXIT_UNMEASURABLE = 2
CHECK_CASE = "upload_check"
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
    bench.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    """Measure every benchmark case, fast and naive, then the upload check; print the report and return the exit
    code."""
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
