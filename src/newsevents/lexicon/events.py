"""The event tables, loaded once into an immutable ``EventTables``.

- ``event_verbs.tsv``: verb patterns (lemma, particle, object) -> PLOVER type,
  mode, CAMEO code and flags;
- ``event_nouns.tsv``: nouns that name an event ("visit", "sanctions");
- ``event_modality.tsv``: the cues that make an event negated, conditional,
  hypothetical, rumoured or planned.

Each file's header says where its facts come from and what its columns mean.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

EVENT_TABLES = ("event_verbs.tsv", "event_nouns.tsv", "event_modality.tsv")
PLOVER_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})
MODALITY_KINDS = frozenset({"neg", "aux", "governor", "advmod", "mark", "amod", "speaker",
                            "phrase"})


@dataclass(frozen=True)
class EventPattern:
    """One row of a trigger table: what to match and the coding it gives.

    ``type`` is ``NONE`` for a blocking row (the pattern is not an event)."""

    lemma: str
    type: str
    mode: str | None
    cameo: str | None
    particle: str | None = None  # verbs: required particle or preposition
    objects: frozenset[str] = frozenset()  # verbs: allowed object lemmas
    modifiers: frozenset[str] = frozenset()  # nouns: a required modifier
    flags: frozenset[str] = frozenset()

    @property
    def specificity(self) -> int:
        return 2 * bool(self.particle) + bool(self.objects) + bool(self.modifiers)


@dataclass(frozen=True)
class EventTables:
    verbs: Mapping[str, tuple[EventPattern, ...]] = field(
        default_factory=lambda: MappingProxyType({}))
    nouns: Mapping[str, tuple[EventPattern, ...]] = field(
        default_factory=lambda: MappingProxyType({}))
    # (modality, kind) -> cues
    modality: Mapping[tuple[str, str], frozenset[str]] = field(
        default_factory=lambda: MappingProxyType({}))

    def cues(self, modality: str, kind: str) -> frozenset[str]:
        return self.modality.get((modality, kind), frozenset())


def _opt(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "-") else value


def _set(value: str) -> frozenset[str]:
    value = value.strip()
    return frozenset() if value in ("", "-") else frozenset(v.strip() for v in value.split(","))


def _rows(text: str, columns: int) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != columns:
            raise ValueError(f"expected {columns} tab-separated fields: {line!r}")
        rows.append(fields)
    return rows


def _check_type(type_: str, line: list[str]) -> str:
    if type_ != "NONE" and type_ not in PLOVER_TYPES:
        raise ValueError(f"unknown PLOVER type {type_!r} in {line!r}")
    return type_


def _grouped(patterns: list[EventPattern]) -> Mapping[str, tuple[EventPattern, ...]]:
    grouped: dict[str, list[EventPattern]] = {}
    for pattern in patterns:
        grouped.setdefault(pattern.lemma, []).append(pattern)
    return MappingProxyType({
        lemma: tuple(sorted(found, key=lambda p: -p.specificity))
        for lemma, found in grouped.items()
    })


def read_event_verbs(text: str) -> Mapping[str, tuple[EventPattern, ...]]:
    """lemma -> its patterns, most specific first."""
    return _grouped([
        EventPattern(lemma=row[0].strip(), particle=_opt(row[1]), objects=_set(row[2]),
                     type=_check_type(row[3].strip(), row), mode=_opt(row[4]),
                     cameo=_opt(row[5]), flags=_set(row[6]))
        for row in _rows(text, 7)
    ])


def read_event_nouns(text: str) -> Mapping[str, tuple[EventPattern, ...]]:
    """lemma -> its patterns, most specific first."""
    return _grouped([
        EventPattern(lemma=row[0].strip(), modifiers=_set(row[1]),
                     type=_check_type(row[2].strip(), row), mode=_opt(row[3]),
                     cameo=_opt(row[4]), flags=_set(row[5]))
        for row in _rows(text, 6)
    ])


def read_modality_cues(text: str) -> Mapping[tuple[str, str], frozenset[str]]:
    cues: dict[tuple[str, str], set[str]] = {}
    for modality, kind, cue in _rows(text, 3):
        if kind not in MODALITY_KINDS:
            raise ValueError(f"unknown modality cue kind {kind!r}")
        cues.setdefault((modality.strip(), kind.strip()), set()).add(cue.strip())
    return MappingProxyType({key: frozenset(value) for key, value in cues.items()})


def load_event_tables(read: Callable[[str], str]) -> EventTables:
    """The three tables, read through ``read(file name) -> text``."""
    return EventTables(
        verbs=read_event_verbs(read("event_verbs.tsv")),
        nouns=read_event_nouns(read("event_nouns.tsv")),
        modality=read_modality_cues(read("event_modality.tsv")),
    )
