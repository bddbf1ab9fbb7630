"""Fixtures of the geo tests (the small session gazetteer lives in tests/conftest.py)."""

from __future__ import annotations

import pytest

from spillover.geo.gazetteer import Gazetteer
from spillover.geo.resolver import ToponymResolver


@pytest.fixture(scope="session")
def resolver(gazetteer: Gazetteer) -> ToponymResolver:
    return ToponymResolver(gazetteer)
