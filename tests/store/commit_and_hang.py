"""Helper process for the kill test: commits an upload and hangs inside the transaction after some rows.

Usage: python tests/store/commit_and_hang.py DATABASE_URL FILE MARKER. When the commit has written 50 rows it creates
MARKER and waits to be killed, so the test can kill it in the middle of a commit."""

import sys
import time
from pathlib import Path

from dashboard.intake.accounts import PLANNER, Account
from dashboard.intake.uploads import bundled_reference, commit_upload, preview_upload
from dashboard.store.database import Store

HANG_AFTER_ROWS = 50


def main(url: str, file: Path, marker: Path) -> None:
    """Commit the file, hanging forever once HANG_AFTER_ROWS rows are written."""
    store = Store(url)
    preview = preview_upload(store, file.read_bytes(), file.name, "awareness_campaigns", bundled_reference(), 2**24)

    def hang(written: int) -> None:
        if written == HANG_AFTER_ROWS:
            marker.write_text("inside the transaction")
            while True:
                time.sleep(1)

    commit_upload(store, preview, Account("killed", PLANNER), on_row=hang)


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))
