"""The dateline of a news story: "MINSK/VILNIUS (Reuters) —", "WASHINGTON –",
"Lima, 12 September 2025 (Andes Tribune) —".

A dateline says where the reporter files from, never who acts: "MINSK" there
is neither Belarus's government nor a subject of the lead, even when the
parser hangs the lead's verb on it. It opens a line (or the text) with a
capitalised place, runs without a verb to a dash, and shows itself by a word
in capitals, a date or the outlet in parentheses.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

DASHES = frozenset({"-", "–", "—", "--"})
SEARCHED_TOKENS = 80  # a dateline comes after the headline, before the story
LONGEST = 14  # "PORT MORESBY, Papua New Guinea, 6 October 2026 (Pacific Courier) —"


def dateline(doc: Doc) -> range:
    """The token positions of the story's dateline, or an empty range."""
    for start in range(min(len(doc), SEARCHED_TOKENS)):
        if start > 0 and "\n" not in doc[start - 1].text_with_ws:
            continue
        if not doc[start].text[:1].isupper():
            continue
        for end in range(start + 1, min(len(doc), start + LONGEST)):
            if "\n" in doc[end - 1].text_with_ws or doc[end].pos_ in ("VERB", "AUX"):
                break
            if doc[end].text in DASHES and doc[end - 1].whitespace_:  # not "24-year-old"
                if _marked(doc[start:end]):
                    return range(start, end)
                break
    return range(0)


def _marked(words: Span) -> bool:
    """A dateline's marks: a place in capitals, a date, or the outlet in parentheses."""
    return _capitals(words) or any(t.like_num or t.text == "(" for t in words)


def _capitals(words: Span) -> bool:
    word = words[0].text
    return len(word) > 1 and word.isupper() and any(c.isalpha() for c in word)
