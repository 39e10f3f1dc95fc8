"""Resolving a partial date ("Jan. 2", "Tuesday", "June") against the publication date.

The rule everywhere: what the text leaves open is taken from the publication
date, in the direction the clause's tense points (past tense: on or before
it; future: on or after it; otherwise the nearest). Without a publication
date nothing is guessed: the value keeps its unresolved form (``XXXX-01-02``,
``XXXX-WXX-2``) and ``anchored`` is false.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from newsevents.extract.timex.calendar import Point, parse_value
from newsevents.extract.timex.grammar import Candidate
from newsevents.extract.timex.tense import Tense
from newsevents.extract.timex.vocab import Vocabulary

EARLIEST_YEAR = 1000
FUTURE_YEARS = 50  # a year further ahead of publication than this is not a date
LEEWAY_DAYS = 60  # how far a date may lie against the tense before the other year wins
DATING_LAG_DAYS = 7  # a story may be dated a few days after the future it tells of was set
# "since April" names a time already begun, whatever the tense says.
SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Context:
    """What a rule may read besides its match."""

    vocab: Vocabulary
    dct: dt.date | None  # the publication date
    tense: Tense | None = None
    habitual: bool = False  # the clause tells of a rule ("we usually see in July")
    plain_tense: Tense | None = None  # a plain verb's own time: "arrived in May" (past)
    anchor: Point | None = None  # the last specific date mentioned before the match
    quarter: Point | None = None  # the last quarter mentioned (earnings reports)
    after: str = ""  # the text just after the match
    before: str = ""  # the text just before the match
    tags: tuple[str, ...] = ()  # fine-grained tags of the match's tokens
    next_tag: str = ""
    prev_tag: str = ""
    # For a one-number match: "count" ("2006 troops"), "label" ("Resolution 1441") or "".
    number_role: str = ""

    @property
    def base(self) -> Point | None:
        """The point relative expressions count from: the last date mentioned, else the DCT."""
        if self.anchor is not None:
            return self.anchor
        return Point(self.dct, "day") if self.dct else None


@dataclass(frozen=True)
class Value:
    """A rule's result: TIMEX3 type and value, and whether it was resolved."""

    type: str
    value: str
    anchored: bool = True

    @property
    def point(self) -> Point | None:
        return parse_value(self.value) if self.anchored else None


Valuer = Callable[[Candidate, Context], Value | None]


def plausible_year(year: int, ctx: Context) -> bool:
    """Within the span news talks about: not before 1000, not far beyond publication."""
    latest = (ctx.dct.year if ctx.dct else dt.date.today().year) + FUTURE_YEARS
    return EARLIEST_YEAR <= year <= latest


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def valid_month_day(month: int, day: int) -> bool:
    """Could (month, day) exist in some year? (February 29 yes, February 30 no.)"""
    return safe_date(2000, month, day) is not None


def choose(options: Iterable[dt.date], ctx: Context) -> dt.date | None:
    """Of candidate dates, the nearest the publication date, unless it lies more than
    ``LEEWAY_DAYS`` against the tense ("was found Nov. 25" read in January: last year) or
    follows "since" (always on or before it)."""
    assert ctx.dct is not None
    dct = ctx.dct
    dates = sorted(options, key=lambda d: (abs((d - dct).days), d < dct))
    if not dates:
        return None
    nearest = dates[0]
    if SINCE.search(ctx.before):
        return next((d for d in dates if d <= dct), nearest)
    if ctx.tense == "past" and (nearest - dct).days > leeway(ctx):
        return next((d for d in dates if d <= dct), nearest)
    if ctx.tense == "future" and (dct - nearest).days > leeway(ctx):
        return next((d for d in dates if d >= dct), nearest)
    return nearest


def leeway(ctx: Context) -> int:
    """How many days a date may lie against the tense: none for a plain past verb's own
    time ("arrived in May"), the dating lag for a "will" verb's ("will open in February"),
    else ``LEEWAY_DAYS`` (the tense may be a reporting verb's, not the date's)."""
    if ctx.plain_tense == "past":
        return 0
    if ctx.plain_tense == "future":
        return DATING_LAG_DAYS
    return LEEWAY_DAYS


def around(ctx: Context, build: Callable[[int], dt.date | None]) -> dt.date | None:
    """``build(year)`` for the publication year and its neighbours, chosen by tense."""
    assert ctx.dct is not None
    years = (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)
    return choose((d for d in map(build, years) if d is not None), ctx)


def month_span_choice(month: int, ctx: Context) -> int:
    """The year of a bare month name ("in June"): as ``choose``, by its first day."""
    assert ctx.dct is not None
    found = around(ctx, lambda year: dt.date(year, month, 1) if (year, month) !=
                   (ctx.dct.year, ctx.dct.month) else ctx.dct)  # type: ignore[union-attr]
    return found.year if found else ctx.dct.year


def weekday_date(weekday: int, relation: int | None, ctx: Context) -> dt.date:
    """The date of a weekday (1 = Monday) near the publication date.

    ``relation``: -1 "last" (strictly before), 1 "next" (strictly after), 0 "this"
    (the publication week); None: by tense, past (or unknown) on or before the
    publication date, future or present on or after it.
    """
    assert ctx.dct is not None
    dct = ctx.dct
    back = (dct.isoweekday() - weekday) % 7
    ahead = (weekday - dct.isoweekday()) % 7
    if relation == 0:
        return dct + dt.timedelta(days=weekday - dct.isoweekday())
    if relation == -1:
        return dct - dt.timedelta(days=back or 7)
    if relation == 1:
        return dct + dt.timedelta(days=ahead or 7)
    if ctx.tense in ("future", "present"):
        return dct + dt.timedelta(days=ahead)
    return dct - dt.timedelta(days=back)


def holiday_date(rule: str, year: int) -> dt.date | None:
    """A holiday's date in ``year`` by its lexicon rule (MM-DD, MM-DD+W, MM/W/N, easter±N)."""
    fixed = re.fullmatch(r"(\d\d)-(\d\d)", rule)
    if fixed:
        return safe_date(year, int(fixed.group(1)), int(fixed.group(2)))
    on_or_after = re.fullmatch(r"(\d\d)-(\d\d)\+([1-7])", rule)
    if on_or_after:
        month, day, weekday = (int(g) for g in on_or_after.groups())
        start = safe_date(year, month, day)
        return start + dt.timedelta(days=(weekday - start.isoweekday()) % 7) if start else None
    nth = re.fullmatch(r"(\d\d)/([1-7])/(-?\d)", rule)
    if nth:
        month, weekday, n = (int(g) for g in nth.groups())
        if n > 0:
            first = dt.date(year, month, 1)
            offset = (weekday - first.isoweekday()) % 7
            return first + dt.timedelta(days=offset + 7 * (n - 1))
        last = dt.date(year, month, 1) + relativedelta(months=1, days=-1)
        return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    moved = re.fullmatch(r"easter([+-]\d+)", rule)
    if moved:
        return easter(year) + dt.timedelta(days=int(moved.group(1)))
    return None
