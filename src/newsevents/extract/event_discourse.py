"""Whom an answer is aimed at: the side of the event it answers.

News tells a story in turns: one side acts, the other answers. An answer often
names only its doer ("Minsk said it would respond", "Ecuador and Bolivia have
also dispatched relief flights"); the side it answers was named earlier, or is
named only inside the event noun it answers ("turned down China's request").
These rules read that side from the events already coded in the article or from
the answered noun's own phrase, and refuse when neither gives one.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from newsevents.extract.actor_codes import country_actor
from newsevents.extract.event_actors import ActorIndex, actor_of, actors_of, scored
from newsevents.extract.event_pairs import other_sides, side_code
from newsevents.extract.event_roles import PARTITIVES, TIE_NOUNS, nominal_roles, past_partitive
from newsevents.extract.event_subjects import subject_of
from newsevents.extract.event_triggers import TriggerMatch, noun_trigger
from newsevents.lexicon import Lexicon
from newsevents.records import Actor, Event

# Verbs whose object noun carries the event and whose subject is its doer:
# "held talks", "launched an offensive", "began a visit".
LIGHT_VERBS = frozenset({"hold", "have", "begin", "start", "resume", "conduct", "launch",
                         "make", "pay", "stage", "carry", "continue", "end", "wrap",
                         "complete", "undertake", "lead", "join", "mount", "step", "open",
                         "agree", "approve", "adopt", "announce", "impose", "order",
                         "authorize", "authorise", "unveil", "plan", "propose"})
# Modifiers that say whose a thing is: "the EU's measures", "American sanctions".
OWNER_DEPS = frozenset({"poss", "amod", "compound"})
# Answers to a hostile act go back to whoever did it: the sanctioned threaten
# the sanctioner, the accused reject the accuser.
ANSWERS = frozenset({"REJECT", "THREATEN", "ACCUSE"})
HOSTILE = frozenset({"ACCUSE", "REJECT", "THREATEN", "SANCTION", "COERCE", "ASSAULT",
                     "MOBILIZE", "PROTEST"})
# Help keeps going where help went before: the recipient of a relief effort is
# the one the story is about.
FOLLOWS_RECIPIENT = frozenset({"AID"})
# Censure piles up on one party: "the UN report alleges ...; denunciations were made by
# the US envoy" aims the second at whoever the latest accusation named.
FOLLOWS_ACCUSED = frozenset({"ACCUSE"})
# Forces answer forces: a build-up with no side named ("Vilnius reinforced its border
# posts") faces whoever last moved forces against the doer's side.
MIRRORED = frozenset({"MOBILIZE"})
# Backing for a side named only by its tie to the backer ("the United States stands
# with our ally", "backed its partner") goes to the latest victim of a hostile act by
# a third side.
SIDES_WITH_VICTIM = frozenset({"SUPPORT"})
# Events whose unplaced doers are people of the place they act in (protesters), and
# the answers that, with no place named, dismiss one's own people.
UNPLACED_AT_HOME = frozenset({"PROTEST"})
DISMISSALS = frozenset({"ACCUSE", "REJECT"})


def story_targets(type_: str, sources: Sequence[Actor], history: Sequence[Event],
                  head: Token | None = None) -> list[Actor]:
    """The target an event with none of its own takes from the earlier events:
    the doer of the latest hostile act against one of ``sources`` (for an answer;
    of the latest movement of forces, for a movement), the victim of the latest
    hostile act (for backing of a side ``head`` names by its tie), or the recipient
    of the latest earlier aid (for aid). Empty when the story names no such side."""
    own = {side_code(s) for s in sources if scored(s)}
    if not own:
        return []
    tied = head is not None and head.lemma_.lower() in TIE_NOUNS and \
        any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)
    for event in reversed(history):
        if type_ in ANSWERS and event.type in HOSTILE and scored(event.source) and \
                side_code(event.target) in own and side_code(event.source) not in own:
            return [event.source]
        if type_ in SIDES_WITH_VICTIM and tied and event.type in HOSTILE and \
                scored(event.source) and scored(event.target) and \
                not {side_code(event.source), side_code(event.target)} & own:
            return [event.target]
        if type_ in MIRRORED and event.type == type_ and scored(event.source) and \
                side_code(event.target) in own and side_code(event.source) not in own:
            return [event.source]
        if type_ in FOLLOWS_RECIPIENT | FOLLOWS_ACCUSED and event.type == type_ and \
                scored(event.target) and side_code(event.target) not in own:
            return [event.target]
    return []


def doers_of_named_event(head: Token | None, deeds: Sequence[tuple[str, list[Actor]]],
                         sources: list[Actor], lexicon: Lexicon,
                         answer: str = "") -> list[Actor]:
    """Who did the event an answer names by its noun ("endorsed the agreement",
    "welcomed the release"): the doers of the latest earlier event of that type; a
    plural noun names every such event ("welcomed the Nordic pledges"). ``answer`` is
    the answering event's type: a dismissal of protests no one placed is aimed at home."""
    if head is None or head.pos_ != "NOUN":
        return []
    lemma = head.lemma_.lower()
    types = {p.type for p in (*lexicon.events.nouns.get(lemma, ()),
                              *lexicon.events.verbs.get(lemma, ()))} - {"NONE"}
    source_codes = {side_code(s) for s in sources}
    found: dict[str | None, Actor] = {}
    for type_, doers in reversed(deeds):
        if type_ in types and doers:
            found |= {side_code(d): d for d in doers if side_code(d) not in source_codes}
            if head.tag_ != "NNS":
                break
    if not found and types & UNPLACED_AT_HOME and answer in DISMISSALS:
        # "called the demonstrations a provocation": protesters no one placed are the
        # dismisser's own people
        return [country_actor(s.country, lexicon) for s in sources if s.country][:1]
    return list(found.values())


