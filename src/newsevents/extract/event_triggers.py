"""Words that trigger an event: verbs and nouns matched against the event tables.

``verb_trigger`` and ``noun_trigger`` look one token up in
``lexicon/event_verbs.tsv`` / ``event_nouns.tsv``. A verb pattern may require a
particle or preposition ("call for", "pull back") and an object lemma
("impose sanctions"); the most specific pattern that fits wins, and a blocking
row (type NONE) stops the verb from being coded at all ("release a report").
They refuse to guess: a word the tables do not list, or a pattern whose
constraints the parse does not meet, yields None. ``sentence_triggers`` gathers
a sentence's triggers: events inside a verb's complement ("accused X of
attacking") are absorbed by it, and a noun a verb pattern names ("impose
sanctions") is part of the verb's event unless its own row is more specific
("held joint exercises"). Predicate adjectives ("grateful to") are looked up
in the verb table, in rows flagged for them; a demand set "or face" a penalty
is an ultimatum.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsevents.extract.event_phrases import (
    direct_objects,
    participle_object,
    particles,
    prep_objects,
    step_owner,
    subject_words,
    word_forms,
)
from newsevents.extract.spans import overlaps
from newsevents.lexicon.events import EventPattern, EventTables
from newsevents.records import Span

VERB_TAGS = frozenset({"VERB"})
NOUN_TAGS = frozenset({"NOUN", "PROPN"})
# "will respond", "would retaliate", "vowed to hit back": what an actor says it
# will do in answer is a threat; the same verb in the past is the deed itself.
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})
INFLECTIONS = ("ing", "ed", "es", "s", "d")
INTENT_VERBS = frozenset({"vow", "pledge", "promise", "threaten", "warn", "swear", "ready"})
# Entities whose inner words are part of a name, not events of their own.
NAMING_ENTITIES = frozenset({"ORG", "FAC", "LAW", "PRODUCT"})
# Verbs whose object the parser makes the subject of their complement clause
# ("let parties resume", "allowed parties to resume").
CAUSATIVES = frozenset({"let", "allow", "permit"})
# A hostile act an actor says it will or could take if the other side does or fails
# to do something is also a threat (CAMEO 13): "we will suspend talks unless the
# hostages are freed", "could cut aid if the shelling persists".
THREATENABLE = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE"})
CONDITION_MARKS = frozenset({"if", "unless"})
# Aid cut "unless donors come forward" is a budget warning, not a threat.
NOT_THREATS = frozenset({"162"})
# "Turkey said it might sever ties": a cut in relations an actor says it may make
# is a threat even with no condition spelled out (CAMEO 1313).
HEDGES = frozenset({"could", "might", "may"})
SPEECH_VERBS = frozenset({"say", "warn", "tell", "announce", "state", "signal", "hint",
                          "suggest", "indicate"})
# Speakers whose "could" or "would" is a forecast, not a threat of their own.
ONLOOKERS = frozenset({"analyst", "expert", "observer", "commentator", "scholar",
                       "researcher", "economist", "academic", "diplomat", "source"})
# "ready to cooperate", "willing to host talks": an actor that says it is ready to
# do a cooperative act expresses intent to do it (CAMEO 03, AGREE) as well.
READY_WORDS = frozenset({"ready", "willing", "prepared"})
OFFERABLE = frozenset({"COOPERATE", "CONSULT", "AID", "RETREAT", "CONCEDE", "SUPPORT"})
# "jointly opened a border post", "jointly manage the fish stock": whatever two
# actors do jointly, when the verb codes nothing itself, is cooperation (CAMEO 06).
JOINT_ADVERBS = frozenset({"jointly"})
# "jointly announced", "jointly declared": what is said together is told by what
# it says ("a ceasefire"), not by the saying.
SAID_JOINTLY = SPEECH_VERBS | {"declare", "issue", "publish", "write", "release"}
DONE_JOINTLY = EventPattern(lemma="jointly", type="COOPERATE", mode=None, cameo="060",
                            flags=frozenset({"joint"}))
# "gave the junta a week to step down or face intervention", "told X to leave or face
# arrest": a demand whose alternative is a penalty is an ultimatum (CAMEO 139).
ULTIMATUM = EventPattern(lemma="face", type="THREATEN", mode=None, cameo="139",
                         flags=frozenset({"absorb"}))
WILL_OR_COULD = frozenset({"will", "would", "shall", "'ll", "wo", "could", "might", "may"})
# "flown home", "bring the troops home": "home" as an adverb of direction marks a
# return, read like a particle so that a pattern can require it; so are adverbs the
# parser sometimes takes for no particle ("brushed aside the demands", "climbed down").
ADVERB_PARTICLES = frozenset({"home", "aside", "down"})


@dataclass(frozen=True)
class TriggerMatch:
    """A token coded by a table pattern; ``objects`` are the tokens the pattern read."""

    token: Token
    pattern: EventPattern
    nominal: bool
    objects: tuple[Token, ...] = ()


def base_forms(verb: Token) -> list[str]:
    """The verb's lemma, then bases its inflected form may come from when the
    lemmatizer misses a rarer verb ("lambasted" -> "lambast", "lambaste"), each first
    with the word a hyphen joins to its front ("test-fired" -> "test-fire")."""
    lemma, word = verb.lemma_.lower(), verb.lower_
    forms = [lemma]
    for suffix in INFLECTIONS:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            forms += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # "stopped" -> "stop"
    # "test-fired" parses as "test", "-", "fired": the hyphened verb, if listed, is meant
    return [f"{prefix}-{form}" for prefix in _hyphen_prefix(verb) for form in forms] + forms


def _hyphen_prefix(token: Token) -> list[str]:
    """The word a hyphen joins to the front of the token, if any."""
    doc, i = token.doc, token.i
    if i < 2 or doc[i - 1].text != "-" or doc[i - 2].whitespace_ or doc[i - 1].whitespace_:
        return []
    return [doc[i - 2].lower_]


def _object_words(obj: Token, pattern: EventPattern) -> set[str]:
    """The forms an object pattern reads: the head's, with each of its modifiers ("hard
    line"), and its "of" object's, and with the ``phrase`` flag the words before it
    too ("a disaster assessment team")."""
    words = word_forms(obj) | _hyphened(obj)
    # a two-word entry names the head with its modifier: "took a hard line against"
    words |= {f"{m.lower_} {obj.lemma_.lower()}" for m in obj.children
              if m.dep_ in ("amod", "compound")}
    for part in obj.children:  # "a batch of missiles", "30 trucks of flour"
        if part.dep_ == "prep" and part.lower_ == "of":
            words |= {w for o in prep_objects(part) for w in word_forms(o)}
        elif part.dep_ == "appos" and obj.pos_ == "PROPN":
            words |= word_forms(part)  # a name's apposition: "the Polar Star, a trawler"
    if "phrase" in pattern.flags:
        words |= {w for t in obj.subtree if t.i < obj.i for w in word_forms(t)}
    return words


def _hyphened(token: Token) -> set[str]:
    """The hyphenated word a token ends ("a sit-in" parses as "sit", "-", "in")."""
    return {f"{prefix}-{token.lower_}" for prefix in _hyphen_prefix(token)}


def _future(verb: Token) -> bool:
    """Whether the verb tells what someone will do: a future or conditional auxiliary,
    or the complement of a vow, a pledge or a warning."""
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_VERBS


def _fits(verb: Token, pattern: EventPattern, parts: dict[str, Token]) -> tuple[Token, ...] | None:
    """The object tokens the pattern read, or None when it does not fit."""
    if "future" in pattern.flags and not _future(verb):
        return None
    if "promise" in pattern.flags and any(c.dep_ == "xcomp" for c in verb.children):
        return None  # "pledged to join a government": the promise is of its clause
    candidates = subject_words(verb) if "subj" in pattern.flags else direct_objects(verb)
    if not candidates and ("subj" in pattern.flags or _passive(verb)):
        candidates = _raised_subject(verb)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        candidates.append(participle_object(verb))  # "a deal struck with the IMF"
    if pattern.particle is not None:
        part = parts.get(pattern.particle)
        if part is None:
            return None
        if part.dep_ != "prt":
            candidates = prep_objects(part) + candidates
        # "walked away from the deal", "backed out of the talks"
        candidates = [o for p in part.children if p.dep_ == "prep"
                      for o in prep_objects(p)] + candidates
    if pattern.objects:
        candidates += [a for a in _predicate_adjectives(verb) if a not in candidates]
        hits = tuple(t for t in candidates if _object_words(t, pattern) & pattern.objects)
        return hits or None
    if "obj" in pattern.flags:
        all_objects = candidates + [o for p in parts.values() for o in prep_objects(p)]
        return tuple(all_objects) or None
    return tuple(candidates)


def _passive(verb: Token) -> bool:
    return any(child.dep_ == "auxpass" for child in verb.children)


def _raised_subject(verb: Token) -> list[Token]:
    """The subject a verb without one shares with the verb it completes ("the soldiers
    are due to be flown home", "troops were expected to leave"): the parser hangs it on
    the governing verb only."""
    head = verb
    while head.dep_ in ("xcomp", "acomp") and head.head is not head:
        head = head.head
        if subjects := subject_words(head):
            return subjects
    return []


def _predicate_adjectives(verb: Token) -> list[Token]:
    """Adjectives that complete the verb's meaning ("found him guilty", "was found
    liable"), which an object list may name like a noun, and the subjects the parser
    gives them, the verb's logical objects ("branded the sanctions illegal")."""
    adjectives = [c for c in verb.children
                  if c.pos_ == "ADJ" and c.dep_ in ("ccomp", "acomp", "oprd", "xcomp")]
    if verb.lemma_.lower() in CAUSATIVES:  # "let opposition parties resume their work"
        adjectives += [c for c in verb.children if c.dep_ == "ccomp"]
    return adjectives + [c for a in adjectives for c in a.children if c.dep_ == "nsubj"]


def verb_trigger(token: Token, tables: EventTables) -> TriggerMatch | None:
    """The coding of a verb, or None when no pattern fits or a blocking row does."""
    adjective = token.pos_ == "ADJ"
    if token.pos_ not in VERB_TAGS and not adjective and not _verb_read_as_noun(token):
        return None
    if _describing_participle(token):
        return None
    patterns = next((tables.verbs[form] for form in base_forms(token) if form in tables.verbs),
                    None)
    if not patterns:
        return None
    parts = particles(token) | {c.lower_: c for c in token.children
                                if c.dep_ == "advmod" and c.lower_ in ADVERB_PARTICLES}
    for pattern in patterns:
        if adjective != ("adjective" in pattern.flags):
            continue  # "grateful to" is an adjective's row; "free" the verb's alone
        objects = _fits(token, pattern, parts)
        if objects is None:
            continue
        if pattern.type == "NONE":
            return None
        return TriggerMatch(token, pattern, nominal=False, objects=objects)
    return None


def _describing_participle(token: Token) -> bool:
    """Whether a past participle (or a past form the tagger took for one) only
    describes the noun after it: "detained protesters", or "deport rejected asylum
    seekers", which the parser may read as a complement of "deport" governing
    "seekers"."""
    if token.dep_ == "amod":
        return token.i < token.head.i
    return token.tag_ in ("VBN", "VBD") and token.dep_ == "xcomp" and token.i == token.head.i + 1 \
        and not any(c.dep_ in ("aux", "auxpass") for c in token.children) \
        and not any(c.dep_ == "dobj" for c in token.head.children) \
        and any(c.dep_ == "dobj" and c.i > token.i for c in token.children)


def _verb_read_as_noun(token: Token) -> bool:
    """Whether a word tagged as a plural noun governs a direct object: no noun does,
    so the tagger took a present-tense verb for one ("Mali thanks its brothers",
    "Beijing slams Manila's move")."""
    return token.tag_ == "NNS" and any(child.dep_ == "dobj" for child in token.children)


def noun_trigger(token: Token, tables: EventTables) -> TriggerMatch | None:
    """The coding of an event noun, or None when it is not one or lacks a required modifier."""
    if token.pos_ not in NOUN_TAGS or token.ent_type_ in ("DATE", "TIME"):
        return None  # "in March" is a month, not a march
    if token.pos_ == "PROPN" and token.ent_type_ in NAMING_ENTITIES and token.ent_iob_ != "B":
        return None  # "the Rapid Support Forces", "Ministry of Defence": a word of a name
    patterns = tables.nouns.get(token.lemma_.lower()) or tables.nouns.get(token.lower_)
    if not patterns:
        return None
    modifiers = {w for child in token.children if child.dep_ in ("compound", "amod", "nmod")
                 for w in word_forms(child)}
    for pattern in patterns:
        if pattern.modifiers and not pattern.modifiers & modifiers:
            continue
        if pattern.type == "NONE":
            return None
        return TriggerMatch(token, pattern, nominal=True)
    return None


def sentence_triggers(sent: SpacySpan, tables: EventTables,
                      skip: Sequence[Span]) -> list[TriggerMatch]:
    """The triggers of one sentence, absorbed complements and coded objects left out."""
    usable = [t for t in sent if not overlaps((t.idx, t.idx + len(t)), skip)]
    verbs = [m for t in usable if (m := verb_trigger(t, tables) or _done_jointly(t))
             is not None]
    threats = {m.token.i for m in verbs if m.pattern.type == "THREATEN"}
    verbs += [m for t in usable if (m := _ultimatum(t)) is not None and m.token.i not in threats]
    absorbed: set[int] = set()
    for match in verbs:
        if "absorb" in match.pattern.flags:
            absorbed |= _complement_tokens(match.token)
    # "held joint exercises": a noun whose modifier makes its own coding more
    # specific than the verb's names the event; the verb only carries it
    verbs = [m for m in verbs if not _specific_object(m, tables)]
    # "impose sanctions": the noun the pattern named is part of the verb's event,
    # unless it is an event of its own ("called off the visit": the visit not made)
    covered = {o.i for m in verbs if m.pattern.objects and "keep" not in m.pattern.flags
               for o in m.objects}
    kept = [m for m in verbs if m.token.i not in absorbed]
    kept += [_recoded(m, "THREATEN", "130") for m in kept
             if (_conditional_hostility(m) or _hedged_cut(m)) and not _forecast(m.token)]
    kept += [_recoded(m, "AGREE", "030") for m in kept if _offered(m)]
    kept_ids = {m.token.i for m in kept}
    for token in usable:
        if token.i in absorbed or token.i in covered or token.i in kept_ids:
            continue
        noun_match = noun_trigger(token, tables)
        if noun_match is not None:
            kept.append(noun_match)
    return kept


def _done_jointly(token: Token) -> TriggerMatch | None:
    """A verb no table codes, done "jointly": cooperation between its doers."""
    if token.pos_ not in VERB_TAGS or token.lemma_.lower() in SAID_JOINTLY or not any(
            c.dep_ == "advmod" and c.lower_ in JOINT_ADVERBS for c in token.children):
        return None
    return TriggerMatch(token, DONE_JOINTLY, nominal=False, objects=tuple(direct_objects(token)))


def _ultimatum(face: Token) -> TriggerMatch | None:
    """The verb that set a demand whose alternative is "or face" a penalty."""
    demand = face.head
    if face.lemma_.lower() != "face" or face.dep_ != "conj" or not any(
            c.dep_ == "cc" and c.lower_ == "or" for c in demand.children) or \
            demand.dep_ not in ("xcomp", "advcl", "ccomp") or demand.head.pos_ != "VERB":
        return None
    setter = demand.head
    return TriggerMatch(setter, ULTIMATUM, nominal=False, objects=tuple(direct_objects(setter)))


def _conditional_hostility(match: TriggerMatch) -> bool:
    """Whether a hostile act is one the actor will or could take on a condition."""
    verb = match.token
    if match.pattern.type not in THREATENABLE or match.pattern.cameo in NOT_THREATS or not any(
            c.dep_ == "aux" and c.lower_ in WILL_OR_COULD for c in verb.children):
        return False
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS
                                         for m in c.children) for c in verb.children)


