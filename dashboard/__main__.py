"""`python -m dashboard`: the command line, whose commands live in dashboard.cli."""

import sys

from dashboard.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
