"""Temporal expressions, normalised to TIMEX3 against the publication date (issue #4).

``extract_times`` yields DATE, TIME, DURATION and SET expressions with TimeML
extents ("Tuesday", not "on Tuesday"; "the past few weeks", "less than a
year") and values relative to ``article.published``: "arrived on Tuesday" is
the Tuesday on or before publication, "will meet Friday" the coming one, "two
days later" counts from the last date mentioned, "the third quarter" is that
quarter of the publication year.

What had to be written by hand, and why: no Python library does TimeML-extent
TIMEX3 normalisation against a document date. dateparser and dateutil parse a
string already known to be a date (into a datetime, not a TIMEX3 value; no
weeks, quarters, seasons, durations, sets or PAST_REF), and dateparser's
search finds neither extents nor tense. spaCy's DATE/TIME entities have
non-TimeML extents ("three days later", "last year's") and no values. So the
finding is a rule grammar (regex templates over word tables, both data in
``lexicon/``: ``timex_rules.tsv``, ``timex_words.tsv``, ``holidays.tsv``), the
tense comes from the spaCy parse, and the values are computed with dateutil
(``relativedelta``, ``easter``); see ``extract/timex/``.

It refuses to guess: without a publication date a relative expression keeps
its unresolved value (``XXXX-WXX-2``, ``XXXX-XX``) with ``anchored`` false;
impossible dates ("February 30", not even its "February"), years far from the
publication year, arithmetic off the calendar ("999999999 hours later"), counts
("2006 troops"), ages ("a 52-year-old") and labels ("Resolution 1441") yield
nothing; nor, as in TimeBank, do uses that name no time: "Now," opening a sentence,
generic "today's youth" or "the leaders of tomorrow", and "soon" in a clause told in
the past ("the trickle soon became a flood"). The ``skip`` ranges (web debris, the
dateline) are never read, save the dateline's own date ("NAIROBI, March 4, 2025
(Wire) –"): TimeML annotates it like any date, but it is not a date the story
mentions, so later relative expressions do not count from it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from newsevents.extract.spans import overlaps
from newsevents.extract.timex.calendar import Point
from newsevents.extract.timex.captions import caption_lines
from newsevents.extract.timex.grammar import (
    Candidate,
    compile_rules,
    find_candidates,
    longest_first,
)
from newsevents.extract.timex.resolve import Context
from newsevents.extract.timex.tense import Tense, clause_tense, is_habitual, plain_tense
from newsevents.extract.timex.values import BLOCKING_PREFIX, check_rules, value_of
from newsevents.extract.timex.vocab import Vocabulary
from newsevents.lexicon import Lexicon
from newsevents.records import Article, Span, TimeExpression

WINDOW = 40  # characters of text around a match that rules may look at

# Rules that name a quarter (not derive one, like "a year earlier"): later "the
# quarter", "a year ago" and "the year-earlier period" refer to the latest such quarter
# that was over by publication (results are reported after a quarter ends; an earlier
# quarter named on the way, "after a flat second quarter", "the 1988 period", is a
# comparison, not the quarter reported).
QUARTER_RULES = frozenset({"quarter", "relative"})

# A span of months short of a year ("the first nine months", P9M): a comparison "a year
# earlier" later in its sentence is with those months a year back, told as that year
# (1988), not as the quarter reported.
MONTHS_SPAN = re.compile(r"P(?:[2-9]|1[01])M")

MakeContext = Callable[[Candidate, Point | None, Point | None], Context]


def extract_times(
    doc: Doc, article: Article, *, skip: Sequence[Span], lexicon: Lexicon
) -> Iterator[TimeExpression]:
    """Yield the temporal expressions of ``article`` outside ``skip``, in text order."""
    vocab = Vocabulary.of(lexicon)
    check_rules({name for name, _ in lexicon.timex_rules})
    grammar = compile_rules(lexicon.timex_rules, vocab)
    dct = publication_date(article.published)
    dateline = article.dateline.span if article.dateline is not None else None
    unread = [span for span in skip if span != dateline]
    candidates = [c for c in find_candidates(article.text, grammar)
                  if not overlaps((c.start, c.end), unread)]
    captions = caption_lines(article.text)

    # the parse-derived part of a context is the same at selection and at valuing:
    # read once per candidate (keyed by identity: a candidate's groups are a dict)
    read: dict[int, Context] = {}

    def make(candidate: Candidate, anchor: Point | None, quarter: Point | None) -> Context:
        if id(candidate) not in read:
            read[id(candidate)] = context(candidate, doc, article.text, vocab, dct, None, None,
                                          captions)
        return dataclasses.replace(read[id(candidate)], anchor=anchor, quarter=quarter)

    anchor: Point | None = None
    quarter: Point | None = None
    months_told_until = -1  # the end of a sentence that names a span of months
    for candidate in select(candidates, make):
        compared = quarter
        if quarter is not None and candidate.start < months_told_until:
            compared = quarter.at("year")
        found = value_of(candidate, make(candidate, anchor, compared))
        if found is None:
            continue
        if found.type == "DURATION" and MONTHS_SPAN.fullmatch(found.value):
            months_told_until = sentence_end(doc, candidate.start)
        yield TimeExpression(text=candidate.text, type=found.type, value=found.value,
                             anchored=found.anchored, span=(candidate.start, candidate.end))
        point = found.point
        in_dateline = dateline is not None and overlaps((candidate.start, candidate.end),
                                                        [dateline])
        if point is not None and found.type in ("DATE", "TIME") and not in_dateline:
            anchor = point
            if reported_quarter(point, candidate, article.text, dct, quarter):
                quarter = point


def reported_quarter(point: Point, candidate: Candidate, text: str, dct: dt.date | None,
                     reported: Point | None) -> bool:
    """Whether a quarter just named becomes the quarter the report is about: one over by
    publication (a quarter not yet over is an outlook) and not before the one so far,
    unless it is a fiscal quarter (another company's report, on its own calendar)."""
    if point.grain != "quarter" or candidate.rule not in QUARTER_RULES:
        return False
    if dct is not None and point.bounds()[1] >= dct:
        return False
    said = text[max(0, candidate.start - len("fiscal ")):candidate.end].lower()
    return reported is None or point.day >= reported.day or "fiscal" in said


def sentence_end(doc: Doc, start: int) -> int:
    """The character offset where the sentence holding character ``start`` ends."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span.sent.end_char if span is not None else start


def select(candidates: Sequence[Candidate], make: MakeContext) -> list[Candidate]:
    """Non-overlapping candidates that value, longest first, returned in text order.

    A blocking rule (``not_*``: ages ...) claims its span; a candidate its rule
    refuses leaves the span to shorter ones.
    """
    taken: list[Span] = []
    chosen = []
    for candidate in longest_first(candidates):
        span = (candidate.start, candidate.end)
        if overlaps(span, taken):
            continue
        if candidate.rule.startswith(BLOCKING_PREFIX):
            taken.append(span)
        elif value_of(candidate, make(candidate, None, None)) is not None:
            taken.append(span)
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.start)


def context(candidate: Candidate, doc: Doc, text: str, vocab: Vocabulary,
            dct: dt.date | None, anchor: Point | None, quarter: Point | None,
            captions: Sequence[Span] = ()) -> Context:
    """What the candidate's rule may read: tense, neighbouring tags and text, anchors."""
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    tags: tuple[str, ...] = ()
    prev_tag = next_tag = ""
    if span is not None and len(span):
        tags = tuple(t.tag_ for t in span)
        prev_tag = doc[span.start - 1].tag_ if span.start > 0 else ""
        next_tag = doc[span.end].tag_ if span.end < len(doc) else ""
    return Context(
        vocab=vocab, dct=dct, tense=tense_of(candidate, doc, captions),
        habitual=is_habitual(doc, candidate.start, candidate.end),
        plain_tense=plain_tense(doc, candidate.start, candidate.end),
        anchor=anchor, quarter=quarter,
        after=text[candidate.end:candidate.end + WINDOW],
        before=text[max(0, candidate.start - WINDOW):candidate.start],
        tags=tags, prev_tag=prev_tag, next_tag=next_tag,
        number_role=number_role(span) if span is not None and len(span) == 1 else "",
    )


def tense_of(candidate: Candidate, doc: Doc, captions: Sequence[Span]) -> Tense | None:
    """The tense of the candidate's clause; a caption's present tells of the past."""
    tense = clause_tense(doc, candidate.start, candidate.end)
    if tense == "present" and overlaps((candidate.start, candidate.end), captions):
        return "past"
    return tense


def number_role(span: SpacySpan) -> str:
    """How a lone number is used: "count" ("2006 troops"), "label" ("Resolution 1441",
    "Windows 2000") or "" (possibly a year: "in 2006", "the 2006 election")."""
    token = span[0]
    head = token.head
    if head.i == token.i or head.pos_ not in ("NOUN", "PROPN"):
        return ""
    determined = token.i > 0 and token.nbor(-1).tag_ in ("DT", "PRP$", "POS")
    if head.i > token.i and token.dep_ == "nummod" and head.tag_ in ("NNS", "NNPS") \
            and not determined:
        return "count"
    if head.i < token.i and token.dep_ in ("nummod", "appos", "compound", "npadvmod"):
        return "label"
    return ""


def publication_date(published: str | None) -> dt.date | None:
    """``article.published`` as a date; None when absent or not YYYY-MM-DD."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
