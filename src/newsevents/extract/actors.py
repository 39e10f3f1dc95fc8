"""Actors of one article, with every mention of one actor linked to one id.

``resolve_actors`` runs four passes over the article's parse:

1. names the tables know (actor_names.py): states, capitals acting as their
   government, informal names ("the Kremlin", "the North"), IGOs, and
   non-person entries of people.yaml / the user's file; names the tables know
   but NER missed (a country's name too) become mentions labelled ALIAS; the
   dateline's names are places (actor_dateline.py);
2. organisations (actor_orgs.py), with what their names and descriptions say;
3. people (actor_people.py), with what the tables and their descriptions say
   (actor_descriptions.py): "Chinese President Xi Jinping" is CHNGOV,
   "Zhiqun Zhu, a political science professor at Bucknell University in
   Pennsylvania" is USAEDU;
4. noun phrases without a name (actor_nominals.py): "the North Korean
   leader", "Sudanese troops", "riot police", each yielded as a NOMINAL mention.

Policy on people and states: a person and their government are separate
actors. "Kim Jong Un", "Kim" and "the young North Korean leader" are the
person Kim Jong Un (PRK, GOV, from the tables or the text); "Pyongyang" when
it acts, "the Kim regime" and "the North's government" are the government
``agent:PRKGOV``; "North Korea", "the DPRK" and "the North" are the state
``country:PRK``. Scorers read all three as PRK. A table entry's facts win
over the text's; the text fills what the entry leaves open. A person or body
of a domestic sector whose description names no country takes the article's
home country (actor_home.py): "Foreign Minister Camilo Andrade" in a story on
Colombia is Colombian; an expert, a company or a reporter is never guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from newsevents.extract.actor_appositions import description_parts, noun_chunks
from newsevents.extract.actor_codes import (
    Facts,
    entry_actor,
    entry_facts,
    named_actor,
    with_alias,
    with_facts,
)
from newsevents.extract.actor_dateline import dateline
from newsevents.extract.actor_descriptions import Scene, describe
from newsevents.extract.actor_home import home_country, takes_home
from newsevents.extract.actor_names import (
    STATE_LABELS,
    Named,
    Resolution,
    clean_name,
    country_code,
    country_name,
    named_states,
    place_country,
    resolve_named,
    resolve_state,
    scan_tables,
)
from newsevents.extract.actor_nominals import coordinated_actors, is_generic, resolve_nominal
from newsevents.extract.actor_orgs import describe_org, earlier_org, not_an_org
from newsevents.extract.actor_people import (
    PersonName,
    described_as_person,
    hyphen_end,
    in_title_apposition,
    link_names,
    person_name,
    short_form_of,
)
from newsevents.extract.actor_pronouns import pronoun_mentions
from newsevents.extract.actor_words import Hit, demonym_at, lookup_name
from newsevents.extract.spans import overlaps
from newsevents.lexicon import Lexicon
from newsevents.records import Actor, Mention, Span

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})  # NER's labels for places, sometimes people's

__all__ = ["ResolvedActors", "clean_name", "country_code", "country_name", "resolve_actors"]


@dataclass(frozen=True)
class ResolvedActors:
    actors: tuple[Actor, ...]
    mentions: tuple[Mention, ...]  # every mention, actor_id set where linked, in text order


@dataclass
class _Item:
    """A mention being resolved: its token range, a table name found in it, its actor."""

    mention: Mention
    start: int
    end: int
    named: Named | None = None
    actor: str | None = None
    place: bool = False  # a place name: no actor (places are another extractor's job)
    generic: bool = False  # tagged as a name but only a noun of the tables ("Army")


def resolve_actors(doc: Doc, mentions: Sequence[Mention], lexicon: Lexicon, *,
                   published: str | None = None, skip: Sequence[Span] = ()) -> ResolvedActors:
    """Turn mentions into actors, add ALIAS and NOMINAL mentions, link each to one id."""
    scene, book = Scene(doc, lexicon), _Book()
    day = _day(published)
    items = _items(doc, mentions)
    states = named_states(doc, [(i.start, i.end, i.mention.label) for i in items], lexicon)
    items = _with_table_names(doc, items, lexicon, states, skip)
    _resolve_names(scene, items, book, day)
    _resolve_orgs(scene, items, book)
    _resolve_people(scene, items, book, day)
    items = _with_untagged_surnames(scene, items, book, skip)
    _place_at_home(scene, items, book)
    nominals = _resolve_nominals(scene, items, book, skip)
    linked = [replace(i.mention, actor_id=i.actor) for i in items] + nominals
    linked += pronoun_mentions(doc, linked, book.actors)
    linked.sort(key=lambda m: (m.span[0], -m.span[1]))
    return ResolvedActors(actors=book.ordered(linked), mentions=tuple(linked))


class _Book:
    """The actors found so far, by id, and where each was first seen."""

    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}

    def add(self, actor: Actor, alias: str = "", facts: Facts | None = None) -> str:
        known = self.actors.get(actor.id, actor)
        known = with_facts(known, Facts(actor.country, actor.sector, actor.igo, actor.title))
        self.actors[actor.id] = with_alias(with_facts(known, facts or Facts()), alias)
        return actor.id

    def ordered(self, mentions: Sequence[Mention]) -> tuple[Actor, ...]:
        order = list(dict.fromkeys(m.actor_id for m in mentions if m.actor_id))
        return tuple(self.actors[i] for i in order)


def _day(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published) if published else None
    except ValueError:
        return None


def _items(doc: Doc, mentions: Sequence[Mention]) -> list[_Item]:
    items = []
    for mention in mentions:
        span = doc.char_span(*mention.span, alignment_mode="expand")
        if span is None:
            continue
        end = hyphen_end(doc, span.end) if mention.label == "PERSON" else span.end
        if end != span.end:
            chars = (mention.span[0], doc[end - 1].idx + len(doc[end - 1].text))
            mention = replace(mention, span=chars, text=doc[span.start:end].text)
        items.append(_Item(mention, span.start, end))
    return items


def _with_table_names(doc: Doc, items: list[_Item], lexicon: Lexicon, states: frozenset[str],
                      skip: Sequence[Span]) -> list[_Item]:
    """Attach names of the tables to the mentions whose name proper they cover; names no
    mention covers become ALIAS mentions."""
    added = []
    for hit in scan_tables(doc, lexicon, states):
        chars = (doc[hit.start].idx, doc[hit.end - 1].idx + len(doc[hit.end - 1].text))
        if overlaps(chars, skip):
            continue
        touching = [i for i in items if i.start < hit.end and hit.start < i.end]
        for item in touching if hit.value.country is None else ():  # the NER's reading wins
            core = person_name(doc, item.start, item.end, lexicon)
            if hit.start <= core.start and core.end <= hit.end or _organ_of(item, hit, core):
                item.named = hit.value
        if not touching:
            sentence = doc[hit.start].sent
            mention = Mention(text=doc[hit.start:hit.end].text, label="ALIAS", span=chars,
                              sentence=(sentence.start_char, sentence.end_char))
            added.append(_Item(mention, hit.start, hit.end, named=hit.value))
    return sorted(items + added, key=lambda i: i.start)


def _organ_of(item: _Item, hit: Hit[Named], core: PersonName) -> bool:
    """Whether a body's name opens on an IGO's name: "The ASEAN Secretariat" is ASEAN's."""
    return hit.value.igo is not None and item.mention.label in ("ORG", "FAC") \
        and hit.start <= core.start < hit.end < core.end


