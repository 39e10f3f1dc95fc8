"""Who did it and to whom: source and target actors of a trigger, from the parse.

The subject or passive agent is the source (``event_subjects`` finds it); the
object, the passive subject or a "with/to/against/on" phrase is the target; event
nouns read their possessor, actor words and "by/of/to/on" phrases. Which actor a head stands for
is ``event_actors``'s business.

Roles refuse to guess: a side with no mention in its phrase is None, never an
actor from elsewhere in the sentence.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.extract.event_actors import (
    FORCE_NOUNS,
    ActorIndex,
    actor_of,
    described_actor,
    scored,
)
from newsevents.extract.event_phrases import (
    ADVERB_PARTICLES,
    participle_object,
    prep_objects,
)
from newsevents.extract.event_subjects import is_passive, subject_of
from newsevents.extract.event_triggers import TriggerMatch
from newsevents.records import Actor

TARGET_PREPS = ("with", "to", "against", "on", "at", "for", "from", "toward", "towards",
                "into", "upon", "over", "between")
NOMINAL_TARGET_PREPS = ("to", "on", "against", "with", "in", "at", "for", "toward",
                        "towards", "into", "upon")
# In the phrase of a verb's object, "in" places the thing ("the situation in Gaza"),
# it does not name whom the verb is aimed at.
OBJECT_TARGET_PREPS = tuple(p for p in NOMINAL_TARGET_PREPS if p != "in")
MEETING_NOUNS = frozenset({"talk", "meeting", "summit", "negotiation", "consultation",
                           "conference", "round", "session"})
# Types aimed at the doer of their reported clause ("alleged that X had ...").
CLAUSE_TARGETED = frozenset({"ACCUSE", "REQUEST"})
# Types whose object is usually the doer's own forces ("withdrew troops", "deployed units").
MOVEMENT_TYPES = frozenset({"RETREAT", "MOBILIZE"})
# Types that judge a deed: the one who did it ("the abuses by the regime") is aimed at.
JUDGING = frozenset({"ACCUSE", "SUPPORT", "REJECT"})
# Words that stand for part of what their "of" phrase names: "any of the demands".
PARTITIVES = frozenset({"any", "some", "all", "none", "most", "many", "several", "each",
                        "one", "two", "three", "both", "either", "neither", "few"})
# Nouns that count or group events: "a package of sanctions", "a wave of arrests".
QUANTITY_NOUNS = frozenset({"package", "series", "wave", "round", "set", "raft", "string",
                            "spate", "number", "batch", "list", "slate"})
# The edges of a gathering where others meet: "on the sidelines of", "on the margins of".
VENUE_NOUNS = frozenset({"sideline", "sidelines", "margin", "margins", "fringe", "fringes"})
OWNING_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})
# Verbs of taking what another side set or asked: "refused to accept the deadline".
ACCEPTING = frozenset({"accept", "recognise", "recognize", "meet", "sign", "endorse",
                       "honour", "honor", "heed", "obey"})
# Nouns that name another side by its tie to the owner: "our ally" is no means of ours.
TIE_NOUNS = frozenset({"ally", "partner", "friend", "neighbour", "neighbor", "brother",
                       "counterpart"})
# Verbs that say who a report or a charge speaks of: "China was named in the UN's
# accusations", "officials singled out in the report".
MENTION_VERBS = frozenset({"name", "mention", "cite", "bring", "single", "list", "include",
                           "implicate", "identify", "feature"})


def past_partitive(noun: Token | None) -> Token | None:
    """"met any of the demands": the noun a partitive word stands for part of."""
    if noun is None or noun.lower_ not in PARTITIVES:
        return noun
    return _prep_target(noun, ("of",), depth=1) or noun


def _giver(verb: Token) -> Token | None:
    """Who gave what a verb of receiving got: its "from" phrase, on the verb or on
    the thing received ("received $2 billion in loans from China")."""
    for head in (verb, *[c for c in verb.children if c.dep_ == "dobj"]):
        giver = _prep_target(head, ("from",), depth=0)
        if giver is not None:
            return giver
    return None


def _prep_target(noun: Token, words: tuple[str, ...], depth: int = 2) -> Token | None:
    """The object of the first of ``words`` hanging on the noun, followed down through
    the phrases that hang on it in turn ("381 million euros in aid to Ukraine")."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in words:
            objs = prep_objects(child)
            if objs:
                deeper = _prep_target(objs[0], words, depth - 1) if depth > 0 else None
                return deeper or objs[0]
    return None


