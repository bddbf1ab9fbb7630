"""Front matter of plain-text articles.

A ``.txt`` article may begin with a block of ``key: value`` lines between two
``---`` lines (the convention of static-site generators), which is how title,
date, source and URL travel with a text file without a sidecar.
"""

from __future__ import annotations

from datetime import date

from spillover.errors import InputError

_FENCE = "---"


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split ``text`` into its front-matter fields and the body.

    Returns an empty mapping and the text unchanged when there is no front
    matter. Keys are lower-cased; surrounding quotes on values are removed.

    Raises:
        InputError: the opening fence is present but never closed, or a line
            inside it is not ``key: value`` — silently treating a broken header
            as body text would put YAML into the event sentences.

    """
    stripped = text.lstrip("\ufeff")
    if not stripped.startswith(_FENCE + "\n") and not stripped.startswith(_FENCE + "\r\n"):
        return {}, text
    lines = stripped.splitlines(keepends=True)
    fields: dict[str, str] = {}
    for number, line in enumerate(lines[1:], start=2):
        content = line.strip()
        if content == _FENCE:
            body = "".join(lines[number:])
            return fields, body.lstrip("\r\n")
        if not content or content.startswith("#"):
            continue
        key, sep, value = content.partition(":")
        if not sep or not key.strip():
            raise InputError(f"front matter line {number} is not 'key: value': {content[:60]!r}")
        fields[key.strip().lower()] = value.strip().strip("\"'")
    raise InputError("front matter opened with '---' but never closed")


def parse_date(value: str | None) -> date | None:
    """Parse a publication date given as ISO ``YYYY-MM-DD`` (a time part is ignored).

    Raises:
        InputError: the value is present but not an ISO date.

    """
    if not value:
        return None
    head = value.strip()[:10]
    try:
        return date.fromisoformat(head)
    except ValueError as exc:
        raise InputError(f"date {value!r} is not an ISO date (YYYY-MM-DD)") from exc
