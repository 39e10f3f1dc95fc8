"""Reading a trigger's phrases from the dependency parse: its particles, objects and
subject words, the objects of a preposition, and the words coordinated with a word
(including a first conjunct the parser hung inside the last one's name phrase).
"""

from __future__ import annotations

from spacy.tokens import Token

PARTICLE_DEPS = frozenset({"prt", "prep", "agent", "dative"})
# Particles the parser sometimes reads as adverbs: "stepped down", "backed off".
ADVERB_PARTICLES = frozenset({"down", "up", "off", "back", "out", "away", "in"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "attr", "oprd"})
# Where the parser hangs a first conjunct inside a name phrase ("Trump and President Moon").
NAME_MODIFIER_DEPS = frozenset({"nmod", "compound"})
# Nouns of one's own step whose "to" infinitive the owner takes: "Kim's move to halt
# tests", "the decision by Mali to expel the envoy".
OWN_STEP_NOUNS = frozenset({"move", "decision", "bid", "attempt", "effort", "plan", "pledge",
                            "promise", "offer", "readiness", "willingness", "determination",
                            "intention", "commitment", "step", "choice", "vow"})


def word_forms(token: Token) -> set[str]:
    return {token.lemma_.lower(), token.lower_}

def particles(verb: Token) -> dict[str, Token]:
    """The particles and prepositions a verb governs, by lower-case form. A preposition
    whose object is a date is no particle ("called on Tuesday"), nor does it hide one
    of the same form ("put forces on alert on Wednesday")."""
    return {child.lower_: child for child in verb.children
            if (child.dep_ in PARTICLE_DEPS and not _dates_only(child))
            or (child.dep_ == "advmod" and child.lower_ in ADVERB_PARTICLES)}

def with_conjuncts(token: Token) -> list[Token]:
    """The token and those coordinated with it, including a first conjunct the parser
    hung on the last one as a modifier ("with Trump and South Korean President Moon":
    "Trump" an nmod of "Moon")."""
    return [token, *token.conjuncts, *_hung_conjuncts(token)]

def _hung_conjuncts(token: Token, depth: int = 4) -> list[Token]:
    """Modifiers inside the token's name phrase that open a coordination of their own."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ not in NAME_MODIFIER_DEPS or child.i > token.i:
            continue
        if any(g.dep_ == "cc" for g in child.children):
            found.append(child)
        elif depth > 0:
            found.extend(_hung_conjuncts(child, depth - 1))
    return found

def direct_objects(verb: Token) -> list[Token]:
    """Direct objects (and the passive subject, the logical object), with conjuncts."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ in OBJECT_DEPS:
            found.extend(with_conjuncts(child))
    return found

def prep_objects(prep: Token) -> list[Token]:
    found: list[Token] = []
    for child in prep.children:
        if child.dep_ in ("pobj", "pcomp", "dobj"):
            found.extend(with_conjuncts(child))
    return found

def _dates_only(part: Token) -> bool:
    """Whether every object of a preposition is a date ("on Tuesday"); a span of time
    measured in events is not one ("bowing to weeks of protests")."""
    objects = prep_objects(part)
    return bool(objects) and all(_bare_date(o) for o in objects)

def _bare_date(token: Token) -> bool:
    return token.ent_type_ in ("DATE", "TIME") and not any(
        child.dep_ == "prep" and child.lower_ == "of" for child in token.children)

def subject_words(verb: Token) -> list[Token]:
    """The words of the subject's own noun phrases, conjuncts and "of" phrases included
    ("search-and-rescue teams and a UN assessment unit", "a convoy of rescuers"),
    leaving out clauses that describe it."""
    words: list[Token] = []
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        clauses = {t.i for c in child.subtree if c.dep_ in ("relcl", "acl", "appos")
                   for t in c.subtree}
        words.extend(t for t in child.subtree if t.i not in clauses)
    return words

def participle_object(verb: Token) -> Token:
    """The noun a passive participle describes, its logical object ("a deal struck with
    the IMF"); the parser often hangs the participle on a place inside that noun's
    phrase instead ("talks in Doha hosted by Qatar": the talks were hosted)."""
    noun = verb.head
    if noun.ent_type_ in PLACE_ENTITIES and noun.dep_ == "pobj" and \
            noun.head.dep_ == "prep" and noun.head.head.pos_ == "NOUN":
        return noun.head.head
    return noun


def step_noun(verb: Token) -> Token | None:
    """The step noun just before a "to" infinitive ("Kim's move last year to halt
    tests"), wherever the parser hung the infinitive."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None:
        return None
    doc = to.doc
    for before in range(to.i - 1, max(to.i - 6, -1), -1):
        noun = doc[before]
        if noun.lemma_.lower() in OWN_STEP_NOUNS and noun.pos_ == "NOUN":
            between = doc[before + 1:to.i]
            # "move last year to", "decision in 2019 to": only its own phrases between
            if all(t.ent_type_ == "DATE" or noun.is_ancestor(t) for t in between):
                return noun
            return None
    return None


def step_owner(verb: Token) -> Token | None:
    """Who takes the step a "to" infinitive spells out: the possessor or "by" phrase of
    its step noun ("Kim's move to halt tests", "the decision by Mali to expel")."""
    noun = step_noun(verb)
    if noun is None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    objs = prep_objects(by) if by is not None else []
    return objs[0] if objs else None
