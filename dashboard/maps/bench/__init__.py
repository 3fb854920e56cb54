"""The map's benchmark: the cases measured (bundled, synthetic national and given layers), the naive map it is
compared against, and the report.
"""
