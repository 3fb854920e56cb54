"""Imported zone lists kept in the store, and the zone list with the newest import of each province in place of
the listed (approximate) zones it names."""

from __future__ import annotations

import io

import pandas as pd

from dashboard.store.database import Store
from dashboard.store.imported import ZONES, ImportedVersion, add_version, now_stamp, version_payloads, version_reports

CLEAN = "clean"
NEEDS_ACCEPTANCE = "needs_acceptance"


def store_zones(store: Store, report: dict, zones: pd.DataFrame, imported_by: str, accepted: bool) -> str:
    """Store an imported zone list (as CSV, its report as JSON data) as a new version in one transaction and return
    its id; one with problems only when accepted, a refused one never."""
    if report["status"] not in (CLEAN, NEEDS_ACCEPTANCE) or (report["status"] == NEEDS_ACCEPTANCE and not accepted):
        raise ValueError(f"a zone list that is {report['status']} is not stored without acceptance")
    stamp, imported_at = now_stamp()
    version_id = f"{report['province_code']}-zones-{stamp}-{report['sha256'][:8]}"
    stored = {**report, "version_id": version_id, "imported_by": imported_by, "imported_at": imported_at}
    add_version(store, ImportedVersion.from_report(ZONES, stored, zones.to_csv(index=False)))
    return version_id


def with_imported_zones(zones: pd.DataFrame, store: Store) -> pd.DataFrame:
    """Return the zone list with each province's newest imported zones in place of the listed ones (same code)
    and new zones added; zones an import does not name keep their listed, approximate location."""
    newest: dict[str, dict] = {}
    for stored in version_reports(store, ZONES):
        if stored["imported_at"] > newest.get(stored["province_code"], {}).get("imported_at", ""):
            newest[stored["province_code"]] = stored
    merged = zones
    payloads = version_payloads(store, ZONES, [stored["version_id"] for stored in newest.values()])
    for stored in newest.values():
        imported = pd.read_csv(
            io.StringIO(payloads[stored["version_id"]]),
            dtype={"zone_code": str, "province_code": str, "district_code": str, "note": str},
            keep_default_na=False,
        )
        imported["location_approximate"] = False
        merged = pd.concat([merged[~merged["zone_code"].isin(imported["zone_code"])], imported], ignore_index=True)
    return merged
