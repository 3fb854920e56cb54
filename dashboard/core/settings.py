"""Deployment settings, read from environment variables; each is documented in the README."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from dashboard.core.i18n import in_both_languages
from dashboard.core.paths import ROOT

BASEMAPS = ("osm", "none")
AUTH_MODES = ("local", "oidc")
YES_NO = {"yes": True, "no": False}


def default_url(data_dir: Path) -> str:
    """Return the URL of the embedded SQLite store in the data directory."""
    return f"sqlite:///{data_dir / 'scp.sqlite3'}"


class SettingsError(ValueError):
    """A setting holds a value that is not understood; the message says which, in Vietnamese and English."""


@dataclass(frozen=True)
class Settings:
    """What a deployment may change without touching code."""

    basemap: str
    boundaries: Path | None
    data_dir: Path
    database_url: str
    accounts_file: Path
    auth: str
    seed_demo: bool
    max_upload_mb: int

    @property
    def max_upload_bytes(self) -> int:
        """Return the upload size limit in bytes."""
        return self.max_upload_mb * 2**20


def load_settings(environ: Mapping[str, str] = os.environ) -> Settings:
    """Return the settings from the environment, refusing values that are not understood."""
    basemap = environ.get("SCP_BASEMAP", "osm").strip().lower()
    if basemap not in BASEMAPS:
        raise SettingsError(in_both_languages("settings.bad_basemap", value=basemap, accepted=", ".join(BASEMAPS)))
    boundaries = environ.get("SCP_BOUNDARIES", "").strip()
    if boundaries and not Path(boundaries).is_file():
        raise SettingsError(in_both_languages("settings.no_boundaries_file", path=boundaries))
    data_dir = Path(environ.get("SCP_DATA_DIR", "").strip() or ROOT / "var")
    if data_dir.exists() and not data_dir.is_dir():
        raise SettingsError(in_both_languages("boundary.data_dir_not_folder", path=data_dir))
    auth = environ.get("SCP_AUTH", "local").strip().lower()
    if auth not in AUTH_MODES:
        raise SettingsError(
            in_both_languages("settings.bad_choice", name="SCP_AUTH", value=auth, accepted=", ".join(AUTH_MODES))
        )
    seed = environ.get("SCP_SEED_DEMO", "yes").strip().lower()
    if seed not in YES_NO:
        raise SettingsError(
            in_both_languages("settings.bad_choice", name="SCP_SEED_DEMO", value=seed, accepted="yes, no")
        )
    limit = environ.get("SCP_MAX_UPLOAD_MB", "20").strip()
    if not limit.isdigit() or int(limit) < 1:
        raise SettingsError(in_both_languages("settings.bad_number", name="SCP_MAX_UPLOAD_MB", value=limit))
    return Settings(
        basemap=basemap,
        boundaries=Path(boundaries) if boundaries else None,
        data_dir=data_dir,
        database_url=environ.get("DATABASE_URL", "").strip() or default_url(data_dir),
        accounts_file=Path(environ.get("SCP_ACCOUNTS_FILE", "").strip() or data_dir / "accounts.json"),
        auth=auth,
        seed_demo=YES_NO[seed],
        max_upload_mb=int(limit),
    )
