"""Ingest a batch of inputs into the store: read, dedupe, code, write.

Documents are coded in batches (spaCy is much faster on batches) but written
one per transaction, so a crash or Ctrl-C loses at most the batch in flight,
which the next run picks up again: stored ids are content hashes and are
skipped before any NLP work is spent on them.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from spillover.ingest.readers import iter_paths, read_path
from spillover.records import Document, Event, IngestFailure, IngestOutcome, Sentence
from spillover.store.database import Store


class DocumentProcessor(Protocol):
    """What ingest needs from the NLP pipeline: code a batch of documents."""

    def process(self, docs: Sequence[Document]) -> list[tuple[list[Sentence], list[Event]]]:
        """Return sentences and events for each document, in order."""
        ...


@dataclass
class IngestSummary:
    """Counts and failure reasons of one ingest run."""

    run_id: str
    read: int = 0
    new: int = 0
    duplicate: int = 0
    failed: int = 0
    events: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    interrupted: bool = False


def _flush(
    pending: list[tuple[str, Document]],
    store: Store,
    processor: DocumentProcessor | None,
    summary: IngestSummary,
    notify: Callable[[IngestOutcome], None],
) -> None:
    if not pending:
        return
    docs = [doc for _, doc in pending]
    results = processor.process(docs) if processor else [([], []) for _ in docs]
    for (origin, doc), (sentences, events) in zip(pending, results, strict=True):
        stored = store.add_document(doc, sentences, events)
        status: Literal["new", "duplicate"] = "new" if stored else "duplicate"
        store.log(summary.run_id, origin, status, doc_id=doc.id)
        if stored:
            summary.new += 1
            summary.events += len(events)
        else:
            summary.duplicate += 1
        notify(IngestOutcome(origin, status, doc.id, events=len(events)))
    pending.clear()


def ingest(
    paths: Iterable[Path],
    store: Store,
    processor: DocumentProcessor | None,
    *,
    max_bytes: int,
    batch_size: int = 32,
    on_outcome: Callable[[IngestOutcome], None] | None = None,
    on_file: Callable[[Path], None] | None = None,
) -> IngestSummary:
    """Ingest every document under ``paths``.

    Args:
        paths: Files and directories (searched recursively).
        store: Where documents, sentences and events go.
        processor: Codes events; None stores documents only.
        max_bytes: Per-file size limit.
        batch_size: Documents coded together before they are written.
        on_outcome: Called for every item (new, duplicate, failed), e.g. to log.
        on_file: Called after each input file, e.g. to advance a progress bar.

    Returns:
        The run summary. A KeyboardInterrupt stops the run cleanly: whatever
        was written stays, ``interrupted`` is set, and a rerun resumes.

    """
    summary = IngestSummary(run_id=str(uuid.uuid4()))
    notify = on_outcome or (lambda _o: None)
    pending: list[tuple[str, Document]] = []
    seen_in_run: set[str] = set()
    try:
        for path in iter_paths(paths):
            for item in read_path(path, max_bytes):
                summary.read += 1
                if isinstance(item, IngestFailure):
                    summary.failed += 1
                    summary.failures.append(item)
                    store.log(summary.run_id, item.path, "failed", reason=item.reason)
                    notify(IngestOutcome(item.path, "failed", reason=item.reason))
                    continue
                origin = item.source if item.source and item.source.startswith(str(path)) else str(path)
                if item.id in seen_in_run or store.has_document(item.id):
                    summary.duplicate += 1
                    store.log(summary.run_id, origin, "duplicate", doc_id=item.id)
                    notify(IngestOutcome(origin, "duplicate", item.id))
                    continue
                seen_in_run.add(item.id)
                pending.append((origin, item))
                if len(pending) >= batch_size:
                    _flush(pending, store, processor, summary, notify)
            if on_file:
                on_file(path)
        _flush(pending, store, processor, summary, notify)
    except KeyboardInterrupt:
        summary.interrupted = True
    return summary
