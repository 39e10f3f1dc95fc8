"""Matching the actor tables against spaCy tokens.

Two kinds of matching, both longest-first:

- names (countries, capitals, demonyms, informal names, IGOs, named actors) are
  compared with the text as printed, case-sensitively, after ``norm_name``
  (curly apostrophes made straight, spaces collapsed, a leading "The" lower-cased);
  a word in capitals longer than four letters is also tried in title case
  ("NAIROBI" in a dateline), so that acronyms ("NATO") keep their own entries;
- nouns (titles, sector nouns) are compared word by word in lower case, the last
  word also by its lemma, so "foreign ministers" matches "foreign minister".

Written by hand because spaCy's PhraseMatcher needs a vocabulary at load time,
while the lexicon is plain data loaded once and shared by every pipeline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from types import MappingProxyType
from typing import Any, Generic, TypeVar, cast

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LEMMA, LENGTH, LOWER, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from newsevents.lexicon.actors import NounInfo, Words, norm_name

V = TypeVar("V")
T = TypeVar("T")
MAX_NAME_TOKENS = 8
MAX_NOUN_WORDS = 5
OPENING_CHARS = 6  # how much of a name's start ``name_openings`` keeps


@dataclass(frozen=True)
class Hit(Generic[V]):
    """A table entry found at tokens ``start`` (inclusive) to ``end`` (exclusive) of a doc."""

    start: int
    end: int
    value: V


@dataclass(frozen=True)
class _Layout:
    """A doc's text and each token's character offsets and whether it is punctuation or
    space, read once: matching slices the text a hundred thousand times per article, and
    each ``doc[i]`` or ``doc[i:j]`` would build a new spaCy object."""

    doc: Doc
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    blank: tuple[bool, ...]  # punctuation or space: no name starts there
    openings: tuple[tuple[str, ...], ...]  # per token, what ``_most_words`` looks up
    words_before: tuple[int, ...]  # per token, how many tokens before it open a word


_last_layout: list[_Layout] = []  # the layout of the doc read last (docs are read one by one)


def _layout(doc: Doc) -> _Layout:
    if _last_layout and _last_layout[0].doc is doc:
        return _last_layout[0]
    text = doc.text
    # one array call rather than a spaCy Token object per token; columns read whole by
    # numpy and list comprehensions rather than generators: built once per doc, over every token
    rows = doc.to_array([IDX, LENGTH, IS_PUNCT, IS_SPACE])
    starts = tuple(rows[:, 0].tolist())
    ends = tuple((rows[:, 0] + rows[:, 1]).tolist())
    blank = tuple(((rows[:, 2] + rows[:, 3]) > 0).tolist())
    openings = tuple([_token_openings(text[start:end])
                      for start, end in zip(starts, ends, strict=True)])
    # a word is a run of text between blanks: a token after a blank opens one
    opens_word = [not space and start > 0 and text[start - 1].isspace()
                  for start, space in zip(starts, rows[:, 3].tolist(), strict=True)]
    words_before = tuple(accumulate(opens_word, initial=0))
    layout = _Layout(doc, text, starts, ends, blank, openings, words_before)
    _last_layout[:] = [layout]
    return layout


Openings = Mapping[str, int]  # what ``name_openings`` gives


def name_openings(names: Iterable[str]) -> dict[str, int]:
    """The first 1 to ``OPENING_CHARS`` characters of every name, each with the most words
    of a name opening so: a token none of them opens ("said", "the" aside) starts no
    name, so ``name_at`` need not try the eight spans that start there (most tokens of an
    article are such words), nor, at a token that opens some, the spans of more words."""
    most: dict[str, int] = {}
    for name in names:
        words = len(name.split())
        for size in range(1, OPENING_CHARS + 1):
            most[name[:size]] = max(words, most.get(name[:size], 0))
    return most


# the same few thousand words make up most articles; one-off names fill the rest, so the
# cache stays small enough (a few MB) not to grow a worker's memory over a long ingest
@lru_cache(maxsize=1 << 14)
def _token_openings(text: str) -> tuple[str, ...]:
    """What ``name_openings`` must hold for a name to start with the token ``text``; ()
    when any name may start there. A name as printed starts with the token's text, its
    apostrophes straightened (``norm_name``), or with that in title case (a word in
    capitals, ``lookup_name``). "The" may be dropped or lower-cased by ``lookup_name``,
    and a token holding a space is joined differently: those are always tried."""
    if text.lower() == "the" or text.split() != [text]:
        return ()
    straight = text.replace("\u2019", "'")
    # only a name in capitals is tried in title case, and it opens on a word in capitals
    title = straight.title() if straight.isupper() else straight
    return (straight[:OPENING_CHARS], title[:OPENING_CHARS])


def _most_words(layout: _Layout, start: int, openings: Openings) -> int | None:
    """The most words of a name of ``openings`` that may start at token ``start``: 0 for
    none, None when any name may (``_token_openings``)."""
    mine = layout.openings[start]
    return max(openings.get(mine[0], 0), openings.get(mine[1], 0)) if mine else None


_table_indexes: dict[tuple[int, Callable[..., object]], tuple[object, object]] = {}


def _table_index(table: Mapping[Any, object],
                 build: Callable[[Mapping[Any, object]], T]) -> T | None:
    """``build(table)`` for a read-only table of the lexicon, worked out once per table
    (the table is kept, so its id is not reused); None for any other mapping, which may
    change between calls."""
    if not isinstance(table, MappingProxyType):
        return None
    key = (id(table), build)
    if key not in _table_indexes:
        _table_indexes[key] = (table, build(table))
    return cast(T, _table_indexes[key][1])


def doc_text(doc: Doc) -> str:
    """``doc.text``, which spaCy joins anew from every token on each access."""
    return _layout(doc).text


def token_starts(doc: Doc) -> tuple[int, ...]:
    """Each token's character offset (``token.idx``), without a Token object per token."""
    return _layout(doc).starts


