"""Claims of responsibility credited to the attack they claim."""

from __future__ import annotations

from spillover.coding.claims import credit_claimants
from spillover.records import Actor, Event, Evidence


def _attack(sentence: int, source: Actor | None, target: str | None = "USA", cameo: str = "190",
            status: str = "occurred") -> Event:
    return Event(
        id=f"e{sentence}{cameo}",
        doc_id="d",
        event_type="ASSAULT",
        evidence=Evidence("s", (0, 1), "t", "rules-v1:verb:strike", sentence_index=sentence),
        cameo=cameo,
        quad_class=4,
        source=source,
        target=Actor(text=target, code=target, country=target) if target else None,
        status=status,
        confidence=0.9,
    )


UNNAMED = Actor(text="an Iran-backed militia", code="SYRREB", country="SYR", sector="REB")
GROUP = Actor(text="Kataib Hezbollah", name="Kataib Hezbollah", code="IRQREB", country="IRQ", sector="REB")


def test_an_attack_by_an_unnamed_group_takes_its_claimant() -> None:
    strike, claim = _attack(0, UNNAMED), _attack(1, GROUP, target=None, cameo="015", status="alleged")
    credited, answered = credit_claimants([strike, claim])
    assert credited.source is not None and credited.source.code == "IRQREB" and credited.source.name
    assert credited.evidence.coder.endswith("+claim")
    assert answered.target is not None and answered.target.code == "USA"  # the claim is of that strike


def test_a_named_doer_or_a_distant_attack_is_left_alone() -> None:
    named = _attack(0, Actor(text="Israel", name="Israel", code="ISR", country="ISR"))
    claim = _attack(1, GROUP, cameo="015", status="alleged")
    assert credit_claimants([named, claim]) == [named, claim]
    far = _attack(0, UNNAMED)
    late = _attack(3, GROUP, cameo="015", status="alleged")
    assert credit_claimants([far, late]) == [far, late]
    # the latest attack told names its doer: the claim is not carried past it to an earlier one
    assert credit_claimants([far, _attack(1, named.source), _attack(2, GROUP, cameo="015", status="alleged")])[0] == far


def test_an_unnamed_claimant_or_an_attack_only_threatened_credits_nothing() -> None:
    nobody = _attack(1, Actor(text="a group", code="---REB", sector="REB"), cameo="015", status="alleged")
    strike = _attack(0, None)
    assert credit_claimants([strike, nobody]) == [strike, nobody]
    threat = _attack(0, None, status="threatened")
    claim = _attack(1, GROUP, cameo="015", status="alleged")
    assert credit_claimants([threat, claim]) == [threat, claim]
