"""Which actor a phrase of the sentence stands for.

A noun-phrase head maps to an actor by span overlap with the resolved
mentions: the mention covering the head token is preferred; when that one has
no country or IGO, a mention inside the head's own phrase (its possessor,
compounds, adjectives, apposition) that has one is used ("the UN envoy",
"Sudan's army"). Coordinated heads give one actor each, and a phrase linked to
two states ("the Indian and Japanese navies") gives both. A pronoun takes the
actor the caller says it refers back to. Refuses to guess: a phrase with no
mention in it stands for no actor.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeGuard

from spacy.tokens import Token

from newsevents.extract.event_phrases import prep_objects, with_conjuncts
from newsevents.records import Actor, Mention

PHRASE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "det", "appos", "npadvmod"})
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "its", "their", "his", "her", "our"})
# Institution nouns that, when no actor of their own is resolved, refer back to
# the actor of the speaker or of the discourse ("the bloc condemns", "the
# ministry said it had ordered").
ANAPHORIC_NOUNS = frozenset({"bloc", "government", "ministry", "agency", "alliance",
                             "administration", "authorities", "organisation",
                             "organization", "union", "country", "body", "council",
                             "commission", "embassy", "regime", "cabinet"})
DESCRIBING_PREPS = frozenset({"from", "of", "by"})
JOINT_WORDS = frozenset({"both", "two", "three", "four", "sides", "parties"})

# What a movement verb moves: its object is the doer's means, not the other side.
FORCE_NOUNS = frozenset({"troop", "troops", "soldier", "force", "forces", "unit", "battalion",
                         "brigade", "regiment", "contingent",
                         "personnel", "ship", "warship", "vessel", "boat", "aircraft", "jet",
                         "helicopter", "tank", "vehicle", "weapon", "missile", "army",
                         "navy", "police", "officer", "guard", "peacekeeper", "marine"})


@dataclass(frozen=True)
class ActorIndex:
    """Mentions that carry a resolved actor, and the actors by id."""

    mentions: tuple[Mention, ...]
    actors: Mapping[str, Actor]

    @classmethod
    def build(cls, mentions: Sequence[Mention], actors: Sequence[Actor]) -> ActorIndex:
        by_id = {a.id: a for a in actors}
        kept = tuple(m for m in mentions if m.actor_id in by_id)
        return cls(kept, by_id)

    def within(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if m.span[0] < end and start < m.span[1]]

    def actor(self, mention: Mention) -> Actor:
        return self.actors[mention.actor_id or ""]


def scored(actor: Actor | None) -> TypeGuard[Actor]:
    """Whether scorers can read the actor (a country or an IGO)."""
    return actor is not None and bool(actor.country or actor.igo)


def phrase_tokens(head: Token) -> list[Token]:
    """The head and its pre-modifiers, possessors and appositions (no clauses, no preps)."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in PHRASE_DEPS:
            tokens.extend(child.subtree if child.dep_ != "appos" else phrase_tokens(child))
    return tokens


def actor_of(head: Token, index: ActorIndex) -> Actor | None:
    """The actor a noun-phrase head refers to, or None."""
    covering = index.within(head.idx, head.idx + len(head))
    covering.sort(key=lambda m: m.span[1] - m.span[0], reverse=True)
    best = next((index.actor(m) for m in covering if scored(index.actor(m))), None)
    if best is not None:
        return best
    for token in phrase_tokens(head)[1:]:
        for mention in index.within(token.idx, token.idx + len(token)):
            if scored(index.actor(mention)):
                return index.actor(mention)
    if covering:
        return index.actor(covering[0])
    return _of_phrase_actor(head, index)


def described_actor(head: Token, index: ActorIndex,
                    trigger: Token | None = None) -> Actor | None:
    """The first of ``described_actors``."""
    return next(iter(described_actors(head, index, trigger)), None)