def token_ends(doc: Doc) -> tuple[int, ...]:
    """Each token's end character offset, without a Token object per token."""
    return _layout(doc).ends


def surface(doc: Doc, start: int, end: int) -> str:
    """The text of tokens ``start``..``end`` exactly as printed."""
    if end <= start:
        return ""
    layout = _layout(doc)
    return layout.text[layout.starts[start]:layout.ends[end - 1]]


# the same stretches of text are looked up in table after table, and norming one
# costs more than finding it in a cache (kept small for the same reason as above)
_norm_name = lru_cache(maxsize=1 << 14)(norm_name)


def lookup_name(text: str, names: Mapping[str, V]) -> V | None:
    """A name as printed (with or without a leading "the") in a table of normalised names."""
    # written out rather than looped over the variants: asked ~2,000 times an article
    key = _norm_name(text)
    if key in names:
        return names[key]
    found = names.get(key[4:]) if key.startswith("the ") else None
    if found is not None or not (key.isupper() and len(key) > 4):
        return found
    title = key.title()
    if title in names:
        return names[title]
    return names.get(title[4:]) if title.startswith("the ") else None


def name_at(doc: Doc, start: int, stop: int, names: Mapping[str, V],
            openings: Openings | None = None) -> Hit[V] | None:
    """The longest name of ``names`` that starts at token ``start`` and ends by ``stop``.

    ``openings`` (``name_openings`` of at least the names of ``names``) lets tokens no
    name starts with be passed over at once; a table of the lexicon finds its own."""
    openings = openings if openings is not None else _table_index(names, name_openings)
    return _name_from(_layout(doc), start, stop, names, openings)


def _name_from(layout: _Layout, start: int, stop: int, names: Mapping[str, V],
               openings: Openings | None) -> Hit[V] | None:
    """``name_at`` on a doc's layout, with the table's openings found."""
    if layout.blank[start]:
        return None
    most = _most_words(layout, start, openings) if openings is not None else None
    if most == 0:
        return None
    text, first = layout.text, layout.starts[start]
    words_before, opened = layout.words_before, layout.words_before[start + 1]
    for end in range(min(stop, start + MAX_NAME_TOKENS), start, -1):
        if most is not None and words_before[end] - opened >= most:
            continue  # more words than any name opening so ("the", which may be dropped,
            # opens on no openings: ``_token_openings``)
        value = lookup_name(text[first:layout.ends[end - 1]], names)
        if value is not None:
            return Hit(start, end, value)
    return None


def scan_names(doc: Doc, start: int, stop: int, names: Mapping[str, V],
               openings: Openings | None = None) -> Iterator[Hit[V]]:
    """Every name of ``names`` in tokens ``start``..``stop``, longest first, not overlapping
    (``openings`` as for ``name_at``)."""
    # the layout and the openings found once for the scan, not once per token
    layout = _layout(doc)
    openings = openings if openings is not None else _table_index(names, name_openings)
    # most tokens open no name: passed over in one comprehension, not one call each
    candidates = [i for i in range(start, stop) if not layout.blank[i]
                  and (openings is None or _most_words(layout, i, openings) != 0)]
    after = start  # where the last hit ended: a name starts no earlier
    for i in candidates:
        if i < after:
            continue
        hit = _name_from(layout, i, stop, names, openings)
        if hit is not None:
            yield hit
            after = hit.end


@dataclass(frozen=True)
class _NounEdges:
    """The first and the last words of a noun table's keys: a word that is neither (nor
    its lemma) opens or closes no noun, which settles most lookups without building keys."""

    firsts: frozenset[str]
    lasts: frozenset[str]


def _noun_edges(table: Mapping[Words, object]) -> _NounEdges:
    return _NounEdges(frozenset(key[0] for key in table), frozenset(key[-1] for key in table))


def may_touch_noun(token: Token, firsts_of: Sequence[Mapping[Words, NounInfo]],
                   lasts_of: Sequence[Mapping[Words, NounInfo]]) -> bool:
    """Whether ``token`` (or its lemma) may open a noun of ``firsts_of`` or close one of
    ``lasts_of``: False settles a head before any span or word list is built for it."""
    word, lemma = token.lower_, token.lemma_.lower()
    for table in firsts_of:
        edges = _table_index(table, _noun_edges)
        if edges is None or _may_be(word, lemma, edges.firsts):
            return True
    for table in lasts_of:
        edges = _table_index(table, _noun_edges)
        if edges is None or _may_be(word, lemma, edges.lasts):
            return True
    return False


