"""Boundary layers: the bundled schematic layer, reading official files (GeoJSON, Shapefile, GeoPackage) in any
CRS, matching their features to units, the match report, and the accepted versions kept in the store.
"""
