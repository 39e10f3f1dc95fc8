"""Who a pronoun stands for, when the text makes it plain.

Two uses:

- an owning "its"/"their" on a noun points to the body that is the subject of the
  noun's clause, or of the clause it depends on: "Oman said its foreign minister had
  called", "The EU pledged aid, and its ambassador said ...". A person never owns
  by "its"; a subject that is only a person or names no state or IGO gives nothing;
- a subject pronoun outside quotation marks ("He said he would travel ...", "It
  rejected the offer") stands for an actor named just before it (see
  ``pronoun_mentions``).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsevents.records import Actor

OWNING_PRONOUNS = frozenset({"its", "their"})
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Clauses whose subject is the one of the clause they hang on: "began pulling its troops",
# "Kenya said its troops would stay", "The EU pledged aid, and its envoy said".
SHARED_SUBJECT_DEPS = frozenset({"xcomp", "ccomp", "conj", "advcl"})
CLAUSES_UP = 3


def owning_subject(noun: Token, actor_at: Callable[[Token], Actor | None]) -> Actor | None:
    """The body the owning pronoun on ``noun`` points to, read with ``actor_at`` from the
    subject of the noun's clause or of one it depends on (up to three clauses up)."""
    verb = noun
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for _ in range(CLAUSES_UP):
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS
                        and not c.left_edge.i <= noun.i <= c.right_edge.i), None)
        if subject is not None:
            actor = actor_at(subject)
            return actor if is_body(actor) else None
        if verb.dep_ not in SHARED_SUBJECT_DEPS or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def is_body(actor: Actor | None) -> bool:
    """Whether an actor can be called "it": a state, an IGO or a placed organisation."""
    return actor is not None and actor.kind != "person" and bool(actor.country or actor.igo)
