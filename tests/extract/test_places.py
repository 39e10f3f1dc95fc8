"""Places: which names are places and where they are, geocoded offline.

Cases are data: (id, why, text, the mention as printed, then what the place must
be: canonical name, country, kind, and whether it has coordinates), or ``None``
when the name must not be yielded as a place. Sentences are written for these tests.
"""

from __future__ import annotations

import math

import pytest

from newsevents.extract.places import extract_places, places_in
from newsevents.extract.spans import skipped
from newsevents.lexicon import load_lexicon
from newsevents.records import Article, Dateline, Place

Expected = tuple[str, str | None, str | None, bool] | None

CASES: list[tuple[str, str, str, str, int, Expected]] = [
    # (id, why, text, mention, occurrence, (name, country, kind, has coordinates) or None)
    ("city", "a city has coordinates", "Heavy rain flooded streets in Nairobi on Monday.",
     "Nairobi", 0, ("Nairobi", "KEN", "city", True)),
    ("paris-texas", "a US state after a comma qualifies the city",
     "The council of Paris, Texas, approved the budget.", "Paris", 0,
     ("Paris", "USA", "city", True)),
    ("paris-texas-state", "the qualifier is a place too",
     "The council of Paris, Texas, approved the budget.", "Texas", 0,
     ("Texas", "USA", "admin1", True)),
    ("paris-france", "a country after a comma qualifies the city",
     "The delegation flew home to Paris, France, on Sunday.", "Paris", 0,
     ("Paris", "FRA", "city", True)),
    ("paris-alone", "alone, the bigger Paris",
     "Thousands marched through Paris against the pension reform.", "Paris", 0,
     ("Paris", "FRA", "city", True)),
    ("georgia-country", "Georgia in an article about Tbilisi is the country",
     "Protesters gathered in Tbilisi again. Georgia has seen weeks of unrest.", "Georgia", 0,
     ("Georgia", "GEO", "country", True)),
    ("georgia-state", "Atlanta, Georgia is the US state",
     "The company is based in Atlanta, Georgia, and employs 200 people.", "Georgia", 0,
     ("Georgia", "USA", "admin1", True)),
    ("georgia-state-by-city", "Georgia in a story that names Atlanta is the US state",
     "Storms knocked out power in Atlanta overnight. Georgia will ask for federal aid.",
     "Georgia", 0, ("Georgia", "USA", "admin1", True)),
    ("given-name-again", "a given name used alone after the full name is still the person",
     "Jordan Peterson spoke in Toronto. Jordan said the lecture would go ahead.",
     "Jordan", 1, None),
    ("division-qualifier", "a division of another country after a comma qualifies the city",
     "The plant in London, Ontario, will close in May.", "London", 0,
     ("London", "CAN", "city", True)),
    ("province-word", "\"X province\" is the division; the sentence's cities say which",
     "Floods hit Punjab province, officials in Lahore said.", "Punjab", 0,
     ("Punjab", "PAK", "admin1", True)),
    ("ap-state", "an AP abbreviation after a city is the US state",
     "The company is based in Atlanta, Ga., and employs 200 people.", "Ga.", 0,
     ("Georgia", "USA", "admin1", True)),
    ("direction-word", "a lower-case direction word is no part of the name",
     "The rebels seized Goma, the largest city in eastern Democratic Republic of Congo.",
     "Democratic Republic of Congo", 0, ("Democratic Republic of the Congo", "COD", "country",
                                         True)),
    ("jordan-country", "Jordan the country",
     "Refugees crossed from Syria into Jordan during the night.", "Jordan", 0,
     ("Jordan", "JOR", "country", True)),
    ("jordan-person", "Jordan followed by a surname is a person",
     "Jordan Mercer, an analyst at the institute, said the talks had stalled.", "Jordan", 0,
     None),
    ("chad-person", "a given name tagged as a person is no place",
     "Chad Harlan, the agency's country director, said rations would be cut.", "Chad", 0,
     None),
    ("qualified-small-town", "a qualified small town is that town, not the famous one",
     "A second replica stands in Paris, Tennessee, near the fairground.", "Paris", 0,
     ("Paris", "USA", "city", True)),
    ("qualified-unknown", "a qualified town no gazetteer lists keeps only its country",
     "A third replica stands in Zorvaville, Tennessee, near the fairground.", "Zorvaville", 0,
     ("Zorvaville", "USA", None, False)),
    ("river", "the words around a name say it is a river, not a town",
     "Engineers read gauges along the Naryn and Syr Darya rivers in Kyrgyzstan.", "Naryn", 0,
     ("Naryn River", None, "water", False)),
    ("capital-actor", "a capital that speaks is the government, not a place",
     "Beijing said the exercises were routine.", "Beijing", 0, None),
    ("capital-place", "a capital one arrives in is a place",
     "The envoy arrived in Beijing on Tuesday.", "Beijing", 0,
     ("Beijing", "CHN", "city", True)),
    ("city-state", "a city-state's name is a country's, a place even where it acts",
     "Singapore said the tanker had sailed from Basra toward Singapore.", "Singapore", 1,
     ("Singapore", "SGP", "city", True)),
    ("town-named-like-a-person", "a small town's name the NER took for a person is the person",
     "Kim met Trump in Singapore and later in Hanoi.", "Kim", 0, None),
    ("agent-is-no-place", "names after 'by' the gazetteer lacks are no places",
     "The accord was signed at the palace by Dubrova and Keltner.", "Keltner", 0, None),
    ("region", "a region without one point has no coordinates",
     "Drought is spreading across the Sahel this year.", "Sahel", 0,
     ("Sahel", None, "region", False)),
    ("water", "a water body has an approximate point",
     "A tanker was seized in the Strait of Hormuz on Friday.", "Strait of Hormuz", 0,
     ("Strait of Hormuz", None, "water", True)),
    ("small-town", "a small town of a country the article names is that town",
     "Gunmen attacked a convoy near Bilma in north-eastern Niger on Sunday.", "Bilma", 0,
     ("Bilma", "NER", "city", True)),
    ("small-town-by-nationality", "a nationality word names the country a town lies in",
     "Malian soldiers withdrew from the base near Ansongo on Sunday.", "Ansongo", 0,
     ("Ansongo", "MLI", "city", True)),
    ("small-town-alone", "a small town of a country the article never names is not placed",
     "Gunmen attacked a convoy near Bilma on Sunday.", "Bilma", 0,
     ("Bilma", None, None, False)),
    ("given-name-country", "a given name that is a country, standing alone, is the country",
     "Chad Harlan, the agency's director, spoke on Monday. Sudan has accused Chad of arming "
     "the rebels.", "Chad", 1, ("Chad", "TCD", "country", True)),
    ("given-name-elsewhere", "a person named Paris does not make every Paris a person",
     "Council member Paris Whitaker voted no. The council of Paris, Texas, approved the pact.",
     "Paris", 1, ("Paris", "USA", "city", True)),
    ("facility", "a name before a word for a facility is that facility",
     "Flights resumed at the Zorvan Heights airport on Monday.", "Zorvan Heights airport", 0,
     ("Zorvan Heights airport", None, "facility", False)),
    ("list", "a name in a list of places is a place",
     "The provinces of Arequipa, Zorvalla and Tacna reported damage.", "Zorvalla", 0,
     ("Zorvalla", None, None, False)),
    ("one-sense", "a name once a place is a place wherever it recurs",
     "The convoy was attacked near Wesséla. Wesséla has been quiet since.", "Wesséla", 1,
     ("Wesséla", None, None, False)),
    ("place-noun", "a name after \"the town of\" or \"residents of\" is a place",
     "Our soldiers now stand guard. Residents of Tamarit described a tense calm.",
     "Tamarit", 0, ("Tamarit", None, None, False)),
    ("unknown", "a place the gazetteer lacks keeps its text, without coordinates",
     "Soldiers reached the village of Kpalimoutou in the Zorvan Valley on Monday.",
     "Zorvan Valley", 0, ("Zorvan Valley", None, "region", False)),
]


