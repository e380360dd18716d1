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


# --- reading reports -------------------------------------------------------------------

published_option = click.option(
    "--published", default=None, metavar="YYYY-MM-DD",
    help="Publication date for plain .txt/.md reports without a `date` first line.",
)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@published_option
@click.option("--format", "fmt", default="json", show_default=True,
              type=click.Choice(["json", "jsonl"]), help="One JSON array, or one object per line.")
@errors_as_click
def extract(paths: tuple[str, ...], published: str | None, fmt: str) -> None:
    """Read reports and print their events without storing anything."""
    from claimwatch.extract.batch import extract_paths
    from claimwatch.render import documents_json

    results, errors = extract_paths(paths, published)
    click.echo(documents_json(results, lines=fmt == "jsonl"))
    for err in errors:
        click.echo(f"error: [{err.code}] {err}", err=True)
    if errors and not results:
        raise SystemExit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@published_option
@db_option
@click.option("--progress/--no-progress", default=True, help="Show a progress bar.")
@errors_as_click
def ingest(paths: tuple[str, ...], published: str | None, db: str, progress: bool) -> None:
    """Analyse reports and merge their events into the ledger."""
    from claimwatch.ingest import parse_date
    from claimwatch.ledger import Ledger

    date = parse_date(published, source="--published") if published else None
    with Ledger(db) as ledger:
        report = ledger.ingest_paths(paths, published=date, progress=progress)
    click.echo(report.summary())
    for err in report.errors:
        click.echo(f"error: {err}", err=True)
    if report.errors and not (report.documents_added or report.documents_skipped):
        raise SystemExit(1)


# --- querying the ledger ---------------------------------------------------------------


@main.command()
@db_option
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", "json", "jsonl", "csv"]))
@click.option("--since", default=None, metavar="YYYY-MM-DD", help="Events ending on/after.")
@click.option("--until", default=None, metavar="YYYY-MM-DD", help="Events starting on/before.")
@click.option("--actor", default=None, help="Any actor's name or alias.")
@click.option("--type", "type_", default=None, help="An attack type, e.g. drone.")
@click.option("--status", default=None, help="claimed|reported|confirmed|disputed|denied|retracted")
@click.option("--country", default=None, help="Country name or ISO3 code.")
@click.option("--limit", default=None, type=int, help="At most this many events.")
@errors_as_click
def events(db: str, fmt: str, since: str | None, until: str | None, actor: str | None,
           type_: str | None, status: str | None, country: str | None,
           limit: int | None) -> None:
    """List stored events, filtered."""
    from claimwatch.ingest import parse_date
    from claimwatch.ledger import Ledger
    from claimwatch.render import render

    with Ledger(db) as ledger:
        found = ledger.events(
            since=parse_date(since, source="--since") if since else None,
            until=parse_date(until, source="--until") if until else None,
            actor=actor, type=type_, status=status, country=country, limit=limit,
        )
    click.echo(render(found, fmt))


@main.command()
@click.argument("event_id")
@db_option
@click.option("--why", is_flag=True, help="Also print why reports were merged into it.")
@click.option("--format", "fmt", default="text", type=click.Choice(["text", "json"]))
@errors_as_click
def show(event_id: str, db: str, why: bool, fmt: str) -> None:
    """Every field of one event, with the report and sentence it came from."""
    import json

    from claimwatch.ledger import Ledger
    from claimwatch.merge.explain import describe_decisions
    from claimwatch.render import explain_event

    with Ledger(db) as ledger:
        event = ledger.event(event_id)
        decisions = ledger.explain(event_id) if why else []
    if fmt == "json":
        record = event.to_dict(explain=True)
        if why:
            record["merge_decisions"] = decisions
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    click.echo(explain_event(event))
    if why:
        click.echo("  merge decisions:")
        for line in describe_decisions(decisions):
            click.echo(f"    - {line}")


@main.command()
@click.argument("event_id")
@click.argument("document_id")
@db_option
@errors_as_click
def split(event_id: str, document_id: str, db: str) -> None:
    """Take a wrongly merged report out of an event; the decision is kept for good."""
    from claimwatch.ledger import Ledger

    with Ledger(db) as ledger:
        moved = ledger.split(event_id, document_id)
    click.echo(f"report {document_id} now belongs to event {moved.event_id}; "
               f"event {event_id} keeps the other reports")


# --- evaluation against gold annotations (evaluate/gold.py) ---------------------------

@eval_group.command(name="gold")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--system", "system", type=click.Path(exists=True, dir_okay=False),
              help="Score a saved `claimwatch extract --format json` output instead of "
                   "running the pipeline.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--errors", "show_errors", is_flag=True,
              help="List every field error, missed assertion and false event.")
