"""Values of calendar dates named in the text: "Jan. 8, 1984", "June", "the 1990s", "Q3".

Each function values one rule of ``lexicon/timex_rules.tsv`` (same name) and
returns None to refuse: an impossible date ("February 30"), a year outside
the span news talks about, a number that is a count ("2006 troops") or a
label ("Resolution 1441") rather than a year.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from newsevents.extract.timex.calendar import (
    Point,
    quarter_point,
    season_of,
    season_point,
    season_year,
)
from newsevents.extract.timex.grammar import Candidate
from newsevents.extract.timex.resolve import (
    Context,
    Value,
    Valuer,
    around,
    holiday_date,
    month_span_choice,
    plausible_year,
    safe_date,
    valid_month_day,
)


def _day_number(text: str | None) -> int | None:
    m = re.match(r"\d+", text or "")
    return int(m.group()) if m else None


def _year(c: Candidate, ctx: Context, name: str = "year") -> int | None:
    """The year the match names, in figures or in words ("the winter of nineteen
    ninety-four"); None when it names none or an implausible one."""
    text = c.get(name)
    if text is None:
        spoken = c.get("year_words")
        year = spoken_year(spoken, ctx) if spoken else None
    else:
        year = int(text)
    return year if year is not None and plausible_year(year, ctx) else None


def spoken_year(words: str, ctx: Context) -> int | None:
    """A year in words: "nineteen ninety-six" (century and rest), "two thousand and two"."""
    words = words.lower()
    if "thousand" in words:
        rest = re.sub(r"^two\s+thousand(?:\s+and)?\s*", "", words)
        return 2000 + int(ctx.vocab.number(rest) or 0)
    first, rest = re.split(r"\s+|-", words, maxsplit=1)
    century, tail = ctx.vocab.number(first), ctx.vocab.number(rest)
    if century is None or tail is None:
        return None
    return int(century) * 100 + int(tail)


def _month(c: Candidate, ctx: Context) -> int | None:
    return ctx.vocab.month(c.get("month") or c.get("month_full"))


def _relation(c: Candidate, ctx: Context) -> int | None:
    code = ctx.vocab.code("relative", c.get("rel"))
    return int(code) if code is not None else None


def _unresolved(value: str, type_: str = "DATE") -> Value:
    return Value(type_, value, anchored=False)


def date(c: Candidate, ctx: Context) -> Value | None:
    """A full calendar date; None when it cannot exist."""
    year, month, day = _year(c, ctx), _month(c, ctx), _day_number(c.get("day"))
    if c.get("mm"):
        month, day = int(c.groups["mm"]), int(c.groups["dd"])
    if year is None or month is None or day is None:
        return None
    found = safe_date(year, month, day)
    return Value("DATE", found.isoformat()) if found else None


def month_day(c: Candidate, ctx: Context) -> Value | None:
    """A day of a month without a year: the year the tense points to."""
    month = _month(c, ctx)
    day = _day_number(c.get("day")) or ctx.vocab.ordinal(c.get("ordinal"))
    if month is None or day is None or not valid_month_day(month, day):
        return None
    if ctx.dct is None:
        return _unresolved(f"XXXX-{month:02d}-{day:02d}")
    found = around(ctx, lambda year: safe_date(year, month, day))
    return Value("DATE", found.isoformat()) if found else None


def week_of(c: Candidate, ctx: Context) -> Value | None:
    """ "the week of March 6": the ISO week of that day."""
    day = month_day(c, ctx)
    if day is None or not day.anchored:
        return None if day is None else _unresolved("XXXX-WXX")
    return Value("DATE", Point(dt.date.fromisoformat(day.value), "week").value)


def month_year(c: Candidate, ctx: Context) -> Value | None:
    year, month = _year(c, ctx), _month(c, ctx)
    if year is None or month is None:
        return None
    return Value("DATE", f"{year:04d}-{month:02d}")


def month_rel(c: Candidate, ctx: Context) -> Value | None:
    """ "June of this year" (the year named), "last June" (the June before this month)."""
    month, relation = _month(c, ctx), _relation(c, ctx)
    if month is None or relation is None:
        return None
    if ctx.dct is None:
        return _unresolved(f"XXXX-{month:02d}")
    year = ctx.dct.year
    if re.search(r"year$", c.text, re.IGNORECASE):
        year += relation
    elif relation < 0 and month >= ctx.dct.month:
        year -= 1
    elif relation > 0 and month <= ctx.dct.month:
        year += 1
    return Value("DATE", f"{year:04d}-{month:02d}")


def month(c: Candidate, ctx: Context) -> Value | None:
    """A bare month name ("in June"); not the modal verb "may" nor "March" as a verb."""
    number = _month(c, ctx)
    if number is None or (ctx.tags and ctx.tags[-1] in ("MD", "VB", "VBP", "VBZ")):
        return None
    if ctx.dct is None:
        return _unresolved(f"XXXX-{number:02d}")
    if ctx.habitual:
        return Value("DATE", f"XXXX-{number:02d}")  # no one year: nothing left to resolve
    if names_a_thing(ctx) and ctx.tense != "past":
        ctx = dataclasses.replace(ctx, tense=None, plain_tense=None)
    return Value("DATE", f"{month_span_choice(number, ctx):04d}-{number:02d}")


def names_a_thing(ctx: Context) -> bool:
    """ "a June agreement", "the November elections": a month naming a thing dates it
    by itself. A present or future clause may speak of a thing already past ("is trying
    to sell itself under a June agreement"), so the nearest such month is meant; a past
    clause still puts it behind ("gathered evidence in the October slaying")."""
    return ctx.prev_tag in ("DT", "PRP$", "POS") and ctx.next_tag in ("NN", "NNS")


def year(c: Candidate, ctx: Context) -> Value | None:
    """A year; None for counts ("2006 troops") and labels ("Resolution 1441")."""
    if c.get("yy"):
        short = int(c.groups["yy"][1:])
        value = (1900 if short > 40 else 2000) + short
    else:
        value = _year(c, ctx) or 0
    if not plausible_year(value, ctx):
        return None
    if c.get("year") == c.text and ctx.number_role:
        return None
    return Value("DATE", f"{value:04d}")


def year_words(c: Candidate, ctx: Context) -> Value | None:
    """A year in words, as transcripts print them: "nineteen ninety-six", "two thousand"."""
    value = spoken_year(re.sub(r"^the\s+year\s+", "", c.text, flags=re.IGNORECASE), ctx)
    if value is None or not plausible_year(value, ctx):
        return None
    return Value("DATE", f"{value:04d}")


def decade(c: Candidate, ctx: Context) -> Value | None:
    """ "the 1990s" -> 199, "the '60s" / "the sixties" -> 196."""
    digits = re.sub(r"\D", "", c.get("decade") or "")
    if c.get("decade_word"):
        code = ctx.vocab.code("decade_word", c.get("decade_word"))
        digits = code or ""
    if len(digits) == 4:
        return Value("DATE", digits[:3])
    if len(digits) in (1, 2):
        tens = int(digits[0])
        now = ctx.dct.year if ctx.dct else 1999
        century = 20 if 2000 + tens * 10 <= now else 19
        return Value("DATE", f"{century}{tens}")
    return None


def century(c: Candidate, ctx: Context) -> Value | None:
    number = ctx.vocab.ordinal(c.get("ordinal"))
    if number is None or not 1 <= number <= 22:
        return None
    return Value("DATE", f"{number - 1:02d}")


def _period_year(c: Candidate, ctx: Context, start: dt.date | None) -> int | None:
    """The year of a quarter, half or season: named, "of this year", else by tense."""
    named = _year(c, ctx)
    if named is not None:
        return named
    if c.get("year"):
        return None
    relation = _relation(c, ctx)
    if ctx.dct is None:
        return None
    if relation is not None:
        return ctx.dct.year + relation
    if start is not None and ctx.tense == "past" and start > ctx.dct:
        return ctx.dct.year - 1
    return ctx.dct.year


def _names_last(c: Candidate, ctx: Context) -> bool:
    """ "the last", "the final", "the latter" quarter or half: the last of the year's."""
    return ctx.vocab.code("ordinal", c.get("ordinal")) == "L" or bool(
        re.search(r"\b(?:final|latter)\b", c.text, re.IGNORECASE))


def quarter(c: Candidate, ctx: Context) -> Value | None:
    """ "the third quarter" -> 1989-Q3 (the publication year unless named)."""
    text = c.text
    letter = re.search(r"Q([1-4])", text)
    number = int(letter.group(1)) if letter else ctx.vocab.ordinal(c.get("ordinal"))
    if number is None and _names_last(c, ctx) and re.search(r"\byear\b|\d", text):
        # "the last quarter of 2012", "the final quarter of the year"; alone, "the last
        # quarter" is the latest one, and "the final quarter" may be a game's
        number = 4
    if number is None and c.get("year"):
        return year_period(c, ctx)
    if number is None or not 1 <= number <= 4:
        return None
    start = quarter_point(ctx.dct.year, number).day if ctx.dct else None
    year = _period_year(c, ctx, start)
    if year is None:
        return None if c.get("year") else _unresolved(f"XXXX-Q{number}")
    return Value("DATE", quarter_point(year, number).value)


def year_period(c: Candidate, ctx: Context) -> Value | None:
    """ "the 1988 period", "the 1988 quarter": the quarter discussed, in the year named; the
    year alone when no quarter was discussed."""
    year = _year(c, ctx)
    if year is None:
        return None
    if ctx.quarter is None:
        return Value("DATE", f"{year:04d}")
    return Value("DATE", quarter_point(year, (ctx.quarter.day.month - 1) // 3 + 1).value)


def half(c: Candidate, ctx: Context) -> Value | None:
    """ "the first half of 2019", "the second half of this year", "the last half of 1989",
    "the first half of the year" (the publication year)."""
    number = 2 if _names_last(c, ctx) else ctx.vocab.ordinal(c.get("ordinal"))
    if number not in (1, 2):
        return None
    year = _period_year(c, ctx, None)
    if year is None:
        return None if c.get("year") else _unresolved(f"XXXX-H{number}")
    return Value("DATE", f"{year:04d}-H{number}")


def season(c: Candidate, ctx: Context) -> Value | None:
    """ "this summer", "last fall", "the winter of 1998"."""
    code = ctx.vocab.code("season", c.get("season"))
    if code is None:
        return None
    named = _year(c, ctx)
    if named is not None:
        return Value("DATE", f"{named:04d}-{code}")
    if c.get("year"):
        return None
    if ctx.dct is None:
        return _unresolved(f"XXXX-{code}")
    relation = _relation(c, ctx)
    current = season_point(season_year(ctx.dct), season_of(ctx.dct))
    winter_start = code == "WI" and ctx.dct.month < 3
    point = season_point(ctx.dct.year - 1 if winter_start else ctx.dct.year, code)
    if relation is not None and re.search(r"year$", c.text, re.IGNORECASE):
        point = season_point(ctx.dct.year + relation, code)
    elif relation == -1 and point.day >= current.day:
        point = point.shift(-1, "Y")
    elif relation == 1 and point.day <= current.day:
        point = point.shift(1, "Y")
    elif relation is None and ctx.tense == "past" and point.day > ctx.dct:
        point = point.shift(-1, "Y")
    elif relation is None and ctx.tense == "future" and point.day < current.day:
        point = point.shift(1, "Y")  # "will resume in the spring", said in the autumn
    return Value("DATE", point.value)


def holiday(c: Candidate, ctx: Context) -> Value | None:
    """A named day ("New Year's", "Thanksgiving"): its date in the year the tense points to."""
    rule = ctx.vocab.code("holiday", c.get("holiday"))
    if rule is None:
        return None
    named = _year(c, ctx)
    if named is not None:
        found = holiday_date(rule, named)
        return Value("DATE", found.isoformat()) if found else None
    if ctx.dct is None:
        sample = holiday_date(rule, 2001)
        fixed = re.fullmatch(r"\d\d-\d\d", rule)
        return _unresolved(f"XXXX-{rule}" if fixed else "XXXX-XX-XX") if sample else None
    found = around(ctx, lambda y: holiday_date(rule, y))
    return Value("DATE", found.isoformat()) if found else None


def holiday_week(c: Candidate, ctx: Context) -> Value | None:
    """ "Easter week", "Thanksgiving week": the ISO week holding that day."""
    day = holiday(c, ctx)
    if day is None or not day.anchored:
        return None if day is None else _unresolved("XXXX-WXX")
    return Value("DATE", Point(dt.date.fromisoformat(day.value), "week").value)


def holiday_weekend(c: Candidate, ctx: Context) -> Value | None:
    """ "Easter weekend", "Thanksgiving weekend", "Memorial Day weekend": the weekend of the
    holiday's week, or the one just before a Monday holiday."""
    day = holiday(c, ctx)
    if day is None or not day.anchored:
        return None if day is None else _unresolved("XXXX-WXX-WE")
    date_ = dt.date.fromisoformat(day.value)
    if date_.isoweekday() == 1:
        date_ -= dt.timedelta(days=1)
    return Value("DATE", Point(date_, "weekend").value)


VALUERS: dict[str, Valuer] = {
    "date": date, "month_day": month_day, "week_of": week_of, "month_year": month_year,
    "month_rel": month_rel,
    "month": month, "year": year, "year_words": year_words, "decade": decade,
    "century": century, "quarter": quarter, "half": half, "season": season, "holiday": holiday,
    "holiday_week": holiday_week, "holiday_weekend": holiday_weekend,
}
