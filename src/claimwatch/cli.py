"""The command line: a thin Click layer over the library.

Each command parses its arguments, calls one library function and turns
``ClaimwatchError`` into ``click.ClickException``; no logic lives here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import click

from claimwatch.errors import ClaimwatchError

F = TypeVar("F", bound=Callable[..., Any])


def errors_as_click(func: F) -> F:
    """Turn library errors into one clear CLI message and a non-zero exit."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ClaimwatchError as exc:
            raise click.ClickException(f"[{exc.code}] {exc}") from exc

    return wrapper  # type: ignore[return-value]


def db_option(func: F) -> F:
    """``--db``: a SQLite path or SQLAlchemy URL (env CLAIMWATCH_DB)."""
    return click.option(
        "--db", "db", envvar="CLAIMWATCH_DB", default="claimwatch.db", show_default=True,
        help="Store: a SQLite file path or a SQLAlchemy URL.",
    )(func)


@click.group()
@click.version_option(package_name="claimwatch")
def main() -> None:
    """claimwatch: a ledger of attacks from news reports, with who claims and denies them."""


@main.group(name="eval")
def eval_group() -> None:
    """Score claimwatch against gold annotations and published benchmarks."""


# Commands are defined below, grouped by area. Each helper module adds its own block.
