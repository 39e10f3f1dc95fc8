"""Which reporting verb attributes a quoted passage, and the words around it.

For a passage this looks, in order, at

0. a reporting verb before it that it hangs from in the parse ('X, who said the
   army had accepted the text "in the interest of ..." but insisted ...');
1. the words right after it, up to the end of that sentence or the next quote
   ('"...," said Zhiqun Zhu, a professor ...' / '"...," he wrote.'): the first
   reporting verb there counts when the passage does not end its sentence and
   nothing but the verb's subject and adverbs stands between the quote and the
   verb ('"Respect Indonesia" and burning a copy, police said' is not "police");
2. the verbs the passage hangs from in the parse ('Lee ... characterized as
   "a dramatic mood swing"', 'saying that sanctions will remain "in full force"');
3. the words before it in its own sentence ('Frank said ... of a "Cold War 2.0
   situation"', 'He said: "..."'), the closest reporting verb first;
4. an "according to X" phrase in its sentence.

Verbs inside quotes never count. The verb's subject is its nsubj; a verb with
none takes the word after it ("said Zhu") or the subject of the verb it
depends on ("Trump has taken a hard line, saying ...").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Token

from newsevents.extract.quote_speakers import SUBJECTS, unmasked
from newsevents.lexicon.quotes import QuoteTables

SENTENCE_END = frozenset({".", "!", "?"})
BETWEEN = frozenset({"advmod", "npadvmod", "aux", "neg", "punct", "cc"})
CLIMB = frozenset({"advcl", "xcomp", "conj", "pcomp", "acl", "prep"})
# How a quote hangs from the verb that reports it: as what is said ("said X",
# "called it X", "called on them to X", "dismissed it as X", "accused Iran of X"),
# not as an adverbial ("would respond in the manner X").
COMPLEMENTS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "attr", "parataxis", "acomp",
                         "dative", "advcl", "conj"})
COMPLEMENT_PREPS = frozenset({"as", "of"})
OCCASION_PREPS = frozenset({"in", "during", "at", "on"})


@dataclass(frozen=True)
class Attribution:
    verb: Token | None  # the reporting verb, or "according" for an according-to phrase
    subject: Token | None  # the word that names the speaker


class Attributor:
    """Finds attributions in one parsed article."""

    def __init__(self, doc: Doc, text: str, tables: QuoteTables, masked: frozenset[int]) -> None:
        self.doc = doc
        self.text = text  # doc.text, which spaCy rebuilds on every access
        self.tables = tables
        self.masked = masked

    def is_verb(self, token: Token, *, labels: bool = True) -> bool:
        """A reporting verb outside quotes ("call" only in its labelling sense)."""
        if token.i in self.masked or not (token.pos_ in ("VERB", "AUX")
                                          or token.tag_.startswith("VB")):
            return False
        use = self.tables.use(token.lemma_) or self.tables.use(token.lower_)
        if use == "label":
            return labels
        return use == "speech"

    def attribute(self, inner: Sequence[Token], after: Sequence[Token],
                  before: Sequence[Token], *, ends_sentence: bool,
                  bounds: tuple[int, int]) -> Attribution | None:
        """The attribution of a passage whose tokens are ``inner``, with the unquoted
        words ``after`` and ``before`` it in its sentence, inside the paragraphs
        ``bounds`` (character offsets)."""
        ancestors = self._ancestors(inner, bounds)
        if ancestors and inner and ancestors[0].i < inner[0].i:
            # 'Hamid, who said the army had accepted the text "in the interest of ..."
            # but insisted ...': the verb the phrase hangs from, before it, comes first
            return Attribution(ancestors[0], self.subject(ancestors[0]))
        if not ends_sentence:
            found = self._after(after)
            if found is not None:
                return found
        for token in ancestors:
            return Attribution(token, self.subject(token))
        for token in reversed(before):
            if self.is_verb(token):
                return Attribution(token, self.subject(token))
        return self.according_to(list(before) + list(after))

    def _after(self, after: Sequence[Token]) -> Attribution | None:
        for k, token in enumerate(after):
            if not self.is_verb(token, labels=False):
                continue
            if token.dep_ == "relcl" and after and token.head.i < after[0].i:
                return None  # '"a pattern of harassment" that threatened ...' says what it is
            subject = self.subject(token)
            allowed = set(subject.subtree) if subject is not None else set()
            gap = [t for t in after[:k] if t not in allowed and t.dep_ not in BETWEEN]
            if subject is None and gap and gap[-1].pos_ in ("PROPN", "NOUN") \
                    and not any(t.pos_ in ("VERB", "AUX") for t in gap):
                subject, gap = gap[-1], []  # "chief executive Marcus Dell said", misparsed
            if gap:
                return None
            if subject is None and k == 0:
                subject = self._inverted(token)
                subject = self._past_title(subject) if subject is not None else None
            return Attribution(token, subject)
        return None

    def according_to(self, tokens: Sequence[Token]) -> Attribution | None:
        for token in tokens:
            if token.lower_ == "according" and token.i + 1 < len(self.doc) \
                    and self.doc[token.i + 1].lower_ == "to" and token.i not in self.masked:
                objects = [c for c in self.doc[token.i + 1].children if c.dep_ == "pobj"]
                if objects:
                    return Attribution(token, objects[0])
                if token.i + 2 < len(self.doc):
                    return Attribution(token, self.doc[token.i + 2])
        return None

    def _ancestors(self, inner: Sequence[Token], bounds: tuple[int, int]) -> list[Token]:
        """The reporting verbs the passage hangs from as what is said, nearest first,
        within its paragraphs."""
        inside = {t.i for t in inner}
        tops = [t for t in inner if t.head.i not in inside and t.head.i != t.i]
        if not tops:
            return []
        verbs, child = [], tops[0]
        for _ in range(40):
            token = child.head
            if token.i == child.i or not bounds[0] <= token.idx < bounds[1]:
                break
            said = child.dep_ in COMPLEMENTS or (child.dep_ == "prep"
                                                 and child.lower_ in COMPLEMENT_PREPS)
            if said and self.is_verb(token):
                verbs.append(token)
            child = token
        return verbs

    def subject(self, verb: Token) -> Token | None:
        """The word naming who speaks through ``verb``; when the parse gives none, the
        nearest name before it in its sentence ("Langat, who chaired the session,
        called the deal ...", with "called" misparsed onto "session")."""
        found = self._parsed_subject(verb) or self._name_before(verb)
        return self._past_title(found) if found is not None else None

    def _past_title(self, token: Token) -> Token:
        """The name after an abbreviated title the parser took for the subject: "said
        Cmdr. Tyler Brooks", split into two sentences after "Cmdr."."""
        doc = self.doc
        at = token.i + 1
        if at + 1 < len(doc) and doc[at].text == "." and token.is_title \
                and doc[at + 1].ent_type_ == "PERSON" and doc[at + 1].ent_iob_ == "B":
            end = at + 1
            while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
                end += 1
            return doc[end]
        return token

    def _name_before(self, verb: Token) -> Token | None:
        sentence = verb.sent
        for token in reversed(self.doc[sentence.start:verb.i]):
            if token.text in SENTENCE_END or "\n" in token.text:
                return None
            if token.i in self.masked:
                continue
            if token.ent_type_ in ("PERSON", "ORG") and token.dep_ not in ("poss", "pobj") \
                    and (token.i + 1 >= len(self.doc) or self.doc[token.i + 1].ent_iob_ != "I"):
                return token
        return None

    def _parsed_subject(self, verb: Token) -> Token | None:
        token: Token | None = verb
        for _ in range(4):
            assert token is not None
            subjects = [s for c in token.children if c.dep_ in SUBJECTS
                        and (s := unmasked(c, self.masked)) is not None]
            if subjects:  # two subjects is a misparse: the nearer one before the verb
                here = token.i
                before = [c for c in subjects if c.i < here] or subjects
                return min(before, key=lambda c: abs(c.i - here))
            if token.dep_ not in CLIMB or token.head.i == token.i:
                return None
            token = token.head
            if token.dep_ == "ccomp" and self.is_verb(token.head):
                # '"an insult", adding ...' hung on the reported clause: the reporter's
                token = token.head
        return None

    def _inverted(self, verb: Token) -> Token | None:
        """The speaker written after the verb: '"...," said Zhiqun Zhu'."""
        for token in self.doc[verb.i + 1:verb.i + 3]:
            if token.i in self.masked or token.ent_type_ in ("DATE", "TIME"):
                return None
            if token.pos_ in ("PROPN", "NOUN", "PRON"):
                return token
        return None

    @cached_property
    def _occasion_words(self) -> list[int]:
        """The indices of the nouns outside quotes that name a speech or interview."""
        # read once from the doc's arrays, not from a Token per word of every sentence
        strings, occasions = self.doc.vocab.strings, self.tables.occasions
        rows = self.doc.to_array([POS, LEMMA, LOWER]).tolist()
        return [i for i, (pos, lemma, lower) in enumerate(rows)
                if pos in (NOUN, PROPN) and i not in self.masked
                and (strings[lemma].lower() in occasions or strings[lower] in occasions)]

    def occasion(self, start: int, end: int) -> str | None:
        """The speech or interview named among tokens ``start``..``end``: "in his New
        Year's address" -> "New Year's address"."""
        words_at = self._occasion_words
        for i in words_at[bisect_left(words_at, start):bisect_left(words_at, end)]:
            token = self.doc[i]
            if not _under_preposition(token):
                continue
            words = [t for t in self.doc[token.left_edge.i:i + 1]]
            while words and (words[0].dep_ == "det" or words[0].tag_ == "PRP$"):
                words = words[1:]
            if words:
                return self.text[words[0].idx:token.idx + len(token.text)]
        return None


def _under_preposition(token: Token) -> bool:
    head: Token = token
    for _ in range(3):
        if head.dep_ == "pobj" and head.head.lower_ in OCCASION_PREPS:
            return True
        if head.dep_ not in ("conj", "compound", "appos"):
            return False
        head = head.head
    return False
