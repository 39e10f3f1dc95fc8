"""How who does an event changes how it is coded.

A strike by people who bear no arms is a walkout, not an attack; a state that
"protests" complains officially; "insist that" demands only what must be done.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from newsevents.extract.event_actors import scored
from newsevents.extract.event_triggers import TriggerMatch
from newsevents.records import Actor

# Sectors whose people bear no arms: their strike is a walkout, not an attack.
UNARMED = frozenset({"CVL", "LAB", "EDU", "MED", "OPP", "NGO", "REL", "BUS", "HLH"})
OBLIGING_MODALS = frozenset({"must", "should", "ought", "shall"})


def walkout(match: TriggerMatch, sources: list[Actor]) -> TriggerMatch:
    """"Doctors launched a strike" is a walkout, "the air force launched strikes" an
    attack: a strike by people who bear no arms is a protest (CAMEO 143)."""
    words = [match.token] if match.nominal else list(match.objects)
    placed = [s for s in sources if scored(s)]
    if match.pattern.type != "ASSAULT" or not placed or \
            not any(w.lemma_.lower() == "strike" for w in words) or \
            any(s.sector not in UNARMED for s in placed):
        return match
    return replace(match, pattern=replace(match.pattern, type="PROTEST", mode="strike",
                                          cameo="143"))


def formal_protest(match: TriggerMatch, sources: list[Actor]) -> TriggerMatch:
    """"The government protested", "Beijing protested the visit": a state or an
    organisation of states protests by official complaint (CAMEO 114, ACCUSE), never
    in the street (bench/gold/EVENTS.md)."""
    placed = [s for s in sources if scored(s)]
    if match.pattern.type != "PROTEST" or match.token.lemma_.lower() != "protest" or \
            not placed or not all(_speaks_for_state(s) for s in placed):
        return match
    return replace(match, pattern=replace(match.pattern, type="ACCUSE", mode=None,
                                          cameo="114"))


def _speaks_for_state(actor: Actor) -> bool:
    return actor.kind in ("country", "igo") or actor.sector in ("GOV", "IGO")


def demands(verb: Token) -> bool:
    """Whether a verb's "that" clause says what must be done: a modal of obligation
    ("must withdraw", "should resign") or a bare verb with no tense ("insist that he
    resign"); a verb with no such clause ("insisted on talks") demands by its object."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return True
    modals = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    tensed = any(c.dep_ in ("aux", "auxpass") for c in clause.children) or \
        clause.tag_ in ("VBD", "VBZ")
    return bool(modals & OBLIGING_MODALS) or (clause.tag_ == "VB" and not tensed)
