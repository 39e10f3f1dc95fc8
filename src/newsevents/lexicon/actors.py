"""The actor tables, loaded once into an immutable ``ActorTables``.

- countries: every name pycountry gives a country (generated at load time),
  then ``country_aliases.tsv`` (informal names), which wins on a clash;
- ``demonyms.tsv`` ("North Korean" -> PRK), ``capitals.tsv`` ("Minsk" -> BLR),
  ``state_aliases.tsv`` ("the Kremlin" -> RUS GOV, "the North" -> PRK in a
  story on Korea);
- ``titles.tsv`` (offices of people) and ``sector_nouns.tsv`` (bodies and
  groups), both matched word by word in lower case or lemma form;
- ``actor_sectors.tsv`` (sector codes, their kind and label);
- ``people.yaml`` and the user's actor file (``actor_file.py``): named actors
  with date-ranged roles; a user entry replaces a built-in one that shares a
  name or alias with it.

US states come from pycountry's subdivisions: an affiliation "in Pennsylvania"
places a person in the USA.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pycountry

from newsevents.errors import UsageError
from newsevents.lexicon.actor_file import ActorEntry, parse_actor_entries
from newsevents.lexicon.tsv import tsv_rows

ACTOR_TABLES = ("demonyms.tsv", "capitals.tsv", "state_aliases.tsv", "titles.tsv",
                "sector_nouns.tsv", "actor_sectors.tsv", "metonymy.tsv", "people.yaml")

Words = tuple[str, ...]


def norm_name(text: str) -> str:
    """A name as the tables key it: straight apostrophes, single spaces, "The" -> "the"."""
    text = " ".join(text.replace("\u2019", "'").split())
    return "the " + text[4:] if text[:4] in ("The ", "THE ") else text


def _normed(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType({norm_name(name): value for name, value in mapping.items()})


@dataclass(frozen=True)
class NounInfo:
    """What a title or a sector noun tells: a sector, an office group and flags."""

    sector: str | None
    office: str | None = None
    flags: frozenset[str] = frozenset()


@dataclass(frozen=True)
class StateAlias:
    """An informal name of a state or one of its bodies (state_aliases.tsv)."""

    iso3: str
    sector: str | None
    context_any: frozenset[str] = frozenset()
    context_none: frozenset[str] = frozenset()
    place: bool = False

    def fits(self, named: frozenset[str]) -> bool:
        """Whether the alias applies in an article naming the states ``named``."""
        if self.context_any and not self.context_any & named:
            return False
        return not self.context_none & named


@dataclass(frozen=True)
class Capital:
    iso3: str | None
    igo: str | None


@dataclass(frozen=True)
class Sector:
    code: str
    kind: str  # organisation or group
    label: str


@dataclass(frozen=True)
class ActorTables:
    country_names: Mapping[str, str] = field(default_factory=dict)  # name -> ISO3
    country_display: Mapping[str, str] = field(default_factory=dict)  # ISO3 -> short name
    demonyms: Mapping[str, str | None] = field(default_factory=dict)  # None: regional
    capitals: Mapping[str, Capital] = field(default_factory=dict)
    state_aliases: Mapping[str, tuple[StateAlias, ...]] = field(default_factory=dict)
    titles: Mapping[Words, NounInfo] = field(default_factory=dict)
    sector_nouns: Mapping[Words, NounInfo] = field(default_factory=dict)
    sectors: Mapping[str, Sector] = field(default_factory=dict)
    subdivisions: Mapping[str, str] = field(default_factory=dict)  # "Texas" -> USA
    igo_names: Mapping[str, str] = field(default_factory=dict)  # igos.tsv, names normalised
    metonymy: Mapping[str, frozenset[str]] = field(default_factory=dict)  # kind -> words
    entries: tuple[ActorEntry, ...] = ()
    entry_names: Mapping[str, ActorEntry] = field(default_factory=dict)  # name/alias -> entry

    def sector_kind(self, sector: str | None) -> str:
        known = self.sectors.get(sector or "")
        return known.kind if known else "organisation"

    def sector_label(self, sector: str) -> str:
        known = self.sectors.get(sector)
        return known.label if known else sector

    def with_entries(self, extra: Sequence[ActorEntry]) -> ActorTables:
        """These tables with ``extra`` entries added, replacing built-in ones they rename."""
        entries = merge_entries(self.entries, extra)
        return replace(self, entries=entries, entry_names=index_entries(entries))


def _dash(value: str) -> str | None:
    return None if value == "-" else value


def _flags(value: str) -> frozenset[str]:
    return frozenset() if value == "-" else frozenset(v.strip() for v in value.split(","))


def read_nouns(text: str, *, with_office: bool) -> Mapping[Words, NounInfo]:
    """titles.tsv (title, sector, office, flags) or sector_nouns.tsv (noun, sector, flags)."""
    nouns = {}
    for row in tsv_rows(text, 4 if with_office else 3):
        office = _dash(row[2]) if with_office else None
        words = tuple(re.findall(r"[^\s-]+|-", row[0].lower()))  # "director-general": 3 tokens
        nouns[words] = NounInfo(_dash(row[1]), office, _flags(row[-1]))
    return MappingProxyType(nouns)


def read_state_aliases(text: str) -> Mapping[str, tuple[StateAlias, ...]]:
    aliases: dict[str, list[StateAlias]] = {}
    for name, iso3, sector, context, place in tsv_rows(text, 5):
        codes = _flags(context)
        aliases.setdefault(name, []).append(StateAlias(
            iso3=iso3, sector=_dash(sector), place=place == "yes",
            context_any=frozenset(c for c in codes if not c.startswith("!")),
            context_none=frozenset(c[1:] for c in codes if c.startswith("!")),
        ))
    return MappingProxyType({name: tuple(found) for name, found in aliases.items()})


def read_sectors(text: str) -> Mapping[str, Sector]:
    return MappingProxyType({code: Sector(code, kind, label)
                             for code, kind, label in tsv_rows(text, 3)})


def country_names(aliases: Mapping[str, str]) -> Mapping[str, str]:
    """Every name pycountry gives a country (name, common, official), then our aliases."""
    names = {}
    for country in pycountry.countries:
        for attr in ("official_name", "name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names[value] = country.alpha_3
    names.update(aliases)
    return MappingProxyType(names)


def country_display(aliases: Mapping[str, str]) -> Mapping[str, str]:
    """ISO3 -> a short English name: pycountry's common name, else its name, else our alias."""
    display = {}
    for code in set(aliases.values()):
        display[code] = next(name for name, iso3 in aliases.items() if iso3 == code)
    for country in pycountry.countries:
        display[country.alpha_3] = getattr(country, "common_name", None) or country.name
    return MappingProxyType(display)


