"""Deployment settings, read from environment variables; each is documented in the README."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

BASEMAPS = ("osm", "none")


@dataclass(frozen=True)
class Settings:
    """What a deployment may change without touching code."""

    basemap: str
    boundaries: Path | None


def load_settings(environ: Mapping[str, str] = os.environ) -> Settings:
    """Return the settings from the environment, refusing values that are not understood."""
    basemap = environ.get("SCP_BASEMAP", "osm").strip().lower()
    if basemap not in BASEMAPS:
        raise ValueError(f"SCP_BASEMAP must be one of {', '.join(BASEMAPS)}, not {basemap!r}")
    boundaries = environ.get("SCP_BOUNDARIES", "").strip()
    if boundaries and not Path(boundaries).is_file():
        raise ValueError(f"SCP_BOUNDARIES names no file: {boundaries}")
    return Settings(basemap=basemap, boundaries=Path(boundaries) if boundaries else None)
