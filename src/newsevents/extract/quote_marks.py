"""Where the quoted passages of a text are, from its quotation marks alone.

Written by hand: no library reads news quotation marks well. Curly, straight
and angle marks are read by where they sit (an opening mark follows a space or
starts a paragraph; a closing one follows a word), so that a typo such as
'characterized as ” a dramatic mood swing”' still opens a quote. Single marks
(‘...’) are read as quotes inside quotes and never start a passage of their own,
because they double as apostrophes, except in a text that quotes with them (the
British convention: more single marks open a quote than there are double marks),
where a single mark between letters ("won't", "O'Sullivan") is an apostrophe and
the others are read as double marks are.

Paragraphs are lines. A passage that a paragraph opens and does not close
continues in the next paragraph when that one opens with a quotation mark
(the newspaper convention for a quote running over several paragraphs);
otherwise it runs to the end of its paragraph if it holds at least three
words, and is dropped if shorter. Double marks nested inside a passage are
kept inside it when they balance; when they do not, an opening mark inside an
open passage is read as the start of a new passage (a closing mark was lost).
Closing marks with no opening mark are ignored. Nothing here raises on any input.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsevents.records import Span

OPENERS = "“„«‟"
CLOSERS = "”»"
STRAIGHT = '"'
MARKS = OPENERS + CLOSERS + STRAIGHT
SINGLES = "‘’'"
# Quotation marks found by regex rather than a Python test per character of the text.
MARK_CHARS = re.compile(f"[{re.escape(MARKS)}]")
SINGLE_CHARS = re.compile(f"[{re.escape(SINGLES)}]")
BEFORE_OPENING = "([{—–/:"
MIN_UNCLOSED_WORDS = 3


@dataclass(frozen=True)
class Passage:
    """One quoted passage: the text inside its marks, one piece per paragraph."""

    pieces: tuple[Span, ...]  # inner spans, whitespace trimmed
    opener: int  # offset of the first opening mark
    closer: int | None  # offset of the last closing mark; None: never closed
    paragraphs: tuple[int, ...]  # index of the paragraph of each piece

    @property
    def span(self) -> Span:
        return (self.pieces[0][0], self.pieces[-1][1])


def paragraphs(text: str) -> list[Span]:
    """The non-blank lines of ``text``."""
    spans, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            spans.append((start, end))
        start = end + 1
    return spans


def read_paragraphs(text: str, skip: Sequence[Span] = ()) -> list[Span]:
    """The paragraphs a passage's ``paragraphs`` indices count: the non-blank lines
    once the ``skip`` ranges are blanked (a skipped line is no paragraph)."""
    return paragraphs(_blanked(text, skip))


def find_passages(text: str, skip: Sequence[Span] = ()) -> list[Passage]:
    """Every quoted passage of ``text`` outside the ``skip`` ranges, in text order."""
    work = _single_as_double(_blanked(text, skip))
    paras = paragraphs(work)
    found: list[Passage] = []
    carry: _Open | None = None
    for number, (start, end) in enumerate(paras):
        marks = [m.start() for m in MARK_CHARS.finditer(work, start, end)]
        if carry is not None:
            if marks and not work[start:marks[0]].strip() and _role(work, marks[0], 0) == "open":
                carry.pieces[-1][1] = paras[number - 1][1]
                carry.pieces.append([marks[0] + 1, None])
                carry.paragraphs.append(number)
                marks = marks[1:]
            else:
                _finish(work, carry, paras[number - 1][1], found, closer=None)
                carry = None
        carry = _scan(work, marks, number, end, carry, found)
    if carry is not None:
        _finish(work, carry, paras[-1][1], found, closer=None)
    return sorted(found, key=lambda p: p.opener)


@dataclass
class _Open:
    opener: int
    pieces: list[list[int | None]]
    paragraphs: list[int]


def _single_as_double(text: str) -> str:
    """``text`` with its single quotation marks written as double ones, when it quotes
    with single marks; otherwise unchanged. Offsets are kept."""
    singles = [m.start() for m in SINGLE_CHARS.finditer(text)]
    opening = [i for i in singles if _single_role(text, i) == "open"]
    if len(opening) <= sum(text.count(m) for m in MARKS):
        return text
    chars = list(text)
    for i in singles:
        role = _single_role(text, i)
        if role is not None:
            chars[i] = "“" if role == "open" else "”"
    return "".join(chars)


def _single_role(text: str, i: int) -> str | None:
    """"open", "close" or None (an apostrophe) for the single mark at ``i``."""
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if prev.isalnum() and nxt.isalnum():
        return None  # "won't", "O'Sullivan"
    if (prev.isspace() or prev in BEFORE_OPENING) and nxt.isalnum():
        return "open"
    if not prev.isspace() and (nxt.isspace() or not nxt.isalnum()):
        return "close"
    return None


def _blanked(text: str, skip: Sequence[Span]) -> str:
    chars = list(text)
    for start, end in skip:
        for i in range(max(start, 0), min(end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def _role(text: str, i: int, depth: int) -> str | None:
    """"open", "close" or None (a stray closing mark) for the mark at ``i``."""
    mark = text[i]
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    after_space = prev.isspace() or prev in BEFORE_OPENING or prev in OPENERS
    before_space = nxt.isspace() or (not nxt.isalnum() and nxt not in OPENERS + "‘'")
    if mark in OPENERS:
        return "close" if depth and not after_space and before_space else "open"
    if mark in CLOSERS:
        if depth:
            return "close"
        return "open" if after_space else None
    if after_space and not nxt.isspace():
        return "open"
    if not after_space:
        return "close" if depth else None
    return "close" if depth else "open"


def _scan(text: str, marks: list[int], number: int, end: int, carry: _Open | None,
          found: list[Passage]) -> _Open | None:
    """Read one paragraph's marks (nested reading first, then the lost-mark reading)."""
    nested = _read(text, marks, number, carry, nested=True)
    result = nested if nested is not None else _read(text, marks, number, carry, nested=False)
    assert result is not None
    passages, left_open = result
    for passage, close in passages:
        _finish(text, passage, close, found, closer=close)
    return left_open


