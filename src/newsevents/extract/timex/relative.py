"""Values of expressions relative to the publication date or to the last date mentioned.

"yesterday", "last month", "Tuesday morning", "the weekend", "two years ago"
count from the publication date; "two days later", "the following week",
"that year" from the last specific date the text mentioned before them (the
publication date when there is none). Without a publication date (and no
earlier date to count from) the value stays unresolved: ``XXXX-WXX-2``,
``XXXX-XX``, ``anchored`` false.
"""

from __future__ import annotations

import datetime as dt
import re

from newsevents.extract.timex.calendar import GRAINS, UNIT_GRAIN, Point, quarter_point, week_start
from newsevents.extract.timex.grammar import Candidate
from newsevents.extract.timex.resolve import Context, Value, Valuer, weekday_date

# The unresolved form of a point of each grain.
UNRESOLVED = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE",
              "month": "XXXX-XX", "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX",
              "century": "XX"}


def _unit(c: Candidate, ctx: Context) -> str | None:
    word = c.get("unit") or c.get("unit_sg") or c.get("unit_pl") or c.get("unit_cal")
    return ctx.vocab.code("unit", word) or ctx.vocab.code("calendar_unit", word)


def _count(c: Candidate, ctx: Context) -> float | None:
    """The count matched; a vague one only when it has a number ("a couple of": 2)."""
    said = c.get("num") or c.get("vague")
    return ctx.vocab.number(said) if said else None


def whole(amount: float, unit: str) -> tuple[int, str]:
    """A fractional amount in a smaller unit (1.5 years -> 18 months)."""
    if amount == int(amount):
        return int(amount), unit
    smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("TH", 24),
               "DE": ("Y", 10), "CE": ("Y", 100), "TH": ("TM", 60), "TM": ("TS", 60),
               "Q": ("M", 3)}
    if unit in smaller:
        name, factor = smaller[unit]
        return round(amount * factor), name
    return round(amount), unit


def shifted(point: Point, amount: int, unit: str) -> Point:
    """``point`` moved by a TIMEX3 unit, clock units counted in days."""
    if unit in ("TH", "TM", "TS"):
        hours = {"TH": 1, "TM": 1 / 60, "TS": 1 / 3600}[unit] * amount
        return Point(point.day + dt.timedelta(days=int(hours / 24)), point.grain)
    if unit == "2W":
        return point.shift(2 * amount, "W")
    return point.shift(amount, unit)


def offset_day(ctx: Context, offset: int, type_: str = "DATE", suffix: str = "") -> Value:
    """The publication date moved by ``offset`` days, unresolved without one."""
    if ctx.dct is None:
        return Value(type_, UNRESOLVED["day"] + suffix, anchored=False)
    return Value(type_, (ctx.dct + dt.timedelta(days=offset)).isoformat() + suffix)


def _pod(ctx: Context, word: str | None) -> str:
    code = ctx.vocab.code("part_of_day", word)
    return f"T{code}" if code else ""


def day_word(c: Candidate, ctx: Context) -> Value | None:
    """ "yesterday", "today", "tomorrow", "late yesterday", "the day before yesterday"; not
    the generic "today's youth"."""
    offset = ctx.vocab.code("day_word", c.get("dayword"))
    if offset is None or generic_day(int(offset), ctx):
        return None
    step = re.match(r"(?:the\s+)?day\s+(before|after)\s", c.text, re.IGNORECASE)
    if step is None:
        return offset_day(ctx, int(offset))
    return offset_day(ctx, int(offset) + (-1 if step.group(1).lower() == "before" else 1))


def generic_day(offset: int, ctx: Context) -> bool:
    """ "today's youth", "the world of today", "the leaders of tomorrow": the present or the
    future in general, not a day. TimeBank leaves these untagged."""
    owner = re.match(r"['’]s\s+(\w+)(?:\s+(\w+))?", ctx.after)
    if owner and any(ctx.vocab.code("generic_noun", word) for word in owner.groups() if word):
        return True  # the owned noun, or the one after its adjective
    return offset >= 0 and bool(re.search(r"\bof\s+$", ctx.before))


def day_word_pod(c: Candidate, ctx: Context) -> Value | None:
    """ "yesterday morning", "this afternoon", "last night", "tonight" (TIME)."""
    text = c.text.lower()
    if text == "tonight":
        return offset_day(ctx, 0, "TIME", "TNI")
    offset_code = ctx.vocab.code("day_word", c.get("dayword"))
    if offset_code is not None:
        offset = int(offset_code)
    else:
        offset = -1 if text.split()[-2:-1] == ["last"] else 1 if "tomorrow" in text else 0
    return offset_day(ctx, offset, "TIME", _pod(ctx, c.get("pod")))


def weekday(c: Candidate, ctx: Context) -> Value | None:
    """A weekday: the one the tense (or "last"/"next"/"this") points to."""
    number = ctx.vocab.weekday(c.get("weekday"))
    if number is None:
        return None
    if ctx.dct is None:
        return Value("DATE", f"XXXX-WXX-{number}", anchored=False)
    code = ctx.vocab.code("relative", c.get("rel"))
    found = weekday_date(number, int(code) if code is not None else None, ctx)
    return Value("DATE", found.isoformat())


