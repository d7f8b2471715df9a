"""The event store: one SQLAlchemy schema for SQLite (default) and PostgreSQL + PostGIS.

`open_store(url)` returns a `Store` (engine + session factory) with the schema
upgraded to the latest Alembic revision; `repository` writes and reads documents,
`merge` clusters events across reports, `queries` filters them, `reviews` records
analyst decisions.
"""
