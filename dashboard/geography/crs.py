"""Coordinate reference systems of boundary files: VN-2000 recognised by its EPSG code, everything to WGS84.

VN-2000 is converted only through the EPSG definitions in PROJ's database (datum shift EPSG:6960/6959), never
through a hand-written +towgs84 string: their rotation signs are a known trap (about 0.75 m), and a VN-2000
definition without its datum shift lands about 224 m off.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyproj
from pyproj.exceptions import CRSError, ProjError

WGS84 = "EPSG:4326"
VN2000_GEOGRAPHIC = 4756
VN2000_UTM = (3405, 3406)
VN2000_TM3 = (*range(9205, 9219), *range(5896, 5900))
VN2000_CODES = frozenset((VN2000_GEOGRAPHIC, *VN2000_UTM, *VN2000_TM3))
VN2000_DATUM_WORDS = ("vietnam_2000", "vietnam 2000", "vn-2000", "vn_2000", "vn2000")
MIN_CONFIDENCE = 70


@dataclass(frozen=True)
class CrsChoice:
    """The CRS a file is read in: its EPSG code when known, its name, and a problem key when it cannot be used."""

    crs: pyproj.CRS | None
    label: str
    problem: str | None = None


def parse_crs(text: str) -> pyproj.CRS | None:
    """Return the CRS a user named ('EPSG:9208', '9208'), or None when it is not an EPSG code pyproj knows."""
    code = text.strip().upper().removeprefix("EPSG:")
    if not code.isdigit():
        return None
    try:
        return pyproj.CRS.from_epsg(int(code))
    except CRSError:
        return None


def is_vn2000(crs: pyproj.CRS) -> bool:
    """Return whether a CRS is based on the VN-2000 datum, whatever its definition calls it."""
    geodetic = crs.geodetic_crs
    names = f"{crs.name} {geodetic.name if geodetic else ''} {crs.datum.name if crs.datum else ''}".lower()
    return any(word in names for word in VN2000_DATUM_WORDS)


def label(crs: pyproj.CRS) -> str:
    """Return a CRS as people name it: 'EPSG:9208 (VN-2000 / TM-3 104-45)', or its name alone."""
    code = crs.to_epsg(min_confidence=MIN_CONFIDENCE)
    return f"EPSG:{code} ({crs.name})" if code else crs.name


def converts_to_wgs84(crs: pyproj.CRS) -> bool:
    """Return whether PROJ can convert coordinates in a CRS to WGS84 (not so for another celestial body)."""
    try:
        pyproj.Transformer.from_crs(crs, WGS84, always_xy=True)
    except ProjError:
        return False
    return True


def choose_crs(read: pyproj.CRS | None, named: str | None) -> CrsChoice:
    """Return the CRS to read a file in: the one the user named, else the file's own; a VN-2000 definition is
    replaced by its EPSG twin so PROJ applies the official datum shift, and refused when it has none; a definition
    naming no datum (bare parameters, or a hand-written +towgs84) is refused, since its datum is a guess, and one
    PROJ cannot convert to WGS84 (the Moon's, Mars's) is refused."""
    if named:
        crs = parse_crs(named)
        if crs is None:
            return CrsChoice(None, named, "crs_unknown")
    elif read is None:
        return CrsChoice(None, "", "crs_missing")
    else:
        crs = read
    if crs.datum is not None and "unknown" in crs.datum.name.lower():
        return CrsChoice(None, crs.datum.name, "crs_datum_unknown")
    if not converts_to_wgs84(crs):
        return CrsChoice(None, label(crs), "crs_not_earth")
    if not is_vn2000(crs):
        return CrsChoice(crs, label(crs))
    code = crs.to_epsg(min_confidence=MIN_CONFIDENCE)
    if code not in VN2000_CODES:
        return CrsChoice(None, crs.name, "crs_vn2000_unidentified")
    official = pyproj.CRS.from_epsg(code)
    return CrsChoice(official, label(official))
