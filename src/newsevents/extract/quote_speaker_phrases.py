"""What the words of a subject's phrase say about whom it names.

The same noun names someone different by the words around it: "the ministry"
is the body named before, "the Indonesian foreign ministry" names its owner,
"a Chinese company" is no one we can tell; and a subject inside what someone
is reported to have said is not who the story is about. A speaker's name is
given without the article and possessive its phrase wraps it in.
"""

from __future__ import annotations

from spacy.tokens import Token


def reported(token: Token, speech_verbs: frozenset[str]) -> bool:
    """Whether ``token`` sits in what someone is reported to have said ("He said that
    Kim could be banking ..."): such a subject is not who the story is about."""
    for _ in range(12):
        if token.dep_ == "ccomp" and token.head.lemma_.lower() in speech_verbs:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def named_body(token: Token) -> bool:
    """A body its phrase makes one of a kind: "the Indonesian foreign ministry",
    "Marais's office"; not "a Chinese company"."""
    return owner_named(token) and (
        definite(token) or any(c.dep_ == "poss" for c in token.children))


def owner_named(token: Token) -> bool:
    """Whether a body's phrase names whose it is: "Venezuela's government", "the
    Indonesian foreign ministry", "the Kenya Defence Forces"."""
    return any((c.dep_ == "poss" and c.pos_ == "PROPN")
               or (c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "GPE")
                                                       or c.pos_ == "PROPN"))
               for c in token.children)


def definite(token: Token) -> bool:
    return any((c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
               or (c.dep_ == "poss" and c.pos_ == "PRON") for c in token.children)


def clean(text: str) -> str:
    """A phrase without a leading article or trailing possessive and punctuation."""
    words = text.split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    text = " ".join(words).strip(" ,;:—–-")
    for mark in ("’s", "'s"):
        if text.endswith(mark):
            text = text[: -len(mark)]
    return text
