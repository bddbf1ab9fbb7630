from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from spillover.errors import StoreError
from spillover.ingest.runner import ingest
from spillover.records import Actor, Document, Event, Evidence, Sentence
from spillover.store.database import Store

LIMIT = 5_000_000


class CountingProcessor:
    """Codes one fake event per document so writes of events are exercised too."""

    def __init__(self, fail_on_call: int | None = None) -> None:
        self.calls = 0
        self.fail_on_call = fail_on_call

    def process(self, docs: Sequence[Document]) -> list[tuple[list[Sentence], list[Event]]]:
        self.calls += 1
        if self.fail_on_call is not None and self.calls == self.fail_on_call:
            raise KeyboardInterrupt
        out = []
        for doc in docs:
            sentence = Sentence(doc.id, 0, 0, len(doc.text), doc.text)
            event = Event(
                id=Event.make_id(doc.id, (0, 5), "PROTEST", "x"),
                doc_id=doc.id,
                event_type="PROTEST",
                evidence=Evidence(doc.text, (0, len(doc.text)), doc.text[:5], "test:fake"),
                source=Actor(text="Students", code="XXXCVL", country=None, sector="CVL"),
            )
            out.append(([sentence], [event]))
        return out


def _write_corpus(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"doc{i:03d}.txt").write_text(
            f"Report number {i}: crowds gathered in square {i}.\n", encoding="utf-8"
        )


def test_ingest_counts_and_failures(fixtures: Path, tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'a.db'}")
    summary = ingest([fixtures / "ingest"], store, CountingProcessor(), max_bytes=LIMIT, batch_size=4)
    # 10 documents read successfully, one of which repeats another's text
    assert summary.new == 9
    assert summary.duplicate == 1
    assert summary.failed == 8  # broken.json, broken.rss#1, latin1, binary, empty, blank, 2 jsonl lines
    assert summary.events == 9
    reasons = " ".join(f.reason for f in summary.failures)
    for needle in ("UTF-8", "binary", "empty", "malformed JSON", "malformed feed"):
        assert needle in reasons
    assert store.counts()["documents"] == 9
    assert len(store.failures(summary.run_id)) == 8


def test_ingest_is_idempotent(fixtures: Path, tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'b.db'}")
    first = ingest([fixtures / "ingest"], store, CountingProcessor(), max_bytes=LIMIT)
    again = ingest([fixtures / "ingest"], store, CountingProcessor(), max_bytes=LIMIT)
    assert first.new == 9
    assert again.new == 0
    assert again.duplicate == first.new + first.duplicate
    counts = store.counts()
    assert counts["documents"] == 9
    assert counts["events"] == 9


def test_interrupted_ingest_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _write_corpus(corpus, 25)
    store = Store.open(f"sqlite:///{tmp_path / 'c.db'}")
    first = ingest([corpus], store, CountingProcessor(fail_on_call=3), max_bytes=LIMIT, batch_size=5)
    assert first.interrupted
    assert first.new == 10  # two full batches were written before the interrupt
    assert store.counts()["documents"] == 10
    second = ingest([corpus], store, CountingProcessor(), max_bytes=LIMIT, batch_size=5)
    assert not second.interrupted
    assert second.new == 15 and second.duplicate == 10
    counts = store.counts()
    assert counts["documents"] == 25 and counts["events"] == 25


def test_killed_cli_ingest_resumes(tmp_path: Path) -> None:
    """A real process killed mid-run (SIGKILL) loses nothing that was committed."""
    corpus = tmp_path / "corpus"
    _write_corpus(corpus, 400)
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "spillover", "--db", f"sqlite:///{db}", "ingest", "--no-code", str(corpus)]
    env = {**os.environ, "SPILLOVER_BATCH_SIZE": "1"}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if db.exists():
            try:
                stored = Store.open(f"sqlite:///{db}").counts()["documents"]
            except StoreError:  # the db may be mid-creation; poll again
                stored = 0
            if stored >= 20:
                break
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    rerun = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    store = Store.open(f"sqlite:///{db}")
    assert store.counts()["documents"] == 400
    assert "failed 0" in rerun.stderr
