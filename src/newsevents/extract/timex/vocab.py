"""The temporal words of the lexicon, as regex alternations and as numbers.

Everything English about the tagger's vocabulary lives in
``lexicon/timex_words.tsv`` and ``lexicon/holidays.tsv``; this module only
turns those tables into regex fragments and reads matched words back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from newsevents.lexicon import Lexicon

# Kinds whose words are proper names: matched only with a capital first letter.
CAPITALISED = frozenset({"month", "month_abbr", "weekday", "weekday_abbr", "holiday"})
APOSTROPHES = "'’"


def _word_regex(word: str, *, capital: bool) -> str:
    """One table word as regex: spaces match any whitespace, apostrophes either form."""
    parts = []
    for i, char in enumerate(word):
        if char == " ":
            parts.append(r"\s+")
        elif char in APOSTROPHES:
            parts.append(f"[{APOSTROPHES}]")
        elif i == 0 and capital and char.isalpha():
            parts.append(f"(?-i:[{char.upper()}])")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def _plural(word: str) -> str:
    if word.endswith("y") and not word.endswith(("ay", "ey")):
        return word[:-1] + "ies"
    if word.endswith("um"):
        return word[:-2] + "a"
    return word + "s"


def _key(text: str) -> str:
    """A matched word as the tables spell it: lower case, single spaces, straight apostrophe."""
    return re.sub(r"\s+", " ", text.strip().lower()).replace("’", "'")


@dataclass(frozen=True, eq=False)
class Vocabulary:
    """The lexicon's temporal word tables, with helpers to match and read them.

    Equal (and hashed) by content, so that the regexes built from it can be cached.
    """

    words: Mapping[str, Mapping[str, str]]  # kind -> word -> code
    holidays: Mapping[str, str]

    @property
    def key(self) -> tuple[object, ...]:
        return (tuple((kind, tuple(table.items())) for kind, table in self.words.items()),
                tuple(self.holidays.items()))

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Vocabulary) and self.key == other.key

    @classmethod
    def of(cls, lexicon: Lexicon) -> Vocabulary:
        return cls(words=lexicon.timex_words, holidays=lexicon.holidays)

    def table(self, kind: str) -> Mapping[str, str]:
        return self.holidays if kind == "holiday" else self.words.get(kind, {})

    def alternation(self, kinds: Iterable[str], *, plural: bool = False,
                    singular: bool = True, period: bool = False) -> str:
        """A non-capturing regex alternation of the words of ``kinds``, longest first."""
        forms: set[str] = set()
        for kind in kinds:
            capital = kind in CAPITALISED
            for word in self.table(kind):
                if singular:
                    forms.add(_word_regex(word, capital=capital))
                if plural:
                    forms.add(_word_regex(_plural(word), capital=capital))
        body = "|".join(sorted(forms, key=len, reverse=True))
        return f"(?:{body})" + (r"\.?" if period else "")

    def code(self, kind: str, text: str | None) -> str | None:
        """The code a matched word stands for (a trailing period or plural ignored)."""
        if text is None:
            return None
        key = _key(text).rstrip(".")
        table = self.table(kind)
        if key in table:
            return table[key]
        for word, code in table.items():
            if key in (_plural(word), word + "s"):
                return code
        return None

    def month(self, text: str | None) -> int | None:
        code = self.code("month", text) or self.code("month_abbr", text)
        return int(code) if code else None

    def weekday(self, text: str | None) -> int | None:
        code = self.code("weekday", text) or self.code("weekday_abbr", text)
        return int(code) if code else None

    def number(self, text: str | None) -> float | None:
        """A matched numeral (digits, words, "twenty-five"); None when vague ("a few")."""
        if text is None:
            return None
        key = _key(text)
        if re.fullmatch(r"\d+(?:\.\d+)?", key):
            return float(key)
        if key in self.table("number"):
            return float(self.table("number")[key])
        if self.code("vague_number", key) is not None:
            code = self.code("vague_number", key)
            return float(code) if code and code != "X" else None
        parts = re.split(r"[-\s]+", key)
        if len(parts) == 2 and all(p in self.table("number") for p in parts):
            return float(self.table("number")[parts[0]]) + float(self.table("number")[parts[1]])
        return None

    def ordinal(self, text: str | None) -> int | None:
        if text is None:
            return None
        digits = re.match(r"(\d+)(?:st|nd|rd|th)$", _key(text))
        if digits:
            return int(digits.group(1))
        code = self.code("ordinal", text)
        return int(code) if code and code.isdigit() else None
