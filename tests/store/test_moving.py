"""The one-time move into the store of the files earlier versions kept in SCP_DATA_DIR (accounts, boundary layer
versions, zone lists), on SQLite and PostgreSQL: once, nothing lost, the files kept and marked as moved."""

import hashlib
import json
import threading
from pathlib import Path

import geopandas as gpd
import pytest
import sqlalchemy as sa
from geopandas.testing import assert_geodataframe_equal

from dashboard.core.settings import Settings, load_settings
from dashboard.geography.boundaries.importing import ImportRequest, import_layer
from dashboard.geography.boundaries.stored import imported_layers, list_versions, read_report
from dashboard.geography.units import load_units, load_zones, valid_in
from dashboard.geography.zones.stored import with_imported_zones
from dashboard.intake.accounts import HASHER, PLANNER, Account, add_account, load_accounts, signed_in
from dashboard.intake.uploads import open_store
from dashboard.store.database import StoreUnavailableError
from dashboard.store.moving import MARKER, move_into_store

LAYER_ID = "25-district-2021-2025-20261101T080000000000-abcdef12"
ZONES_ID = "25-zones-20261102T080000000000-12345678"


def settings_for(url: str, folder: Path) -> Settings:
    """Return the settings of a server with its data folder on the database."""
    return load_settings({"DATABASE_URL": url, "SCP_DATA_DIR": str(folder), "SCP_SEED_DEMO": "no"})


