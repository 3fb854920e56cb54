"""What every part shares: where the bundled data lives (`paths`), the deployment settings, the translation layer
with its message files (`i18n`, `locales/`), the programme's reference lists (plans, targets, indicator
catalogue), the plans' task register (`tasks`: agencies, tasks, outputs), CSV files decoded as Excel writes them
(`csv_text`), the one grammar of numbers typed the Vietnamese or the English way (`numbers`), and CSV/XLSX
exports of any table.

Uses nothing else of the dashboard.
"""
