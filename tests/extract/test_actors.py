"""First actors from NER mentions: linking within an article, countries and IGOs by name."""

from __future__ import annotations

from newsevents.extract.actors import country_code, resolve_actors
from newsevents.lexicon import load_lexicon
from newsevents.records import Mention


def mention(text: str, label: str, start: int = 0) -> Mention:
    return Mention(text=text, label=label, span=(start, start + len(text)), sentence=(0, 100))


def test_a_short_name_joins_the_full_name_it_abbreviates() -> None:
    resolved = resolve_actors(
        [mention("Amani Wekesa", "PERSON"), mention("Wekesa", "PERSON", 40),
         mention("Wekesa's", "PERSON", 60)],
        load_lexicon(),
    )
    assert [a.name for a in resolved.actors] == ["Amani Wekesa"]
    assert {m.actor_id for m in resolved.mentions} == {"person:amani-wekesa"}


def test_a_short_name_before_the_full_name_still_links_to_it() -> None:
    resolved = resolve_actors([mention("Okafor", "PERSON"), mention("Amina Okafor", "PERSON", 9)],
                              load_lexicon())
    assert [a.id for a in resolved.actors] == ["person:amina-okafor"]


def test_a_surname_mistagged_as_an_organisation_joins_the_person() -> None:
    resolved = resolve_actors(
        [mention("Amani Wekesa", "PERSON"), mention("Wekesa", "ORG", 40),
         mention("Bucknell University", "ORG", 60)],
        load_lexicon(),
    )
    assert [a.id for a in resolved.actors] == ["person:amani-wekesa", "org:bucknell-university"]


def test_countries_and_igos_get_codes_and_canonical_names() -> None:
    resolved = resolve_actors(
        [mention("the U.S.", "GPE"), mention("EU", "ORG", 10), mention("Kosovo", "GPE", 20),
         mention("Nairobi", "GPE", 30)],
        load_lexicon(),
    )
    assert [(a.name, a.code, a.country, a.igo) for a in resolved.actors] == [
        ("United States", "USA", "USA", None),
        ("European Union", "IGOEU", None, "EU"),
        ("Kosovo", "XKX", "XKX", None),
    ]
    assert resolved.mentions[3].actor_id is None  # a city is a place, not (yet) an actor


def test_a_country_tagged_as_an_organisation_is_still_the_country() -> None:
    resolved = resolve_actors([mention("the DPRK", "ORG")], load_lexicon())
    assert [a.id for a in resolved.actors] == ["country:PRK"]


def test_two_letter_words_are_not_country_codes() -> None:
    assert country_code("IN", load_lexicon()) is None
    assert country_code("Peru", load_lexicon()) == "PER"
