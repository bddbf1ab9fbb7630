"""Shared state of one CLI invocation: resolved settings and lazily opened parts.

The store and the NLP pipeline are opened on first use only, so ``--help`` and
cheap commands stay instant.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spillover.settings import Settings
from spillover.store.database import Store

if TYPE_CHECKING:
    from spillover.pipeline import Pipeline


@dataclass
class AppContext:
    """Passed to every command as the click context object."""

    settings: Settings
    _store: Store | None = field(default=None, repr=False)
    _pipeline: Pipeline | None = field(default=None, repr=False)

    @property
    def store(self) -> Store:
        """The store at ``settings.db``, opened and migrated on first use."""
        if self._store is None:
            self._store = Store.open(self.settings.db)
        return self._store

    @property
    def pipeline(self) -> Pipeline:
        """The coding pipeline, loaded on first use (a second or two for spaCy)."""
        if self._pipeline is None:
            from spillover.pipeline import Pipeline

            self._pipeline = Pipeline.from_settings(self.settings)
        return self._pipeline

    def close(self) -> None:
        """Release the store's connections."""
        if self._store is not None:
            self._store.close()
