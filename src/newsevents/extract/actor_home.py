"""The home country of an article, for actors of a state that the text leaves unplaced.

News copy names a state's office-holders, forces and crowds without their
country once the story has said where it happens: in a story from Bogotá,
"Foreign Minister Camilo Andrade", "the army" and "residents" are Colombian.
Coders of events (CAMEO, PLOVER and our gold) read them so. The home country
is the one state a headline names ("EU imposes new sanctions on Belarus"):
a headline says what the story is about, while an outlet abroad or a meeting
elsewhere only says where it was written. Else it is the country of the
first actor the story makes a subject ("Colombia sent troops", "Sudan's army
signed", "Chinese coast guard ships blasted"): a news lead opens on whom the
story is about, while the dateline only says where the reporter is. A
subject said to arrive in another named state ("Chilean rescue teams reached
southern Peru", "Chadian soldiers stationed in Mali") is a visitor there, not
at home; a foreign subject acting on
something of the dateline's country ("MANILA - Chinese ships blasted two
Philippine boats") makes a story told from the dateline's side. With no such subject, the
country the resolved actors name most often, the one named first winning a
tie; with no actor of a country, the country its places and nationality
words name most often ("Youths rioted in Dakar and other Senegalese
cities"); an article that names no country has none.

Only actors of a domestic sector take it (government, armed forces, police,
courts, parliament, rebels, opposition, parties, labour, civilians): media,
companies, schools, charities and churches are as often foreign as not, and
"gunmen" (an unidentified armed group) stay unidentified. Office-holders
posted abroad ("envoy", "ambassador") and groups said to be foreign
("foreign troops", "international observers") never take it, nor a counted
number of people ("1,500 additional troops", "both delegations"), who may be
anyone's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from spacy.attrs import POS
from spacy.symbols import ADJ, PROPN
from spacy.tokens import Doc, Span, Token

from newsevents.extract.actor_codes import Facts
from newsevents.extract.actor_words import demonym_at, doc_text, noun_ending_at
from newsevents.lexicon.actors import ActorTables
from newsevents.records import Actor

HOME_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "REB", "OPP", "PTY",
                          "LAB", "CVL"})
FOREIGN_WORDS = frozenset({"foreign", "international", "overseas", "western", "other",
                           "outside", "global", "world"})

PHRASE_DEPS = frozenset({"poss", "compound", "amod", "nmod", "conj", "case"})
COUNTED_WORDS = frozenset({"additional", "more", "extra", "some", "several", "many", "few",
                           "both", "all", "each", "other", "another"})
PROXY_WORDS = frozenset({"puppet", "proxy", "proxies", "client", "vassal", "satellite"})
# Verbs of coming to a place: their subject is a visitor where they lead ("reached Peru").
ARRIVAL_VERBS = frozenset({"arrive", "reach", "land", "travel", "fly", "come", "cross",
                           "enter", "visit", "return"})
HEADLINE_WORDS = 25  # a first line longer than this is the lead, not a headline


def home_country(doc: Doc, actors: Sequence[tuple[int, Actor]], tables: ActorTables,
                 places: Mapping[int, str], filed_from: str | None = None) -> str | None:
    """The home country, from ``actors`` ((token position, actor) in text order), the
    nationality words of subjects ("Chinese coast guard ships blasted ..."), the
    ``places`` (token position -> ISO3) a headline names and the dateline's country."""
    named = {position: actor.country for position, actor in actors if actor.country}
    # the doc's part-of-speech array rather than a Token object per word of the text
    for position, pos in enumerate(doc.to_array(POS).tolist()):
        if position not in named and pos in (ADJ, PROPN):
            hit = demonym_at(doc, position, position + 1, tables.demonyms)
            if hit is not None and hit.value:
                named[position] = hit.value
    states = {**places, **named}
    headline = _headline(doc)
    in_headline = {country for position, country in states.items() if position in headline}
    if len(in_headline) == 1:
        return in_headline.pop()
    for position in sorted(states):
        subject = _in_subject(doc[position]) if position in named \
            else _placing_subject(doc[position])
        if subject and not _visitor(doc[position], states[position], states):
            acted_on = filed_from is not None and filed_from != states[position] \
                and _acts_on(doc[position], filed_from, states)
            return filed_from if acted_on else states[position]
    placed = [(p, a.country) for p, a in actors if a.country] or sorted(states.items())
    counts = Counter(country for _, country in placed)
    if not counts:
        return None
    first: dict[str, int] = {}
    for position, country in placed:
        first.setdefault(country, position)
    return max(counts, key=lambda c: (counts[c], -first[c]))


def takes_home(actor: Actor, tables: ActorTables) -> bool:
    """Whether a named person or body with no country is read as one of the home country."""
    if actor.country or actor.igo or actor.sector not in HOME_SECTORS:
        return False
    return not (actor.title and _is_posting(actor.title, tables))


