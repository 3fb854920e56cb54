"""Where the project's bundled data lives."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GEODATA = ROOT / "geodata"
INDICATORS = ROOT / "indicators"
DEMO_TABLES = INDICATORS / "demo"
STATIC = ROOT / "static"
