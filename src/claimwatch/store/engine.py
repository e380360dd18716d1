"""Opening a store: a SQLite path or a SQLAlchemy URL, migrated to the current schema."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event as sa_event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from claimwatch.errors import StoreError

CONNECT_TIMEOUT_S = 5


def database_url(url: str) -> str:
    """A SQLAlchemy URL: a plain path (``claimwatch.db``) means a SQLite file."""
    if url in ("", ":memory:"):
        return "sqlite://"
    if "://" in url:
        return url
    return f"sqlite:///{Path(url).expanduser().absolute()}"


def safe_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def create(url: str) -> Engine:
    """An engine for ``url``, checked by connecting, or a StoreError saying what to do."""
    full = database_url(url)
    try:
        parsed = make_url(full)
        kwargs: dict[str, Any] = {"future": True}
        if parsed.get_backend_name() == "sqlite":
            if parsed.database in (None, "", ":memory:"):
                kwargs.update(poolclass=StaticPool,
                              connect_args={"check_same_thread": False})
            else:
                _check_sqlite_dir(Path(parsed.database or ""), full)
                kwargs["connect_args"] = {"check_same_thread": False}
        elif parsed.get_backend_name() == "postgresql":
            kwargs["connect_args"] = {"connect_timeout": CONNECT_TIMEOUT_S}
            kwargs["pool_pre_ping"] = True
        engine = sa.create_engine(full, **kwargs)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise StoreError(
            f"{safe_url(full)!r} is not a database URL claimwatch can open ({exc}); give a "
            "SQLite file path such as claimwatch.db or a URL such as "
            "postgresql+psycopg://user@host:5432/dbname"
        ) from None
    if engine.dialect.name == "sqlite":
        sa_event.listen(engine, "connect", _sqlite_pragmas)
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except SQLAlchemyError as exc:
        engine.dispose()
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        raise StoreError(
            f"cannot open the database {safe_url(full)}: {reason}; check that the server is "
            "running and the URL (host, port, user, database name) is right, or pass a "
            "SQLite file path with --db / CLAIMWATCH_DB"
        ) from None
    return engine


def _check_sqlite_dir(path: Path, url: str) -> None:
    if not path.parent.is_dir():
        raise StoreError(
            f"cannot create the SQLite database {path}: the directory {path.parent} does not "
            "exist; create it or choose another --db path"
        )


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration (a no-op when it is already there)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    location = resources.files("claimwatch.store").joinpath("migrations")
    cfg.set_main_option("script_location", str(location))
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        raise StoreError(
            f"cannot create or upgrade the ledger tables in {safe_url(str(engine.url))}: "
            f"{reason}; check the user may create tables there"
        ) from None
