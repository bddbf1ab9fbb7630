"""Promised and refused cooperation get the CAMEO codes of the statement, not of the deed."""

from __future__ import annotations

from pathlib import Path

import pytest

from spillover.coding.factuality import Factuality
from spillover.coding.intentions import IntentCodes
from spillover.coding.ontology import CameoTable
from spillover.errors import DataFileError
from spillover.records import Event, Evidence


@pytest.fixture(scope="module")
def codes() -> IntentCodes:
    return IntentCodes.load(CameoTable.load())


def _as_worded(ev: Event, *, refusal: bool = False) -> Factuality:
    """The factuality the extractor would pass with ``ev``: its status, and whether it was refused."""
    return Factuality(ev.status, 1.0, None, refusal=refusal)


def _event(cameo: str, status: str) -> Event:
    evidence = Evidence(sentence="s", span=(0, 1), trigger="t", coder="test")
    return Event(id="e", doc_id="d", event_type="RETREAT", evidence=evidence, cameo=cameo, quad_class=2, status=status)


def test_longest_prefix_wins(codes: IntentCodes) -> None:
    assert codes.code_for("0841", "intent") == "0353"  # freeing people -> intent to free
    assert codes.code_for("0871", "refusal") == "1246"  # ceasefire -> refuse to de-escalate
    assert codes.code_for("080", "intent") == "035"  # falls back to the root row
    assert codes.code_for("190", "intent") is None  # conflict deeds are not recoded


def test_intent_keeps_type_and_status_but_is_verbal(codes: IntentCodes) -> None:
    ev = _event("0841", "planned")
    ev = codes.recode(ev, _as_worded(ev))
    assert (ev.event_type, ev.status, ev.cameo, ev.quad_class) == ("RETREAT", "planned", "0353", 1)


def test_refusal_becomes_an_occurred_reject(codes: IntentCodes) -> None:
    ev = _event("085", "negated")
    ev = codes.recode(ev, _as_worded(ev, refusal=True))
    assert (ev.event_type, ev.status, ev.cameo, ev.quad_class) == ("REJECT", "occurred", "1244", 3)
    assert ev.intensity is not None and ev.intensity < 0


def test_plain_negation_is_left_alone(codes: IntentCodes) -> None:
    ev = _event("085", "negated")
    assert codes.recode(ev, _as_worded(ev)) == ev


def test_bad_row_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "intentions.tsv"
    path.write_text("cameo\tkind\tcode\n08\tpromise\t035\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"intentions.tsv:2: kind must be"):
        IntentCodes.load(CameoTable.load(), path)
    path.write_text("cameo\tkind\tcode\n08\tintent\t9999\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown CAMEO code '9999'"):
        IntentCodes.load(CameoTable.load(), path)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "etype", "cameo", "status"),
    [
        ("Sri Lanka's government said it will not lift the ban on the group.", "REJECT", "1241", "occurred"),
        ("Sudan is unwilling to release the detainees.", "REJECT", "1243", "occurred"),
        ("Egypt is willing to withdraw its troops from Gaza.", "RETREAT", "0356", "planned"),
        # a decision is the policy act itself: the deed's code, still planned
        ("Japan decided to ease sanctions on North Korea.", "RETREAT", "085", "planned"),
        # a deed only weighed is CAMEO 014, considering a policy option
        ("Japan is considering sending aid to North Korea.", "AID", "014", "planned"),
        # talks that fail to produce the deal are a rejection, not an attempted agreement
        ("Serbia and Kosovo failed to reach agreement on the border.", "REJECT", "120", "occurred"),
        # a conflict deed announced in the future tense is a threat of it (1323: threaten a curfew)
        ("The prime minister said the government will extend the curfew.", "COERCE", "1323", "planned"),
        # a conflict deed its actor wants or intends to do is a threat of it too (1384: threaten to attack)
        ("Obama wants to attack Switzerland.", "ASSAULT", "1384", "planned"),
        # a plot is planned too, but no announcement: it keeps the deed's code
        ("Police foiled a plot to bomb the pipeline.", "ASSAULT", "195", "planned"),
    ],
)
def test_sentences(pipeline, text: str, etype: str, cameo: str, status: str) -> None:  # type: ignore[no-untyped-def]
    events = pipeline.extract_texts([(text, None)], min_confidence=0.0)[0]
    found = [(e.event_type, e.cameo, e.status) for e in events]
    assert (etype, cameo, status) in found, found


