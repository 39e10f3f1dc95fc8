"""Places named in the article, geocoded offline.

Not built yet (issue #6): ``extract_places`` yields nothing until then.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc

from newsevents.lexicon import Lexicon
from newsevents.records import Article, Place, Span


def extract_places(
    doc: Doc, article: Article, *, skip: Sequence[Span], lexicon: Lexicon
) -> Iterator[Place]:
    """Yield GPE/LOC/FAC mentions with gazetteer coordinates; none yet."""
    yield from ()
