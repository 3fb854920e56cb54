"""The command line, `python -m dashboard COMMAND`: one small module per command, each adding its parser and
running it over the core. `main` assembles them.

May use every other subpackage (the benchmark drives the map page through `dashboard.ui`); only
`dashboard.__main__` imports it.
"""
