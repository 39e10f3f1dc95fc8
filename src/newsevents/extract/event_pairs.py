"""Which source-target pairs a coded trigger yields, and how sure the coding is.

An event is kept only when a scorer can read one of its sides (a country or an
IGO); types that are dyadic by nature also need a target, and sides acting
together with no other target act on each other.
"""

from __future__ import annotations

from newsevents.extract.event_actors import scored
from newsevents.extract.event_triggers import TriggerMatch
from newsevents.records import Actor

# Types that are dyadic by nature: without a target actor the coding says too
# little to be right (an accusation of nobody, a visit to nowhere), so it is
# not yielded; nor is a concession to nobody named (most often the demand the
# concession answers, "urged X to halt", coded as if done). REQUEST, MOBILIZE,
# PROTEST and AID may lack a target ("called for restraint", "deployed troops",
# "pledged $5 million to a fund").
NEEDS_TARGET = frozenset({"ACCUSE", "AGREE", "CONSULT", "COOPERATE", "RETREAT", "SANCTION",
                          "SUPPORT", "REJECT", "THREATEN", "COERCE", "ASSAULT", "CONCEDE"})
# ASSAULT is the one type often told without its doer ("gunmen opened fire"); its
# victim, though, is what makes it an event between actors.
MAY_LACK_SOURCE = frozenset({"ASSAULT"})
# Domestic by default: arrests and protests whose target is a group with no
# country of its own ("detained 47 people", "protesters rallied") are coded
# against the doer's own country (CAMEO/GDELT practice for internal events).
DOMESTIC = frozenset({"COERCE", "PROTEST"})
# A host's guest visits the host: "Peru's minister received Bolivia's envoy" is told
# visitor -> host too (PLOVER codes the visit from the visitor).
HOSTING = frozenset({"host"})
# What two sides may fight as a direct object and still fight each other ("fought a
# war", "waged a battle").
COMBAT_NOUNS = frozenset({"war", "battle", "skirmish", "duel", "fight", "gunfight",
                          "firefight", "clash", "round"})


def side_code(actor: Actor | None) -> str | None:
    """What tells two sides apart: country, else IGO, else the actor's own id."""
    return None if actor is None else (actor.country or actor.igo or actor.id)


def other_sides(actors: list[Actor], sources: list[Actor]) -> list[Actor]:
    """The placed actors that are not on the side of any of ``sources``."""
    own = {side_code(s) for s in sources}
    return [a for a in actors if scored(a) and side_code(a) not in own]


def or_none(actors: list[Actor]) -> list[Actor | None]:
    """The actors, or one missing side: an event with no identifiable actor keeps a null."""
    return list(actors) or [None]


def event_pairs(match: TriggerMatch, sources: list[Actor], targets: list[Actor],
           joint: bool = False, home: bool = False) -> list[tuple[Actor | None, Actor | None]]:
    """Source-target pairs; sides acting together with no other target act on each
    other ("A and B signed", "both sides accused each other"); with ``home`` the
    target is the source's own country (a domestic event), not a self-loop."""
    candidates: list[tuple[Actor | None, Actor | None]]
    if acting_on_each_other(match, sources, joint) and \
            (home or not any(scored(t) for t in targets)):
        # The doers' own country stands in for a target only when they act alone:
        # "Russia and Ukraine exchanged prisoners" is done by each to the other.
        candidates = [(a, b) for a in sources for b in sources if a.id != b.id]
    else:
        candidates = [(s, t) for s in or_none(sources) for t in or_none(targets)]
    pairs: list[tuple[Actor | None, Actor | None]] = []
    for source, target in candidates:
        if not (scored(source) or scored(target)):
            continue
        if not scored(target) and match.pattern.type in NEEDS_TARGET and \
                "alone" not in match.pattern.flags:
            continue
        if not scored(source) and match.pattern.type not in MAY_LACK_SOURCE:
            continue
        if source is not None and target is not None and source.id == target.id and \
                not home and match.pattern.type not in DOMESTIC:
            continue
        if source is not None and target is not None and source.igo and \
                source.igo == target.igo:
            continue  # an organisation acting on its own organ is internal business
        pairs.append((source, target))
    if match.pattern.mode in HOSTING:
        pairs += [(guest, host) for host, guest in pairs
                  if scored(guest) and scored(host) and (guest, host) not in pairs]
    return pairs


def acting_on_each_other(match: TriggerMatch, sources: list[Actor], joint: bool) -> bool:
    """Whether sides acting together act on each other: two or more of them, a verb
    read so ("clash", "exchange prisoners") or both sides named, and no common foe
    ("Kenya and Somalia agreed to fight terrorism" fight it, not each other)."""
    return ("joint" in match.pattern.flags or joint) and len(sources) >= 2 and \
        not _common_foe(match)


def _common_foe(match: TriggerMatch) -> bool:
    """A direct object of a hostile verb whose pattern names no object, other than a
    word for the fighting itself ("fight terrorism", not "fight a war")."""
    if match.nominal or match.pattern.type != "ASSAULT" or match.pattern.objects:
        return False
    return any(child.dep_ == "dobj" and child.lemma_.lower() not in COMBAT_NOUNS
               for child in match.token.children)


def confidence_of(match: TriggerMatch, source: Actor | None, target: Actor | None,
                borrowed: bool) -> float:
    """How the event was found: a verb beats a noun, a pattern that named its object
    beats a bare verb, both sides placed beat one, a side of its own phrase beats
    one borrowed from the speaker or the discourse."""
    score = 0.9 if not match.nominal else 0.7
    if match.pattern.objects or match.pattern.particle:
        score += 0.05
    if not (scored(source) and scored(target)):
        score -= 0.2
    if borrowed:
        score -= 0.1
    return round(max(0.1, min(1.0, score)), 2)
