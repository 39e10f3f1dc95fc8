"""Actors named by a noun phrase with no name in it: "the North Korean leader",
"Sudanese troops", "the Belarusian foreign minister", "riot police", "protesters".

Each noun chunk whose head is a title (titles.tsv) or a sector noun
(sector_nouns.tsv) and is not part of a named-entity mention is read with
``describe`` (country from a demonym, a country or capital, a possessor or an
"of/in/from" phrase; sector from the head or, for a weak head, from a sector
word beside it). Then:

- a title: the person it stands beside ("the US ambassador to the UN, Nikki
  Haley"), else the person of the article who holds that office in that
  country ("the North Korean leader" -> Kim Jong Un when the article names
  him and his country is known); else the sector of that country
  ("the North Korean leader" PRKGOV, "EU foreign ministers" IGOEU); a bare
  title with no country ("the minister") gives no actor unless it links to
  a person by office;
- a sector noun: the country's sector ("Sudanese army" SDNMIL, "Filipino
  fishermen" PHLCVL); without a country, the one actor of that sector the
  article ties to a country ("the army" after "Sudan's army"), else the
  sector alone ("protesters" CVL). Nouns flagged "country" ("people",
  "side") need a country.

Each yields a NOMINAL mention spanning the noun chunk, so that the events
extractor finds an actor under every subject and object head.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from newsevents.extract.actor_codes import Facts, agent_actor
from newsevents.extract.actor_descriptions import Description, Scene, describe
from newsevents.extract.actor_home import home_facts
from newsevents.extract.actor_pronouns import OWNING_PRONOUNS, owning_subject
from newsevents.extract.actor_words import (
    MAX_NOUN_WORDS,
    demonym_at,
    may_touch_noun,
    noun_ending_at,
    noun_starting_at,
    tokens_touching_noun,
)
from newsevents.lexicon.actors import ActorTables
from newsevents.records import Actor

NOUN_TAGS = frozenset({"NOUN", "PROPN"})
PHRASE_PREPS = frozenset({"of", "in", "from"})
QUANTIFIERS = frozenset({"both", "two", "all", "each", "either", "neither", "several", "some",
                         "many", "other", "another", "remaining"})
GENERIC_DETERMINERS = frozenset({"any", "no", "every"})
PARTY_SECTORS = frozenset({"GOV", "MIL", "REB", "OPP", "PTY"})
# a pair of these is two states, never the two sides of one: "the two governments"
STATE_NOUNS = frozenset({"government", "leadership", "country", "nation", "state", "capital"})
Seen = Sequence[tuple[int, Actor]]  # (token position, actor) of every resolved mention


REGIME = "regime"  # a government named by its critics


def is_generic(span: Span, tables: ActorTables) -> bool:
    """Whether a name is only a table noun ("Army", "Cabinet", "navy"), not a proper name."""
    words = [t for t in span if t.lower_ != "the"]
    for table in (tables.sector_nouns, tables.titles):
        hit = noun_ending_at(words, len(words) - 1, table) if words else None
        if hit is not None and hit.start == 0:
            return True
    return False


def resolve_nominal(scene: Scene, chunk: Span, seen: Seen,
                    kind: str | None = None) -> tuple[Actor | None, Facts]:
    """The actor of a noun chunk (None when it names nobody in particular), and what the
    chunk says about that actor when it stands in apposition with its name (``kind``:
    ``head_kind`` of the chunk, when the caller has it)."""
    tables = scene.lexicon.actors
    kind = kind or head_kind(chunk, tables)
    if kind is None or _any_at_all(chunk.root):
        return None, Facts()
    root = chunk.root
    tokens = list(chunk) + [t for child in root.children if child.dep_ == "prep"
                            and child.lower_ in PHRASE_PREPS for t in child.subtree]
    found = describe(scene, tokens, root, people=True)
    if found.head is not None and "strict" in found.head.flags and any(
            c.dep_ == "compound" and c.pos_ == "NOUN" and not _is_table_noun(c, tables)
            for c in root.children):
        return None, Facts()  # "the sanctions regime"
    facts = found.facts
    plural = root.tag_ in ("NNS", "NNPS")
    if kind == "title":
        person = _beside(scene, chunk, ("person",))
        if person is not None:  # "the US ambassador to the UN, Nikki Haley"
            return person, facts
        if plural and found.body is not None:  # "members of the Kurdistan Workers' Party"
            return found.body, Facts()
        return _office_holder(scene, chunk, found, seen) or _agent(scene, facts, title=True) \
            or _same_group_before(scene, chunk) or _home_group(scene, chunk, found, plural), Facts()
    named = _beside(scene, chunk, ("organisation", "igo"))
    if named is not None:  # "The Singaporean news outlet The Straits Times"
        return named, facts
    named = _named_before(chunk, seen)
    if named is not None:  # "the bank" after "the Asian Development Bank"
        return named, Facts()
    weak = found.head is not None and "weak" in found.head.flags
    if weak and found.body is not None:  # "RSF units", "the Guards' navy"
        return found.body, Facts()
    if not (facts.country or facts.igo):  # "Chad's army began pulling its troops out"
        owner = _subject_owning(chunk, scene, seen)
        if owner is not None:
            facts = Facts(owner.country, facts.sector, owner.igo, facts.title)
    if not (facts.country or facts.igo) and _names_a_pair(chunk) \
            and chunk.root.lemma_.lower() not in STATE_NOUNS:
        facts = Facts(_pair_country(chunk, seen), facts.sector, None, facts.title)
    if facts.country or facts.igo:
        return _agent(scene, facts), Facts()
    regime = _regime_before(chunk, seen)
    if regime is not None:
        return regime, Facts()
    if (found.head is not None and "country" in found.head.flags) or not facts.sector:
        return None, Facts()
    return _tied(chunk, facts.sector, seen, tables) \
        or _agent(scene, home_facts(chunk, facts, scene.home, tables)), Facts()


def _any_at_all(root: Token) -> bool:
    """"any illegal armed group", "no government": a phrase that speaks of whichever
    one there may be names nobody in particular."""
    return any(c.dep_ == "det" and c.lower_ in GENERIC_DETERMINERS for c in root.children)


def coordinated_actors(scene: Scene, chunk: Span, kind: str | None = None) -> list[Actor]:
    """One actor per state or IGO of a phrase whose head several coordinated nationalities
    share: "Japanese and Australian ministers" are Japan's and Australia's, "the US and EU
    envoys" the United States' and the EU's; each keeps the head's sector. Fewer than two:
    an empty list (the phrase is read as one actor). ``kind`` as for resolve_nominal."""
    tables = scene.lexicon.actors
    if (kind or head_kind(chunk, tables)) is None:
        return []
    root = chunk.root
    owners: dict[int, Facts] = {}
    skip_to = chunk.start
    for token in chunk:
        if token.i >= root.i:
            break
        if token.i < skip_to:
            continue
        known = scene.known.get(token.i)
        hit = demonym_at(scene.doc, token.i, root.i, tables.demonyms)  # "South Korean"
        if known is not None and known.kind in ("country", "igo"):
            owners[token.i] = Facts(known.country, None, known.igo)
        elif hit is not None and hit.value and (known is None or not known.country):
            owners[hit.end - 1] = Facts(hit.value)  # NER's "person" Nigerien is a nationality
            skip_to = hit.end
    joined = any(t.dep_ == "conj" and t.head.i in owners for i in owners
                 for t in (scene.doc[i],))
    distinct = {(f.country, f.igo) for f in owners.values()}
    if not joined or len(distinct) < 2:
        return []
    sector = describe(scene, list(chunk), root, people=True).facts.sector
    actors = [agent_actor(Facts(country, sector if country else None, igo), scene.lexicon)
              for country, igo in sorted(distinct, key=lambda d: min(
                  i for i, f in owners.items() if (f.country, f.igo) == d))]
    return [a for a in actors if a is not None]


def _same_group_before(scene: Scene, chunk: Span) -> Actor | None:
    """A bare "the ministers" is the group of office-holders last named with that plural
    noun ("European Union foreign ministers ... the ministers condemned")."""
    words = [t.lower_ for t in chunk]
    if len(words) != 2 or words[0] != "the" or chunk.root.tag_ not in ("NNS", "NNPS"):
        return None
    return scene.groups.get(chunk.root.lower_)


def _home_group(scene: Scene, chunk: Span, found: Description, plural: bool) -> Actor | None:
    """"opposition leaders", "party officials": a group of office-holders that a sector
    word beside the title places in a body of the state at home, like that body."""
    sector_word = found.head is not None and "weak" in found.head.flags and \
        found.facts.sector != found.head.sector
    if not (plural and sector_word):
        return None
    home = home_facts(chunk, found.facts, scene.home, scene.lexicon.actors)
    return _agent(scene, home, title=True)


def _agent(scene: Scene, facts: Facts, *, title: bool = False) -> Actor | None:
    if title and not (facts.country or facts.igo):
        return None  # "the minister": nobody in particular unless linked by office
    return agent_actor(Facts(facts.country, facts.sector, facts.igo), scene.lexicon)


def _tied(chunk: Span, sector: str, seen: Seen, tables: ActorTables) -> Actor | None:
    """"the army" after "Sudan's army": the one actor of that sector the article has tied
    to a country before the phrase. Only for a plain definite phrase ("the 600 soldiers"
    are ones named before): not "both forces", "our soldiers", "3,000 troops" or
    "European farmers", which may mean someone else."""
    words = list(chunk)
    if words[0].lower_ != "the" or any(
            t.dep_ in ("poss", "predet")
            or (t.i > words[0].i and t.pos_ == "DET") or t.lower_ in QUANTIFIERS
            or tables.demonyms.get(t.text, "") is None
            for t in words):
        return None
    tied = {a.id: a for position, a in seen
            if position < chunk.start and a.kind != "person" and a.sector == sector
            and a.country}
    return next(iter(tied.values())) if len(tied) == 1 else None


def _regime_before(chunk: Span, seen: Seen) -> Actor | None:
    """A bare "the regime" or "a regime" is the government the article last called a
    regime ("the regime in Minsk"), not the article's home government."""
    if chunk.root.lemma_.lower() != REGIME:
        return None
    doc = chunk.doc
    called = [a for position, a in seen if position < chunk.start and a.kind != "person"
              and a.sector == "GOV" and a.country
              and REGIME in (t.lemma_.lower() for t in doc[position:doc[position].sent.end][:4])]
    return called[-1] if called else None


