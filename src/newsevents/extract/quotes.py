"""Who is quoted saying what: direct, partial and indirect quotes with their speakers.

``extract_quotes`` yields, in text order:

- **direct** quotes: a passage in quotation marks that opens its sentence or
  follows a reporting clause ('"It's deja vu once again," said Zhiqun Zhu');
  a quote split around its attribution ('"...," he said, "..."') is two
  quotes with one speaker; a quote running over several paragraphs is one
  quote whose span covers them (quote_marks.py says how marks are read);
- **partial** quotes: a quoted phrase inside a sentence ('called it "a dramatic
  mood swing"'). Scare quotes around one or two words used as a label
  ('the so-called "mirror response"') are kept too, as partial, with a speaker
  only when a reporting verb or "according to" names one, else null: the gold
  lists every quoted passage, and a label is someone's word;
- **indirect** speech (quote_indirect.py): the complement of a reporting verb
  ("X said the talks would resume") or the rest of an "according to X" sentence.

The speaker is the subject of the reporting verb (quote_attribution.py finds
the verb, quote_speakers.py the person), resolved to the article's actors
through the mentions the actor pass linked ("Zhu" -> "Zhiqun Zhu"), with the
speaker's description. A direct quote with no attribution of its own takes
the speaker of the quote before it in the same paragraph (split quotes) or,
when it opens its paragraph, of the last quote of the paragraph before
(quote blocks). Otherwise its speaker is null: never a guess. ``occasion``
names the speech or interview when the attribution, or the sentence before
the quote about the same speaker, says so ("in his New Year's address").

Quotation marks inside skipped ranges (debris, dateline) are ignored. A quote
never closed that holds its own attribution ('"We are not deaf to the
complaints, she told ...') ends at the comma before it. Unbalanced marks,
nested quotes and odd parses do not raise.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsevents.extract.quote_attribution import SENTENCE_END, Attribution, Attributor
from newsevents.extract.quote_indirect import indirect_quotes
from newsevents.extract.quote_marks import Passage, find_passages, read_paragraphs
from newsevents.extract.quote_speakers import Speakers
from newsevents.extract.spans import overlapping, token_bounds
from newsevents.lexicon import Lexicon
from newsevents.lexicon.quotes import QuoteTables
from newsevents.records import Actor, Article, Mention, Quote, Span, Speaker

SCARE_WORDS = 2
SPEAKING_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})


@dataclass(frozen=True)
class _Found:
    passage: Passage
    quote: Quote
    own: bool  # attributed by its own words, not inherited


def extract_quotes(
    doc: Doc, article: Article, *, skip: Sequence[Span], actors: Sequence[Actor],
    lexicon: Lexicon, mentions: Sequence[Mention] = (),
) -> Iterator[Quote]:
    """Yield the article's quotes in text order (see the module docstring for what
    counts and when the speaker is left null). ``mentions`` are the actor pass's
    mentions, whose ``actor_id`` links a speaker to ``actors``."""
    text = article.text
    passages = [_lost_closer(doc, p, lexicon.quotes) for p in find_passages(text, skip)]
    masked = _masked(doc, passages, skip)
    speakers = Speakers(doc, text, mentions, actors, masked=masked,
                        speech_verbs=frozenset(v for v, use in lexicon.quotes.verbs.items()
                                               if use != "source"),
                        unnamed=lexicon.quotes.unnamed)
    attributor = Attributor(doc, text, lexicon.quotes, masked)
    paras = read_paragraphs(text, skip)
    found: list[_Found] = []
    for n, passage in enumerate(passages):
        quote = _quote(doc, text, passage, passages, n, paras, attributor, speakers, found)
        found.append(quote)
    quotes = [f.quote for f in found]
    quotes += indirect_quotes(doc, attributor, masked, speakers.of,
                              lambda verb, speaker: _occasion(attributor, verb, None, speaker,
                                                              speakers))
    yield from sorted(quotes, key=lambda q: q.span)


def _lost_closer(doc: Doc, passage: Passage, tables: QuoteTables) -> Passage:
    """A passage never closed that holds its own attribution ('"We are not deaf to the
    complaints, she told a forum ...') ends at the comma before it: the closing mark
    was lost there."""
    if passage.closer is not None or len(passage.pieces) != 1:
        return passage
    start, end = passage.pieces[0]
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return passage
    for comma in (t for t in span if t.text == "," and t.i + 2 < span.end):
        subject, verb = doc[comma.i + 1], doc[comma.i + 2]
        if tables.use(subject.lemma_) == "speech":  # ", said Okafor"
            subject, verb = verb, subject
        if tables.use(verb.lemma_) == "speech" and verb.pos_ == "VERB" \
                and (subject.lower_ in SPEAKING_PRONOUNS or subject.ent_type_ == "PERSON"):
            return Passage(((start, comma.idx),), passage.opener, comma.idx,
                           passage.paragraphs)
    return passage


def _masked(doc: Doc, passages: Sequence[Passage], skip: Sequence[Span]) -> frozenset[int]:
    ranges = [(p.opener, (p.closer + 1) if p.closer is not None else p.span[1])
              for p in passages]
    return frozenset(overlapping(*token_bounds(doc), [*ranges, *skip]))


def _tokens(doc: Doc, start: int, end: int) -> SpacySpan | tuple[Token, ...]:
    """The tokens over characters ``start``..``end``, as a span: a Token is made only
    for each word read (the words after a quote are read up to a sentence end)."""
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    return span if span is not None else ()


def _quote(doc: Doc, text: str, passage: Passage, passages: Sequence[Passage], n: int,
           paras: Sequence[Span], attributor: Attributor, speakers: Speakers,
           found: Sequence[_Found]) -> _Found:
    first, last = passage.paragraphs[0], passage.paragraphs[-1]
    prev = passages[n - 1] if n and passages[n - 1].paragraphs[-1] == first else None
    nxt = passages[n + 1] if n + 1 < len(passages) \
        and passages[n + 1].paragraphs[0] == last else None
    start = prev.span[1] + 1 if prev is not None else paras[first][0]
    before = [t for t in _tokens(doc, start, passage.opener) if t.i not in attributor.masked]
    cut = max((k + 1 for k, t in enumerate(before) if t.text in SENTENCE_END), default=0)
    before = before[cut:]
    end = passage.closer + 1 if passage.closer is not None else passage.span[1]
    after = []
    for token in _tokens(doc, end, nxt.opener if nxt is not None else paras[last][1]):
        if token.i in attributor.masked or token.is_space:
            continue
        after.append(token)
        if token.text in SENTENCE_END:
            break
    inner = [t for s, e in passage.pieces for t in _tokens(doc, s, e)]
    words = " ".join(text[s:e] for s, e in passage.pieces)
    ends_sentence = words.rstrip("’'\"” ").endswith(".")
    kind = _kind(text, passage, paras[first][0], start, before, attributor, words)
    bounds = (paras[first][0], paras[last][1])
    attribution = attributor.attribute(inner, after, before, ends_sentence=ends_sentence,
                                       bounds=bounds)
    speaker = speakers.of(attribution.subject) if attribution and attribution.subject else None
    occasion = _occasion(attributor, attribution.verb, passage, speaker, speakers) \
        if attribution is not None and attribution.verb is not None and speaker else None
    verb = _verb_text(attribution) if speaker is not None else None
    own = attribution is not None and attribution.subject is not None
    if not own and kind == "direct":
        heir = _inherit(passage, paras, found, text)
        if heir is not None:
            speaker, occasion, verb = heir.speaker, heir.occasion, heir.verb
    quote = Quote(speaker=speaker, text=_text(text, passage), kind=kind, span=passage.span,
                  occasion=occasion, verb=verb)
    return _Found(passage, quote, own)


def _text(text: str, passage: Passage) -> str:
    """The words inside the marks; the pieces of a multi-paragraph quote joined by the
    paragraph break they had."""
    parts = [text[s:e] for s, e in passage.pieces]
    return "\n\n".join(parts)


def _kind(text: str, passage: Passage, para_start: int, start: int, before: Sequence[Token],
          attributor: Attributor, words: str) -> str:
    """direct when the passage opens its sentence or follows a reporting clause; a
    word or two is a label unless it is an utterance: it ends a sentence, or opens
    one and ends at the comma before its attribution ('"It's over," he said')."""
    prefix = text[max(start, para_start):passage.opener].rstrip()
    opens = not prefix or prefix[-1] in ".!?:" or prefix[-2:-1] in (".", "!", "?")
    end = words.rstrip("’'\"” ")
    if len(words.split()) <= SCARE_WORDS and not end.endswith((".", "!", "?")) \
            and not (opens and end.endswith(",")):
        return "partial"
    if opens:
        return "direct"
    if prefix[-1] in ",—–" and any(attributor.is_verb(t, labels=False) for t in before):
        return "direct"
    return "partial"


def _verb_text(attribution: Attribution | None) -> str | None:
    if attribution is None or attribution.verb is None:
        return None
    if attribution.verb.lower_ == "according":
        return "according to"
    return attribution.verb.text


def _inherit(passage: Passage, paras: Sequence[Span], found: Sequence[_Found],
             text: str) -> Quote | None:
    """The quote a speakerless direct quote continues: the one before it in its
    paragraph, or, when it opens its paragraph, the last one of the paragraph before."""
    if not found or found[-1].quote.speaker is None:
        return None
    last = found[-1]
    first = passage.paragraphs[0]
    if last.passage.paragraphs[-1] == first:
        return last.quote
    opens_paragraph = not text[paras[first][0]:passage.opener].strip()
    if opens_paragraph and last.passage.paragraphs[-1] == first - 1:
        return last.quote
    return None


def _occasion(attributor: Attributor, verb: Token | None, passage: Passage | None,
              speaker: Speaker | None, speakers: Speakers) -> str | None:
    """The occasion named in the attribution's sentence, else in the sentence just
    before the quote when that sentence names the same speaker."""
    if verb is not None:
        sentence = verb.sent
        found = attributor.occasion(sentence.start, sentence.end)
        if found:
            return found
    if passage is None or speaker is None or speaker.actor_id is None:
        return None
    doc = attributor.doc
    opening = _tokens(doc, passage.opener, passage.opener + 1)
    if not opening or opening[0].sent.start == 0:
        return None
    previous = doc[opening[0].sent.start - 1].sent
    if any(m.actor_id == speaker.actor_id and previous.start_char <= m.span[0]
           < previous.end_char for m in speakers.mentions):
        return attributor.occasion(previous.start, previous.end)
    return None
