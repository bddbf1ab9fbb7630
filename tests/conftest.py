"""Shared fixtures: paths to fixture files and to the optional shared eval data."""

from __future__ import annotations

from pathlib import Path

import pytest

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
def pipeline():  # type: ignore[no-untyped-def]
    """The real pipeline, loaded once per test session (spaCy takes ~2 s)."""
    from spillover.pipeline import Pipeline
    from spillover.settings import Settings

    return Pipeline.from_settings(Settings())
