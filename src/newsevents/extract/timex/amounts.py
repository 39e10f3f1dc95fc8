"""Values of durations, sets and vague references: "three-day", "every year", "now".

Durations print as ISO 8601 periods (P3D, PT2H, P18M; PXW when the amount is
vague: "the past few weeks"); decades and centuries as years (P40Y), as
TimeBank does. Sets take the period of one recurrence (P1Y) or the recurring
date (XXXX-WXX-4 for "every Thursday").
"""

from __future__ import annotations

import re

from newsevents.extract.timex.grammar import Candidate
from newsevents.extract.timex.relative import whole
from newsevents.extract.timex.resolve import Context, Value, Valuer

CLOCK_UNITS = frozenset({"TH", "TM", "TS"})


def period(amount: float | None, unit: str) -> str:
    """An ISO 8601 period: (3, D) -> P3D, (2, TH) -> PT2H, (None, W) -> PXW,
    (2.5, Y) -> P2Y6M; quarters as months (P9M), decades and centuries as years (P40Y,
    "decades" PXY)."""
    scale = {"2W": (2, "W"), "Q": (3, "M"), "DE": (10, "Y"), "CE": (100, "Y")}
    if unit in scale:
        factor, unit = scale[unit]
        amount = None if amount is None else amount * factor
    clock = "T" if unit in CLOCK_UNITS else ""
    letter = unit[-1] if clock else unit
    if amount is None:
        return f"P{clock}X{letter}"
    number, rest = int(amount), amount - int(amount)
    if not rest:
        return f"P{clock}{number}{letter}"
    count, small_unit = whole(rest, unit)
    tail = period(count, small_unit)[1:]  # "6M", "T30M"
    if number == 0:
        return "P" + tail
    if clock and tail.startswith("T"):
        tail = tail[1:]
    return f"P{clock}{number}{letter}{tail}"


def _unit(word: str | None, ctx: Context) -> str | None:
    return ctx.vocab.code("unit", word)


def _amount(c: Candidate, ctx: Context) -> float | None:
    """The amount matched, in figures or words; a vague one counts when it has a number
    ("a couple of years": 2), not when it has none ("a few years")."""
    said = c.get("num") or c.get("vague")
    amount = ctx.vocab.number(said) if said else None
    if amount is not None and re.search(r"(?:and\s+a\s+half|1/2|½)(?=\s+\w+$|$)", c.text,
                                        re.IGNORECASE):
        amount += 0.5
    return amount


def duration(c: Candidate, ctx: Context) -> Value | None:
    """ "three-day", "less than a year", "the past few weeks", "two hours"."""
    word = c.get("unit") or c.get("unit_sg") or c.get("unit_pl") or ""
    unit = _unit(word, ctx)
    if unit is None or word[:1].isupper():
        return None  # a capitalised unit is a name: "60 Minutes"
    amount = _amount(c, ctx)
    article = (c.get("num") or "").lower() in ("a", "an", "one")
    if unit == "Q" and (article or re.match(r"\s+of\b", ctx.after)):
        return None  # "a quarter of the vote"
    if unit == "TS" and article:
        return None  # "a second summit"
    if unit == "WE" and article and ctx.next_tag.startswith("NN"):
        return None  # "a weekend raid": the article is the noun's, the weekend its date
    if amount is not None and amount > 1000:
        return None
    if amount is None and not (c.get("vague") or c.get("unit_pl")):
        amount = 1.0
    if article and not c.get("approx") and _after_quantity(ctx):
        return Value("SET", period(amount, unit))  # "$1 billion a year", "four flights a week"
    return Value("DURATION", period(amount, unit))


def _after_quantity(ctx: Context) -> bool:
    """Does the match follow an amount ("$5 billion", "30%", "four flights")?"""
    return ctx.prev_tag in ("CD", "NNS", "NNPS", "$") or \
        bool(re.search(r"(?:%|percent|cents?)\s*$", ctx.before))


