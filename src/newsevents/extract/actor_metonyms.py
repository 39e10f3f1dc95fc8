"""A capital (or a building like "the White House"): the government, or only a place?

"Beijing said", "Minsk rejected", "Dushanbe was interested", "Beijing's help",
"a push by Beijing" and "alienating Pyongyang" name the government; "arrived in
Beijing", "a train from Pyongyang", "visited Beijing" and "sailed toward Tehran"
name a place, which gets no actor (places are
the places extractor's job). The words that decide are in ``metonymy.tsv``.
Where the parse does not say (a compound "Beijing officials", "Washington-based",
after "of"), the mention gets no actor of its own: a noun phrase around it may
still take its country ("Beijing officials" is CHNGOV, see actor_nominals.py).
"""

from __future__ import annotations

from enum import Enum

from spacy.tokens import Doc, Token

from newsevents.extract.actor_words import lookup_name, surface
from newsevents.lexicon.actors import ActorTables

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECTS = frozenset({"dobj", "iobj", "dative", "obj"})

# What a government sends by word: "calls from Washington" are the US government's,
# while "families from Warsaw" merely come from the city.
SENT_WORDS = frozenset({"call", "demand", "appeal", "plea", "request", "pressure", "message",
                        "letter", "note", "warning", "threat", "criticism", "condemnation",
                        "protest", "complaint", "objection", "offer", "proposal", "invitation",
                        "signal", "statement", "order", "instruction", "support", "backing"})


class Role(Enum):
    PARTY = "party"  # the government acts or is acted upon
    PLACE = "place"  # something happens in, at, to or from it


def role_of(doc: Doc, start: int, end: int, tables: ActorTables) -> Role | None:
    """What the name at tokens ``start``..``end`` is in its sentence, or None if undecided."""
    token = _first_conjunct(doc[start:end].root)
    head = token.head
    if token.dep_ in SUBJECTS:
        if head.lemma_ != "be" or any(c.dep_ == "acomp" for c in head.children):
            return Role.PARTY  # "Minsk rejected", "Dushanbe was interested"
        return None  # "Minsk is a city of two million"
    if token.dep_ == "poss":
        return Role.PARTY
    if token.dep_ in OBJECTS:
        return Role.PLACE if head.lemma_.lower() in tables.metonymy["place_verb"] else Role.PARTY
    if token.dep_ == "pobj":
        return _after_preposition(head, tables)
    return None


def _first_conjunct(token: Token) -> Token:
    """"Beijing, Pyongyang and Moscow": the later names take the first one's place."""
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    return token


def _after_preposition(prep: Token, tables: ActorTables) -> Role | None:
    word = prep.lower_
    if prep.dep_ == "agent" or word == "by":
        return Role.PARTY
    if word in ("to", "from") and prep.head.pos_ == "ADJ":  # "important to Beijing"
        return Role.PARTY
    if word == "to" and prep.head.pos_ == "NOUN" and not _on_the_way(prep, tables) \
            and prep.head.lemma_.lower() not in tables.metonymy["place_verb"]:
        return Role.PARTY  # "a letter to Washington", "a concession to Tokyo"; not "a visit"
    if word == "from" and prep.head.lemma_.lower() in SENT_WORDS:
        return Role.PARTY  # "calls from Washington"; not "families from Warsaw"
    if word in tables.metonymy["place_prep"] or _on_the_way(prep, tables):
        return Role.PLACE
    if word in tables.metonymy["actor_prep"]:
        return Role.PARTY
    return None


def _on_the_way(prep: Token, tables: ActorTables) -> bool:
    """Whether a preposition belongs to a going or a way ("sailed toward Tehran", "the road
    between Kabul and Kandahar"): its name is then a destination, not a party."""
    return prep.head.lemma_.lower() in tables.metonymy.get("way_word", frozenset())


def elsewhere(doc: Doc, end: int, iso3: str | None, tables: ActorTables) -> bool:
    """Whether the name before ``end`` is placed in another state by what follows:
    "Paris, Texas" or "Athens, Georgia" are not the capitals."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    for stop in range(min(len(doc), end + 5), end + 1, -1):
        text = surface(doc, end + 1, stop)
        where = lookup_name(text, tables.subdivisions) or lookup_name(text, tables.country_names)
        if where is not None:
            return where != iso3
    return False
