"""The Alembic revision builds exactly the ORM schema, on both backends."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from flashpoint.store.engine import Store, open_store
from flashpoint.store.models import Base


def test_migrations_match_models(store: Store) -> None:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = [d for d in compare_metadata(context, Base.metadata) if not _is_postgis_noise(d)]
    assert diff == []


def _is_postgis_noise(entry: object) -> bool:
    # PostGIS installs its own table (spatial_ref_sys) in the same schema.
    return isinstance(entry, tuple) and entry[0] == "remove_table" and entry[1].name == "spatial_ref_sys"


def test_upgrade_is_rerunnable(store_url: str) -> None:
    for _ in range(2):
        opened = open_store(store_url)
        tables = set(inspect(opened.engine).get_table_names())
        opened.close()
    assert {"documents", "events", "clusters", "reviews", "merge_splits", "influences", "alembic_version"} <= tables


def test_sqlite_uses_wal_and_foreign_keys(tmp_path: object) -> None:
    opened = open_store(f"sqlite:///{tmp_path}/wal.sqlite")
    with opened.engine.connect() as connection:
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        keys = connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
    opened.close()
    assert (mode, keys) == ("wal", 1)
