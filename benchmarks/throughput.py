"""Throughput and peak memory of `extract` versus the bare spaCy pipeline.

Peak memory: each mode runs in its own subprocess, so that peak RSS
(ru_maxrss) belongs to that mode alone.

Baseline: the bare spaCy pipeline is the installed English pipeline as
spaCy loads it, without spillover's own paragraph and parse-repair
components (those are part of what extract costs).

Speed: on a shared machine the bare spaCy rate drifts by a third between runs
of a minute apart, far more than the margin the ratio is judged by. So the
ratio is measured in one more subprocess that loads the pipeline once and
times the two modes in alternating rounds (spaCy, extract, extract, spaCy, ...)
on the same texts; drift then falls on both sides alike. The reported ratio
is total extract rate over total spaCy rate across the rounds; the per-round
ratios are printed so the spread is visible.

The corpus is repeated until it has at least --min-docs documents, so short
corpora still give stable timings.

Usage:
    python benchmarks/throughput.py [CORPUS_DIR] [--min-docs 200] [--rounds 4] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

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


def _bare_nlp() -> Any:
    from spillover.nlp.loader import load_nlp
    from spillover.settings import Settings

    return load_nlp(Settings().spacy_model, repairs=False)


def _time_spacy(nlp: Any, texts: list[str]) -> float:
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - start


def _time_extract(pipeline: Any, texts: list[str], tag: str) -> float:
    from spillover.records import Document

    docs = [Document.from_text(t + f"\n[{tag}{i}]") for i, t in enumerate(texts)]
    start = time.perf_counter()
    pipeline.process(docs)
    return time.perf_counter() - start


def run_paired(corpus: Path, min_docs: int, rounds: int) -> dict[str, Any]:
    """Time both modes in alternating rounds in this process (called in a child process)."""
    from spillover.pipeline import Pipeline
    from spillover.settings import Settings

    texts = _load_texts(corpus, min_docs)
    pipeline = Pipeline.from_settings(Settings())
    bare = _bare_nlp()
    _time_spacy(bare, texts[:4])
    _time_extract(pipeline, texts[:4], "warm")
    spacy_s: list[float] = []
    extract_s: list[float] = []
    for r in range(rounds):
        if r % 2 == 0:
            spacy_s.append(_time_spacy(bare, texts))
            extract_s.append(_time_extract(pipeline, texts, f"r{r}-"))
        else:
            extract_s.append(_time_extract(pipeline, texts, f"r{r}-"))
            spacy_s.append(_time_spacy(bare, texts))
    return {"docs": len(texts), "spacy_seconds": spacy_s, "extract_seconds": extract_s}


def run_mode(mode: str, corpus: Path, min_docs: int) -> dict[str, float]:
    """Time one mode in this process (called in a child process)."""
    from spillover.pipeline import Pipeline
    from spillover.records import Document
    from spillover.settings import Settings

    texts = _load_texts(corpus, min_docs)
    warm = texts[:4]
    if mode == "spacy":
        bare = _bare_nlp()
        list(bare.pipe(warm))
        start = time.perf_counter()
        n_tokens = sum(len(doc) for doc in bare.pipe(texts, batch_size=32))
        elapsed = time.perf_counter() - start
        n_events = 0
    else:
        pipeline = Pipeline.from_settings(Settings())
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


def _child(args: argparse.Namespace, mode: str) -> Any:
    out = subprocess.run(
        [
            sys.executable,
            __file__,
            str(args.corpus),
            "--min-docs",
            str(args.min_docs),
            "--rounds",
            str(args.rounds),
            "--mode",
            mode,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--min-docs", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=4, help="alternating timing rounds per mode (default 4)")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--mode", choices=["spacy", "extract", "paired"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode == "paired":
        print(json.dumps(run_paired(args.corpus, args.min_docs, args.rounds)))
        return
    if args.mode:
        print(json.dumps(run_mode(args.mode, args.corpus, args.min_docs)))
        return
    results = {mode: _child(args, mode) for mode in ("spacy", "extract")}
    paired = _child(args, "paired")
    n = paired["docs"]
    round_ratios = [s / e for s, e in zip(paired["spacy_seconds"], paired["extract_seconds"], strict=True)]
    ratio = sum(paired["spacy_seconds"]) / sum(paired["extract_seconds"])
    print(f"corpus: {args.corpus} ({results['spacy']['docs']} documents)")
    print("separate processes (memory; one timing each):")
    print(f"{'mode':<10}{'docs/s':>10}{'seconds':>10}{'peak MB':>10}{'events':>10}")
    for mode, r in results.items():
        print(f"{mode:<10}{r['docs_per_s']:>10.1f}{r['seconds']:>10.2f}{r['peak_mb']:>10.0f}{r['events']:>10}")
    print(f"paired rounds in one process ({args.rounds} rounds of {n} documents per mode):")
    for i, (s, e) in enumerate(zip(paired["spacy_seconds"], paired["extract_seconds"], strict=True)):
        print(f"  round {i + 1}: spacy {n / s:6.1f} docs/s  extract {n / e:6.1f} docs/s  ratio {s / e:.2f}")
    print(f"ratio extract/spacy = {ratio:.2f} (rounds {min(round_ratios):.2f}-{max(round_ratios):.2f})")
    if args.json:
        args.json.write_text(json.dumps({**results, "paired": paired, "ratio": ratio}, indent=2))


if __name__ == "__main__":
    main()
