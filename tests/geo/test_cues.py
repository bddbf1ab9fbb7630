from __future__ import annotations

from pathlib import Path

import pytest

from spillover.errors import DataFileError
from spillover.geo.cues import locale_cues, read_cues


def test_shipped_currency_cues() -> None:
    assert locale_cues("The council approved a $765,000 financing package on Tuesday.") == ["USA"]
    assert locale_cues("Repairs will cost £2.4m, the borough said.") == ["GBR"]
    assert locale_cues("It cost $5 and then £3 more; another $2.") == ["USA", "GBR"]
    # other currencies written with the same sign do not count
    assert locale_cues("Tunisia received US$500 million and Canada pledged C$20 million.") == []
    assert locale_cues("Tickets cost E£100 in Cairo.") == []
    assert locale_cues("No money is mentioned here.") == []


def test_american_time_style_cues_the_united_states() -> None:
    assert locale_cues("A neighbour called police at 9:37 a.m. Sunday.") == ["USA"]
    assert locale_cues("Police were called at 9.37am on Sunday.") == []


def test_read_cues_with_comments_and_regions(tmp_path: Path) -> None:
    table = tmp_path / "cues.tsv"
    table.write_text("# a comment\ncue\tregion\tnotes\nTenn.\tUSA.TN\tAP style\nR$\tBRA\t\n", encoding="utf-8")
    assert [(c.cue, c.region) for c in read_cues(table)] == [("Tenn.", "USA.TN"), ("R$", "BRA")]
    assert locale_cues("The men from Paris, Tenn., paid R$40.", table) == ["USA.TN", "BRA"]


@pytest.mark.parametrize(
    "content",
    ["region\tcue\nUSA\t$\n", "cue\tregion\n$\tUnited States\n", "cue\tregion\n\tUSA\n"],
)
def test_bad_cue_tables_raise(tmp_path: Path, content: str) -> None:
    table = tmp_path / "bad.tsv"
    table.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError):
        read_cues(table)
    with pytest.raises(DataFileError):
        read_cues(tmp_path / "missing.tsv")
