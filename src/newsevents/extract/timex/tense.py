"""The tense of the clause a temporal expression sits in, read from the spaCy parse.

"arrived on Tuesday" is past, "runs through Thursday" present, "will meet
Friday" / "is set to resume Monday" future. A bare weekday or month is
resolved towards the past or the future of the publication date by it.
None when no verb governs the expression (a headline fragment, a list).
"""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Doc, Span, Token

Tense = Literal["past", "present", "future"]

FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo", "would", "'d", "’d", "going"})
WILL_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo"})  # a future not told in the past
MODALS = frozenset({"may", "might", "could", "can", "should", "must", "ought"})
FUTURE_PREPOSITIONS = frozenset({"until", "till", "through", "by", "before", "ahead"})
# A deadline lies ahead even when the clause is told in the past ("ordered him home by
# Friday"), unless a perfect puts it behind ("had filed by Monday"). Not "until": "storms
# prevented a tow until Monday" is over.
DEADLINE_PREPOSITIONS = frozenset({"by"})
# Verbs whose infinitive complement lies ahead even when they are in the past tense.
FUTURE_LEMMAS = frozenset({"plan", "schedule", "expect", "set", "intend", "aim", "prepare",
                           "hope", "slate", "vow", "promise", "pledge", "threaten", "want"})
# Past verbs whose objects may lie ahead: "warned of walkouts in July", "called for a vote
# in May", and verbs of saying, to which the parse may attach a date of what was said ("due
# by 5 p.m., March 22, the agency said").
PROSPECTIVE_OR_SAYING_LEMMAS = frozenset({
    "warn", "predict", "forecast", "propose", "urge", "call", "announce", "ask", "demand",
    "seek", "offer", "say", "tell", "report", "state", "add", "note", "write", "claim",
    "insist"})
# Adjectives and participles that put the event they head in the future ("due Friday",
# "scheduled for Monday", "effective Feb. 1").
FUTURE_HEADS = frozenset({"due", "scheduled", "expected", "set", "planned", "slated",
                          "upcoming", "next", "payable", "effective"})
PRESENT_PERFECT = frozenset({"has", "have", "'s", "'ve"})
# Verbs that move an end later: "postponed until Tuesday", "has given them until 9 a.m.
# Tuesday", "extended its deadline until Friday" name a day still ahead, whatever the tense
# (unless a past perfect tells of an earlier postponement).
POSTPONING_LEMMAS = frozenset({"postpone", "delay", "defer", "adjourn", "extend", "give",
                               "grant"})
UNTIL = frozenset({"until", "till"})
# The prepositions after which such a verb names its new end ("extended the loans through
# January", "postponed until Tuesday").
NEW_END_PREPOSITIONS = UNTIL | {"through"}
# Nouns that do so unless their clause is told in the past ("met the Tuesday deadline").
FUTURE_NOUNS = frozenset({"deadline"})
# "as early as Tuesday", "as soon as Monday": a limit on something still to come.
FUTURE_LIMITS = frozenset({"early", "soon"})
# Conjunctions of a time or condition clause, whose present tense tells of the future:
# "when they meet in November", "once the truce holds through Friday".
CONDITION_WORDS = frozenset({"when", "once", "if", "unless", "until", "till", "before",
                             "after"})
# Of those, the ones whose simple past does not tell of the past either: it is
# hypothetical or reported ("said it was ready if the winter turned out harsh").
HYPOTHETICAL_WORDS = frozenset({"if", "unless"})
# Adverbs that make a clause tell of a rule rather than of one occasion.
HABITUAL_ADVERBS = frozenset({"normally", "usually", "typically", "generally", "often",
                              "always", "traditionally", "ordinarily", "customarily"})
# A main clause with these makes the condition unreal rather than reported.
COUNTERFACTUAL_AUX = frozenset({"would", "could", "might", "'d", "’d"})


