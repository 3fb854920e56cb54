"""Imported zone lists kept in the data directory, and the zone list with the newest import of each province
in place of the listed (approximate) zones it names."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.geography.versions import now_stamp, stored_reports, write_version

ZONES = "zones"
ZONES_FILE = "zones.csv"
CLEAN = "clean"
NEEDS_ACCEPTANCE = "needs_acceptance"


def store_zones(data_dir: Path, report: dict, zones: pd.DataFrame, imported_by: str, accepted: bool) -> str:
    """Store an imported zone list (its report as JSON data) as a new version and return its id; one with
    problems only when accepted, a refused one never."""
    if report["status"] not in (CLEAN, NEEDS_ACCEPTANCE) or (report["status"] == NEEDS_ACCEPTANCE and not accepted):
        raise ValueError(f"a zone list that is {report['status']} is not stored without acceptance")
    stamp, imported_at = now_stamp()
    version_id = f"{report['province_code']}-zones-{stamp}-{report['sha256'][:8]}"
    stored = {**report, "version_id": version_id, "imported_by": imported_by, "imported_at": imported_at}
    write_version(data_dir / ZONES, version_id, stored, lambda folder: zones.to_csv(folder / ZONES_FILE, index=False))
    return version_id


def with_imported_zones(zones: pd.DataFrame, data_dir: Path) -> pd.DataFrame:
    """Return the zone list with each province's newest imported zones in place of the listed ones (same code)
    and new zones added; zones an import does not name keep their listed, approximate location."""
    newest: dict[str, dict] = {}
    for stored in stored_reports(data_dir / ZONES):
        if stored["imported_at"] > newest.get(stored["province_code"], {}).get("imported_at", ""):
            newest[stored["province_code"]] = stored
    merged = zones
    for stored in newest.values():
        imported = pd.read_csv(
            data_dir / ZONES / stored["version_id"] / ZONES_FILE,
            dtype={"zone_code": str, "province_code": str, "district_code": str, "note": str},
            keep_default_na=False,
        )
        imported["location_approximate"] = False
        merged = pd.concat([merged[~merged["zone_code"].isin(imported["zone_code"])], imported], ignore_index=True)
    return merged
