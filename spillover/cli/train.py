"""``spillover train``: fit the sentence classifier and report its cross-validated accuracy."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from spillover.cli.context import AppContext
from spillover.coding.classifier import load_labels
from spillover.coding.training import (
    FitOptions,
    cross_validate,
    example_texts,
    featurize,
    fit,
    read_examples,
    shipped_example_texts,
)


@click.command("train")
@click.argument("examples", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Where to write the model (.npz); use it with SPILLOVER_CLASSIFIER_FILE.",
)
@click.option("--folds", type=int, default=5, show_default=True, help="Cross-validation folds (0 = skip).")
@click.option("--version", "model_version", default=None, help="Version string stored in the model.")
@click.option("--l2", type=float, default=FitOptions.l2, show_default=True, help="L2 penalty.")
@click.option("--epochs", type=int, default=FitOptions.epochs, show_default=True, help="Full-batch steps.")
@click.pass_obj
def command(
    app: AppContext,
    examples: tuple[Path, ...],
    out: Path,
    folds: int,
    model_version: str | None,
    l2: float,
    epochs: int,
) -> None:
    """Train the sentence classifier on label<TAB>text files (the shipped examples by default).

    Labels must be those of spillover/data/training/labels.tsv. Before writing
    the model it prints k-fold cross-validated accuracy and macro-F1, which are
    also stored in the model's metadata.

    \b
    Examples:
      spillover train --out my_model.npz                      # refit the shipped examples
      spillover train my_examples.tsv spillover/data/training --out model.npz --folds 10
      SPILLOVER_CLASSIFIER_FILE=model.npz spillover extract article.txt
    """
    console = Console(stderr=True)
    labels = load_labels()
    texts = example_texts(list(examples)) if examples else shipped_example_texts()
    items = read_examples(texts, labels)
    if not items:
        raise click.UsageError("no training examples found")
    counts = Counter(e.label for e in items)
    console.print(f"{len(items)} examples, {len(counts)} labels, from {len(texts)} file(s)")
    from spillover.nlp.loader import load_nlp

    nlp = load_nlp(app.settings.spacy_model)
    options = FitOptions(l2=l2, epochs=epochs)
    with _progress(console) as progress:
        task = progress.add_task("parsing", total=len(items))
        features = []
        for i in range(0, len(items), 64):
            chunk = [e.text for e in items[i : i + 64]]
            features.extend(featurize(nlp, chunk))
            progress.advance(task, len(chunk))
        targets = [e.label for e in items]
        meta: dict[str, object] = {
            "version": model_version or f"clf-{datetime.now(UTC):%Y%m%d}",
            "trained": datetime.now(UTC).isoformat(timespec="seconds"),
            "examples": sorted({e.source for e in items}),
        }
        if folds > 1:
            cv_task = progress.add_task("cross-validating", total=folds)
            cv = cross_validate(
                features, targets, labels, folds, options, progress=lambda _n: progress.advance(cv_task)
            )
            meta.update(
                {
                    "cv_folds": cv.folds,
                    "cv_accuracy": round(cv.accuracy, 4),
                    "cv_macro_f1": round(cv.macro_f1, 4),
                    "cv_type_accuracy": round(cv.type_accuracy, 4),
                }
            )
        model = fit(features, targets, labels, options, meta)
    model.save(out)
    summary = [f"n={len(items)}", f"labels={len(counts)}", f"features={len(model.vocabulary)}"]
    if folds > 1:
        summary += [
            f"cv_accuracy={meta['cv_accuracy']}",
            f"cv_macro_f1={meta['cv_macro_f1']}",
            f"cv_type_accuracy={meta['cv_type_accuracy']}",
        ]
    click.echo(f"wrote {out}")
    click.echo(" ".join(summary))


def _progress(console: Console) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