def answered_maker(match: TriggerMatch, head: Token | None, index: ActorIndex,
                   lexicon: Lexicon) -> Token | None:
    """"turned down China's request", "gave in to the drivers' demands": the head of
    the phrase that names who made the event noun an answer is aimed at."""
    if not match.nominal:
        head = past_partitive(next((c for c in match.token.children if c.dep_ == "dobj"), head))
    if head is None:
        return None
    named = noun_trigger(head, lexicon.events)
    if named is None:  # "the EU measures", "the Ukrainian strikes": whose they are
        return next((c for c in head.children if c.dep_ in OWNER_DEPS
                     and scored(actor_of(c, index))), None)
    maker, _ = nominal_roles(named, index)
    return maker


# "deployed troops at the request of Maputo", "acted upon the invitation of Kenya"
ANSWERING_PREPS = frozenset({"at", "upon", "on", "to", "despite"})


def answerer_of(noun: Token, index: ActorIndex, sources: list[Actor]) -> list[Actor]:
    """"Japan turned down China's request": an event noun that another actor's verb
    answers (its object) is aimed at that actor; "the president shrugged off the
    opposition's demands": at home, another body of the same state."""
    verb = _answering_verb(noun)
    if verb is None:
        return []
    subject, _ = subject_of(verb)
    answerers = [a for a in actors_of(subject, index) if scored(a)] if subject is not None else []
    own_ids = {s.id for s in sources}
    return other_sides(answerers, sources) or [a for a in answerers if a.id not in own_ids]


def _answering_verb(noun: Token) -> Token | None:
    """The verb that answers an event noun: the one it is the object of ("turned down
    China's request", "met any of the demands"), or the one done "at the request of",
    "in answer to", "despite" it ("conceded to the Commission's demand")."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
            noun.head.head.lower_ in PARTITIVES:
        noun = noun.head.head  # "any of the demands"
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() not in LIGHT_VERBS:
        return noun.head
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in ANSWERING_PREPS and \
            prep.head.pos_ in ("VERB", "AUX"):
        return prep.head
    return None