def verb_roles(match: TriggerMatch, index: ActorIndex) -> tuple[Token | None, Token | None]:
    """(source head, target head) of a verb trigger."""
    verb = match.token
    source, _ = subject_of(verb)
    if "received" in match.pattern.flags:  # "Kenya received a loan from the IMF"
        return _giver(verb), source
    target: Token | None = None
    flags = match.pattern.flags
    passive_subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive_subject is not None:
        target = passive_subject
        if source is not None and source.i == passive_subject.i:
            source = None
    elif verb.dep_ == "acl" and _passive_participle(verb):
        target = participle_object(verb)
    if target is None and "nodobj" not in flags:
        target = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None) \
            or _relativised_object(verb, source)
        target = past_partitive(target)
        target = _participle_referent(verb, target)
        if target is not None and match.pattern.type in MOVEMENT_TYPES and \
                match.pattern.mode != "release" and _forces(target, index):
            # "rushed troops north": the forces moved, not whom they face; but freed
            # soldiers are captives handed back to their side
            target = None
    if target is not None and not scored(actor_of(target, index)) and \
            match.pattern.type in JUDGING:
        # "condemned the abuses by the regime" (the parser may hang "by" on the verb)
        doer = _prep_target(target, ("by",), depth=0) or \
            (None if is_passive(verb) else _prep_target(verb, ("by",), depth=0))
        target = doer if doer is not None and scored(actor_of(doer, index)) else target
    if target is not None and not scored(actor_of(target, index)):
        # "imposed sanctions on Belarus", "signed a deal with Kenya": the object's own phrase
        inner = _prep_target(target, OBJECT_TARGET_PREPS)
        if inner is not None and _dating(inner):
            inner = None  # "endorsed the agreement on Tuesday morning"
        if inner is not None and (scored(actor_of(inner, index)) or not _names_event(target)):
            target = inner  # but "hosted talks in Doha": the talks, not Doha, name the sides
        elif _names_event(target):  # "hosted (a round of) talks between Kabul and Islamabad"
            target = _prep_target(_counted(target), ("between",), depth=0) or target
    if target is not None and "joint" in flags and match.pattern.objects and \
            target in match.objects and scored(actor_of(target, index)):
        target = None  # "joined forces": the forces pooled are the doers' own, not a side
    # "pull troops back from the border": a phrase may hang on the verb's particle
    heads = [verb, *(c for c in verb.children if c.dep_ in ("prt", "advmod")
                     and c.lower_ in ADVERB_PARTICLES)]
    preps = {c.lower_: c for h in heads for c in h.children if c.dep_ in ("prep", "dative")}
    order: tuple[str, ...] = ("in", "to") + TARGET_PREPS if "place" in flags else TARGET_PREPS
    if match.pattern.type == "PROTEST":
        order = order + ("outside", "near")  # "demonstrated outside the Dutch embassy"
    for word in order:
        if word in preps and not _common_foe(match, preps[word]) and (
                target is None or not scored(actor_of(target, index))
                or _same_side(target, source, index)):
            objs = [o for o in prep_objects(preps[word]) if not _dating(o) and not _venue(o)]
            if objs and (scored(actor_of(objs[0], index)) or
                         described_actor(objs[0], index, verb) is not None):
                target = objs[0]  # "fired water cannon at boats resupplying marines"
                break
            if objs and (target is None or _named_measure(match, target)):
                target = objs[0]  # "imposed sanctions on Thursday on three companies"
                break
    if (target is None or not scored(actor_of(target, index))) and \
            match.pattern.type in CLAUSE_TARGETED:
        target = _clause_subject(verb, index) or target
    if target is None and "absorb" in flags:
        target = _complement_object(verb, index)
    if (target is None or not scored(actor_of(target, index))) and \
            match.pattern.type == "THREATEN":
        target = _condition_subject(verb, source, index) or \
            _threatened_party(verb, source, index) or target
    if target is not None and (_own_means(target, source, index) or (
            match.pattern.type in MOVEMENT_TYPES and _same_side(target, source, index)
            and not _armed_opponents(target, index))):
        target = None  # "withdraw troops" with no other side named: troops are the doer's
    return source, target


