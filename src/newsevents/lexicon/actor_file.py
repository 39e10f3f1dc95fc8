"""Actor entries in YAML: the built-in ``people.yaml`` and a user's ``--actors FILE``.

Both use one format (see the header of ``people.yaml``): a list of entries, or
a mapping whose ``actors`` key holds that list. Each entry names an actor and
may give aliases, kind, country, sector, igo, a forced code and date-ranged
roles, as petrarch2's actor dictionaries do (``[EGYGOV 120812-140326]``), but
written as plain YAML. A malformed file raises ``UsageError`` with one line
naming the file, the line and the problem.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from newsevents.errors import UsageError

KINDS = ("person", "organisation", "country", "igo", "group")
ENTRY_KEYS = frozenset({"name", "aliases", "kind", "country", "sector", "igo", "code", "title",
                        "roles"})
ROLE_KEYS = frozenset({"title", "country", "sector", "igo", "from", "to"})
_CODE3 = re.compile(r"^[A-Z]{3}$")
_LINE = "__line__"
_LINES = "__lines__"


@dataclass(frozen=True)
class Role:
    """An office held between two dates: ``start`` inclusive, ``end`` exclusive (None: open)."""

    title: str | None = None
    country: str | None = None
    sector: str | None = None
    igo: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def holds_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Standing:
    """What an entry is on one day: its title, country, sector and IGO."""

    title: str | None
    country: str | None
    sector: str | None
    igo: str | None


@dataclass(frozen=True)
class ActorEntry:
    """One named actor of a table or a user file."""

    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "person"
    country: str | None = None
    sector: str | None = None
    igo: str | None = None
    code: str | None = None
    title: str | None = None
    roles: tuple[Role, ...] = ()
    provenance: str = "table"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def on(self, day: dt.date | None) -> Standing:
        """The role in force on ``day`` (the latest begun, if several), else the entry itself."""
        active = [r for r in self.roles if day is not None and r.holds_on(day)]
        if not active:
            return Standing(self.title, self.country, self.sector, self.igo)
        role = max(active, key=lambda r: r.start or dt.date.min)
        country = role.country or (None if role.igo else self.country)
        return Standing(role.title or self.title, country, role.sector or self.sector, role.igo)


class _Items(list[Any]):
    """A YAML sequence that remembers the line of each item."""

    lines: list[int]


class _LineLoader(yaml.SafeLoader):
    """A safe loader that records, in every mapping, its line and the line of each key,
    and in every sequence the line of each item. A timestamp that is not a real date
    stays text, so that the checker can report it with its line."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=True)
        mapping[_LINE] = node.start_mark.line + 1
        mapping[_LINES] = {key.value: value.start_mark.line + 1 for key, value in node.value
                           if isinstance(key, yaml.ScalarNode)}
        return mapping

    def construct_lined_sequence(self, node: yaml.SequenceNode) -> _Items:
        items = _Items(self.construct_sequence(node, deep=True))
        items.lines = [child.start_mark.line + 1 for child in node.value]
        return items

    def construct_lenient_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_LineLoader.add_constructor("tag:yaml.org,2002:seq", _LineLoader.construct_lined_sequence)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp",
                            _LineLoader.construct_lenient_timestamp)


def parse_actor_entries(text: str, *, source: str, provenance: str) -> tuple[ActorEntry, ...]:
    """The entries of one YAML actor file; ``source`` names it in error messages."""
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        raise UsageError(f"{source}: line {line}: {exc.problem or 'not valid YAML'}") from None
    except yaml.YAMLError as exc:
        raise UsageError(f"{source}: not valid YAML: {' '.join(str(exc).split())}") from None
    if data is None:
        return ()
    if isinstance(data, dict) and "actors" in data:
        data = data["actors"]
    if not isinstance(data, list):
        line = data.get(_LINE, 1) if isinstance(data, dict) else 1
        raise UsageError(f"{source}: line {line}: expected a list of actors "
                         "(or a mapping with an 'actors' list)")
    return tuple(_entry(item, line, source, provenance) for item, line in _with_lines(data))


def _with_lines(items: list[Any]) -> list[tuple[Any, int | str]]:
    lines: list[int | str] = list(getattr(items, "lines", [])) or ["?"] * len(items)
    return list(zip(items, lines, strict=True))


def _entry(item: Any, line: int | str, source: str, provenance: str) -> ActorEntry:
    if not isinstance(item, dict):
        raise UsageError(f"{source}: line {line}: an actor entry must be a mapping "
                         "with at least a name")
    check = _Checker(item, source)
    check.keys(ENTRY_KEYS, "actor")
    name = check.text("name", required=True)
    assert name is not None
    aliases = check.aliases()
    kind = check.text("kind") or "person"
    if kind not in KINDS:
        check.fail("kind", f"kind {kind!r} is not one of {', '.join(KINDS)}")
    roles = item.get("roles") or []
    if not isinstance(roles, list):
        check.fail("roles", "roles must be a list")
    return ActorEntry(
        name=name, aliases=aliases, kind=kind, country=check.code3("country"),
        sector=check.code3("sector"), igo=check.text("igo"), code=check.text("code"),
        title=check.text("title"),
        roles=tuple(_role(r, line, source) for r, line in _with_lines(roles)),
        provenance=provenance,
    )


def _role(item: Any, line: int | str, source: str) -> Role:
    if not isinstance(item, dict):
        raise UsageError(f"{source}: line {line}: a role must be a mapping "
                         "(title, country, sector, igo, from, to)")
    check = _Checker(item, source)
    check.keys(ROLE_KEYS, "role")
    start, end = check.date("from"), check.date("to")
    if start is not None and end is not None and end < start:
        check.fail("to", f"role ends ({end}) before it starts ({start})")
    return Role(title=check.text("title"), country=check.code3("country"),
                sector=check.code3("sector"), igo=check.text("igo"), start=start, end=end)


class _Checker:
    """Reads typed fields of one mapping, failing with the file and line of the bad field."""

    def __init__(self, item: Mapping[str, Any], source: str) -> None:
        self.item, self.source = item, source

    def fail(self, key: str | None, problem: str) -> None:
        lines = self.item.get(_LINES, {})
        line = lines.get(key, self.item.get(_LINE, "?")) if key else self.item.get(_LINE, "?")
        raise UsageError(f"{self.source}: line {line}: {problem}")

    def keys(self, allowed: frozenset[str], what: str) -> None:
        for key in self.item:
            if key not in (_LINE, _LINES) and key not in allowed:
                self.fail(str(key), f"unknown {what} field {key!r} "
                                    f"(expected: {', '.join(sorted(allowed))})")

    def text(self, key: str, *, required: bool = False) -> str | None:
        value = self.item.get(key)
        if value is None:
            if required:
                self.fail(None, f"an entry has no {key!r}")
            return None
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            self.fail(key, f"{key} must be text, not {type(value).__name__}")
        text = str(value).strip()
        if required and not text:
            self.fail(key, f"{key} is empty")
        return text or None

    def code3(self, key: str) -> str | None:
        value = self.text(key)
        if value is not None and not _CODE3.match(value):
            self.fail(key, f"{key} {value!r} is not a three-letter upper-case code")
        return value

    def aliases(self) -> tuple[str, ...]:
        value = self.item.get("aliases") or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip()
                                                  for v in value):
            self.fail("aliases", "aliases must be a list of names")
        return tuple(v.strip() for v in value)

    def date(self, key: str) -> dt.date | None:
        value = self.item.get(key)
        if value is None or isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(key, f"{key} {value!r} is not a date; use YYYY-MM-DD or null")
        return None
