"""Where state is kept: the store (SQLite by default, PostgreSQL in production) with its revision, the
indicator rows and their history, and the Alembic migrations that shape it.

May use `dashboard.core` only.
"""
