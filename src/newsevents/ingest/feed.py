"""Read an RSS or Atom feed with feedparser: each entry is an article.

An entry's text is its full content (``content[0]``) when the feed carries it,
else its summary; HTML is turned into text with lxml, one paragraph per block
element, paragraphs separated by a blank line (trafilatura wants whole pages,
not fragments). The feed's title is the source; the entry's published (or
updated) date is metadata.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
from lxml import html as lxml_html
from lxml.etree import LxmlError, ParserError

from newsevents.errors import NewseventsError
from newsevents.ingest.article import make_article
from newsevents.ingest.base import Defaults, InputFailure, Item, one_line

BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "br", "tr", "table", "figure", "figcaption", "section", "article", "dd", "dt", "hr",
})
SKIPPED_TAGS = frozenset({"script", "style", "noscript"})
FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")


def looks_like_feed(head: bytes) -> bool:
    """A cheap sniff of a file's first bytes for an RSS, Atom or RDF root element."""
    lowered = head.lower()
    return any(marker in lowered for marker in FEED_MARKERS)


def _paragraphs(element: Any) -> list[str]:
    """The raw text of ``element`` as paragraphs: block children break, inline children join."""
    paragraphs: list[str] = []
    current = element.text or ""
    for child in element:
        if isinstance(child.tag, str) and child.tag not in SKIPPED_TAGS:
            inner = _paragraphs(child)
            if child.tag in BLOCK_TAGS or len(inner) > 1:
                paragraphs += [current, *inner]
                current = ""
            else:
                current += "".join(inner)
        current += child.tail or ""
    paragraphs.append(current)
    return paragraphs


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment, paragraphs separated by blank lines."""
    if "<" not in fragment:
        return fragment
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, LxmlError, ValueError):
        return fragment
    paragraphs = (" ".join(p.split()) for p in _paragraphs(root))
    return "\n\n".join(p for p in paragraphs if p)


def entry_text(entry: Any) -> str:
    """The entry's full content when given, else its summary, as plain text."""
    parts = entry.get("content") or []
    chosen = parts[0] if parts else entry.get("summary_detail") or {"value": entry.get("summary")}
    value = chosen.get("value") or ""
    if "html" in (chosen.get("type") or "text/html"):
        return html_fragment_text(value)
    return value


def entry_date(entry: Any) -> str | None:
    """The entry's published (else updated) date, 'YYYY-MM-DD'."""
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def read_feed_bytes(label: str, data: bytes, defaults: Defaults) -> Iterator[Item]:
    """Every entry of a feed, in feed order; a failure in place of each empty entry."""
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.get("version"):
        reason = parsed.get("bozo_exception")
        detail = f": {one_line(str(reason))}" if reason else ""
        yield InputFailure(label, f"not an RSS or Atom feed{detail}")
        return
    if not parsed.entries:
        yield InputFailure(label, "no articles found (the feed has no entries)")
        return
    source = parsed.feed.get("title") or defaults.source
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            yield make_article(
                entry_text(entry),
                title=entry.get("title") or None,
                source=source,
                url=entry.get("link") or None,
                published_meta=entry_date(entry),
                published_default=defaults.published,
            )
        except NewseventsError as error:
            yield InputFailure(f"{label}#entry {number}", one_line(str(error)))


def read_feed_file(path: Path, label: str, defaults: Defaults) -> Iterator[Item]:
    """Every entry of a .rss, .atom or .xml feed file."""
    yield from read_feed_bytes(label, path.read_bytes(), defaults)
