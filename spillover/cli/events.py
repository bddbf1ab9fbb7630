"""``spillover events``: list and export stored events."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console

from spillover.cli.context import AppContext
from spillover.cli.output import render_timeline, write_csv, write_geojson, write_jsonl, write_parquet
from spillover.errors import InputError
from spillover.store.database import EventFilter


@click.command("events")
@click.option("--type", "event_type", multiple=True, help="PLOVER type(s), e.g. --type ASSAULT --type THREATEN.")
@click.option("--country", help="Events with this ISO alpha-3 country as source or target.")
@click.option("--source", help="Source actor code or country prefix (IRN, IRNMIL).")
@click.option("--target", help="Target actor code or country prefix.")
@click.option("--status", multiple=True, help="Factuality: occurred, attempted, threatened, planned, denied, ...")
@click.option("--since", help="First date (YYYY-MM-DD).")
@click.option("--until", help="Last date (YYYY-MM-DD).")
@click.option("--min-confidence", type=float, default=None)
@click.option("--limit", type=int, default=None)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl", "csv", "parquet", "geojson"]),
    default="table",
    show_default=True,
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file (required for parquet).",
)
@click.pass_obj
def command(
    app: AppContext,
    event_type: tuple[str, ...],
    country: str | None,
    source: str | None,
    target: str | None,
    status: tuple[str, ...],
    since: str | None,
    until: str | None,
    min_confidence: float | None,
    limit: int | None,
    fmt: str,
    output: Path | None,
) -> None:
    """List stored events as a timeline, or export them (CSV, JSONL, Parquet, GeoJSON).

    \b
    Examples:
      spillover events --country AZE
      spillover events --type ASSAULT --status attempted --format jsonl
      spillover events --format parquet -o events.parquet
      spillover events --format geojson -o events.geojson   # opens in QGIS
    """
    flt = EventFilter(
        event_type=event_type or None,
        country=country,
        source=source,
        target=target,
        status=status or None,
        since=since,
        until=until,
        min_confidence=min_confidence,
        limit=limit,
    )
    events = app.store.events(flt)
    if fmt == "parquet":
        if output is None:
            raise InputError("--format parquet needs --output FILE")
        n = write_parquet(events, output)
        click.echo(f"wrote {n} events to {output}", err=True)
        return
    if fmt == "table":
        render_timeline(list(events), Console(), title="Stored events")
        return
    handle = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt == "geojson":
            n, skipped = write_geojson(events, handle)
            if skipped:
                click.echo(f"{skipped} events without coordinates left out of the GeoJSON", err=True)
        else:
            n = write_jsonl(events, handle) if fmt == "jsonl" else write_csv(events, handle)
    finally:
        if output:
            handle.close()
    if output:
        click.echo(f"wrote {n} events to {output}", err=True)
