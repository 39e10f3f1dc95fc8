"""The dateline of a news story: "MINSK/VILNIUS (Reuters) —", "WASHINGTON –".

A dateline says where the reporter files from, never who acts: "MINSK" there
is neither Belarus's government nor a subject of the lead, even when the
parser hangs the lead's verb on it. It is a line (or the text) opening on one
or more words in capitals, joined by "/" or ",", and closed by a dash, an
opening parenthesis or a colon.
"""

from __future__ import annotations

from spacy.tokens import Doc

CLOSERS = frozenset({"-", "–", "—", "(", ":"})
JOINERS = frozenset({"/", ","})
SEARCHED_TOKENS = 80  # a dateline comes after the headline, before the story


def dateline(doc: Doc) -> range:
    """The token positions of the story's dateline, or an empty range."""
    for start in range(min(len(doc), SEARCHED_TOKENS)):
        if start > 0 and "\n" not in doc[start - 1].text_with_ws:
            continue
        end = start
        while end < len(doc) and (_capitals(doc[end].text) or (
                doc[end].text in JOINERS and end > start)):
            end += 1
        if end > start and end < len(doc) and doc[end].text in CLOSERS:
            return range(start, end)
    return range(0)


def _capitals(word: str) -> bool:
    return len(word) > 1 and word.isupper() and any(c.isalpha() for c in word)
