"""Two app servers on one database (SQLite file or PostgreSQL), each with its own SCP_DATA_DIR: an account, a
lockout, a boundary layer version and a zone list made through one hold on the other at its next read."""

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest

from dashboard.core.settings import load_settings
from dashboard.dataset import load_dataset
from dashboard.geography.boundaries.importing import ImportRequest
from dashboard.geography.boundaries.layers import drawn_in
from dashboard.geography.boundaries.service import check_file, store_checked
from dashboard.geography.units import load_units, load_zones, valid_in
from dashboard.geography.zones.stored import CLEAN, store_zones, with_imported_zones
from dashboard.intake.accounts import PLANNER, add_account, load_accounts, remove_account
from dashboard.intake.sign_in import MAX_FAILURES, attempt_sign_in
from dashboard.intake.uploads import open_store
from dashboard.maps.views import Selection, map_view
from dashboard.store.database import Store

PASSWORD = "mat-khau-cua-lan"
START = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def servers(database_url: str, tmp_path: Path) -> Iterator[Callable[[str], Store]]:
    """Return a function opening the store as a server with its own data folder would, all on one database."""
    opened = []

    def server(name: str) -> Store:
        environ = {"DATABASE_URL": database_url, "SCP_DATA_DIR": str(tmp_path / name), "SCP_SEED_DEMO": "no"}
        opened.append(open_store(load_settings(environ)))
        return opened[-1]

    yield server
    for store in opened:
        store.engine.dispose()


def layer_file(data, folder: Path, shift: float) -> Path:
    """Return a GeoJSON of Phú Thọ's districts of 2023 moved east by `shift` degrees, as a department sends it."""
    layer = valid_in(data.layer[data.layer["province_code"] == "25"], 2023)[["code", "geometry"]]
    path = folder / f"phu_tho_{shift}.geojson"
    layer.assign(geometry=layer.translate(xoff=shift)).to_file(path, driver="GeoJSON")
    return path


def test_an_account_added_through_one_server_signs_in_through_the_other(servers):
    one, two = servers("one"), servers("two")
    before = two.revision()
    add_account(one, "lan", PLANNER, PASSWORD, name="Nguyễn Thị Lan")
    assert two.revision() > before
    outcome = attempt_sign_in(two, load_accounts(two), "lan", PASSWORD, "10.0.0.1", START)
    assert outcome.account is not None and outcome.account.name == "Nguyễn Thị Lan"
    add_account(two, "lan", "viewer")
    assert [account.role for account in load_accounts(one)] == ["viewer"]
    remove_account(one, "lan")
    assert attempt_sign_in(two, load_accounts(two), "lan", PASSWORD, "10.0.0.1", START).account is None


def test_a_lockout_reached_through_one_server_holds_on_the_other(servers):
    one, two = servers("one"), servers("two")
    add_account(one, "lan", PLANNER, PASSWORD)
    for second in range(MAX_FAILURES):
        refused = attempt_sign_in(one, load_accounts(one), "lan", "doan-bua", None, START + timedelta(seconds=second))
    assert refused.refusal == "account"
    later = attempt_sign_in(two, load_accounts(two), "lan", PASSWORD, "10.0.0.2", START + timedelta(minutes=1))
    assert later.account is None and later.refusal == "account"


def test_a_boundary_layer_imported_through_one_server_is_drawn_through_the_other(servers, data, tmp_path):
    one, two = servers("one"), servers("two")
    before = two.revision()
    result = check_file(
        ImportRequest(layer_file(data, tmp_path, 0.01), "25", "district", 2023, 2025), load_units(), one
    )
    version = store_checked(one, result, "quantri", accepted=False)
    assert version and two.revision() == before + 1
    drawn = load_dataset(store=two)
    assert not drawn.draws_schematic("25", 2024) and drawn.draws_schematic("25", 2022)
    view = map_view(drawn, Selection("25", "eco_packaging", 2024, "en"))
    assert view.features.total_bounds[0] == pytest.approx(
        drawn_in(data.layer, "25", 2024).total_bounds[0] + 0.01, abs=1e-3
    )
    again = check_file(ImportRequest(layer_file(data, tmp_path, 0.01), "25", "district", 2023, 2025), load_units(), two)
    assert [refusal.key for refusal in again.report.refusals] == ["already_imported"]
    assert not (tmp_path / "one").exists() or not any((tmp_path / "one").iterdir())


def test_a_zone_list_imported_through_one_server_places_the_zones_on_the_other(servers):
    one, two = servers("one"), servers("two")
    listed = load_zones()
    moved = listed.iloc[[0]].assign(latitude=21.5, longitude=105.2)
    new = listed.iloc[[0]].assign(zone_code="PT-CCN-MOI", name="CCN Mới")
    report = {"status": CLEAN, "province_code": moved.iloc[0]["province_code"], "sha256": "0" * 64}
    store_zones(one, report, pd.concat([moved, new]), "quantri", accepted=False)
    zones = with_imported_zones(listed, two).set_index("zone_code")
    code = moved.iloc[0]["zone_code"]
    assert (zones.loc[code, "latitude"], zones.loc[code, "longitude"]) == (21.5, 105.2)
    assert not zones.loc[code, "location_approximate"] and "PT-CCN-MOI" in zones.index