@click.option("--exact-place-names", is_flag=True,
              help="A gold place described as 'Town, Region' is borne only by a place of "
                   "that whole name (by default the town's name is enough).")
@errors_as_click
def eval_gold_command(paths: tuple[str, ...], system: str | None, fmt: str,
                      show_errors: bool, exact_place_names: bool) -> None:
    """Score extraction against gold files or folders of them (stories included)."""
    from claimwatch.evaluate.gold import evaluate_gold

    click.echo(evaluate_gold(paths, system, exact_place_names=exact_place_names)
               .render(fmt, errors=show_errors))


@eval_group.command(name="stories")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option("--system", "system", type=click.Path(exists=True, dir_okay=False),
              help="Score a saved output instead of ingesting the stories into a ledger.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--errors", "show_errors", is_flag=True,
              help="List every field error, missed assertion and false event.")
@errors_as_click
def eval_stories_command(directory: str, system: str | None, fmt: str,
                         show_errors: bool) -> None:
    """Score multi-report stories (folders with story.json and r1.txt, r2.txt, ...)."""
    from claimwatch.evaluate.gold import evaluate_stories

    click.echo(evaluate_stories(directory, system).render(fmt, errors=show_errors))


# --- serving and exporting (api/, export/) ---------------------------------------------

@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@errors_as_click
def serve(db: str, host: str, port: int) -> None:
    """Serve the REST API and the map page; writes need CLAIMWATCH_TOKEN set."""
    import uvicorn

    from claimwatch import config
    from claimwatch.api import create_app

    uvicorn.run(create_app(db, config.get("token")), host=host, port=port)


@main.command(name="export")
@db_option
@click.option("--format", "fmt", required=True, metavar="FORMAT",
              help="acled-csv | geojson | parquet | jsonl")
@click.option("-o", "--output", "output", default="-", show_default=True,
              type=click.Path(dir_okay=False, allow_dash=True), help="File to write; - for stdout.")
@errors_as_click
def export_command(db: str, fmt: str, output: str) -> None:
    """Write every stored event in an analyst format."""
    from claimwatch.export import export_ledger
    from claimwatch.ledger import Ledger

    with Ledger(db) as ledger:
        count = export_ledger(ledger, fmt, output)
    if output != "-":
        click.echo(f"wrote {count} events to {output}", err=True)


# --- external benchmarks: MUC-4 (evaluate/muc4*.py) ------------------------------------

@eval_group.command(name="muc4")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=int, default=None, help="Only the first N documents.")
@click.option("--predictions", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Score a saved GRIT/GTT output ({docid: {pred_extracts, pred_templates}}) "
                   "instead of running the pipeline.")
@click.option("--save-predictions", type=click.Path(dir_okay=False), default=None,
              help="Write claimwatch's templates in GRIT/GTT's output format.")
@click.option("--roles", type=click.Choice(["rules", "model", "combined"]), default="model",
              show_default=True,
              help="Role fillers from claimwatch's events (rules), from the MUC-4 role tagger "
                   "trained by `make train` (model), or both (combined); incident types "
                   "always come from the events.")
@click.option("--relevance", type=click.Choice(["both", "gate", "off"]), default="both",
              show_default=True,
              help="Where the tagger's fillers are dropped (--roles model|combined): in "
                   "documents where claimwatch finds no relevant incident and the relevance "
                   "gate trained by `make train` says irrelevant (both), wherever the gate "
                   "says irrelevant (gate), or nowhere (off).")
@click.option("--relevance-gate/--no-relevance-gate", default=False, show_default=True,
              help="Same as --relevance gate.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--progress/--no-progress", default=True, help="Progress bar on stderr.")
@errors_as_click
def eval_muc4_command(path: str, limit: int | None, predictions: str | None,
                      save_predictions: str | None, roles: str, relevance: str,
                      relevance_gate: bool, fmt: str, progress: bool) -> None:
    """CEAF-REE (GRIT) and GTT template scores on MUC-4 gtt_*/grit_*.jsonl documents."""
    import json

    from claimwatch.evaluate.muc4 import evaluate_muc4

    result = evaluate_muc4(path, limit=limit, progress=progress, predictions=predictions,
                           save_predictions=save_predictions, roles=roles,
                           relevance_gate=relevance_gate, relevance=relevance)
    click.echo(result.render() if fmt == "text" else json.dumps(result.to_dict(), indent=2))


# --- time (resolve/time.py, evaluate/timex.py) ---


