"""The upload check's speed in the benchmark: a large green retail point file, written the way Vietnamese
Excel saves CSV, read and checked as the upload page and the command line do, against an empty store."""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dashboard.core.settings import default_url
from dashboard.geography.units import units_of
from dashboard.intake.uploads import bundled_reference, preview_upload
from dashboard.store.database import Store

CHECK_TABLE = "green_retail_points"
DEFAULT_CHECK_ROWS = 200_000
CHECK_YEAR = 2024
CHECK_PROVINCE = "25"
LEAST_ROWS_PER_S = 50_000
HEADER = "Năm;Tên điểm bán;Mã huyện;Địa chỉ;Vĩ độ;Kinh độ"
SEED = 889


@dataclass(frozen=True)
class CheckResult:
    """How long checking a file of a number of rows took, on the clock and in processor time (what the check
    itself costs, whatever else the machine runs), and whether the processor time met the rows-per-second budget."""

    table: str
    rows: int
    file_bytes: int
    check_s: float
    cpu_s: float
    rows_per_s: float
    accepted: bool
    budget_met: bool


def check_file(rows: int) -> bytes:
    """Return a CSV of green retail points in one province (';' between columns, decimal commas, UTF-8 with
    BOM, as Excel in Vietnamese saves it), every row valid and every point named once."""
    reference = bundled_reference()
    codes = units_of(reference.units, CHECK_PROVINCE, CHECK_YEAR)["code"].to_numpy()
    generator = np.random.default_rng(SEED)
    districts = codes[generator.integers(0, len(codes), rows)]
    latitudes = generator.uniform(21.0, 21.7, rows)
    longitudes = generator.uniform(104.9, 105.6, rows)
    lines = [HEADER]
    for number, (district, latitude, longitude) in enumerate(zip(districts, latitudes, longitudes, strict=True)):
        latitude_text, longitude_text = f"{latitude:.5f}".replace(".", ","), f"{longitude:.5f}".replace(".", ",")
        address = f'"Số {number % 400 + 1}, phố Hùng Vương"'
        lines.append(
            f"{CHECK_YEAR};Điểm bán lẻ xanh {number:06d};{district};{address};{latitude_text};{longitude_text}"
        )
    return "\ufeff".encode() + ("\r\n".join(lines) + "\r\n").encode()


def measure_check(rows: int = DEFAULT_CHECK_ROWS) -> CheckResult:
    """Return the time to read and check a file of the rows against an empty store, as one upload preview (the
    file is made before the clock starts)."""
    content = check_file(rows)
    reference = bundled_reference()
    with tempfile.TemporaryDirectory() as folder:
        store = Store(default_url(Path(folder)))
        started, cpu_started = time.perf_counter(), time.process_time()
        preview = preview_upload(store, content, "diem_ban_le_xanh.csv", CHECK_TABLE, reference, len(content))
        check_s, cpu_s = time.perf_counter() - started, time.process_time() - cpu_started
        store.engine.dispose()
    rows_per_s = rows / max(cpu_s, 1e-9)
    met = rows_per_s >= LEAST_ROWS_PER_S
    return CheckResult(CHECK_TABLE, rows, len(content), check_s, cpu_s, rows_per_s, preview.accepted, met)


def check_report(result: CheckResult) -> str:
    """Return the upload check's line of the benchmark report, with its budget."""
    met = "met" if result.budget_met else "MISSED"
    refused = "" if result.accepted else "; the file was refused"
    return (
        f"upload check, {result.table}: {result.rows:,} rows ({result.file_bytes / 1e6:,.1f} MB) in "
        f"{result.cpu_s:.2f} s of processor time ({result.check_s:.2f} s on the clock) = {result.rows_per_s:,.0f} "
        f"rows/s; budget >= {LEAST_ROWS_PER_S:,} rows/s: {met}{refused}"
    )
