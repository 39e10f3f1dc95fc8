"""Choosing the gazetteer entry a place mention means.

Every entry bearing the name is scored; the best one wins. What counts:

1. an explicit qualifier: "Paris, Texas" keeps only the Paris in Texas, and
   "Atlanta, Georgia" only the Georgia that holds Atlanta (the US state), while
   "Tbilisi, Georgia" keeps the country;
2. what the name meant before in the same article ("Paris" after "Paris,
   Texas" is still that Paris) — one sense per story;
3. the countries the sentence and the article name (by a place or a
   nationality word, "Malian troops"), the dateline's country
   counting more, and for a US state the cities in it that the article names
   ("Georgia" in a story about Atlanta);
4. the kind and size of the place: a country before a US state before a city
   of the same name, a big city before a small one, a primary name before an
   alternate one; a dateline names a city.

Nothing is guessed: a name the gazetteer lacks keeps its text and gets no
coordinates; its country is only the one its qualifier gives.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from newsevents.extract.place_qualifiers import PlaceMention
from newsevents.lexicon.gazetteer import Candidate, Entry, Gazetteer, name_key
from newsevents.records import Span

KIND_PRIOR = {"country": 10.0, "admin1": 6.0, "region": 7.0, "water": 7.0,
              "landmark": 7.0, "facility": 7.0}
POPULATION_WEIGHT = 1.5  # a city scores 1.5 per power of ten of its population
ALTERNATE_PENALTY = 3.0
ARTICLE_WEIGHT, ARTICLE_CAP = 1.0, 3
SENTENCE_BONUS = 4.0
DATELINE_BONUS = 2.0
MEMORY_BONUS = 8.0
CAPITAL_BONUS = 1.0
CONTAINS_BONUS = 4.0
DIVISION_REACH_KM = 1000.0  # how far from a division's point a city in it may lie
_WATER_WORDS = frozenset({"sea", "ocean", "river", "lake", "strait", "gulf", "bay", "canal",
                          "channel", "reservoir", "rivers", "lakes"})
_REGION_WORDS = frozenset({"valley", "mountains", "desert", "plain", "plains", "peninsula",
                           "island", "islands", "coast", "basin", "delta", "plateau"})
_ADMIN_WORDS = frozenset({"province", "region", "oblast", "state", "county", "district",
                          "governorate", "prefecture"})


@dataclass
class Context:
    """What the article says about where it is, filled as mentions are resolved."""

    article: Counter[str] = field(default_factory=Counter)
    sentences: dict[tuple[int, int], set[str]] = field(default_factory=dict)
    dateline: str | None = None
    memory: dict[str, Entry] = field(default_factory=dict)  # name key -> entry chosen
    states: set[str] = field(default_factory=set)  # US states of the cities named


def sure_country(candidates: Sequence[Candidate]) -> str | None:
    """The country a name surely lies in: a country's own name, or the one country all
    its primary entries share."""
    primary = [c.entry for c in candidates if not c.alternate]
    country = next((e.country for e in primary if e.kind == "country"), None)
    if country is not None:
        # "Georgia" is the country or a US state: it says nothing until resolved
        rivals = [e for e in primary if e.kind != "city" and e.country != country]
        return None if rivals else country
    countries = {e.country for e in primary}
    return countries.pop() if len(countries) == 1 else None


def sure_state(candidates: Sequence[Candidate]) -> str | None:
    """The US state a city's name surely lies in ("Atlanta": GA)."""
    primary = [c.entry for c in candidates if not c.alternate]
    states = {e.admin1 for e in primary}
    if len(states) != 1 or any(e.kind != "city" for e in primary):
        return None
    return states.pop()


def build_context(mentions: Sequence[PlaceMention], gazetteer: Gazetteer) -> Context:
    context = Context()
    for mention in mentions:
        candidates = gazetteer.lookup(mention.text)
        country = sure_country(candidates)
        if country is not None:
            context.article[country] += 1
            context.sentences.setdefault(mention.sentence, set()).add(country)
        state = sure_state(candidates)
        if state is not None:
            context.states.add(state)
    return context


def add_demonyms(context: Context, words: Sequence[tuple[str, Span]],
                 demonyms: Mapping[str, str | None]) -> None:
    """Count the countries that nationality words name ("Malian troops", "the Kenyan
    capital") as the article's and their sentence's, like the places it names;
    ``words`` are each word with its sentence."""
    for word, sentence in words:
        country = demonyms.get(word)
        if country is not None:
            context.article[country] += 1
            context.sentences.setdefault(sentence, set()).add(country)


