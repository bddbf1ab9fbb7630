"""``spillover ingest``: store and code documents from files, folders and feeds."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from spillover.cli.context import AppContext
from spillover.ingest.readers import iter_paths
from spillover.ingest.runner import IngestSummary, ingest


def print_summary(summary: IngestSummary, console: Console) -> None:
    """The end-of-run report: counts, then every failure with its reason."""
    console.print(
        f"read {summary.read}  new {summary.new}  duplicate {summary.duplicate}  "
        f"failed {summary.failed}  events {summary.events}"
    )
    for failure in summary.failures:
        console.print(f"  [red]failed[/red] {failure.path}: {failure.reason}", highlight=False)
    if summary.interrupted:
        console.print("[yellow]interrupted[/yellow]: everything listed as new is stored; rerun to resume.")


def run_ingest(app: AppContext, paths: list[Path], *, code: bool, quiet: bool = False) -> IngestSummary:
    """Ingest ``paths`` with a progress bar on stderr; shared with ``spillover demo``."""
    console = Console(stderr=True)
    files = list(iter_paths(paths))
    processor = app.pipeline if code else None
    with Progress(
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files"),
        TimeElapsedColumn(),
        console=console,
        disable=quiet or len(files) < 2,
        transient=True,
    ) as progress:
        task = progress.add_task("ingest", total=len(files))
        summary = ingest(
            files,
            app.store,
            processor,
            max_bytes=app.settings.max_document_bytes,
            batch_size=app.settings.batch_size,
            on_file=lambda _p: progress.advance(task),
        )
    print_summary(summary, console)
    return summary


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--no-code", is_flag=True, help="Store documents only; do not code events.")
@click.option("--strict", is_flag=True, help="Exit with status 4 if any document failed.")
@click.pass_obj
def command(app: AppContext, paths: tuple[Path, ...], no_code: bool, strict: bool) -> None:
    """Store and code documents: .txt (front matter), .html, .json/.jsonl, RSS/Atom, folders.

    Idempotent: a document already stored (same text) is skipped. Bad files are
    reported one by one and the rest of the batch goes on; an interrupted run
    resumes when run again.

    \b
    Examples:
      spillover ingest spillover/data/demo/articles
      spillover ingest feed.rss exports/*.jsonl --db sqlite:///crisis.db
    """
    summary = run_ingest(app, list(paths), code=not no_code)
    if summary.interrupted:
        raise SystemExit(130)
    if strict and summary.failed:
        raise SystemExit(4)
