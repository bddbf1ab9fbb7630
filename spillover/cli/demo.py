"""``spillover demo``: code the bundled demo articles and print their timeline."""

from __future__ import annotations

from datetime import timedelta
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
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help="Also show background events dated long before the reports (history paragraphs).",
)
@click.pass_obj
def command(app: AppContext, min_confidence: float, show_all: bool) -> None:
    """Ingest the bundled demo articles into the store and print a timeline.

    The articles (written for spillover) follow the 2026 Iran–Israel–US war
    spilling into Türkiye and Azerbaijan, plus unrelated crises. Running it
    twice stores nothing new: ingest is idempotent.
    """
    with as_file(files("spillover") / "data" / "demo" / "articles") as folder:
        run_ingest(app, [folder], code=True)
    console = Console()
    docs = {d.id: d for d in app.store.documents()}
    events = [e for e in app.store.events(EventFilter(min_confidence=min_confidence)) if e.doc_id in docs]
    hidden = 0
    if not show_all:
        kept = []
        for event in events:
            published = docs[event.doc_id].published
            # background: dated more than a month before the report that mentions it
            if event.date and published and event.date[:7] < (published - timedelta(days=31)).isoformat()[:7]:
                hidden += 1
                continue
            kept.append(event)
        events = kept
    render_timeline(
        events,
        console,
        title=f"Timeline: {len(events)} events from {len(docs)} documents (* = dated by the report, not the text)",
    )
    if hidden:
        console.print(
            f"[dim]{hidden} background events dated long before their reports are hidden; --all shows them[/dim]"
        )
