"""The records of the data model (DESIGN.md, "Records").

Every record is a frozen dataclass with ``to_dict`` / ``from_dict``. Spans are
``(start, end)`` character offsets into ``Article.text``; ``to_dict`` writes
them as two-item lists, which is what the analysis contract prints.

Nothing in this module imports from the rest of the package.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, TypeVar, get_args, get_origin

Span = tuple[int, int]

PublishedHow = Literal["metadata", "dateline", "given", "none"]
MODALITIES = ("asserted", "planned", "hypothetical", "conditional", "rumoured", "negated")
QUOTE_KINDS = ("direct", "partial", "indirect")
TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")

R = TypeVar("R", bound="Record")


class Record:
    """Mixin giving dataclasses a plain-dict round trip."""

    __dataclass_fields__: ClassVar[dict[str, Any]]
    # The fields the analysis contract prints, in order; None: all of them.
    CONTRACT_FIELDS: ClassVar[tuple[str, ...] | None] = None

    def contract_dict(self) -> dict[str, Any]:
        """This record as the analysis contract prints it."""
        full = self.to_dict()
        if self.CONTRACT_FIELDS is None:
            return full
        return {name: full[name] for name in self.CONTRACT_FIELDS}

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls: type[R], data: dict[str, Any]) -> R:
        hints = typing.get_type_hints(cls)
        kwargs = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.name in data:
                kwargs[f.name] = _typed(hints[f.name], data[f.name])
        return cls(**kwargs)


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def _typed(hint: Any, value: Any) -> Any:
    """Rebuild nested records and tuples from plain JSON values."""
    if value is None:
        return None
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        return _typed(options[0], value) if len(options) == 1 else value
    if isinstance(hint, type) and issubclass(hint, Record):
        return hint.from_dict(value)
    if origin is tuple:
        args = get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_typed(args[0], v) for v in value)
        return tuple(_typed(a, v) for a, v in zip(args, value, strict=True))
    return value


@dataclass(frozen=True)
class Dateline(Record):
    """The "Beijing (GPA) –" opening of a story: place, agency and where it sits."""

    place: str | None
    agency: str | None
    span: Span


@dataclass(frozen=True)
class Article(Record):
    """One news article, with the text exactly as given.

    ``debris`` and ``dateline`` mark ranges of ``text`` that extractors skip;
    nothing is ever deleted from ``text``. ``note`` says why an article was
    stored but not analysed (for example, not in English).
    """

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    published_how: PublishedHow = "none"
    language: str | None = None
    dateline: Dateline | None = None
    debris: tuple[Span, ...] = ()
    content_hash: str = ""
    signature: tuple[int, ...] = ()
    note: str | None = None

    # No hashes, no signature: those are the store's business.
    CONTRACT_FIELDS: ClassVar[tuple[str, ...] | None] = (
        "id", "title", "source", "url", "published", "published_how",
        "language", "text", "dateline", "debris", "note",
    )


@dataclass(frozen=True)
class Actor(Record):
    """Someone who acts: a person, an organisation, a country's government, an IGO."""

    id: str
    name: str
    kind: str  # person, organisation, country, igo, group
    code: str | None = None  # CAMEO-style, e.g. PRKGOV
    country: str | None = None  # ISO 3166 alpha-3
    igo: str | None = None  # UN, EU, NATO ...
    sector: str | None = None  # PLOVER sector: GOV, MIL, ...
    title: str | None = None
    aliases: tuple[str, ...] = ()
    provenance: str = "ner"

    CONTRACT_FIELDS: ClassVar[tuple[str, ...] | None] = (
        "id", "name", "code", "country", "igo", "sector", "kind",
    )


@dataclass(frozen=True)
class Mention(Record):
    """A named-entity mention and the sentence it sits in."""

    text: str
    label: str
    span: Span
    sentence: Span
    actor_id: str | None = None


@dataclass(frozen=True)
class Place(Record):
    text: str
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    kind: str | None
    geonames_id: int | None
    span: Span


@dataclass(frozen=True)
class When(Record):
    """When an event happened: a TIMEX3 value and the words that gave it."""

    value: str | None
    text: str
    start: str | None = None
    end: str | None = None
    granularity: str | None = None  # day, weekend, week, month, season, quarter, half, year ...


@dataclass(frozen=True)
class Trigger(Record):
    text: str
    span: Span


@dataclass(frozen=True)
class Event(Record):
    source: Actor | None
    target: Actor | None
    type: str  # PLOVER event type
    mode: str | None
    cameo: str | None
    modality: str
    when: When | None
    where: Place | None
    reported_by: str | None
    trigger: Trigger
    sentence: str
    span: Span
    confidence: float
    cluster: str | None = None


@dataclass(frozen=True)
class Speaker(Record):
    name: str
    description: str | None = None
    actor_id: str | None = None


@dataclass(frozen=True)
class Quote(Record):
    speaker: Speaker | None
    text: str
    kind: str  # direct, partial, indirect
    span: Span
    occasion: str | None = None
    verb: str | None = None


@dataclass(frozen=True)
class TimeExpression(Record):
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str | None
    anchored: bool
    span: Span


@dataclass(frozen=True)
class Tone(Record):
    """GDELT V2Tone-compatible figures and the loaded terms found."""

    tone: float
    positive: float
    negative: float
    polarity: float
    activity: float
    self_group: float
    words: int
    loaded_terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Story(Record):
    id: str
    label: str
    first_published: str | None
    last_published: str | None
    articles: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Analysis(Record):
    """Everything ``analyze()`` found in one article."""

    article: Article
    sentences: tuple[Span, ...] = ()
    mentions: tuple[Mention, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    quotes: tuple[Quote, ...] = ()
    places: tuple[Place, ...] = ()
    tone: Tone | None = None
    error: str | None = field(default=None)

    def contract_dict(self) -> dict[str, Any]:
        """The JSON object ``newsevents analyze`` prints for this article."""
        if self.error is not None:
            return {"article": {"id": self.article.id}, "error": self.error}
        return {
            "article": self.article.contract_dict(),
            "events": [_event_contract(e) for e in self.events],
            "actors": [a.contract_dict() for a in self.actors],
            "times": [t.contract_dict() for t in self.times],
            "quotes": [_quote_contract(q) for q in self.quotes],
            "places": [p.contract_dict() for p in self.places],
            "tone": self.tone.contract_dict() if self.tone else None,
            "mentions": [m.contract_dict() for m in self.mentions],
        }


def _event_contract(event: Event) -> dict[str, Any]:
    data = event.to_dict()
    data["source"] = event.source.contract_dict() if event.source else None
    data["target"] = event.target.contract_dict() if event.target else None
    if event.when is not None:
        data["when"] = {"value": event.when.value, "text": event.when.text}
    data.pop("cluster", None)
    return data


def _quote_contract(quote: Quote) -> dict[str, Any]:
    data = quote.to_dict()
    data.pop("verb", None)
    return data
