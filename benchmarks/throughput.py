"""Throughput and peak memory of `extract` versus the bare spaCy pipeline.

Each mode runs in its own subprocess so that peak RSS (ru_maxrss) belongs to
that mode alone. The corpus is repeated until it has at least --min-docs
documents, so short corpora still give stable timings.

Usage:
    python benchmarks/throughput.py [CORPUS_DIR] [--min-docs 200] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / "spillover" / "data" / "demo" / "articles"


def _load_texts(corpus: Path, min_docs: int) -> list[str]:
    from spillover.ingest.readers import read_documents
    from spillover.records import Document

    docs = [d for d in read_documents([corpus], 50_000_000) if isinstance(d, Document)]
    if not docs:
        raise SystemExit(f"no documents under {corpus}")
    texts = [d.text for d in docs]
    while len(texts) < min_docs:
        texts.extend(d.text for d in docs)
    return texts[: max(min_docs, len(docs))]


def run_mode(mode: str, corpus: Path, min_docs: int) -> dict[str, float]:
    """Time one mode in this process (called in a child process)."""
    from spillover.pipeline import Pipeline
    from spillover.records import Document
    from spillover.settings import Settings

    texts = _load_texts(corpus, min_docs)
    pipeline = Pipeline.from_settings(Settings())
    warm = texts[:4]
    if mode == "spacy":
        list(pipeline.nlp.pipe(warm))
        start = time.perf_counter()
        n_tokens = sum(len(doc) for doc in pipeline.nlp.pipe(texts, batch_size=32))
        elapsed = time.perf_counter() - start
        n_events = 0
    else:
        pipeline.process([Document.from_text(t) for t in warm])
        docs = [Document.from_text(t + f"\n[{i}]") for i, t in enumerate(texts)]
        start = time.perf_counter()
        results = pipeline.process(docs)
        elapsed = time.perf_counter() - start
        n_tokens = 0
        n_events = sum(len(events) for _s, events in results)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "docs": len(texts),
        "seconds": elapsed,
        "docs_per_s": len(texts) / elapsed,
        "peak_mb": peak_mb,
        "tokens": n_tokens,
        "events": n_events,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--min-docs", type=int, default=200)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--mode", choices=["spacy", "extract"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.corpus, args.min_docs)))
        return
    results = {}
    for mode in ("spacy", "extract"):
        out = subprocess.run(
            [sys.executable, __file__, str(args.corpus), "--min-docs", str(args.min_docs), "--mode", mode],
            capture_output=True,
            text=True,
            check=True,
        )
        results[mode] = json.loads(out.stdout.strip().splitlines()[-1])
    ratio = results["extract"]["docs_per_s"] / results["spacy"]["docs_per_s"]
    print(f"corpus: {args.corpus} ({results['spacy']['docs']} documents)")
    print(f"{'mode':<10}{'docs/s':>10}{'seconds':>10}{'peak MB':>10}{'events':>10}")
    for mode, r in results.items():
        print(f"{mode:<10}{r['docs_per_s']:>10.1f}{r['seconds']:>10.2f}{r['peak_mb']:>10.0f}{r['events']:>10}")
    print(f"ratio extract/spacy = {ratio:.2f}")
    if args.json:
        args.json.write_text(json.dumps({**results, "ratio": ratio}, indent=2))


if __name__ == "__main__":
    main()
