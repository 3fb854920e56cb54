"""Regenerate the demonstration indicator tables in indicators/demo/ (same output every run).

Run from the project root: python -m indicators.demo.generate_demo
"""

from dashboard.boundaries import load_layer
from dashboard.demo import demo_tables
from dashboard.paths import DEMO_TABLES
from dashboard.targets import load_catalogue, load_plans, load_targets
from dashboard.units import load_units, load_zones

if __name__ == "__main__":
    for name, table in demo_tables(
        load_units(), load_zones(), load_layer(), load_plans(), load_targets(), load_catalogue()
    ).items():
        table.to_csv(DEMO_TABLES / f"{name}.csv", index=False, lineterminator="\n")
