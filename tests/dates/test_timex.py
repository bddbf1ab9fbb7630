"""Tests for the temporal-expression finder and normaliser."""

from __future__ import annotations

from datetime import date

import pytest

from spillover.dates.timex import Timex, find_timexes, normalise_spans

DCT = date(2026, 3, 7)  # a Saturday


def values(text: str, dct: date | None = DCT) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_timexes(text, dct)]


def only(text: str, dct: date | None = DCT) -> Timex:
    found = find_timexes(text, dct)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Talks were held on January 27, 2023 in Geneva.", "January 27, 2023", "2023-01-27"),
        ("Talks were held on 27 January 2023 in Geneva.", "27 January 2023", "2023-01-27"),
        ("Troops left on 3 March 2026.", "3 March 2026", "2026-03-03"),
        ("The report is dated 2026-03-05.", "2026-03-05", "2026-03-05"),
        ("They met on March 5 to discuss the truce.", "March 5", "2026-03-05"),
        ("The deal was signed Jan. 27.", "Jan. 27", "2026-01-27"),
        ("The form was filed 1/15/2024.", "1/15/2024", "2024-01-15"),
        ("He was born in 1998.", "1998", "1998"),
        ("Elections were held in May 2024.", "May 2024", "2024-05"),
        ("Thursday, April 9, 2026 was chosen.", "Thursday, April 9, 2026", "2026-04-09"),
        ("Results for fiscal 2024 were weak.", "fiscal 2024", "2024"),
        ("Sales in Q3 2025 rose.", "Q3 2025", "2025-Q3"),
        ("The war of the 1990s left scars.", "the 1990s", "199"),
        ("Prices peaked in the late '80s.", "the late '80s", "198"),
        ("It was built in the 19th century.", "the 19th century", "18"),
        ("The plan dates from nineteen ninety-six.", "nineteen ninety-six", "1996"),
    ],
)
def test_absolute_dates(text: str, span: str, value: str) -> None:
    timex = only(text)
    assert timex.text == span
    assert text[timex.start : timex.end] == span
    assert timex.value == value
    assert timex.type == "DATE"


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("Fighting broke out on Tuesday.", "2026-03-03", "day"),
        ("Fighting broke out last Tuesday.", "2026-03-03", "day"),
        ("Rebels attacked the base on Saturday.", "2026-03-07", "day"),
        ("The minister will visit next Friday.", "2026-03-13", "day"),
        ("The minister will arrive on Monday.", "2026-03-09", "day"),
        ("Police said the suspect was arrested today.", "2026-03-07", "day"),
        ("Protests erupted yesterday.", "2026-03-06", "day"),
        ("Voting starts tomorrow.", "2026-03-08", "day"),
        ("The town fell two days ago.", "2026-03-05", "day"),
        ("The town fell three weeks ago.", "2026-02-14", "day"),
        ("The army withdrew last month.", "2026-02", "month"),
        ("Talks resume next month.", "2026-04", "month"),
        ("Earlier this month the border closed.", "2026-03", "month"),
        ("It rained heavily last week.", "2026-W09", "week"),
        ("Markets fell this week.", "2026-W10", "week"),
        ("Growth slowed last year.", "2025", "year"),
        ("Inflation will ease next year.", "2027", "year"),
        ("Exports rose in the first quarter.", "2026-Q1", "quarter"),
        ("Exports rose last quarter.", "2025-Q4", "quarter"),
        ("The strike started last summer.", "2025-SU", "season"),
        ("Troops are now in the city.", "PRESENT_REF", "present_ref"),
        ("The road is currently closed.", "PRESENT_REF", "present_ref"),
        ("The talks collapsed in July after a week.", "2025-07", "month"),
        ("The fund must repay the loan by May.", "2026-05", "month"),
        ("The vote is scheduled for May.", "2026-05", "month"),
        ("The agreement was signed in December.", "2025-12", "month"),
        ("He resigned last December.", "2025-12", "month"),
    ],
)
def test_relative_dates(text: str, value: str, precision: str) -> None:
    found = find_timexes(text, DCT)
    assert found, text
    assert found[0].value == value
    assert found[0].precision == precision


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("The siege lasted three days.", "P3D", "DURATION"),
        ("He served two years in prison.", "P2Y", "DURATION"),
        ("The vote took 2 1/2 hours.", "PT2H30M", "DURATION"),
        ("Violence has grown over the past two years.", "P2Y", "DURATION"),
        ("It will take several weeks.", "PXW", "DURATION"),
        ("A five-year plan was adopted.", "P5Y", "DURATION"),
        ("Aid flights arrive daily.", "P1D", "SET"),
        ("They meet every Monday.", "XXXX-WXX-1", "SET"),
    ],
)
def test_durations_and_sets(text: str, value: str, kind: str) -> None:
    timex = only(text)
    assert (timex.value, timex.type) == (value, kind)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The blast happened at 10:35 a.m.", "2026-03-07T10:35"),
        ("Shelling resumed at 14:00 GMT.", "2026-03-07T14:00Z"),
        ("The curfew starts at noon.", "2026-03-07T12:00"),
        ("Israel struck Gaza at 10 p.m. Wednesday.", "2026-03-04T22:00"),
        ("Clashes continued Friday night.", "2026-03-06TNI"),
        ("Rockets fell yesterday afternoon.", "2026-03-06TAF"),
    ],
)
def test_times(text: str, value: str) -> None:
    timex = only(text)
    assert timex.value == value
    assert timex.type == "TIME"


