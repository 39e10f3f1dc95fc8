"""Names that stand for states, governments and IGOs, and names from the actor tables.

- a country's name (pycountry and our aliases) is the state: ``country:PRK``;
- a capital is the government when it acts ("Minsk rejected") and a place
  when something happens in it ("arrived in Minsk"), see actor_metonyms.py;
  Brussels acting is the EU;
- an informal name is what state_aliases.tsv says ("the Kremlin" RUSGOV,
  "the North" PRK in a story naming North or South Korea);
- an IGO's name is the IGO;
- a nationality word heading its own noun phrase ("the Chinese", "four
  Filipinos") is the state;
- a named actor of people.yaml or the user's file is that entry, with the
  role it held on the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from newsevents.extract.actor_codes import (
    Facts,
    agent_actor,
    country_actor,
    entry_actor,
    entry_facts,
    igo_actor,
)
from newsevents.extract.actor_metonyms import Role, elsewhere, role_of
from newsevents.extract.actor_words import (
    Hit,
    Openings,
    demonym_at,
    lookup_name,
    name_openings,
    scan_names,
    surface,
)
from newsevents.lexicon import Lexicon
from newsevents.lexicon.actor_file import ActorEntry
from newsevents.lexicon.actors import ActorTables, StateAlias
from newsevents.records import Actor

_POSSESSIVE = re.compile(r"[’']s?$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
STATE_LABELS = frozenset({"GPE", "ORG", "LOC", "FAC", "NORP"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})
MIN_UNTAGGED_COUNTRY = 3


@dataclass(frozen=True)
class Named:
    """What a name found by the tables stands for: an entry, an informal name or an IGO."""

    entry: ActorEntry | None = None
    alias: StateAlias | None = None
    igo: str | None = None
    country: str | None = None  # a country's name the NER left untagged


@dataclass(frozen=True)
class Resolution:
    """An actor for a name, or the state a place name lies in (no actor), or neither."""

    actor: Actor | None = None
    place: str | None = None


# the same names are cleaned over and over (each pass reads every mention's name); bounded
# like the name caches of actor_words.py
@lru_cache(maxsize=1 << 12)
def clean_name(text: str) -> str:
    """The name without a possessive ending, a leading "the" or surrounding blanks."""
    return _LEADING_THE.sub("", _POSSESSIVE.sub("", " ".join(text.split()))).strip()


def country_code(text: str, lexicon: Lexicon) -> str | None:
    """ISO 3166 alpha-3 for a country's name, or None (cities and regions are not countries)."""
    raw = " ".join(text.split())
    for key in (raw, clean_name(raw)):
        if key in lexicon.country_aliases:
            return lexicon.country_aliases[key]
    name = clean_name(raw)
    if len(name) <= 3:  # bare codes like "IN" or "AM" are words far more often than countries
        return None
    return lookup_name(name, lexicon.actors.country_names)


def country_name(iso3: str, lexicon: Lexicon) -> str:
    return lexicon.actors.country_display.get(iso3, iso3)


def place_country(text: str, lexicon: Lexicon) -> str | None:
    """The state a place name lies in: a country, a capital or a US state; else None."""
    tables = lexicon.actors
    capital = lookup_name(clean_name(text), tables.capitals)
    if capital is not None:
        return capital.iso3
    return country_code(text, lexicon) or lookup_name(clean_name(text), tables.subdivisions)


def named_states(doc: Doc, spans: Iterable[tuple[int, int, str]],
                 lexicon: Lexicon) -> frozenset[str]:
    """States the article names outright (countries, capitals, nationality words): the
    context in which "the North" or "Korea" is read."""
    found = set()
    for start, end, label in spans:
        if label not in STATE_LABELS:
            continue
        text = surface(doc, start, end)
        hit = demonym_at(doc, start, end, lexicon.actors.demonyms) if label == "NORP" else None
        found.add((hit.value if hit else None) or place_country(text, lexicon))
    return frozenset(code for code in found if code)


def scan_tables(doc: Doc, lexicon: Lexicon, states: frozenset[str]) -> Iterator[Hit[Named]]:
    """Names of table entries, informal names, IGOs and countries in the text, longest
    first. An entry wins over an informal name, which wins over an IGO, which wins over a
    country of the same words. Short country names ("US") are left to the NER: as
    untagged words they are more often something else."""
    known = _table_names(lexicon.actors)
    names = dict(known.countries_and_igos)
    for name, readings in known.aliases.items():
        fitting = next((r for r in readings if r.alias and r.alias.fits(states)), None)
        if fitting is not None:
            names[name] = fitting
    names.update(known.entries)
    for hit in scan_names(doc, 0, len(doc), names, known.openings):
        if hit.value.alias is None or not hit.value.alias.context_any or _stands_alone(doc, hit):
            yield hit


