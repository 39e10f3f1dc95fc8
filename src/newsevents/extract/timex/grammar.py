"""Finding candidate temporal expressions with the rule templates of the lexicon.

``lexicon/timex_rules.tsv`` lists rules as regex templates over placeholders
(``{month} {day},? {year}``); a placeholder becomes a named group matching
the words of a vocabulary table, or one of the digit forms below. A space in
a template matches any run of whitespace. Every rule runs over the text; of
overlapping matches the longest wins, then the rule listed first.

Running a hundred rules over a whole article is the tagger's main cost, so a
prefilter runs first: every rule's match holds a digit or a trigger word (a
month, weekday, unit, part of day ...) of the kinds its template names, and the
rule runs only over the text within ``REACH`` characters of one. Each rule
also starts with a look-ahead for the characters its matches may begin with.
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsevents.extract.timex.vocab import Vocabulary

PLACEHOLDER = re.compile(r"\{([a-z_]+)(?::([a-z_0-9]+))?\}")

# Digit forms: no vocabulary is involved, so they are written here.
DIGIT_FORMS = {
    "day": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)",  # "April 6:" but not "6:30"
    "year": r"(?<![\d$£€#.,/])(?<!\d-)(?:1\d|20)\d\d(?![\d%]|[.,:/-]\d)",
    "yy": r"['’]\d\d(?!\d)",
    "mm": r"(?:0[1-9]|1[0-2])",
    "dd": r"(?:0[1-9]|[12]\d|3[01])",
    "decade": r"(?:(?:1\d|20)\d0['’]?s|['’]\d0s)",
    "digits": r"(?<![\d$£€#.,])\d+(?:\.\d+)?(?![\d%]|[.,:]\d)",
    "clock": r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*[ap]\.?\s?m\b\.?"
             r"|(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:]))",
    "hour": r"(?:[1-9]|1[0-2])",
    "hhmm": r"(?<![\d.,])(?:[01]\d|2[0-3])[0-5]\d(?!\d)",  # "1830 GMT": only before a zone
    "tz": r"(?-i:(?:[ECMP][SD]T|GMT|UTC))",
    "sep": r"(?:\s*-\s*|\s+)",
}


def _numeral(v: Vocabulary) -> str:
    tens = [w for w, c in v.table("number").items() if c.isdigit() and 20 <= int(c) <= 90]
    ones = [w for w, c in v.table("number").items() if c.isdigit() and 1 <= int(c) <= 9
            and w not in ("a", "an")]
    compound = f"(?:{'|'.join(tens)})[-\\s](?:{'|'.join(ones)})"
    return f"(?:{DIGIT_FORMS['digits']}|{compound}|{v.alternation(['number'])})"


def _year_words(v: Vocabulary) -> str:
    """A year said in words: "nineteen ninety-six", "twenty twenty"."""
    numbers = v.table("number")
    centuries = [w for w, c in numbers.items() if c in ("19", "20")]
    tens = [w for w, c in numbers.items() if c.isdigit() and 20 <= int(c) <= 90]
    teens = [w for w, c in numbers.items() if c.isdigit() and 10 <= int(c) <= 19]
    ones = [w for w, c in numbers.items() if c.isdigit() and 1 <= int(c) <= 9
            and w not in ("a", "an")]
    rest = (f"(?:(?:{'|'.join(tens)})(?:[-\\s](?:{'|'.join(ones)}))?|{'|'.join(teens)})")
    return f"(?:{'|'.join(centuries)})[-\\s]{rest}"


# Placeholders backed by vocabulary tables.
VOCAB_FORMS: dict[str, Callable[[Vocabulary], str]] = {
    "month": lambda v: f"(?:{v.alternation(['month'])}|"
                       f"{v.alternation(['month_abbr'], period=True)})",
    "month_full": lambda v: v.alternation(["month"]),
    "weekday": lambda v: f"(?:{v.alternation(['weekday'])}|"
                         f"{v.alternation(['weekday_abbr'], period=True)})",
    "weekday_pl": lambda v: v.alternation(["weekday"], plural=True, singular=False),
    "num": _numeral,
    "year_words": _year_words,
    "vague": lambda v: v.alternation(["vague_number"]),
    "unit": lambda v: v.alternation(["unit"], plural=True),
    "unit_sg": lambda v: v.alternation(["unit"]),
    "unit_pl": lambda v: v.alternation(["unit"], plural=True, singular=False),
    "unit_cal": lambda v: v.alternation(["calendar_unit"]),
    "ordinal": lambda v: f"(?:\\d{{1,2}}(?:st|nd|rd|th)|{v.alternation(['ordinal'])})",
    "pod": lambda v: v.alternation(["part_of_day"]),
    "pod_pl": lambda v: v.alternation(["part_of_day"], plural=True, singular=False),
    "season": lambda v: v.alternation(["season"]),
    "season_pl": lambda v: v.alternation(["season"], plural=True, singular=False),
    "reference": lambda v: v.alternation(["reference"]),
    "set": lambda v: v.alternation(["set"]),
    "mod": lambda v: v.alternation(["modifier"]),
    "approx": lambda v: v.alternation(["approx"]),
    "rel": lambda v: v.alternation(["relative"]),
    "anchor": lambda v: v.alternation(["anchor"]),
    "span": lambda v: v.alternation(["span"]),
    "dayword": lambda v: v.alternation(["day_word"]),
    "decade_word": lambda v: v.alternation(["decade_word"]),
    "holiday": lambda v: v.alternation(["holiday"]),
}


# Triggers, by kind: every rule's match holds one of the kinds its template names,
# so a rule need only run near those. Each kind is a digit run or the words of some
# tables (plurals too: "days"); "literal" holds words the templates spell out.
TRIGGER_TABLES = {
    "month": ("month", "month_abbr"), "weekday": ("weekday", "weekday_abbr"),
    "unit": ("unit", "calendar_unit"), "pod": ("part_of_day",), "season": ("season",),
    "set": ("set",), "reference": ("reference",), "dayword": ("day_word",),
    "decade_word": ("decade_word",), "holiday": ("holiday",),
}
TRIGGER_LITERALS = ("noon", "midnight", "tonight", "period", "nineteen", "twenty", "thousand",
                    "while", "time")
# The trigger kind a placeholder always matches.
PLACEHOLDER_TRIGGERS = {
    "month": "month", "month_full": "month", "weekday": "weekday", "weekday_pl": "weekday",
    "unit": "unit", "unit_sg": "unit", "unit_pl": "unit", "unit_cal": "unit", "pod": "pod",
    "pod_pl": "pod", "season": "season", "season_pl": "season", "reference": "reference",
    "set": "set", "dayword": "dayword", "decade_word": "decade_word", "holiday": "holiday",
    "year_words": "literal", "day": "digits", "year": "digits", "yy": "digits",
    "mm": "digits", "dd": "digits", "decade": "digits", "clock": "digits", "hhmm": "digits",
}
WHITESPACE = re.compile(r"\s")
REACH = 80  # characters between a trigger and the far end of a match holding it (~60 at most)


@dataclass(frozen=True)
class Candidate:
    """One rule's match: where it is and what each placeholder matched."""

    start: int
    end: int
    text: str
    rule: str
    order: int
    groups: dict[str, str]

    @property
    def length(self) -> int:
        return self.end - self.start

    def get(self, name: str) -> str | None:
        return self.groups.get(name)


