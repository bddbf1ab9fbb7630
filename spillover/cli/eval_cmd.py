"""``spillover eval``: measure extraction against gold files."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import click

from spillover.cli.context import AppContext
from spillover.evaluation.runner import FORMATS, run_eval, run_record_eval


@click.command("eval")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(sorted(FORMATS)))
@click.argument("gold_path", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the full report as JSON.",
)
@click.option("--limit", type=int, default=None, help="Score only the first N items (quick checks).")
@click.pass_obj
def command(app: AppContext, fmt: str, gold_path: Path, json_out: Path | None, limit: int | None) -> None:
    """Score extraction against a gold file; the last line is a key=value summary.

    \b
    FORMAT is one of: gold (ours), conflibert-class, case2021, petrarch, plover,
    geo-xml, event-location, timeml.
    \b
    Examples:
      spillover eval gold spillover/data/demo/gold.json
      spillover eval conflibert-class ../shared/eval/conflibert_cameo/cameo_class/train.tsv
      spillover eval plover PLOVER_GSR.json --json report.json
      spillover eval timeml ../shared/eval/timebank_tbaq_cleaned
      spillover eval geo-xml ../shared/eval/geoparsing_gritta/GWN.xml
      spillover eval event-location ../shared/eval/event_location_halterman/labeled_text.jsonl.zip
    """
    spec = FORMATS[fmt]
    extract = None
    if spec.needs_extractor:
        pipeline = app.pipeline
        # Sentence classification takes the best candidate, however weak; document-level
        # formats are scored at the configured confidence threshold, as users see them;
        # record-level formats get every candidate and are scored both ways (run_record_eval).
        floor = 0.0 if spec.sentence_level or spec.record_level else None
        extract = functools.partial(pipeline.extract_texts, min_confidence=floor)
    options: dict[str, Any] | None = None
    if spec.needs_nlp:
        from spillover.nlp.loader import load_nlp

        options = {"nlp": load_nlp(app.settings.spacy_model), "cache_dir": app.settings.cache_dir}
    if spec.text_kind:  # what kind of report a text without events is (disaster, crime) comes from the classifier
        options = {"classify": app.pipeline.classify_texts}
    if spec.record_level and extract is not None:  # every candidate; run_record_eval applies the thresholds
        settings = app.settings
        report = run_record_eval(
            fmt, gold_path, extract, settings.min_confidence, settings.min_confidence_secondary, limit
        )
    else:
        report = run_eval(fmt, gold_path, extract, limit=limit, options=options)
    click.echo(report.render_text())
    if json_out is not None:
        json_out.write_text(json.dumps(report.to_json(), indent=2, ensure_ascii=False), encoding="utf-8")
