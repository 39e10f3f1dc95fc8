"""Read an HTML page (.html/.htm, or a WARC response): trafilatura for the main text.

trafilatura extracts the main text and the page metadata (title, site name as
the source, canonical URL, date); the date comes from the page markup only
(htmldate with ``extensive_search`` off), so "metadata" means the page states
it. When trafilatura finds no date, htmldate is asked again with the URL we
know (a WARC target URI often carries /2019/01/08/). On a page with no article,
trafilatura falls back to whatever text the body has (a menu, a footer); fewer
than ``MIN_MAIN_TEXT_WORDS`` words is taken as no main text.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import htmldate
import trafilatura
from lxml.etree import LxmlError
from trafilatura.settings import Document

from newsevents.errors import NewseventsError
from newsevents.ingest.article import make_article
from newsevents.ingest.base import Defaults, InputFailure, Item, one_line
from newsevents.records import Article

LOGGER = logging.getLogger(__name__)
DATE_PARAMS = {"original_date": True, "extensive_search": False}
NO_MAIN_TEXT = "no main text found"
MIN_MAIN_TEXT_WORDS = 10  # below this, trafilatura has fallen back to the menu or the footer


def has_main_text(text: str) -> bool:
    """Whether trafilatura found a text, not the few words of a menu it falls back to."""
    return len(text.split()) >= MIN_MAIN_TEXT_WORDS


def page_date(data: bytes, url: str | None) -> str | None:
    """The publication date htmldate finds in the markup (or URL), original date preferred."""
    try:
        return htmldate.find_date(data, original_date=True, extensive_search=False, url=url)
    except (ValueError, TypeError, LxmlError) as error:
        LOGGER.debug("htmldate failed: %s", error)
        return None


def extract_page(data: bytes, url: str | None) -> Document | None:
    """trafilatura's main text and metadata of a page; None when it has no main text."""
    result = trafilatura.bare_extraction(
        data, url=url, with_metadata=True, include_comments=False,
        date_extraction_params=dict(DATE_PARAMS),
    )
    if isinstance(result, Document) and result.text and has_main_text(result.text):
        return result
    return None


def html_article(
    label: str, data: bytes, defaults: Defaults, *, url: str | None = None
) -> Article | InputFailure:
    """The article of one HTML page, or a failure naming ``label``."""
    if b"\x00" in data:
        return InputFailure(label, "not HTML text (binary data)")
    try:
        document = extract_page(data, url)
    except (ValueError, TypeError, LxmlError) as error:
        return InputFailure(label, f"not readable HTML: {one_line(str(error))}")
    if document is None or not document.text:
        return InputFailure(label, NO_MAIN_TEXT)
    page_url = document.url or url
    try:
        return make_article(
            document.text,
            title=document.title or None,
            source=document.sitename or defaults.source,
            url=page_url,
            published_meta=document.date or page_date(data, page_url),
            published_default=defaults.published,
        )
    except NewseventsError as error:
        return InputFailure(label, one_line(str(error)))


def read_html_file(path: Path, label: str, defaults: Defaults) -> Iterator[Item]:
    """One article from an .html/.htm file."""
    yield html_article(label, path.read_bytes(), defaults)
