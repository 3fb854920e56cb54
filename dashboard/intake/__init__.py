"""What comes in: the indicator tables' contracts (task progress among them), reading CSV and XLSX files, the
checks and their problems, preview, commit and undo of an upload, its templates, rows and columns in a
department's words (`labels`), the audit trail, the accounts that may upload, and the demonstration tables.

May use `dashboard.geography` (units and names to check rows against), `dashboard.store` and `dashboard.core`.
"""
