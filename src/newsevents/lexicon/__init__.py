"""Human-editable tables the extractors read, loaded once into an immutable ``Lexicon``.

Each table is a TSV file beside this module whose header comment says where its
facts come from. ``Lexicon.version`` is a hash of every table, stored with each
analysed article so that ``newsevents reanalyze`` can find rows built from an
older lexicon.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from newsevents.lexicon.actors import ACTOR_TABLES, ActorTables, load_actor_tables, read_actor_file
from newsevents.lexicon.events import EVENT_TABLES, EventTables, load_event_tables
from newsevents.lexicon.gazetteer import PLACE_TABLES
from newsevents.lexicon.quotes import QUOTE_TABLES, QuoteTables, load_quote_tables
from newsevents.lexicon.tone import (
    LoadedTerm,
    read_loaded_terms,
    read_news_valence,
    read_vader_text,
    read_valence,
)

TABLES = ("country_aliases.tsv", "igos.tsv", "loaded_terms.tsv", "news_valence.tsv",
          "timex_words.tsv", "timex_rules.tsv", "holidays.tsv", *ACTOR_TABLES, *QUOTE_TABLES,
          *EVENT_TABLES, *PLACE_TABLES)


@dataclass(frozen=True)
class Lexicon:
    country_aliases: Mapping[str, str]  # "Britain" -> "GBR"
    igos: Mapping[str, str]  # "United Nations" -> "UN"
    valence: Mapping[str, float]  # VADER word list: "hope" -> 1.9 (-4..+4)
    loaded_terms: Mapping[str, tuple[LoadedTerm, ...]]  # first word -> patterns
    version: str
    # Temporal expressions: kind -> word -> TIMEX3 code ("month" -> "sept" -> "09").
    timex_words: Mapping[str, Mapping[str, str]] = field(
        default_factory=lambda: MappingProxyType({}))
    timex_rules: tuple[tuple[str, str], ...] = ()  # (rule, regex template), preferred first
    # Named days and the rule that dates them: "christmas" -> "12-25".
    holidays: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    actors: ActorTables = field(default_factory=ActorTables)  # lexicon/actors.py
    quotes: QuoteTables = field(default_factory=QuoteTables)  # lexicon/quotes.py
    events: EventTables = field(default_factory=EventTables)  # lexicon/events.py
    # How words read in news reporting, before VADER: "killed" -> 0 (lexicon/tone.py).
    news_valence: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))

    def igo_name(self, igo: str) -> str:
        """The canonical name of an IGO: the first name its table lists for it."""
        return next((name for name, code in self.igos.items() if code == igo), igo)

    def country_alias(self, iso3: str) -> str | None:
        """The first alias listed for a country code (for codes pycountry lacks, like XKX)."""
        return next((name for name, code in self.country_aliases.items() if code == iso3), None)


def read_tsv_pairs(text: str) -> dict[str, str]:
    """Two-column TSV, '#' lines are comments; the first column is the key."""
    pairs = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, value = line.split("\t")[:2]
        pairs[key.strip()] = value.strip()
    return pairs


def read_tsv_rows(text: str, columns: int) -> list[tuple[str, ...]]:
    """TSV rows of exactly ``columns`` fields; '#' lines are comments."""
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\n").split("\t")
        if len(fields) != columns:
            raise ValueError(f"expected {columns} tab-separated fields: {line!r}")
        rows.append(tuple(fields))
    return rows


def read_timex_words(text: str) -> Mapping[str, Mapping[str, str]]:
    """kind, word, code rows grouped by kind."""
    kinds: dict[str, dict[str, str]] = {}
    for kind, word, code in read_tsv_rows(text, 3):
        kinds.setdefault(kind, {})[word] = code
    return MappingProxyType({kind: MappingProxyType(words) for kind, words in kinds.items()})


def load_lexicon(actors_file: Path | None = None) -> Lexicon:
    """The shipped lexicon, with the entries of a user's actor file merged in when given
    (its version then also covers that file's text); a bad file raises UsageError."""
    shipped = _shipped_lexicon()
    if actors_file is None:
        return shipped
    text, entries = read_actor_file(actors_file)
    digest = hashlib.sha256((shipped.version + text).encode()).hexdigest()
    return replace(shipped, actors=shipped.actors.with_entries(entries), version=digest[:12])


@cache
def _shipped_lexicon() -> Lexicon:
    """The lexicon shipped with the package (read once per process)."""
    folder = resources.files(__name__)
    texts = {name: folder.joinpath(name).read_text(encoding="utf-8") for name in TABLES}
    digest = hashlib.sha256("".join(texts[name] for name in TABLES).encode()).hexdigest()
    return Lexicon(
        country_aliases=MappingProxyType(read_tsv_pairs(texts["country_aliases.tsv"])),
        igos=MappingProxyType(read_tsv_pairs(texts["igos.tsv"])),
        valence=read_valence(read_vader_text()),
        loaded_terms=read_loaded_terms(texts["loaded_terms.tsv"]),
        version=digest[:12],
        timex_words=read_timex_words(texts["timex_words.tsv"]),
        timex_rules=tuple((rule, template) for rule, template in
                          read_tsv_rows(texts["timex_rules.tsv"], 2)),
        holidays=MappingProxyType(read_tsv_pairs(texts["holidays.tsv"])),
        actors=load_actor_tables(texts.__getitem__),
        quotes=load_quote_tables(texts.__getitem__),
        events=load_event_tables(texts.__getitem__),
        news_valence=read_news_valence(texts["news_valence.tsv"]),
    )