def test_anaphora_uses_last_mentioned_date() -> None:
    text = "Rebels seized the airport on March 2. The next day they took the port. A day earlier, talks had failed."
    found = values(text)
    assert found == [("March 2", "2026-03-02"), ("The next day", "2026-03-03"), ("A day earlier", "2026-03-02")]


def test_year_ago_borrows_quarter_granularity() -> None:
    text = "Third-quarter profit rose to $5 million from $4 million a year ago."
    assert values(text, date(1989, 10, 27)) == [("Third-quarter", "1989-Q3"), ("a year ago", "1988-Q3")]


@pytest.mark.parametrize(
    ("dct", "expected"),
    [(date(2026, 3, 4), "2026-W09-WE"), (date(2026, 3, 7), "2026-W09-WE"), (date(2026, 3, 8), "2026-W09-WE")],
)
def test_last_weekend(dct: date, expected: str) -> None:
    assert only("Gunmen struck last weekend.", dct).value == expected


def test_money_rate_is_a_set_not_a_duration() -> None:
    timex = only("He earns $50,000 a year.")
    assert (timex.value, timex.type) == ("P1Y", "SET")


def test_quarter_ended_uses_the_end_date() -> None:
    found = values("Profit rose in the quarter ended July 31.", date(1989, 10, 27))
    assert found == [("the quarter", "1989-Q2"), ("July 31", "1989-07-31")]


def test_short_year_after_preposition() -> None:
    assert values("Stocks hit their lowest level since '82 on Monday.", date(2008, 10, 27))[0] == ("'82", "1982")
    assert values("Rock 'n' roll never dies.") == []


def test_false_friends_are_not_dates() -> None:
    assert values("You may go if you like, she said.") == []
    assert values("A 6-year-old boy was injured.") == []
    assert values("Some 2000 troops crossed the border.") == []
    assert values("Protesters march on the capital.") == []


def test_without_dct_relative_values_are_placeholders() -> None:
    found = find_timexes("Fighting resumed on Tuesday and yesterday, and again on January 27, 2023.", None)
    assert [t.value for t in found] == ["XXXX-WXX-2", "XXXX-XX-XX", "2023-01-27"]


def test_spans_are_exact_offsets() -> None:
    text = "Officials said on Tuesday that the strike of last month killed 12 people."
    for timex in find_timexes(text, DCT):
        assert text[timex.start : timex.end] == timex.text
    assert [t.text for t in find_timexes(text, DCT)] == ["Tuesday", "last month"]


def test_normalise_spans_uses_gold_span_and_context() -> None:
    text = "Sales rose in the third quarter. Net fell in the quarter, compared with a year earlier."
    start = text.index("the quarter")
    other = text.index("a year earlier")
    quarter, earlier = normalise_spans(
        text, [(start, start + len("the quarter")), (other, other + len("a year earlier"))], date(1989, 10, 27)
    )
    assert quarter is not None and quarter.value == "1989-Q3"
    assert earlier is not None and earlier.value == "1988-Q3"


def test_normalise_spans_returns_none_for_unknown_text() -> None:
    text = "The gizmo was blue."
    assert normalise_spans(text, [(4, 9)], DCT) == [None]


def test_a_live_report_entry_stamp_is_on_the_report_day() -> None:
    text = "09:45 - The spokesman says the drones hit Nakhchivan on Thursday.\n11:30 - Azerbaijan closes its airspace."
    values = [t.value for t in find_timexes(text, date(2026, 3, 8))]
    assert values == ["2026-03-08T09:45", "2026-03-05", "2026-03-08T11:30"]
    # inside a sentence a bare time still belongs to the day just mentioned
    inline = find_timexes("Drones hit Nakhchivan on Thursday. They struck at 11:30 - officials said.", date(2026, 3, 8))
    assert inline[-1].value == "2026-03-05T11:30"


def test_the_same_week_after_a_bare_year_is_the_story_s_week() -> None:
    # "a 2018 convention" names no week: "the same week" is the document's, not 2018's first
    text = "Baku cited a 2018 convention among the Caspian states. Russia held its own drills the same week."
    found = {t.text: t.value for t in find_timexes(text, date(2026, 7, 29))}
    assert found["the same week"] == "2026-W31"
    found = {t.text: t.value for t in find_timexes("The talks began on 3 March 2025. It rained the same week.",
                                                     date(2026, 7, 29))}  # fmt: skip
    assert found["the same week"] == "2025-W10"
