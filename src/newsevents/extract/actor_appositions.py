"""Where a name's description is: the words before it, appositions, phrases after it.

For a name at tokens ``start``..``end`` this finds, in order of trust:

1. the words before it in its noun phrase: "Chinese President" Xi Jinping,
   "Washington-based" Center, and a title written inside the mention itself
   ("Marshal" Kim Jong Un);
2. an apposition before it: "the US ambassador to the UN," Nikki Haley;
3. an apposition after it: Zhiqun Zhu, "a political science professor at
   Bucknell University in Pennsylvania" (found from the parse, or from the
   comma when the parser attached the two phrases elsewhere);
4. a phrase on the name: Commodore Villareal "of the Philippine Coast Guard",
   Bucknell University "in Pennsylvania".

Relative clauses ("who had pushed for the listings") are left out: they say
what someone did, not who they are.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.attrs import DEP
from spacy.tokens import Doc, Span, Token

from newsevents.extract.spans import once_per_doc, tokens_where

CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"})
NAME_PREPS = frozenset({"of", "at", "from", "in", "with"})
POSSESSIVE = frozenset({"poss"})


@dataclass(frozen=True)
class Part:
    """The tokens of one description and the word they describe (None: the last title)."""

    tokens: tuple[Token, ...]
    head: Token | None
    before_name: bool = False  # written before the name: abbreviated titles count there


def description_parts(doc: Doc, start: int, end: int, *, name_start: int | None = None,
                      inner: Sequence[Token] = ()) -> list[Part]:
    """The descriptions of the name at ``start``..``end`` (``name_start``: where the name
    proper begins inside the mention; ``inner``: title words inside the mention)."""
    name = doc[start:end]
    root = name.root
    sentence = root.sent
    parts = []
    before = [t for t in _chunk_before(doc, name, name_start or start) if t.pos_ != "DET"]
    if before or inner:
        parts.append(Part(tuple(before) + tuple(inner), None, before_name=True))
    head = _appos_before(doc, name, before[0].i if before else start)
    if head is not None:
        parts.append(Part(_clause_free(head, sentence, exclude=name), head))
    head = _appos_after(doc, name)
    if head is not None:
        parts.append(Part(_clause_free(head, sentence, exclude=name), head))
    for child in (c for token in name for c in token.children):
        if child.dep_ == "prep" and child.lower_ in NAME_PREPS and child.i >= end:
            parts.append(Part(tuple(child.subtree), root))
    return parts


def noun_chunks(doc: Doc) -> tuple[Span, ...]:
    """The doc's noun chunks, computed once per doc (spaCy recomputes them on every access)."""
    return once_per_doc(doc, "newsevents.noun_chunks", lambda: tuple(doc.noun_chunks))


def _chunk_starts(doc: Doc) -> list[int]:
    """Where each noun chunk starts (chunks come in text order and never overlap), kept
    with the chunks: a name's chunk is then found by bisection, not by a pass over all."""
    return once_per_doc(doc, "newsevents.noun_chunk_starts",
                        lambda: [chunk.start for chunk in noun_chunks(doc)])


def _chunk_from(doc: Doc, first: int) -> Span | None:
    """The noun chunk that starts at token ``first`` or holds it."""
    at = bisect_right(_chunk_starts(doc), first) - 1
    return noun_chunks(doc)[at] if at >= 0 else None


def with_possessors(chunks: tuple[Span, ...]) -> list[Span]:
    """The chunks, each preceded by the noun phrase that owns its head when that owner is
    a common noun ("the Chinese coast guard" in "the Chinese coast guard's actions"):
    spaCy folds the owner into the owned thing's chunk, so it is no chunk of its own."""
    found: list[Span] = []
    if not chunks:
        return found
    # the doc's few possessive nouns, found in its arrays: a chunk holding none has no
    # owner to add, and its root's children need not be read
    owners = [t.i for t in tokens_where(chunks[0].doc, DEP, POSSESSIVE) if t.pos_ == "NOUN"]
    for chunk in chunks:
        first = bisect_left(owners, chunk.start)
        if first == len(owners) or owners[first] >= chunk.end:
            found.append(chunk)
            continue
        for owner in (c for c in chunk.root.children if c.dep_ == "poss" and c.pos_ == "NOUN"):
            start = owner.left_edge.i
            if chunk.start <= start <= owner.i < chunk.end:
                found.append(chunk.doc[start:owner.i + 1])
        found.append(chunk)
    return found


def _chunk_before(doc: Doc, name: Span, name_start: int) -> list[Token]:
    root = name.root.i  # read once: spaCy works a span's root out anew on every access
    chunk = _chunk_from(doc, root)
    if chunk is None or root >= chunk.end:
        return []
    return [t for t in doc[chunk.start:name_start] if not t.is_punct or t.text == "-"]


def _appos_before(doc: Doc, name: Span, first: int) -> Token | None:
    """"the US ambassador to the UN, Nikki Haley": the head word before the comma
    (``first``: where the name's own phrase begins, before a title like "General")."""
    root = name.root
    if root.dep_ == "appos" and root.head.i < first and root.head.dep_ != "pobj":
        return root.head  # not "ambassador in Vienna, Vadim Sorokin" hung on "Vienna"
    sentence = root.sent
    if first - 2 < sentence.start or doc[first - 1].text != ",":
        return None
    top = doc[first - 2]  # climb from the word before the comma to its phrase's head
    while top.head.i != top.i and sentence.start <= top.head.i < first - 1:
        top = top.head
    return top if top.pos_ in ("NOUN", "PROPN") else None


def _appos_after(doc: Doc, name: Span) -> Token | None:
    """"Zhiqun Zhu, a political science professor": the head word after the comma."""
    for child in name.root.children:
        if child.dep_ == "appos" and child.i >= name.end:
            return child
    if name.end + 1 < len(doc) and doc[name.end].text == ",":
        chunk = _chunk_from(doc, name.end + 1)
        if chunk is not None and chunk.start == name.end + 1 and chunk.root.pos_ == "NOUN" \
                and doc[chunk.start].pos_ == "DET":
            return chunk.root
    return None


def _clause_free(head: Token, sentence: Span, *, exclude: Span) -> tuple[Token, ...]:
    """The head's phrase without relative clauses, the name itself or other sentences."""
    dropped = {t.i for t in exclude}
    for token in head.subtree:
        if token.dep_ in CLAUSES or (token.dep_ == "appos" and token.i in dropped):
            dropped.update(t.i for t in token.subtree)
    return tuple(t for t in head.subtree
                 if t.i not in dropped and sentence.start <= t.i < sentence.end
                 and not (t.is_punct and t.text != "-"))
