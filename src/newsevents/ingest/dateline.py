"""Find the dateline that opens a story: "SEOUL (Reuters) -", "Lima, 12 September 2025 (AT) —".

No library parses news datelines, and the shape is narrow enough for one regex
plus a few checks: a short capitalised place, optionally a date and an agency in
parentheses, then a dash (hyphen, en dash, em dash, "--" or the wire "_").
The checks keep an ordinary sentence opening ("Kim arrived (by train) - ...")
from passing as a dateline. Dates are parsed with dateutil, and only when they
carry a year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil import parser as dateparser

from newsevents.records import Dateline

MAX_PLACE_WORDS = 4
MAX_AGENCY_WORDS = 5
CONNECTORS = frozenset({"de", "da", "do", "dos", "das", "del", "della", "la", "le", "el", "al",
                        "of", "on", "upon", "am", "an", "es", "sur", "y"})

_SPACE = r"[ \t\u00a0\u2009\u202f]"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?"
# "Jan. 8, 2019", "8 January 2019", "Friday 22 November 2024", "2019-01-08"
_DATE = (
    rf"(?:{_WEEKDAY}{_SPACE}+)?"
    rf"(?:{_MONTH}{_SPACE}+\d{{1,2}}(?:st|nd|rd|th)?(?:,?{_SPACE}+\d{{4}})?"
    rf"|\d{{1,2}}{_SPACE}+{_MONTH}(?:,?{_SPACE}+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})"
)
_DASH = r"(?:--|[–—]|[-_](?=\s))"
# PLACE[, DATE] [(AGENCY)][, DATE] DASH — the common wire forms.
DATELINE = re.compile(
    rf"(?P<head>[^\n()–—]{{1,80}}?){_SPACE}*"
    rf"(?:\((?P<agency>[^()\n]{{1,40}})\){_SPACE}*)?"
    rf"(?:,{_SPACE}*(?P<date_after>{_DATE}){_SPACE}*)?"
    rf"(?P<dash>{_DASH})"
    r"\s*"
)
# PLACE DASH DATE DASH [(AGENCY)] — the date set off by dashes, the agency after it.
DASHED_DATELINE = re.compile(
    rf"(?P<head>[^\n()–—,]{{1,40}}?){_SPACE}*{_DASH}{_SPACE}*(?P<date_after>{_DATE})"
    rf"{_SPACE}*{_DASH}{_SPACE}*(?:\((?P<agency>[^()\n]{{1,40}})\))?\s*"
)
DATE_AT_END = re.compile(rf",{_SPACE}*(?P<date>{_DATE}){_SPACE}*$")
PLACE_WORD = re.compile(r"^[^\W\d_][\w.'’-]*$")
YEAR = re.compile(r"\b\d{4}\b")


@dataclass(frozen=True)
class DatelineMatch:
    """A dateline and the publication date it states, if it states one with a year."""

    dateline: Dateline
    date: str | None


def _is_place(place: str) -> bool:
    """A short capitalised name: at most four capitalised words (connectors aside);
    wires join the places of a two-city story with a slash ("BRUSSELS/KYIV")."""
    words = place.replace(",", " ").replace("/", " ").split()
    named = [w for w in words if w not in CONNECTORS]
    if not named or len(named) > MAX_PLACE_WORDS or len(place.split(",")) > 2:
        return False
    return all(PLACE_WORD.match(w) and w[0].isupper() for w in named)


def _is_agency(agency: str) -> bool:
    words = agency.split()
    return 0 < len(words) <= MAX_AGENCY_WORDS and any(ch.isalpha() for ch in agency)


def _title_word(word: str) -> str:
    if word.lower() in CONNECTORS:
        return word.lower()
    if "." in word or sum(ch.isalpha() for ch in word) <= 2:
        return word
    return "/".join("-".join(part.capitalize() for part in place.split("-"))
                    for place in word.split("/"))


def display_place(place: str) -> str:
    """Keep the place as printed, but title-case an ALL-CAPS part: "SEOUL" → "Seoul"."""
    parts = []
    for part in place.split(","):
        words = part.split()
        if part.upper() == part and any(ch.isalpha() for ch in part):
            words = [_title_word(w) for w in words]
        parts.append(" ".join(words))
    return ", ".join(parts)


def parse_dateline_date(value: str) -> str | None:
    """'Jan. 8, 2019' → '2019-01-08'; None without a year or when unparseable."""
    if not YEAR.search(value):
        return None
    try:
        parsed = dateparser.parse(value.replace("\u00a0", " "), default=dt.datetime(2000, 1, 1),
                                  fuzzy=True)
    except (ValueError, OverflowError):
        return None
    return parsed.date().isoformat()


def find_dateline(text: str, start: int = 0) -> DatelineMatch | None:
    """The dateline opening ``text`` at ``start`` (the first character of the body), if any."""
    match = DASHED_DATELINE.match(text, start) or DATELINE.match(text, start)
    if match is None:
        return None
    head, agency = match["head"].strip(), match["agency"]
    date_match = DATE_AT_END.search(head)
    date_text = date_match["date"] if date_match else match["date_after"]
    place = head[: date_match.start()].strip() if date_match else head.rstrip(",").strip()
    if not _is_place(place) or (agency is not None and not _is_agency(agency)):
        return None
    if agency is None and date_text is None and place.upper() != place:
        return None  # a bare "Word —" is a dateline only in capitals: "GENEVA —"
    dateline = Dateline(
        place=display_place(place),
        agency=agency.strip() if agency else None,
        span=(match.start(), match.end()),
    )
    return DatelineMatch(dateline, parse_dateline_date(date_text) if date_text else None)
