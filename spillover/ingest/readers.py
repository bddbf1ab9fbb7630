"""Turn files on disk into :class:`~spillover.records.Document` records.

Each reader yields, per input item, either a ``Document`` or an
``IngestFailure`` carrying a reason a person can act on. A bad item never
raises out of the reader, so one broken file cannot stop a batch. Items
inside one file (JSONL lines, feed entries) are addressed as ``path#N``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from spillover.errors import InputError
from spillover.ingest.frontmatter import parse_date, split_front_matter
from spillover.ingest.html import html_to_text
from spillover.records import Document, IngestFailure

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES

Item = Document | IngestFailure


def iter_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand directories recursively (sorted, so runs are reproducible).

    Hidden files and files with unsupported suffixes inside directories are
    skipped quietly; a file named explicitly is always attempted so that the
    user hears why it cannot be read.
    """
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and child.suffix.lower() in SUPPORTED and not hidden:
                    yield child
        else:
            yield path


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """Read a file, refusing missing, oversized, empty and binary ones with a clear reason."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc
    if size > max_bytes:
        raise InputError(
            f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit "
            "(raise max_document_bytes if this is really one article)"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc
    if not data.strip():
        raise InputError("file is empty")
    if b"\x00" in data[:8192]:
        raise InputError("file looks binary (contains NUL bytes), not a text document")
    return data


def decode_utf8(data: bytes) -> str:
    """Decode strictly: guessing an encoding silently corrupts names and quotes."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. iconv -f latin1 -t utf-8"
        ) from exc


def _coerce_date(value: Any) -> date | None:
    """Accept ISO dates/datetimes and RFC 822 dates as found in JSON exports."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError) as exc:
        raise InputError(f"published date {text!r} is neither ISO 8601 nor RFC 822") from exc


def _document(text: str, origin: str, **meta: Any) -> Document:
    body = text.strip()
    if not body:
        raise InputError("no text left after extraction")
    return Document.from_text(
        body,
        title=(meta.get("title") or None),
        source=(meta.get("source") or origin),
        url=(meta.get("url") or None),
        published=meta.get("published"),
    )


def read_text_file(path: Path, max_bytes: int) -> Iterator[Item]:
    """A plain-text article, optionally with front matter."""
    fields, body = split_front_matter(decode_utf8(read_bytes(path, max_bytes)))
    yield _document(
        body,
        str(path),
        title=fields.get("title"),
        source=fields.get("source"),
        url=fields.get("url"),
        published=parse_date(fields.get("date") or fields.get("published")),
    )


def read_html_file(path: Path, max_bytes: int) -> Iterator[Item]:
    """An HTML page: main text via trafilatura, scripts and boilerplate dropped."""
    page = html_to_text(decode_utf8(read_bytes(path, max_bytes)))
    yield _document(page.text, str(path), title=page.title, url=page.url, published=_coerce_date(page.date))


def _record_document(record: Any, origin: str) -> Document:
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("record has no non-empty 'text' field")
    return _document(
        text,
        origin,
        title=record.get("title"),
        source=record.get("source"),
        url=record.get("url"),
        published=_coerce_date(record.get("published") or record.get("date")),
    )


def read_json_file(path: Path, max_bytes: int) -> Iterator[Item]:
    """A JSON object or a list of objects with ``text``, ``title``, ``url``, ``published``."""
    raw = decode_utf8(read_bytes(path, max_bytes))
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, start=1):
        origin = f"{path}#{number}"
        try:
            yield _record_document(record, origin)
        except InputError as exc:
            yield IngestFailure(origin, str(exc))


def read_jsonl_file(path: Path, max_bytes: int) -> Iterator[Item]:
    """One JSON record per line; a bad line is reported and the rest go on."""
    raw = decode_utf8(read_bytes(path, max_bytes))
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        origin = f"{path}#{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestFailure(origin, f"malformed JSON line: {exc.msg} at column {exc.colno}")
            continue
        try:
            yield _record_document(record, origin)
        except InputError as exc:
            yield IngestFailure(origin, str(exc))


def read_feed_file(path: Path, max_bytes: int) -> Iterator[Item]:
    """An RSS or Atom feed: one document per entry (content, else summary)."""
    import feedparser  # local: only feeds pay for the import

    data = read_bytes(path, max_bytes)
    feed = feedparser.parse(data)
    if not feed.entries:
        detail = feed.get("bozo_exception")
        why = f": {detail}" if detail else ""
        raise InputError(f"malformed or empty feed (no entries){why}")
    broken = f"malformed feed ({feed.bozo_exception}); " if feed.get("bozo") else ""
    for number, entry in enumerate(feed.entries, start=1):
        origin = f"{path}#{number}"
        try:
            html = ""
            if entry.get("content"):
                html = " ".join(part.get("value", "") for part in entry.content)
            html = html or entry.get("summary", "")
            text = html_to_text(html, fragment=True).text if html else ""
            parsed = entry.get("published_parsed") or entry.get("updated_parsed")
            published = date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None
            yield _document(
                text,
                origin,
                title=entry.get("title"),
                url=entry.get("link"),
                source=feed.feed.get("title"),
                published=published,
            )
        except InputError as exc:
            yield IngestFailure(origin, f"{broken}{exc}")


def _reader_for(path: Path) -> Any:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return read_text_file
    if suffix in HTML_SUFFIXES:
        return read_html_file
    if suffix in JSON_SUFFIXES:
        return read_json_file
    if suffix in JSONL_SUFFIXES:
        return read_jsonl_file
    if suffix in FEED_SUFFIXES:
        return read_feed_file
    return None


def read_path(path: Path, max_bytes: int) -> Iterator[Item]:
    """Read one file of any supported kind; failures come back as items, never raise."""
    reader = _reader_for(path)
    if reader is None:
        kinds = ", ".join(sorted(SUPPORTED))
        yield IngestFailure(str(path), f"unsupported file type {path.suffix or '(none)'!r}; use one of {kinds}")
        return
    try:
        yield from reader(path, max_bytes)
    except InputError as exc:
        yield IngestFailure(str(path), str(exc))


def read_documents(paths: Iterable[Path], max_bytes: int) -> Iterator[Item]:
    """Read every document under ``paths`` (files and directories, recursively)."""
    for path in iter_paths(paths):
        yield from read_path(path, max_bytes)