def anchored_weekday(c: Candidate, ctx: Context) -> Value | None:
    """ "the previous Friday", "the following Monday": that weekday before or after the
    last day mentioned (else the publication date), never that day itself."""
    number = ctx.vocab.weekday(c.get("weekday"))
    code = ctx.vocab.code("anchor", c.get("anchor"))
    if number is None or code is None or int(code) == 0:
        return None
    base = ctx.base if ctx.base is not None and ctx.base.grain == "day" else None
    if base is None and ctx.dct is not None:
        base = Point(ctx.dct, "day")
    if base is None:
        return Value("DATE", f"XXXX-WXX-{number}", anchored=False)
    day = base.day
    if int(code) < 0:
        return Value("DATE", (day - dt.timedelta(days=(day.isoweekday() - number) % 7 or 7))
                     .isoformat())
    return Value("DATE", (day + dt.timedelta(days=(number - day.isoweekday()) % 7 or 7))
                 .isoformat())


def weekday_pod(c: Candidate, ctx: Context) -> Value | None:
    """ "Tuesday morning" -> 2019-01-08TMO (TIME)."""
    found = weekday(c, ctx)
    if found is None:
        return None
    return Value("TIME", found.value + _pod(ctx, c.get("pod")), found.anchored)


def weekend(c: Candidate, ctx: Context) -> Value | None:
    """ "the weekend": the last one in a past-tense clause, else the coming one; so too
    "weekend" said of a noun ("a weekend raid")."""
    if c.text.lower() == "weekend" and not ctx.next_tag.startswith("NN"):
        return None
    if ctx.dct is None:
        return Value("DATE", UNRESOLVED["weekend"], anchored=False)
    saturday = weekday_date(6, None, ctx)
    if ctx.tense not in ("future", "present") and ctx.dct.isoweekday() == 7:
        saturday = ctx.dct - dt.timedelta(days=1)
    return Value("DATE", Point(saturday, "weekend").value)


def relative(c: Candidate, ctx: Context) -> Value | None:
    """ "last week", "this year", "next month", "earlier this year"; "the past year" is a
    duration (P1Y)."""
    unit = _unit(c, ctx)
    code = ctx.vocab.code("relative", c.get("rel"))
    if unit is None or code is None or unit == "D" or (c.get("unit_cal") or "")[:1].isupper():
        return None  # "This Week" is a programme
    relation = int(code)
    said = re.sub(r"\s+or\s+so$", "", c.text, flags=re.IGNORECASE)
    if re.search(r"\bthe\s+\w+\s+\w+$", said, re.IGNORECASE) and relation < 0:
        return Value("DURATION", f"P1{unit}" if unit not in ("DE", "CE") else
                     {"DE": "P10Y", "CE": "P100Y"}[unit])
    grain = UNIT_GRAIN.get(unit, "year")
    if ctx.dct is None:
        return Value("DATE", UNRESOLVED.get(grain, "XXXX"), anchored=False)
    point = Point(ctx.dct, grain)
    if unit == "WE":
        point = Point(week_start(ctx.dct), "weekend")
    return Value("DATE", point.shift(relation, unit).value)


# The parts of a date its anchor leaves unknown, as TIMEX3 writes them: "that same day"
# after "in October 1998" is 1998-10-XX.
UNKNOWN_PARTS = {("month", "day"): "-XX", ("year", "day"): "-XX-XX", ("year", "month"): "-XX"}


def anchored(c: Candidate, ctx: Context) -> Value | None:
    """ "the next day", "the following week", "that year": from the last date mentioned."""
    unit = _unit(c, ctx)
    if unit is None:
        return None
    code = ctx.vocab.code("anchor", c.get("anchor"))
    relation = int(code) if code is not None else 0
    base = ctx.base
    grain = UNIT_GRAIN.get(unit, "year")
    if base is None:
        return Value("DATE", UNRESOLVED.get(grain, "XXXX"), anchored=False)
    if GRAINS.index(base.grain) > GRAINS.index(grain):
        unknown = UNKNOWN_PARTS.get((base.grain, grain))
        if unknown is not None and relation == 0:
            return Value("DATE", base.value + unknown)  # "that same day" after "in October"
        grain = base.grain  # "the next day" after "in 2006" stays 2006
    return Value("DATE", shifted(base.at(grain), relation, unit).value)


def anchored_pod(c: Candidate, ctx: Context) -> Value | None:
    """ "the next morning", "the previous night", "that night": a part of the last date
    mentioned or of a day next to it."""
    code = ctx.vocab.code("anchor", c.get("anchor"))
    base = ctx.base if ctx.base is not None and ctx.base.grain == "day" else None
    if base is None and ctx.dct is not None:
        base = Point(ctx.dct, "day")
    if code is None and c.get("anchor"):
        return None
    if base is None:
        return Value("TIME", UNRESOLVED["day"] + _pod(ctx, c.get("pod")), anchored=False)
    return Value("TIME", base.shift(int(code or 0), "D").value + _pod(ctx, c.get("pod")))


