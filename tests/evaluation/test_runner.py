import subprocess
import sys
from pathlib import Path

import pytest

from spillover.errors import EvalFormatError
from spillover.evaluation.report import EvalReport
from spillover.evaluation.runner import FORMATS, EvalFormat, extract_checked, run_eval, with_formats
from tests.evaluation.common import FIXTURES

SMALL = {
    "gold": FIXTURES / "gold" / "gold.json",
    "conflibert-class": FIXTURES / "conflibert_small.tsv",
    "case2021": FIXTURES / "case2021_small.tsv",
    "petrarch": FIXTURES / "petrarch_small.xml",
    "plover": FIXTURES / "plover_small.json",
}


def no_events(items):
    return [[] for _ in items]


def evaluate_component(path: Path, limit: int | None = None, flavour: str = "plain") -> EvalReport:
    """A format that needs no extractor, like the geo-xml and timeml readers."""
    return EvalReport(name=f"component {path.name}", summary={"n": 1, "limit": limit or 0, "flavour": len(flavour)})


def test_registry_names_and_functions():
    assert set(SMALL) <= set(FORMATS)
    for name, spec in FORMATS.items():
        assert spec.name == name
        assert spec.function.startswith("evaluate_")
        assert callable(spec.load())
    assert all(FORMATS[name].needs_extractor for name in SMALL)
    with pytest.raises(TypeError):
        FORMATS["x"] = FORMATS["gold"]  # read-only: add formats in runner.py or via with_formats


@pytest.mark.parametrize("fmt", sorted(SMALL))
def test_run_eval_every_format(fmt: str):
    report = run_eval(fmt, SMALL[fmt], no_events, limit=2)
    assert isinstance(report, EvalReport)
    first = next(iter(report.summary))
    # n / n_docs after the limit; petrarch counts gold codings (its 2nd sentence has two)
    assert report.summary[first] == (3 if fmt == "petrarch" else 2)
    assert report.render_text().splitlines()[-1].startswith(f"{first}=")


def test_unknown_format_and_missing_file(tmp_path: Path):
    with pytest.raises(EvalFormatError, match=r"unknown evaluation format 'acled'.*case2021"):
        run_eval("acled", SMALL["gold"], no_events)
    with pytest.raises(EvalFormatError, match="does not exist"):
        run_eval("gold", tmp_path / "nope.json", no_events)
    with pytest.raises(EvalFormatError, match="does not exist"):
        run_eval("gold", tmp_path, no_events)
    with pytest.raises(EvalFormatError, match="needs an extractor"):
        run_eval("plover", SMALL["plover"], None)
    with pytest.raises(EvalFormatError, match="--limit"):
        run_eval("plover", SMALL["plover"], no_events, limit=-1)


def test_unreadable_file_is_a_format_error(tmp_path: Path):
    binary = tmp_path / "latin1.tsv"
    binary.write_bytes("Caf\xe9 attacked.\t4\n".encode("latin-1"))
    with pytest.raises(EvalFormatError, match="not UTF-8"):
        run_eval("conflibert-class", binary, no_events)


def test_formats_without_extractor_get_options():
    formats = with_formats(EvalFormat("component", __name__, "evaluate_component", needs_extractor=False))
    assert "component" not in FORMATS and "gold" in formats
    report = run_eval("component", SMALL["gold"], None, limit=3, formats=formats, options={"flavour": "geo"})
    assert report.summary == {"n": 1, "limit": 3, "flavour": 3}


def test_extract_checked_refuses_wrong_lengths():
    assert extract_checked(no_events, []) == []
    with pytest.raises(ValueError, match="1 event lists for 2 texts"):
        extract_checked(lambda items: [[]], [("a", None), ("b", None)])


def test_importing_runner_is_cheap():
    code = (
        "import sys, spillover.evaluation.runner as r; "
        "print(any(m in sys.modules for m in ('spillover.evaluation.gold', 'spacy', 'spillover.evaluation.petrarch')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