def _read(text: str, marks: list[int], number: int, carry: _Open | None, *,
          nested: bool) -> tuple[list[tuple[_Open, int]], _Open | None] | None:
    """Pair the marks of a paragraph. With ``nested``, return None when nested marks
    leave a passage open (the nesting did not balance)."""
    current = _copy(carry)
    depth = deepest = 1 if current is not None else 0
    done: list[tuple[_Open, int]] = []
    for i in marks:
        role = _role(text, i, depth)
        if role == "open" and current is None:
            current, depth = _Open(i, [[i + 1, None]], [number]), 1
        elif role == "open" and nested:
            depth += 1
            deepest = max(deepest, depth)
        elif role == "open" and current is not None:
            done.append((current, i))
            current = _Open(i, [[i + 1, None]], [number])
        elif role == "close" and current is not None:
            depth -= 1
            if depth == 0:
                done.append((current, i))
                current = None
    if nested and (depth > 1 or (depth == 1 and deepest > 1)):
        return None
    return done, current


def _copy(carry: _Open | None) -> _Open | None:
    if carry is None:
        return None
    return _Open(carry.opener, [list(p) for p in carry.pieces], list(carry.paragraphs))


def _finish(text: str, passage: _Open, end: int, found: list[Passage], *,
            closer: int | None) -> None:
    passage.pieces[-1][1] = end
    pieces, paras = [], []
    for (start, stop), number in zip(passage.pieces, passage.paragraphs, strict=True):
        assert start is not None and stop is not None
        piece = _trim(text, start, stop)
        if piece is not None:
            pieces.append(piece)
            paras.append(number)
    if not pieces:
        return
    if closer is None and sum(len(text[s:e].split()) for s, e in pieces) < MIN_UNCLOSED_WORDS:
        return
    found.append(Passage(tuple(pieces), passage.opener, closer, tuple(paras)))


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
