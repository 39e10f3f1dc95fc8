"""Pass 3 of the actors: which mentions name people, and which person each is.

NER tags many people ORG, GPE or not at all, and names the same person in
full, by surname or with a title; so a person is found by what the text says
around a name (a title beside it, a description "a law student", a surname of
someone named before), and all the names of one person are linked to one
actor, coded from the tables and their descriptions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.attrs import ORTH, SPACY
from spacy.tokens import Doc

from newsevents.extract.actor_appositions import description_parts
from newsevents.extract.actor_book import Book, Item, is_person_entry, mark
from newsevents.extract.actor_codes import Facts, entry_actor, entry_facts, named_actor
from newsevents.extract.actor_descriptions import Scene, describe
from newsevents.extract.actor_names import clean_name, country_code, place_country
from newsevents.extract.actor_people import (
    described_as_person,
    in_title_apposition,
    link_names,
    person_name,
    short_form_of,
)
from newsevents.extract.actor_words import (
    demonym_at,
    doc_text,
    lookup_name,
    token_ends,
    token_starts,
)
from newsevents.extract.spans import overlaps, tokens_where
from newsevents.records import Actor, Mention, Span

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})  # NER's labels for places, sometimes people's
HYPHEN = frozenset({"-"})
_NO_ONE: tuple[int, frozenset[str]] = (0, frozenset())  # a word no actor is short for


def people_items(scene: Scene, items: list[Item]) -> list[Item]:
    """Mentions of people: PERSON names with a proper noun, person entries of the tables,
    ORG names standing beside a title or repeating part of a person's name, and place-tagged
    names described as a person ("Nino Beridze, a law student")."""
    doc, lexicon = scene.doc, scene.lexicon
    open_items = [i for i in items if i.actor is None and not i.place]
    people = [i for i in open_items if is_person_entry(i) or (
        i.mention.label == "PERSON" and any(t.pos_ == "PROPN" for t in doc[i.start:i.end]))]
    people += [i for i in open_items if i.mention.label == "ORG" and i not in people
               and in_title_apposition(doc, i.start, i.end, lexicon)]
    people += [i for i in open_items if i.mention.label in PLACE_LABELS and i not in people
               and place_country(clean_name(i.mention.text), lexicon) is None
               and described_as_person(doc, i.start, i.end, lexicon)]
    names: dict[tuple[int, int], str] = {}  # each name proper worked out once, not per pair

    def name_of(item: Item) -> str:
        if (item.start, item.end) not in names:
            names[item.start, item.end] = person_name(doc, item.start, item.end, lexicon).text
        return names[item.start, item.end]

    full = [name_of(i) for i in people]
    for item in (i for i in open_items if i.mention.label == "ORG" and i not in people):
        name = name_of(item)
        if short_form_of(name, full) or name in full:
            people.append(item)
        elif all(short_form_of(part, full) for part in name.split("-")):
            item.place = True  # "Trump-Kim": two people, not an organisation
    people += [i for i in open_items if i.mention.label not in ("ORG", "PERSON")
               and i not in people and _surname_of_earlier(scene, i, people, name_of)]
    return sorted(people, key=lambda i: i.start)


def _surname_of_earlier(scene: Scene, item: Item, people: Sequence[Item],
                        name_of: Callable[[Item], str]) -> bool:
    """Whether a one-word name NER tagged as a group or place ("Han") is the surname of a
    person named before it; a name that is a place or a demonym stays what it is."""
    doc, lexicon = scene.doc, scene.lexicon
    tokens = doc[item.start:item.end]
    name = clean_name(item.mention.text)
    if len(tokens) != 1 or tokens[0].pos_ != "PROPN" or place_country(name, lexicon) \
            or country_code(name, lexicon) or demonym_at(doc, item.start, item.end,
                                                         lexicon.actors.demonyms):
        return False
    earlier = [name_of(p) for p in people if p.end <= item.start]
    return short_form_of(name, earlier)


def resolve_people(scene: Scene, people: list[Item], book: Book, day: dt.date | None) -> None:
    """Pass 3: people (``people_items``), linked by name, coded from the tables and their
    descriptions."""
    doc, lexicon = scene.doc, scene.lexicon
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
            mark(scene, item, book.actors[item.actor])


def with_untagged_surnames(scene: Scene, items: list[Item], book: Book,
                            skip: Sequence[Span]) -> list[Item]:
    """Add the surnames NER left untagged ("Wibisono would have addressed ...",
    "Verhoeven-Dam said") as ALIAS mentions of the one person named before with that
    surname, and likewise an organisation's acronym ("the RSF" after "the Rapid Support
    Forces (RSF)"): a lone proper noun, not part of a longer name, after the full name."""
    doc = scene.doc
    first_seen: dict[str, tuple[int, frozenset[str]]] = {}
    for item in items:
        actor = book.actors.get(item.actor or "")
        if actor is None:
            continue
        for short in _short_names(item, actor):
            position, ids = first_seen.get(short, (item.start, frozenset()))
            first_seen[short] = (min(position, item.start), ids | {actor.id})
    taken = {i for item in items for i in range(item.start, item.end)}
    added: list[Item] = []
    glued = _glued_hyphens(doc)
    # the text sliced at each word's offsets, read once: most words are no one's surname
    whole, starts, ends = doc_text(doc), token_starts(doc), token_ends(doc)
    start = 0
    while start < len(doc):
        end = _hyphen_word_end(glued, len(doc), start)
        text = whole[starts[start]:ends[end - 1]]
        position, ids = first_seen.get(text, _NO_ONE)
        if len(ids) == 1 and start > position and _lone_proper_noun(doc, start, end) \
                and not taken.intersection(range(start, end)):
            chars = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
            if not overlaps(chars, skip):
                sentence = doc[start].sent
                mention = Mention(text=text, label="ALIAS", span=chars,
                                  sentence=(sentence.start_char, sentence.end_char))
                added.append(Item(mention, start, end, actor=next(iter(ids))))
                mark(scene, added[-1], book.actors[next(iter(ids))])
        start = end
    return sorted(items + added, key=lambda i: i.start)


def _short_names(item: Item, actor: Actor) -> list[str]:
    """The short forms a later untagged word may name the actor by: a person's surname,
    an organisation's acronyms."""
    words = item.mention.text.split()
    if actor.kind == "person":
        return words[-1:] if len(words) >= 2 else []
    if actor.kind == "organisation":
        return [name for name in {item.mention.text, *actor.aliases} if _acronym(name)]
    return []


def _acronym(name: str) -> bool:
    return 2 <= len(name) <= 6 and name.isalpha() and name.isupper()


def _lone_proper_noun(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``start``..``end`` open on a proper noun with none beside them."""
    return doc[start].pos_ == "PROPN" and all(
        not (0 <= i < len(doc)) or doc[i].pos_ != "PROPN" for i in (start - 1, end))


def _glued_hyphens(doc: Doc) -> frozenset[int]:
    """The hyphens with no space on either side ("Verhoeven-Dam"), read from the doc's
    arrays: a Token object for every word of the text costs more than the test."""
    spaced = doc.to_array(SPACY).tolist()
    return frozenset(t.i for t in tokens_where(doc, ORTH, HYPHEN)
                     if t.i > 0 and not spaced[t.i - 1] and not spaced[t.i])


def _hyphen_word_end(glued: frozenset[int], length: int, start: int) -> int:
    """Where the word opening at ``start`` ends, hyphenated parts joined ("Verhoeven-Dam")."""
    end = start + 1
    while end + 1 < length and end in glued:
        end += 2
    return end