@eval_group.command(name="timex")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option("--baseline/--no-baseline", default=True, show_default=True,
              help="Also score plain dateparser search_dates in the same run.")
@click.option("--errors", "errors", type=int, default=0, show_default=True, metavar="N",
              help="Also list claimwatch's first N errors (text, gold value, system value).")
@errors_as_click
def eval_timex(directory: str, baseline: bool, errors: int) -> None:
    """Score TIMEX3 DATE normalisation on TempEval-3 .tml files under DIRECTORY."""
    from pathlib import Path

    from claimwatch.evaluate.timex import report_dir

    click.echo(report_dir(Path(directory), baseline=baseline, errors=errors))


# --- place (resolve/gazetteer.py, resolve/place.py, evaluate/geo.py) ---


@main.group(name="gazetteer")
def gazetteer_group() -> None:
    """The offline gazetteer that place names are resolved against."""


@gazetteer_group.command(name="build")
@click.option("--path", default=None, type=click.Path(dir_okay=False),
              help="Where to write it (default: $CLAIMWATCH_GAZETTEER or the user cache).")
@click.option("--force", is_flag=True, help="Rebuild even if an up-to-date file exists.")
@errors_as_click
def gazetteer_build(path: str | None, force: bool) -> None:
    """Build the gazetteer index file from the installed geodata (run by `make install`)."""
    from pathlib import Path

    from claimwatch.resolve.gazetteer_build import ensure_built

    click.echo(f"gazetteer: {ensure_built(Path(path) if path else None, force=force)}")


@eval_group.command(name="geo")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--errors", "n_errors", type=int, default=0, metavar="N",
              help="Also list the N most frequent oracle misses (surface, gold, system, km, rule).")
@errors_as_click
def eval_geo(files: tuple[str, ...], fmt: str, n_errors: int) -> None:
    """Score toponym resolution on GeoVirus / TR-News style XML FILES (with a baseline)."""
    import json

    from claimwatch.evaluate.geo import evaluate_geo, format_errors, format_report

    for file in files:
        report = evaluate_geo(file)
        click.echo(format_report(report) if fmt == "text"
                   else json.dumps(report.to_dict(), indent=2))
        if n_errors > 0:
            click.echo(format_errors(report, n_errors))


@main.command(name="actor")
@click.argument("surfaces", nargs=-1, required=True)
@click.option("--country", default=None, metavar="ISO3",
              help="The report's country: breaks ties and resolves 'the army'.")
@errors_as_click
def actor_command(surfaces: tuple[str, ...], country: str | None) -> None:
    """Show how actor names resolve against the actor table, and by which rule."""
    from claimwatch.resolve.actor import describe_actor

    for surface in surfaces:
        d = describe_actor(surface, country=country)
        where = ", ".join(x for x in (d["category"], d["country"]) if x)
        click.echo(f"{surface!r} -> {d['name']} [{where}] ({d['rule']})")


@eval_group.command(name="wikievents")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=int, default=None, help="Only the first N documents.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--progress/--no-progress", default=True, help="Progress bar on stderr.")
@click.option("--triggers", type=click.Choice(["gold", "system"]), default="gold",
              show_default=True,
              help="gold: arguments of the given gold triggers (the published setting); "
                   "system: arguments of claimwatch's own events linked to them.")
@errors_as_click
def eval_wikievents_command(path: str, limit: int | None, fmt: str, progress: bool,
                            triggers: str) -> None:
    """Argument head F1 and coref F1 on WikiEvents (dev.jsonl, coref file beside it)."""
    import json

    from claimwatch.evaluate.wikievents import evaluate_wikievents

    result = evaluate_wikievents(path, limit=limit, progress=progress, triggers=triggers)
    click.echo(result.render() if fmt == "text" else json.dumps(result.to_dict(), indent=2))


@eval_group.command(name="muc4-confidence")
@click.option("--data", "data_dir", type=click.Path(file_okay=False), default=None,
              help="The MUC-4 folder (gtt_dev.jsonl and raw/); default ../shared/data/muc4.")
@click.option("--limit", type=int, default=None, help="Only the first N documents.")
@click.option("--progress/--no-progress", default=True, help="Progress bar on stderr.")
@errors_as_click
def eval_muc4_confidence_command(data_dir: str | None, limit: int | None,
                                 progress: bool) -> None:
    """Responsibility vs MUC-4 PERP: ORGANIZATION CONFIDENCE on TST1+TST2, with a baseline."""
    from claimwatch.evaluate.muc4_confidence import default_muc4_dir, evaluate_confidence

    folder = data_dir or default_muc4_dir()
    click.echo(evaluate_confidence(folder, progress=progress, limit=limit).render())
