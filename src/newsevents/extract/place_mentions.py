"""Where the article names a place: the mentions the places extractor geocodes.

Mentions come from (none inside debris or the dateline, cut at commas, without a
leading "the" or a possessive "'s"):

- GPE, LOC and FAC entities of spaCy's NER, without a leading lower-case word
  for a part of them ("eastern" in "eastern Democratic Republic of Congo");
- other entities whose whole text is a gazetteer name, since the small model
  often tags "Mali" PERSON or "Vilnius" ORG. A PERSON-tagged name is a place
  when it is a country, region or big city, or the sentence puts it somewhere
  ("in", "from"...); one that is also a given name ("Jordan", "Chad":
  ``place_first_names.tsv``) only standing alone, as a country or US state,
  and not where someone of that given name or surname is named in full;
- the place in an organisation's name ("Peru's Geophysical Institute", "the
  council of Paris");
- capitalised proper nouns outside any entity that are gazetteer names;
- names the gazetteer lacks that the sentence places: a one-word "person" after
  "in", "at", "near"... ("stand at Tessalit"), any name after "the town of",
  "residents of"...; a name before a facility word ("the Rodríguez Ballón
  airport");
- names joined to a place found ("from Gao and Sévaré"), and every other
  occurrence of a place's name however tagged (one sense per story);
- the dateline's place and US state codes after a comma (place_qualifiers.py).

Refused: a given name before a surname ("Jordan Peterson"); a capital (or a
seat such as "the Kremlin") acting as its government ("Beijing said"), decided
from the dependency parse by ``actor_metonyms.role_of``, the rule the actors
extractor uses, so that one mention is an actor or a place, never both (a
city-state's name is a country's, and a country is a place even where it
acts); a one-word name that is the surname of someone named in full; a name
the gazetteer lacks that is a nationality word, an IGO, the subject of a verb
or after "by".
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from importlib import resources

from spacy.attrs import DEP, LOWER
from spacy.tokens import Doc, Token
from spacy.tokens import Span as Span_

from newsevents.extract.actor_metonyms import Role, elsewhere, role_of
from newsevents.extract.place_qualifiers import (
    PlaceMention,
    dateline_mentions,
    qualified,
    state_codes,
)
from newsevents.extract.spans import overlaps, token_bounds, tokens_where
from newsevents.lexicon import Lexicon
from newsevents.lexicon.gazetteer import Gazetteer
from newsevents.records import Article, Span

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


@cache
def first_names() -> frozenset[str]:
    text = resources.files("newsevents.lexicon").joinpath("place_first_names.tsv")
    return frozenset(line.strip() for line in text.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


def find_mentions(doc: Doc, article: Article, skip: Sequence[Span], gazetteer: Gazetteer,
                  lexicon: Lexicon, skipped_tokens: set[int]) -> list[PlaceMention]:
    """The place mentions of the article in text order, with their qualifiers linked;
    ``skipped_tokens`` are the tokens whose first character ``skip`` covers."""
    found = list(dateline_mentions(article, doc))
    words = {t.text for t in doc if t.is_lower and t.i not in skipped_tokens}
    check = _Checks(doc, gazetteer, lexicon, skip, words)
    for start, end, label in _spans(doc, gazetteer):
        if check.refused(start, end, found):
            continue
        if not gazetteer.lookup(doc[start:end].text) and _not_a_place(doc, start, end, lexicon):
            continue
        found.append(_mention(doc, start, end, label))
    for start, end, label in _spread(doc, article.text, found, gazetteer):
        if not check.refused(start, end, found):
            found.append(_mention(doc, start, end, label))
    found.extend(state_codes(doc, found, gazetteer, skip))
    found.sort(key=lambda m: m.span)
    return qualified(article.text, found, gazetteer)


class _Checks:
    """The refusals every candidate range goes through, for one article."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, lexicon: Lexicon,
                 skip: Sequence[Span], words: set[str]) -> None:
        self.doc, self.gazetteer, self.lexicon = doc, gazetteer, lexicon
        self.skip, self.words = skip, words

    def refused(self, start: int, end: int, found: Sequence[PlaceMention]) -> bool:
        doc, gazetteer, lexicon = self.doc, self.gazetteer, self.lexicon
        chars = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
        if overlaps(chars, self.skip) or overlaps(chars, [m.span for m in found]):
            return True
        if not any(ch.isupper() for ch in doc[start:end].text):
            return True
        if _is_person(doc, start, end, gazetteer) or _acts(doc, start, end, gazetteer, lexicon):
            return True
        if doc[start:end].text in lexicon.igos or (
                end == start + 1 and _opens(doc, start) and doc[start].lower_ in self.words
                and all(c.entry.kind == "city" for c in gazetteer.lookup(doc[start].text))):
            return True  # "UN"; "Police" opening a sentence, when "police" is a word of the text
        # "Hollister" after "Dwayne Hollister"; "our Republic"
        return _in_person_name(doc, start, end, gazetteer) or _owned(doc, start, end)


def _mention(doc: Doc, start: int, end: int, label: str) -> PlaceMention:
    chars = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
    sent = doc[start].sent
    return PlaceMention(doc[start:end].text, chars, label if label in PLACE_LABELS else "GPE",
                        (start, end), sentence=(sent.start_char, sent.end_char),
                        feature=_feature(doc, start, end))


