"""Character ranges that extractors must not read: web debris and the dateline."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Token

from newsevents.records import Article, Span

T = TypeVar("T")


def skipped(article: Article) -> tuple[Span, ...]:
    """The debris ranges and the dateline span, sorted."""
    ranges = list(article.debris)
    if article.dateline is not None:
        ranges.append(article.dateline.span)
    return tuple(sorted(ranges))


def overlaps(span: Span, ranges: Sequence[Span]) -> bool:
    start, end = span
    for r_start, r_end in ranges:  # noqa: SIM110 - asked tens of thousands of times per
        # article, of a range or two: a generator for any() costs three times the test
        if start < r_end and r_start < end:
            return True
    return False


def token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Each token's start and end character offsets, read without making Token objects."""
    bounds = doc.to_array([IDX, LENGTH])
    return bounds[:, 0].tolist(), (bounds[:, 0] + bounds[:, 1]).tolist()


def overlapping(starts: Sequence[int], ends: Sequence[int], ranges: Sequence[Span]) -> set[int]:
    """The indices of the tokens (sorted ``starts`` and ``ends``, as ``token_bounds``
    gives them) that overlap any of ``ranges``: ``overlaps`` for every token at once."""
    found: set[int] = set()
    for r_start, r_end in ranges:
        found.update(range(bisect_right(ends, r_start), bisect_left(starts, r_end)))
    return found


def tokens_where(doc: Doc, attr: int, values: frozenset[str]) -> list[Token]:
    """The tokens whose string attribute ``attr`` (``spacy.attrs.LOWER``, ``DEP``...)
    is one of ``values``, found in the doc's array: a Token object for every token
    of the text costs more than the test."""
    wanted = {doc.vocab.strings[value] for value in values}
    return [doc[i] for i, value in enumerate(doc.to_array(attr).tolist()) if value in wanted]


def once_per_doc(doc: Doc, key: str, compute: Callable[[], T]) -> T:
    """``compute()``, kept in the doc's user data under ``key`` so that every later reader
    of the same doc reuses it (spaCy rebuilds entities, chunks and sentences on each
    access)."""
    if key not in doc.user_data:
        doc.user_data[key] = compute()
    value: Any = doc.user_data[key]
    return value
