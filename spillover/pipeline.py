"""The coding pipeline: text in, sentences and coded events out.

``Pipeline`` wires the stages together (spaCy parse → actor mentions → event
coding → dates → places) and is what ``ingest``, ``extract`` and ``eval`` all
use, so every command codes text the same way. Everything heavy is loaded in
:meth:`Pipeline.from_settings`, never at import.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from spillover.actors.kb import ActorKB
from spillover.actors.matcher import ActorMatcher
from spillover.actors.resolver import ActorIndex
from spillover.coding.calibration import Calibrator, merge_same_deed, select_confident
from spillover.coding.claims import credit_claimants
from spillover.coding.classifier import SentenceClassifier
from spillover.coding.consensus import Consensus
from spillover.coding.dyad import counterpart_counts, fill_targets
from spillover.coding.extractor import EventExtractor
from spillover.coding.intentions import IntentCodes
from spillover.coding.lexicon import Lexicon
from spillover.coding.ontology import CameoTable
from spillover.coding.place_sides import country_for_unnamed, target_from_place
from spillover.coding.roles import named_in_passing
from spillover.dates.attachment import offset_date, timexes_for
from spillover.dates.resolver import Header, carry_dates, event_date, timeline_header
from spillover.dates.timex import find_timexes
from spillover.geo.carry import carry_places, is_deed, scene_place
from spillover.geo.event_location import DocumentPlaces, EventLocator
from spillover.geo.gazetteer import Gazetteer
from spillover.nlp.dateline import Dateline, find_dateline
from spillover.nlp.loader import load_nlp
from spillover.records import ActorMention, Document, Event, Place, Sentence
from spillover.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token


def _char_span(doc: Doc, mention: ActorMention) -> tuple[int, int]:
    """Character offsets of an actor mention."""
    span = doc[mention.tok_start : mention.tok_end]
    return span.start_char, span.end_char


def _place_scope(trigger: Token, sent: Span) -> tuple[int, int]:
    """Characters where a place may stand for the target of the event at ``trigger``.

    Usually the whole sentence ("warplanes struck sites near Isfahan"). A deed named only as the
    time frame of another ("let foreigners leave through Astara since the first US strikes") is
    not located by the other deed's places: only its own phrase counts.
    """
    if named_in_passing(trigger):
        return trigger.left_edge.idx, trigger.right_edge.idx + len(trigger.right_edge.text)
    return sent.start_char, sent.end_char


def parse_text(text: str) -> str:
    """The text spaCy parses: the dateline blanked out, every offset kept.

    "BISHKEK, January 21 — Kyrgyz and Tajik guards exchanged fire" parses with
    "Kyrgyz" as a conjunct of "January" and no subject for the verb; the first
    sentence of a wire story is usually its main event, so the dateline is
    replaced by spaces of the same length before parsing (its place is still
    read from the original text).
    """
    dateline = find_dateline(text)
    if dateline is None:
        return text
    return " " * dateline.end + text[dateline.end :]


class Pipeline:
    """Codes documents into events with evidence."""

    def __init__(
        self,
        nlp: Language,
        kb: ActorKB,
        extractor: EventExtractor,
        *,
        locator: EventLocator | None = None,
        consensus: Consensus | None = None,
        calibrator: Calibrator | None = None,
        batch_size: int = 32,
        min_confidence: float = 0.0,
        min_confidence_secondary: float = 0.0,
    ) -> None:
        """Assemble from loaded parts (tests inject their own); no locator, no places; no consensus, rules only."""
        self.nlp = nlp
        self.consensus = consensus
        self.calibrator = calibrator
        self.locator = locator
        self.kb = kb
        self.matcher = ActorMatcher(nlp, kb)
        self.extractor = extractor
        self.batch_size = batch_size
        self.min_confidence = min_confidence
        self.min_confidence_secondary = min_confidence_secondary

    @classmethod
    def from_settings(cls, settings: Settings) -> Pipeline:
        """Load the spaCy model, dictionaries and lexicons named by ``settings``."""
        nlp = load_nlp(settings.spacy_model)
        kb = ActorKB.load(settings.actor_files)
        cameo = CameoTable.load()
        extractor = EventExtractor(Lexicon.load(settings.lexicon_files), cameo, IntentCodes.load(cameo))
        locator = EventLocator(Gazetteer.open(settings.cache_dir)) if settings.geocode else None
        consensus = calibrator = None
        if settings.classifier:  # the shipped calibration was fitted on rules + classifier together
            model_path = Path(settings.classifier_file).expanduser() if settings.classifier_file else None
            consensus = Consensus(SentenceClassifier.load(model_path), cameo)
            calibrator = Calibrator.load()
        return cls(
            nlp,
            kb,
            extractor,
            locator=locator,
            consensus=consensus,
            calibrator=calibrator,
            batch_size=settings.batch_size,
            min_confidence=settings.min_confidence,
            min_confidence_secondary=settings.min_confidence_secondary,
        )

    def _home(self, dateline: Dateline | None, on: date | None) -> str | None:
        """The country of the dateline's place ("BAKU, March 10 —"), when it names a country or capital."""
        if dateline is None:
            return None
        for name in (dateline.qualifier, dateline.place):  # "ASTARA, Azerbaijan": the country written with it
            if not name:
                continue
            found = {e.country for e in self.kb.lookup(name.title(), on) if e.kind in ("country", "capital")}
            if len(found) == 1:
                return found.pop()
        return None

    def _code_doc(
        self, spacy_doc: Doc, document: Document, min_confidence: float | None = None
    ) -> tuple[list[Sentence], list[Event]]:
        threshold = self.min_confidence if min_confidence is None else min_confidence
        dateline = find_dateline(document.text)
        home = self._home(dateline, document.published)
        mentions = self.matcher.find(spacy_doc, document.published, home)
        if dateline is not None:  # the filing place is not an actor
            mentions = [m for m in mentions if spacy_doc[m.tok_start].idx >= dateline.end]
        places: DocumentPlaces | None = None
        if self.locator is not None:
            countries = [m.actor.country for m in mentions if m.actor.country]
            # "recruited by the IRGC": a named organisation is no place, whatever the tagger says
            organisations = [(m.tok_start, m.tok_end) for m in mentions if m.kind == "organisation"]
            places = self.locator.document_places(
                spacy_doc, dateline.place if dateline else None, countries, not_places=organisations
            )
        skip = dateline.end if dateline else 0
        placed = places.countries_by_token(skip) if places is not None else None
        if places is not None:
            # "into the Nakhchivan exclave": a name the tagger calls a person is a place here; so is a sea or
            # a strait it calls an organisation ("over the Bab el-Mandeb strait"), a place of no country
            mentions = [
                m
                for m in mentions
                if m.actor.code or not any(i in places.by_token for i in range(m.tok_start, m.tok_end))
            ]
            # "the Baku–Tbilisi–Ceyhan oil pipeline": its towns are no governments; "the governor of East
            # Azerbaijan province": a region of another country named after a state is no mention of that state
            mentions = [
                m
                for m in mentions
                if m.kind not in ("capital", "country")
                or not places.inside_longer(_char_span(spacy_doc, m), m.actor.country if m.kind == "country" else None)
            ]
        index = ActorIndex(spacy_doc, mentions, self.kb, placed)
        # the dateline's date is when the story was filed, not when its events happened
        timexes = find_timexes(document.text, document.published)
        timexes = [t for t in timexes if dateline is None or t.start >= dateline.end]
        sentences: list[Sentence] = []
        events: list[Event] = []
        unsure: list[Event] = []  # attacks too unsure to keep
        struck: dict[int, set[str]] = {}  # countries attacked, per sentence: condemnations there spare them
        previous: tuple[str, str] | None = None
        sents = list(spacy_doc.sents)
        predictions = self.consensus.predict(sents) if self.consensus is not None else []
        header: Header | None = None
        scene: tuple[int, Place] | None = None  # the latest deed placed by its own sentence
        timex_starts = {t.start: t for t in reversed(timexes)}  # the first expression at each offset
        for i, sent in enumerate(sents):
            original = document.text[sent.start_char : sent.end_char]  # with its dateline, as the user wrote it
            if header is not None and sent.start_char > header.end:
                header = None  # the timeline entry's paragraph is over
            header = timeline_header(document.text, sent.start_char, timex_starts, document.published) or header
            sentences.append(Sentence(document.id, i, sent.start_char, sent.end_char, original))
            coded = self.extractor.extract(sent, index, document.id, i)
            if self.consensus is not None:
                coded = self.consensus.apply(sent, coded, index, document.id, i, predictions[i])
            for event in coded:
                if event.event_type == "ASSAULT" and event.target is not None and event.target.country:
                    struck.setdefault(i, set()).add(event.target.country)  # even when too unsure to keep
                # with calibration, skip only what cannot reach the threshold even once its roles are filled
                reachable = self.calibrator.best_case(event) if self.calibrator is not None else event.confidence
                if reachable < threshold:
                    if event.event_type == "ASSAULT" and event.source is not None:
                        unsure.append(event)  # still tells who attacked
                    continue
                anchor = event.evidence.anchor
                trigger = spacy_doc.char_span(anchor, anchor + 1, alignment_mode="expand")
                candidates = timexes_for(trigger.root, sent, timexes) if trigger is not None else timexes
                when, precision = event_date(
                    sent.start_char,
                    sent.end_char,
                    anchor,
                    candidates,
                    document.published,
                    previous,
                    # a plan told as a verb looks ahead ("will strike on Monday"); a plot named by a noun
                    # is reported after the fact ("charged them over the plot on Thursday")
                    prefer_future=event.status in ("planned", "threatened") and (
                        trigger is None or trigger.root.pos_ == "VERB"
                    ),
                )
                if trigger is not None:  # "a day after warplanes struck": dated from the other event
                    shifted = offset_date(trigger.root, sent, timexes, document.published, previous)
                    when, precision = shifted or (when, precision)
                if header is not None and precision == "document":  # "Thursday: Two drones entered ..."
                    when, precision = header.value, header.precision
                location = None
                if places is not None and self.locator is not None and trigger is not None:
                    location = self.locator.locate(event, trigger.root, sent, places)
                    if location is None:
                        location = scene_place(event, i, scene)
                    elif location.span is not None and sent.start_char <= location.span[0] < sent.end_char:
                        scene = (i, location) if is_deed(event) or event.event_type == "PROTEST" else scene
                located = replace(
                    event,
                    date=when,
                    date_precision=precision,
                    location=location,
                    evidence=replace(event.evidence, sentence=original),
                )
                span = _place_scope(trigger.root, sent) if trigger is not None else (sent.start_char, sent.end_char)
                done = country_for_unnamed(target_from_place(located, span, self._country_names))
                if event.target is None and done.target is not None:
                    index.placed(done)
                events.append(done)
                if when is not None and precision not in ("document", "none"):
                    previous = (when, precision)  # anchors "a day earlier", "three days later"
        events = credit_claimants(carry_dates(events))
        counts = counterpart_counts(mentions)
        # where the story was filed: the country or capital its dateline names, else the resolved dateline place
        filed = places.dateline.country if places is not None and places.dateline is not None else None
        events = fill_targets(events, counts, self._country_names(counts), struck, home or filed, unsure)
        if places is not None:
            events = carry_places(events)
        if self.calibrator is not None:  # threshold on the calibrated probability, once roles are final
            secondary = self.min_confidence_secondary if min_confidence is None else threshold
            events = select_confident(list(map(self.calibrator.apply, events)), threshold, secondary)
        events = merge_same_deed(events)
        return sentences, events

    def _country_names(self, codes: Iterable[str]) -> dict[str, str]:
        names = {}
        for code in codes:
            try:
                names[code] = self.kb.country_name(code)
            except KeyError:
                names[code] = code
        return names

    def process(
        self, docs: Sequence[Document], min_confidence: float | None = None
    ) -> list[tuple[list[Sentence], list[Event]]]:
        """Code a batch of documents; returns sentences and events per document, in order.

        Args:
            docs: The documents.
            min_confidence: Overrides the configured threshold (0 keeps every candidate).
        """
        parsed = self.nlp.pipe((parse_text(d.text) for d in docs), batch_size=self.batch_size)
        return [
            self._code_doc(spacy_doc, document, min_confidence)
            for spacy_doc, document in zip(parsed, docs, strict=True)
        ]

    def extract_texts(
        self, items: Sequence[tuple[str, date | None]], min_confidence: float | None = None
    ) -> list[list[Event]]:
        """Code raw texts (the evaluation interface): events per text, in order."""
        docs = [Document.from_text(text, published=when) for text, when in items]
        return [events for _sentences, events in self.process(docs, min_confidence)]

    def classify_texts(self, texts: Sequence[str]) -> list[str | None]:
        """Say what kind of report each text is, by the learned classifier's label for the whole text.

        The label is a PLOVER type/mode or ``NONE/reason`` (natural, accident, crime, statement, appeal):
        the reason is what the events cannot say, e.g. that a text without events is about an earthquake.
        All None when the classifier is switched off (``--rules-only``).
        """
        if self.consensus is None:
            return [None] * len(texts)
        parsed = self.nlp.pipe((parse_text(t) for t in texts), batch_size=self.batch_size)
        return [self.consensus.classifier.predict(doc[:]).label.label for doc in parsed]

    def extract_document(self, document: Document) -> list[Event]:
        """Code one document."""
        return self.process([document])[0][1]

    def iter_process(self, docs: Iterable[Document]) -> Iterable[tuple[Document, list[Event]]]:
        """Stream documents through the pipeline in batches (for large corpora)."""
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= self.batch_size:
                yield from ((d, ev) for d, (_s, ev) in zip(batch, self.process(batch), strict=True))
                batch = []
        if batch:
            yield from ((d, ev) for d, (_s, ev) in zip(batch, self.process(batch), strict=True))
