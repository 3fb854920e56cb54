"""Deployment settings, read from environment variables; each is documented in the README."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from dashboard.i18n import LANGUAGES, t
from dashboard.paths import ROOT

BASEMAPS = ("osm", "none")
DEFAULT_DATA_DIR = ROOT / "var"


@dataclass(frozen=True)
class Settings:
    """What a deployment may change without touching code."""

    basemap: str
    boundaries: Path | None
    data_dir: Path = DEFAULT_DATA_DIR


def _both(key: str, **params: object) -> str:
    """Return a message in Vietnamese and English, for errors raised before a language is chosen."""
    return " / ".join(t(key, language, **params) for language in LANGUAGES)


def load_settings(environ: Mapping[str, str] = os.environ) -> Settings:
    """Return the settings from the environment, refusing values that are not understood."""
    basemap = environ.get("SCP_BASEMAP", "osm").strip().lower()
    if basemap not in BASEMAPS:
        raise ValueError(_both("settings.bad_basemap", value=basemap, accepted=", ".join(BASEMAPS)))
    boundaries = environ.get("SCP_BOUNDARIES", "").strip()
    if boundaries and not Path(boundaries).is_file():
        raise ValueError(_both("settings.no_boundaries_file", path=boundaries))
    data_dir = Path(environ.get("SCP_DATA_DIR", "").strip() or DEFAULT_DATA_DIR)
    if data_dir.exists() and not data_dir.is_dir():
        raise ValueError(_both("boundary.data_dir_not_folder", path=data_dir))
    return Settings(basemap=basemap, boundaries=Path(boundaries) if boundaries else None, data_dir=data_dir)
