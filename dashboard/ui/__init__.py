"""The only part of the package that imports Streamlit: cached data, session state and shared widgets."""
