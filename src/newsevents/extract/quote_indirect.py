"""Indirect speech: "X said that ..." and "according to X, ..." as quotes of kind indirect.

The text of an indirect quote is the complement clause of the reporting verb
("the talks would resume", without a leading "that"), or, for "according to X",
the rest of its sentence. A verb inside a quote, a complement that is itself
mostly quoted (a direct quote the parser hung on "said"), and a statement
whose speaker cannot be told are left out: indirect speech is never kept
without a speaker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.attrs import LOWER, POS, TAG
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Token

from newsevents.extract.actor_words import surface
from newsevents.extract.quote_attribution import Attributor
from newsevents.records import Quote, Speaker

MIN_WORDS = 3


def indirect_quotes(doc: Doc, attributor: Attributor, masked: frozenset[int],
                    speaker_of: Callable[[Token], Speaker | None],
                    occasion_of: Callable[[Token, Speaker], str | None]) -> Iterator[Quote]:
    """Yield indirect quotes in text order."""
    for token in _may_report(doc):
        if token.i in masked:
            continue
        if token.lower_ == "according":
            found = _according(doc, token, attributor, masked, speaker_of)
            if found is not None:
                yield found
            continue
        if not attributor.is_verb(token, labels=False):
            continue
        for clause in (c for c in token.children if c.dep_ == "ccomp"):
            words = _words(clause, token, masked)
            if words is None:
                continue
            subject = attributor.subject(token)
            speaker = speaker_of(subject) if subject is not None else None
            if speaker is None:
                continue
            start, end = words[0].idx, words[-1].idx + len(words[-1].text)
            yield Quote(speaker=speaker, text=attributor.text[start:end], kind="indirect",
                        span=(start, end), occasion=occasion_of(token, speaker),
                        verb=token.text)


def _may_report(doc: Doc) -> list[Token]:
    """The tokens that may report speech, read from the doc's arrays: "according" and
    the verbs (by part of speech or tag, as ``Attributor.is_verb`` reads them)."""
    strings = doc.vocab.strings
    rows = doc.to_array([LOWER, POS, TAG]).tolist()
    verb_tags = {tag for tag in {row[2] for row in rows} if strings[tag].startswith("VB")}
    according = strings["according"]
    return [doc[i] for i, (lower, pos, tag) in enumerate(rows)
            if lower == according or pos in (VERB, AUX) or tag in verb_tags]


def _words(clause: Token, verb: Token, masked: frozenset[int]) -> list[Token] | None:
    """The clause's words in its sentence, without a leading "that"; None when it is
    mostly quoted, too short or sits before the verb inside a quote-like frame."""
    inside = _paragraph_sentence(verb)
    words = [t for t in clause.subtree if t.i in inside]
    while words and (words[0].dep_ == "mark" or words[0].is_punct):
        words = words[1:]
    while words and words[-1].is_punct and words[-1].text not in ".?!":
        words = words[:-1]
    if len([t for t in words if not t.is_punct]) < MIN_WORDS:
        return None
    quoted = sum(1 for t in words if t.i in masked)
    if quoted * 2 > len(words):
        return None
    return words


def _paragraph_sentence(token: Token) -> range:
    """The token indices of ``token``'s sentence that lie in its paragraph."""
    sentence, doc = token.sent, token.doc
    # each word's text sliced from the doc's text: a Token object per word costs more
    start = token.i
    while start > sentence.start and "\n" not in surface(doc, start - 1, start):
        start -= 1
    end = token.i
    while end < sentence.end and "\n" not in surface(doc, end, end + 1):
        end += 1
    return range(start, end)


def _according(doc: Doc, token: Token, attributor: Attributor, masked: frozenset[int],
               speaker_of: Callable[[Token], Speaker | None]) -> Quote | None:
    found = attributor.according_to([token])
    if found is None or found.subject is None:
        return None
    sentence = token.sent
    if any(t.i in masked for t in sentence):
        return None  # the quotes of this sentence carry the attribution
    phrase = {t.i for t in token.subtree} | {t.i for t in doc[token.i + 1].subtree}
    inside = _paragraph_sentence(token)
    words = [t for t in sentence if t.i not in phrase and t.i in inside]
    while words and words[0].is_punct:
        words = words[1:]
    if len([t for t in words if not t.is_punct]) < MIN_WORDS:
        return None
    speaker = speaker_of(found.subject)
    if speaker is None:
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    return Quote(speaker=speaker, text=attributor.text[start:end], kind="indirect",
                 span=(start, end),
                 verb="according to")
