"""Where every piece of state is kept: the store (SQLite by default, PostgreSQL in production) with its revision,
the indicator rows and their history, sign-in failures, accounts, imported boundary layer versions and zone lists,
the one-time move of the files earlier versions kept in SCP_DATA_DIR, and the Alembic migrations that shape it.

May use `dashboard.core` only.
"""
