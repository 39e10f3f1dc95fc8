"""Who did it: the grammatical subject or passive agent of a trigger verb, found
through the clauses that share or control it ("X is set to release", "was freed by
China and flew home", "stopped short of blaming"), the noun a relative or
participle clause modifies, and the owner of a step ("Kim's move to halt tests").
"""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.extract.event_phrases import prep_objects, step_owner

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "acomp"})
# Finite verb tags: a clause the parser hung on a noun as "acl" with one of these
# is that noun's predicate ("The EU's envoy, Jane Doe, called on ..."), not a
# participle modifying it ("a trawler seized by the coast guard").
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
MEANS_NOUNS = frozenset({"phone", "telephone", "video", "videoconference", "letter", "email",
                         "mail", "train", "car", "plane", "air", "road", "sea", "boat",
                         "helicopter", "link", "call", "satellite"})


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    """The grammatical subject (or passive agent) of a verb and whether it is an agent.

    Walks up xcomp/conj/advcl chains for a controlled or shared subject, and to
    the noun a relative or participle clause modifies."""
    current: Token | None = verb
    controlled = False  # reached through "to": "X is set to release", "X was urged to leave"
    # reached from an active verb joined to a passive one: "X was received by the king
    # and signed agreements" - X signed, not the king
    joined_active = False
    for _ in range(4):
        if current is None:
            break
        controller = next((c for c in current.children if c.dep_ == "dobj"), None) \
            if controlled else None
        if controller is not None:
            return controller, False  # "led the leadership to call out": object control
        owner = step_owner(current)
        if owner is not None:
            return owner, False
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS and current.dep_ == "relcl" and \
                    child.tag_ in ("WDT", "WP"):
                return current.head, False  # "a report that alleges": the relativised noun
            if child.dep_ in SUBJECT_DEPS or (controlled and child.dep_ == "nsubjpass"):
                return child, False
            if child.dep_ == "nsubjpass" and current.i != verb.i and \
                    verb.dep_ == "conj" and verb.head.i == current.i and \
                    not is_passive(verb):
                return child, False  # "was freed by China and flew home": the freed one flew
        passive = is_passive(current)
        agent = next((c for c in current.children if c.dep_ == "agent"), None) or \
            (_stray_agent(current) if passive else None)
        if agent is not None and (passive or current.dep_ == "acl") and \
                not _means_of_contact(agent) and not (passive and joined_active):
            objs = prep_objects(agent)
            if objs:
                return objs[0], True
        if current.dep_ in ("relcl",) and not passive:
            return current.head, False
        if current.dep_ == "acl" and current.tag_ == "VBG":
            return current.head, False  # "a motion criticising Jakarta"
        if current.dep_ == "acl" and (current.tag_ in FINITE_TAGS
                                      or current.head.dep_ == "ROOT"):
            # a noun-rooted sentence: the parser hung its predicate on the subject
            return current.head, False
        if current.dep_ in INHERIT_DEPS and current.head.i != current.i:
            controlled = current.dep_ == "xcomp"
            joined_active = current.dep_ == "conj" and not passive
            current = _past_modifier(_clause_joined(current))
            continue
        break
    return None, False


def _clause_joined(verb: Token) -> Token:
    """The verb a clause shares its subject with: its head, except that a deed joined
    to a "that" clause of being is the reporting verb's ("denied that any hardware was
    present and blamed Ukraine": the parser hangs "blamed" on "was")."""
    head = verb.head
    if verb.dep_ == "conj" and head.dep_ == "ccomp" and head.lemma_ == "be" and \
            any(c.dep_ == "mark" for c in head.children) and verb.pos_ == "VERB":
        return head.head
    return head


def _past_modifier(word: Token) -> Token:
    """"stopped short of blaming", "is capable of striking": from a preposition that an
    adverb or adjective of the clause governs, the clause's verb; a preposition on the
    verb itself ("accused Kyiv of shelling") names someone else's deed."""
    if word.dep_ == "prep" and word.head.pos_ in ("ADV", "ADJ") and \
            word.head.dep_ in ("advmod", "acomp") and word.head.head.i != word.head.i:
        return word.head.head
    return word


def _means_of_contact(agent: Token) -> bool:
    """"spoke by telephone": a "by" phrase naming a means, not a doer."""
    return any(o.lemma_.lower() in MEANS_NOUNS for o in prep_objects(agent))


def _stray_agent(verb: Token) -> Token | None:
    """"was threatened with consequences by Belarus": the parser hung the passive's
    "by" phrase on the noun before it; a "by" naming someone within the verb's own
    prepositional phrases is its agent all the same."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for noun in prep_objects(prep):
            by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
            objs = prep_objects(by) if by is not None else []
            if objs and objs[0].pos_ == "PROPN":
                return by
    return None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
