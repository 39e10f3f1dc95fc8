"""Actors of one article, with every mention of one actor linked to one id.

``resolve_actors`` runs four passes over the article's parse:

1. names the tables know (actor_names.py): states, capitals acting as their
   government, informal names ("the Kremlin", "the North"), IGOs, and
   non-person entries of people.yaml / the user's file; names the tables know
   but NER missed (a country's name too) become mentions labelled ALIAS; the
   dateline's names are places (actor_dateline.py);
2. organisations (actor_orgs.py), with what their names and descriptions say;
3. people (actor_people_pass.py, their names by actor_people.py), with what the
   tables and their descriptions say (actor_descriptions.py): "Chinese
   President Xi Jinping" is CHNGOV, "Zhiqun Zhu, a political science professor
   at Bucknell University in Pennsylvania" is USAEDU;
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

The passes share the mentions under way and the actors found (actor_book.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from newsevents.extract.actor_appositions import noun_chunks, with_possessors
from newsevents.extract.actor_book import Book, Item, is_person_entry, mark
from newsevents.extract.actor_codes import Facts, named_actor, with_facts
from newsevents.extract.actor_dateline import dateline
from newsevents.extract.actor_descriptions import Scene
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
from newsevents.extract.actor_nominals import (
    coordinated_actors,
    head_kind,
    is_generic,
    resolve_nominal,
    table_heads,
)
from newsevents.extract.actor_orgs import describe_org, earlier_org, not_an_org
from newsevents.extract.actor_people import PersonName, hyphen_end, person_name
from newsevents.extract.actor_people_pass import (
    people_items,
    resolve_people,
    with_untagged_surnames,
)
from newsevents.extract.actor_pronouns import pronoun_mentions
from newsevents.extract.actor_words import Hit
from newsevents.extract.mentions import sentence_chars
from newsevents.extract.spans import overlaps
from newsevents.lexicon import Lexicon
from newsevents.records import Actor, Mention, Span

__all__ = ["ResolvedActors", "clean_name", "country_code", "country_name", "resolve_actors"]


@dataclass(frozen=True)
class ResolvedActors:
    actors: tuple[Actor, ...]
    mentions: tuple[Mention, ...]  # every mention, actor_id set where linked, in text order


def resolve_actors(doc: Doc, mentions: Sequence[Mention], lexicon: Lexicon, *,
                   published: str | None = None, skip: Sequence[Span] = ()) -> ResolvedActors:
    """Turn mentions into actors, add ALIAS and NOMINAL mentions, link each to one id."""
    scene, book = Scene(doc, lexicon), Book()
    day = _day(published)
    items = _items(doc, mentions)
    states = named_states(doc, [(i.start, i.end, i.mention.label) for i in items], lexicon)
    items = _with_table_names(doc, items, lexicon, states, skip)
    _resolve_names(scene, items, book, day)
    people = people_items(scene, items)  # the org pass leaves them as they are: read once
    _resolve_orgs(scene, items, people, book)
    resolve_people(scene, people, book, day)
    items = with_untagged_surnames(scene, items, book, skip)
    _place_at_home(scene, items, book)
    nominals = _resolve_nominals(scene, items, book, skip)
    linked = [replace(i.mention, actor_id=i.actor) for i in items] + nominals
    linked += pronoun_mentions(doc, linked, book.actors)
    linked.sort(key=lambda m: (m.span[0], -m.span[1]))
    return ResolvedActors(actors=book.ordered(linked), mentions=tuple(linked))


def _day(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published) if published else None
    except ValueError:
        return None


def _items(doc: Doc, mentions: Sequence[Mention]) -> list[Item]:
    items = []
    for mention in mentions:
        span = doc.char_span(*mention.span, alignment_mode="expand")
        if span is None:
            continue
        end = hyphen_end(doc, span.end) if mention.label == "PERSON" else span.end
        if end != span.end:
            chars = (mention.span[0], doc[end - 1].idx + len(doc[end - 1].text))
            mention = replace(mention, span=chars, text=doc[span.start:end].text)
        items.append(Item(mention, span.start, end))
    return items


def _with_table_names(doc: Doc, items: list[Item], lexicon: Lexicon, states: frozenset[str],
                      skip: Sequence[Span]) -> list[Item]:
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
            added.append(Item(mention, hit.start, hit.end, named=hit.value))
    return sorted(items + added, key=lambda i: i.start)


def _organ_of(item: Item, hit: Hit[Named], core: PersonName) -> bool:
    """Whether a body's name opens on an IGO's name: "The ASEAN Secretariat" is ASEAN's."""
    return hit.value.igo is not None and item.mention.label in ("ORG", "FAC") \
        and hit.start <= core.start < hit.end < core.end


