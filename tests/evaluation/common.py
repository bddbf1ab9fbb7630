"""Paths and markers shared by the evaluation tests."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="shared evaluation data (../shared/eval) not present")
