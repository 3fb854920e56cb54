"""Where things are: administrative levels and units with their validity years (districts from `geodata/`,
communes from the registry package, `registry`), the name normaliser, coordinate systems and geometry repair,
the schematic district and commune layers, the 2025 reform's crosswalk, and in subpackages the boundary
layers (`boundaries`: read, match, import, store versions) and zones and green retail points (`zones`).

May use `dashboard.store` (to keep what administrators load) and `dashboard.core`.
"""
