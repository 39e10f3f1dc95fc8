"""First actors from named-entity mentions, linked within one article.

What this does now: people (a short name such as "Kim" joins the full name it
belongs to, "Kim Jong Un"), countries named as GPEs (pycountry plus our alias
table), international organisations (our IGO table) and other organisations.
Titles, descriptions, capitals as metonyms and sector nouns are the actor
issue's work; until then an actor carries only what its name tells.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

import pycountry

from newsevents.lexicon import Lexicon
from newsevents.records import Actor, Mention

_POSSESSIVE = re.compile(r"[’']s?$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_NON_WORD = re.compile(r"[^\w]+")


@dataclass(frozen=True)
class ResolvedActors:
    actors: tuple[Actor, ...]
    mentions: tuple[Mention, ...]  # the same mentions, with actor_id set where linked


def resolve_actors(mentions: Sequence[Mention], lexicon: Lexicon) -> ResolvedActors:
    """Turn mentions into actors and link every mention of one actor to one id."""
    actors: dict[str, Actor] = {}
    linked = []
    person_names: list[str] = []  # full names seen so far, most recent last
    for mention in mentions:
        actor = _actor_for(mention, lexicon, person_names, mentions)
        if actor is None:
            linked.append(mention)
            continue
        known = actors.get(actor.id)
        actors[actor.id] = _with_alias(known or actor, clean_name(mention.text))
        linked.append(replace(mention, actor_id=actor.id))
    return ResolvedActors(actors=tuple(actors.values()), mentions=tuple(linked))


def clean_name(text: str) -> str:
    """The name without a possessive ending, a leading "the" or surrounding blanks."""
    return _LEADING_THE.sub("", _POSSESSIVE.sub("", " ".join(text.split()))).strip()


def slug(name: str) -> str:
    return _NON_WORD.sub("-", name.lower()).strip("-")


def _actor_for(
    mention: Mention, lexicon: Lexicon, person_names: list[str], mentions: Sequence[Mention]
) -> Actor | None:
    name = clean_name(mention.text)
    if not name:
        return None
    if mention.label == "PERSON":
        full = _full_person_name(name, person_names, mentions)
        if full == name and len(name.split()) > 1:
            person_names.append(name)
        return Actor(id=f"person:{slug(full)}", name=full, kind="person")
    if mention.label in ("GPE", "ORG"):  # NER often tags "the DPRK" or "the UAE" as ORG
        iso3 = country_code(mention.text, lexicon)
        if iso3 is not None:
            return Actor(id=f"country:{iso3}", name=country_name(iso3, lexicon), kind="country",
                         code=iso3, country=iso3)
    if mention.label == "ORG":
        igo = lexicon.igos.get(mention.text.strip()) or lexicon.igos.get(name)
        if igo is not None:
            return Actor(id=f"igo:{igo}", name=lexicon.igo_name(igo), kind="igo",
                         code=f"IGO{igo}", igo=igo, sector="IGO")
        full = _full_person_name(name, person_names, mentions)
        if full != name:  # "Wekesa said" tagged ORG, with "Amani Wekesa" named in the article
            return Actor(id=f"person:{slug(full)}", name=full, kind="person")
        return Actor(id=f"org:{slug(name)}", name=name, kind="organisation")
    return None


def _full_person_name(name: str, earlier: Sequence[str], mentions: Sequence[Mention]) -> str:
    """The longest name this one abbreviates: the latest earlier full name, else any later one."""
    tokens = set(name.split())
    for candidate in reversed(earlier):
        if tokens < set(candidate.split()):
            return candidate
    later = [
        clean_name(m.text) for m in mentions
        if m.label == "PERSON" and tokens < set(clean_name(m.text).split())
    ]
    return max(later, key=len) if later else name


def country_code(text: str, lexicon: Lexicon) -> str | None:
    """ISO 3166 alpha-3 for a country's name, or None (cities and regions are not countries)."""
    raw = " ".join(text.split())
    for key in (raw, clean_name(raw)):
        if key in lexicon.country_aliases:
            return lexicon.country_aliases[key]
    name = clean_name(raw)
    if len(name) <= 3:  # bare codes like "IN" or "AM" are words far more often than countries
        return None
    return _pycountry_names().get(name)


@cache
def _pycountry_names() -> dict[str, str]:
    """Every name pycountry gives a country (name, common, official) -> alpha-3."""
    index = {}
    for country in pycountry.countries:
        for attr in ("official_name", "name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                index[value] = country.alpha_3
    return index


def country_name(iso3: str, lexicon: Lexicon) -> str:
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return lexicon.country_alias(iso3) or iso3
    return getattr(country, "common_name", None) or country.name


def _with_alias(actor: Actor, alias: str) -> Actor:
    if alias == actor.name or alias in actor.aliases:
        return actor
    return replace(actor, aliases=(*actor.aliases, alias))
