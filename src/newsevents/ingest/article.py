"""Build an ``Article`` from extracted text and what the input says about it.

Every reader ends here: this is where the title is found (when the input gives
none), the dateline and debris are marked, the publication date is decided,
the language is identified (py3langid) and the ids and hashes are made. The
text itself is never changed. Title detection is a hand-written rule of plain
news text (a short first line standing alone); no library guesses titles in
text without markup.
"""

from __future__ import annotations

import py3langid

from newsevents.errors import InputError
from newsevents.ingest.base import parse_published
from newsevents.ingest.dateline import DatelineMatch, find_dateline
from newsevents.ingest.debris import SENTENCE_END, find_debris
from newsevents.ingest.identity import article_id, content_hash, signature
from newsevents.records import Article, PublishedHow, Span

MAX_TITLE_WORDS = 20
MIN_WORDS_FOR_LANGUAGE = 20
# py3langid's cost grows with the text; a few paragraphs tell the language as surely.
LANGUAGE_SAMPLE_CHARS = 2000
ANALYSED_LANGUAGE = "en"
TITLE_END = SENTENCE_END + ",;"  # a line ending so goes on, or ends a sentence


def _first_line(text: str) -> Span | None:
    """The span of the first non-blank line, stripped."""
    start = len(text) - len(text.lstrip())
    if start == len(text):
        return None
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    return (start, len(text[:end].rstrip()))


def _next_content(text: str, pos: int) -> int:
    """The offset of the first non-whitespace character at or after ``pos``."""
    return pos + (len(text[pos:]) - len(text[pos:].lstrip()))


def looks_like_title(text: str, line: Span) -> bool:
    """Short, no final sentence punctuation, followed by a blank line, not a dateline."""
    words = text[line[0] : line[1]].split()
    if not words or len(words) > MAX_TITLE_WORDS or text[line[1] - 1] in TITLE_END:
        return False
    line_end = text.find("\n", line[1])
    blank_end = text.find("\n", line_end + 1) if line_end != -1 else -1
    followed_by_blank = blank_end != -1 and not text[line_end + 1 : blank_end].strip()
    has_body = bool(text[line[1] :].strip())
    return followed_by_blank and has_body and find_dateline(text, line[0]) is None


def repeats_title(line: str, title: str) -> bool:
    """Whether a heading-shaped first line repeats the given title (or the title it)."""
    line_key, title_key = " ".join(line.split()).lower(), " ".join(title.split()).lower()
    heading = len(line.split()) <= MAX_TITLE_WORDS and line[-1] not in TITLE_END
    return line_key == title_key or (heading and (line_key in title_key or title_key in line_key))


def split_title(text: str, given: str | None) -> tuple[str | None, Span | None, int]:
    """The title, the span of its line in ``text`` (if there), and where the body starts."""
    line = _first_line(text)
    if line is None:
        return given, None, len(text)
    first = text[line[0] : line[1]]
    if given is not None and repeats_title(first, given) and find_dateline(text, line[0]) is None:
        return given, line, _next_content(text, line[1])
    if given is None and looks_like_title(text, line):
        return first, line, _next_content(text, line[1])
    return given, None, line[0]


def identify_language(text: str) -> str:
    """The ISO 639-1 code py3langid gives; "en" when the text is too short to tell."""
    if len(text.split()) < MIN_WORDS_FOR_LANGUAGE:
        return ANALYSED_LANGUAGE
    language, _score = py3langid.classify(text[:LANGUAGE_SAMPLE_CHARS])
    return str(language)


def decide_published(
    meta: str | None, given: str | None, dateline: DatelineMatch | None, default: str | None
) -> tuple[str | None, PublishedHow]:
    """Metadata, else the input's own field, else the dateline's date, else --published."""
    if meta:
        return meta, "metadata"
    if given:
        return given, "given"
    if dateline is not None and dateline.date:
        return dateline.date, "dateline"
    if default:
        return default, "given"
    return None, "none"


def _overlaps(span: Span, others: list[Span]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


def make_article(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    published_meta: str | None = None,
    published_given: str | None = None,
    published_default: str | None = None,
) -> Article:
    """Build an Article: marks debris and dateline, decides the publication date, language, ids.

    Raises ``InputError`` for an empty text and ``UsageError`` for a bad date.
    """
    if not text.strip():
        raise InputError("empty article")
    title, title_span, body_start = split_title(text, title)
    dateline = find_dateline(text, body_start)
    protected = [s for s in (title_span, dateline.dateline.span if dateline else None) if s]
    debris = tuple(s for s in find_debris(text) if not _overlaps(s, protected))
    published, how = decide_published(
        parse_published(published_meta) if published_meta else None,
        parse_published(published_given) if published_given else None,
        dateline,
        parse_published(published_default) if published_default else None,
    )
    language = identify_language(text)
    return Article(
        id=article_id(text, id=id, url=url),
        text=text,
        title=title,
        # A wire dateline names the outlet of record when nothing else does.
        source=source or (dateline.dateline.agency if dateline else None),
        url=url,
        published=published,
        published_how=how,
        language=language,
        dateline=dateline.dateline if dateline else None,
        debris=debris,
        content_hash=content_hash(text),
        signature=signature(text),
        note=None if language == ANALYSED_LANGUAGE else f"not analysed: language is {language}",
    )
