"""Where things are: administrative levels and units with their validity years, the name normaliser, coordinate
systems and geometry repair, the schematic layer, the 2025 reform's crosswalk, and in subpackages the boundary
layers (`boundaries`: read, match, import, store versions) and zones and green retail points (`zones`).

May use `dashboard.store` (to keep what administrators load) and `dashboard.core`.
"""
