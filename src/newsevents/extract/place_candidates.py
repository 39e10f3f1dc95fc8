"""Which token ranges may name a place, before any is refused.

spaCy's small model misses or mislabels many places, so candidates come from
several readings of the parse (none is enough alone), each cut at commas and
without a leading "the" or a possessive "'s":

- GPE, LOC and FAC entities, without a leading lower-case word for a part of
  them ("eastern" in "eastern Democratic Republic of Congo");
- other entities whose whole text is a gazetteer name ("Mali" tagged PERSON,
  "Vilnius" ORG). A PERSON-tagged name is a place when it is a country, region
  or big city, or the sentence puts it somewhere ("in", "from"...); one that is
  also a given name ("Jordan", "Chad": ``place_first_names.tsv``) only
  standing alone, as a country or US state, and not where someone of that
  given name or surname is named in full;
- the place in an organisation's name ("Peru's Geophysical Institute", "the
  council of Paris");
- capitalised proper nouns outside any entity that are gazetteer names;
- names the gazetteer lacks that the sentence places: a one-word "person"
  after "in", "at", "near"... ("stand at Tessalit"), any name after "the town
  of", "residents of"...; a name before a facility word ("the Rodríguez
  Ballón airport").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.attrs import DEP, ENT_TYPE, IS_TITLE, LOWER, POS, SENT_START
from spacy.symbols import PROPN
from spacy.tokens import Doc, Token
from spacy.tokens import Span as Span_

from newsevents.extract.actor_words import surface
from newsevents.extract.place_refusals import entities, first_names, full_names, surname
from newsevents.extract.spans import tokens_where
from newsevents.lexicon.gazetteer import Gazetteer

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Words after a name that make a longer place name ("Toktogul reservoir", "Grodno region").
FEATURE_WORDS = frozenset({"reservoir", "river", "lake", "sea", "strait", "region", "province",
                           "oblast", "governorate", "state", "county", "district", "mountains"})
# Prepositions after which a one-word name the NER took for a person is a place.
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across",
                            "throughout", "into"})
# Nouns that make the name after "of" a place ("the town of X", "residents of X").
PLACE_NOUNS = frozenset({"town", "village", "city", "province", "region", "district",
                         "county", "municipality", "resident", "outskirts", "suburb",
                         "port", "centre", "center", "street", "island", "valley"})
# Nouns for a built place, after its name ("the Rodríguez Ballón airport").
FACILITY_NOUNS = frozenset({"airport", "airbase", "airfield", "base", "port", "harbour",
                            "harbor", "terminal", "refinery", "crossing", "checkpoint",
                            "bridge", "dam", "camp", "prison", "stadium", "square"})
POBJ = frozenset({"pobj"})
BIG_CITY = 250_000  # a city this big is known by its name even where NER saw a person
MODIFIERS = 2  # lower-case words between a name and its facility noun ("military", "oil")
_TRIM_START = frozenset({"the"})
DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                        "western", "central", "northeast", "northwest", "southeast",
                        "southwest", "northeastern", "northwestern", "southeastern",
                        "southwestern", "upper", "lower", "greater"})
_TRIM_END = frozenset({"'s", "’s", "'", "’", ",", ".", "-", "–", "—"})


def candidate_spans(doc: Doc, gazetteer: Gazetteer) -> Iterator[tuple[int, int, str]]:
    """Token ranges that may name places: place entities; other entities (spaCy's small
    model often tags "Mali" PERSON or "Vilnius" ORG) whose whole text, or the possessor
    in "Peru's Geophysical Institute", is a primary gazetteer name; and capitalised
    proper nouns outside any entity that are such names. Each range takes a following
    "reservoir", "region"... when the longer name is in the gazetteer."""
    for ent in entities(doc):
        for start, end in _pieces(doc, ent.start, ent.end):
            if ent.label_ == "FAC" and end < len(doc) and doc[end].lower_ in FACILITY_NOUNS:
                yield start, end + 1, ent.label_  # "the Zorvan Heights airport"
            elif ent.label_ in PLACE_LABELS or (_primary(gazetteer, doc[start:end].text)
                                              and _may_be_place(doc, ent.label_, start, end,
                                                                gazetteer)):
                yield start, _extended(doc, start, end, gazetteer), ent.label_
            elif ent.label_ == "ORG":
                yield from _inside_org(doc, start, end, gazetteer)
    yield from _untagged(doc, gazetteer)
    yield from _located(doc, gazetteer)
    yield from _facilities(doc, gazetteer)


def _inside_org(doc: Doc, start: int, end: int,
                gazetteer: Gazetteer) -> Iterator[tuple[int, int, str]]:
    """The place in "Peru's Geophysical Institute" or "the council of Paris"."""
    owner = next((t.i for t in doc[start:end] if t.dep_ == "case"), None)
    if owner is not None and owner > start and _primary(gazetteer, doc[start:owner].text):
        yield start, owner, "ORG"
    of = next((t.i for t in reversed(doc[start:end]) if t.lower_ == "of"), None)
    if of is not None and of + 1 < end and _primary(gazetteer, doc[of + 1:end].text):
        yield of + 1, end, "ORG"


def _untagged(doc: Doc, gazetteer: Gazetteer) -> Iterator[tuple[int, int, str]]:
    """Untagged names; not at the start of a sentence, where "Police" is a word."""
    # one array call rather than a spaCy Token object per token of the text
    rows = doc.to_array([ENT_TYPE, POS, IS_TITLE, SENT_START]).tolist()
    i = 0
    while i < len(doc):
        entity, pos, title, sent_start = rows[i]
        if entity or pos != PROPN or not title or sent_start == 1:
            i += 1
            continue
        for end in range(min(len(doc), i + 4), i, -1):
            # the rows, not Token objects, say whether every word is an untagged proper noun
            if all(not rows[j][0] and rows[j][1] == PROPN for j in range(i, end)) and _primary(
                    gazetteer, surface(doc, i, end)):
                yield i, _extended(doc, i, end, gazetteer), "NONE"
                i = end
                break
        else:
            i += 1


def _located(doc: Doc, gazetteer: Gazetteer) -> Iterator[tuple[int, int, str]]:
    """Names the gazetteer lacks that the sentence puts on the map: a one-word name
    the NER took for a person after "in", "at", "near"... ("soldiers stand at
    Tessalit"), and any capitalised name after "the town of", "residents of"..."""
    for token in tokens_where(doc, DEP, POBJ):
        if token.pos_ != "PROPN" or not token.is_title:
            continue
        prep = token.head
        after_place_noun = prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_NOUNS
        if gazetteer.lookup(token.text) or not (after_place_noun or (
                token.ent_type_ == "PERSON" and prep.lower_ in LOCATIVE_PREPS)):
            continue
        if not token.ent_type_:
            yield name_start(doc, token), token.i + 1, "GPE"
        elif token.ent_type_ in ("PERSON", "ORG") and entity_of(doc, token).start == token.i \
                and entity_of(doc, token).end == token.i + 1:
            yield token.i, token.i + 1, "GPE"


def entity_of(doc: Doc, token: Token) -> Span_:
    return next(e for e in entities(doc) if e.start <= token.i < e.end)


def _facilities(doc: Doc, gazetteer: Gazetteer) -> Iterator[tuple[int, int, str]]:
    """A name the gazetteer lacks before a word for a facility, the whole phrase: "the
    Rodríguez Ballón airport", "the Tessalit military base". A name the gazetteer
    knows ("the Basra oil terminal") stays the place it names."""
    for token in tokens_where(doc, LOWER, FACILITY_NOUNS):
        if not token.is_lower:
            continue
        i = token.i - 1
        while i >= 0 and token.i - i <= MODIFIERS and doc[i].is_lower and doc[i].is_alpha \
                and doc[i].pos_ in ("ADJ", "NOUN") and doc[i].head.i == token.i:
            i -= 1
        if i < 0 or doc[i].pos_ != "PROPN" or not doc[i].is_title:
            continue
        start = name_start(doc, doc[i])
        name = doc[start:i + 1]
        if gazetteer.lookup(name.text) or any(t.ent_type_ in ("NORP", "DATE") for t in name) \
                or surname(doc, doc[i].text) or not _within(name.root, token):
            continue
        yield start, token.i + 1, "FAC"


def _within(token: Token, head: Token) -> bool:
    """Whether ``head`` governs ``token`` within a few steps."""
    for _ in range(4):
        if token.i == head.i:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def name_start(doc: Doc, token: Token) -> int:
    """The first token of the capitalised name that ``token`` ends."""
    start = token.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
            and doc[start - 1].ent_type_ == token.ent_type_ and not doc[start].is_sent_start:
        start -= 1
    return start


def _primary(gazetteer: Gazetteer, text: str) -> bool:
    """A gazetteer name that is no acronym: a primary name, or an alternate one of
    eight letters or more ("El Geneina" for Al-Junaynah)."""
    if len(text) <= 3 and text.isupper():  # "UN", "EU", "AU"
        return False
    return any(not c.alternate or len(text) >= 8 for c in gazetteer.lookup(text))


def _may_be_place(doc: Doc, label: str, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """A name tagged as something else that is no person's name ("Chad Smith"). A given
    name that is also a country or US state, standing alone ("Chad hosts refugees",
    "Chad's army"), is the place: news names people by their surname, so it is a
    person only beside a surname, after a title, or as someone's surname."""
    if label != "PERSON":
        return True
    if doc[start:end].text not in first_names():
        return _known_beyond_names(doc, start, end, gazetteer)
    if end - start != 1 or (start > 0 and doc[start - 1].is_title
                            and doc[start - 1].pos_ == "PROPN"):
        return False
    word = doc[start].text
    if surname(doc, word) or (_given_name(doc, word) and not _tagged_place(doc, word)):
        return False  # "Jordan Peterson spoke. Jordan said ...", unless Jordan is a place too
    return any(c.entry.kind in ("country", "admin1") and not c.alternate
               for c in gazetteer.lookup(word))


def _given_name(doc: Doc, word: str) -> bool:
    """Whether ``word`` opens the name of someone named in full ("Chad Harlan")."""
    return any(person.words[0] == word for person in full_names(doc))


def _tagged_place(doc: Doc, word: str) -> bool:
    """Whether the NER tags ``word`` as a place somewhere in the text."""
    return any(e.label_ in PLACE_LABELS and e.text == word for e in entities(doc))


def _known_beyond_names(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """Whether a name the NER took for a person is a place: a country, region or big
    city ("Mali", "Vilnius"), or any place of the gazetteer where the sentence puts it
    ("arrived in Kim"); not a small town that shares a person's name ("Kim met Trump")."""
    if any(c.entry.kind != "city" or c.entry.population >= BIG_CITY
           for c in gazetteer.lookup(doc[start:end].text) if not c.alternate):
        return True
    if _extended(doc, start, end, gazetteer) > end:  # "the Toktogul reservoir"
        return True
    root = doc[start:end].root
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS | {"from", "to"}


def _extended(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> int:
    if end < len(doc) and doc[end].lower_ in FEATURE_WORDS and gazetteer.lookup(
            doc[start:end + 1].text):
        return end + 1
    return end


def _direction(word: str) -> bool:
    """A lower-case word for a part of a place: "northern", "north-eastern", "central"."""
    parts = word.replace("–", "-").split("-")
    return all(part in DIRECTIONS for part in parts if part)


def _pieces(doc: Doc, start: int, end: int) -> Iterator[tuple[int, int]]:
    """An entity cut at commas and trimmed of "the" and possessives."""
    piece = start
    for i in range(start, end + 1):
        if i == end or doc[i].text == ",":
            first, last = piece, i
            while first < last and (doc[first].lower_ in _TRIM_START or (
                    doc[first].is_lower and _direction(doc[first].text))):
                first += 1  # "the", and "eastern" in "eastern Democratic Republic of Congo"
            while last > first and doc[last - 1].text in _TRIM_END:
                last -= 1
            if first < last:
                yield first, last
            piece = i + 1
