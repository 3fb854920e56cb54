"""Command line: python -m dashboard assets install; python -m dashboard bench."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from dashboard.assets import install_assets
from dashboard.bench import DEFAULT_COMMUNES, DEFAULT_DISTRICTS, DEFAULT_RUNS, MAX_RUNS


def _bench(arguments: argparse.Namespace) -> int:
    """Measure every benchmark case, fast and naive, print the report and return the exit code."""
    from dashboard.bench import bench_cases, growth, json_report, text_report
    from dashboard.dataset import load_dataset
    from dashboard.ui.bench_page import run_bench

    try:
        cases = bench_cases(
            load_dataset(), arguments.districts, arguments.communes, arguments.boundaries, arguments.spacing
        )
    except ValueError as problem:
        logging.error("bench: %s", problem)
        return 2
    results = run_bench(cases, arguments.runs)
    growth_lines = growth(results, [case.layer for case in cases if case.synthetic])
    if arguments.json:
        print(json_report(results))
        for line in growth_lines:
            logging.info("growth: %s", line)
    else:
        print(text_report(results, growth_lines))
    return 0


def _check_bench_arguments(parser: argparse.ArgumentParser, arguments: argparse.Namespace) -> None:
    """Stop with a usage message when a bench argument cannot be measured."""
    if not 1 <= arguments.runs <= MAX_RUNS:
        parser.error(f"--runs must be between 1 and {MAX_RUNS}, not {arguments.runs}")
    if arguments.districts < 2 or arguments.communes < 2:
        parser.error("--districts and --communes need at least 2 units")
    if arguments.spacing is not None and arguments.spacing <= 0:
        parser.error(f"--spacing must be a positive number of metres, not {arguments.spacing:g}")
    for path in arguments.boundaries:
        if not path.is_file():
            parser.error(f"--boundaries: no such layer file: {path}")


def main(argv: list[str] | None = None) -> int:
    """Run a command and return its exit code."""
    parser = argparse.ArgumentParser(prog="python -m dashboard")
    commands = parser.add_subparsers(dest="command", required=True)
    assets = commands.add_parser("assets", help="front-end assets served by the app")
    assets.add_argument("action", choices=["install"], help="download pinned packages not yet installed")
    bench = commands.add_parser("bench", help="measure the map's payload, build and rerun times, fast and naive")
    bench.add_argument(
        "--boundaries", type=Path, action="append", default=[], metavar="FILE", help="also measure this layer file"
    )
    bench.add_argument("--json", action="store_true", help="print one JSON object per measured case")
    bench.add_argument("--runs", type=int, default=DEFAULT_RUNS, help=f"runs per figure (median; at most {MAX_RUNS})")
    bench.add_argument("--districts", type=int, default=DEFAULT_DISTRICTS, help="units of the synthetic district layer")
    bench.add_argument("--communes", type=int, default=DEFAULT_COMMUNES, help="units of the synthetic commune layer")
    bench.add_argument("--spacing", type=float, help="metres between border vertices of the generated layers")
    arguments = parser.parse_args(argv)
    if arguments.command == "bench":
        _check_bench_arguments(parser, arguments)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if arguments.command == "assets":
        installed = install_assets()
        logging.info("front-end assets: %s", ", ".join(installed) or "already installed")
    if arguments.command == "bench":
        return _bench(arguments)
    return 0


if __name__ == "__main__":
    sys.exit(main())
