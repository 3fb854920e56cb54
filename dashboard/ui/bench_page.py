"""The benchmark's page harness: a map page for a benchmark case, driven through Streamlit's AppTest to time
the script when a selector changes and to capture what the map component sends to the browser."""

from __future__ import annotations

import gc
import logging
import time

import streamlit as st
from streamlit.testing.v1 import AppTest
from streamlit_folium import st_folium

from dashboard.maps.bench.benchmark import FAST, NAIVE, VARIANTS, BenchCase, Result, build_times_ms, judged, result
from dashboard.maps.bench.naive import naive_features, naive_map
from dashboard.maps.views import district_table, map_view
from dashboard.ui.panels import map_panel
from dashboard.ui.state import asset_url, settings, versioned_map_view

CASES: dict[str, BenchCase] = {}
SELECTION_KEY = "selection"
SCRIPT_MS_KEY = "script_ms"
RUN_TIMEOUT_S = 600
logger = logging.getLogger(__name__)


def bench_page(layer: str, variant: str) -> None:
    """Draw a case's map for the chosen selection, the fast way (as the map page does) or the naive way
    (no caching, layer as read, default st_folium arguments), with the district table; record script time."""
    started = time.perf_counter()
    case = CASES[layer]
    index = st.selectbox("selection", range(len(case.selections)), key=SELECTION_KEY)
    selection = case.selections[index]
    if variant == FAST:
        view = versioned_map_view(f"bench:{layer}", selection, case.fast_data)
        map_panel(view, selection.language, None)
    else:
        view = map_view(case.naive_data, selection)
        features = naive_features(case.naive_data.layer, view, selection)
        st_folium(naive_map(view, features, selection.language, asset_url(), settings().basemap))
    st.dataframe(district_table(view, selection.language), hide_index=True)
    st.session_state[SCRIPT_MS_KEY] = 1000 * (time.perf_counter() - started)


def _script(layer: str, variant: str) -> None:
    from dashboard.ui.bench_page import bench_page

    bench_page(layer, variant)


def measure_reruns(case: BenchCase, variant: str, runs: int) -> tuple[list[float], list[str]]:
    """Return the script time of runs reruns (at most the case's selections less two: the first run and one
    warm-up rerun are not counted), each after the selector changes to a selection not shown before, and what
    the map component sent the browser each time (its arguments as JSON)."""
    CASES[case.layer] = case
    app = AppTest.from_function(_script, args=(case.layer, variant), default_timeout=RUN_TIMEOUT_S).run()
    app.selectbox(key=SELECTION_KEY).set_value(1).run()
    times, payloads = [], []
    for index in range(2, min(runs, len(case.selections) - 2) + 2):
        app.selectbox(key=SELECTION_KEY).set_value(index).run()
        if app.exception:
            raise RuntimeError(f"{case.layer}, {variant}: {app.exception[0].message}")
        times.append(app.session_state[SCRIPT_MS_KEY])
        payloads.append(app.get("component_instance")[0].proto.json_args)
    return times, payloads


def run_bench(cases: list[BenchCase], runs: int) -> list[Result]:
    """Return the fast result (judged against the naive one and the budgets) and the naive result of every
    case, each figure the median of runs; garbage left by one variant is collected before the next."""
    results = []
    for case in cases:
        measured = {}
        for variant in VARIANTS:
            logger.info("measuring %s, %s", case.layer, variant)
            gc.collect()
            build_ms = build_times_ms(case, variant, runs)
            rerun_ms, payloads = measure_reruns(case, variant, runs)
            measured[variant] = result(case, variant, build_ms, rerun_ms, payloads)
        fast, naive = measured[FAST], measured[NAIVE]
        results += [judged(fast, naive, case.budget, case.ratio_budgets), naive]
    return results
