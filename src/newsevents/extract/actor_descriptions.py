"""What the words of a description say about who someone is: title, country, sector, IGO.

A description is a set of tokens around a head word: the title before a name
("Chinese President" Xi Jinping), an apposition ("a political science
professor at Bucknell University in Pennsylvania"), or a noun phrase of its
own ("the young North Korean leader", "Sudan's army", "police in Minsk").

A country comes, most trusted first, from
1. nationality: a demonym, country or capital written on the head
   ("Chinese President", "US ambassador", "Kenya's Cabinet Secretary",
   "President of Kenya", "Sudanese troops");
2. affiliation: the body served, when its country is known ("spokesman for the
   Belarusian foreign ministry", "of the Philippine Coast Guard");
3. location: "at Bucknell University in Pennsylvania", "Washington-based".
Never from a country inside an organisation's name ("China Power Project"),
the subject of an expert ("a Korea expert"), a portfolio ("envoy for Sudan")
or a posting ("ambassador to the UN"): when the text gives none, it stays None.
Two different nationalities ("the Chinese and North Korean sides") give none.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsevents.extract.actor_codes import Facts
from newsevents.extract.actor_home import is_proxy
from newsevents.extract.actor_pronouns import OWNING_PRONOUNS, owning_subject
from newsevents.extract.actor_words import Hit, demonym_at, find_nouns
from newsevents.lexicon import Lexicon
from newsevents.lexicon.actors import NounInfo
from newsevents.records import Actor

MODIFIERS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod", "nummod"})
LOCATIVE = frozenset({"in", "at", "from", "near", "inside"})
# "Russian-appointed", "Chinese-owned", "Liberian-flagged": the state that appoints, runs,
# owns or flags a body, an office or a ship holds it; "Iranian-backed" only supports it (not
# listed: the backer is not the owner)
# (lemmas, and the participles spaCy tags as adjectives and leaves unlemmatised)
APPOINTING_FORMS = frozenset({"appoint", "install", "run", "own", "control", "operate",
                              "command", "flag", "appointed", "installed", "owned",
                              "controlled", "operated", "commanded", "flagged"})


@dataclass
class Scene:
    """What the resolvers of one article share, filled pass by pass by extract/actors.py."""

    doc: Doc
    lexicon: Lexicon
    known: dict[int, Actor] = field(default_factory=dict)  # token -> actor of its mention
    places: dict[int, str] = field(default_factory=dict)  # token -> ISO3 of a place name
    names: set[int] = field(default_factory=set)  # tokens inside names of bodies and people
    home: str | None = None  # the article's home country, once known (actor_home.py)
    groups: dict[str, Actor] = field(default_factory=dict)  # plural noun -> its last group


@dataclass(frozen=True)
class Description:
    facts: Facts = Facts()
    office: str | None = None  # the office group of the title (titles.tsv)
    head: NounInfo | None = None  # what the head word is, as a title or a sector noun
    nationality: bool = False  # whether the country was written on the head
    body: Actor | None = None  # a named organisation or IGO the head belongs to


@dataclass(frozen=True)
class _Unit:
    """A country, place, IGO or body named inside a description."""

    root: Token
    country: str | None = None
    igo: str | None = None
    sector: str | None = None
    person: bool = False
    demonym: bool = False
    actor: Actor | None = None


def describe(scene: Scene, tokens: Iterable[Token], head: Token | None, *,
             name: Sequence[Token] = (), people: bool = False,
             prefix_titles: bool = False) -> Description:
    """Read a description. ``head``: the word it describes (a title, a sector noun),
    None to take the last title found; ``name``: the tokens of the name it describes,
    which count as the head too; ``people``: whether a person named in it lends
    their country ("the Kim regime")."""
    words = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    tables = scene.lexicon.actors
    titles = [h for h in find_nouns(words, tables.titles) if _title_ok(words, h, prefix_titles)]
    nouns = [h for h in find_nouns(words, tables.sector_nouns) if _is_noun(words[h.end - 1])]
    head_hit = _hit_of(head, words, titles) or _hit_of(head, words, nouns)
    if head is None and titles:
        head_hit, head = titles[-1], words[titles[-1].end - 1]
    centre = {words[i].i for i in range(head_hit.start, head_hit.end)} if head_hit else set()
    centre |= {t.i for t in name} | ({head.i} if head is not None else set())
    info = head_hit.value if head_hit else None
    flags = info.flags if info else frozenset()

    is_title = head_hit is not None and head_hit in titles
    found: dict[str | None, list[_Unit]] = {"nationality": [], "affiliation": [],
                                             "location": [], None: []}
    units = list(_units(scene, words))
    for unit in units:
        if not unit.person or people:
            found[_relation(unit, centre, flags, words, located=not is_title)].append(unit)
    if head is not None and len({u.country for u in units if u.country and u.root.i < head.i
                                 and u.root.dep_ in MODIFIERS | {"conj"}}) > 1:
        found["nationality"] = [u for u in found["nationality"] if not u.country]
        found["nationality"].append(_Unit(head, "-"))  # "the Dutch and Indonesian governments"
    nationality, affiliation, location = (found["nationality"], found["affiliation"],
                                          found["location"])

    modifier_sector = _modifier_sector(words, nouns, head_hit, centre)
    countries = {u.country for u in nationality if u.country}
    country = countries.pop() if len(countries) == 1 else None
    country = None if country == "-" else country
    igo = None if country else next((u.igo for u in nationality + affiliation if u.igo), None)
    if country is None and igo is None and not countries:
        country = next((u.country for u in affiliation + location if u.country), None)
    body = next((u.actor for u in nationality + affiliation
                 if u.actor is not None and u.actor.kind in ("organisation", "igo")), None)
    body_sector = next((u.sector for u in nationality + affiliation if u.sector), None)
    other_sector = next((h.value.sector for h in nouns if h is not head_hit and h.value.sector),
                        None) if head_hit in titles else None  # "an adviser to the opposition's"
    sector = info.sector if info else None
    if info is None or "weak" in flags or sector is None:
        sector = modifier_sector or body_sector or sector or other_sector
    if igo and not country:
        sector = "IGO"
    title = " ".join(w.text for w in words[head_hit.start:head_hit.end]) \
        if head_hit and is_title else None
    office = info.office if info and is_title else None
    return Description(Facts(country, sector, igo, title), office, info, bool(countries), body)


def _is_noun(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") or token.text.endswith(".")


def _title_ok(words: Sequence[Token], hit: Hit[NounInfo], prefix_titles: bool) -> bool:
    if "prefix" in hit.value.flags and not prefix_titles:
        return False
    return _is_noun(words[hit.end - 1])


def _hit_of(head: Token | None, words: Sequence[Token],
            hits: Sequence[Hit[NounInfo]]) -> Hit[NounInfo] | None:
    if head is None:
        return None
    return next((h for h in hits if any(w.i == head.i for w in words[h.start:h.end])), None)


def _units(scene: Scene, words: Sequence[Token]) -> Iterable[_Unit]:
    """The actors, places and demonyms inside a description, one unit per name."""
    seen: set[int] = set()
    index = {w.i for w in words}
    for word in words:
        if word.i in seen:
            continue
        actor = scene.known.get(word.i)
        if actor is not None:
            span = [t for t in words if scene.known.get(t.i) is actor]
            seen.update(t.i for t in span)
            yield _Unit(_root(span), actor.country, actor.igo,
                        actor.sector if actor.kind != "country" else None,
                        person=actor.kind == "person", actor=actor)
            continue
        if word.i in scene.places:
            span = [t for t in words if scene.places.get(t.i) == scene.places[word.i]]
            seen.update(t.i for t in span)
            yield _Unit(_root(span), scene.places[word.i])
            continue
        if word.dep_ == "poss" and word.lower_ in OWNING_PRONOUNS:
            owner = owning_subject(word.head, lambda subject: scene.known.get(subject.i))
            if owner is not None:  # "Oman said its foreign minister ..."
                yield _Unit(word, owner.country, owner.igo,
                            owner.sector if owner.kind != "country" else None, actor=owner)
            continue
        if word.i in scene.names or word.pos_ == "DET":
            continue
        hit = demonym_at(scene.doc, word.i, max(index) + 1, scene.lexicon.actors.demonyms)
        if hit is not None and all(i in index for i in range(hit.start, hit.end)):
            seen.update(range(hit.start, hit.end))
            if hit.value:
                yield _Unit(_root(list(scene.doc[hit.start:hit.end])), hit.value, demonym=True)


def _root(span: Sequence[Token]) -> Token:
    """The word of a name that attaches it to the sentence; not a "The" the parser hung
    on the next noun ("The UN Personal Envoy": UN, not The)."""
    inside = {t.i for t in span}
    return next((t for t in span if (t.head.i not in inside or t.head.i == t.i)
                 and t.pos_ != "DET"), span[-1])


def _relation(unit: _Unit, centre: set[int], flags: frozenset[str],
              words: Sequence[Token], *, located: bool) -> str | None:
    """nationality, affiliation, location or None (a portfolio, a topic, unrelated).
    ``located``: whether a place written on the head itself says where it belongs
    ("police in Minsk" yes; a title, "negotiator in Nairobi", no: that is where
    the holder is, not whom they serve)."""
    token = unit.root
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    head = token.head
    body = unit.igo is not None or unit.sector is not None
    if token.dep_ == "pobj":
        prep, owner = head.lower_, head.head
        if prep == "for":
            return "affiliation" if body else None
        if prep == "to":
            return None if "posting" in flags else ("affiliation" if body else None)
        if prep == "of":
            if owner.i in centre:
                return "affiliation" if body else "nationality"
            return "affiliation" if body else None
        if prep in LOCATIVE or head.lemma_ == "base":  # "in Minsk", "based in Geneva"
            if body and prep in ("at", "from"):
                return "affiliation"
            return "location" if located or owner.i not in centre else None
        return None
    if token.dep_ in MODIFIERS or (token.dep_ == "ROOT" and unit.demonym):
        if token.dep_ == "poss" and is_proxy(head):
            return None  # "the Kremlin's puppet government": the controller, not the owner
        if head.lemma_ == "base":  # "Washington-based"
            return "location"
        if head.lemma_.lower() in APPOINTING_FORMS and head.head.i in centre:
            return "nationality"  # "the Russian-appointed director": that state's official
        if head.i in centre or token.dep_ == "ROOT":
            topic = "topic" in flags and token.dep_ == "compound" and not unit.demonym
            if topic and not body:
                return None
            return "affiliation" if body and unit.country is None else "nationality"
        if any(w.i == head.i for w in words) and head.pos_ in ("NOUN", "PROPN"):
            return "affiliation"  # on another noun of the description: "Belarusian ministry"
    return None


def _modifier_sector(words: Sequence[Token], nouns: Sequence[Hit[NounInfo]],
                     head_hit: Hit[NounInfo] | None, centre: set[int]) -> str | None:
    """A sector noun written on the head: "opposition leader", "army officials"."""
    for hit in nouns:
        if hit is head_hit or not hit.value.sector:
            continue
        last = words[hit.end - 1]
        if last.head.i in centre and last.i not in centre:
            return hit.value.sector
    return None