def home_facts(chunk: Span, facts: Facts, home: str | None, tables: ActorTables) -> Facts:
    """The facts of a noun phrase with no country ("the army", "residents"), placed at home
    when its sector is domestic and nothing in it says foreign. A plural "governments" is
    many states, not the home one; "the authorities" are the home state's."""
    if home is None or facts.country or facts.igo or facts.sector not in HOME_SECTORS:
        return facts
    if any(t.lower_ in FOREIGN_WORDS for t in _outside_noun(chunk, tables)):
        return facts  # "foreign troops", but not "the foreign ministry"
    if any(tables.demonyms.get(t.text, "") is None for t in chunk):
        return facts  # "the Congolese army": a nationality the tables cannot tell apart
    if facts.sector != "CVL" and any(t.like_num or t.lower_ in COUNTED_WORDS for t in chunk):
        return facts  # "1,500 additional troops": a number of people, not a body of the state
    if facts.sector == "GOV" and chunk.root.tag_ in ("NNS", "NNPS") and chunk[0].lower_ != "the":
        return facts
    return Facts(home, facts.sector, None, facts.title)


def _in_subject(token: Token) -> bool:
    """Whether a word is, or sits inside the noun phrase of, a clause's subject or the
    agent of a passive verb."""
    while token.dep_ in PHRASE_DEPS and token.head.i != token.i:
        if token.dep_ == "poss" and is_proxy(token.head):
            return False  # "the Kremlin's puppet government" is not the Kremlin
        token = token.head
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return True  # "a ceasefire agreed by Sudan's army"
    return token.dep_ in ("nsubj", "nsubjpass")


def _placing_subject(place: Token) -> bool:
    """Whether a place name says where a subject is: "The city council of Paris, Texas,
    voted", "Police in Minsk detained"."""
    token = place
    while token.dep_ in (*PHRASE_DEPS, "appos", "npadvmod") and token.head.i != token.i:
        token = token.head
    preposition = token.head
    if token.dep_ != "pobj" or preposition.lower_ not in ("of", "in"):
        return False
    return preposition.head.pos_ == "NOUN" and _in_subject(preposition.head)


def _headline(doc: Doc) -> range:
    """The token positions of the headline: a short first line with no closing full stop,
    standing apart from the text below it."""
    text = doc_text(doc)
    first_line = text.split("\n", 1)[0].rstrip()
    if "\n" not in text or not first_line or first_line.endswith(".") \
            or len(first_line.split()) > HEADLINE_WORDS:
        return range(0)
    return range(next((t.i for t in doc if t.idx >= len(first_line)), len(doc)))


def _visitor(word: Token, country: str, states: Mapping[int, str]) -> bool:
    """Whether the subject holding ``word`` (of ``country``) is said to be or arrive in
    another named state: "Chilean teams reached southern Peru", "Kenyan troops landed in
    Mogadishu", "Chadian soldiers stationed in Mali left"."""
    while word.dep_ not in ("nsubj", "nsubjpass") and word.head.i != word.i:
        word = word.head
    verb = word.head
    goals = [t for child in verb.children if child.dep_ in ("dobj", "prep")
             for t in child.subtree] if verb.lemma_.lower() in ARRIVAL_VERBS else []
    goals += [t for child in word.children if child.dep_ == "acl" and child.tag_ == "VBN"
              for t in child.subtree]
    return any(states.get(t.i) not in (None, country) for t in goals)


def _acts_on(word: Token, country: str, states: Mapping[int, str]) -> bool:
    """Whether the subject holding ``word`` acts on something of ``country``: "MANILA -
    Chinese coast guard ships blasted two Philippine boats" is told from the side of the
    dateline's country, whose unnamed officials then speak."""
    while word.dep_ not in ("nsubj", "nsubjpass") and word.head.i != word.i:
        word = word.head
    objects = [child for child in word.head.children if child.dep_ == "dobj"]
    while objects:  # the object's own words, not its prepositional phrases
        token = objects.pop()
        if states.get(token.i) == country:
            return True
        objects.extend(c for c in token.children if c.dep_ in PHRASE_DEPS)
    return False


def _outside_noun(chunk: Span, tables: ActorTables) -> list[Token]:
    """The words of a noun phrase outside the table noun at its head."""
    words = list(chunk)
    last = chunk.root.i - chunk.start
    hits = [hit for table in (tables.sector_nouns, tables.titles)
            if (hit := noun_ending_at(words, last, table)) is not None]
    first = min((hit.start for hit in hits), default=last)
    return words[:first] + words[last + 1:]


def is_proxy(head: Token) -> bool:
    """Whether a noun is said to be someone's puppet or proxy ("the Kremlin's puppet regime"):
    its possessor then is whoever controls it, not whose it is."""
    return any(t.lower_ in PROXY_WORDS for t in head.children if t.dep_ in ("amod", "compound"))


def _is_posting(title: str, tables: ActorTables) -> bool:
    """Whether a title as written ("Ambassador", "UN envoy") ends in a posting's title."""
    words = tuple(re.findall(r"[^\s-]+|-", title.lower()))
    for start in range(len(words)):
        info = tables.titles.get(words[start:])
        if info is not None:
            return "posting" in info.flags
    return False