def vague_span(c: Candidate, ctx: Context) -> Value | None:
    """ "for some time", "for a while", "for a fairly lengthy period": a length unsaid."""
    return Value("DURATION", "PXX")


def plural(c: Candidate, ctx: Context) -> Value | None:
    """ "for years", "within weeks", "weeks or months" -> PXY, PXW."""
    unit = _unit(c.get("unit_pl"), ctx)
    return Value("DURATION", period(None, unit)) if unit else None


def recent(c: Candidate, ctx: Context) -> Value | None:
    """ "recent weeks", "recent years and months": a vague duration up to now."""
    unit = _unit(c.get("unit_pl"), ctx)
    return Value("DURATION", period(None, unit)) if unit else None


def reference(c: Candidate, ctx: Context) -> Value | None:
    """ "now", "currently" (PRESENT_REF), "recently" (PAST_REF), "soon" (FUTURE_REF)."""
    code = ctx.vocab.code("reference", c.get("reference"))
    if code is None or is_discourse_now(c, ctx):
        return None
    if code == "FUTURE_REF" and ctx.tense == "past":
        return None  # "the crowd soon grew": soon after a past event, not after publication
    return Value("DATE", code)


def is_discourse_now(c: Candidate, ctx: Context) -> bool:
    """ "Now, the alliance ...": opening a sentence before a comma, "now" turns the talk
    rather than naming the present; TimeBank leaves it untagged."""
    return c.text == "Now" and ctx.after.startswith(",")


def set_(c: Candidate, ctx: Context) -> Value | None:
    """ "every year", "weekly", "twice a month", "every other day"."""
    word = ctx.vocab.code("set", c.get("set"))
    if word and ctx.tags and ctx.tags[-1] == "JJ" and ctx.next_tag.startswith("NN"):
        return None  # attributive: "a quarterly dividend", "the daily newspaper"
    if word and (ctx.tags[-1:] == ("NN",) or is_paper_name(ctx)):
        return None  # a noun: "declared its first quarterly", "the party daily Granma"
    if word:
        return Value("SET", word)
    unit = _unit(c.get("unit") or c.get("unit_sg"), ctx)
    if unit is None:
        return None
    amount = ctx.vocab.number(c.get("num")) if c.get("num") else 1.0
    if re.search(r"\bother\b", c.text, re.IGNORECASE):
        amount = 2.0
    if unit == "Q" and amount is not None and amount == int(amount):
        return Value("SET", f"P{int(amount)}Q")  # as "quarterly": a recurring quarter
    return Value("SET", period(amount, unit))


def is_paper_name(ctx: Context) -> bool:
    """ "the French daily Le Monde", "the Communist Party daily Granma": a newspaper."""
    return ctx.next_tag == "NNP" and ctx.prev_tag in ("NNP", "NNPS", "JJ", "DT")


def set_day(c: Candidate, ctx: Context) -> Value | None:
    """ "every Thursday", "Tuesdays", "each July", "every summer"."""
    pod = ctx.vocab.code("part_of_day", c.get("pod") or c.get("pod_pl"))
    suffix = f"T{pod}" if pod else ""
    day = ctx.vocab.weekday(c.get("weekday") or c.get("weekday_pl"))
    if day is not None:
        return Value("SET", f"XXXX-WXX-{day}{suffix}")
    month = ctx.vocab.month(c.get("month_full"))
    if month is not None:
        return Value("SET", f"XXXX-{month:02d}")
    season = ctx.vocab.code("season", c.get("season"))
    if season:
        return Value("SET", f"XXXX-{season}")
    return Value("SET", f"XXXX-XX-XX{suffix}") if suffix else None  # "every morning"


VALUERS: dict[str, Valuer] = {
    "duration": duration, "plural": plural, "recent": recent, "reference": reference,
    "vague_span": vague_span,
    "set": set_, "set_day": set_day,
}
