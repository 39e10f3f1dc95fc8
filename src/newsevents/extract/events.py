"""PLOVER/CAMEO events with source, target, modality, date and place (issue #5).

``extract_events`` reads the spaCy parse sentence by sentence:

1. triggers (``event_triggers``): verbs and event nouns of the event tables;
   a verb whose complement is its content ("accused X of attacking", "urged
   X to release", "threatened to impose") absorbs the events inside it, and an
   event noun that is the object of a coded verb ("impose sanctions") is not
   coded again;
2. roles (``event_roles``, ``event_targets``, ``event_nominals``): subject or passive agent ->
   source; object, passive subject or a "with/to/against/on" phrase -> target;
   possessors, actor words and "by/of/to/on" phrases of event nouns;
   coordinated actors give one event each, and "A and B signed" gives A->B and
   B->A; an answer that names no target of its own takes the side of the event it
   answers (``event_discourse``); "did the same" repeats the last act (``event_echoes``);
3. pairs and confidence (``event_pairs``), modality (``modality``), date
   (``event_dates``, carried between sentences that tell the same event) and place;
4. who reports it: the speaker of the reported clause holding the trigger,
   else the outlet (``article.source``).

Headlines: the title line is part of ``article.text`` and is coded like any
sentence. Scorers count distinct (source, type, target) tuples, so a headline
repeating a body event costs nothing, and a headline is sometimes the only
place an event is stated. Its events get no date of their own (headline
tense is the historic present), only one carried from the body.

It refuses to guess: an event is yielded only when at least one side is an
actor placed in a country or an IGO (one with neither says nothing a reader of
who-did-what-to-whom can use); the other side may be None.
Nothing in the ``skip`` ranges (debris, dateline) is read.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsevents.extract.actor_codes import country_actor
from newsevents.extract.event_actors import ActorIndex, actor_of, actors_of, is_joint_phrase, scored
from newsevents.extract.event_date_discourse import scene_dates
from newsevents.extract.event_dates import carry_date, event_date
from newsevents.extract.event_discourse import (
    answered_maker,
    answerer_of,
    doers_of_named_event,
    story_targets,
)
from newsevents.extract.event_echoes import echoed_events
from newsevents.extract.event_labels import labelling_triggers
from newsevents.extract.event_nominals import (
    carried_roles,
    carrying_verb,
    demonym_owner,
    issuer_of,
    owner_of,
)
from newsevents.extract.event_pairs import (
    DOMESTIC,
    confidence_of,
    event_pairs,
    other_sides,
    side_code,
)
from newsevents.extract.event_parse import clean_parse
from newsevents.extract.event_plural_sides import joint_speakers, sides_named_before
from newsevents.extract.event_recoding import demands, formal_protest, walkout
from newsevents.extract.event_roles import MOVEMENT_TYPES, nominal_roles, verb_roles
from newsevents.extract.event_subjects import is_passive, subject_of
from newsevents.extract.event_targets import (
    SERVED_STATES,
    clause_place,
    forces_withdrawn,
    home_target,
    hosted_sides,
    is_meeting,
    names_people,
    nationality_target,
    own_targets,
    place_target,
    requested_party,
    served_state,
)
from newsevents.extract.event_triggers import TriggerMatch, sentence_triggers
from newsevents.extract.modality import modality_of, reporting_verb
from newsevents.lexicon import Lexicon
from newsevents.records import (
    Actor,
    Article,
    Event,
    Mention,
    Place,
    Span,
    TimeExpression,
    Trigger,
    When,
)

# Types whose target may be given by a place alone: aid and forces go somewhere
# (so does a visitor, a pattern flagged "place": "arrived in Beijing").
PLACE_TARGETED = frozenset({"AID", "MOBILIZE"})
# Sides that meet each other somewhere: the venue's country, when it is one of them,
# hosts the others (bench/gold/EVENTS.md: a third country's venue is no side).
MET_AT_VENUE = frozenset({"CONSULT"})
# An attack by a named side on a place strikes the country the place lies in,
# the attacker's own too ("army jets bombed a market in Nyala"); with no doer
# named ("the quake struck off the coast") a place makes no target.
STRUCK_PLACES = frozenset({"ASSAULT"})
# Curfews, martial law, shutdowns and bans of parties (CAMEO 172) are imposed at
# home: with no other target named, the doer's own country is the target.
HOME_MEASURES = "172"
# An agentless passive reported by a party is that party's own act when the act is
# one a state announces of itself: "the ministry said troops would be moved",
# "police said 12 people were arrested". Attacks, rejections and accusations are
# reported by their victims as often as by their doers, so they stay unattributed.
SPOKEN_FOR = frozenset({"MOBILIZE", "RETREAT", "COERCE", "AID", "CONCEDE"})
# A request with no addressee is aimed at the other side of what it asks for:
# "called for a meeting with Venezuela's leader", "will seek French help".
ASKED_OF_OTHERS = frozenset({"REQUEST"})
# Protesters no actor places are people of the place they protest in.
PROTESTS = frozenset({"PROTEST"})
# A scholar's or a journalist's warning is a forecast, not a threat: only a party
# to the story threatens.
MADE_BY_PARTIES = frozenset({"THREATEN"})
COMMENTATORS = frozenset({"EDU", "MED"})
# Only people attack: a storm or a quake that "strikes" or "hits" is no ASSAULT.
FORCES_ONLY = frozenset({"ASSAULT"})
NATURAL_HAZARDS = frozenset({"earthquake", "quake", "tremor", "aftershock", "storm", "cyclone",
                             "hurricane", "typhoon", "tornado", "flood", "flooding", "wildfire",
                             "tsunami", "drought", "landslide", "mudslide", "avalanche",
                             "heatwave", "virus", "outbreak", "epidemic", "pandemic", "lightning",
                             "eruption", "volcano"})
# Events whose noun another actor answers are aimed at that actor: "Japan turned
# down China's request" (not "Kenya condemned the attack", nor "said it would
# investigate the strike").
ANSWERED = frozenset({"REQUEST"})
# A threat is made when it is said: its condition, its future and its hedges
# belong to the act it threatens ("if they persist, we could respond").
SAID_IN_THREAT = frozenset({"conditional", "planned", "hypothetical"})
# Aid may name no recipient only when it is pledged: a pledge names its purpose
# ("500 million to a pandemic fund"), while help that is sent or given went to
# someone the story names.
PLEDGED_UNTARGETED = frozenset({"AID"})
# What an answer's own modality may be without making the answered demand any less made.
ANSWER_MODALITIES = frozenset({"negated", "conditional", "hypothetical", "planned"})
# An event with no doer is worth keeping only as something that happened (an attack
# by unnamed gunmen); one that might happen with no one doing it says nothing.
TOLD_AS_DONE = frozenset({"asserted", "rumoured"})
# Types that answer an earlier event: "welcomed the agreement", "rejected the
# proposal" are aimed at whoever made it.
RESPONDING = frozenset({"SUPPORT", "REJECT", "ACCUSE", "CONCEDE"})


def extract_events(
    doc: Doc,
    article: Article,
    *,
    skip: Sequence[Span],
    mentions: Sequence[Mention],
    actors: Sequence[Actor],
    times: Sequence[TimeExpression],
    places: Sequence[Place],
    lexicon: Lexicon,
) -> Iterator[Event]:
    """Yield one event per coded trigger and actor pair outside ``skip``."""
    index = ActorIndex.build(mentions, actors)
    salient: Actor | None = None
    parties: list[Actor] = []
    recent: list[tuple[int, Event]] = []
    deeds: list[tuple[str, list[Actor]]] = []
    headline_end = _headline_end(article)
    doc = clean_parse(doc, [headline_end, *[edge for span in skip for edge in span]])
    for number, sent in enumerate(doc.sents):
        if _skipped(sent, skip):
            continue
        sent_times = [t for t in times if sent.start_char <= t.span[0] < sent.end_char]
        headline = sent.start_char < headline_end
        matches = sentence_triggers(sent, lexicon.events, skip)
        matches += labelling_triggers(sent, lexicon, skip, {m.token.i for m in matches})
        for match in matches:
            coded = list(code_match(match, sent, article, index, sent_times, places, lexicon,
                                    salient, parties, deeds, [e for _, e in recent]))
            parties = _joint_parties(match, coded) or parties
            for event in coded:
                if headline:
                    event = replace(event, when=None, confidence=round(event.confidence - 0.1, 2))
                recent.append((number, carry_date(event, reversed(recent), number)))
        recent += [(number, e) for e in echoed_events(sent, number, index, recent,
                                                      lexicon.events, sent_times, salient)]
        salient = _subject_actor(sent, index) or salient
    # a later sentence may date the event told first undated ("This would mean the
    # trip would be on September 9th")
    recent = scene_dates(recent, list(doc.sents), times, article)
    for position, (number, event) in enumerate(recent):
        yield carry_date(event, recent[position + 1:], number)


def _joint_parties(match: TriggerMatch, events: list[Event]) -> list[Actor]:
    """The sides of a joint event ("A and B signed", "A met B"), for a later "both
    sides"; one who met two others is not one of them ("the mediator spoke with both
    delegations")."""
    if "joint" not in match.pattern.flags:
        return []
    doers = {e.source.id: e.source for e in events if e.source is not None and scored(e.source)}
    met = {e.target.id: e.target for e in events if e.target is not None and scored(e.target)}
    sides = met if len(doers) == 1 and len(met) >= 2 else doers | met
    return list(sides.values()) if len(sides) >= 2 else []


