"""Faster stand-ins for spaCy's attribute ruler and rule lemmatizer, same annotations.

Both stock components spend their time in Python per token: the attribute ruler
runs a Matcher over every token and sets each match's attributes through a
Span, and the lemmatizer makes a Token object per token to look its lemma up.
Their answers depend only on a few attributes of each token (and, for the
ruler's two-token patterns, of its neighbour), so these stand-ins compute each
distinct answer once, remember it, and write a whole doc's values with one
``Doc.from_array``. Together they cut the cost of the two from about a sixth
of the full parse to a few per cent. They are exact replacements: a pattern
the ruler stand-in cannot evaluate (an operator, a quantifier, an attribute it
does not read) leaves the stock component in place.
"""

# No ``from __future__ import annotations`` here: spaCy validates a factory's
# signature at run time, and confection 0.1 (which spaCy 3.8.6 brings) cannot
# resolve annotations written as strings.
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import StringStore
from spacy.tokens import Doc

READABLE_ATTRS = frozenset({"TAG", "LOWER", "ORTH", "DEP", "POS", "NORM", "IS_SPACE",
                            "IS_PUNCT", "IS_ALPHA", "IS_DIGIT"})
WRITABLE_ATTRS = frozenset({IDS[name] for name in ("TAG", "POS", "DEP", "LEMMA", "MORPH")})
# Distinct keys a memo remembers before it starts over. Each key costs about 250 bytes,
# and news keeps bringing new words (names, places, numbers) whose keys never come back:
# at 200,000 the two memos grew by some 100 MB over the first ten thousand articles of
# a worker (#7). The words that do come back are re-learnt within an article or two.
MEMO_LIMIT = 50_000

Predicate = Callable[[int, StringStore], bool]
Updates = tuple[tuple[int, Mapping[int, int]], ...]  # (rule ordinal, attrs), in order


class Unsupported(ValueError):
    """A ruler pattern this stand-in cannot evaluate exactly."""


def _predicate(value: object, strings: StringStore) -> tuple[Predicate, frozenset[int] | None]:
    """A test of one token attribute's value (a string hash or a flag) against a pattern,
    and the values it accepts when they can be listed (None when they cannot)."""
    if isinstance(value, bool):
        return (lambda got, _strings: got == int(value)), frozenset({int(value)})
    if isinstance(value, str):
        wanted = strings.add(value) if value else 0
        return (lambda got, _strings: got == wanted), frozenset({wanted})
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list):
            hashes = frozenset(strings.add(v) if v else 0 for v in arg)
            if op == "IN":
                return (lambda got, _strings: got in hashes), hashes
            return (lambda got, _strings: got not in hashes), None
        if op == "REGEX" and isinstance(arg, str):
            regex = re.compile(arg)
            return (lambda got, strings_: bool(regex.search(strings_[got]))), None
    raise Unsupported(f"pattern value {value!r}")


@dataclass(frozen=True)
class _TokenSpec:
    """One token of a pattern: a predicate per attribute column."""

    tests: tuple[tuple[int, Predicate], ...]  # (column in the feature row, predicate)
    # A column and the values it must take for the spec to match, when listable: only
    # tokens with one of them need the spec tested.
    anchor: tuple[int, frozenset[int]] | None

    def matches(self, row: Sequence[int], strings: StringStore) -> bool:
        return all(test(row[column], strings) for column, test in self.tests)


def _token_spec(token: Mapping[str, object], names: list[str],
                strings: StringStore) -> _TokenSpec:
    tests, anchor = [], None
    for name, value in token.items():
        test, accepted = _predicate(value, strings)
        tests.append((names.index(name), test))
        if accepted is not None and (anchor is None or len(accepted) < len(anchor[1])):
            anchor = (names.index(name), accepted)
    return _TokenSpec(tuple(tests), anchor)


@dataclass(frozen=True)
class _Rule:
    ordinal: int
    specs: tuple[_TokenSpec, ...]
    index: int  # which token of a match gets the attributes
    attrs: Mapping[int, int]


