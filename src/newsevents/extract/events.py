"""PLOVER/CAMEO events with source, target, modality, date and place.

Not built yet (issue #5): ``extract_events`` yields nothing until then.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc

from newsevents.lexicon import Lexicon
from newsevents.records import Actor, Article, Event, Mention, Place, Span, TimeExpression


def extract_events(
    doc: Doc,
    article: Article,
    *,
    skip: Sequence[Span],
    mentions: Sequence[Mention],
    actors: Sequence[Actor],
    times: Sequence[TimeExpression],
    places: Sequence[Place],
    lexicon: Lexicon,
) -> Iterator[Event]:
    """Yield one event per coded predicate outside ``skip``; none yet."""
    yield from ()