def _named_before(chunk: Span, seen: Seen) -> Actor | None:
    """The body named earlier whose name ends in the phrase's noun: "the bank" after "the
    Asian Development Bank", "the agency" after "the International Atomic Energy Agency".
    Only a plain "the" + noun, and only when one such body was named."""
    if len(chunk) != 2 or chunk[0].lower_ != "the":
        return None
    noun = chunk.root.lower_
    bodies = {a.id: a for position, a in seen if position < chunk.start
              and a.kind in ("organisation", "igo")
              and any(name.split()[-1].lower() == noun for name in (a.name, *a.aliases)
                      if name.split())}
    return next(iter(bodies.values())) if len(bodies) == 1 else None


def _subject_owning(chunk: Span, scene: Scene, seen: Seen) -> Actor | None:
    """The body that "its" or "their" on the phrase points to (actor_pronouns.py): a name,
    or a noun phrase resolved before."""
    if not any(t.dep_ == "poss" and t.lower_ in OWNING_PRONOUNS for t in chunk.root.children):
        return None

    def actor_at(subject: Token) -> Actor | None:
        inside = [a for position, a in seen if subject.left_edge.i <= position <= subject.i]
        return scene.known.get(subject.i) or (inside[-1] if inside else None)

    return owning_subject(chunk.root, actor_at)