def _is_person_entry(item: _Item) -> bool:
    return item.named is not None and item.named.entry is not None \
        and item.named.entry.kind == "person"


def _mark(scene: Scene, item: _Item, actor: Actor) -> None:
    for i in range(item.start, item.end):
        scene.known[i] = actor


def _resolve_names(scene: Scene, items: list[_Item], book: _Book, day: dt.date | None) -> None:
    """Pass 1: states, capitals, informal names, IGOs and non-person table entries. A name
    NER tags as a person or organisation that names a place, or that the article also
    tags as a place ("Mali", "Vilnius"), is read as a place name too; so is every name of
    the dateline."""
    doc, lexicon = scene.doc, scene.lexicon
    places = {clean_name(i.mention.text) for i in items if i.mention.label in ("GPE", "LOC")}
    filed_from = dateline(doc)
    for item in items:
        label, text = item.mention.label, clean_name(item.mention.text)
        state_like = label in STATE_LABELS or place_country(text, lexicon) is not None
        if item.start in filed_from:  # where the reporter files from, not who acts
            found = Resolution(place=place_country(text, lexicon))
        elif item.named is not None and not _is_person_entry(item):
            found = resolve_named(doc, item.start, item.end, item.named, lexicon, day)
        elif item.named is None and state_like:
            found = resolve_state(doc, item.start, item.end, label, lexicon)
        else:
            found = Resolution()
        if found.actor is not None:
            item.actor = book.add(found.actor, text)
            _mark(scene, item, book.actors[item.actor])
        elif found.place is not None:
            scene.places.update({i: found.place for i in range(item.start, item.end)})
        item.place = item.start in filed_from or found.actor is None and (
            found.place is not None or (label in ("ORG", "PERSON") and text in places))
        if label == "ORG" or found.actor is not None or item.place:
            scene.names.update(range(item.start, item.end))