def expand(template: str, vocab: Vocabulary) -> str:
    """A rule template as a regex; a placeholder used twice gets a numbered group name."""
    seen: dict[str, int] = {}

    def group(m: re.Match[str]) -> str:
        kind, name = m.group(1), m.group(2) or m.group(1)
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            name = f"{name}{seen[name]}"
        if kind in DIGIT_FORMS:
            body = DIGIT_FORMS[kind]
        elif kind in VOCAB_FORMS:
            body = VOCAB_FORMS[kind](vocab)
        else:
            raise ValueError(f"unknown placeholder {{{kind}}} in timex rule {template!r}")
        return f"(?P<{name}>{body})"

    body = PLACEHOLDER.sub(group, template.replace(" ", r"\s+"))
    return rf"(?<![\w])(?:{body})(?![\w])"


@dataclass(frozen=True)
class Rule:
    """A compiled rule, with the trigger kinds one of which each of its matches holds."""

    name: str
    pattern: re.Pattern[str]
    triggers: frozenset[str]


@dataclass(frozen=True)
class Grammar:
    """The compiled rules, and the trigger regex (a named group per kind) that tells
    where they may match."""

    rules: tuple[Rule, ...]
    trigger: re.Pattern[str]


def compile_trigger(vocab: Vocabulary) -> re.Pattern[str]:
    words = "|".join(f"(?P<{kind}>{vocab.alternation(tables, plural=True)})"
                     for kind, tables in TRIGGER_TABLES.items())
    return re.compile(rf"(?P<digits>\d+)|(?<![\w])(?:{words}|(?P<literal>"
                      rf"{'|'.join(TRIGGER_LITERALS)}))(?![\w])", re.IGNORECASE)


def trigger_kinds(template: str, trigger: re.Pattern[str]) -> frozenset[str]:
    """The trigger kinds a template names as placeholders or spells out."""
    named = {PLACEHOLDER_TRIGGERS[m.group(1)] for m in PLACEHOLDER.finditer(template)
             if m.group(1) in PLACEHOLDER_TRIGGERS}
    spelt = {m.lastgroup for m in trigger.finditer(PLACEHOLDER.sub(" ", template))
             if m.lastgroup is not None}
    return frozenset(named | spelt)


class _OpenStart(Exception):
    """A regex whose first characters ``first_chars`` cannot list."""


