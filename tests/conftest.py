"""Shared fixtures: paths to fixture files and to the optional shared eval data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from spillover.geo.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def shared_eval() -> Path:
    if not SHARED_EVAL.is_dir():
        pytest.skip("../shared/eval is not present (only on development machines)")
    return SHARED_EVAL


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The configured spaCy pipeline alone, loaded once per session (same fallback list as the CLI)."""
    from spillover.nlp.loader import load_nlp
    from spillover.settings import Settings

    return load_nlp(Settings().spacy_model)


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    """The real pipeline, loaded once per test session (spaCy takes ~2 s)."""
    from spillover.pipeline import Pipeline
    from spillover.settings import Settings

    return Pipeline.from_settings(Settings())


@pytest.fixture(scope="session")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gazetteer]:
    """A small gazetteer index (GeoNames cities15000, ~10 s to build) shared by the geo tests.

    Every place the unit tests use is in both it and the default cities500 index.
    """
    gaz = Gazetteer.open(tmp_path_factory.mktemp("geo-cache"), city_population=15000)
    yield gaz
    gaz.close()
