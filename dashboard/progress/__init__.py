"""How far each target is reached: a plan's targets, values measured from the tables, yearly figures, statuses,
the scorecard, trends, reporting completeness, budget breakdowns, the plans' tasks as tables, the yearly reporting
round (who reported, who is late, tasks overdue), a district's history, and all of it in words.

May use `dashboard.dataset`, `dashboard.intake`, `dashboard.geography` and `dashboard.core`.
"""
