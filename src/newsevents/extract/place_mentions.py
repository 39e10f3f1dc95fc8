"""Where the article names a place: the mentions the places extractor geocodes.

Mentions come from (none inside debris or the dateline, cut at commas, without a
leading "the" or a possessive "'s"):

- GPE, LOC and FAC entities of spaCy's NER;
- other entities whose whole text is a gazetteer name, since the small model
  often tags "Mali" PERSON or "Vilnius" ORG; a PERSON-tagged name that is also
  a given name ("Jordan", "Chad", "Georgia": ``place_first_names.tsv``) is
  never one; the place in an organisation's name ("Peru's Geophysical
  Institute", "the council of Paris");
- capitalised proper nouns outside any entity that are gazetteer names;
- the dateline's place and US state codes after a comma (place_qualifiers.py).

Refused: a given name before a surname ("Jordan Peterson"); a capital (or a
seat such as "the Kremlin") acting as its government ("Beijing said"), decided
from the dependency parse by ``actor_metonyms.role_of``, the rule the actors
extractor uses, so that one mention is an actor or a place, never both; a
one-word name that is the surname of someone named in full; a name the
gazetteer lacks that is a nationality word, an IGO or the subject of a verb.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from importlib import resources

from spacy.tokens import Doc

from newsevents.extract.actor_metonyms import Role, elsewhere, role_of
from newsevents.extract.place_qualifiers import (
    PlaceMention,
    dateline_mentions,
    qualified,
    state_codes,
)
from newsevents.extract.spans import overlaps
from newsevents.lexicon import Lexicon
from newsevents.lexicon.gazetteer import Gazetteer
from newsevents.records import Article, Span

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Words after a name that make a longer place name ("Toktogul reservoir", "Grodno region").
FEATURE_WORDS = frozenset({"reservoir", "river", "lake", "sea", "strait", "region", "province",
                           "oblast", "governorate", "state", "county", "district", "mountains"})
_TRIM_START = frozenset({"the"})
_TRIM_END = frozenset({"'s", "’s", "'", "’", ",", ".", "-", "–", "—"})


@cache
def first_names() -> frozenset[str]:
    text = resources.files("newsevents.lexicon").joinpath("place_first_names.tsv")
    return frozenset(line.strip() for line in text.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


def find_mentions(doc: Doc, article: Article, skip: Sequence[Span], gazetteer: Gazetteer,
                  lexicon: Lexicon) -> list[PlaceMention]:
    """The place mentions of the article in text order, with their qualifiers linked."""
    found = list(dateline_mentions(article, doc))
    words = {t.text for t in doc if t.is_lower and not overlaps((t.idx, t.idx + 1), skip)}
    for start, end, label in _spans(doc, gazetteer):
        chars = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
        if overlaps(chars, skip) or not any(ch.isupper() for ch in doc[start:end].text):
            continue
        if _is_person(doc, start, end, gazetteer) or _acts(doc, start, end, gazetteer, lexicon):
            continue
        if doc[start:end].text in lexicon.igos or (
                end == start + 1 and _opens(doc, start) and doc[start].lower_ in words
                and all(c.entry.kind == "city" for c in gazetteer.lookup(doc[start].text))):
            continue  # "UN"; "Police" opening a sentence, when "police" is a word of the text
        if _in_person_name(doc, start, end, gazetteer) or _owned(doc, start):
            continue  # "Hollister" after "Dwayne Hollister"; "our Republic"
        if not gazetteer.lookup(doc[start:end].text) and _not_a_place(doc, start, end, lexicon):
            continue
        label = label if label in PLACE_LABELS else "GPE"
        sent = doc[start].sent
        found.append(PlaceMention(doc[start:end].text, chars, label, (start, end),
                                  sentence=(sent.start_char, sent.end_char),
                                  feature=_feature(doc, start, end)))
    found.extend(state_codes(doc, found, gazetteer, skip))
    found.sort(key=lambda m: m.span)
    return qualified(article.text, found, gazetteer)


def _spans(doc: Doc, gazetteer: Gazetteer) -> Iterator[tuple[int, int, str]]:
    """Token ranges that may name places: place entities; other entities (spaCy's small
    model often tags "Mali" PERSON or "Vilnius" ORG) whose whole text, or the possessor
    in "Peru's Geophysical Institute", is a primary gazetteer name; and capitalised
    proper nouns outside any entity that are such names. Each range takes a following
    "reservoir", "region"... when the longer name is in the gazetteer."""
    for ent in doc.ents:
        for start, end in _pieces(doc, ent.start, ent.end):
            if ent.label_ in PLACE_LABELS or (_primary(gazetteer, doc[start:end].text)
                                              and _may_be_place(doc, ent.label_, start, end)):
                yield start, _extended(doc, start, end, gazetteer), ent.label_
            elif ent.label_ == "ORG":
                yield from _inside_org(doc, start, end, gazetteer)
    yield from _untagged(doc, gazetteer)


def _feature(doc: Doc, start: int, end: int) -> str | None:
    """The kind of feature the words around a name give it: "river" in "the Naryn and
    Syr Darya rivers", "mountains" in "the Tian Shan mountains"."""
    token = doc[start:end].root
    while token.dep_ in ("conj", "compound", "nmod") and token.head is not token:
        token = token.head
        lemma = token.lemma_.lower()
        if lemma in FEATURE_WORDS or token.lower_ in FEATURE_WORDS:
            return lemma if lemma in FEATURE_WORDS else token.lower_
    return None