def _people(scene: Scene, items: list[_Item]) -> list[_Item]:
    """Mentions of people: PERSON names with a proper noun, person entries of the tables,
    ORG names standing beside a title or repeating part of a person's name, and place-tagged
    names described as a person ("Nino Beridze, a law student")."""
    doc, lexicon = scene.doc, scene.lexicon
    open_items = [i for i in items if i.actor is None and not i.place]
    people = [i for i in open_items if _is_person_entry(i) or (
        i.mention.label == "PERSON" and any(t.pos_ == "PROPN" for t in doc[i.start:i.end]))]
    people += [i for i in open_items if i.mention.label == "ORG" and i not in people
               and in_title_apposition(doc, i.start, i.end, lexicon)]
    people += [i for i in open_items if i.mention.label in PLACE_LABELS and i not in people
               and place_country(clean_name(i.mention.text), lexicon) is None
               and described_as_person(doc, i.start, i.end, lexicon)]
    full = [person_name(doc, i.start, i.end, lexicon).text for i in people]
    for item in (i for i in open_items if i.mention.label == "ORG" and i not in people):
        name = person_name(doc, item.start, item.end, lexicon).text
        if short_form_of(name, full) or name in full:
            people.append(item)
        elif all(short_form_of(part, full) for part in name.split("-")):
            item.place = True  # "Trump-Kim": two people, not an organisation
    people += [i for i in open_items if i.mention.label not in ("ORG", "PERSON")
               and i not in people and _surname_of_earlier(scene, i, people)]
    return sorted(people, key=lambda i: i.start)


def _surname_of_earlier(scene: Scene, item: _Item, people: Sequence[_Item]) -> bool:
    """Whether a one-word name NER tagged as a group or place ("Han") is the surname of a
    person named before it; a name that is a place or a demonym stays what it is."""
    doc, lexicon = scene.doc, scene.lexicon
    tokens = doc[item.start:item.end]
    name = clean_name(item.mention.text)
    if len(tokens) != 1 or tokens[0].pos_ != "PROPN" or place_country(name, lexicon) \
            or country_code(name, lexicon) or demonym_at(doc, item.start, item.end,
                                                         lexicon.actors.demonyms):
        return False
    earlier = [person_name(doc, p.start, p.end, lexicon).text for p in people
               if p.end <= item.start]
    return short_form_of(name, earlier)


