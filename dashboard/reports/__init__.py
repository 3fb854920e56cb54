"""The yearly report of a plan: the reporting round and the tasks in words (`round_tables`), the report's content
(`yearly`: targets, static maps, tasks, budget, who did not report), and its files: Word (`word`) and XLSX
(`workbook`), written together by `files`.

May use `dashboard.maps`, `dashboard.progress` and everything below them.
"""
