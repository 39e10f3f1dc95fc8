"""GDELT-style tone figures and the loaded terms an article uses.

Not built yet (issue #6): ``extract_tone`` returns None until then, never a
placeholder figure.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from newsevents.lexicon import Lexicon
from newsevents.records import Article, Span, Tone


def extract_tone(
    doc: Doc, article: Article, *, skip: Sequence[Span], lexicon: Lexicon
) -> Tone | None:
    """The seven V2Tone figures over the text outside ``skip``; None until implemented."""
    return None