def _article(text: str, dateline: Dateline | None = None) -> Article:
    return Article(id="t", text=text, published="2024-05-06", dateline=dateline)


def _places(nlp, article: Article) -> list[Place]:
    return list(extract_places(nlp(article.text), article, skip=skipped(article),
                               lexicon=load_lexicon()))


def _at(text: str, mention: str, occurrence: int) -> int:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(mention, start + 1)
    return start


@pytest.mark.parametrize(("case", "why", "text", "mention", "occurrence", "expected"), CASES,
                         ids=[c[0] for c in CASES])
def test_place(nlp, case, why, text, mention, occurrence, expected):
    places = _places(nlp, _article(text))
    start = _at(text, mention, occurrence)
    found = [p for p in places if p.span[0] < start + len(mention) and start < p.span[1]]
    if expected is None:
        assert not found, why
        return
    assert len(found) == 1, why
    place = found[0]
    name, country, kind, located = expected
    got = (place.text, place.name, place.country, place.kind)
    assert got == (mention, name, country, kind), why
    assert text[place.span[0]:place.span[1]] == place.text
    assert (place.lat is not None and place.lon is not None) == located, why
    if not located:
        assert place.geonames_id is None or kind == "region"


def test_city_has_geonames_id_and_true_coordinates(nlp):
    (place,) = _places(nlp, _article("Heavy rain flooded streets in Nairobi on Monday."))
    assert place.geonames_id == 184745  # GeoNames: Nairobi
    assert math.isclose(place.lat, -1.28, abs_tol=0.1)
    assert math.isclose(place.lon, 36.82, abs_tol=0.1)


def test_unknown_place_has_no_invented_facts(nlp):
    text = "Soldiers reached the village of Kpalimoutou in the Zorvan Valley on Monday."
    for place in _places(nlp, _article(text)):
        assert (place.lat, place.lon, place.geonames_id) == (None, None, None)


def test_dateline_place_is_a_place_with_its_span(nlp):
    text = "TBILISI, Oct. 5 (Wire) – Police detained dozens of protesters overnight."
    dateline = Dateline(place="Tbilisi", agency="Wire", span=(0, 25))
    places = _places(nlp, _article(text, dateline))
    assert places[0].span == (0, 7)
    assert (places[0].text, places[0].name, places[0].country) == ("TBILISI", "Tbilisi", "GEO")


def test_dateline_qualifier_chooses_the_city(nlp):
    text = "PARIS, Texas (Wire) – The council voted 5-2 on Monday to sign the pact."
    dateline = Dateline(place="Paris, Texas", agency="Wire", span=(0, 21))
    places = _places(nlp, _article(text, dateline))
    assert [(p.text, p.country, p.kind) for p in places[:2]] == [
        ("PARIS", "USA", "city"), ("Texas", "USA", "admin1")]


def test_coordinates_always_in_range(nlp):
    text = ("Ships crossed the Bering Strait from Anadyr to Nome, then sailed past Fiji, "
            "Samoa, Tonga and the Antarctic coast toward Auckland, New Zealand and Suva.")
    for place in _places(nlp, _article(text)):
        if place.lat is not None:
            assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180


def test_places_in_a_sentence(nlp):
    text = "The envoy arrived in Nairobi. Talks then moved to Addis Ababa."
    places = _places(nlp, _article(text))
    second = text.index("Talks")
    assert [p.text for p in places_in(places, (second, len(text)))] == ["Addis Ababa"]