def clause_tense(doc: Doc, start: int, end: int) -> Tense | None:
    """The tense of the verb governing the characters ``start:end`` of ``doc``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    preposition = root.head if root.dep_ == "pobj" else None
    governor = preposition.head if preposition is not None else root.head
    as_planned = is_as_planned(governor)
    if as_planned:
        governor = governor.head  # "did not meet as planned on Monday": the meeting's time
    auxes = {c.lower_ for c in governor.children if c.dep_ in ("aux", "auxpass")}
    if governor.lower_ in FUTURE_HEADS and (governor.pos_ != "VERB" or auxes <= PRESENT_PERFECT) \
            and not is_past_setting(governor, preposition):
        return "future"  # "payable Dec. 1", "due Friday", "has scheduled a vote Thursday"
    if is_future_limit(doc, span.start):
        return "future"
    verb = governing_verb(root)
    if as_planned:
        verb = governor if governor.pos_ in ("VERB", "AUX") else governing_verb(governor)
    if verb is None:
        return None
    tense = verb_tense(verb)
    if tense is not None and tense != "future" and is_condition_clause(verb, tense):
        return "future"
    if tense == "past" and is_perfect(verb) and is_under_future(verb):
        return None  # "would meet in October to review how the summer had gone": either side
    if governor.lower_ in FUTURE_NOUNS and tense != "past":
        return "future"
    if root.dep_ == "poss" and (tense != "future" or is_reported_day(span)):
        return "past"  # "Friday's purchases", "Tuesday's declaration": reported, so past
    if preposition is not None and preposition.lower_ in DEADLINE_PREPOSITIONS and \
            not is_perfect(verb):
        return "future"
    if preposition is not None and preposition.lower_ in NEW_END_PREPOSITIONS and \
            governor.lemma_ in POSTPONING_LEMMAS and "had" not in auxes:
        return "future"
    if preposition is not None and tense != "past" and preposition.lower_ in FUTURE_PREPOSITIONS:
        return "future"
    return tense


def plain_tense(doc: Doc, start: int, end: int) -> Tense | None:
    """ "past" when the expression is a plain past verb's own time ("arrived in May",
    "changed its name in December"), "future" when a "will" verb's ("will open in
    February"); None when it is reached through a noun, an infinitive, a "would" or a verb
    of saying ("told of a cut in September", "agreed to buy it in January"), where the
    tense above says less about the date."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        governor = root.head.head
    elif root.dep_ in ("npadvmod", "tmod"):
        governor = root.head
    else:
        return None
    if governor.lemma_ in FUTURE_LEMMAS | POSTPONING_LEMMAS | PROSPECTIVE_OR_SAYING_LEMMAS:
        return None
    auxes = {c.lower_ for c in governor.children if c.dep_ in ("aux", "auxpass")}
    if governor.tag_ == "VBD" and not auxes:
        return "past"
    if governor.tag_ == "VB" and auxes and auxes <= WILL_AUX:
        return "future"
    return None


def is_habitual(doc: Doc, start: int, end: int) -> bool:
    """Does the verb governing ``start:end`` tell of what happens as a rule ("we normally
    see in July"), so that a month names no one year?"""
    span = doc.char_span(start, end, alignment_mode="expand")
    verb = governing_verb(span.root) if span is not None and len(span) else None
    verbs = [verb] if verb is not None else []
    if verb is not None and verb.dep_ == "xcomp":
        verbs.append(verb.head)  # "usually stop running in November"
    return any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS
               for v in verbs for c in v.children)


def is_reported_day(span: Span) -> bool:
    """A named day owning a noun that is not the subject: "to investigate Wednesday's
    attack" tells of a reported event even in a future clause ("Sunday's vote will
    decide" does not; nor does "next month's agenda", which names its own time)."""
    return all(t.pos_ == "PROPN" for t in span) and not span.root.head.dep_.startswith("nsubj")


def is_as_planned(token: Token) -> bool:
    """ "as planned", "as scheduled": a participle comparing the main clause with a plan,
    which takes its time (and tense) from that clause."""
    return token.tag_ == "VBN" and token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in token.children) and not any(
        c.dep_.startswith("nsubj") for c in token.children)


def is_past_setting(governor: Token, preposition: Token | None) -> bool:
    """ "the record set on Aug. 6", "set Friday as the deadline": the verb "set" tells
    when something was fixed; only "set for Friday" names a time ahead."""
    return governor.lemma_ == "set" and governor.pos_ == "VERB" and (
        preposition is None or preposition.lower_ != "for")