def test_denied_deed_is_coded_as_a_denial(codes: IntentCodes) -> None:
    evidence = Evidence(sentence="s", span=(0, 1), trigger="t", coder="test")
    attack = Event(id="e", doc_id="d", event_type="ASSAULT", evidence=evidence, cameo="195", quad_class=4,
                   status="denied")
    ev = codes.recode(attack, _as_worded(attack))
    assert (ev.event_type, ev.status, ev.cameo, ev.quad_class) == ("ASSAULT", "denied", "016", 1)


def test_demand_becomes_an_occurred_request(codes: IntentCodes) -> None:
    ev = _event("0841", "occurred")
    ev = codes.recode(ev, _as_worded(ev), demand=True)
    assert (ev.event_type, ev.mode, ev.status, ev.cameo, ev.quad_class) == ("REQUEST", "yield", "occurred", "1053", 3)
    assert codes.code_for("190", "demand") is None  # "said Israel should strike" is not recoded


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "source", "target", "cameo"),
    [
        ("Moscow said Israel must end its attacks on Syria.", "RUS", "ISR", "1056"),
        ("Azerbaijan's president said Iran should free the detained journalists.", "AZE", "IRN", "1053"),
        ("The European Union said Turkey must mediate between Baku and Tehran.", "EU", "TUR", "108"),
        ("Pakistan said the violence against civilians must stop.", "PAK", None, "100"),
    ],
)
def test_what_a_speaker_says_another_must_do_is_a_demand(  # type: ignore[no-untyped-def]
    pipeline, text: str, source: str, target: str | None, cameo: str
) -> None:
    events = pipeline.extract_texts([(text, None)], min_confidence=0.0)[0]
    found = [
        ((e.source.country or e.source.code) if e.source else None, e.target.country if e.target else None, e.cameo)
        for e in events
        if e.event_type == "REQUEST"
    ]
    assert (source, target, cameo) in found, found


def test_own_resolve_is_not_a_demand(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = pipeline.extract_texts([("Iran said it must release the sailors soon.", None)], min_confidence=0.0)[0]
    assert all(e.event_type != "REQUEST" for e in events), events


def test_threatened_attack_is_a_verbal_threat(codes: IntentCodes) -> None:
    evidence = Evidence(sentence="s", span=(0, 1), trigger="t", coder="test")
    shelling = Event(id="e", doc_id="d", event_type="ASSAULT", evidence=evidence, cameo="194", quad_class=4,
                     status="threatened")
    ev = codes.recode(shelling, _as_worded(shelling))
    assert (ev.event_type, ev.status, ev.cameo, ev.quad_class) == ("ASSAULT", "threatened", "1384", 3)


@pytest.mark.slow
def test_a_deed_claimed_by_its_doer_is_a_claim_of_responsibility(pipeline) -> None:  # type: ignore[no-untyped-def]
    own = "The Houthis claimed that they had attacked the airport in Abha with drones."
    other = "Russia claimed that Ukrainian drones had attacked a refinery in Ryazan."
    (own_events, other_events) = pipeline.extract_texts([(own, None), (other, None)], min_confidence=0.0)
    claimed = next(e for e in own_events if e.event_type == "ASSAULT")
    assert (claimed.status, claimed.cameo, claimed.quad_class) == ("alleged", "015", 1)
    accused = next(e for e in other_events if e.event_type == "ASSAULT")
    assert accused.cameo != "015" and accused.quad_class == 4  # a claim about another's deed is an allegation
