"""Why a capitalised name that looks like a place is not one here.

A name the gazetteer knows is still refused where the text makes it something
else, so that the places extractor does not map people, governments and
common nouns: a given name before a surname ("Jordan Peterson"); a capital (or
a seat such as "the Kremlin") acting as its government ("Beijing said"),
decided from the dependency parse by ``actor_metonyms.role_of``, the rule the
actors extractor uses, so that one mention is an actor or a place, never both
(a city-state's name is a country's, and a country is a place even where it
acts); a one-word name that is the surname of someone named in full; a name
the gazetteer lacks that is a nationality word, an IGO, the subject of a verb
or after "by".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from newsevents.extract.actor_metonyms import Role, elsewhere, role_of
from newsevents.extract.actor_words import doc_text, token_ends, token_starts
from newsevents.extract.place_qualifiers import PlaceMention
from newsevents.extract.spans import once_per_doc, overlaps
from newsevents.lexicon import Lexicon
from newsevents.lexicon.gazetteer import Gazetteer
from newsevents.records import Span


@cache
def first_names() -> frozenset[str]:
    text = resources.files("newsevents.lexicon").joinpath("place_first_names.tsv")
    return frozenset(line.strip() for line in text.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


class PlaceRefusals:
    """The refusals every candidate range goes through, for one article."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, lexicon: Lexicon,
                 skip: Sequence[Span], words: set[str]) -> None:
        self.doc, self.gazetteer, self.lexicon = doc, gazetteer, lexicon
        self.skip, self.words = skip, words

    def refused(self, start: int, end: int, found: Sequence[PlaceMention]) -> bool:
        doc, gazetteer, lexicon = self.doc, self.gazetteer, self.lexicon
        # the name and its offsets sliced from the text: no Span or Token objects
        chars = (token_starts(doc)[start], token_ends(doc)[end - 1])
        if overlaps(chars, self.skip) or overlaps(chars, [m.span for m in found]):
            return True
        name = doc_text(doc)[chars[0]:chars[1]]
        if not any(ch.isupper() for ch in name):
            return True
        if _is_person(doc, start, end, gazetteer) or _acts(doc, start, end, gazetteer, lexicon):
            return True
        if name in lexicon.igos or (
                end == start + 1 and _opens(doc, start) and doc[start].lower_ in self.words
                and all(c.entry.kind == "city" for c in gazetteer.lookup(doc[start].text))):
            return True  # "UN"; "Police" opening a sentence, when "police" is a word of the text
        # "Hollister" after "Dwayne Hollister"; "our Republic"
        return _in_person_name(doc, start, end, gazetteer) or _owned(doc, start, end)


def _opens(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a sentence, a paragraph or a clause after a dash, colon
    or quote."""
    return doc[i].is_sent_start or i == 0 or doc[i - 1].is_punct or doc[i - 1].is_space


def _is_person(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """A given name that is also a place, followed by a surname ("Jordan Peterson")."""
    if doc[start:end].text not in first_names() or end >= len(doc):
        return False
    after = doc[end]
    if not (after.is_title and after.is_alpha) or after.pos_ != "PROPN":
        return False
    return after.ent_type_ == "PERSON" or not gazetteer.lookup(after.text)


def _acts(doc: Doc, start: int, end: int, gazetteer: Gazetteer, lexicon: Lexicon) -> bool:
    """A capital or a seat of government that stands for the government ("Minsk rejected");
    not a city-state's name ("Singapore", "Hong Kong"), which names a country, and a
    country is a place even where it acts ("Chad kept its border open")."""
    text = doc[start:end].text
    tables = lexicon.actors
    if any(c.entry.kind == "country" and not c.alternate for c in gazetteer.lookup(text)):
        return False
    capital = text in tables.capitals or any(
        c.entry.capital and not c.alternate for c in gazetteer.lookup(text))
    seat = any(alias.place for alias in tables.state_aliases.get(text, ())) or any(
        alias.place for alias in tables.state_aliases.get("the " + text, ()))
    if not (capital or seat):
        return False
    iso3 = tables.capitals[text].iso3 if text in tables.capitals else None
    if elsewhere(doc, end, iso3, tables):  # "Paris, Texas": not the capital
        return False
    return role_of(doc, start, end, tables) is Role.PARTY


def _in_person_name(doc: Doc, start: int, end: int, gazetteer: Gazetteer | None = None) -> bool:
    """Whether a one-word name, no country or region, is part of the name of a person
    named in full in the text ("Hollister" after "Dwayne Hollister", "Kim" beside
    "Kim Jong Un")."""
    if end - start != 1 or (gazetteer is not None and any(
            c.entry.kind != "city" for c in gazetteer.lookup(doc[start].text))):
        return False
    word = doc[start].text
    # A given name that is also a place ("Paris Whitaker") does not make every Paris a
    # person: people are named again by their surname.
    given = word in first_names()
    return any(word in (person.words[1:] if given else person.words)
               and not gazetteer_name(gazetteer, person.text) for person in full_names(doc))


def gazetteer_name(gazetteer: Gazetteer | None, text: str) -> bool:
    return gazetteer is not None and bool(gazetteer.lookup(text))


def surname(doc: Doc, word: str) -> bool:
    """Whether ``word`` ends the name of someone named in full ("Michael Jordan")."""
    return any(person.words[-1] == word for person in full_names(doc))


@dataclass(frozen=True)
class FullName:
    """A person the NER names in two words or more: the words and the name as printed."""

    words: tuple[str, ...]
    text: str


def entities(doc: Doc) -> tuple[SpacySpan, ...]:
    """``doc.ents``, built once per doc (spaCy builds every entity Span on each access)."""
    return once_per_doc(doc, "newsevents.ents", lambda: tuple(doc.ents))


def full_names(doc: Doc) -> tuple[FullName, ...]:
    """The people named in full in ``doc``, read once per doc: every candidate place
    asks."""
    return once_per_doc(doc, "newsevents.full_names", lambda: tuple(
        FullName(tuple(t.text for t in e), e.text)
        for e in entities(doc) if e.label_ == "PERSON" and len(e) > 1))


def _owned(doc: Doc, start: int, end: int) -> bool:
    """A name after a possessive pronoun ("our Republic") is a common noun capitalised;
    not a name that modifies the noun after it ("its Murmansk-based owner")."""
    if start == 0 or doc[start - 1].tag_ != "PRP$":
        return False
    return doc[start:end].root.dep_ not in ("compound", "npadvmod", "amod", "nmod")


def not_a_place(doc: Doc, start: int, end: int, lexicon: Lexicon) -> bool:
    """A name the gazetteer lacks that is rather a nationality word, a person's name
    (it is also the last word of a person's name, "Beridze"), or someone who speaks."""
    text = doc[start:end].text
    if text in lexicon.actors.demonyms or text in lexicon.igos:
        return True
    if _in_person_name(doc, start, end):
        return True
    root = doc[start:end].root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    by = root.dep_ == "pobj" and root.head.dep_ == "agent"  # "signed by Macron and Scholz"
    return root.dep_ in ("nsubj", "nsubjpass") or root.pos_ == "ADJ" or by