def _complement_object(verb: Token, index: ActorIndex) -> Token | None:
    """"refused to accept the deadline set by ECOWAS": a verb whose "to" clause accepts
    something is aimed at whom that clause's object names or is described by (not
    "refused to abandon the DPRK", which keeps faith with it)."""
    clause = next((c for c in verb.children if c.dep_ == "xcomp"
                   and c.lemma_.lower() in ACCEPTING), None)
    obj = next((c for c in clause.children if c.dep_ == "dobj"), None) if clause else None
    if obj is not None and (scored(actor_of(obj, index)) or
                            described_actor(obj, index, clause) is not None):
        return obj
    return None


def _participle_referent(verb: Token, target: Token | None) -> Token | None:
    """"seized a tanker, accusing it of smuggling": "it" in a participle clause stands
    for the object of the clause the participle hangs on."""
    if target is None or target.lower_ not in ("it", "them") or verb.dep_ != "advcl" or \
            verb.tag_ != "VBG":
        return target
    return next((c for c in verb.head.children if c.dep_ == "dobj"), target)


def _relativised_object(verb: Token, subject: Token | None) -> Token | None:
    """"officials it accused of fraud": the noun an object relative clause modifies is
    the object its verb lacks (its subject is a word of its own, not "who"/"which")."""
    if verb.dep_ != "relcl" or subject is None or subject.head.i != verb.i or \
            subject.tag_ in ("WDT", "WP"):
        return None
    return verb.head


def _named_measure(match: TriggerMatch, target: Token) -> bool:
    """Whether the object is the measure the pattern names ("imposed sanctions"), part
    of the event rather than whom it is aimed at."""
    return bool(match.pattern.objects) and any(o.i == target.i for o in match.objects)


def _names_event(noun: Token) -> bool:
    """Whether a noun names a meeting or another joint event whose sides the story gives."""
    return noun.lemma_.lower() in MEETING_NOUNS


def _forces(head: Token, index: ActorIndex) -> bool:
    """Whether a noun names armed forces or their means (troops, ships, a battalion)."""
    actor = actor_of(head, index)
    return head.lemma_.lower() in FORCE_NOUNS or (actor is not None and actor.sector == "MIL"
                                                  and actor.kind != "country")


