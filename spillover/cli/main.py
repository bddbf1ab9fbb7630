"""The ``spillover`` command: a thin click layer over the library.

Every command resolves settings the same way (defaults → spillover.toml →
SPILLOVER_* env → these options) and every :class:`SpilloverError` becomes one
line on stderr and the error's exit code, never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from spillover import __version__
from spillover.cli.context import AppContext
from spillover.errors import SpilloverError
from spillover.settings import load_settings


class SpilloverGroup(click.Group):
    """Click group that reports spillover errors as one clear line."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command, mapping SpilloverError to a message and exit code."""
        try:
            return super().invoke(ctx)
        except SpilloverError as exc:
            click.secho(f"error: {exc}", fg="red", err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=SpilloverGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="spillover")
@click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="TOML config file (default: ./spillover.toml if present).",
)
@click.option("--db", default=None, help="SQLAlchemy URL of the store (default sqlite:///spillover.db).")
@click.option("--model", "spacy_model", default=None, help="spaCy pipeline name(s), comma-separated.")
@click.option(
    "--classifier/--rules-only",
    "classifier",
    default=None,
    help="Reconcile rules with the learned sentence classifier (default) or code with rules alone.",
)
@click.pass_context
def cli(
    ctx: click.Context, config: Path | None, db: str | None, spacy_model: str | None, classifier: bool | None
) -> None:
    """Turn crisis news into coded, explainable event data.

    \b
    Examples:
      spillover demo                              # code the bundled demo articles
      spillover ingest news/ feeds/world.rss      # store and code documents
      spillover extract article.txt --format table
      spillover events --country AZE --format csv > aze.csv
      spillover eval gold spillover/data/demo/gold.json
    """
    settings = load_settings(config, {"db": db, "spacy_model": spacy_model, "classifier": classifier})
    app = AppContext(settings)
    ctx.obj = app
    ctx.call_on_close(app.close)


def _register() -> None:
    from spillover.cli import calibrate, demo, eval_cmd, events, extract, ingest, train

    for module in (ingest, extract, events, eval_cmd, demo, train, calibrate):
        cli.add_command(module.command)


_register()


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="spillover")
