import io
import tarfile

import pytest

from dashboard.maps.assets import PACKAGES, NpmPackage, integrity_of, is_installed, missing_packages, unpack


def tarball(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, content in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def package_for(data: bytes) -> NpmPackage:
    return NpmPackage("leaflet", "0.0.0", integrity_of(data), "package/dist/")


def test_a_verified_tarball_unpacks_only_its_served_folder(tmp_path):
    data = tarball({"package/dist/leaflet.js": b"L", "package/dist/images/a.png": b"P", "package/README.md": b"R"})
    package = package_for(data)
    written = unpack(package, data, tmp_path)
    assert sorted(path.relative_to(tmp_path).as_posix() for path in written) == [
        "leaflet/images/a.png",
        "leaflet/leaflet.js",
    ]
    assert is_installed(package, tmp_path)


def test_a_tarball_that_does_not_match_its_pin_is_refused_and_nothing_is_written(tmp_path):
    data = tarball({"package/dist/leaflet.js": b"L"})
    with pytest.raises(ValueError, match="integrity"):
        unpack(package_for(b"other"), data, tmp_path)
    assert not any(tmp_path.iterdir())


def test_a_path_escaping_the_folder_is_refused(tmp_path):
    data = tarball({"package/dist/../../evil.js": b"E"})
    with pytest.raises(ValueError, match="unsafe"):
        unpack(package_for(data), data, tmp_path)


def test_leaflet_is_pinned_by_version_and_sha512():
    leaflet = next(package for package in PACKAGES if package.name == "leaflet")
    assert leaflet.version == "1.9.4" and leaflet.integrity.startswith("sha512-")
    assert (
        leaflet.tarball_url("https://registry.npmjs.org/") == "https://registry.npmjs.org/leaflet/-/leaflet-1.9.4.tgz"
    )


def test_missing_packages_names_each_pinned_package_until_it_is_installed(tmp_path):
    assert missing_packages(tmp_path) == [f"{package.name}@{package.version}" for package in PACKAGES]
    for package in PACKAGES:
        (tmp_path / package.name).mkdir()
        (tmp_path / package.name / ".integrity").write_text(package.integrity)
    assert missing_packages(tmp_path) == []