def qualifier_fits(entry: Entry, qualifier: Entry) -> bool:
    """Whether ``entry`` lies in ``qualifier`` (a country or a US state)."""
    if entry is qualifier or entry.country != qualifier.country:
        return False
    if qualifier.kind == "admin1" and qualifier.admin1 is not None:
        return entry.admin1 is not None and entry.admin1 == qualifier.admin1
    if qualifier.kind == "admin1":
        # a division of another country ("London, Ontario"): we hold no codes that say
        # which cities lie in it, only its point
        return _distance(entry, qualifier) <= DIVISION_REACH_KM
    return qualifier.kind == "country"


def _distance(one: Entry, other: Entry) -> float:
    """Kilometres between two entries, 0 when either has no point."""
    if None in (one.lat, one.lon, other.lat, other.lon):
        return 0.0
    assert one.lat is not None and one.lon is not None
    assert other.lat is not None and other.lon is not None
    p1, p2 = math.radians(one.lat), math.radians(other.lat)
    dp, dl = p2 - p1, math.radians(other.lon - one.lon)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def qualifier_entries(text: str, gazetteer: Gazetteer) -> list[Entry]:
    code = gazetteer.us_codes.get(text.strip())
    if code is not None:
        return [code]
    return [c.entry for c in gazetteer.lookup(text) if c.entry.kind in ("country", "admin1")]


def score(candidate: Candidate, mention: PlaceMention, context: Context) -> float:
    entry = candidate.entry
    if entry.kind == "city":
        value = POPULATION_WEIGHT * math.log10(max(entry.population, 10))
        value += CAPITAL_BONUS if entry.capital else 0.0
    else:
        value = KIND_PRIOR.get(entry.kind, 4.0)
    if candidate.alternate:
        value -= ALTERNATE_PENALTY
    if entry.country is not None:
        value += ARTICLE_WEIGHT * min(context.article[entry.country], ARTICLE_CAP)
        if entry.country in context.sentences.get(mention.sentence, ()):
            value += SENTENCE_BONUS
        if entry.country == context.dateline:
            value += DATELINE_BONUS
    if entry.kind == "admin1" and entry.admin1 in context.states:
        value += CONTAINS_BONUS  # "Georgia" in a story that names Atlanta
    if context.memory.get(name_key(mention.text)) is entry:
        value += MEMORY_BONUS
    return value


def choose(mention: PlaceMention, candidates: Sequence[Candidate], context: Context,
           qualifier: Sequence[Entry] = ()) -> Entry | None:
    """The entry ``mention`` most likely means, or None when the gazetteer has none."""
    if qualifier:
        # "Paris, Tennessee" is no Paris the gazetteer knows: not Paris, France.
        candidates = [c for c in candidates if any(qualifier_fits(c.entry, q) for q in qualifier)]
    if mention.feature is not None:  # "the Naryn ... rivers": the river, not the town
        kinds = ("water",) if mention.feature in _WATER_WORDS else \
            ("admin1", "region") if mention.feature in _ADMIN_WORDS else ("region",)
        candidates = [c for c in candidates if c.entry.kind in kinds] or list(candidates)
    if mention.label == "DATELINE":
        cities = [c for c in candidates if c.entry.kind == "city"]
        candidates = cities or candidates
    if not candidates:
        return None
    return max(candidates, key=lambda c: score(c, mention, context)).entry


def choose_town(mention: PlaceMention, towns: Sequence[Entry], context: Context,
                qualifier: Sequence[Entry] = ()) -> Entry | None:
    """The small town a name the gazetteer lacks means: one in its qualifier ("Paris,
    Tennessee"), else one in a country the article names. A facility or a named area
    ("Troms police district", "Lamar County") is no town."""
    if guess_kind(mention.text, mention.label) is not None and mention.label != "DATELINE":
        return None
    if qualifier:
        fitting = [t for t in towns if any(qualifier_fits(t, q) for q in qualifier)]
    else:
        named = set(context.article) | {context.dateline}
        fitting = [t for t in towns if t.country in named]
    if not fitting:
        return None
    return max(fitting, key=lambda t: score(Candidate(t), mention, context))


def guess_kind(text: str, label: str) -> str | None:
    """The kind of a place the gazetteer lacks, from its words and NER label only."""
    words = {w.casefold() for w in text.split()}
    if label == "FAC":
        return "facility"
    if words & _WATER_WORDS:
        return "water"
    if words & _REGION_WORDS:
        return "region"
    if words & _ADMIN_WORDS:
        return "admin1" if label == "GPE" else "region"
    return "region" if label == "LOC" else None