def _names_a_pair(chunk: Span) -> bool:
    """"both sides", "the two forces", "both delegations": the two parties of the story."""
    words = [t.lower_ for t in chunk]
    return chunk.root.tag_ in ("NNS", "NNPS") and (
        "both" in words or words[:2] == ["the", "two"])


def _pair_country(chunk: Span, seen: Seen) -> str | None:
    """The country of both parties last named before ``chunk`` when they share one ("both
    sides" after Sudan's army and the RSF); None when they are two states. Parties are
    bodies: a minister and their government are one side."""
    parties: dict[str, Actor] = {}
    for position, actor in sorted(seen, key=lambda p: p[0], reverse=True):
        if position < chunk.start and actor.kind != "person" and actor.country \
                and actor.sector in PARTY_SECTORS:
            parties.setdefault(actor.id, actor)
        if len(parties) == 2:
            break
    countries = {a.country for a in parties.values()}
    return countries.pop() if len(parties) == 2 and len(countries) == 1 else None


def _is_table_noun(token: Token, tables: ActorTables) -> bool:
    return any(key[-1] in (token.lower_, token.lemma_.lower())
               for table in (tables.sector_nouns, tables.titles) for key in table)


def office_of(title: str | None, tables: ActorTables) -> str | None:
    """The office group of a title as written ("Supreme Leader" -> leader)."""
    if not title:
        return None
    words = title.lower().replace("-", " - ").split()
    for length in range(len(words), 0, -1):
        for start in range(len(words) - length + 1):
            info = tables.titles.get(tuple(words[start:start + length]))
            if info is not None and info.office:
                return info.office
    return None