def ordinal_day(c: Candidate, ctx: Context) -> Value | None:
    """ "today is the eighth day of the strike", "it's the second day of the offensive": a
    count of days that names the day it is said on, the publication date."""
    return offset_day(ctx, 0) if ctx.tense == "present" else None


def this_unit(c: Candidate, ctx: Context) -> Value | None:
    """ "the end of the month", "year-end", "the current fiscal year": the publication's."""
    unit = _unit(c, ctx) or "Y"
    grain = UNIT_GRAIN.get(unit, "year")
    if grain == "day" and ctx.base is not None and ctx.base.grain == "day":
        return Value("DATE", ctx.base.value)  # "later in the day": the day last mentioned
    if ctx.dct is None:
        return Value("DATE", UNRESOLVED.get(grain, "XXXX"), anchored=False)
    point = Point(ctx.dct, grain)
    if grain == "week" and ctx.dct.isoweekday() == 7 and ctx.tense in ("present", "future"):
        point = point.shift(1, "W")  # said on a Sunday, "by the end of the week": the next
    return Value("DATE", point.value)


def fiscal_span(c: Candidate, ctx: Context) -> Value | None:
    """ "the year ended Sept. 30": a reporting period, a duration."""
    return Value("DURATION", "P1Y")


def ago(c: Candidate, ctx: Context) -> Value | None:
    """ "two years ago" -> the publication year minus two; "years ago" -> PAST_REF."""
    unit, amount = _unit(c, ctx), _count(c, ctx)
    if unit is None:
        return None
    if amount is None:
        return Value("DATE", "PAST_REF")
    count, unit = whole(amount, unit)
    grain = UNIT_GRAIN.get(unit, "year")
    if unit == "Y" and count == 1 and ctx.quarter is not None:
        return Value("DATE", ctx.quarter.shift(-1, "Y").value)
    if ctx.dct is None:
        return Value("DATE", UNRESOLVED.get(grain, "XXXX"), anchored=False)
    grain = "year" if grain in ("decade", "century") else grain
    return Value("DATE", shifted(Point(ctx.dct, grain), -count, unit).value)


def later(c: Candidate, ctx: Context) -> Value | None:
    """ "two days later", "a year earlier": from the last date mentioned, at its grain."""
    unit, amount = _unit(c, ctx), _count(c, ctx)
    if unit is None or amount is None:
        return None
    count, unit = whole(amount, unit)
    sign = -1 if c.text.lower().rstrip().endswith("earlier") else 1
    if unit == "Y" and ctx.quarter is not None:
        return Value("DATE", ctx.quarter.shift(sign * count, "Y").value)
    if ctx.anchor is not None:
        return Value("DATE", shifted(ctx.anchor, sign * count, unit).value)
    grain = UNIT_GRAIN.get(unit, "year")
    if ctx.dct is None:
        return Value("DATE", UNRESOLVED.get(grain, "XXXX"), anchored=False)
    return Value("DATE", shifted(Point(ctx.dct, grain), sign * count, unit).value)


def from_now(c: Candidate, ctx: Context) -> Value | None:
    unit, amount = _unit(c, ctx), _count(c, ctx)
    if unit is None:
        return None
    if amount is None:
        return Value("DATE", "FUTURE_REF")
    count, unit = whole(amount, unit)
    grain = UNIT_GRAIN.get(unit, "year")
    if ctx.dct is None:
        return Value("DATE", UNRESOLVED.get(grain, "XXXX"), anchored=False)
    return Value("DATE", shifted(Point(ctx.dct, grain), count, unit).value)


def year_ago(c: Candidate, ctx: Context) -> Value | None:
    """ "the year-earlier quarter", "year-ago": the quarter discussed, a year back."""
    if ctx.quarter is not None:
        return Value("DATE", ctx.quarter.shift(-1, "Y").value)
    if ctx.dct is None:
        return Value("DATE", "XXXX", anchored=False)
    return Value("DATE", f"{ctx.dct.year - 1:04d}")


def latest(c: Candidate, ctx: Context) -> Value | None:
    """ "the latest quarter", "the quarter": the quarter discussed, else the last one ended."""
    if ctx.quarter is not None:
        return Value("DATE", ctx.quarter.value)
    if ctx.dct is None:
        return Value("DATE", "XXXX-QX", anchored=False)
    current = quarter_point(ctx.dct.year, (ctx.dct.month - 1) // 3 + 1)
    return Value("DATE", current.shift(-1, "Q").value)


VALUERS: dict[str, Valuer] = {
    "day_word": day_word, "day_word_pod": day_word_pod, "weekday": weekday,
    "weekday_pod": weekday_pod, "anchored_weekday": anchored_weekday, "weekend": weekend,
    "relative": relative,
    "anchored": anchored, "anchored_pod": anchored_pod, "ordinal_day": ordinal_day,
    "this_unit": this_unit,
    "fiscal_span": fiscal_span, "ago": ago, "later": later, "from_now": from_now,
    "year_ago": year_ago, "latest": latest,
}