def tokens_touching_noun(doc: Doc, tags: frozenset[str],
                         firsts_of: Sequence[Mapping[Words, NounInfo]],
                         lasts_of: Sequence[Mapping[Words, NounInfo]]) -> set[int]:
    """The positions of the tokens of a part of speech in ``tags`` (``token.pos_``) for
    which ``may_touch_noun`` holds, read from the doc's arrays: most noun phrases' heads
    touch no table, and a Token object for each costs more than the test."""
    edges = [_table_index(table, _noun_edges) for table in (*firsts_of, *lasts_of)]
    words = None if any(found is None for found in edges) else _union(tuple(
        found.firsts if position < len(firsts_of) else found.lasts
        for position, found in enumerate(cast(list[_NounEdges], edges))))
    pos_ids = {POS_IDS[tag] for tag in tags}
    poses, lowers, lemmas = doc.to_array([POS, LOWER, LEMMA]).T.tolist()
    strings = doc.vocab.strings
    # the part of speech, an int, tested first: only those tokens' strings are read
    return {i for i, pos in enumerate(poses) if pos in pos_ids and (
        words is None or strings[lowers[i]] in words or strings[lemmas[i]].lower() in words)}


@lru_cache(maxsize=16)  # the same few tables' edges for every doc
def _union(sets: tuple[frozenset[str], ...]) -> frozenset[str]:
    return frozenset().union(*sets)


def _may_be(word: str, lemma: str, edges: frozenset[str]) -> bool:
    return word in edges or lemma in edges


def _lookup_words(words: Sequence[str], lemma: str,
                  table: Mapping[Words, NounInfo]) -> NounInfo | None:
    """``words`` (lower case) in ``table``, else with the last one replaced by its lemma."""
    found = table.get(tuple(words))
    if found is None and lemma != words[-1]:
        found = table.get((*words[:-1], lemma))
    return found


def noun_ending_at(tokens: Sequence[Token] | Span, last: int,
                   table: Mapping[Words, NounInfo]) -> Hit[NounInfo] | None:
    """The longest noun of ``table`` whose last word is ``tokens[last]`` (positions in tokens)."""
    word, lemma = tokens[last].lower_, tokens[last].lemma_.lower()
    edges = _table_index(table, _noun_edges)
    if edges is not None and not _may_be(word, lemma, edges.lasts):
        return None
    lowest = max(0, last - MAX_NOUN_WORDS + 1)
    words = [t.lower_ for t in tokens[lowest:last + 1]]  # each word's lower case read once
    for first in range(lowest, last + 1):
        found = _lookup_words(words[first - lowest:], lemma, table)
        if found is not None:
            return Hit(first, last + 1, found)
    return None


def noun_starting_at(tokens: Sequence[Token] | Span, first: int,
                     table: Mapping[Words, NounInfo]) -> Hit[NounInfo] | None:
    """The longest noun of ``table`` whose first word is ``tokens[first]``."""
    edges = _table_index(table, _noun_edges)
    if edges is not None and not _may_be(tokens[first].lower_,
                                         tokens[first].lemma_.lower(), edges.firsts):
        return None
    return _noun_from(tokens, first, table)


def _noun_from(tokens: Sequence[Token] | Span, first: int,
               table: Mapping[Words, NounInfo]) -> Hit[NounInfo] | None:
    """``noun_starting_at`` once ``tokens[first]`` may open a noun of ``table``."""
    stop = min(len(tokens), first + MAX_NOUN_WORDS)
    words = [t.lower_ for t in tokens[first:stop]]  # each word's lower case read once
    for last in range(stop - 1, first - 1, -1):
        found = _lookup_words(words[:last - first + 1], tokens[last].lemma_.lower(), table)
        if found is not None:
            return Hit(first, last + 1, found)
    return None


def find_nouns(tokens: Sequence[Token], table: Mapping[Words, NounInfo]) -> list[Hit[NounInfo]]:
    """Every noun of ``table`` in ``tokens`` (positions in tokens), longest first."""
    edges = _table_index(table, _noun_edges)  # found once for the words, not once per word
    hits, i = [], 0
    while i < len(tokens):
        word = tokens[i]
        opens = edges is None or _may_be(word.lower_, word.lemma_.lower(), edges.firsts)
        hit = _noun_from(tokens, i, table) if opens else None
        if hit is None:
            i += 1
            continue
        hits.append(hit)
        i = hit.end
    return hits


def demonym_at(doc: Doc, start: int, stop: int,
               demonyms: Mapping[str, str | None]) -> Hit[str | None] | None:
    """A nationality word at ``start`` ("North Korean", or a plural "Filipinos")."""
    hit = name_at(doc, start, stop, demonyms)
    if hit is not None:
        return hit
    text = surface(doc, start, start + 1)  # sliced from the layout: no Token object
    if text.endswith("s") and text[:-1] in demonyms:
        return Hit(start, start + 1, demonyms[text[:-1]])
    return None
