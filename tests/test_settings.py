from __future__ import annotations

from pathlib import Path

import pytest

from spillover.errors import ConfigError
from spillover.settings import Settings, load_settings


def test_defaults_without_file_or_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = load_settings(environ={})
    assert settings == Settings(cache_dir=settings.cache_dir)
    assert settings.db == "sqlite:///spillover.db"


def test_precedence_file_env_cli(tmp_path: Path) -> None:
    config = tmp_path / "spillover.toml"
    config.write_text('[spillover]\ndb = "sqlite:///from-file.db"\nbatch_size = 8\nmin_confidence = 0.4\n')
    env = {"SPILLOVER_BATCH_SIZE": "16", "SPILLOVER_UNRELATED": "x"}
    settings = load_settings(config, {"min_confidence": 0.9, "db": None}, environ=env)
    assert settings.db == "sqlite:///from-file.db"  # file beats default; None CLI value ignored
    assert settings.batch_size == 16  # env beats file
    assert settings.min_confidence == 0.9  # CLI beats all


def test_config_found_in_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "spillover.toml").write_text('actor_files = ["a.tsv", "b.tsv"]\n')
    monkeypatch.chdir(tmp_path)
    settings = load_settings(environ={})
    assert settings.actor_files == (Path("a.tsv"), Path("b.tsv"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("db = ", "not valid TOML"),
        ("colour = 'red'", "unknown setting 'colour'"),
        ("batch_size = 'many'", "setting 'batch_size'"),
    ],
)
def test_bad_config_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    config = tmp_path / "bad.toml"
    config.write_text(content + "\n")
    with pytest.raises(ConfigError, match=message):
        load_settings(config, environ={})


def test_missing_explicit_config(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "nope.toml", environ={})


def test_bool_and_path_settings(tmp_path: Path) -> None:
    config = tmp_path / "spillover.toml"
    config.write_text('geocode = false\ncache_dir = "~/somewhere"\n')
    settings = load_settings(config, environ={"SPILLOVER_GEOCODE": "yes"})
    assert settings.geocode is True  # env beats file
    assert settings.cache_dir == Path("~/somewhere").expanduser()
    with pytest.raises(ConfigError, match="geocode"):
        load_settings(config, environ={"SPILLOVER_GEOCODE": "maybe"})
