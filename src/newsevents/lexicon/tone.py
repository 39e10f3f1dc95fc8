"""The two word lists the tone extractor reads: word valence and loaded terms.

- ``read_valence`` parses VADER's ``vader_lexicon.txt`` (package data of the
  pinned ``vadersentiment`` distribution): one word a line, then its mean
  valence on a -4..+4 scale rated by ten people. Only the word and the mean are
  kept; VADER's sentence scorer is not used, because GDELT-style tone figures
  are percentages of words, not sentence scores.
- ``read_news_valence`` parses our ``news_valence.tsv``: how words of VADER's
  list read in news reporting (see that file's header), consulted first.
- ``read_loaded_terms`` parses our ``loaded_terms.tsv`` into match patterns
  keyed by their first word (see that file's header for the columns).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

VADER_PACKAGE = "vaderSentiment"
VADER_FILE = "vader_lexicon.txt"


@dataclass(frozen=True)
class LoadedTerm:
    """One way of writing a loaded term: the words to match, in order."""

    term: str  # the entry as the table spells it
    kind: str
    words: tuple[str, ...]  # lower-case forms or lemmas, hyphens removed
    except_after: frozenset[str] = frozenset()


def read_vader_text() -> str:
    """The text of VADER's word list, read from the installed package."""
    return resources.files(VADER_PACKAGE).joinpath(VADER_FILE).read_text(encoding="utf-8")


def read_valence(text: str) -> Mapping[str, float]:
    """word -> mean valence (-4..+4) for every entry of a VADER lexicon file."""
    valence = {}
    for line in text.splitlines():
        fields = line.split("\t")
        if len(fields) >= 2 and fields[0].strip():
            valence[fields[0].strip()] = float(fields[1])
    return MappingProxyType(valence)


def read_news_valence(text: str) -> Mapping[str, float]:
    """word -> our news reading (-4..+4) for every row of ``news_valence.tsv``."""
    valence = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, value = line.split("\t")[:2]
            valence[word.strip()] = float(value)
    return MappingProxyType(valence)


def spellings(term: str) -> list[tuple[str, ...]]:
    """The word sequences a term matches: hyphens split it, and a hyphenated
    term also matches with each hyphenated word joined ("pig-headed" ->
    ("pig", "headed") and ("pigheaded",))."""
    spaced = tuple(term.replace("-", " ").split())
    joined = tuple(word.replace("-", "") for word in term.split())
    return [spaced] if joined == spaced else [spaced, joined]


def parse_entry(line: str) -> list[LoadedTerm]:
    """The patterns of one table row: term, kind, except_after, note."""
    term, kind, except_after = (field.strip() for field in line.split("\t")[:3])
    exceptions = frozenset() if except_after == "-" else frozenset(except_after.split(","))
    return [LoadedTerm(term.lower(), kind, words, exceptions) for words in spellings(term.lower())]


def read_loaded_terms(text: str) -> Mapping[str, tuple[LoadedTerm, ...]]:
    """First word -> the patterns that start with it, longest first."""
    patterns: dict[str, list[LoadedTerm]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            for pattern in parse_entry(line):
                patterns.setdefault(pattern.words[0], []).append(pattern)
    return MappingProxyType({
        first: tuple(sorted(found, key=lambda p: -len(p.words)))
        for first, found in patterns.items()
    })
