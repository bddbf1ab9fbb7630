"""Error hierarchy.

Every error a user can cause or fix derives from :class:`SpilloverError`; the CLI
turns each into one clear message and a distinct exit code instead of a
traceback. Library code raises these and never exits the process itself.
"""

from __future__ import annotations


class SpilloverError(Exception):
    """Base class of every error spillover reports to a person."""

    exit_code = 1


class ConfigError(SpilloverError):
    """A setting is invalid (bad TOML, unknown key, wrong type)."""

    exit_code = 2


class DataFileError(SpilloverError):
    """A shipped or user-supplied data file (lexicon, actors, places) is malformed."""

    exit_code = 3


class InputError(SpilloverError):
    """An input document cannot be read: binary, not UTF-8, empty, too large, malformed."""

    exit_code = 4


class StoreError(SpilloverError):
    """The database cannot be opened, migrated or written."""

    exit_code = 5


class ModelError(SpilloverError):
    """The spaCy pipeline named in the settings cannot be loaded."""

    exit_code = 6


class EvalFormatError(SpilloverError):
    """A gold file cannot be read in the requested evaluation format."""

    exit_code = 7
