"""The modality of a coded event: negated, conditional, hypothetical, rumoured,
planned or asserted, decided for the event itself.

The cues are data (``lexicon/event_modality.tsv``); this module only knows
where to look for them in the parse: on the trigger and on the chain of words
that govern it through complements ("plans to visit", "expected to meet",
"did not sign", "denied that ... agreed"). Auxiliaries and negations count only
up to the first reported-speech boundary, so "warned that Pyongyang may change
its approach" leaves the warning asserted. Precedence (gold README): negated >
conditional > hypothetical > rumoured > planned > asserted.

It refuses to guess beyond the cues: an event with none is asserted.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsevents.lexicon.events import EventTables

PRECEDENCE = ("negated", "conditional", "hypothetical", "rumoured", "planned")
# Links along which a governing word shapes the event it governs.
GOVERNING_DEPS = frozenset({"xcomp", "ccomp", "acomp", "pcomp", "pobj", "prep", "dobj",
                            "nsubjpass", "nsubj", "conj", "advcl", "attr", "relcl", "acl",
                            "oprd", "compound"})
SPEECH_LEMMAS = frozenset({"say", "tell", "announce", "state", "add", "declare", "claim",
                           "report", "note", "confirm", "write", "explain", "stress",
                           "warn", "insist", "indicate", "reiterate", "suggest", "reply"})
# Links to a clause that is told beside the governing word, not governed by it:
# the governing word's cue ("announced", "denied", "expected") does not reach it.
ADJUNCT_LINKS = frozenset({"advcl", "conj", "relcl", "acl", "parataxis"})
# Governors whose object is an act already done ("agreed a package of sanctions",
# "announced sanctions"); they plan only what their "to" clause says.
CLAUSE_ONLY_GOVERNORS = frozenset({"agree", "announce", "decide", "commit", "approve"})
CLAIM_NOUNS = frozenset({"charge", "claim", "allegation", "accusation", "assertion",
                         "account", "version"})
# Prepositions whose object is told as having taken place, whatever befalls the verb.
PRESUPPOSING_PREPS = frozenset({"after", "following", "since", "amid", "despite"})
CLAUSE_BREAKS = frozenset({"ccomp", "advcl", "relcl", "acl", "conj", "parataxis"})


@dataclass(frozen=True)
class Chain:
    """The trigger, the words governing it, and where reported speech begins."""

    words: tuple[Token, ...]
    boundary: int  # words[:boundary] lie inside the trigger's own clause chain
    reported_by: Token | None  # the speech verb of the reported clause, if any


def governing_chain(trigger: Token, limit: int = 6) -> Chain:
    words = [trigger]
    boundary = 0
    speech: Token | None = None
    current = trigger
    coordinated = True  # only "and" links crossed so far: "said X condemns ... and called on"
    for _ in range(limit):
        if current.dep_ not in GOVERNING_DEPS or current.head.i == current.i:
            break
        if current.dep_ in CLAUSE_BREAKS and not boundary:
            boundary = len(words)
        if speech is None and coordinated and current.dep_ == "ccomp" and \
                current.head.lemma_ in SPEECH_LEMMAS:
            speech = current.head
        coordinated = coordinated and (current.dep_ == "conj"
                                       or current.dep_ not in CLAUSE_BREAKS)
        current = current.head
        words.append(current)
    return Chain(tuple(words), boundary or len(words), speech)


def _cue_words(word: Token, deps: frozenset[str]) -> set[str]:
    return {c.lower_ for c in word.children if c.dep_ in deps}


def _governor_form(word: Token) -> set[str]:
    forms = {word.lemma_.lower(), word.lower_}
    forms |= {f"{word.lemma_.lower()} {c.lower_}" for c in word.children if c.dep_ == "prt"}
    return forms


def _passive(word: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in word.children)


def _speaker_head(speech: Token | None) -> Token | None:
    if speech is None:
        return None
    return next((c for c in speech.children if c.dep_ == "nsubj"), None)


def modality_cues(trigger: Token, tables: EventTables) -> set[str]:
    """Every modality whose cue is found for this trigger."""
    chain = governing_chain(trigger)
    own = chain.words[: chain.boundary]
    found: set[str] = set()
    sentence = " " + " ".join(t.lower_ for t in trigger.sent) + " "
    for modality in PRECEDENCE:
        if any(f" {p} " in sentence for p in tables.cues(modality, "phrase")
               if modality != "negated" or p != "would have"):
            found.add(modality)
    for word in own:
        negs = _cue_words(word, frozenset({"neg"}))
        negs |= {c.lower_ for c in word.children if c.dep_ == "det" and c.lower_ == "no"}
        if negs & tables.cues("negated", "neg"):
            found.add("negated")
        auxes = _cue_words(word, frozenset({"aux"}))
        if "would" in auxes and "have" in auxes:
            found.add("negated")
        elif "would" in auxes and chain.reported_by is not None:
            found.add("planned")
            auxes.discard("would")
        for modality in ("hypothetical", "planned"):
            if auxes & tables.cues(modality, "aux"):
                found.add(modality)
        for modality in ("hypothetical", "rumoured"):
            if _cue_words(word, frozenset({"advmod"})) & tables.cues(modality, "advmod"):
                found.add(modality)
        if (word.i == trigger.i or word.pos_ in ("NOUN", "PROPN")) and \
                {c.lower_ for c in word.children if c.dep_ in ("amod", "compound")} & \
                tables.cues("planned", "amod"):
            found.add("planned")
        if _conditional(word, tables):
            found.add("conditional")
    direct = True  # no that-clause crossed yet: "plans to", not "announced that"
    for below, word in zip(chain.words, chain.words[1:], strict=False):
        if below.dep_ in ADJUNCT_LINKS:
            break  # "after X slapped sanctions, Y announced drills": not governed by Y
        if word.dep_ == "prep" and word.lower_ in PRESUPPOSING_PREPS:
            break  # "failed to agree after three days of talks": the talks took place
        direct = direct and below.dep_ != "ccomp"
        forms = _governor_form(word)
        # a verb plans or predicts what its "to" clause says ("agreed to withdraw"),
        # not what its object names ("agreed a package of sanctions" is done)
        through_clause = word.pos_ != "VERB" or below.dep_ in ("xcomp", "ccomp", "pcomp") \
            or word.lemma_.lower() not in CLAUSE_ONLY_GOVERNORS
        for modality in ("negated", "hypothetical", "planned"):
            if ((direct and through_clause) or modality == "negated") and \
                    forms & tables.cues(modality, "governor") and \
                    not (modality == "negated" and _denies_a_claim(word)):
                found.add(modality)
        if forms & tables.cues("rumoured", "governor") and (
                word.pos_ == "NOUN" or word.lemma_ in ("rumor", "rumour") or _passive(word)):
            found.add("rumoured")
    speaker = _speaker_head(chain.reported_by)
    if speaker is not None and speaker.lemma_.lower() in tables.cues("rumoured", "speaker"):
        found.add("rumoured")
    return found


def _denies_a_claim(governor: Token) -> bool:
    """"he accused the army of X, a charge officials denied": what is denied is the
    claim the clause reports, not that it was made (the parser hangs the clause on
    the denial)."""
    return any(t.lemma_.lower() in CLAIM_NOUNS for c in governor.children
               if c.dep_ in ("nsubj", "dobj") for t in c.subtree)


def _conditional(word: Token, tables: EventTables) -> bool:
    marks = tables.cues("conditional", "mark")
    for clause in [word, *[c for c in word.children if c.dep_ == "advcl"]]:
        if clause is word and word.dep_ != "advcl":
            continue
        if any(m.dep_ == "mark" and m.lower_ in marks for m in clause.children):
            return True
    return False


def modality_of(trigger: Token, tables: EventTables) -> str:
    """The strongest modality whose cue is found, else asserted."""
    found = modality_cues(trigger, tables)
    return next((m for m in PRECEDENCE if m in found), "asserted")


def reporting_verb(trigger: Token) -> Token | None:
    """The speech verb whose reported clause holds the trigger, if any."""
    return governing_chain(trigger).reported_by
