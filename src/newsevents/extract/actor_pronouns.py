"""Who a pronoun stands for, when the text makes it plain.

Two uses:

- an owning "its"/"their" on a noun points to the body that is the subject of the
  noun's clause, or of the clause it depends on: "Oman said its foreign minister had
  called", "The EU pledged aid, and its ambassador said ...". A person never owns
  by "its"; a subject that is only a person or names no state or IGO gives nothing;
- a pronoun outside quotation marks ("He said he would travel ...", "It rejected
  the offer", "their envoy") stands for an actor named just before it, and only
  when the choice is plain (``pronoun_mentions``): first the subject of the
  clause the pronoun's clause hangs on ("Lim said he ..."); else, for he/she, the
  one person named earlier in the sentence, else the subject of the sentence
  before when it is a person, else the one person that sentence names (but
  nobody across a paragraph break after a sentence naming two people); for
  it/they, the subject of the sentence before when it is a body (a state, an
  IGO, a placed organisation) of the pronoun's number, and only for a subject
  or an owner ("It was escorted to port" is a ship more often than a state);
  an it/they whose own clause hangs on another subject goes with that subject
  or nobody ("the office said its plan ..."). Two persons where one is
  wanted, a pronoun inside a quotation (the coder gives those to the speaker),
  an "it" of weather or of a clause ("it is unclear") get nothing: a wrong
  antecedent makes a wrong event, a missing one only a missed event.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from newsevents.extract.actor_words import doc_text, token_ends, token_starts
from newsevents.records import Actor, Mention

OWNING_PRONOUNS = frozenset({"its", "their"})
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Clauses whose subject is the one of the clause they hang on: "began pulling its troops",
# "Kenya said its troops would stay", "The EU pledged aid, and its envoy said".
SHARED_SUBJECT_DEPS = frozenset({"xcomp", "ccomp", "conj", "advcl"})
CLAUSES_UP = 3
PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her"})
BODY_PRONOUNS = frozenset({"it", "its"})
GROUP_PRONOUNS = frozenset({"they", "them", "their"})
PRONOUNS = PERSON_PRONOUNS | BODY_PRONOUNS | GROUP_PRONOUNS
REFERRING_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "dobj", "pobj"})
# "It is unclear", "it seems", "it took three days": an "it" that refers to nothing.
EMPTY_IT_VERBS = frozenset({"be", "seem", "appear", "remain", "take", "happen", "mean",
                            "matter", "cost", "follow", "come", "rain", "snow"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
OPENING_QUOTES = frozenset("“‘")
CLOSING_QUOTES = frozenset("”’")
_QUOTING = re.compile(  # what _inside_after reads
    "[" + re.escape("".join(sorted(OPENING_QUOTES | CLOSING_QUOTES)) + '"\n') + "]")


def owning_subject(noun: Token, actor_at: Callable[[Token], Actor | None]) -> Actor | None:
    """The body the owning pronoun on ``noun`` points to, read with ``actor_at`` from the
    subject of the noun's clause or of one it depends on."""
    subject = clause_subject(noun)
    actor = actor_at(subject) if subject is not None else None
    return actor if is_body(actor) else None


def clause_subject(word: Token) -> Token | None:
    """The subject of the clause ``word`` sits in (not ``word``'s own phrase), or of the
    clause that one depends on, up to three clauses up; a relative clause depends on the
    clause of the noun it modifies ("the US imposed curbs on officials it accused")."""
    verb = _clause_verb(word)
    for _ in range(CLAUSES_UP):
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS
                        and not c.left_edge.i <= word.i <= c.right_edge.i), None)
        if subject is not None:
            return subject
        if verb.dep_ == "relcl":
            verb = _clause_verb(verb.head)
            continue
        if verb.dep_ not in SHARED_SUBJECT_DEPS or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _clause_verb(word: Token) -> Token:
    """The verb of the clause ``word`` sits in (the parser hangs a subject on "was" at
    times, so auxiliaries lead on to their verb)."""
    verb = word
    while (verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("aux", "auxpass")) \
            and verb.head.i != verb.i:
        verb = verb.head
    return verb


def is_body(actor: Actor | None) -> bool:
    """Whether an actor can be called "it": a state, an IGO or a placed organisation."""
    return actor is not None and actor.kind != "person" and bool(actor.country or actor.igo)


def pronoun_mentions(doc: Doc, mentions: Sequence[Mention],
                     actors: Mapping[str, Actor]) -> list[Mention]:
    """A PRONOUN mention, linked to its antecedent's actor, for each pronoun outside
    quotation marks whose antecedent is plain."""
    actor_at = _token_actors(doc, mentions, actors)
    quoted = _quoted_tokens(doc)
    found = []
    sentences = list(doc.sents)
    # pronouns found in the doc's array of lower-case forms: no Token object per word
    lowers = doc.to_array(LOWER).tolist()
    pronouns = {doc.vocab.strings[word] for word in PRONOUNS}
    for index, sentence in enumerate(sentences):
        before = sentences[index - 1] if index else None
        for token in (doc[i] for i in range(sentence.start, sentence.end)
                      if lowers[i] in pronouns):
            if token.dep_ not in REFERRING_DEPS or token.i in actor_at \
                    or token.i in quoted or _empty_it(token):
                continue
            governing = _governing(token, actor_at)
            if token.lower_ not in PERSON_PRONOUNS and (
                    governing is not None or clause_subject(token) is not None):
                if governing is not None:  # "Kenya said it ...": the coder's own rule
                    actor_at[token.i] = governing
                if governing is not None and _relative_subject(token):
                    # "officials it accused": the coder's rule would read the speaker
                    found.append(_mention(token, sentence, governing))
                continue  # "the office said its plan": whatever the subject is, not further
            antecedent = governing or _antecedent(token, sentence, before, actor_at, quoted)
            if antecedent is None:
                continue
            actor_at[token.i] = antecedent
            found.append(_mention(token, sentence, antecedent))
    return found


