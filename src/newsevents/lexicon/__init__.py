"""Human-editable tables the extractors read, loaded once into an immutable ``Lexicon``.

Each table is a TSV file beside this module whose header comment says where its
facts come from. ``Lexicon.version`` is a hash of every table, stored with each
analysed article so that ``newsevents reanalyze`` can find rows built from an
older lexicon.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType

TABLES = ("country_aliases.tsv", "igos.tsv")


@dataclass(frozen=True)
class Lexicon:
    country_aliases: Mapping[str, str]  # "Britain" -> "GBR"
    igos: Mapping[str, str]  # "United Nations" -> "UN"
    version: str

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


@cache
def load_lexicon() -> Lexicon:
    """The lexicon shipped with the package (read once per process)."""
    folder = resources.files(__name__)
    texts = {name: folder.joinpath(name).read_text(encoding="utf-8") for name in TABLES}
    digest = hashlib.sha256("".join(texts[name] for name in TABLES).encode()).hexdigest()
    return Lexicon(
        country_aliases=MappingProxyType(read_tsv_pairs(texts["country_aliases.tsv"])),
        igos=MappingProxyType(read_tsv_pairs(texts["igos.tsv"])),
        version=digest[:12],
    )
