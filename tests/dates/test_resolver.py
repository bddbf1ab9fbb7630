"""Tests for event dating (``spillover.dates.resolver``)."""

from __future__ import annotations

from datetime import date

import pytest

from spillover.dates.resolver import event_date, value_to_date
from spillover.dates.timex import Timex, find_timexes

DCT = date(2026, 3, 7)  # a Saturday


def date_for(
    sentence: str, trigger: str, previous: tuple[str, str] | None = None, dct: date | None = DCT
) -> tuple[str | None, str]:
    timexes = find_timexes(sentence, dct)
    return event_date(0, len(sentence), sentence.index(trigger), timexes, dct, previous)


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        ("On Tuesday, troops shelled the town.", "shelled", ("2026-03-03", "day")),
        ("Protesters gathered on January 27, 2023 in Paris.", "gathered", ("2023-01-27", "day")),
        ("Last month the army withdrew from the city.", "withdrew", ("2026-02", "month")),
        ("Police arrested 20 people yesterday.", "arrested", ("2026-03-06", "day")),
        ("The minister will visit Kyiv next Friday.", "visit", ("2026-03-13", "day")),
        ("Israel struck Gaza at 10 p.m. Wednesday.", "struck", ("2026-03-04", "day")),
        ("Fighting raged last week in the north.", "Fighting", ("2026-02", "month")),
        ("Rebels attacked the base in 2019.", "attacked", ("2019", "year")),
        ("Exports collapsed in the third quarter of 2025.", "collapsed", ("2025", "year")),
        ("Troops are now deployed along the border.", "deployed", ("2026-03-07", "document")),
    ],
)
def test_explicit_dates(sentence: str, trigger: str, expected: tuple[str, str]) -> None:
    assert date_for(sentence, trigger) == expected


def test_no_expression_inherits_document_date() -> None:
    assert date_for("Rebels attacked a convoy near the border.", "attacked") == ("2026-03-07", "document")


def test_no_expression_and_no_dct_gives_none() -> None:
    assert date_for("Rebels attacked a convoy near the border.", "attacked", dct=None) == (None, "none")


def test_durations_sets_and_vague_refs_do_not_date_events() -> None:
    assert date_for("The siege lasted three days.", "siege") == ("2026-03-07", "document")
    assert date_for("Convoys are attacked daily.", "attacked") == ("2026-03-07", "document")
    assert date_for("Troops recently withdrew.", "withdrew") == ("2026-03-07", "document")


def test_decades_give_no_usable_date() -> None:
    assert date_for("The war of the 1990s killed thousands.", "killed") == (None, "none")


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        ("A day earlier, rebels attacked a convoy.", "attacked", ("2026-03-04", "day")),
        ("Three days later, talks resumed.", "resumed", ("2026-03-08", "day")),
        ("The same day, the army shelled the port.", "shelled", ("2026-03-05", "day")),
        ("Shortly afterwards, the rebels fled.", "fled", ("2026-03-05", "day")),
        ("The next day, aid trucks arrived.", "arrived", ("2026-03-06", "day")),
        ("The day before, a mine exploded.", "exploded", ("2026-03-04", "day")),
        ("Two weeks later, the ceasefire collapsed.", "collapsed", ("2026-03-19", "day")),
    ],
)
def test_anaphora_relative_to_previous_event(sentence: str, trigger: str, expected: tuple[str, str]) -> None:
    assert date_for(sentence, trigger, previous=("2026-03-05", "day")) == expected


def test_anaphora_keeps_previous_granularity() -> None:
    assert date_for("A month later, the rebels returned.", "returned", previous=("2025-11", "month")) == (
        "2025-12",
        "month",
    )
    assert date_for("A day earlier, talks failed.", "failed", previous=("2025", "year")) == ("2025", "year")


def test_anaphora_without_previous_falls_back_to_dct() -> None:
    assert date_for("A day earlier, rebels attacked a convoy.", "attacked") == ("2026-03-06", "day")


def test_anaphora_relative_to_document_dated_previous() -> None:
    assert date_for("A day earlier, talks failed.", "failed", previous=("2026-03-07", "document")) == (
        "2026-03-06",
        "day",
    )


def test_nearest_expression_to_trigger_wins() -> None:
    sentence = "On Monday officials said that rebels had attacked the town on Thursday."
    assert date_for(sentence, "attacked") == ("2026-03-05", "day")
    assert date_for(sentence, "said") == ("2026-03-02", "day")