def _subject_actor(sent: SpacySpan, index: ActorIndex) -> Actor | None:
    """The actor of the main clause's subject, when it names one with a country or IGO."""
    subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    actor = actor_of(subject, index) if subject is not None else None
    return actor if scored(actor) else None


def _headline_end(article: Article) -> int:
    title = (article.title or "").strip()
    if title and article.text.lstrip().startswith(title):
        return article.text.index(title) + len(title)
    return 0


def _skipped(sent: SpacySpan, skip: Sequence[Span]) -> bool:
    return any(start <= sent.start_char and sent.end_char <= end for start, end in skip)


def _speaker(match: TriggerMatch, index: ActorIndex) -> tuple[Token | None, Actor | None]:
    speech = reporting_verb(match.token)
    if speech is None:
        return None, None
    head, _ = subject_of(speech)
    return head, actor_of(head, index) if head is not None else None


def code_match(match: TriggerMatch, sent: SpacySpan, article: Article, index: ActorIndex,
               times: Sequence[TimeExpression], places: Sequence[Place],
               lexicon: Lexicon, salient: Actor | None = None,
               parties: Sequence[Actor] = (),
               deeds: list[tuple[str, list[Actor]]] | None = None,
               history: Sequence[Event] = ()) -> Iterator[Event]:
    """The events of one trigger: one per (source, target) pair found. A pronoun
    stands for the speaker of its reported clause, else ``salient`` (the last
    sentence subject that was an actor); "both sides" stands for ``parties`` (the
    actors of the last joint event). ``deeds`` collects the type and placed doers
    of every trigger, coded or not, so that a later answer to an event ("welcomed
    the agreement") finds whom it is aimed at."""
    speaker_head, speaker_actor = _speaker(match, index)
    # inside reported speech a pronoun stands for the speaker, placed or not
    fallback = speaker_actor if speaker_head is not None else salient
    carrier = carrying_verb(match.token) if match.nominal else None
    if match.nominal:
        source_head, target_head = nominal_roles(match, index)
        if carrier is not None:
            source_head, target_head = carried_roles(carrier, source_head, target_head, index)
        source_head = owner_of(source_head, match.token, index)
    else:
        source_head, target_head = verb_roles(match, index)
    if "alleged" in match.pattern.flags:
        if not scored(speaker_actor):
            return  # "Guyana violated the accord" told by the outlet is no accusation
        source_head, target_head = speaker_head, source_head  # the speaker accuses the doer
    source_head = issuer_of(source_head, index)
    named_before = sides_named_before(source_head, index)
    sources = named_before or joint_speakers(source_head, speaker_head, index, parties) or \
        actors_of(source_head, index, fallback)
    nationality = demonym_owner(match.token, lexicon.actors.demonyms) \
        if match.nominal and not any(scored(s) for s in sources) and \
        (source_head is None or source_head.dep_ == "amod") else None
    if nationality is not None:
        sources = [country_actor(nationality, lexicon)]
    match = formal_protest(walkout(match, sources), sources)
    spoken_for = scored(speaker_actor) and source_head is None and not match.nominal and \
        match.pattern.type in SPOKEN_FOR and is_passive(match.token)
    if spoken_for and speaker_actor is not None:
        sources = [speaker_actor]
    # "the two governments agreed", "the three governments would meet": the sides of
    # the last joint event, whatever single country the plural phrase was linked to
    own_sides = len({side_code(s) for s in actors_of(source_head, index) if scored(s)})
    both_sides = len(parties) >= 2 and own_sides < 2 and is_joint_phrase(source_head) and \
        not named_before
    if both_sides:
        sources = list(parties)
    targets = own_targets(target_head, index, fallback, sources, match.token)
    if match.pattern.type in SERVED_STATES and not any(scored(t) for t in targets):
        targets = served_state(target_head, index, sources, lexicon) or targets
    if spoken_for and match.pattern.type in MOVEMENT_TYPES:  # "our ships were sent": not at us
        targets = other_sides(targets, sources)
    maker = None  # who made what this event answers, if it answers an event noun
    if deeds is not None:
        if not any(scored(t) for t in targets) and match.pattern.type in RESPONDING:
            maker = answered_maker(match, target_head, index, lexicon)
            targets = other_sides(actors_of(maker, index), sources) or nationality_target(
                target_head, sources, lexicon) or doers_of_named_event(
                target_head, deeds, sources, lexicon, match.pattern.type) or targets
        deeds.append((match.pattern.type, [s for s in sources if scored(s)]))
    if match.pattern.type in ASKED_OF_OTHERS and not any(scored(t) for t in targets):
        targets = requested_party(match.token, index, sources, lexicon) or targets
    answerers = answerer_of(match.token, index, sources) if match.nominal and \
        carrier is None and match.pattern.type in ANSWERED else []
    if not any(scored(t) for t in targets):
        targets = answerers or targets
    if not targets and (is_joint_phrase(target_head) or is_meeting(target_head, lexicon)):
        targets = [p for p in parties if side_code(p) not in {side_code(s) for s in sources}]
        # "Chile and Peru agreed to hold talks": the parties meet each other
        both_sides = both_sides or (not targets and len(sources) >= 2)
        targets = targets or ([] if both_sides else list(parties[:1]))
    where = clause_place(match.token, places)
    rally_country = (where.country or None) if where is not None and \
        match.pattern.type in PROTESTS and not any(scored(s) for s in sources) else None
    local = rally_country is not None
    if rally_country is not None:
        sources = [country_actor(rally_country, lexicon)]  # "people rallied in Tbilisi"
    if match.pattern.type in DOMESTIC and not any(scored(t) for t in targets) and (
            names_people(target_head, index, lexicon) or match.pattern.type == "PROTEST"
            or (match.pattern.cameo or "").startswith(HOME_MEASURES)):
        targets = [s for s in sources if scored(s)][:1]
    if both_sides and match.pattern.type in MET_AT_VENUE | PLACE_TARGETED:
        sources, targets = hosted_sides(where, sources, targets)
    elif not any(scored(t) for t in targets) and (match.pattern.type in PLACE_TARGETED
                                                   or "place" in match.pattern.flags
                                                   or forces_withdrawn(match, source_head)):
        targets = place_target(where, places, match.token, sources, lexicon) or targets
    if not any(scored(t) for t in targets) and match.pattern.type in STRUCK_PLACES and \
            any(scored(s) for s in sources) and where is not None and where.country:
        targets = [country_actor(where.country, lexicon)]
    if match.pattern.type in MADE_BY_PARTIES:
        sources = [s for s in sources if s.sector not in COMMENTATORS]
    if match.pattern.type in FORCES_ONLY and _natural_hazard(source_head):
        return  # "a cyclone struck Mauritius", "Peru was hit by a quake": no attacker
    if "demand" in match.pattern.flags and not demands(match.token):
        return  # "insist that the protests were organised abroad" says what is so
    if match.pattern.mode == "visit" and source_head is not None and source_head.lower_ == "it":
        return  # "when it arrives in Kenya": money, aid or a ship arrives; people visit
    borrowed = source_head is not None and not scored(actor_of(source_head, index)) and \
        not both_sides and not local
    if not any(scored(t) for t in targets):
        targets = story_targets(match.pattern.type, sources, history, target_head) or targets
    home = [] if any(scored(t) for t in targets) else \
        home_target(match.pattern, maker or target_head, index, sources, lexicon)
    targets = home or targets
    if borrowed and match.pattern.type not in DOMESTIC:
        # "we call on the authorities": a referred-to doer is not its own target
        targets = [t for t in targets if side_code(t) not in {side_code(s) for s in sources}]
    if borrowed and not any(scored(t) for t in targets):
        return  # a doer only referred to ("we", "it") and no target: too little to code
    pairs = event_pairs(match, sources, targets, joint=both_sides, home=bool(home))
    if not pairs:
        return
    modality = modality_of(match.token, lexicon.events)
    if answerers and modality in ANSWER_MODALITIES:
        modality = "asserted"  # "did not meet the demands", "will refuse the request unless":
        # the answer is negated or conditional, not the demand it answers
    if "promise" in match.pattern.flags and modality == "asserted":
        modality = "planned"  # a pledge or an offer codes the promised event, not yet done
    if match.pattern.type == "THREATEN" and modality in SAID_IN_THREAT:
        modality = "asserted"  # a threat's "if", "will" or "could" belong to the threatened act
    when = event_date(match.token, times)
    if modality == "asserted" and _ahead(when, article):
        modality = "planned"  # "hold talks next month": what is dated ahead has not happened
    if match.pattern.type in PLEDGED_UNTARGETED and modality != "planned":
        pairs = [(s, t) for s, t in pairs if scored(t)]
    if modality not in TOLD_AS_DONE:  # "if new attacks hit the army": an attack by no one
        pairs = [(s, t) for s, t in pairs if scored(s)]
    if not pairs:
        return
    reported_by = _phrase(speaker_head) if speaker_head is not None else article.source
    trigger = Trigger(match.token.text, (match.token.idx, match.token.idx + len(match.token)))
    for source, target in pairs:
        yield Event(
            source=source, target=target, type=match.pattern.type, mode=match.pattern.mode,
            cameo=match.pattern.cameo, modality=modality, when=when, where=where,
            reported_by=reported_by, trigger=trigger, sentence=sent.text.strip(),
            span=(sent.start_char, sent.end_char),
            confidence=confidence_of(match, source, target, borrowed and source is not None),
        )


def _ahead(when: When | None, article: Article) -> bool:
    """Whether a date starts after the publication day."""
    if when is None or not when.start or not article.published:
        return False
    return when.start[:10] > article.published[:10]


def _natural_hazard(head: Token | None) -> bool:
    """Whether a doer is weather, the earth or disease rather than someone."""
    return head is not None and any(t.lemma_.lower() in NATURAL_HAZARDS
                                    for t in (head, *head.children))


def _phrase(head: Token) -> str:
    tokens = sorted([head, *[c for c in head.children if c.dep_ in ("compound", "amod")]],
                    key=lambda t: t.i)
    return " ".join(t.text for t in tokens)


__all__ = ["extract_events", "When"]
