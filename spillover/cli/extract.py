"""``spillover extract``: code one document and print its events, storing nothing."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click
from rich.console import Console

from spillover.cli.context import AppContext
from spillover.cli.output import render_timeline, write_csv, write_jsonl
from spillover.errors import InputError
from spillover.ingest.readers import read_path
from spillover.records import Document, IngestFailure


def _load(path: str, doc_date: date | None, max_bytes: int) -> Document:
    if path == "-":
        text = sys.stdin.read()
        if not text.strip():
            raise InputError("standard input is empty")
        return Document.from_text(text.strip(), published=doc_date, source="stdin")
    items = list(read_path(Path(path), max_bytes))
    if not items:
        raise InputError(f"{path}: no document found")
    item = items[0]
    if isinstance(item, IngestFailure):
        raise InputError(f"{item.path}: {item.reason}")
    if doc_date is not None:
        return Document(item.id, item.text, item.title, item.source, item.url, doc_date, item.language)
    return item


@click.command("extract")
@click.argument("path")
@click.option(
    "--doc-date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Document date (YYYY-MM-DD) for resolving relative dates; overrides front matter.",
)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table", "csv"]), default="jsonl", show_default=True)
@click.pass_obj
def command(app: AppContext, path: str, doc_date: object, fmt: str) -> None:
    """Code one document (a file, or - for standard input) and print its events.

    \b
    Examples:
      spillover extract article.txt --format table
      echo "Iran fired missiles at Israel on Tuesday." | spillover extract - --doc-date 2026-03-05
    """
    when = doc_date.date() if doc_date is not None else None  # type: ignore[attr-defined]
    document = _load(path, when, app.settings.max_document_bytes)
    events = app.pipeline.extract_document(document)
    if fmt == "jsonl":
        write_jsonl(events, sys.stdout)
    elif fmt == "csv":
        write_csv(events, sys.stdout)
    else:
        render_timeline(events, Console(), title=document.title or path)