def test_only_expressions_inside_the_sentence_count() -> None:
    text = "Rebels attacked on Tuesday. Troops withdrew."
    timexes = find_timexes(text, DCT)
    second = text.index("Troops")
    assert event_date(second, len(text), text.index("withdrew"), timexes, DCT) == ("2026-03-07", "document")


def test_handcrafted_timex_list() -> None:
    timexes = [
        Timex(0, 5, "later", "FUTURE_REF", "future_ref", "DATE"),
        Timex(30, 40, "March 2026", "2026-03", "month", "DATE"),
    ]
    assert event_date(0, 50, 20, timexes, DCT) == ("2026-03", "month")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-05", ("2026-03-05", "day")),
        ("2026-03-05T14:00", ("2026-03-05", "day")),
        ("2026-03", ("2026-03", "month")),
        ("2026-W10", ("2026-03", "month")),
        ("2026-Q2", ("2026", "year")),
        ("2025-SU", ("2025", "year")),
        ("2026", ("2026", "year")),
        ("PRESENT_REF", ("2026-03-07", "document")),
        ("199", (None, "none")),
        ("XXXX-XX-XX", (None, "none")),
        (None, (None, "none")),
    ],
)
def test_value_to_date(value: str | None, expected: tuple[str | None, str]) -> None:
    assert value_to_date(value, DCT) == expected


def test_planned_event_on_a_bare_weekday_is_the_coming_one() -> None:
    sentence = "The agency said it hoped to send the first convoy on Wednesday."
    timexes = find_timexes(sentence, DCT)
    start = sentence.index("send")
    past = event_date(0, len(sentence), start, timexes, DCT)
    coming = event_date(0, len(sentence), start, timexes, DCT, prefer_future=True)
    assert past == ("2026-03-04", "day") and coming == ("2026-03-11", "day")
    last = "The agency said it hoped to send the convoy last Wednesday."
    assert event_date(0, len(last), last.index("send"), find_timexes(last, DCT), DCT, prefer_future=True)[0] == (
        "2026-03-04"
    )
    told = "The security service said on Monday that it had foiled a plot to bomb the pipeline."
    plot = event_date(0, len(told), told.index("bomb"), find_timexes(told, DCT), DCT, prefer_future=True)
    assert plot == ("2026-03-02", "day")  # Monday dates the telling, before the plan's trigger


def test_undated_event_continues_the_same_actors_dated_event_just_before() -> None:
    from spillover.dates.resolver import carry_dates
    from spillover.records import Actor, Event, Evidence

    def ev(i: int, sentence: int, source: str, when: str, precision: str) -> Event:
        evidence = Evidence("s", (0, 1), "t", "test", sentence_index=sentence)
        actor = Actor(text=source, code=source, country=source[:3])
        return Event(id=str(i), doc_id="d", event_type="CONSULT", evidence=evidence, source=actor,
                     date=when, date_precision=precision)

    phoned = ev(1, 2, "TURGOV", "2026-03-05", "day")
    told = ev(2, 3, "TUR", "2026-03-06", "document")
    other = ev(3, 3, "AZEGOV", "2026-03-06", "document")
    later = ev(4, 5, "TURGOV", "2026-03-06", "document")
    out = carry_dates([phoned, told, other, later])
    assert [(e.date, e.date_precision) for e in out] == [
        ("2026-03-05", "day"),
        ("2026-03-05", "day"),  # same country, next sentence
        ("2026-03-06", "document"),  # another actor
        ("2026-03-06", "document"),  # not the sentence just before
    ]


def test_a_deed_told_again_with_its_author_takes_the_unattributed_telling_s_date() -> None:
    from spillover.dates.resolver import carry_dates
    from spillover.records import Actor, Event, Evidence

    def ev(i: int, sentence: int, source: str | None, when: str, precision: str, text: str = "s") -> Event:
        evidence = Evidence(text, (0, 1), "t", "test", sentence_index=sentence)
        src = Actor(text=source, code=source, country=source[:3]) if source else None
        target = Actor(text="AZE", code="AZE", country="AZE")
        return Event(id=str(i), doc_id="d", event_type="ASSAULT", evidence=evidence, source=src, target=target,
                     date=when, date_precision=precision)

    unnamed = ev(1, 2, None, "2026-03-05", "day")  # "anger over Thursday's drone strike on Nakhchivan"
    struck = ev(2, 3, "IRN", "2026-03-10", "document")  # "two drones launched from Iran struck the exclave"
    separately = ev(3, 3, "IRN", "2026-03-10", "document", "Separately, Iran struck the exclave again.")
    out = carry_dates([unnamed, struck, separately])
    assert [(e.date, e.date_precision) for e in out] == [
        ("2026-03-05", "day"),
        ("2026-03-05", "day"),
        ("2026-03-10", "document"),  # a new story starts
    ]


