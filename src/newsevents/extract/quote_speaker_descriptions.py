"""A quoted person's description, for the reader who meets them only in a quote.

The description is the apposition or title phrase around the mention that
names the person ("a political science professor at Bucknell University in
Pennsylvania"), else the description that person had earlier in the article:
a quote late in a story names its speaker bare, and the reader still needs to
know who they are.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from newsevents.extract.actor_appositions import description_parts
from newsevents.records import Actor, Mention


class SpeakerDescriptions:
    """The descriptions of one article's people, found once and kept by person."""

    def __init__(self, doc: Doc, text: str, mentions: Sequence[Mention]) -> None:
        self.doc = doc
        self.text = text  # doc.text, which spaCy rebuilds on every access
        self.mentions = mentions  # in text order
        self.descriptions: dict[str, str] = {}
        # a mention's own description, by its span: asked for again for each quote
        self.described: dict[tuple[int, int], str | None] = {}

    def of(self, mention: Mention, actor: Actor) -> str | None:
        found = self._described_at(mention)
        if found:
            self.descriptions.setdefault(actor.id, found)
            return found
        if actor.id not in self.descriptions:
            for other in self.mentions:
                if other.actor_id == actor.id and other.label == "PERSON":
                    text = self._described_at(other)
                    if text:
                        self.descriptions[actor.id] = text
                        break
        return self.descriptions.get(actor.id)

    def _described_at(self, mention: Mention) -> str | None:
        if mention.label != "PERSON":
            return None
        if mention.span not in self.described:
            self.described[mention.span] = self._description_around(mention.span)
        return self.described[mention.span]

    def _description_around(self, chars: tuple[int, int]) -> str | None:
        span = self.doc.char_span(*chars, alignment_mode="expand")
        if span is None:
            return None
        try:
            parts = description_parts(self.doc, span.start, span.end)
        except (IndexError, ValueError):  # a parse the helper does not expect
            return None
        placed = [p for p in parts if p.head is not None and p.tokens]
        after = [p for p in placed if p.tokens[0].i >= span.end]
        before = [p for p in placed if p.tokens[0].i < span.start]
        titles = [p for p in parts if p.before_name and p.tokens]
        for group in (after, before, titles):
            for part in group:
                tokens = [t for t in part.tokens if t.i not in range(span.start, span.end)]
                if tokens and any(t.pos_ in ("NOUN", "PROPN") for t in tokens):
                    text = self.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]
                    return " ".join(text.split()).strip(" ,;:—–-") or None
        return None
