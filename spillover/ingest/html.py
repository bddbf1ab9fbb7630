"""Main text of HTML pages and feed entries.

trafilatura finds the article body and drops navigation, scripts and ads; for
short fragments (feed summaries) where it declines, we fall back to the text
content of the parsed tree with script and style elements removed, so nothing
executable or invisible ever reaches the coder.
"""

from __future__ import annotations

from dataclasses import dataclass

from spillover.errors import InputError


@dataclass(frozen=True)
class Page:
    """Text and metadata recovered from one HTML document."""

    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None


def _fallback_text(html: str) -> str:
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot parse HTML: {exc}") from exc
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    return " ".join(tree.text_content().split())


def html_to_text(html: str, *, fragment: bool = False) -> Page:
    """Extract readable text (and title/url/date when present) from HTML.

    Args:
        html: The markup.
        fragment: True for snippets such as feed summaries, where page-level
            boilerplate removal would discard everything.

    """
    if not html.strip():
        raise InputError("HTML is empty")
    if fragment:
        return Page(text=_fallback_text(html))
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta else None
    url = meta.url if meta else None
    published = meta.date if meta else None
    if not text:
        text = _fallback_text(html)
    return Page(text=text, title=title, url=url, date=published)
