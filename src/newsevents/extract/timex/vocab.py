"""The temporal words of the lexicon, as regex alternations and as numbers.

Everything English about the tagger's vocabulary lives in
``lexicon/timex_words.tsv`` and ``lexicon/holidays.tsv``; this module only
turns those tables into regex fragments and reads matched words back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
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


# A form's first character when it is an ASCII letter or digit, the letter possibly
# written as a capital only (``_word_regex``).
_FIRST_ALNUM = re.compile(r"\(\?-i:\[([A-Za-z])\]\)|[A-Za-z0-9]")


def _by_first_character(forms: Sequence[str]) -> str:
    """``forms`` as the body of one alternation, those that open on the same letter or
    digit grouped under it: "j(?:anuary|une|uly)|m(?:arch|ay)".

    Why: the rules are run case-blind, and then the regex engine tries every word of
    an alternation in turn at each position of the text, which was most of the
    tagger's time; grouped, it tries one branch per letter. The matches are the same:
    no character of any text matches two different ASCII letters or digits, even
    case-blind, so at any position only the words of one group can match, and they
    are tried in their order. Forms that open otherwise (a space, an apostrophe, a
    letter that case folding may equate with an ASCII one, as "ſ" with "s") leave
    the alternation as it is."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for form in forms:
        first = _FIRST_ALNUM.match(form)
        if first is None:
            return "|".join(forms)
        letter = (first.group(1) or first.group()).lower()
        groups.setdefault(letter, []).append((first.group(), form[first.end():]))
    return "|".join(_under_first(members) for members in groups.values())


def _under_first(members: Sequence[tuple[str, str]]) -> str:
    """Forms (first character, rest) as alternatives, the first character written once
    when they all share it ("m" and a capital-only "M" do not)."""
    firsts = {first for first, _ in members}
    if len(members) == 1 or len(firsts) > 1:
        return "|".join(first + rest for first, rest in members)
    return f"{members[0][0]}(?:{'|'.join(rest for _, rest in members)})"


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
        body = _by_first_character(sorted(forms, key=len, reverse=True))
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
