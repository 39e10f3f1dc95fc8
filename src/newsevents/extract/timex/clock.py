"""Values of clock times and parts of day: "10:35 a.m.", "noon Thursday", "9 a.m. EST
Tuesday", "overnight", "midday". The day they fall on is the one named beside them,
else the last day mentioned, else the publication date.
"""

from __future__ import annotations

import datetime as dt
import re

from newsevents.extract.timex.grammar import Candidate
from newsevents.extract.timex.relative import day_word, offset_day, weekday
from newsevents.extract.timex.resolve import Context, Value, Valuer, around, weekday_date


def clock(c: Candidate, ctx: Context) -> Value | None:
    """ "10:35 a.m.", "noon Thursday", "9 a.m. EST Tuesday": the day named, else the last
    day mentioned, else the publication date."""
    text = c.text.lower()
    spoken = ctx.vocab.number(c.get("num")) if c.get("num") else None
    digits = str(int(spoken)) if spoken and spoken == int(spoken) else c.get("hour")
    m = re.search(r"(\d{1,2})(?::(\d\d))?\s*(?:([ap])\.?\s?m)?", c.get("clock") or digits
                  or "")
    if c.get("hhmm"):
        hour, minute = int(c.groups["hhmm"][:2]), int(c.groups["hhmm"][2:])
    elif "noon" in text:
        hour, minute = 12, 0
    elif "midnight" in text:
        hour, minute = 24, 0
    elif m:
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        pm = m.group(3) == "p" or (c.get("pod") and ctx.vocab.code("part_of_day", c.get("pod"))
                                   in ("AF", "EV", "NI") and hour < 12)
        hour = hour % 12 + (12 if pm else 0) if m.group(3) or c.get("pod") else hour
    else:
        return None
    day = _clock_day(c, ctx)
    if day is None:
        return Value("TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}", anchored=False)
    if hour == 24 and is_past_midnight(c, ctx, day):
        hour = 0  # "shortly after midnight", told in the past: the one the day began with
    elif hour == 24 and day < dt.date.max.isoformat():
        # midnight ends the day named: written as the start of the next one
        hour, day = 0, (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()
    return Value("TIME", f"{day}T{hour:02d}:{minute:02d}")


def pod_alone(c: Candidate, ctx: Context) -> Value | None:
    """ "overnight", "midday", "mid-afternoon": that part of the last day mentioned, else
    of the publication date (for "overnight" told in the past, of the day before it)."""
    code = ctx.vocab.code("part_of_day", re.sub(r"^\w+\s+", "", c.text.lower())
                          if " " in c.text else c.text.lower())
    if code is None:
        return None
    if ctx.anchor is not None and ctx.anchor.grain == "day":
        return Value("TIME", f"{ctx.anchor.value}T{code}")
    # "shelled the town overnight": the night that ended on the publication morning
    eve = c.text.lower().endswith("overnight") and ctx.tense != "future"
    return offset_day(ctx, -1 if eve else 0, "TIME", f"T{code}")


# What may stand between a clock time and the weekday it belongs to.
DAY_AFTER_CLOCK = re.compile(r"\s*(?:(?:until|till|to|and)\s+\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?\s*)?"
                             r"(?:local time\s*)?(?:\([^)]{0,20}\)\s*)?(?:on\s+|,\s*)?"
                             r"([A-Z][a-z]+day)\b")


def is_past_midnight(c: Candidate, ctx: Context, day: str) -> bool:
    """Is a bare "midnight" told in the past of the publication date? Then it is the one
    that began that day, not the one ending it (unless a day is named: "midnight Friday")."""
    return ctx.tense == "past" and ctx.dct is not None and day == ctx.dct.isoformat() and \
        not (c.get("weekday") or c.get("dayword"))


def _clock_day(c: Candidate, ctx: Context) -> str | None:
    if c.get("weekday"):
        found = weekday(c, ctx)
        return found.value if found and found.anchored else None
    if c.get("dayword"):
        found = day_word(c, ctx)
        return found.value if found and found.anchored else None
    named = DAY_AFTER_CLOCK.match(ctx.after)
    number = ctx.vocab.weekday(named.group(1)) if named else None
    if number is not None:  # "at 2:30 p.m. (1830 GMT) on Wednesday": that Wednesday
        return weekday_date(number, None, ctx).isoformat() if ctx.dct else None
    if c.get("month") and c.get("day") and ctx.dct is not None:
        month, day = ctx.vocab.month(c.get("month")), int(re.sub(r"\D", "", c.groups["day"]))
        found_date = around(ctx, lambda y: _safe(y, month, day))
        return found_date.isoformat() if found_date else None
    if ctx.anchor is not None and ctx.anchor.grain == "day":
        return ctx.anchor.value
    return ctx.dct.isoformat() if ctx.dct else None


def _safe(year: int, month: int | None, day: int) -> dt.date | None:
    try:
        return dt.date(year, month or 0, day)
    except ValueError:
        return None


VALUERS: dict[str, Valuer] = {"clock": clock, "pod_alone": pod_alone}
