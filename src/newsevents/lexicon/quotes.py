"""The quote tables, loaded once into an immutable ``QuoteTables``.

- ``reporting_verbs.tsv``: the verbs that attribute a quote ("said", "warned",
  "wrote") with their use (speech, label, source), and the phrase "according to";
- ``quote_occasions.tsv``: the nouns that name where a quote comes from
  ("address", "interview", "news conference");
- ``quote_unnamed.tsv``: the nouns of unnamed sources ("one Dutch diplomat",
  "a voice from the crowd") and of bodies ("the company"), person or body.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

QUOTE_TABLES = ("reporting_verbs.tsv", "quote_occasions.tsv", "quote_unnamed.tsv")
VERB_USES = ("speech", "label", "source")


@dataclass(frozen=True)
class QuoteTables:
    """Reporting verbs by lemma (-> use) and the nouns that name an occasion."""

    verbs: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    occasions: frozenset[str] = frozenset()
    unnamed: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def use(self, lemma: str) -> str | None:
        """speech, label or source for a reporting verb's lemma; None for other words."""
        return self.verbs.get(lemma.lower())

    @property
    def sources(self) -> tuple[tuple[str, ...], ...]:
        """Multiword source phrases as word tuples: ("according", "to")."""
        return tuple(tuple(p.split()) for p, use in self.verbs.items() if use == "source")


def _rows(text: str) -> list[list[str]]:
    """Rows of a TSV table: '#' comments and the header line (its first row) left out."""
    rows = [line.split("\t") for line in text.splitlines()
            if line.strip() and not line.startswith("#")]
    return [[cell.strip() for cell in row] for row in rows[1:]]


def read_reporting_verbs(text: str) -> Mapping[str, str]:
    verbs = {}
    for row in _rows(text):
        if len(row) != 2 or row[1] not in VERB_USES:
            raise ValueError(f"reporting_verbs.tsv: bad row {row!r}")
        verbs[row[0].lower()] = row[1]
    return MappingProxyType(verbs)


def load_quote_tables(read: Callable[[str], str]) -> QuoteTables:
    """Build the tables from the package's files; ``read(name)`` returns a file's text."""
    return QuoteTables(
        verbs=read_reporting_verbs(read("reporting_verbs.tsv")),
        occasions=frozenset(row[0].lower() for row in _rows(read("quote_occasions.tsv"))),
        unnamed=MappingProxyType({row[0].lower(): row[1] for row in
                                  _rows(read("quote_unnamed.tsv"))}),
    )