def is_condition_clause(verb: Token, tense: Tense) -> bool:
    """Is ``verb`` the present of a time or condition clause ("when they meet"), or the
    simple past of a hypothetical or reported condition ("if the winter turned out")?"""
    if verb.dep_ != "advcl":
        return False
    words = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")}
    if tense == "present":
        return bool(words & CONDITION_WORDS)
    counterfactual = any(c.dep_ == "aux" and c.lower_ in COUNTERFACTUAL_AUX
                         for c in verb.head.children)  # "would be travelling if it had"
    return bool(words & HYPOTHETICAL_WORDS) and not is_perfect(verb) and not counterfactual


def is_under_future(verb: Token) -> bool:
    """Is ``verb`` the clause of a verb told in the future ("will ask how it has gone")?"""
    above = governing_verb(verb)
    return above is not None and verb.dep_ in ("ccomp", "advcl", "xcomp") and \
        verb_tense(above) == "future"


def is_perfect(verb: Token) -> bool:
    """ "had filed", "has fallen": a perfect tense."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def is_past_perfect(verb: Token) -> bool:
    """ "had filed", "had been scheduled": a past perfect."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had"
                                      for c in verb.children)


def has_singular_subject(verb: Token) -> bool:
    """Has ``verb`` a third-person singular subject ("the index", "she"; not "he and she")?"""
    return any(c.dep_ == "nsubj" and (c.tag_ in ("NN", "NNP") or c.lower_ in ("he", "she", "it"))
               and not any(d.dep_ == "conj" for d in c.children) for c in verb.children)


def is_future_limit(doc: Doc, start: int) -> bool:
    """Is the expression starting at token ``start`` preceded by "as early as" / "as soon as"?"""
    if start < 3:
        return False
    before = [t.lower_ for t in doc[start - 3:start]]
    return before[0] == "as" and before[1] in FUTURE_LIMITS and before[2] == "as"


def governing_verb(token: Token) -> Token | None:
    """The nearest verb (or auxiliary used as main verb) above ``token`` in the parse."""
    current = token
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX") and current.i != token.i:
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def infinitive_tense(verb: Token) -> Tense:
    """ "is set to resume Monday", "plans to meet Friday": future; "staged celebrations
    to mark the day on Friday": past, like the verb it depends on; "had been scheduled
    to expire Friday": past, a plan told as superseded."""
    above = governing_verb(verb)
    if above is not None and is_past_perfect(above):
        return "past"
    if verb.head.lower_ in FUTURE_HEADS:
        return "future"  # "were due to arrive Tuesday": a plan, told in the past
    if above is None or above.lemma_ in FUTURE_LEMMAS:
        return "future"
    return "past" if verb_tense(above) == "past" else "future"


def verb_tense(verb: Token) -> Tense | None:
    """past / present / future of one verb, from its tag and its auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not auxes and verb.dep_ == "conj" and verb.tag_ == "VB" and verb.head.pos_ in (
            "VERB", "AUX"):
        return verb_tense(verb.head)  # "will stay closed and reopen on Friday": future
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX:
        return "future"
    perfect = "have" in words and verb.tag_ == "VBN"
    if words & {"have", "has", "had", "'ve"} and "been" in words and verb.tag_ == "VBG":
        return "past"  # "have been searching since the Oct. 23 slaying"
    if "to" in words and not perfect:
        return infinitive_tense(verb)
    if words & MODALS:
        return "past" if perfect else None  # "could be located Wednesday": either way
    if verb.tag_ == "VBG" and not auxes and verb.head.i != verb.i:
        above = governing_verb(verb)  # a participle clause: "..., saying Sunday that"
        return verb_tense(above) if above is not None else None
    if verb.tag_ == "VBP" and not auxes and has_singular_subject(verb):
        return "past"  # "Weakness hurt the index": a present would read "hurts"
    tags = {verb.tag_} | {a.tag_ for a in auxes}
    if "VBD" in tags:
        return "past"
    if verb.tag_ == "VBN" and words & {"has", "have", "'s", "'ve"}:
        return "past"
    if tags & {"VBZ", "VBP", "VBG"}:
        return "present"
    if verb.tag_ == "VBN":
        return "past"
    return None