def _spans(doc: Doc, gazetteer: Gazetteer) -> Iterator[tuple[int, int, str]]:
    """Token ranges that may name places: place entities; other entities (spaCy's small
    model often tags "Mali" PERSON or "Vilnius" ORG) whose whole text, or the possessor
    in "Peru's Geophysical Institute", is a primary gazetteer name; and capitalised
    proper nouns outside any entity that are such names. Each range takes a following
    "reservoir", "region"... when the longer name is in the gazetteer."""
    for ent in doc.ents:
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
            yield _name_start(doc, token), token.i + 1, "GPE"
        elif token.ent_type_ in ("PERSON", "ORG") and _entity(doc, token).start == token.i \
                and _entity(doc, token).end == token.i + 1:
            yield token.i, token.i + 1, "GPE"


def _entity(doc: Doc, token: Token) -> Span_:
    return next(e for e in doc.ents if e.start <= token.i < e.end)


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
        start = _name_start(doc, doc[i])
        name = doc[start:i + 1]
        if gazetteer.lookup(name.text) or any(t.ent_type_ in ("NORP", "DATE") for t in name) \
                or _surname(doc, doc[i].text) or not _within(name.root, token):
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


def _name_start(doc: Doc, token: Token) -> int:
    """The first token of the capitalised name that ``token`` ends."""
    start = token.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
            and doc[start - 1].ent_type_ == token.ent_type_ and not doc[start].is_sent_start:
        start -= 1
    return start


def _spread(doc: Doc, text: str, found: Sequence[PlaceMention],
            gazetteer: Gazetteer) -> Iterator[tuple[int, int, str]]:
    """More mentions from the ones found: a name joined to a place by "and" or a comma
    ("from Gao and Sévaré", "the provinces of Camaná, Islay and Caravelí"), and each
    other occurrence of a place's name, however tagged ("Tessalit is one of those
    places"): one sense per story."""
    names = {m.text for m in found if m.tokens is not None}
    for mention in list(found):
        if mention.tokens is None:
            continue
        root = doc[mention.tokens[0]:mention.tokens[1]].root
        for other in root.conjuncts:
            if other.pos_ == "PROPN" and other.is_title and not _surname(doc, other.text):
                start = _name_start(doc, other)
                if _whole_name(doc, start, other.i + 1):
                    label = other.ent_type_ if other.ent_type_ in PLACE_LABELS else mention.label
                    yield start, other.i + 1, label
    if not names:
        return
    # Read from character offsets: a Token or Span object for every range is too slow.
    starts, ends = token_bounds(doc)
    initials = {name[0] for name in names}
    for start in range(len(doc)):
        if text[starts[start]] not in initials:
            continue
        for end in range(start + 1, min(len(doc), start + 5) + 1):
            if text[starts[start]:ends[end - 1]] in names and _whole_name(doc, start, end):
                label = doc[start].ent_type_
                yield start, end, label if label in PLACE_LABELS else "GPE"
                break


def _name_word(token: Token) -> bool:
    """A capitalised word that may belong to a name ("North" of "North Korea"), not
    "In" opening a sentence."""
    return token.is_title and not token.is_stop and token.is_alpha


def _whole_name(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``start``..``end`` are a whole name, not part of a longer one
    ("Paris High School", "Paris Whitaker")."""
    if end < len(doc) and _name_word(doc[end]):
        return False
    if start > 0 and (_name_word(doc[start - 1]) or doc[start - 1].like_num):
        return False
    for token in doc[start:end]:
        if token.ent_type_ and token.ent_type_ not in PLACE_LABELS:
            entity = _entity(doc, token)
            if entity.start < start or entity.end > end or entity.label_ == "NORP":
                return False
    return True


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
    if _surname(doc, word) or (_given_name(doc, word) and not _tagged_place(doc, word)):
        return False  # "Jordan Peterson spoke. Jordan said ...", unless Jordan is a place too
    return any(c.entry.kind in ("country", "admin1") and not c.alternate
               for c in gazetteer.lookup(word))


def _given_name(doc: Doc, word: str) -> bool:
    """Whether ``word`` opens the name of someone named in full ("Chad Harlan")."""
    return any(e.label_ == "PERSON" and len(e) > 1 and e[0].text == word for e in doc.ents)


def _tagged_place(doc: Doc, word: str) -> bool:
    """Whether the NER tags ``word`` as a place somewhere in the text."""
    return any(e.label_ in PLACE_LABELS and e.text == word for e in doc.ents)


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


def _surname(doc: Doc, word: str) -> bool:
    """Whether ``word`` ends the name of someone named in full ("Michael Jordan")."""
    return any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == word for e in doc.ents)


def _extended(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> int:
    if end < len(doc) and doc[end].lower_ in FEATURE_WORDS and gazetteer.lookup(
            doc[start:end + 1].text):
        return end + 1
    return end


def _owned(doc: Doc, start: int, end: int) -> bool:
    """A name after a possessive pronoun ("our Republic") is a common noun capitalised;
    not a name that modifies the noun after it ("its Murmansk-based owner")."""
    if start == 0 or doc[start - 1].tag_ != "PRP$":
        return False
    return doc[start:end].root.dep_ not in ("compound", "npadvmod", "amod", "nmod")


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
    return any(e.label_ == "PERSON" and len(e) > 1
               and any(t.text == word for t in (e[1:] if given else e))
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
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    by = root.dep_ == "pobj" and root.head.dep_ == "agent"  # "signed by Macron and Scholz"
    return root.dep_ in ("nsubj", "nsubjpass") or root.pos_ == "ADJ" or by


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