def _hedged_cut(match: TriggerMatch) -> bool:
    """Whether an actor says it might cut relations ("said it could sever ties")."""
    verb = match.token
    return match.pattern.type == "SANCTION" and match.pattern.cameo not in NOT_THREATS and \
        any(c.dep_ == "aux" and c.lower_ in HEDGES for c in verb.children) and \
        verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SPEECH_VERBS


def _forecast(verb: Token) -> bool:
    """Whether the act is an onlooker's forecast ("analysts said China could strike if
    ..."), which threatens no one."""
    head = verb
    while head.dep_ in ("ccomp", "xcomp", "conj") and head.head is not head:
        head = head.head
        speakers = [c for c in head.children if c.dep_ == "nsubj"]
        if head.lemma_.lower() in SPEECH_VERBS and speakers:
            return speakers[0].lemma_.lower() in ONLOOKERS
    return False


def _offered(match: TriggerMatch) -> bool:
    """Whether a cooperative act is the complement of "ready", "willing" or "prepared"
    ("was ready to cooperate", "ready to keep hosting talks")."""
    if match.pattern.type not in OFFERABLE or match.nominal:
        return False
    verb = match.token
    while verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "ready to keep hosting"
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in READY_WORDS


def _recoded(match: TriggerMatch, type_: str, cameo: str) -> TriggerMatch:
    """A second coding of the same words: the threat a conditional hostile act makes,
    the intent an offer expresses."""
    return replace(match, pattern=replace(match.pattern, type=type_, mode=None,
                                          cameo=cameo, flags=frozenset()))


def _specific_object(match: TriggerMatch, tables: EventTables) -> bool:
    """Whether the object a verb pattern named is coded by a noun row that needs a
    modifier the object has ("joint exercises" beside "hold exercises")."""
    return any((noun := noun_trigger(o, tables)) is not None and bool(noun.pattern.modifiers)
               for o in match.objects) if match.pattern.objects else False


def _complement_tokens(verb: Token) -> set[int]:
    """Tokens of a verb's complement clauses and of its "of/for/about" phrases."""
    found: set[int] = set()
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp", "advcl") or (
                child.dep_ == "prep" and child.lower_ in ("of", "for", "about", "over")):
            found |= {t.i for t in child.subtree}
        elif child.dep_ == "dobj":
            found |= {t.i for t in child.subtree if t.dep_ in ("acl", "relcl", "pcomp")
                      or t.head.dep_ in ("acl", "relcl", "pcomp") or t.pos_ == "VERB"}
    # "called for easing sanctions to reward Kim's move to halt tests": a step someone
    # else took is an event of its own, not part of what is called for
    for index in sorted(found):
        if index in found and step_owner(verb.doc[index]) is not None:
            found -= {t.i for t in verb.doc[index].subtree}
    return found
