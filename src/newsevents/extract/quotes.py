"""Who is quoted saying what: direct, partial and indirect quotes with their speakers.

Not built yet (issue #6): ``extract_quotes`` yields nothing until then.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc

from newsevents.lexicon import Lexicon
from newsevents.records import Actor, Article, Quote, Span


def extract_quotes(
    doc: Doc, article: Article, *, skip: Sequence[Span], actors: Sequence[Actor], lexicon: Lexicon
) -> Iterator[Quote]:
    """Yield quotes with speakers resolved to ``actors``; none yet."""
    yield from ()