def table_heads(doc: Doc, tables: ActorTables) -> set[int]:
    """The tokens at which ``head_kind`` may find a table word (its first test, read for
    the whole doc at once): a chunk whose root is none of them heads no actor."""
    return tokens_touching_noun(doc, NOUN_TAGS, (tables.titles,),
                                (tables.titles, tables.sector_nouns))


def head_kind(chunk: Span, tables: ActorTables) -> str | None:
    """"title" or "noun" when a title or a sector noun heads the chunk, else None (the
    chunk names no actor)."""
    root = chunk.root
    if root.pos_ not in NOUN_TAGS or not may_touch_noun(
            root, (tables.titles,), (tables.titles, tables.sector_nouns)):
        return None  # most heads are no table's word: settled without the lookups below
    position = root.i - chunk.start
    # only a title's length of the right subtree can matter, not the rest of the sentence;
    # spans, not lists, so that a head no table ends with makes no Token of the rest
    right = chunk.doc[root.i:min(root.right_edge.i + 1, root.i + MAX_NOUN_WORDS)]
    title = noun_ending_at(chunk, position, tables.titles) \
        or noun_starting_at(right, 0, tables.titles)
    if title is not None and "prefix" in title.value.flags:
        title = None
    noun = noun_ending_at(chunk, position, tables.sector_nouns)
    if title is not None and (noun is None or title.end - title.start >= noun.end - noun.start):
        return "title"
    return "noun" if noun is not None else None


def _beside(scene: Scene, chunk: Span, kinds: tuple[str, ...]) -> Actor | None:
    """A named actor in apposition with the chunk: "the US ambassador to the UN, Nikki
    Haley", "the Singaporean news outlet The Straits Times"."""
    doc, root = scene.doc, chunk.root
    candidates: list[Token] = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        candidates.append(root.head)
    if "person" in kinds and chunk.end + 1 < len(doc) and doc[chunk.end].text == ",":
        candidates.append(doc[chunk.end + 1])  # the parser often misses these appositions
    if "person" in kinds and chunk.start >= 2 and doc[chunk.start - 1].text == ",":
        candidates.append(doc[chunk.start - 2])
    for token in candidates:
        actor = scene.known.get(token.i)
        if actor is not None and actor.kind in kinds:
            return actor
    return None


def _office_holder(scene: Scene, chunk: Span, found: Description, seen: Seen) -> Actor | None:
    """The person of the article holding the chunk's office (in its country, if it names one)."""
    if found.office is None or chunk.root.tag_ in ("NNS", "NNPS"):
        return None
    tables = scene.lexicon.actors
    holders = []
    for position, actor in seen:
        office = office_of(actor.title, tables)
        if actor.kind != "person" or office is None:
            continue
        if office != found.office and not office.endswith("-" + found.office):
            continue
        if found.facts.country and actor.country != found.facts.country:
            continue
        if found.facts.igo and actor.igo != found.facts.igo:
            continue
        holders.append((position, actor))
    before = [a for p, a in holders if p < chunk.start]
    if before:
        return before[-1]
    return holders[0][1] if len({a.id for _, a in holders}) == 1 else None
