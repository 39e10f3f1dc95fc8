"""Which actors a pronoun or a floating quantifier stands for, when the coder's own
fallback (one speaker, or the last subject) would give only one of several sides.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from newsevents.extract.event_actors import ActorIndex, actors_of, is_joint_phrase, scored
from newsevents.extract.event_pairs import side_code
from newsevents.records import Actor

PLURAL_PRONOUNS = frozenset({"they", "we"})
FLOATING_QUANTIFIERS = frozenset({"both", "all"})


def sides_named_before(source_head: Token | None, index: ActorIndex) -> list[Actor]:
    """"The AU and the UN, which co-sponsored the talks, both endorsed the deal": a
    floating "both"/"all" stands for the coordinated actors named before it in its
    sentence (the parser may have given them to the relative clause)."""
    if source_head is None or source_head.lower_ not in FLOATING_QUANTIFIERS or \
            source_head.pos_ != "PRON":
        return []
    for token in source_head.sent:
        if token.i >= source_head.i:
            break
        if any(c.dep_ == "conj" for c in token.children):
            sides = [a for a in actors_of(token, index) if scored(a)]
            if len({side_code(a) for a in sides}) >= 2:
                return sides
    return []


def joint_speakers(source_head: Token | None, speaker_head: Token | None,
                   index: ActorIndex, parties: Sequence[Actor] = ()) -> list[Actor]:
    """"Qatar and Turkey said they were ready to host talks": a plural pronoun in
    reported speech stands for every speaker, where the coder's fallback is only one;
    "the two ministers said they would invite China": for the parties of the last
    joint event, when the speakers are named only together."""
    if source_head is None or speaker_head is None or \
            source_head.lower_ not in PLURAL_PRONOUNS:
        return []
    speakers = [a for a in actors_of(speaker_head, index) if scored(a)]
    if len({side_code(a) for a in speakers}) >= 2:
        return speakers
    return list(parties) if len(parties) >= 2 and is_joint_phrase(speaker_head) else []
