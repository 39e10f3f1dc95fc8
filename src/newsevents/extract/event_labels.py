"""Naming another's deed with a hostile word is an accusation.

"called the measures 'economic banditry'", "branded the sanctions illegitimate",
"described the strikes as a war crime": a verb of naming whose predicate holds
an insult, a loaded label (``loaded_terms.tsv``) or a strongly negative word
(VADER valence at most -1.5) codes PLOVER ACCUSE, mode disapprove (CAMEO 111),
aimed at whoever the named thing belongs to. The event tables cannot say this:
it is the predicate's words, not the verb's object, that make the accusation.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsevents.extract.event_triggers import TriggerMatch
from newsevents.extract.spans import overlaps
from newsevents.lexicon import Lexicon
from newsevents.lexicon.events import EventPattern
from newsevents.records import Span

NAMING_VERBS = frozenset({"call", "brand", "label", "describe", "dub", "term", "characterise",
                          "characterize"})
# The predicate of a naming verb: "called X a sham", "branded X illegitimate",
# "described X as a crime".
PREDICATE_DEPS = frozenset({"oprd", "ccomp", "xcomp", "acomp"})
HOSTILE_KINDS = frozenset({"insult", "loaded_label", "dehumanising", "conspiracy"})
STRONGLY_NEGATIVE = -1.5


def labelling_triggers(sent: SpacySpan, lexicon: Lexicon, skip: Sequence[Span],
                       taken: set[int]) -> list[TriggerMatch]:
    """The naming verbs of a sentence that label something with a hostile word, other
    than tokens already ``taken`` by a table trigger."""
    found = []
    for verb in sent:
        if verb.i in taken or verb.pos_ != "VERB" or verb.lemma_.lower() not in NAMING_VERBS \
                or overlaps((verb.idx, verb.idx + len(verb)), skip):
            continue
        predicate = _predicate(verb)
        if predicate is not None and any(_hostile(t, lexicon) for t in predicate.subtree):
            pattern = EventPattern(lemma=verb.lemma_.lower(), type="ACCUSE", mode="disapprove",
                                   cameo="111")
            found.append(TriggerMatch(verb, pattern, nominal=False))
    return found


def _predicate(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in PREDICATE_DEPS or (child.dep_ == "prep" and child.lower_ == "as"):
            return child
    return None


def _hostile(word: Token, lexicon: Lexicon) -> bool:
    forms = (word.lower_, word.lemma_.lower())
    loaded = any(term.kind in HOSTILE_KINDS and term.words == (form,)
                 for form in forms for term in lexicon.loaded_terms.get(form, ()))
    return loaded or any(lexicon.valence.get(form, 0.0) <= STRONGLY_NEGATIVE for form in forms)
