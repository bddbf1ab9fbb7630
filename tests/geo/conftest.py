"""Fixtures of the geo tests: one small gazetteer index per test session.

The index is built from GeoNames' cities15000 file (about 10 s) instead of the
default cities500 (about 40 s); every place the tests use is in both.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from spillover.geo.gazetteer import Gazetteer
from spillover.geo.resolver import ToponymResolver


@pytest.fixture(scope="session")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gazetteer]:
    gaz = Gazetteer.open(tmp_path_factory.mktemp("geo-cache"), city_population=15000)
    yield gaz
    gaz.close()


@pytest.fixture(scope="session")
def resolver(gazetteer: Gazetteer) -> ToponymResolver:
    return ToponymResolver(gazetteer)
