"""Command line: python -m dashboard assets install; python -m dashboard bench."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from dashboard.assets import install_assets
from dashboard.bench import DEFAULT_COMMUNES, DEFAULT_DISTRICTS, DEFAULT_RUNS


def _bench(arguments: argparse.Namespace) -> None:
    """Measure every benchmark case, fast and naive, and print the report."""
    from dashboard.bench import VARIANTS, bench_cases, build_times_ms, growth, json_report, judged, result, text_report
    from dashboard.dataset import load_dataset
    from dashboard.ui.bench_page import measure_reruns

    cases = bench_cases(load_dataset(), arguments.districts, arguments.communes, arguments.boundaries)
    results = []
    for case in cases:
        measured = {}
        for variant in VARIANTS:
            logging.info("measuring %s, %s", case.layer, variant)
            build_ms = build_times_ms(case, variant, arguments.runs)
            rerun_ms, payloads = measure_reruns(case, variant, arguments.runs)
            measured[variant] = result(case, variant, build_ms, rerun_ms, payloads)
        results += [judged(measured["fast"], measured["naive"], case.budget, case.ratio_budgets), measured["naive"]]
    if arguments.json:
        print(json_report(results))
    else:
        print(text_report(results, growth(results, [case.layer for case in cases if case.synthetic])))


def main(argv: list[str] | None = None) -> int:
    """Run a command and return its exit code."""
    parser = argparse.ArgumentParser(prog="python -m dashboard")
    commands = parser.add_subparsers(dest="command", required=True)
    assets = commands.add_parser("assets", help="front-end assets served by the app")
    assets.add_argument("action", choices=["install"], help="download pinned packages not yet installed")
    bench = commands.add_parser("bench", help="measure the map's payload, build and rerun times, fast and naive")
    bench.add_argument("--boundaries", type=Path, action="append", default=[], help="also measure this layer file")
    bench.add_argument("--json", action="store_true", help="print one JSON object per measured case")
    bench.add_argument("--runs", type=int, default=DEFAULT_RUNS, help="runs per figure (median; at most 8)")
    bench.add_argument("--districts", type=int, default=DEFAULT_DISTRICTS, help="units of the synthetic district layer")
    bench.add_argument("--communes", type=int, default=DEFAULT_COMMUNES, help="units of the synthetic commune layer")
    arguments = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if arguments.command == "assets":
        installed = install_assets()
        logging.info("front-end assets: %s", ", ".join(installed) or "already installed")
    if arguments.command == "bench":
        _bench(arguments)
    return 0


if __name__ == "__main__":
    sys.exit(main())
