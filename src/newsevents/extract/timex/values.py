"""The registry from rule names (``lexicon/timex_rules.tsv``) to the functions that value them."""

from __future__ import annotations

from newsevents.extract.timex import amounts, clock, dates, relative
from newsevents.extract.timex.grammar import Candidate
from newsevents.extract.timex.resolve import Context, Value, Valuer

VALUERS: dict[str, Valuer] = {**dates.VALUERS, **relative.VALUERS, **clock.VALUERS,
                              **amounts.VALUERS}
BLOCKING_PREFIX = "not_"  # rules that claim their span and yield nothing


def check_rules(names: set[str]) -> None:
    """Refuse a lexicon whose rules name no valuing function (a typo in the TSV)."""
    unknown = sorted(n for n in names if n not in VALUERS and not n.startswith(BLOCKING_PREFIX))
    if unknown:
        raise ValueError(f"timex rules with no valuing function: {', '.join(unknown)}")


def value_of(candidate: Candidate, ctx: Context) -> Value | None:
    """The candidate's TIMEX3 type and value; None when its rule refuses it."""
    if candidate.rule.startswith(BLOCKING_PREFIX):
        return None
    try:
        return VALUERS[candidate.rule](candidate, ctx)
    except (OverflowError, ValueError):
        return None  # arithmetic off the calendar ("999999999 hours later", year 10000)
