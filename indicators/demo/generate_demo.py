"""Regenerate the demonstration indicator tables in indicators/demo/ (same output every run).

Run from the project root: python -m indicators.demo.generate_demo
"""

from dashboard.core.paths import DEMO_TABLES
from dashboard.core.programme import load_catalogue, load_plans, load_targets
from dashboard.core.tasks import load_task_register
from dashboard.geography.boundaries.layers import load_layer
from dashboard.geography.units import load_units, load_zones
from dashboard.intake.demo import demo_tables

if __name__ == "__main__":
    for name, table in demo_tables(
        load_units(), load_zones(), load_layer(), load_plans(), load_targets(), load_catalogue(), load_task_register()
    ).items():
        table.to_csv(DEMO_TABLES / f"{name}.csv", index=False, lineterminator="\n")
