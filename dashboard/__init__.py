"""Core of the SX&TDBV coverage dashboard: data, targets, classes and maps, with no Streamlit inside."""