def _inside_org(doc: Doc, start: int, end: int,
                gazetteer: Gazetteer) -> Iterator[tuple[int, int, str]]:
    """The place in "Peru's Geophysical Institute" or "the council of Paris"."""
    owner = next((t.i for t in doc[start:end] if t.dep_ == "case"), None)
    if owner is not None and owner > start and _primary(gazetteer, doc[start:owner].text):
        yield start, owner, "ORG"
    of = next((t.i for t in reversed(doc[start:end]) if t.lower_ == "of"), None)
    if of is not None and of + 1 < end and _primary(gazetteer, doc[of + 1:end].text):
        yield of + 1, end, "ORG"


def _opens(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a sentence, a paragraph or a clause after a dash, colon
    or quote."""
    return doc[i].is_sent_start or i == 0 or doc[i - 1].is_punct or doc[i - 1].is_space


def _untagged(doc: Doc, gazetteer: Gazetteer) -> Iterator[tuple[int, int, str]]:
    """Untagged names; not at the start of a sentence, where "Police" is a word."""
    i = 0
    while i < len(doc):
        token = doc[i]
        if token.ent_type_ or token.pos_ != "PROPN" or not token.is_title or token.is_sent_start:
            i += 1
            continue
        for end in range(min(len(doc), i + 4), i, -1):
            tokens = doc[i:end]
            if all(not t.ent_type_ and t.pos_ == "PROPN" for t in tokens) and _primary(
                    gazetteer, tokens.text):
                yield i, _extended(doc, i, end, gazetteer), "NONE"
                i = end
                break
        else:
            i += 1


def _primary(gazetteer: Gazetteer, text: str) -> bool:
    """A gazetteer name that is no acronym: a primary name, or an alternate one of
    eight letters or more ("El Geneina" for Al-Junaynah)."""
    if len(text) <= 3 and text.isupper():  # "UN", "EU", "AU"
        return False
    return any(not c.alternate or len(text) >= 8 for c in gazetteer.lookup(text))


def _may_be_place(doc: Doc, label: str, start: int, end: int) -> bool:
    """A name tagged as something else that is no person's name ("Chad Smith")."""
    if label != "PERSON":
        return True
    return doc[start:end].text not in first_names()


def _extended(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> int:
    if end < len(doc) and doc[end].lower_ in FEATURE_WORDS and gazetteer.lookup(
            doc[start:end + 1].text):
        return end + 1
    return end


def _owned(doc: Doc, start: int) -> bool:
    """A name after a possessive pronoun ("our Republic") is a common noun capitalised."""
    return start > 0 and doc[start - 1].tag_ == "PRP$"


def _in_person_name(doc: Doc, start: int, end: int, gazetteer: Gazetteer | None = None) -> bool:
    """Whether a one-word name, no country or region, is part of the name of a person
    named in full in the text ("Hollister" after "Dwayne Hollister", "Kim" beside
    "Kim Jong Un")."""
    if end - start != 1 or (gazetteer is not None and any(
            c.entry.kind != "city" for c in gazetteer.lookup(doc[start].text))):
        return False
    word = doc[start].text
    return any(e.label_ == "PERSON" and len(e) > 1 and any(t.text == word for t in e)
               and not gazetteer_name(gazetteer, e.text) for e in doc.ents)


def gazetteer_name(gazetteer: Gazetteer | None, text: str) -> bool:
    return gazetteer is not None and bool(gazetteer.lookup(text))


def _not_a_place(doc: Doc, start: int, end: int, lexicon: Lexicon) -> bool:
    """A name the gazetteer lacks that is rather a nationality word, a person's name
    (it is also the last word of a person's name, "Beridze"), or someone who speaks."""
    text = doc[start:end].text
    if text in lexicon.actors.demonyms or text in lexicon.igos:
        return True
    if _in_person_name(doc, start, end):
        return True
    root = doc[start:end].root
    return root.dep_ in ("nsubj", "nsubjpass") or root.pos_ == "ADJ"


def _pieces(doc: Doc, start: int, end: int) -> Iterator[tuple[int, int]]:
    """An entity cut at commas and trimmed of "the" and possessives."""
    piece = start
    for i in range(start, end + 1):
        if i == end or doc[i].text == ",":
            first, last = piece, i
            while first < last and doc[first].lower_ in _TRIM_START:
                first += 1
            while last > first and doc[last - 1].text in _TRIM_END:
                last -= 1
            if first < last:
                yield first, last
            piece = i + 1


def _is_person(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """A given name that is also a place, followed by a surname ("Jordan Peterson")."""
    if doc[start:end].text not in first_names() or end >= len(doc):
        return False
    after = doc[end]
    if not (after.is_title and after.is_alpha) or after.pos_ != "PROPN":
        return False
    return after.ent_type_ == "PERSON" or not gazetteer.lookup(after.text)


def _acts(doc: Doc, start: int, end: int, gazetteer: Gazetteer, lexicon: Lexicon) -> bool:
    """A capital or a seat of government that stands for the government ("Minsk rejected")."""
    text = doc[start:end].text
    tables = lexicon.actors
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