def subdivisions(countries: Sequence[str] = ("US",)) -> Mapping[str, str]:
    """First-level subdivision names -> ISO3, for the given alpha-2 countries, from pycountry."""
    names = {}
    for alpha2 in countries:
        country = pycountry.countries.get(alpha_2=alpha2)
        if country is None:
            continue
        iso3 = country.alpha_3
        for sub in pycountry.subdivisions.get(country_code=alpha2) or ():
            if sub.type in ("State", "District"):
                names[sub.name] = iso3
    return MappingProxyType(names)


def index_entries(entries: Sequence[ActorEntry]) -> Mapping[str, ActorEntry]:
    """Every name and alias (normalised) -> its entry; a later entry wins a shared name."""
    return MappingProxyType({norm_name(name): entry for entry in entries for name in entry.names})


def merge_entries(base: Sequence[ActorEntry],
                  extra: Sequence[ActorEntry]) -> tuple[ActorEntry, ...]:
    """``extra`` entries replace ``base`` entries that share a name or an alias with them."""
    taken = {name.casefold() for entry in extra for name in entry.names}
    kept = [e for e in base if not any(n.casefold() in taken for n in e.names)]
    return (*kept, *extra)


def load_actor_tables(read: Callable[[str], str]) -> ActorTables:
    """Build the tables from the package's files; ``read(name)`` returns a file's text."""
    aliases = dict(tsv_rows(read("country_aliases.tsv"), 2))
    entries = parse_actor_entries(read("people.yaml"), source="people.yaml", provenance="table")
    metonymy: dict[str, set[str]] = {}
    for kind, word in tsv_rows(read("metonymy.tsv"), 2):
        metonymy.setdefault(kind, set()).add(word)
    return ActorTables(
        country_names=_normed(country_names(aliases)),
        country_display=country_display(aliases),
        demonyms=_normed({word: _dash(code) for word, code in tsv_rows(read("demonyms.tsv"), 2)}),
        capitals=_normed({name: Capital(_dash(iso3), _dash(igo))
                          for name, iso3, igo in tsv_rows(read("capitals.tsv"), 3)}),
        state_aliases=_normed(read_state_aliases(read("state_aliases.tsv"))),
        titles=read_nouns(read("titles.tsv"), with_office=True),
        sector_nouns=read_nouns(read("sector_nouns.tsv"), with_office=False),
        sectors=read_sectors(read("actor_sectors.tsv")),
        subdivisions=_normed(subdivisions()),
        igo_names=_normed(dict(tsv_rows(read("igos.tsv"), 2))),
        metonymy=MappingProxyType({kind: frozenset(words) for kind, words in metonymy.items()}),
        entries=entries,
        entry_names=index_entries(entries),
    )


def read_actor_file(path: Path) -> tuple[str, tuple[ActorEntry, ...]]:
    """The text and the entries of a user's actor file (``--actors FILE``)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the actor file: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: the actor file is not UTF-8 text") from None
    return text, parse_actor_entries(text, source=str(path), provenance="user file")