def described_actors(head: Token, index: ActorIndex,
                     trigger: Token | None = None) -> list[Actor]:
    """The placed actors a target noun that names none itself is described by: the
    object of its own preposition ("observers from Japan", "troops of the African
    Union"), of a participle passive in sense ("boats sent by Manila") or, for
    forces and vessels, of an active one ("boats resupplying Filipino marines" are
    on the marines' side). Only one level down: deeper phrases name places and
    bystanders, not the target. The trigger's own participle describes nothing:
    "a trawler detained by the coast guard" names the doer in its "by" phrase.
    Coordinated objects give one actor each ("observers from the US or Japan")."""
    for child in head.children:
        if trigger is not None and child.i == trigger.i:
            continue
        if child.dep_ == "prep" and child.lower_ in DESCRIBING_PREPS:
            groups = [prep_objects(child)]
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            groups = [prep_objects(p) for p in child.children if p.dep_ in ("agent", "prep")]
        elif child.dep_ == "acl" and child.tag_ == "VBG" and head.lemma_.lower() in FORCE_NOUNS:
            groups = [[o for o in child.children if o.dep_ == "dobj"]]
        else:
            continue
        for objects in groups:
            described = [a for a in (_placed_in(obj, index) for obj in objects) if a is not None]
            if described:
                return described
    return []


def _placed_in(head: Token, index: ActorIndex) -> Actor | None:
    """The first placed actor a mention in the head's own phrase stands for."""
    for token in phrase_tokens(head):
        found = [index.actor(m) for m in index.within(token.idx, token.idx + len(token))]
        placed = next((a for a in found if scored(a)), None)
        if placed is not None:
            return placed
    return None


def _of_phrase_actor(head: Token, index: ActorIndex) -> Actor | None:
    """"the head of the EU delegation", "leaders of both countries": a role noun
    with no actor of its own stands for the body its "of" phrase names."""
    if head.pos_ not in ("NOUN",):
        return None
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in prep_objects(child)[:1]:
                found = actor_of(obj, index)
                if scored(found):
                    return found
    return None


def actors_of(head: Token | None, index: ActorIndex, speaker: Actor | None = None) -> list[Actor]:
    """One actor per coordinated head; a pronoun falls back on ``speaker``."""
    if head is None:
        return []
    found: list[Actor] = []
    for token in with_conjuncts(head):
        actor = actor_of(token, index)
        # "He is set to travel": a pronoun already known to stand for an unplaced person
        # is that person, not whoever the story last placed
        known_person = actor is not None and actor.kind == "person"
        if not scored(actor) and speaker is not None and _refers_back(token) and \
                not known_person:
            actor = speaker
        for each in [actor, *_sharing(token, index)]:
            if each is not None and all(a.id != each.id for a in found):
                found.append(each)
    return found


def _sharing(token: Token, index: ActorIndex) -> list[Actor]:
    """The placed actors of mentions that share the widest span over the token: "the
    Indian and Japanese navies" is one phrase standing for two sides."""
    covering = index.within(token.idx, token.idx + len(token))
    if len(covering) < 2:
        return []
    widest = max(m.span[1] - m.span[0] for m in covering)
    return [index.actor(m) for m in covering
            if m.span[1] - m.span[0] == widest and scored(index.actor(m))]


def _refers_back(token: Token) -> bool:
    """A pronoun, a noun owned by "its"/"their", or a definite institution noun (the
    caller has found no placed actor of its own)."""
    if token.lower_ in PRONOUNS:
        return True
    if any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token.children):
        return True  # "its foreign minister": the minister of whom "its" refers to
    return token.lemma_.lower() in ANAPHORIC_NOUNS and any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their", "this")
        for c in token.children) and not any(c.dep_ in ("amod", "compound")
                                             for c in token.children)


def is_joint_phrase(head: Token | None) -> bool:
    """"both sides", "the two governments": a plural naming the parties together."""
    return head is not None and any(c.lower_ in JOINT_WORDS for c in head.children)