def _clause_subject(verb: Token, index: ActorIndex) -> Token | None:
    """"alleged that the DPRK had restarted", "demanded that Ankara halt": the doer
    of the reported clause is whom an accusation or a demand is aimed at."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            subject = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")),
                           None)
            if subject is not None and scored(actor_of(subject, index)):
                return subject
    return None


def _condition_subject(verb: Token, source: Token | None,
                       index: ActorIndex) -> Token | None:
    """"warned that it may change course if Washington persists": a threat is aimed at
    whoever the condition of its content asks to act. The content is searched in the
    whole subtree: the parser sometimes hangs the that-clause on a noun ("warned in a
    speech that ..."), and an "if" clause hung on the verb itself ("threatened
    countermeasures if Manila persists") is the condition of the threatened act."""
    for advcl in (t for t in verb.subtree if t.dep_ == "advcl"):
        if not any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in advcl.children):
            continue
        subject = next((c for c in advcl.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and scored(actor_of(subject, index)) and \
                not _same_side(subject, source, index):
            return subject
    return None


def _threatened_party(verb: Token, source: Token | None, index: ActorIndex) -> Token | None:
    """"threatened to impose tariffs on American goods", "threatened a response
    including curbs on EU lorries": a threat is aimed at the first other party its
    threatened act or measure names."""
    for complement in (c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "dobj")):
        for token in complement.subtree:
            if token.dep_ in ("nsubj", "nsubjpass") and token.head is complement:
                continue  # the threatener restated ("said it would ..."), not its target
            if scored(actor_of(token, index)) and not _same_side(token, source, index):
                return token
    return None


def _armed_opponents(target: Token, index: ActorIndex) -> bool:
    """"a ceasefire with ethnic armed groups": rebels of the doer's own country are
    the other side of a domestic conflict, not the doer's own forces."""
    actor = actor_of(target, index)
    return actor is not None and actor.sector == "REB"


def _same_side(target: Token, source: Token | None, index: ActorIndex) -> bool:
    """"Spain could send troops to Morocco": an object of the doer's own country."""
    if source is None:
        return False
    doer, acted_on = actor_of(source, index), actor_of(target, index)
    return scored(doer) and scored(acted_on) and _code(doer) == _code(acted_on)


def _own_means(target: Token, source: Token | None, index: ActorIndex) -> bool:
    """"withdraw its troops from Somalia": an object of the doer's own country is
    the means it acts with; the prepositional phrase names the target."""
    if source is None or target.lemma_.lower() in TIE_NOUNS or not any(
            c.dep_ == "poss" and c.lower_ in OWNING_PRONOUNS for c in target.children):
        return False
    doer, acted_on = actor_of(source, index), actor_of(target, index)
    return doer is None or acted_on is None or _code(doer) == _code(acted_on)


def _code(actor: Actor | None) -> str | None:
    return None if actor is None else (actor.country or actor.igo)


def _passive_participle(verb: Token) -> bool:
    return verb.tag_ == "VBN"


def nominal_roles(match: TriggerMatch,
                  index: ActorIndex | None = None) -> tuple[Token | None, Token | None]:
    """(source head, target head) of an event noun: possessor or actor word before it,
    "by"/"from"/"of" phrase; "to/on/against/with/in" phrase for the target, one that names
    an actor before one that does not ("a meeting in May with Xi")."""
    noun = match.token
    source: Token | None = None
    target: Token | None = None
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ in ("compound", "amod", "nmod")
                                    and (child.ent_type_ or child.pos_ == "PROPN")):
            source = source or child
        elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
            source = next(iter(prep_objects(child)), None) or source  # "calls from Washington"
    for child in noun.children:
        if child.dep_ != "prep":
            continue
        objs = prep_objects(child)
        if not objs:
            continue
        if child.lower_ == "of":
            if "of_source" in match.pattern.flags and source is None:
                source = objs[0]
            elif target is None:
                target = objs[0]
        elif child.lower_ in NOMINAL_TARGET_PREPS and not _dating(objs[0]) and \
                not _venue(objs[0]) and not _common_foe(match, child) and (
                target is None or (index is not None and not scored(actor_of(target, index))
                                   and scored(actor_of(objs[0], index)))):
            target = objs[0]
        elif child.lower_ == "between":
            if source is None:
                source = objs[0]
            else:  # "Kenya's mediation between the warring generals"
                target = target or objs[0]
    if target is None or (index is not None and not scored(actor_of(target, index))):
        target = _mentioned_in(noun) or target
    return source, target


def _mentioned_in(noun: Token) -> Token | None:
    """"China was also brought up in the UN's accusations": whom a passive verb of
    mention names in an event noun is the one the event is aimed at."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.head.lemma_.lower() not in \
            MENTION_VERBS:
        return None
    return next((c for c in prep.head.children if c.dep_ == "nsubjpass"), None)


def _dating(token: Token) -> bool:
    """"a meeting in less than a year": a phrase that dates the event names no target."""
    return token.ent_type_ in ("DATE", "TIME")


def _counted(noun: Token) -> Token:
    """"a new round of talks": the events a counting noun counts."""
    if noun.lemma_.lower() not in QUANTITY_NOUNS:
        return noun
    return next((o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                 for o in prep_objects(c)), noun)


def _common_foe(match: TriggerMatch, prep: Token) -> bool:
    """"joint operations against Boko Haram": those who cooperate against someone are
    the sides; the one they act against is not whom they cooperate with."""
    return match.pattern.type == "COOPERATE" and prep.lower_ == "against"


def _venue(token: Token) -> bool:
    """"met on the sidelines of the G20 summit": where a meeting happened, not with whom."""
    return token.lemma_.lower() in VENUE_NOUNS or token.lower_ in VENUE_NOUNS


