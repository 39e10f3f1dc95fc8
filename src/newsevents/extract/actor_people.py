"""People named in one article: the name proper, mistagged names, short names.

- The name proper drops what NER sometimes includes: a title ("Marshal Kim
  Jong Un", "President Xi"), an owner ("Bucknell's Zhu", "The Fletcher School's
  Lee") and a possessive ending; a hyphenated given name cut by the tokenizer is
  made whole again ("Moon Jae" + "-in").
- A mention tagged ORG is a person when it is in apposition with a title
  ("the US ambassador to the UN, Nikki Haley"; "Sung-Yoon Lee, a Korea
  expert") or when it is a short form of a person named in the article
  ("Haley", "Trump").
- A short name joins the full name it abbreviates: the latest one before it,
  else the longest after it ("Kim" -> "Kim Jong Un"). A name of the tables
  (people.yaml or the user's file) takes the entry's canonical name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsevents.extract.actor_appositions import description_parts
from newsevents.extract.actor_words import (
    MAX_NOUN_WORDS,
    lookup_name,
    noun_ending_at,
    noun_starting_at,
    surface,
)
from newsevents.lexicon import Lexicon
from newsevents.lexicon.actor_file import ActorEntry

OWNER_MARKS = ("’s", "'s", "’", "'")


@dataclass(frozen=True)
class PersonName:
    """Where the name proper lies in a mention, and the title words before it."""

    start: int
    end: int
    text: str
    title: tuple[Token, ...] = ()


def hyphen_end(doc: Doc, end: int) -> int:
    """The end of a name whose last part the tokenizer split at a hyphen ("Jae" "-" "in")."""
    if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        return end + 2
    return end


def person_name(doc: Doc, start: int, end: int, lexicon: Lexicon) -> PersonName:
    """The name proper of a mention at tokens ``start``..``end``."""
    while end > start + 1 and doc[end - 1].text in OWNER_MARKS:
        end -= 1
    owner = max((i for i in range(start, end - 1) if doc[i].text in OWNER_MARKS), default=None)
    if owner is not None:
        start = owner + 1
    while start < end and doc[start].lower_ == "the":
        start += 1
    title: tuple[Token, ...] = ()
    tokens = doc[start:end]  # a span: most names open on no title, so make no Token list
    hit = noun_starting_at(tokens, 0, lexicon.actors.titles)
    if hit is not None and hit.end < len(tokens) and all(t.text[:1].isupper()
                                                         for t in tokens[:hit.end]):
        title, start = tuple(tokens[:hit.end]), start + hit.end
    return PersonName(start, end, surface(doc, start, end), title)


def in_title_apposition(doc: Doc, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether a name stands beside a title: "the US ambassador to the UN, Nikki Haley"."""
    for part in description_parts(doc, start, end):
        if part.head is not None and part.head.i not in range(start, end):
            # only a title's length of the phrase can matter, not all of its left edge
            first = max(part.head.left_edge.i, part.head.i - MAX_NOUN_WORDS + 1)
            tokens = list(doc[first:part.head.i + 1])
            if noun_ending_at(tokens, len(tokens) - 1, lexicon.actors.titles) is not None:
                return True
    return False


def described_as_person(doc: Doc, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether a name tagged as a place is a person's by its apposition: "Nino Beridze, a
    24-year-old law student" (a title, or a sector noun naming one person, at its head).
    Only for a name of two or more proper nouns: a place's apposition ("Kidal, a town")
    heads on nouns of neither table."""
    tokens = list(doc[start:end])
    if len(tokens) < 2 or not all(t.pos_ == "PROPN" for t in tokens):
        return False
    tables = lexicon.actors
    for part in description_parts(doc, start, end):
        head = part.head
        if head is None or head.dep_ != "appos" or head.head.i not in range(start, end) \
                or head.tag_ != "NN":
            continue  # "in West Darfur, a military spokesman said": not an apposition
        words = list(doc[head.left_edge.i:head.i + 1])
        if noun_ending_at(words, len(words) - 1, tables.titles) is not None:
            return True
        noun = noun_ending_at(words, len(words) - 1, tables.sector_nouns)
        if noun is not None and noun.value.sector and "weak" not in noun.value.flags:
            return True
    return False


def link_names(names: Sequence[str], entries: Mapping[str, ActorEntry]) -> list[str]:
    """The canonical name for each name of an article's people, in text order."""
    full_names: list[str] = []
    for name in names:
        if len(name.split()) > 1 and name not in full_names:
            full_names.append(name)
    linked = []
    for position, name in enumerate(names):
        recent = list(dict.fromkeys(reversed(names[:position])))  # latest mention first
        earlier = [n for n in reversed(recent) if n in full_names]
        full = _full_name(name, earlier, full_names)
        entry = lookup_name(full, entries)
        linked.append(entry.name if entry is not None and entry.kind == "person" else full)
    return linked


def short_form_of(name: str, full_names: Sequence[str]) -> bool:
    """Whether ``name`` is made of words of one of ``full_names`` ("Haley", "Trump")."""
    words = set(name.split())
    return bool(words) and any(words < set(full.split()) for full in full_names)


def _full_name(name: str, earlier: Sequence[str], every: Sequence[str]) -> str:
    """The longest name this one abbreviates: the latest earlier full name, else any later."""
    words = set(name.split())
    for candidate in reversed(earlier):
        if words < set(candidate.split()):
            return candidate
    later = [n for n in every if words < set(n.split())]
    return max(later, key=len) if later else name
