"""``spillover demo``: code the bundled demo articles and print their timeline."""

from __future__ import annotations

from importlib.resources import as_file, files

import click
from rich.console import Console

from spillover.cli.context import AppContext
from spillover.cli.ingest import run_ingest
from spillover.cli.output import render_timeline
from spillover.store.database import EventFilter


@click.command("demo")
@click.option(
    "--min-confidence",
    type=float,
    default=0.3,
    show_default=True,
    help="Hide events below this confidence in the printed timeline.",
)
@click.pass_obj
def command(app: AppContext, min_confidence: float) -> None:
    """Ingest the bundled demo articles into the store and print a timeline.

    The articles (written for spillover) follow the 2026 Iran–Israel–US war
    spilling into Türkiye and Azerbaijan, plus unrelated crises. Running it
    twice stores nothing new: ingest is idempotent.
    """
    with as_file(files("spillover") / "data" / "demo" / "articles") as folder:
        run_ingest(app, [folder], code=True)
    console = Console()
    by_doc: dict[str, str] = {d.id: d.title or d.id for d in app.store.documents()}
    events = [e for e in app.store.events(EventFilter(min_confidence=min_confidence)) if e.doc_id in by_doc]
    render_timeline(
        events,
        console,
        title=f"Timeline: {len(events)} events from {len(by_doc)} documents (* = dated by the report, not the text)",
    )
