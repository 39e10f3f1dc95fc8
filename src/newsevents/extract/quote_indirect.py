"""Indirect speech: "X said that ..." and "according to X, ..." as quotes of kind indirect.

The text of an indirect quote is the complement clause of the reporting verb
("the talks would resume", without a leading "that"), or, for "according to X",
the rest of its sentence. A verb inside a quote, a complement that is itself
mostly quoted (a direct quote the parser hung on "said"), and a statement
whose speaker cannot be told are left out: indirect speech is never kept
without a speaker.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence

from spacy.attrs import LOWER, POS, TAG
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Token

from newsevents.extract.actor_words import doc_text, token_ends, token_starts
from newsevents.extract.quote_attribution import Attributor
from newsevents.records import Quote, Speaker

MIN_WORDS = 3


def indirect_quotes(doc: Doc, attributor: Attributor, masked: frozenset[int],
                    speaker_of: Callable[[Token], Speaker | None],
                    occasion_of: Callable[[Token, Speaker], str | None]) -> Iterator[Quote]:
    """Yield indirect quotes in text order."""
    breaks = _line_breaks(doc)
    for token in _may_report(doc):
        if token.i in masked:
            continue
        if token.lower_ == "according":
            found = _according(doc, token, attributor, masked, speaker_of, breaks)
            if found is not None:
                yield found
            continue
        if not attributor.is_verb(token, labels=False):
            continue
        for clause in (c for c in token.children if c.dep_ == "ccomp"):
            words = _words(clause, token, masked, breaks)
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


def _words(clause: Token, verb: Token, masked: frozenset[int],
           breaks: Sequence[int]) -> list[Token] | None:
    """The clause's words in its sentence, without a leading "that"; None when it is
    mostly quoted, too short or sits before the verb inside a quote-like frame."""
    inside = _paragraph_sentence(verb, breaks)
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


def _line_breaks(doc: Doc) -> list[int]:
    """The indices of the tokens holding a line break, in order."""
    # found in the text (line breaks are few), not by reading every token
    text, starts, ends = doc_text(doc), token_starts(doc), token_ends(doc)
    found: list[int] = []
    at = text.find("\n")
    while at != -1:
        i = bisect_right(starts, at) - 1
        if i >= 0 and at < ends[i] and (not found or found[-1] != i):
            found.append(i)
        at = text.find("\n", at + 1)
    return found


def _paragraph_sentence(token: Token, breaks: Sequence[int]) -> range:
    """The token indices of ``token``'s sentence that lie in its paragraph (``breaks``:
    the tokens holding a line break, ``_line_breaks``)."""
    sentence = token.sent
    before = bisect_left(breaks, token.i)  # the breaks before the token
    start = max(sentence.start, breaks[before - 1] + 1) if before else sentence.start
    end = min(sentence.end, breaks[before]) if before < len(breaks) else sentence.end
    return range(start, end)


def _according(doc: Doc, token: Token, attributor: Attributor, masked: frozenset[int],
               speaker_of: Callable[[Token], Speaker | None],
               breaks: Sequence[int]) -> Quote | None:
    found = attributor.according_to([token])
    if found is None or found.subject is None:
        return None
    sentence = token.sent
    if any(t.i in masked for t in sentence):
        return None  # the quotes of this sentence carry the attribution
    phrase = {t.i for t in token.subtree} | {t.i for t in doc[token.i + 1].subtree}
    inside = _paragraph_sentence(token, breaks)
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