@dataclass(frozen=True)
class _TableNames:
    """What ``scan_tables`` looks names up in, built once per lexicon rather than once
    per article: each article only chooses which informal names fit its states."""

    tables: ActorTables
    countries_and_igos: dict[str, Named]  # an IGO's name wins over a country's
    aliases: dict[str, tuple[Named, ...]]  # an informal name's readings, in table order
    entries: dict[str, Named]
    openings: Openings  # ``name_openings`` of every name above


_last_table_names: list[_TableNames] = []  # of the lexicon read last (one per process)


def _table_names(tables: ActorTables) -> _TableNames:
    if _last_table_names and _last_table_names[0].tables is tables:
        return _last_table_names[0]
    countries_and_igos = {name: Named(country=iso3) for name, iso3 in tables.country_names.items()
                          if len(name) > MIN_UNTAGGED_COUNTRY and name[:1].isupper()}
    countries_and_igos.update({name: Named(igo=igo) for name, igo in tables.igo_names.items()})
    aliases = {name: tuple(Named(alias=a) for a in found)
               for name, found in tables.state_aliases.items()}
    entries = {name: Named(entry=entry) for name, entry in tables.entry_names.items()}
    openings = name_openings([*countries_and_igos, *aliases, *entries])
    known = _TableNames(tables, countries_and_igos, aliases, entries, openings)
    _last_table_names[:] = [known]
    return known


def _stands_alone(doc: Doc, hit: Hit[Named]) -> bool:
    """A short name read by context ("the North", "Korea") must not be part of a longer
    name: "the North Korean leader", "South Korea", "North Korea-watching"."""
    after = doc[hit.end] if hit.end < len(doc) else None
    before = doc[hit.start - 1] if hit.start > 0 else None
    if after is not None and (after.text[:1].isupper() or
                              (after.text == "-" and not doc[hit.end - 1].whitespace_)):
        return False
    return not (before is not None and before.text[:1].isupper() and before.is_alpha
                and not before.is_sent_start and before.lower_ != "the")


def resolve_named(doc: Doc, start: int, end: int, named: Named, lexicon: Lexicon,
                  day: dt.date | None) -> Resolution:
    """The actor of a name found by ``scan_tables``."""
    if named.entry is not None:
        return Resolution(entry_actor(named.entry, entry_facts(named.entry, day), lexicon))
    if named.igo is not None:
        return Resolution(igo_actor(named.igo, lexicon))
    if named.country is not None:
        return Resolution(country_actor(named.country, lexicon))
    alias = named.alias
    assert alias is not None
    if alias.place and role_of(doc, start, end, lexicon.actors) is not Role.PARTY:
        return Resolution(place=alias.iso3)
    return Resolution(agent_actor(Facts(alias.iso3, alias.sector), lexicon))


def resolve_state(doc: Doc, start: int, end: int, label: str, lexicon: Lexicon) -> Resolution:
    """The actor of a named-entity mention that names a state, a capital or an IGO."""
    tables = lexicon.actors
    text = surface(doc, start, end)
    if label == "NORP" and country_code(text, lexicon) is None:  # not "Tajikistan" mistagged
        hit = demonym_at(doc, start, end, tables.demonyms)
        head = doc[start:end].root
        while head.dep_ == "conj" and head.head.i != head.i:  # "Chinese and North Korean sides"
            head = head.head
        if hit is None or not hit.value or head.dep_ in MODIFIER_DEPS:
            return Resolution()
        return Resolution(country_actor(hit.value, lexicon))
    iso3 = country_code(text, lexicon)
    if iso3 is not None:
        return Resolution(country_actor(iso3, lexicon))
    capital = lookup_name(clean_name(text), tables.capitals)
    if capital is not None and not elsewhere(doc, end, capital.iso3, tables):
        if role_of(doc, start, end, tables) is Role.PARTY:
            return Resolution(agent_actor(Facts(capital.iso3, "GOV", capital.igo), lexicon))
        return Resolution(place=capital.iso3)
    igo = lookup_name(text, tables.igo_names) or lookup_name(clean_name(text), tables.igo_names)
    if igo is not None:
        return Resolution(igo_actor(igo, lexicon))
    where = lookup_name(clean_name(text), tables.subdivisions)
    return Resolution(place=where)