def legacy_folder(folder: Path, data) -> Path:
    """Write a data folder as earlier versions left it: an accounts file, a boundary layer version and a zone list
    (each a folder with its report and payload), a half-written version and a broken one; return it."""
    accounts = [
        Account("lan", PLANNER, "Nguyễn Thị Lan", "lan@so-congthuong.gov.vn", HASHER.hash("mat-khau-cua-lan")),
        Account("quantri", "admin", "Quản trị", "", HASHER.hash("mat-khau-quan-tri")),
    ]
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"accounts": [account.__dict__ for account in accounts]}, ensure_ascii=False, indent=2)
    (folder / "accounts.json").write_text(text, encoding="utf-8")
    layer = valid_in(data.layer[data.layer["province_code"] == "25"], 2023)[["code", "geometry"]]
    (folder / "source.geojson").unlink(missing_ok=True)
    layer.assign(geometry=layer.translate(xoff=0.01)).to_file(folder / "source.geojson", driver="GeoJSON")
    result = import_layer(ImportRequest(folder / "source.geojson", "25", "district", 2021, 2025), load_units())
    version = folder / "boundaries" / LAYER_ID
    version.mkdir(parents=True)
    result.layer.to_file(version / "layer.geojson", driver="GeoJSON")
    stamp = {"imported_by": "quantri", "imported_at": "2026-11-01T08:00:00.000000+00:00", "accepted": False}
    report = {**result.report.to_json(), "version_id": LAYER_ID, **stamp}
    (version / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    zones = folder / "zones" / ZONES_ID
    zones.mkdir(parents=True)
    load_zones().iloc[[0]].assign(zone_code="PT-CCN-MOI", latitude=21.4).to_csv(zones / "zones.csv", index=False)
    zone_report = {"status": "clean", "province_code": "25", "sha256": "1" * 64, "version_id": ZONES_ID, **stamp}
    (zones / "report.json").write_text(json.dumps(zone_report), encoding="utf-8")
    (folder / "boundaries" / ".25-district-half-written").mkdir()
    (folder / "boundaries" / ".25-district-half-written" / "report.json").write_text("{}", encoding="utf-8")
    (folder / "zones" / "25-zones-broken").mkdir()
    (folder / "zones" / "25-zones-broken" / "report.json").write_text("{not json", encoding="utf-8")
    return folder


def files_of(folder: Path) -> dict[str, str]:
    """Return the SHA-256 of every file below the folder, by its path inside it."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def moved_rows(store) -> int:
    """Return how many files the store records as moved."""
    with store.engine.connect() as connection:
        return connection.exec_driver_sql("SELECT count(*) FROM moved_files").scalar_one()


def test_the_files_are_moved_into_the_store_once_with_nothing_lost_and_a_marker_beside_them(
    database_url, tmp_path, data
):
    folder = legacy_folder(tmp_path / "var", data)
    before = files_of(folder)
    old_layer = gpd.read_file(folder / "boundaries" / LAYER_ID / "layer.geojson")
    store = open_store(settings_for(database_url, folder))
    accounts = load_accounts(store)
    assert [(account.username, account.role, account.name) for account in accounts] == [
        ("lan", PLANNER, "Nguyễn Thị Lan"),
        ("quantri", "admin", "Quản trị"),
    ]
    assert signed_in(accounts, "lan", "mat-khau-cua-lan").email == "lan@so-congthuong.gov.vn"
    assert list_versions(store)["version_id"].tolist() == [LAYER_ID]
    assert read_report(store, LAYER_ID) == json.loads((folder / "boundaries" / LAYER_ID / "report.json").read_text())
    layer = imported_layers(store)
    assert_geodataframe_equal(
        layer[old_layer.columns].sort_values("code", ignore_index=True),
        old_layer.sort_values("code", ignore_index=True),
        check_dtype=False,
    )
    zones = with_imported_zones(load_zones(), store).set_index("zone_code")
    assert zones.loc["PT-CCN-MOI", "latitude"] == 21.4
    assert {path: digest for path, digest in files_of(folder).items() if path != MARKER} == before
    marker = (folder / MARKER).read_text(encoding="utf-8")
    assert "đã được chuyển vào kho dữ liệu" in marker and "were moved into the store" in marker
    assert "chỉ được giữ lại làm hồ sơ" in marker and "kept only as a record" in marker
    assert str((folder / "accounts.json").resolve()) in marker and "2 accounts and 2 boundary layer" in marker
    assert "25-zones-broken" in marker and "half-written" not in marker
    assert moved_rows(store) == 5


def test_a_second_start_up_moves_nothing_again(database_url, tmp_path, data):
    folder = legacy_folder(tmp_path / "var", data)
    store = open_store(settings_for(database_url, folder))
    revision, marker = store.revision(), (folder / MARKER).read_text(encoding="utf-8")
    add_account(store, "lan", "viewer")
    assert move_into_store(store, folder, folder / "accounts.json") is None
    again = open_store(settings_for(database_url, folder))
    assert again.revision() == revision + 1 and [account.role for account in load_accounts(again)] == [
        "viewer",
        "admin",
    ]
    assert len(list_versions(again)) == 1 and (folder / MARKER).read_text(encoding="utf-8") == marker
    assert moved_rows(again) == 5


def test_two_servers_starting_at_once_move_each_file_once(database_url, tmp_path, data):
    folder = legacy_folder(tmp_path / "var", data)
    settings = settings_for(database_url, folder)
    gate = threading.Barrier(2)
    opened, faults = [], []

    def start() -> None:
        gate.wait()
        try:
            opened.append(open_store(settings))
        except StoreUnavailableError as fault:
            faults.append(fault)

    threads = [threading.Thread(target=start) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert faults == [] and len(opened) == 2
    assert len(load_accounts(opened[0])) == 2 and len(list_versions(opened[1])) == 1
    assert moved_rows(opened[0]) == 5
    assert (folder / MARKER).read_text(encoding="utf-8").count("were moved into the store") == 1


def test_a_second_server_with_a_copy_of_the_files_adds_no_duplicate_and_keeps_the_stores_accounts(
    database_url, tmp_path, data
):
    first = legacy_folder(tmp_path / "one", data)
    store = open_store(settings_for(database_url, first))
    add_account(store, "lan", "viewer")
    second = tmp_path / "two"
    second.mkdir()
    for path, _ in files_of(first).items():
        (second / path).parent.mkdir(parents=True, exist_ok=True)
        (second / path).write_bytes((first / path).read_bytes())
    (second / MARKER).unlink()
    other = open_store(settings_for(database_url, second))
    assert [account.role for account in load_accounts(other)] == ["viewer", "admin"]
    assert len(list_versions(other)) == 1 and moved_rows(other) == 10
    assert "lan, quantri" in (second / MARKER).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "text",
    [b"\xff\xfe{not json", b"", b'{"accounts": [{"who": "lan"}]}', b'{"users": []}', b"[1, 2]", b'{"accounts": 5}'],
)
def test_an_old_accounts_file_that_cannot_be_read_stops_the_move_and_nothing_moves(tmp_path, data, text):
    folder = legacy_folder(tmp_path / "var", data)
    (folder / "accounts.json").write_bytes(text)
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    with pytest.raises(StoreUnavailableError) as raised:
        open_store(settings_for(url, folder))
    assert raised.value.reason == "accounts_unreadable"
    message = raised.value.message()
    assert "Không đọc được tệp tài khoản cũ" in message and "could not be moved into the store" in message
    assert (folder / "accounts.json").read_bytes() == text and not (folder / MARKER).exists()
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM imported_versions").scalar_one() == 0
    engine.dispose()
