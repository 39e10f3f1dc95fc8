"""Photo captions: the line just above an image credit ("Photo: ...", "Image: ...").

A caption tells in the present what the camera saw, which is already over:
"Rescuers search the rubble on Thursday" is the Thursday before publication.
"""

from __future__ import annotations

from newsevents.ingest.debris import MAX_CAPTION_WORDS, is_image_credit, split_lines
from newsevents.records import Span


def caption_lines(text: str) -> tuple[Span, ...]:
    """The (start, end) ranges of the short lines whose next non-blank line is a credit."""
    lines = [line for line in split_lines(text) if line.text]
    return tuple(line.span for line, following in zip(lines, lines[1:], strict=False)
                 if is_image_credit(following) and not is_image_credit(line)
                 and line.words <= MAX_CAPTION_WORDS)
