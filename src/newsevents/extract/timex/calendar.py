"""Calendar points at a granularity, and the TIMEX3 values they print as.

A ``Point`` is a day plus the granularity it stands for (``2019-01-08`` at
"month" prints ``2019-01``). Shifting keeps the granularity, so "a year
earlier" than the third quarter of 1989 is the third quarter of 1988, which is
how TimeML annotators value it. Arithmetic is dateutil's ``relativedelta``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

# Finest to coarsest.
GRAINS = ("day", "weekend", "week", "month", "season", "quarter", "half", "year",
          "decade", "century")
# TIMEX3 duration unit letters (with T for clock units) -> the grain of a point.
UNIT_GRAIN = {"D": "day", "W": "week", "WE": "weekend", "M": "month", "Q": "quarter",
              "Y": "year", "DE": "decade", "CE": "century", "TH": "day", "TM": "day",
              "TS": "day"}
SEASONS = ("WI", "SP", "SU", "FA")  # by the month they start in: Dec, Mar, Jun, Sep
SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True)
class Point:
    """A calendar point: ``day`` (the first day it covers) at ``grain``."""

    day: dt.date
    grain: str

    @property
    def value(self) -> str:
        """The TIMEX3 value: 2019-01-08, 2019-W02, 2019-W02-WE, 2019-01, 2019-Q1 ..."""
        d = self.day
        if self.grain == "day":
            return d.isoformat()
        if self.grain in ("week", "weekend"):
            year, week, _ = d.isocalendar()
            return f"{year}-W{week:02d}" + ("-WE" if self.grain == "weekend" else "")
        if self.grain == "month":
            return f"{d.year:04d}-{d.month:02d}"
        if self.grain == "season":
            return f"{season_year(d):04d}-{season_of(d)}"
        if self.grain == "quarter":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if self.grain == "half":
            return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
        if self.grain == "decade":
            return f"{d.year // 10:03d}"
        if self.grain == "century":
            return f"{d.year // 100:02d}"
        return f"{d.year:04d}"

    def bounds(self) -> tuple[dt.date, dt.date]:
        """The first and last day this point covers."""
        if self.grain == "weekend":
            saturday = week_start(self.day) + dt.timedelta(days=5)
            return saturday, saturday + dt.timedelta(days=1)
        length = {"day": relativedelta(days=1), "week": relativedelta(weeks=1),
                  "month": relativedelta(months=1), "season": relativedelta(months=3),
                  "quarter": relativedelta(months=3), "half": relativedelta(months=6),
                  "year": relativedelta(years=1), "decade": relativedelta(years=10),
                  "century": relativedelta(years=100)}[self.grain]
        try:
            return self.day, self.day + length - dt.timedelta(days=1)
        except (OverflowError, ValueError):
            return self.day, self.day

    def at(self, grain: str) -> Point:
        """The same point, at another granularity (coarser or finer)."""
        return Point(self.day, grain)

    def shift(self, amount: int, unit: str) -> Point:
        """Moved by ``amount`` of a TIMEX3 unit (D, W, M, Q, Y, DE, CE), grain kept."""
        step = {"D": relativedelta(days=1), "W": relativedelta(weeks=1),
                "WE": relativedelta(weeks=1), "M": relativedelta(months=1),
                "Q": relativedelta(months=3), "H": relativedelta(months=6),
                "Y": relativedelta(years=1), "DE": relativedelta(years=10),
                "CE": relativedelta(years=100)}.get(unit)
        if step is None:
            return self
        try:
            return Point(self.day + step * amount, self.grain)
        except (OverflowError, ValueError):
            return self


def season_of(day: dt.date) -> str:
    return SEASONS[(day.month % 12) // 3]


def season_year(day: dt.date) -> int:
    """Winter is counted in the year it starts (December)."""
    return day.year - 1 if day.month < 3 else day.year


def season_point(year: int, season: str) -> Point:
    return Point(dt.date(year, SEASON_MONTH[season], 1), "season")


def quarter_point(year: int, quarter: int) -> Point:
    return Point(dt.date(year, 3 * (quarter - 1) + 1, 1), "quarter")


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


_VALUE_FORMS = (
    (re.compile(r"(\d{4})-(\d\d)-(\d\d)$"), "day"),
    (re.compile(r"(\d{4})-W(\d\d)(-WE)?$"), "week"),
    (re.compile(r"(\d{4})-(\d\d)$"), "month"),
    (re.compile(r"(\d{4})-Q([1-4])$"), "quarter"),
    (re.compile(r"(\d{4})-H([12])$"), "half"),
    (re.compile(r"(\d{4})-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"(\d{4})$"), "year"),
)


def parse_value(value: str | None) -> Point | None:
    """The point a specific TIMEX3 date value stands for; None for anything vaguer."""
    if not value:
        return None
    for pattern, grain in _VALUE_FORMS:
        m = pattern.match(value[:10] if grain == "day" else value)
        if not m:
            continue
        try:
            return _point(m, grain)
        except ValueError:
            return None
    return None


def _point(m: re.Match[str], grain: str) -> Point:
    year = int(m.group(1))
    if grain == "day":
        return Point(dt.date(year, int(m.group(2)), int(m.group(3))), "day")
    if grain == "week":
        monday = dt.date.fromisocalendar(year, int(m.group(2)), 1)
        return Point(monday, "weekend" if m.group(3) else "week")
    if grain == "month":
        return Point(dt.date(year, int(m.group(2)), 1), "month")
    if grain == "quarter":
        return quarter_point(year, int(m.group(2)))
    if grain == "half":
        return Point(dt.date(year, 1 if m.group(2) == "1" else 7, 1), "half")
    if grain == "season":
        return season_point(year, m.group(2))
    return Point(dt.date(year, 1, 1), "year")
