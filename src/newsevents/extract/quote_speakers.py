"""Who a speaker is: the subject of a reporting verb turned into a ``Speaker``.

A subject covered by a mention that the actor pass linked is that actor: a
person by their canonical name ("Zhu" -> "Zhiqun Zhu", "the North Korean
leader" -> "Kim Jong Un"), anything else by the words the text uses
("Pyongyang", "the foreign ministry") with the actor's id. A subject no mention
covers keeps its own words ("police", "one Dutch diplomat") and no actor id.

A pronoun ("he said", "she added") is the most recent named person who was
the subject of a main clause or of a reporting verb before it, outside quotes
(pronoun gender is not read): in practice the last named speaker, or the
person the paragraph before was about ("Bucknell's Zhu interpreted Kim's
message similarly. 'I think ...,' he said"). "It" is the most recent named
organisation; "they" the most recent of either. No such name within
``PRONOUN_REACH`` characters: no speaker.

Unnamed sources (``quote_unnamed.tsv``): "an official at the home ministry" is
no one (speaker null), even beside a named body; "the minister added" is the
last person named before whose title holds that word; "the ministry said" the
last named body, unless its phrase names whose it is ("the Indonesian foreign
ministry", "Venezuela's government"), which makes it named. A statement or a
report speaks for the body its phrase names ("a Dutch foreign ministry
statement", "the report, released by Human Rights Watch"). An acronym that
spells an organisation the article names in full is that organisation ("RSF").

A person speaker carries their description (quote_speaker_descriptions.py);
what the words of a subject's phrase say ("the", "Venezuela's") is read in
quote_speaker_phrases.py.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.attrs import DEP
from spacy.tokens import Doc, Token

from newsevents.extract.quote_speaker_descriptions import SpeakerDescriptions
from newsevents.extract.quote_speaker_phrases import clean, definite, named_body, reported
from newsevents.extract.spans import tokens_where
from newsevents.records import Actor, Mention, Speaker

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
OTHER_PRONOUNS = frozenset({"it", "they", "them", "we"})
RELATIVE = frozenset({"who", "that", "which", "whom"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
PHRASE_DEPS = frozenset({"det", "amod", "compound", "nummod", "poss", "case", "nmod"})
PRONOUN_REACH = 2500
ACRONYM = (2, 6)  # letters of an acronym that may stand for an organisation named in full


@dataclass(frozen=True)
class _Named:
    at: int  # character offset of the subject
    speaker: Speaker
    person: bool


class Speakers:
    """Turns subject tokens into speakers for one article."""

    def __init__(self, doc: Doc, text: str, mentions: Sequence[Mention], actors: Sequence[Actor],
                 *, masked: frozenset[int], speech_verbs: frozenset[str],
                 unnamed: Mapping[str, str]) -> None:
        self.doc = doc
        self.text = text  # doc.text, which spaCy rebuilds on every access
        self.unnamed = unnamed  # head noun -> person / body (lexicon/quote_unnamed.tsv)
        self.speech_verbs = speech_verbs
        self.mentions = sorted(mentions, key=lambda m: m.span)
        # where each mention starts, and the longest one's length: a token's mentions are
        # then found by bisection, not by reading every mention of the article per token
        self.starts = [m.span[0] for m in self.mentions]
        self.longest = max((m.span[1] - m.span[0] for m in self.mentions), default=0)
        self.actors = {a.id: a for a in actors}
        self.masked = masked  # token indices inside quotes or skipped ranges
        self.descriptions = SpeakerDescriptions(doc, text, self.mentions)
        self.named: list[_Named] = []
        self.named = self._named_subjects(speech_verbs)

    def of(self, token: Token) -> Speaker | None:
        """The speaker a subject token names; None when it names no one we can tell."""
        if token.lower_ in RELATIVE and token.head.dep_ == "relcl":
            token = token.head.head
        if token.lower_ in PERSON_PRONOUNS | OTHER_PRONOUNS:
            return self.before(token.idx, token.lower_)
        return self._named_speaker(token)

    def before(self, at: int, pronoun: str) -> Speaker | None:
        """The most recent named subject before ``at`` that ``pronoun`` can refer to."""
        want = True if pronoun in PERSON_PRONOUNS else None if pronoun == "they" else False
        for named in reversed(self.named):
            if named.at >= at:
                continue
            if at - named.at > PRONOUN_REACH:
                return None
            if want is None or named.person == want:
                return named.speaker
        return None

    def _named_speaker(self, token: Token) -> Speaker | None:
        kind = self._unnamed(token)
        own = self._mention(token)
        mention = own or self._mention_in_phrase(token)
        if mention is not None and mention.actor_id in self.actors:
            actor = self._person_by_surname(token, mention) or self.actors[mention.actor_id]
            if actor.kind == "person":
                # "the minister added": the last one who spoke or acted as minister
                held = self._role_holder(token) if mention.label == "NOMINAL" \
                    and kind == "person" and definite(token) else None
                return held or Speaker(actor.name, self.descriptions.of(mention, actor), actor.id)
            # "an official at the home ministry" is someone unnamed, not the ministry;
            # "the Indonesian foreign ministry" names its owner, "the ministry" does not
            if (kind != "person" or own is not None) and (
                    mention.label != "NOMINAL" or kind is None
                    or (kind == "body" and named_body(token))):
                actor = self._expanded(mention) or actor
                # an acronym stands for the name it was introduced with ("the RSF")
                own_name = actor.id == mention.actor_id and mention.label != "ALIAS"
                return Speaker(clean(mention.text) if own_name else actor.name, None, actor.id)
        named = self._unlinked_appos(token)
        if named is not None:  # "A presidential adviser, Juliana Restrepo Garcés," unlinked
            return Speaker(clean(named.text), None, None)
        if kind == "document":
            issuer = self._issuer(token)
            if issuer is not None:
                return issuer
        if kind == "body" and named_body(token):
            return self._owner(token)
        if kind is not None:
            # "the minister added" is someone named before; "one Dutch diplomat" is no one
            if not definite(token):
                return None
            if kind == "person":
                return self._role_holder(token) or self.before(token.idx, "he")
            return self.before(token.idx, "it")
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        expanded = self._acronym_of(token.text)
        if expanded is not None:  # "The RSF ... accused", untagged
            return Speaker(expanded.name, None, expanded.id)
        return Speaker(clean(self._phrase(token)), None, None)

    def _expanded(self, mention: Mention) -> Actor | None:
        """The organisation an acronym stands for, when the article also names it in
        full ("RSF" for the Rapid Support Forces)."""
        return self._acronym_of(clean(mention.text))

    def _acronym_of(self, word: str) -> Actor | None:
        if not (ACRONYM[0] <= len(word) <= ACRONYM[1] and word.isalpha() and word.isupper()):
            return None
        found = [a for a in self.actors.values() if a.kind != "person"
                 and len(a.name.split()) == len(word)
                 and "".join(w[0] for w in a.name.split()).upper() == word]
        return found[0] if len(found) == 1 else None

    def _owner(self, token: Token) -> Speaker:
        """A body named by whose it is, unlinked: "Marais's office" speaks for the person
        Marais when the article names one, else as its own words."""
        owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"),
                     None)
        if owner is not None:
            people = [a for a in self.actors.values() if a.kind == "person"
                      and len(a.name.split()) > 1 and a.name.split()[-1] == owner.text]
            if len(people) == 1:
                return Speaker(people[0].name, None, people[0].id)
        return Speaker(clean(self._phrase(token)), None, None)

    def _issuer(self, token: Token) -> Speaker | None:
        """Who issued a document that speaks: the body named in its phrase ("a brief
        Dutch foreign ministry statement", "the ministry's report", "the report,
        released by Human Rights Watch,")."""
        start, end = token.left_edge.idx, token.idx
        inside = [m for m in self.mentions if start <= m.span[0] and m.span[1] <= end
                  and m.actor_id in self.actors]
        right = token.right_edge.idx + len(token.right_edge.text)
        issued = [m for m in self.mentions if token.idx < m.span[0] and m.span[1] <= right
                  and m.actor_id in self.actors and m.label != "NOMINAL"]
        inside = inside or issued[:1]
        if not inside:
            named = [t for t in self.doc[token.left_edge.i:token.i]
                     if t.ent_type_ in ("NORP", "GPE", "ORG") or t.pos_ == "PROPN"]
            if not named:
                return None
            words = self.doc[named[0].i:token.i]  # "Dutch foreign ministry"
            return Speaker(clean(words.text), None, None)
        mention = inside[-1]
        actor = self.actors[mention.actor_id or ""]
        name = actor.name if actor.kind == "person" else clean(mention.text)
        return Speaker(name, None, actor.id)

    def _role_holder(self, token: Token) -> Speaker | None:
        """The person named before whose title or description holds the role word:
        "the minister added" after "Foreign Minister Siarhei Ramanchuk"."""
        role = token.lemma_.lower()
        for named in reversed(self.named):
            if named.at >= token.idx or token.idx - named.at > PRONOUN_REACH:
                continue
            if named.person and named.speaker.actor_id is not None \
                    and self._holds(named.speaker.actor_id, role, token.idx):
                return named.speaker
        return None

    def _holds(self, actor_id: str, role: str, before: int) -> bool:
        for mention in self.mentions:
            if mention.actor_id != actor_id or mention.span[0] >= before:
                continue
            span = self.doc.char_span(*mention.span, alignment_mode="expand")
            if span is None:
                continue
            phrase = self.doc[span.root.left_edge.i:span.root.right_edge.i + 1]
            if any(t.lemma_.lower() == role for t in phrase if not span.start <= t.i < span.end):
                return True
        return False

    def _person_by_surname(self, token: Token, mention: Mention) -> Actor | None:
        """The one person of the article whose surname a lone name is, when the NER
        took the name for an organisation ("Wekesa said", Wekesa tagged ORG)."""
        if token.pos_ != "PROPN" or len(clean(mention.text).split()) != 1:
            return None
        word = clean(mention.text)
        people = [a for a in self.actors.values()
                  if a.kind == "person" and len(a.name.split()) > 1
                  and a.name.split()[-1] == word]
        return people[0] if len(people) == 1 else None

    def _unnamed(self, token: Token) -> str | None:
        return self.unnamed.get(token.lemma_.lower()) or self.unnamed.get(token.lower_)

    def _mention(self, token: Token) -> Mention | None:
        start, end = token.idx, token.idx + len(token.text)
        near = self._starting_in(start - self.longest, end - 1)
        covering = [m for m in near if m.span[0] < end and start < m.span[1]]
        linked = [m for m in covering if m.actor_id in self.actors]
        people = [m for m in linked if self.actors[m.actor_id or ""].kind == "person"]
        for group in (people, linked, covering):
            if group:
                return min(group, key=lambda m: m.span[1] - m.span[0])
        return None

    def _starting_in(self, first: int, last: int) -> list[Mention]:
        """The mentions that start at characters ``first``..``last`` (inclusive), in order."""
        return self.mentions[bisect_left(self.starts, first):bisect_right(self.starts, last)]

    def _mention_in_phrase(self, token: Token) -> Mention | None:
        """A linked person mention inside a subject the parser headed elsewhere
        ("Bonnie Glaser, a senior adviser ... think tank" headed by "tank")."""
        start, end = token.left_edge.idx, token.idx + len(token.text)
        for child in token.rights:
            if child.dep_ in ("appos", "prep"):
                end = max(end, child.right_edge.idx + len(child.right_edge.text))
        inside = [m for m in self._starting_in(start, end) if start <= m.span[0]
                  and m.span[1] <= end
                  and m.actor_id in self.actors and not self._possessive(m)
                  and not self._in_clause(m, token)]
        people = [m for m in inside if self.actors[m.actor_id or ""].kind == "person"]
        bodies = [m for m in inside if m.span[0] > token.idx and m.label != "NOMINAL"]
        return next(iter(people or bodies), None)

    def _unlinked_appos(self, token: Token) -> Mention | None:
        for child in token.rights:
            if child.dep_ == "appos":
                mention = self._mention(child)
                if mention is not None and mention.label in ("PERSON", "GPE", "ORG"):
                    return mention
        return None

    def _in_clause(self, mention: Mention, token: Token) -> bool:
        """Whether the mention sits in a clause on ``token`` ("who met Kim")."""
        span = self.doc.char_span(*mention.span, alignment_mode="expand")
        if span is None:
            return True
        node = span.root
        while node.i != token.i and node.head.i != node.i:
            if node.dep_ in ("relcl", "acl", "advcl", "ccomp"):
                return True
            node = node.head
        return False

    def _possessive(self, mention: Mention) -> bool:
        """"Kim's threat": the owner is not the subject."""
        span = self.doc.char_span(*mention.span, alignment_mode="expand")
        return span is not None and (span.root.dep_ == "poss" or (
            span.end < len(self.doc) and self.doc[span.end].dep_ == "case"))

    def _phrase(self, token: Token) -> str:
        left = [t for t in token.lefts if t.dep_ in PHRASE_DEPS]
        start = min((t.left_edge.i for t in left), default=token.i)
        words = [t for t in self.doc[start:token.i + 1] if not t.is_punct]
        return " ".join(t.text for t in words)

    def _named_subjects(self, speech_verbs: frozenset[str]) -> list[_Named]:
        named = []
        for subject in tokens_where(self.doc, DEP, SUBJECTS):
            token = unmasked(subject, self.masked)
            if token is None:
                continue
            if reported(token, speech_verbs):
                continue
            if token.lower_ in PERSON_PRONOUNS | OTHER_PRONOUNS | RELATIVE:
                continue
            mention = self._mention(token) or self._mention_in_phrase(token)
            linked = mention is not None and mention.actor_id in self.actors
            if not linked and self._unlinked_appos(token) is None:
                continue
            speaker = self._named_speaker(token)
            if speaker is not None:
                person = (linked and mention is not None
                          and self.actors[mention.actor_id or ""].kind == "person") \
                    or self._described_as_person(token)
                named.append(_Named(token.idx, speaker, person))
        return named

    def _described_as_person(self, token: Token) -> bool:
        """A name the actor pass did not take for a person, which its apposition or
        its head noun says is one: "Nino Beridze, a law student", "A presidential
        adviser, Juliana Restrepo Garcés"."""
        if self._unnamed(token) == "person":
            return True
        return any(c.dep_ == "appos" and self._unnamed(c) == "person" for c in token.children)


def unmasked(subject: Token, masked: frozenset[int]) -> Token | None:
    """The subject outside quotes and skipped ranges, or the name in apposition to a
    skipped one: "LONDON (Wire) – Transport Secretary Gareth Pennington-Rhys said",
    parsed with the dateline as the subject."""
    if subject.i not in masked:
        return subject
    return next((c for c in subject.children if c.dep_ == "appos" and c.i not in masked), None)
