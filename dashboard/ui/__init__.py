"""The only part of the package that imports Streamlit: cached data keyed by the data version, session state,
sign-in, filters, the map page's address, download buttons, the panels pages share, and the benchmark's page harness.

May use every other subpackage but `dashboard.cli`.
"""
