from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from spillover.errors import EvalFormatError
from spillover.evaluation.geoxml import evaluate_geoxml, read_geoxml
from spillover.geo.gazetteer import Gazetteer

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "geo_small.xml"
SHARED_GEO = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "geoparsing_gritta"


def test_read_lgl_format() -> None:
    docs = read_geoxml(FIXTURE)
    assert [d.id for d in docs] == ["1", "2", "4", "3"]
    assert sum(len(d.toponyms) for d in docs) == 8
    assert sum(len(d.located) for d in docs) == 7
    first = docs[0].toponyms[0]
    assert docs[0].text[first.start : first.end] == first.text == "Astara"
    assert first.country == "Azerbaijan"
    assert read_geoxml(FIXTURE, limit=1)[0].id == "1"


def test_resolution_metrics_exact(gazetteer: Gazetteer) -> None:
    result = evaluate_geoxml(FIXTURE, gazetteer=gazetteer)
    # Six of seven located toponyms resolve within 161 km; "Springfield" alone
    # (gold: Illinois) goes to the largest Springfield, in Missouri.
    assert result["n"] == 7
    assert result["resolved"] == 7
    assert result["acc161"] == pytest.approx(6 / 7)
    assert result["country_acc"] == 1.0
    assert result["country_n"] == 7
    assert result["median_km"] < 5.0
    assert 40.0 < result["mean_km"] < 80.0
    assert "f1" not in result


def test_end_to_end_metrics_exact(gazetteer: Gazetteer, nlp: Any) -> None:
    result = evaluate_geoxml(FIXTURE, nlp=nlp, gazetteer=gazetteer)
    # Found and right: Azerbaijan, Baku, Paris, Berlin, Ankara. Astara (a town
    # spaCy misses) is not found. "Iranian" and "Turkish" are found (demonyms
    # are predicted for these gold sets) but not gold here, and Springfield is
    # found but placed wrongly: three false positives. "Oak Street" has no gold
    # point, so predicting it is neither right nor wrong.
    assert (result["tp"], result["fp"], result["gold"]) == (5, 3, 7)
    assert result["precision"] == pytest.approx(5 / 8)
    assert result["recall"] == pytest.approx(5 / 7)
    assert result["f1"] == pytest.approx(2 / 3)


def test_other_formats(tmp_path: Path, gazetteer: Gazetteer) -> None:
    gwn = tmp_path / "gwn.xml"
    gwn.write_text(
        "<articles><article file='0'><text>Talks in Tbilisi ended.</text><toponyms>"
        "<toponym><extractedName>Tbilisi</extractedName><type>Literal</type><start>9</start><end>16</end>"
        "<latitude>41.69411</latitude><longitude>44.83368</longitude></toponym>"
        "<toponym><extractedName>Talks</extractedName><type>Non_Toponym</type><start>0</start><end>5</end>"
        "</toponym></toponyms></article></articles>",
        encoding="utf-8",
    )
    docs = read_geoxml(gwn)
    assert len(docs[0].toponyms) == 2 and len(docs[0].located) == 1
    result = evaluate_geoxml(gwn, gazetteer=gazetteer)
    assert (result["n"], result["acc161"], result["country_acc"]) == (1, 1.0, 1.0)

    virus = tmp_path / "virus.xml"
    virus.write_text(
        "<articles><article><source>x</source><text>Cases rose in Kabul.</text><locations>"
        "<location><name>Kabul</name><start>14</start><end>19</end><lat>34.53</lat><lon>69.17</lon>"
        "<page>p</page></location></locations></article></articles>",
        encoding="utf-8",
    )
    assert evaluate_geoxml(virus, gazetteer=gazetteer)["acc161"] == 1.0


def _lgl(path: Path, text: str, name: str, lat: float, lon: float, country: str) -> Path:
    """Write a one-article LGL file whose only gold toponym is the first ``name`` of ``text``."""
    start = text.index(name)
    path.write_text(
        f"<articles><article docid='1'><text>{text}</text><toponyms><toponym><start>{start}</start>"
        f"<end>{start + len(name)}</end><phrase>{name}</phrase><gaztag geonameid='0'><name>{name}</name>"
        f"<lat>{lat}</lat><lon>{lon}</lon><country geonameid='0'>{country}</country></gaztag></toponym>"
        "</toponyms></article></articles>",
        encoding="utf-8",
    )
    return path


def test_resolution_uses_locale_cues(tmp_path: Path, gazetteer: Gazetteer) -> None:
    text = "Athens firefighters put out a kitchen fire on Tuesday. Damage was estimated at $20,000."
    cued = _lgl(tmp_path / "cued.xml", text, "Athens", 33.96, -83.38, "United States")
    assert evaluate_geoxml(cued, gazetteer=gazetteer)["acc161"] == 1.0
    plain = _lgl(tmp_path / "plain.xml", text.replace("$20,000", "high"), "Athens", 33.96, -83.38, "United States")
    assert evaluate_geoxml(plain, gazetteer=gazetteer)["acc161"] == 0.0  # Athens, Greece


def test_resolution_uses_recognised_names_as_context(tmp_path: Path, gazetteer: Gazetteer, nlp: Any) -> None:
    # Only "Astara" is gold; "Azerbaijan", found by our recogniser, tells which Astara.
    text = "Border guards in Astara said on Monday that the crossing into Azerbaijan was closed."
    path = _lgl(tmp_path / "astara.xml", text, "Astara", 38.456, 48.875, "Azerbaijan")
    assert evaluate_geoxml(path, gazetteer=gazetteer)["country_acc"] == 0.0  # Astara, Iran
    assert evaluate_geoxml(path, nlp=nlp, gazetteer=gazetteer)["country_acc"] == 1.0


def test_bad_files_raise(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<articles><article>", encoding="utf-8")
    with pytest.raises(EvalFormatError):
        read_geoxml(broken)
    empty = tmp_path / "empty.xml"
    empty.write_text("<articles/>", encoding="utf-8")
    with pytest.raises(EvalFormatError, match="no <article>"):
        read_geoxml(empty)
    with pytest.raises(EvalFormatError):
        read_geoxml(tmp_path / "missing.xml")


@pytest.mark.slow
def test_lgl_first_100_documents() -> None:
    lgl = SHARED_GEO / "lgl.xml"
    if not lgl.is_file():
        pytest.skip("shared geoparsing eval data is not present")
    gaz = Gazetteer.open()  # the default cache, shared with the pipeline: built once per machine
    try:
        result = evaluate_geoxml(lgl, limit=100, gazetteer=gaz)
    finally:
        gaz.close()
    assert result["n"] > 500
    assert result["acc161"] >= 0.8
    assert result["country_acc"] >= 0.9
