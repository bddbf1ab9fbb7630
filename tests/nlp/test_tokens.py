from __future__ import annotations

import pytest

from spillover.nlp.tokens import with_dep

pytestmark = pytest.mark.slow


def test_tokens_with_a_label_are_those_a_walk_of_the_doc_finds(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Iran fired missiles at Israel, and Israel struck sites near Isfahan that Iran had used.")
    for labels in [("ROOT",), ("conj",), ("relcl", "pobj"), ("nsubj",)]:
        assert with_dep(doc, *labels) == [t for t in doc if t.dep_ in labels]
    assert with_dep(doc, "csubjpass") == []
    assert with_dep(nlp(""), "ROOT") == []
