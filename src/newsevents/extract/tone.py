"""GDELT-style tone figures and the loaded terms an article uses (issue #6).

``extract_tone`` reads only the text outside ``skip`` (web debris and the
dateline) and returns the seven figures of GDELT's V2Tone field (GDELT 2.0
Event and GKG codebooks), each a percentage of the article's words except the
word count itself:

- ``words``: the number of words, a word being an alphabetic spaCy token
  ("don't" is one word, "do"; numbers and punctuation are not words).
- ``positive``: the share of words that carry positive emotion.
- ``negative``: the share of words that carry negative emotion.
- ``tone``: positive minus negative. GDELT reads it on a -100..+100 scale
  where most news falls between -10 and +10; below zero the language leans
  negative.
- ``polarity``: positive plus negative, GDELT's measure of how emotionally
  charged the text is whatever the direction: a text can have a tone near zero
  and a high polarity when it is both strongly positive and strongly negative.
- ``activity``: activity reference density, GDELT's share of "active" words.
  Here: tokens spaCy tags VERB (auxiliaries are AUX, so not counted).
- ``self_group``: self/group reference density, GDELT's share of pronouns
  that speak for oneself or one's group: I, we, me, us, my, our, ours, myself,
  ourselves (an all-capital "US" is the country, not the pronoun).

Positive and negative words come from VADER's word list (``vadersentiment``,
read through the ``Lexicon``): a word counts as positive when its mean valence
is at least +1.0 on VADER's -4..+4 scale, negative when at most -1.0 (a mean
below 1 in size means the raters barely felt it). It is looked up by its
lower-case form, then its lemma, and only when spaCy tags it as a content word
(noun, verb, adjective, adverb or interjection): "like" the preposition and
"no" the determiner are not emotions. There is no negation or intensifier
handling, as in GDELT: these are word counts, not sentence scores.

``loaded_terms`` are the distinct entries of our ``loaded_terms.tsv`` found in
the text, as printed there (lower-cased), in order of first appearance.
Matching is hand-written rather than spaCy's ``Matcher`` because each token
must match on either its form or its lemma, hyphens must be transparent, and a
term can be cancelled by the word before it ("sanctions regime"); the longest
entry starting at a word wins.

All figures are rounded to 3 decimals; ``tone`` and ``polarity`` are computed
from the rounded ``positive`` and ``negative`` so that they add up exactly.
Returns None only when no word lies outside ``skip``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsevents.extract.spans import overlaps
from newsevents.lexicon import Lexicon
from newsevents.lexicon.tone import LoadedTerm
from newsevents.records import Article, Span, Tone

VALENCE_THRESHOLD = 1.0  # |mean valence| on VADER's -4..+4 scale
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV", "INTJ"})
SELF_GROUP = frozenset({"i", "we", "me", "us", "my", "our", "ours", "myself", "ourselves"})
HYPHENS = frozenset({"-", "‐", "‑"})  # hyphen-minus, hyphen, non-breaking hyphen
DECIMALS = 3

# A token stream for term matching: None marks a break (a skipped token).
Stream = Sequence[Token | None]


@dataclass(frozen=True)
class Counts:
    """How many words of each kind an article has."""

    words: int
    positive: int
    negative: int
    activity: int
    self_group: int


def extract_tone(
    doc: Doc, article: Article, *, skip: Sequence[Span], lexicon: Lexicon
) -> Tone | None:
    """The seven V2Tone figures and the loaded terms over the text outside ``skip``.

    None when no word lies outside ``skip``; never a placeholder figure.
    """
    kept = [token for token in doc if not overlaps(token_span(token), skip)]
    counts = count_words([token for token in kept if token.is_alpha], lexicon.valence)
    if counts.words == 0:
        return None
    positive = percent(counts.positive, counts.words)
    negative = percent(counts.negative, counts.words)
    return Tone(
        tone=round(positive - negative, DECIMALS),
        positive=positive,
        negative=negative,
        polarity=round(positive + negative, DECIMALS),
        activity=percent(counts.activity, counts.words),
        self_group=percent(counts.self_group, counts.words),
        words=counts.words,
        loaded_terms=find_loaded_terms(match_stream(doc, skip), lexicon.loaded_terms),
    )


def token_span(token: Token) -> Span:
    return (token.idx, token.idx + len(token.text))


def percent(part: int, whole: int) -> float:
    return round(100.0 * part / whole, DECIMALS)


def valence_of(token: Token, valence: Mapping[str, float]) -> float:
    """VADER's mean valence of a content word (by form, then lemma); 0 otherwise."""
    if token.pos_ not in CONTENT_POS:
        return 0.0
    found = valence.get(token.lower_)
    if found is None:
        found = valence.get(token.lemma_.lower(), 0.0)
    return found


def is_self_group(token: Token) -> bool:
    """I, we, our ...; not "US" or "WE" written in capitals as a name."""
    return token.lower_ in SELF_GROUP and not (len(token.text) > 1 and token.text.isupper())


def count_words(words: Iterable[Token], valence: Mapping[str, float]) -> Counts:
    """Word, positive, negative, verb and self/group counts of alphabetic tokens."""
    total = positive = negative = activity = self_group = 0
    for token in words:
        total += 1
        score = valence_of(token, valence)
        positive += score >= VALENCE_THRESHOLD
        negative += score <= -VALENCE_THRESHOLD
        activity += token.pos_ == "VERB"
        self_group += is_self_group(token)
    return Counts(total, positive, negative, activity, self_group)


def match_stream(doc: Doc, skip: Sequence[Span]) -> list[Token | None]:
    """The tokens terms are matched over: hyphens dropped, skipped tokens as breaks."""
    stream: list[Token | None] = []
    for token in doc:
        if overlaps(token_span(token), skip):
            stream.append(None)
        elif token.text not in HYPHENS:
            stream.append(token)
    return stream


def keys(token: Token | None) -> frozenset[str]:
    """What a token matches an entry word by: its lower-case form and its lemma."""
    if token is None:
        return frozenset()
    return frozenset({token.lower_, token.lemma_.lower()})


def matches_at(stream: Stream, i: int, pattern: LoadedTerm) -> bool:
    """Whether ``pattern`` matches the stream from position ``i``."""
    end = i + len(pattern.words)
    if end > len(stream):
        return False
    if any(word not in keys(stream[i + k]) for k, word in enumerate(pattern.words)):
        return False
    return not (i > 0 and pattern.except_after & keys(stream[i - 1]))


def longest_match(stream: Stream, i: int, table: Mapping[str, tuple[LoadedTerm, ...]]) -> int:
    """The length of the longest entry matching from ``i`` (0 when none does)."""
    candidates = [p for key in keys(stream[i]) for p in table.get(key, ())]
    return max((len(p.words) for p in candidates if matches_at(stream, i, p)), default=0)


def printed(stream: Stream, start: int, length: int) -> str:
    """The text a match covers, as printed (hyphens included), lower-cased."""
    first, last = stream[start], stream[start + length - 1]
    assert first is not None and last is not None
    return " ".join(first.doc.text[first.idx : last.idx + len(last.text)].lower().split())


def find_loaded_terms(
    stream: Stream, table: Mapping[str, tuple[LoadedTerm, ...]]
) -> tuple[str, ...]:
    """The distinct loaded terms of the stream, in order of first appearance."""
    found: dict[str, None] = {}
    i = 0
    while i < len(stream):
        length = longest_match(stream, i, table) if stream[i] is not None else 0
        if length:
            found.setdefault(printed(stream, i, length))
        i += max(length, 1)
    return tuple(found)