CLASS_ESCAPES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_WORD: r"\w",
                 sre.CATEGORY_UNI_DIGIT: r"\d", sre.CATEGORY_UNI_SPACE: r"\s",
                 sre.CATEGORY_UNI_WORD: r"\w"}
REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _firsts_of_sequence(items: Iterable[tuple[Any, Any]]) -> tuple[list[str], bool]:
    """The class items a match of the parsed sequence may start with, and whether it
    may be empty."""
    firsts: list[str] = []
    for op, arg in items:
        found, may_be_empty = _firsts_of_item(op, arg)
        firsts += found
        if not may_be_empty:
            return firsts, False
    return firsts, True


def _firsts_of_item(op: Any, arg: Any) -> tuple[list[str], bool]:
    if op is sre.LITERAL:
        return [re.escape(chr(arg))], False
    if op is sre.IN:
        return [_class_item(kind, value) for kind, value in arg], False
    if op is sre.SUBPATTERN:
        return _firsts_of_sequence(arg[3])
    if op is sre.BRANCH:
        branches = [_firsts_of_sequence(branch) for branch in arg[1]]
        return [c for found, _ in branches for c in found], any(e for _, e in branches)
    if op in REPEATS:
        found, may_be_empty = _firsts_of_sequence(arg[2])
        return found, may_be_empty or arg[0] == 0
    if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
        return [], True  # zero-width: the next item holds the first character
    raise _OpenStart


def _class_item(kind: Any, value: Any) -> str:
    if kind is sre.LITERAL:
        return re.escape(chr(value))
    if kind is sre.RANGE:
        return f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}"
    if kind is sre.CATEGORY and value in CLASS_ESCAPES:
        return CLASS_ESCAPES[value]
    raise _OpenStart  # a negated class or the like


def first_chars(regex: str, flags: int) -> str | None:
    """A character class holding every character a match of ``regex`` may start with;
    None when that cannot be told (or the match may be empty)."""
    try:
        firsts, may_be_empty = _firsts_of_sequence(sre_parse.parse(regex, flags))
    except _OpenStart:
        return None
    return None if may_be_empty else f"[{''.join(dict.fromkeys(firsts))}]"


def compile_rule(template: str, vocab: Vocabulary) -> re.Pattern[str]:
    """A template compiled, case-insensitively, behind a look-ahead for its first
    characters: Python's regex engine tries a pattern at every position of the text,
    and the look-ahead turns most of those tries down at once."""
    regex = expand(template, vocab)
    firsts = first_chars(regex, re.IGNORECASE)
    return re.compile(regex if firsts is None else f"(?={firsts}){regex}", re.IGNORECASE)


@lru_cache(maxsize=8)
def compile_rules(rules: tuple[tuple[str, str], ...], vocab: Vocabulary) -> Grammar:
    """Each (rule, template) compiled, case-insensitively; cached per lexicon content.

    A rule without a trigger is refused: the prefilter would hide its matches.
    """
    trigger = compile_trigger(vocab)
    compiled = tuple(Rule(name, compile_rule(template, vocab), trigger_kinds(template, trigger))
                     for name, template in rules)
    untriggered = [rule.name for rule in compiled if not rule.triggers]
    if untriggered:
        raise ValueError(f"timex rules without a trigger word or digit: {untriggered}")
    return Grammar(compiled, trigger)


def windows(text: str, triggers: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The disjoint stretches of ``text`` within ``REACH`` of a trigger.

    Each ends at a space, so that no word is cut into one a rule would take ("a
    min|ers" is no duration).
    """
    merged: list[tuple[int, int]] = []
    for first, last in triggers:
        space = WHITESPACE.search(text, last + REACH)
        start, end = max(0, first - REACH), space.start() if space else len(text)
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def find_candidates(text: str, grammar: Grammar) -> list[Candidate]:
    """Every match of every rule, overlapping ones included, in text order.

    A rule runs only over the text near a trigger of its kinds (``REACH``).
    """
    triggers = [(m.lastgroup, m.start(), m.end()) for m in grammar.trigger.finditer(text)]
    near: dict[frozenset[str], list[tuple[int, int]]] = {}
    found = []
    for order, rule in enumerate(grammar.rules):
        if rule.triggers not in near:
            near[rule.triggers] = windows(
                text, [(start, end) for kind, start, end in triggers if kind in rule.triggers])
        for start, end in near[rule.triggers]:
            for m in rule.pattern.finditer(text, start, end):
                if m.end() > m.start():
                    groups = {k: v for k, v in m.groupdict().items() if v is not None}
                    found.append(Candidate(m.start(), m.end(), m.group(), rule.name, order,
                                           groups))
    return sorted(found, key=lambda c: (c.start, -c.length, c.order))


def longest_first(candidates: Sequence[Candidate]) -> Iterator[Candidate]:
    """Candidates by preference: longest first, then the rule listed first, then leftmost."""
    yield from sorted(candidates, key=lambda c: (-c.length, c.order, c.start))