class _SpecIndex:
    """Token specs (rule number, position in the rule) filed by the values that can
    make them match, so a token is tested only against the specs it might satisfy; the
    answer for each distinct row of attribute values is remembered."""

    def __init__(self, specs: list[tuple[tuple[int, int], _TokenSpec]],
                 strings: StringStore) -> None:
        self.strings = strings
        self.anchored: dict[tuple[int, int], list[tuple[tuple[int, int], _TokenSpec]]] = {}
        self.always = []
        for key, spec in specs:
            if spec.anchor is None:
                self.always.append((key, spec))
                continue
            column, accepted = spec.anchor
            for value in accepted:
                self.anchored.setdefault((column, value), []).append((key, spec))
        self._memo: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}

    def matching(self, row: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        """The (rule, position) keys of the specs ``row`` satisfies, in rule order."""
        found = self._memo.get(row)
        if found is None:
            if len(self._memo) >= MEMO_LIMIT:
                self._memo.clear()
            candidates = list(self.always)
            for column, value in enumerate(row):
                candidates.extend(self.anchored.get((column, value), ()))
            found = tuple(sorted({key for key, spec in candidates
                                  if spec.matches(row, self.strings)}))
            self._memo[row] = found
        return found


class FastAttributeRuler:
    """The stock ruler's rules, applied with one memo lookup per token."""

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        entries: list[dict[str, Any]] = ruler.patterns
        names = sorted({name for p in entries for pattern in p["patterns"]
                        for token in pattern for name in token})
        if not set(names) <= READABLE_ATTRS:
            raise Unsupported(f"pattern attributes {names}")
        self.columns: list[int | str] = [IDS[name] for name in names]
        self.rules: list[_Rule] = []
        for ordinal, (entry, attrs, index) in enumerate(
                zip(entries, ruler.attrs, ruler.indices, strict=True)):
            if not set(attrs) <= WRITABLE_ATTRS:
                raise Unsupported(f"attributes {attrs}")
            for pattern in entry["patterns"]:
                if not pattern:
                    raise Unsupported("an empty pattern")
                specs = tuple(_token_spec(token, names, strings) for token in pattern)
                if not -len(specs) <= index < len(specs):
                    raise Unsupported(f"index {index} of a {len(specs)}-token pattern")
                self.rules.append(_Rule(ordinal, specs, index % len(specs), attrs))
        self.specs = _SpecIndex([((n, k), spec) for n, rule in enumerate(self.rules)
                                 for k, spec in enumerate(rule.specs)], strings)
        self.written: list[int | str] = sorted({attr for rule in self.rules
                                                for attr in rule.attrs})

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = [tuple(row) for row in doc.to_array(self.columns).tolist()]
        matched = [self.specs.matching(row) for row in rows]
        values: Any = doc.to_array(self.written)
        for i, updates in enumerate(self._updates(matched)):
            # Later rules win, as in the stock ruler, which applies matches by rule order.
            for _ordinal, attrs in sorted(updates, key=itemgetter(0)):
                for attr, value in attrs.items():
                    values[i, self.written.index(attr)] = value
        doc.from_array(self.written, values)
        return doc

    def _updates(self, matched: list[tuple[tuple[int, int], ...]]
                 ) -> list[list[tuple[int, Mapping[int, int]]]]:
        """For each token, the (rule ordinal, attrs) of the rules matched onto it."""
        updates: list[list[tuple[int, Mapping[int, int]]]] = [[] for _ in matched]
        for start, keys in enumerate(matched):
            for n, position in keys:
                if position:
                    continue
                rule = self.rules[n]
                width = len(rule.specs)
                if start + width <= len(matched) and all(
                        (n, k) in matched[start + k] for k in range(1, width)):
                    updates[start + rule.index].append((rule.ordinal, rule.attrs))
        return updates


class FastLemmatizer:
    """The stock rule lemmatizer's answer for each (word, POS, morphology), remembered."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        if lemmatizer.mode != "rule":
            raise Unsupported(f"lemmatizer mode {lemmatizer.mode!r}")
        self.lemmatizer = lemmatizer
        self._memo: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings = doc.vocab.strings
        overwrite = self.lemmatizer.overwrite
        lemmas: Any = doc.to_array([LEMMA])
        for i, (orth, pos, morph, lemma) in enumerate(
                doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            text = self._memo.get(key)
            if text is None:
                if len(self._memo) >= MEMO_LIMIT:
                    self._memo.clear()
                    self.lemmatizer.cache.clear()
                text = self._memo[key] = self.lemmatizer.lemmatize(doc[i])[0]
            lemmas[i] = strings.add(text)
        doc.from_array([LEMMA], lemmas)
        return doc


FAST_FACTORIES = {AttributeRuler: "newsevents_fast_attribute_ruler",
                  Lemmatizer: "newsevents_fast_lemmatizer"}


@Language.factory(FAST_FACTORIES[AttributeRuler], default_config={"stock": "attribute_ruler"})
def make_fast_attribute_ruler(nlp: Language, name: str, stock: str) -> FastAttributeRuler:
    ruler = nlp.get_pipe(stock)
    if not isinstance(ruler, AttributeRuler):
        raise Unsupported(f"{stock!r} is not an attribute ruler")
    return FastAttributeRuler(ruler)


@Language.factory(FAST_FACTORIES[Lemmatizer], default_config={"stock": "lemmatizer"})
def make_fast_lemmatizer(nlp: Language, name: str, stock: str) -> FastLemmatizer:
    lemmatizer = nlp.get_pipe(stock)
    if not isinstance(lemmatizer, Lemmatizer):
        raise Unsupported(f"{stock!r} is not a lemmatizer")
    return FastLemmatizer(lemmatizer)


def with_fast_rules(nlp: Language) -> Language:
    """``nlp`` with its attribute ruler and lemmatizer run by the stand-ins above, where
    they can stand in exactly, under the stock components' names and in their places."""
    for name, component in list(nlp.pipeline):
        factory = next((f for kind, f in FAST_FACTORIES.items() if isinstance(component, kind)),
                       None)
        if factory is None:
            continue
        try:
            nlp.add_pipe(factory, name=f"{name}_fast", before=name, config={"stock": name})
        except Unsupported:
            continue
        nlp.remove_pipe(name)
        nlp.rename_pipe(f"{name}_fast", name)
    return nlp