def _resolve_orgs(scene: Scene, items: list[_Item], book: _Book) -> None:
    """Pass 2: organisations, with what their names and descriptions say."""
    doc, lexicon = scene.doc, scene.lexicon
    people = _people(scene, items)
    org_names: list[str] = []
    for item in items:
        label = item.mention.label
        if item.actor is not None or item.place or item in people:
            continue
        if label not in ("ORG", "GPE", "FAC") or not_an_org(doc, item.start, item.end, lexicon):
            continue
        if is_generic(doc[item.start:item.end], lexicon.actors):
            item.generic = True  # "Army", "Cabinet": read as a noun phrase in pass 4
            continue
        facts = describe_org(scene, item.start, item.end)
        if label != "ORG" and not facts.sector:
            continue  # a place NER could not place; "Republic of Fiji Navy" has a sector
        name = clean_name(item.mention.text)
        canonical = earlier_org(name, org_names) or name
        org_names.append(canonical)
        item.actor = book.add(named_actor(canonical, "organisation", Facts()), name, facts)
        _mark(scene, item, book.actors[item.actor])


def _resolve_people(scene: Scene, items: list[_Item], book: _Book, day: dt.date | None) -> None:
    """Pass 3: people, linked by name, coded from the tables and their descriptions."""
    doc, lexicon = scene.doc, scene.lexicon
    people = _people(scene, items)
    names = [person_name(doc, i.start, i.end, lexicon) for i in people]
    canonical = link_names([n.text for n in names], lexicon.actors.entry_names)
    for item, name, full_name in zip(people, names, canonical, strict=True):
        entry = lookup_name(full_name, lexicon.actors.entry_names)
        described = Facts()
        for part in description_parts(doc, item.start, item.end, name_start=name.start,
                                      inner=name.title):
            found = describe(scene, part.tokens, part.head, name=tuple(doc[name.start:name.end]),
                             prefix_titles=part.before_name)
            described = described.filled_from(found.facts)
        if entry is not None and entry.kind == "person":
            actor = entry_actor(entry, entry_facts(entry, day), lexicon)
            item.actor = book.add(actor, name.text, described)
            if entry.code:
                book.actors[item.actor] = replace(book.actors[item.actor], code=entry.code)
        else:
            item.actor = book.add(named_actor(full_name, "person", Facts()), name.text, described)
    for item in people:
        if item.actor is not None:
            _mark(scene, item, book.actors[item.actor])


def _with_untagged_surnames(scene: Scene, items: list[_Item], book: _Book,
                            skip: Sequence[Span]) -> list[_Item]:
    """Add the surnames NER left untagged ("Wibisono would have addressed ...",
    "Verhoeven-Dam said") as ALIAS mentions of the one person named before with that
    surname: a lone proper noun, not part of a longer name, after the full name."""
    doc = scene.doc
    first_seen: dict[str, tuple[int, set[str]]] = {}
    for item in items:
        actor = book.actors.get(item.actor or "")
        words = item.mention.text.split()
        if actor is None or actor.kind != "person" or len(words) < 2:
            continue
        position, ids = first_seen.get(words[-1], (item.start, set()))
        first_seen[words[-1]] = (min(position, item.start), ids | {actor.id})
    taken = {i for item in items for i in range(item.start, item.end)}
    added: list[_Item] = []
    start = 0
    while start < len(doc):
        end = _hyphen_word_end(doc, start)
        text = doc[start:end].text
        position, ids = first_seen.get(text, (len(doc), set()))
        chars = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
        lone = all(not (0 <= i < len(doc)) or doc[i].pos_ != "PROPN" for i in (start - 1, end))
        if len(ids) == 1 and start > position and doc[start].pos_ == "PROPN" and lone \
                and not taken.intersection(range(start, end)) and not overlaps(chars, skip):
            mention = Mention(text=text, label="ALIAS", span=chars,
                              sentence=(doc[start].sent.start_char, doc[start].sent.end_char))
            added.append(_Item(mention, start, end, actor=next(iter(ids))))
            _mark(scene, added[-1], book.actors[next(iter(ids))])
        start = end
    return sorted(items + added, key=lambda i: i.start)


def _hyphen_word_end(doc: Doc, start: int) -> int:
    """Where the word opening at ``start`` ends, hyphenated parts joined ("Verhoeven-Dam")."""
    end = start + 1
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_:
        end += 2
    return end


