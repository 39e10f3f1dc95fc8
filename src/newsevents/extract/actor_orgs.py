"""Organisations named in one article: what their names and descriptions tell.

- The name: a sector noun at its head gives the sector ("Bucknell University"
  EDU, "Philippine Coast Guard" MIL, "Workers' Party of Korea" PTY); then a
  nationality word or a country before that noun, or a place after "of",
  gives the country ("Philippine Coast Guard" PHL, "University of Vienna" AUT).
  A name without a sector noun gives no country: "China Power Project" is not
  Chinese for all we know.
- The description: "The Singaporean news outlet The Straits Times" (SGP MED),
  "Bucknell University in Pennsylvania" (USA), "Washington-based Center" (USA).
- Not organisations: a word of a title ("Cabinet" in "Kenya's Cabinet
  Secretary"), a title tagged as a name ("Minister of Commerce") or a
  minister's portfolio ("Secretary for Foreign Affairs", "Minister of Trade").
- A one-word name that ends a longer organisation name already seen is that
  organisation ("The Times" after "The Straits Times").
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from newsevents.extract.actor_appositions import description_parts
from newsevents.extract.actor_codes import Facts
from newsevents.extract.actor_descriptions import Scene, describe
from newsevents.extract.actor_names import place_country
from newsevents.extract.actor_words import (
    demonym_at,
    find_nouns,
    noun_ending_at,
    noun_starting_at,
    surface,
)
from newsevents.lexicon import Lexicon


def name_facts(doc: Doc, start: int, end: int, lexicon: Lexicon) -> Facts:
    """What an organisation's own name says: a sector noun at its head, and a country."""
    tables = lexicon.actors
    while start < end - 1 and doc[start].lower_ == "the":
        start += 1
    tokens = list(doc[start:end])
    root = doc[start:end].root
    hit = noun_ending_at(tokens, root.i - start, tables.sector_nouns) \
        or noun_ending_at(tokens, len(tokens) - 1, tables.sector_nouns)  # "Republic of Fiji Navy"
    if hit is None or not hit.value.sector:
        return Facts()
    country = None
    for i in range(start, start + hit.start):
        found = demonym_at(doc, i, start + hit.start, tables.demonyms)
        country = (found.value if found else None) or place_country(doc[i].text, lexicon)
        if country:
            break
    for child in root.children:
        if country is None and child.dep_ == "prep" and child.lower_ == "of" and child.i < end:
            place = [t for t in child.subtree if t.i < end and t.dep_ != "prep"]
            if place:
                country = place_country(surface(doc, place[0].i, place[-1].i + 1), lexicon)
    return Facts(country, hit.value.sector)


def describe_org(scene: Scene, start: int, end: int) -> Facts:
    """The name's own facts, filled from its descriptions."""
    facts = name_facts(scene.doc, start, end, scene.lexicon)
    for part in description_parts(scene.doc, start, end):
        name = scene.doc[start:end]
        found = describe(scene, part.tokens, part.head, name=tuple(name))
        facts = facts.filled_from(Facts(found.facts.country, found.facts.sector, found.facts.igo))
    return facts


def not_an_org(doc: Doc, start: int, end: int, lexicon: Lexicon) -> bool:
    """A word of a title ("Cabinet" Secretary) or a minister's portfolio ("for Foreign Affairs")."""
    titles = lexicon.actors.titles
    words = [t for t in doc[start:end] if t.lower_ != "the"]
    if words and noun_starting_at(words, 0, titles) is not None:  # "Minister of Commerce"
        return True
    window = list(doc[max(0, start - 3):min(len(doc), end + 3)])
    offset = max(0, start - 3)
    for hit in find_nouns(window, titles):
        if hit.start + offset <= start and end <= hit.end + offset:
            return True
    root = doc[start:end].root
    if root.dep_ == "pobj" and root.head.lower_ in ("for", "of"):
        owner = list(doc[root.head.head.left_edge.i:root.head.head.i + 1])
        title = noun_ending_at(owner, len(owner) - 1, titles) if owner else None
        return title is not None and title.value.sector == "GOV"
    return False


def earlier_org(name: str, earlier: Sequence[str]) -> str | None:
    """The longer organisation name a one-word name stands for: its last word ("Times" ->
    "Straits Times") or its initials ("RSF" -> "Rapid Support Forces")."""
    if len(name.split()) != 1:
        return None
    matches = [n for n in earlier if len(n.split()) > 1 and n.split()[-1] == name]
    if not matches and name.isupper() and len(name) > 1:
        matches = [n for n in earlier if _initials(n) == name]
    return matches[-1] if len(set(matches)) == 1 else None


def _initials(name: str) -> str:
    """The capitals that start a name's words: "Rapid Support Forces of Sudan" -> "RSFS"."""
    return "".join(word[0] for word in name.replace("-", " ").split() if word[0].isupper())