def _mention(pronoun: Token, sentence: Span, antecedent: Actor) -> Mention:
    return Mention(text=pronoun.text, label="PRONOUN",
                   span=(pronoun.idx, pronoun.idx + len(pronoun.text)),
                   sentence=(sentence.start_char, sentence.end_char), actor_id=antecedent.id)


def _relative_subject(pronoun: Token) -> bool:
    """Whether the pronoun is the subject of a relative clause ("the officials it
    accused"), whose antecedent the event coder cannot read from the speaker."""
    return pronoun.dep_ in SUBJECT_DEPS and pronoun.head.dep_ == "relcl"


def _token_actors(doc: Doc, mentions: Sequence[Mention],
                  actors: Mapping[str, Actor]) -> dict[int, Actor]:
    """The actor of each token inside a linked mention; the shortest mention wins
    ("Sudan" inside "Sudan's army" is the state)."""
    by_token: dict[int, Actor] = {}
    # each mention's tokens found by bisection in the token offsets: char_span would make
    # a Span, and iterating it a Token per word
    starts, ends = token_starts(doc), token_ends(doc)
    for mention in sorted(mentions, key=lambda m: m.span[0] - m.span[1]):
        actor_id = mention.actor_id
        if actor_id is None or actor_id not in actors:
            continue
        for i in range(bisect_right(ends, mention.span[0]), bisect_left(starts, mention.span[1])):
            by_token[i] = actors[actor_id]
    return by_token


def _quoted_tokens(doc: Doc) -> set[int]:
    """The tokens that sit between quotation marks opened in their paragraph (a line
    break closes any mark left open)."""
    # Only the quotation marks and line breaks change what is quoted: walk those and the
    # token starts side by side rather than every character of the text.
    marks = [(m.start(), m.group()) for m in _QUOTING.finditer(doc_text(doc))]
    quoted, inside, passed = set(), False, 0
    for i, start in enumerate(token_starts(doc)):
        while passed < len(marks) and marks[passed][0] < start:
            inside = _inside_after(inside, marks[passed][1])
            passed += 1
        if inside:
            quoted.add(i)
    return quoted


def _inside_after(inside: bool, char: str) -> bool:
    """Whether the text after ``char`` is quoted, given whether the text before it was."""
    if char == "\n":
        return False
    if char in OPENING_QUOTES:
        return True
    if char in CLOSING_QUOTES:
        return False
    return not inside if char == '"' else inside


def _empty_it(token: Token) -> bool:
    return token.lower_ == "it" and (token.dep_ == "expl" or (
        token.dep_ in SUBJECT_DEPS and token.head.lemma_.lower() in EMPTY_IT_VERBS))


def _governing(token: Token, actor_at: Mapping[int, Actor]) -> Actor | None:
    """The antecedent that is the subject of the clause the pronoun's clause hangs on:
    "Lim said he ...", "Kenya said it would ..."."""
    subject = clause_subject(token)
    actor = actor_at.get(subject.i) if subject is not None else None
    return actor if subject is not None and _fits(token)(actor, subject) else None


def _antecedent(token: Token, sentence: Span, before: Span | None,
                actor_at: Mapping[int, Actor], quoted: set[int]) -> Actor | None:
    """The antecedent named before the pronoun's clause (see the module's rules)."""
    fits = _fits(token)
    if token.lower_ in PERSON_PRONOUNS:
        earlier = _people(sentence, token.i, actor_at, quoted)
        if earlier:
            return earlier[0] if len(earlier) == 1 else None
    if before is None or (token.lower_ not in PERSON_PRONOUNS and token.dep_ not in (
            "nsubj", "poss")):
        return None  # "It was escorted to port": a thing done to, more often than a state
    named = _people(before, before.end, actor_at, quoted)
    if len(named) > 1 and "\n" in token.doc[before.end - 1:sentence.start + 1].text:
        return None  # a new paragraph after two people: no telling whom it goes on with
    subject = _subject(before)
    if subject is not None and fits(actor_at.get(subject.i), subject) \
            and subject.i not in quoted:
        return actor_at[subject.i]
    if token.lower_ not in PERSON_PRONOUNS:
        return None
    return named[0] if len(named) == 1 else None


def _fits(pronoun: Token) -> Callable[[Actor | None, Token], bool]:
    """Whether an actor named by a phrase headed ``head`` can be what the pronoun stands
    for: a person for he/she, a body of the pronoun's number for it/they."""
    word = pronoun.lower_

    def fits(actor: Actor | None, head: Token) -> bool:
        if actor is None:
            return False
        if word in PERSON_PRONOUNS:
            return actor.kind == "person"
        if not is_body(actor) or any(c.dep_ == "conj" for c in head.children):
            return False  # "Qatar and Turkey said they": two actors, one mention
        return (head.tag_ in PLURAL_TAGS) == (word in GROUP_PRONOUNS)

    return fits


def _subject(sentence: Span) -> Token | None:
    root = sentence.root
    return next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)


def _people(sentence: Span, end: int, actor_at: Mapping[int, Actor],
            quoted: set[int]) -> list[Actor]:
    """The distinct persons named in a sentence before token ``end``, outside quotation
    marks (a person a speaker quotes is not who the narrative goes on with)."""
    people: dict[str, Actor] = {}
    for token in sentence:
        actor = actor_at.get(token.i)
        if token.i < end and actor is not None and actor.kind == "person" \
                and token.i not in quoted:
            people.setdefault(actor.id, actor)
    return list(people.values())
