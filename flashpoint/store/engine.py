"""Open a store: build the engine for SQLite or PostgreSQL and bring its schema up to date.

SQLite gets WAL, foreign keys and a busy timeout on every connection, so a killed
process leaves a consistent file and readers never block the writer. PostgreSQL URLs
are normalised to the psycopg 3 driver (`postgresql+psycopg://`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from flashpoint.errors import StoreError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


@dataclass(frozen=True, slots=True)
class Store:
    """An open store: its engine and a session factory (`with store.session() as s:`)."""

    engine: Engine
    session: sessionmaker[Session]

    @property
    def is_postgres(self) -> bool:
        """True on PostgreSQL (PostGIS geometry available)."""
        return self.engine.dialect.name == "postgresql"

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def normalise_url(url: str) -> str:
    """A SQLAlchemy URL: plain paths become SQLite files, `postgresql://` uses psycopg 3."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    for prefix in ("postgresql://", "postgres://", "postgresql+psycopg2://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL survives SIGKILL without losing committed transactions; foreign keys are off by default.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_store_engine(url: str) -> Engine:
    """Build the engine for `url` (SQLite path or URL, or PostgreSQL URL); StoreError if unusable."""
    full = normalise_url(url)
    try:
        parsed = make_url(full)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL: {url!r}", value=url) from exc
    if parsed.get_backend_name() not in {"sqlite", "postgresql"}:
        raise StoreError(f"unsupported database {parsed.get_backend_name()!r}; use sqlite or postgresql", value=url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(full, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(full, pool_pre_ping=True)


def upgrade_schema(engine: Engine, revision: str = "head") -> None:
    """Run the Alembic migrations up to `revision` on `engine`."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    except OperationalError as exc:
        raise StoreError(f"cannot open the database: {exc.orig}", value=str(engine.url)) from exc
    except SQLAlchemyError as exc:
        raise StoreError(f"schema upgrade failed: {exc}", value=str(engine.url)) from exc


def open_store(url: str, *, upgrade: bool = True) -> Store:
    """Open the store at `url`, upgrading its schema first unless `upgrade=False`.

    Example: `store = open_store("events.sqlite"); with store.session() as s: ...`
    """
    engine = create_store_engine(url)
    if upgrade:
        upgrade_schema(engine)
    return Store(engine, sessionmaker(engine, expire_on_commit=False))
