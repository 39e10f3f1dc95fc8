"""GDELT-style tone figures and the loaded terms an article uses (issue #6).

``extract_tone`` reads only the text outside ``skip`` (web debris and the
dateline) and returns the seven tone figures of GDELT's GKG (the six of the
V1.5 TONE field, and the word count V2Tone adds), each a percentage of the
article's words except the word count itself:

- ``words``: the number of words, a word being an alphabetic spaCy token
  ("don't" is one word, "do"; numbers and punctuation are not words).
- ``positive``: the share of words that carry positive emotion (see below).
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

Which words carry emotion (``charge_of``), on VADER's -4..+4 scale:

- Valence: our ``news_valence.tsv`` first, then VADER's word list
  (``vadersentiment``, read through the ``Lexicon``), each looked up by the
  word's lower-case form, then its lemma, and only for content words (noun,
  verb, adjective, adverb, interjection): "like" the preposition and "no" the
  determiner are not emotions. The news table reads as descriptive (valence 0)
  the words flat reporting must use to say what happened: events ("killed",
  "attack"), legal steps ("arrested"), measures ("sanctions", "agreed"),
  reported stances ("condemned", "welcomed"), economic movements ("eased"),
  and VADER senses that do not fit news ("party", "security"). Both signs are
  damped alike, so tone measures how a text speaks, not whether its news is
  good or bad.
- A word counts as positive when its valence is at least +1.0, negative when
  at most -1.0 (a mean below 1 in size means VADER's raters barely felt it).
- Negation (``is_negated``): a word with a negator among its dependents
  ("not", "n't", "never", "no", "nothing", ...; not "not only"), a predicate
  whose verb has one ("was not happy"), or the object of "without". A negated
  positive word counts as negative ("was not happy" is a complaint); a negated
  negative word counts as neither, since "not bad" is not praise.
- Loaded terms weigh as emotion in the writer's own voice: each occurrence of a
  ``loaded_terms.tsv`` entry counts as one negative word (one positive word for
  kind ``glorifying``), in place of the valence of the words it covers, so that
  "thuggish" or "puppet masters" count although VADER lacks them. A term the
  article reports as someone else's word is not the writer's framing and keeps
  only its words' valence, like any word: inside quotation marks (as
  ``quote_marks.find_passages`` reads them), or what a naming verb calls someone
  ("called the minister a traitor", "branded them traitors", "described him as
  a thug"). Other quoted words are counted like the rest of the text, as GDELT
  does: a quoted lament is part of how the story speaks.

``loaded_terms`` are the distinct entries of our ``loaded_terms.tsv`` found in
the text, as printed there (lower-cased), in order of first appearance, whether
or not they are attributed. Matching is hand-written rather than spaCy's
``Matcher`` because each token must match on either its form or its lemma,
hyphens must be transparent, and a term can be cancelled by the word before it
("sanctions regime"); the longest entry starting at a word wins.

Reading ``tone`` as a label (bench/tone.py scores our labelled passages so):
below -1.0 the text speaks negatively, above +1.0 positively, and a neutral
text has |tone| <= 1.0, that is in a short passage no charged word in excess.

All figures are rounded to 3 decimals; ``tone`` and ``polarity`` are computed
from the rounded ``positive`` and ``negative`` so that they add up exactly.
Returns None only when no word lies outside ``skip``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.attrs import IS_ALPHA, LEMMA, LOWER, ORTH, POS
from spacy.symbols import ADJ, ADV, INTJ, NOUN, VERB
from spacy.tokens import Doc, Token

from newsevents.extract.quote_marks import find_passages
from newsevents.extract.spans import overlapping, overlaps, token_bounds
from newsevents.lexicon import Lexicon
from newsevents.lexicon.tone import LoadedTerm
from newsevents.records import Article, Span, Tone

VALENCE_THRESHOLD = 1.0  # |mean valence| on VADER's -4..+4 scale
CONTENT_POS = frozenset({NOUN, VERB, ADJ, ADV, INTJ})  # spaCy's ids of the parts of speech
SELF_GROUP = frozenset({"i", "we", "me", "us", "my", "our", "ours", "myself", "ourselves"})
HYPHENS = frozenset({"-", "‐", "‑"})  # hyphen-minus, hyphen, non-breaking hyphen
DECIMALS = 3
NEGATORS = frozenset({"not", "n't", "never", "no", "nothing", "none", "nobody", "neither",
                      "nor", "hardly"})
# "not only X but Y" affirms X: a negator before these words negates nothing.
NOT_NEGATING_NEXT = frozenset({"only", "just", "merely", "simply"})
# Dependents that take their verb's negation: "was not happy", "did not seem fair".
PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd", "xcomp"})
# Verbs whose second complement is a name someone gives ("called him a traitor").
NAMING_VERBS = frozenset({"call", "brand", "label", "dub", "describe", "denounce", "term",
                          "portray", "depict", "characterise", "characterize"})
NAME_DEPS = frozenset({"oprd", "dobj", "attr"})
POSITIVE_KINDS = frozenset({"glorifying"})  # every other loaded kind disparages

# A token stream for term matching (token indices): None marks a break (a skipped token).
Stream = Sequence[int | None]


@dataclass(frozen=True)
class Columns:
    """Each token's form, lemma, part of speech, text and whether it is alphabetic (spaCy
    ids), read from the doc's arrays: a Token object for every word costs more than the
    counting, so one is made only for the few words that need their parse."""

    doc: Doc
    lower: list[int]
    lemma: list[int]
    pos: list[int]
    alpha: list[int]
    orth: list[int]

    @classmethod
    def of(cls, doc: Doc) -> Columns:
        rows = doc.to_array([LOWER, LEMMA, POS, IS_ALPHA, ORTH])
        return cls(doc, *(rows[:, column].tolist() for column in range(5)))


@dataclass(frozen=True)
class Counts:
    """How many words of each kind an article has."""

    words: int
    positive: int
    negative: int
    activity: int
    self_group: int


@dataclass(frozen=True)
class Found:
    """One occurrence of a loaded term: the text as printed and the tokens it covers."""

    text: str
    kind: str
    tokens: tuple[Token, ...]

    @property
    def sign(self) -> int:
        return 1 if self.kind in POSITIVE_KINDS else -1


def extract_tone(
    doc: Doc, article: Article, *, skip: Sequence[Span], lexicon: Lexicon
) -> Tone | None:
    """The seven V2Tone figures and the loaded terms over the text outside ``skip``.

    None when no word lies outside ``skip``; never a placeholder figure.
    """
    text = article.text  # the text of ``doc``, which spaCy rebuilds on each access
    skipped_tokens = overlapping(*token_bounds(doc), skip)
    columns = Columns.of(doc)
    found = find_loaded(match_stream(columns, skipped_tokens), columns, lexicon.loaded_terms,
                        text)
    quoted = tuple(piece for passage in find_passages(text, skip) for piece in passage.pieces)
    framing = [term for term in found if not is_attributed(term, quoted)]
    words = [i for i, alpha in enumerate(columns.alpha) if alpha and i not in skipped_tokens]
    counts = count_words(columns, words, framing, lexicon)
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
        loaded_terms=tuple(dict.fromkeys(term.text for term in found)),
    )


def token_span(token: Token) -> Span:
    return (token.idx, token.idx + len(token.text))


def percent(part: int, whole: int) -> float:
    return round(100.0 * part / whole, DECIMALS)


def valence_of(token: Token, lexicon: Lexicon) -> float:
    """The valence of a content word: our news table, then VADER, by form then lemma."""
    return word_valence(token.pos, token.lower_, token.lemma_.lower(), lexicon)


def word_valence(pos: int, lower: str, lemma: str, lexicon: Lexicon) -> float:
    """``valence_of`` a word of part of speech ``pos`` (spaCy's id), form and lemma."""
    if pos not in CONTENT_POS:
        return 0.0
    for table in (lexicon.news_valence, lexicon.valence):
        for key in (lower, lemma):
            if key in table:
                return table[key]
    return 0.0


def is_negator(token: Token) -> bool:
    if token.dep_ != "neg" and token.lower_ not in NEGATORS:
        return False
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return following is None or following.lower_ not in NOT_NEGATING_NEXT


def has_negator(token: Token) -> bool:
    return any(is_negator(child) for child in token.children)


def is_negated(token: Token) -> bool:
    """Whether a negator governs the word: its own, its verb's for a predicate, "without"."""
    if has_negator(token):
        return True
    if token.dep_ in PREDICATE_DEPS and has_negator(token.head):
        return True
    return token.dep_ == "pobj" and token.head.lower_ == "without"


def charge_of(token: Token, lexicon: Lexicon) -> int:
    """+1 for a positive word, -1 for a negative one, 0 for neither, negation applied."""
    return signed(token, valence_of(token, lexicon))


def signed(token: Token, score: float) -> int:
    """``charge_of`` a token whose valence is ``score``."""
    if abs(score) < VALENCE_THRESHOLD:
        return 0
    if is_negated(token):
        return -1 if score > 0 else 0
    return 1 if score > 0 else -1


def is_self_group(token: Token) -> bool:
    """I, we, our ...; not "US" or "WE" written in capitals as a name."""
    return token.lower_ in SELF_GROUP and not (len(token.text) > 1 and token.text.isupper())


def count_words(columns: Columns, words: Iterable[int], framing: Sequence[Found],
                lexicon: Lexicon) -> Counts:
    """Word, positive, negative, verb and self/group counts of alphabetic tokens (``words``:
    their indices).

    Each ``framing`` term counts once with its sign; the words it covers do not.
    """
    doc, strings = columns.doc, columns.doc.vocab.strings
    covered = {token.i for term in framing for token in term.tokens}
    self_words = {strings[word] for word in SELF_GROUP}
    total = activity = self_group = 0
    charges = [term.sign for term in framing]
    # valence depends on the tag, form and lemma only: looked up once per distinct word
    valences: dict[tuple[int, int, int], float] = {}
    for i in words:
        total += 1
        pos, lower, lemma = columns.pos[i], columns.lower[i], columns.lemma[i]
        if i not in covered:
            if (pos, lower, lemma) not in valences:
                valences[pos, lower, lemma] = word_valence(
                    pos, strings[lower], strings[lemma].lower(), lexicon)
            score = valences[pos, lower, lemma]
            charges.append(signed(doc[i], score) if score else 0)  # negation needs the parse
        activity += pos == VERB
        self_group += lower in self_words and is_self_group(doc[i])
    return Counts(total, charges.count(1), charges.count(-1), activity, self_group)


def syntactic_root(tokens: Sequence[Token]) -> Token:
    """The token of a term whose head lies outside it, climbing coordinations."""
    inside = {token.i for token in tokens}
    root = next((token for token in tokens if token.head.i not in inside), tokens[-1])
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root


def is_named_by(root: Token) -> bool:
    """Whether a word is what a naming verb calls someone ("called him a traitor")."""
    if root.dep_ in NAME_DEPS and root.head.lemma_.lower() in NAMING_VERBS:
        return True
    head = root.head
    return (root.dep_ == "pobj" and head.lower_ == "as"
            and head.head.lemma_.lower() in NAMING_VERBS)


def is_attributed(term: Found, quoted: Sequence[Span]) -> bool:
    """Whether the article reports the term as someone else's word."""
    if any(overlaps(token_span(token), quoted) for token in term.tokens):
        return True
    return is_named_by(syntactic_root(term.tokens))


def match_stream(columns: Columns, skipped_tokens: set[int]) -> list[int | None]:
    """The tokens (indices) terms are matched over: hyphens dropped, skipped tokens as
    breaks."""
    hyphens = {columns.doc.vocab.strings[hyphen] for hyphen in HYPHENS}
    stream: list[int | None] = []
    for i, text in enumerate(columns.orth):
        if i in skipped_tokens:
            stream.append(None)
        elif text not in hyphens:
            stream.append(i)
    return stream


def _stream_keys(stream: Stream, columns: Columns) -> list[frozenset[str]]:
    """What each stream token matches an entry word by: its lower-case form and its lemma
    (none for a break); read once per token, not once per try, and built once per
    distinct form and lemma (most words recur)."""
    strings = columns.doc.vocab.strings
    built: dict[tuple[int, int] | None, frozenset[str]] = {None: frozenset()}
    found = []
    for i in stream:
        word = (columns.lower[i], columns.lemma[i]) if i is not None else None
        if word is not None and word not in built:
            built[word] = frozenset({strings[word[0]], strings[word[1]].lower()})
        found.append(built[word])
    return found


def matches_at(stream_keys: Sequence[frozenset[str]], i: int, pattern: LoadedTerm) -> bool:
    """Whether ``pattern`` matches the stream (each token's keys, ``_stream_keys``) from
    position ``i``."""
    end = i + len(pattern.words)
    if end > len(stream_keys):
        return False
    if any(word not in stream_keys[i + k] for k, word in enumerate(pattern.words)):
        return False
    return not (i > 0 and pattern.except_after & stream_keys[i - 1])


def longest_match(stream_keys: Sequence[frozenset[str]], i: int,
                  table: Mapping[str, tuple[LoadedTerm, ...]]) -> LoadedTerm | None:
    """The longest entry matching from ``i``, if any."""
    candidates = [p for key in stream_keys[i] for p in table.get(key, ())]
    if not candidates:
        return None  # most words open no entry: no generator and max() for them
    return max((p for p in candidates if matches_at(stream_keys, i, p)),
               key=lambda p: len(p.words), default=None)


def covered_tokens(stream: Stream, doc: Doc, start: int, length: int) -> tuple[Token, ...]:
    return tuple(doc[i] for i in stream[start : start + length] if i is not None)


def printed(tokens: Sequence[Token], text: str) -> str:
    """The text a match covers, as printed (hyphens included), lower-cased."""
    first, last = tokens[0], tokens[-1]
    return " ".join(text[first.idx : last.idx + len(last.text)].lower().split())


def find_loaded(stream: Stream, columns: Columns, table: Mapping[str, tuple[LoadedTerm, ...]],
                text: str) -> list[Found]:
    """Every occurrence of a loaded term in the stream (tokens of ``text``), in text order."""
    found: list[Found] = []
    stream_keys = _stream_keys(stream, columns)
    # most words open no entry: told once per distinct word, not tried at each token
    opens = {keys: any(key in table for key in keys) for keys in set(stream_keys)}
    i = 0
    while i < len(stream):
        pattern = longest_match(stream_keys, i, table) \
            if stream[i] is not None and opens[stream_keys[i]] else None
        length = len(pattern.words) if pattern else 1
        if pattern:
            tokens = covered_tokens(stream, columns.doc, i, length)
            found.append(Found(printed(tokens, text), pattern.kind, tokens))
        i += length
    return found