def _place_at_home(scene: Scene, items: list[_Item], book: _Book) -> None:
    """Find the article's home country (else the dateline's, when the story names no
    country) and give it to the named people and bodies of a domestic sector whose
    country the text leaves open (actor_home.py)."""
    tables = scene.lexicon.actors
    named = [(scene.doc[i.start:i.end].root.i, book.actors[i.actor]) for i in items if i.actor]
    filed_from = _filed_from(scene)
    scene.home = home_country(scene.doc, named, tables, scene.places, filed_from) or filed_from
    if scene.home is None:
        return
    for actor_id, actor in list(book.actors.items()):
        if actor.kind in ("person", "organisation") and takes_home(actor, tables):
            book.actors[actor_id] = with_facts(actor, Facts(country=scene.home))
    for item in items:
        if item.actor is not None:
            _mark(scene, item, book.actors[item.actor])


def _filed_from(scene: Scene) -> str | None:
    """The dateline's country, read from its words (the extractors skip the dateline, so
    no mention covers it): "LIMA", "NEW DELHI"; a place after a comma says where the one
    before it lies ("PARIS, Texas", "TROMSØ, Norway"), of places joined by a slash the
    first is the story's ("MINSK/VILNIUS")."""
    doc, words = scene.doc, dateline(scene.doc)
    found: list[tuple[int, str]] = []
    position = words.start
    while position < words.stop:
        for end in range(min(words.stop, position + 3), position, -1):
            name = doc[position:end].text
            country = place_country(name.title() if name.isupper() else name, scene.lexicon)
            if country is not None:
                found.append((position, country))
                position = end - 1
                break
        position += 1
    if not found:
        return None
    first, country = found[0]
    qualified = [c for p, c in found[1:] if any(t.text == "," for t in doc[first:p])]
    return qualified[0] if qualified else country


def _resolve_nominals(scene: Scene, items: list[_Item], book: _Book,
                      skip: Sequence[Span]) -> list[Mention]:
    """Pass 4: noun phrases with no name in them (and names that are only nouns, "Army")."""
    taken = {i for item in items if not item.generic for i in range(item.start, item.end)}
    seen = [(item.start, book.actors[item.actor]) for item in items if item.actor]
    nominals = []
    for chunk in noun_chunks(scene.doc):
        span = (chunk.start_char, chunk.end_char)
        if chunk.root.i in taken or overlaps(span, skip):
            continue
        shared = coordinated_actors(scene, chunk)
        for partner in shared:  # one mention each, over the same words
            actor_id = book.add(partner)
            seen.append((chunk.start, book.actors[actor_id]))
            nominals.append(Mention(text=chunk.text, label="NOMINAL", span=span,
                                    sentence=(chunk.sent.start_char, chunk.sent.end_char),
                                    actor_id=actor_id))
        if shared:
            continue
        actor, facts = resolve_nominal(scene, chunk, seen)
        if actor is None:
            continue
        actor_id = book.add(actor, facts=facts)
        seen.append((chunk.start, book.actors[actor_id]))
        if chunk.root.tag_ in ("NNS", "NNPS") and actor.kind != "person":
            scene.groups[chunk.root.lower_] = book.actors[actor_id]
        heads = [i for i in items if i.generic and i.start <= chunk.root.i < i.end]
        for item in heads:  # "Army" tagged as a name: its mention takes the phrase's actor
            item.actor = actor_id
        if not heads:
            nominals.append(Mention(text=chunk.text, label="NOMINAL", span=span,
                                    sentence=(chunk.sent.start_char, chunk.sent.end_char),
                                    actor_id=actor_id))
    for item in (i for i in items if i.generic and i.actor is None):
        # its noun phrase heads on another name ("the coast guard vessel KV Svalbard")
        start = item.start + (scene.doc[item.start].pos_ == "DET" and item.end - item.start > 1)
        actor, facts = resolve_nominal(scene, scene.doc[start:item.end], seen)
        if actor is not None:
            item.actor = book.add(actor, facts=facts)
    return nominals
