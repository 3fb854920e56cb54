"""Regenerate geodata/schematic_districts.geojson from units.csv and zones.csv.

Run from the project root: python -m geodata.generate_schematic
"""

from dashboard.core.paths import GEODATA
from dashboard.geography.schematic import layer_geojson, schematic_layer
from dashboard.geography.units import load_districts, load_zones

if __name__ == "__main__":
    layer = schematic_layer(load_districts(), load_zones())
    (GEODATA / "schematic_districts.geojson").write_text(layer_geojson(layer), encoding="utf-8")
