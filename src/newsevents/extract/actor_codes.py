"""Actor records and their CAMEO-style codes.

Ids say what an actor is, so that every way of naming it lands on one record:

- ``country:PRK``   a state as such ("North Korea", "the DPRK", "the North");
- ``agent:PRKGOV``  a sector of a state or a sector with no known state
  ("Pyongyang said", "the Kim regime", "Sudanese troops", bare "protesters"
  is ``agent:CVL``); the id is the code, so "the Kremlin" and "Moscow said"
  are one actor;
- ``igo:UN``        an international organisation;
- ``person:kim-jong-un``, ``org:bucknell-university``  named people and bodies.

Codes: country + sector (PRKGOV), the country alone (CHN), the sector alone
when no country is known (CVL), "IGO" + the IGO code (IGOUN); a table entry's
own ``code`` wins.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from newsevents.lexicon import Lexicon
from newsevents.lexicon.actor_file import ActorEntry
from newsevents.records import Actor

_NON_WORD = re.compile(r"[^\w]+")


@dataclass(frozen=True)
class Facts:
    """What the text or a table says about an actor; None where it says nothing."""

    country: str | None = None
    sector: str | None = None
    igo: str | None = None
    title: str | None = None

    def filled_from(self, other: Facts) -> Facts:
        """These facts, with the gaps filled from ``other``."""
        return Facts(self.country or other.country, self.sector or other.sector,
                     self.igo or other.igo, self.title or other.title)

    @property
    def empty(self) -> bool:
        return not (self.country or self.sector or self.igo or self.title)


def slug(name: str) -> str:
    return _NON_WORD.sub("-", name.lower()).strip("-")


def code_for(country: str | None, sector: str | None, igo: str | None) -> str | None:
    """PRKGOV, CHN, CVL or IGOUN; None when nothing is known."""
    if igo and not country:
        return f"IGO{igo}"
    return ((country or "") + (sector if sector and sector != "IGO" else "")) or None


def country_actor(iso3: str, lexicon: Lexicon) -> Actor:
    return Actor(id=f"country:{iso3}", name=lexicon.actors.country_display.get(iso3, iso3),
                 kind="country", code=iso3, country=iso3, provenance="table")


def igo_actor(igo: str, lexicon: Lexicon) -> Actor:
    return Actor(id=f"igo:{igo}", name=lexicon.igo_name(igo), kind="igo", code=f"IGO{igo}",
                 igo=igo, sector="IGO", provenance="table")


def agent_actor(facts: Facts, lexicon: Lexicon) -> Actor | None:
    """The actor a country, a sector or an IGO stands for, or None when none is given."""
    if facts.igo and not facts.country:
        return igo_actor(facts.igo, lexicon)
    if facts.country and not facts.sector:
        return country_actor(facts.country, lexicon)
    if not facts.sector:
        return None
    tables = lexicon.actors
    label = tables.sector_label(facts.sector)
    place = tables.country_display.get(facts.country, facts.country) if facts.country else None
    code = code_for(facts.country, facts.sector, None)
    return Actor(id=f"agent:{code}", name=f"{place} {label}" if place else label,
                 kind=tables.sector_kind(facts.sector), code=code, country=facts.country,
                 sector=facts.sector, provenance="table")


def named_actor(name: str, kind: str, facts: Facts, provenance: str = "ner") -> Actor:
    """A person or organisation known by name, coded from what is known about it."""
    prefix = "person" if kind == "person" else "org"
    return Actor(id=f"{prefix}:{slug(name)}", name=name, kind=kind,
                 code=code_for(facts.country, facts.sector, facts.igo), country=facts.country,
                 igo=facts.igo, sector=facts.sector or ("IGO" if facts.igo else None),
                 title=facts.title, provenance=provenance)


def entry_facts(entry: ActorEntry, day: dt.date | None) -> Facts:
    """What a table or user-file entry says on ``day`` (its role then, else the entry itself)."""
    standing = entry.on(day)
    return Facts(standing.country, standing.sector, standing.igo, standing.title)


def entry_actor(entry: ActorEntry, facts: Facts, lexicon: Lexicon) -> Actor:
    """The actor of a table or user-file entry, with ``facts`` in force on the article's date."""
    if entry.kind == "country" and facts.country and not facts.sector and not entry.code:
        return replace(country_actor(facts.country, lexicon), provenance=entry.provenance)
    if entry.kind == "igo" and facts.igo and not entry.code:
        return replace(igo_actor(facts.igo, lexicon), provenance=entry.provenance)
    actor = named_actor(entry.name, entry.kind, facts, entry.provenance)
    if entry.kind not in ("person", "organisation"):
        actor = replace(actor, id=f"{entry.kind}:{slug(entry.name)}")
    return replace(actor, code=entry.code or actor.code)


def with_facts(actor: Actor, facts: Facts) -> Actor:
    """``actor`` with its unknown country, sector, IGO and title filled from ``facts``,
    and its code recomputed (a forced code of a table entry is set again by the caller)."""
    filled = Facts(actor.country, actor.sector, actor.igo, actor.title).filled_from(facts)
    if filled == Facts(actor.country, actor.sector, actor.igo, actor.title):
        return actor
    sector = filled.sector or ("IGO" if filled.igo else None)
    return replace(actor, country=filled.country, sector=sector, igo=filled.igo,
                   title=filled.title, code=code_for(filled.country, filled.sector, filled.igo))


def with_alias(actor: Actor, alias: str) -> Actor:
    if not alias or alias == actor.name or alias in actor.aliases:
        return actor
    return replace(actor, aliases=(*actor.aliases, alias))
