from __future__ import annotations

import pytest

from spillover.nlp.dateline import find_dateline


@pytest.mark.parametrize(
    ("text", "place", "end"),
    [
        ("BAKU, March 5 — A drone struck", "Baku", 16),
        ("TEL AVIV, Israel, March 3 - Sirens sounded", "Tel Aviv", 28),
        ("ANKARA (Wire) -- Officials said", "Ankara", 17),
        ("NAKHCHIVAN — Residents swept glass", "Nakhchivan", 13),
    ],
)
def test_datelines_found(text: str, place: str, end: int) -> None:
    found = find_dateline(text)
    assert found is not None
    assert found.place == place
    assert found.end == end
    assert text[found.end :][0].isupper()


@pytest.mark.parametrize(
    "text",
    ["Iran fired missiles — officials said", "UN — a short word", "The ministry said on Monday - nothing"],
)
def test_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_a_country_written_after_the_place_qualifies_it() -> None:
    found = find_dateline("ASTARA, Azerbaijan, March 3 — Thousands crossed the border.")
    assert found is not None and (found.place, found.qualifier) == ("Astara", "Azerbaijan")
    dated = find_dateline("BAKU, March 10 — Azerbaijan's foreign ministry said.")
    assert dated is not None and (dated.place, dated.qualifier) == ("Baku", None)