def _resolve_names(scene: Scene, items: list[Item], book: Book, day: dt.date | None) -> None:
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
        elif item.named is not None and not is_person_entry(item):
            found = resolve_named(doc, item.start, item.end, item.named, lexicon, day)
        elif item.named is None and state_like:
            found = resolve_state(doc, item.start, item.end, label, lexicon)
        else:
            found = Resolution()
        if found.actor is not None:
            item.actor = book.add(found.actor, text)
            mark(scene, item, book.actors[item.actor])
        elif found.place is not None:
            scene.places.update({i: found.place for i in range(item.start, item.end)})
        item.place = item.start in filed_from or found.actor is None and (
            found.place is not None or (label in ("ORG", "PERSON") and text in places))
        if label == "ORG" or found.actor is not None or item.place:
            scene.names.update(range(item.start, item.end))


def _resolve_orgs(scene: Scene, items: list[Item], people: list[Item], book: Book) -> None:
    """Pass 2: organisations, with what their names and descriptions say (``people``:
    the mentions of people, left to pass 3)."""
    doc, lexicon = scene.doc, scene.lexicon
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
        mark(scene, item, book.actors[item.actor])


def _place_at_home(scene: Scene, items: list[Item], book: Book) -> None:
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
            mark(scene, item, book.actors[item.actor])


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


def _resolve_nominals(scene: Scene, items: list[Item], book: Book,
                      skip: Sequence[Span]) -> list[Mention]:
    """Pass 4: noun phrases with no name in them (and names that are only nouns, "Army")."""
    taken = {i for item in items if not item.generic for i in range(item.start, item.end)}
    seen = [(item.start, book.actors[item.actor]) for item in items if item.actor]
    nominals = []
    table_roots = table_heads(scene.doc, scene.lexicon.actors)
    for chunk in with_possessors(noun_chunks(scene.doc)):
        root = chunk.root.i
        if root not in table_roots:
            continue  # ``head_kind`` would find no table word: settled from the doc's arrays
        span = (chunk.start_char, chunk.end_char)
        if root in taken or overlaps(span, skip):
            continue
        kind = head_kind(chunk, scene.lexicon.actors)  # worked out once for both readings
        if kind is None:
            continue  # neither reading finds an actor in a phrase with no table head
        shared = coordinated_actors(scene, chunk, kind)
        for partner in shared:  # one mention each, over the same words
            actor_id = book.add(partner)
            seen.append((chunk.start, book.actors[actor_id]))
            nominals.append(Mention(text=chunk.text, label="NOMINAL", span=span,
                                    sentence=sentence_chars(chunk), actor_id=actor_id))
        if shared:
            continue
        actor, facts = resolve_nominal(scene, chunk, seen, kind)
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
                                    sentence=sentence_chars(chunk), actor_id=actor_id))
    for item in (i for i in items if i.generic and i.actor is None):
        # its noun phrase heads on another name ("the coast guard vessel KV Svalbard")
        start = item.start + (scene.doc[item.start].pos_ == "DET" and item.end - item.start > 1)
        actor, facts = resolve_nominal(scene, scene.doc[start:item.end], seen)
        if actor is not None:
            item.actor = book.add(actor, facts=facts)
    return nominals
