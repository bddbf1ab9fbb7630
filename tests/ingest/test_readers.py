from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from spillover.errors import InputError
from spillover.ingest.frontmatter import split_front_matter
from spillover.ingest.readers import read_documents, read_path
from spillover.records import Document, IngestFailure

LIMIT = 5_000_000


def _items(path: Path) -> list[Document | IngestFailure]:
    return list(read_path(path, LIMIT))


def test_text_with_front_matter(fixtures: Path) -> None:
    (doc,) = _items(fixtures / "ingest" / "wire-report.txt")
    assert isinstance(doc, Document)
    assert doc.title == "Border guards exchange fire near river crossing"
    assert doc.published == date(2025, 9, 14)
    assert doc.source == "Steppe Courier"
    assert doc.url == "https://example.org/steppe-courier/border-fire"
    assert doc.text.startswith("DUSHANBE, Sept. 14")
    assert "---" not in doc.text


def test_text_without_front_matter(fixtures: Path) -> None:
    (doc,) = _items(fixtures / "ingest" / "no-front-matter.txt")
    assert isinstance(doc, Document)
    assert doc.title is None and doc.published is None
    assert doc.text.startswith("Fishermen in the harbour town")


def test_html_main_text_without_scripts(fixtures: Path) -> None:
    (doc,) = _items(fixtures / "ingest" / "page.html")
    assert isinstance(doc, Document)
    assert "foreign ministers of Georgia and Azerbaijan met in Tbilisi" in doc.text
    assert "INJECTED SCRIPT TEXT" not in doc.text
    assert "SHOULD NOT APPEAR" not in doc.text
    assert "color: red" not in doc.text
    assert doc.title == "Ministers meet in Tbilisi"


def test_jsonl_bad_lines_reported_rest_kept(fixtures: Path) -> None:
    items = _items(fixtures / "ingest" / "records.jsonl")
    docs = [i for i in items if isinstance(i, Document)]
    failures = [i for i in items if isinstance(i, IngestFailure)]
    assert len(docs) == 3
    assert docs[0].published == date(2025, 11, 21)
    assert docs[1].published == date(2025, 11, 21)  # RFC 822 date
    assert docs[0].id == docs[2].id  # same text, same id
    assert [f.path.rsplit("#", 1)[1] for f in failures] == ["3", "4"]
    assert "malformed JSON" in failures[0].reason
    assert "'text'" in failures[1].reason


def test_json_list(fixtures: Path) -> None:
    docs = _items(fixtures / "ingest" / "records.json")
    assert [d.title for d in docs if isinstance(d, Document)] == ["Ceasefire signed", "Convoys cross"]
    assert docs[0].published == date(2025, 6, 2)  # type: ignore[union-attr]


def test_rss_feed_entries(fixtures: Path) -> None:
    docs = _items(fixtures / "ingest" / "feed.rss")
    assert len(docs) == 2
    first = docs[0]
    assert isinstance(first, Document)
    assert first.title == "Coast guard blocks supply boat near reef"
    assert first.published == date(2025, 11, 4)
    assert first.source == "Harbour Wire"
    assert "water cannon" in first.text
    assert "alert" not in first.text


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("broken.json", "malformed JSON"),
        ("broken.rss", "malformed feed"),
        ("latin1.txt", "not valid UTF-8"),
        ("binary.txt", "binary"),
        ("empty.txt", "empty"),
        ("blank.txt", "empty"),
        ("notes.docx", "unsupported file type"),
        ("missing.txt", "cannot read"),
    ],
)
def test_bad_inputs_fail_with_reason(fixtures: Path, name: str, reason: str) -> None:
    (item,) = _items(fixtures / "ingest" / name)
    assert isinstance(item, IngestFailure)
    assert reason in item.reason
    assert name in item.path


def test_huge_file_rejected_before_reading(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse 50 MB file
    (item,) = _items(huge)
    assert isinstance(item, IngestFailure)
    assert "52.4 MB, over the 5.0 MB limit" in item.reason


def test_directory_recursive_skips_unsupported(fixtures: Path) -> None:
    items = list(read_documents([fixtures / "ingest"], LIMIT))
    paths = {i.path if isinstance(i, IngestFailure) else i.source for i in items}
    assert not any(p and p.endswith("notes.docx") for p in paths)
    assert sum(isinstance(i, Document) for i in items) == 10


def test_unclosed_front_matter_is_an_error() -> None:
    with pytest.raises(InputError, match="never closed"):
        split_front_matter("---\ntitle: x\ndate: 2026-01-01\n")


def test_front_matter_line_must_be_key_value() -> None:
    with pytest.raises(InputError, match="line 3 is not 'key: value'"):
        split_front_matter("---\ntitle: x\nbody without closing fence\n")