@pytest.mark.slow
def test_a_timeline_entry_dates_its_paragraph(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Here is how the week unfolded.\n\n"
        "Tuesday: Aliyev went to the Iranian embassy in Baku to offer condolences.\n\n"
        "Thursday: Two drones entered Azerbaijani airspace. One struck the airport building in Nakhchivan.\n\n"
        "Iran's Revolutionary Guards vowed to retaliate against Azerbaijan."
    )
    events = pipeline.extract_texts([(text, date(2026, 3, 9))], min_confidence=0.0)[0]
    by_trigger = {e.evidence.trigger: (e.date, e.date_precision) for e in events}
    assert by_trigger["offer"] == ("2026-03-03", "day")
    assert by_trigger["struck"] == ("2026-03-05", "day")  # the next sentence of the same entry
    assert by_trigger["vowed"] == ("2026-03-09", "document")  # a new paragraph without a header


def test_only_a_date_that_opens_a_sentence_with_a_colon_or_dash_is_a_header() -> None:
    from spillover.dates.resolver import timeline_header

    dct = date(2026, 3, 9)
    text = "Thursday: Two drones entered.\nOn Thursday two drones entered."
    timexes = {t.start: t for t in find_timexes(text, dct)}
    header = timeline_header(text, 0, timexes, dct)
    assert header is not None and (header.value, header.precision, header.end) == ("2026-03-05", "day", 29)
    assert timeline_header(text, 30, timexes, dct) is None


def test_a_deed_told_on_without_its_doer_takes_the_date_of_the_one_before() -> None:
    from spillover.dates.resolver import carry_dates
    from spillover.records import Actor, Event, Evidence

    def ev(i: int, sentence: int, source: str | None, target: str, when: str, precision: str) -> Event:
        evidence = Evidence("s", (0, 1), "t", "test", sentence_index=sentence)
        src = Actor(text=source, code=source, country=source) if source else None
        tgt = Actor(text=target, code=target, country=target)
        return Event(id=str(i), doc_id="d", event_type="ASSAULT", evidence=evidence, source=src, target=tgt,
                     date=when, date_precision=precision)

    flew = ev(1, 2, "IRN", "AZE", "2026-03-05", "day")  # "two Iranian drones flew into Nakhchivan on March 5"
    hit = ev(2, 3, None, "AZE", "2026-03-12", "document")  # "One hit the terminal building"
    elsewhere = ev(3, 3, None, "ISR", "2026-03-12", "document")  # another country hit: not the same deed
    out = carry_dates([flew, hit, elsewhere])
    assert [(e.date, e.date_precision) for e in out] == [
        ("2026-03-05", "day"),
        ("2026-03-05", "day"),
        ("2026-03-12", "document"),
    ]


def test_a_plan_inherits_no_day_from_the_deed_before() -> None:
    from dataclasses import replace

    from spillover.dates.resolver import carry_dates
    from spillover.records import Actor, Event, Evidence

    iran = Actor(text="IRN", code="IRN", country="IRN")
    first = Evidence("s", (0, 1), "t", "test", sentence_index=1)
    flew = Event(id="1", doc_id="d", event_type="ASSAULT", evidence=first, source=iran, date="2026-03-05",
                 date_precision="day")
    plot = replace(flew, id="2", evidence=Evidence("s", (0, 1), "t", "test", sentence_index=2), status="planned",
                   date="2026-03-07", date_precision="document")
    assert carry_dates([flew, plot])[1].date == "2026-03-07"
    assert carry_dates([flew, replace(plot, status="occurred")])[1].date == "2026-03-05"


def test_a_bare_season_ahead_of_a_plan_is_the_coming_one() -> None:
    sentence = "He invited the minister to visit Baku in the autumn."
    timexes = find_timexes(sentence, DCT)
    start = sentence.index("visit")
    assert event_date(0, len(sentence), start, timexes, DCT, prefer_future=True) == ("2026", "year")
    assert event_date(0, len(sentence), start, timexes, DCT) == ("2025", "year")  # past-tense news: last autumn
