"""What the actor passes hand on to each other while one article is resolved.

Each pass reads what the ones before it decided: a mention already linked to
an actor or taken for a place is not read again, and the tokens of a known
actor tell later passes who a description or a pronoun is about. Keeping the
mentions under way and the actors found in one place lets each pass live in
its own module.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsevents.extract.actor_codes import Facts, with_alias, with_facts
from newsevents.extract.actor_descriptions import Scene
from newsevents.extract.actor_names import Named
from newsevents.records import Actor, Mention


@dataclass(eq=False)  # one per mention, compared by identity: `in` over the items reads
class Item:  # no fields
    """A mention being resolved: its token range, a table name found in it, its actor."""

    mention: Mention
    start: int
    end: int
    named: Named | None = None
    actor: str | None = None
    place: bool = False  # a place name: no actor (places are another extractor's job)
    generic: bool = False  # tagged as a name but only a noun of the tables ("Army")


class Book:
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


def mark(scene: Scene, item: Item, actor: Actor) -> None:
    for i in range(item.start, item.end):
        scene.known[i] = actor


def is_person_entry(item: Item) -> bool:
    return item.named is not None and item.named.entry is not None \
        and item.named.entry.kind == "person"
