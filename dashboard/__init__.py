"""The SCP coverage dashboard's application package.

Four capabilities over a shared core, each a subpackage: `geography` (units, boundaries, zones, the 2025 reform),
`intake` (uploads and the store), `progress` (targets and how far each is reached) and `maps` (what is drawn);
`dataset` gathers what they read; `ui` serves the Streamlit pages and `cli` the command line. Imports run
downwards only, as `.importlinter` states.
"""
