from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from spillover.cli.main import cli

pytestmark = pytest.mark.slow  # loads the real spaCy pipeline

SCENE = (
    "BAKU, March 5 — Iranian drones struck the airport terminal in Nakhchivan on Thursday. "
    "Azerbaijan condemned the attack and demanded an apology from Iran."
)


def _run(args: list[str], db: Path, stdin: str | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", f"sqlite:///{db}", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_help_lists_commands_with_examples() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in ("ingest", "extract", "events", "eval", "demo"):
        assert name in result.output
    assert "Examples" in result.output


def test_extract_jsonl_from_stdin(tmp_path: Path) -> None:
    code, out, _err = _run(["extract", "-", "--doc-date", "2026-03-05"], tmp_path / "x.db", stdin=SCENE)
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert records, "expected coded events"
    fields = {
        "id",
        "doc_id",
        "event_type",
        "mode",
        "context",
        "cameo",
        "quad_class",
        "intensity",
        "source",
        "target",
        "location",
        "date",
        "date_precision",
        "status",
        "confidence",
        "sentence",
        "span",
        "trigger",
        "coder",
    }
    assert fields <= set(records[0])
    types = {r["event_type"] for r in records}
    assert "ASSAULT" in types
    assault = next(r for r in records if r["event_type"] == "ASSAULT")
    assert assault["source"]["country"] == "IRN"
    assert SCENE[assault["span"][0] : assault["span"][1]] == assault["sentence"]
    assert not (tmp_path / "x.db").exists()  # extract stores nothing


def test_extract_csv_and_table(tmp_path: Path) -> None:
    code, out, _ = _run(["extract", "-", "--format", "csv"], tmp_path / "x.db", stdin=SCENE)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and rows[0]["event_type"]
    code, out, _ = _run(["extract", "-", "--format", "table"], tmp_path / "x.db", stdin=SCENE)
    assert code == 0 and "ASSAULT" in out


def test_extract_bad_input_is_one_clear_error(tmp_path: Path, fixtures: Path) -> None:
    code, _out, err = _run(["extract", str(fixtures / "ingest" / "latin1.txt")], tmp_path / "x.db")
    assert code == 4
    assert "not valid UTF-8" in err
    assert "Traceback" not in err


def test_ingest_then_events_exports(tmp_path: Path, fixtures: Path) -> None:
    db = tmp_path / "s.db"
    code, _out, err = _run(["ingest", str(fixtures / "ingest")], db)
    assert code == 0
    assert "new 9" in err and "failed 8" in err
    code, _out, err = _run(["ingest", str(fixtures / "ingest")], db)
    assert "new 0" in err and "duplicate 10" in err
    code, out, _ = _run(["events", "--format", "jsonl"], db)
    assert code == 0
    events = [json.loads(line) for line in out.splitlines()]
    assert events
    parquet = tmp_path / "events.parquet"
    code, _out, err = _run(["events", "--format", "parquet", "-o", str(parquet)], db)
    assert code == 0 and parquet.stat().st_size > 0
    import duckdb

    n = duckdb.sql(f"select count(*) from '{parquet}'").fetchone()
    assert n is not None and n[0] == len(events)


def test_strict_ingest_exits_nonzero_on_failures(tmp_path: Path, fixtures: Path) -> None:
    code, _out, _err = _run(
        ["ingest", "--strict", "--no-code", str(fixtures / "ingest" / "empty.txt")], tmp_path / "s.db"
    )
    assert code == 4


def test_bad_config_exit_code(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("nonsense = 1\n")
    result = CliRunner().invoke(cli, ["--config", str(bad), "events"])
    assert result.exit_code == 2
    assert "unknown setting 'nonsense'" in result.stderr


def test_eval_prints_summary_last_line_and_json(tmp_path: Path) -> None:
    fixtures = Path(__file__).resolve().parents[1] / "evaluation" / "fixtures" / "timeml"
    out = tmp_path / "report.json"
    result = CliRunner().invoke(cli, ["eval", "timeml", str(fixtures), "--json", str(out)])
    assert result.exit_code == 0, result.output
    last = result.stdout.strip().splitlines()[-1]
    pairs = dict(item.split("=") for item in last.split())
    assert {"value_acc", "n", "docs"} <= set(pairs)
    assert json.loads(out.read_text())["summary"]["n"] == int(pairs["n"])


def test_eval_gold_on_demo_with_limit(tmp_path: Path) -> None:
    from importlib.resources import files

    gold = Path(str(files("spillover") / "data" / "demo" / "gold.json"))
    result = CliRunner().invoke(cli, ["eval", "gold", str(gold), "--limit", "2"])
    assert result.exit_code == 0, result.output
    assert "n_docs=2" in result.stdout.strip().splitlines()[-1]


def test_events_geojson_export(tmp_path: Path, fixtures: Path) -> None:
    db = tmp_path / "g.db"
    text = tmp_path / "a.txt"
    text.write_text("---\ndate: 2026-03-05\n---\nBAKU, March 5 — Iranian drones struck the airport in Nakhchivan.\n")
    code, _out, _err = _run(["ingest", str(text)], db)
    assert code == 0
    out = tmp_path / "e.geojson"
    code, _out, err = _run(["events", "--format", "geojson", "-o", str(out)], db)
    assert code == 0, err
    data = json.loads(out.read_text())
    assert data["type"] == "FeatureCollection" and data["features"]
    lon, lat = data["features"][0]["geometry"]["coordinates"]
    assert abs(lat - 39.2) < 0.5 and abs(lon - 45.4) < 0.5
