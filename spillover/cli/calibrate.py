"""``spillover calibrate``: fit the map from raw event scores to probabilities of being right."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from spillover.cli.context import AppContext
from spillover.coding.calibration import cross_validated, expected_calibration_error, fit_calibrator
from spillover.evaluation.gold import judge
from spillover.evaluation.gold_format import read_gold


@click.command("calibrate")
@click.argument("gold_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Where to write the calibration JSON.",
)
@click.option("--l2", type=float, default=0.01, show_default=True, help="L2 penalty on the coefficients.")
@click.pass_obj
def command(app: AppContext, gold_path: Path, out: Path, l2: float) -> None:
    """Fit confidence calibration on a spillover gold file (our format).

    Codes every gold article with the current rules and classifier, keeps
    every candidate event, marks each right or wrong against the gold, and
    fits a logistic map from the raw score and a few event traits to the
    share that is right. Prints the expected calibration error (ECE) before
    and after, leave-one-document-out, before writing the file.

    \b
    Examples:
      spillover calibrate spillover/data/demo/gold.json --out calibration.json
    """
    if not app.settings.classifier:
        raise click.UsageError("calibration is fitted for rules + classifier; drop --rules-only")
    pipeline = app.pipeline
    pipeline.calibrator = None  # fit on raw scores
    documents = read_gold(gold_path)
    predictions = pipeline.extract_texts([(d.text, d.date) for d in documents], min_confidence=0.0)
    groups = judge(documents, predictions)
    pairs = [pair for group in groups for pair in group]
    before, after = cross_validated(groups, l2)
    meta = {
        "fitted_on": gold_path.name,
        "fitted": datetime.now(UTC).isoformat(timespec="seconds"),
        "n_events": len(pairs),
        "share_correct": round(sum(ok for _, ok in pairs) / max(len(pairs), 1), 4),
        "loo_ece_raw": round(before, 4),
        "loo_ece_calibrated": round(after, 4),
    }
    calibrator = fit_calibrator(pairs, l2, meta=meta)
    in_sample = expected_calibration_error([(calibrator.probability(e), ok) for e, ok in pairs])
    calibrator.save(out)
    click.echo(f"wrote {out}")
    click.echo(
        f"n={len(pairs)} share_correct={meta['share_correct']} loo_ece_raw={before:.3f} "
        f"loo_ece_calibrated={after:.3f} in_sample_ece={in_sample:.3f}"
    )
