"""Temporal expressions normalised to TIMEX3 against the publication date.

Not built yet (issue #4): ``extract_times`` yields nothing, so ``times`` is an
empty list in every analysis until then.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc

from newsevents.lexicon import Lexicon
from newsevents.records import Article, Span, TimeExpression


def extract_times(
    doc: Doc, article: Article, *, skip: Sequence[Span], lexicon: Lexicon
) -> Iterator[TimeExpression]:
    """Yield DATE, TIME, DURATION and SET expressions outside ``skip``; none yet."""
    yield from ()
