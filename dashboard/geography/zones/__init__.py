"""Industrial zones, clusters, craft villages and green retail points as sites: read from files, checked against
the district each names, and the official zone lists imported and kept as versions.
"""
