"""Records survive a plain-dict round trip, which the store and the contract rely on."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from newsevents.records import (
    Actor,
    Analysis,
    Article,
    Dateline,
    Event,
    Quote,
    Speaker,
    TimeExpression,
    Tone,
    Trigger,
    When,
)

spans = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000))
optional_text = st.none() | st.text(max_size=20)

articles = st.builds(
    Article,
    id=st.text(min_size=1, max_size=20),
    text=st.text(max_size=200),
    title=optional_text,
    source=optional_text,
    published=st.none() | st.dates().map(lambda d: d.isoformat()),
    published_how=st.sampled_from(["metadata", "dateline", "given", "none"]),
    dateline=st.none() | st.builds(Dateline, place=optional_text, agency=optional_text,
                                   span=spans),
    debris=st.lists(spans, max_size=3).map(tuple),
    signature=st.lists(st.integers(0, 2**32), max_size=4).map(tuple),
)


@given(articles)
def test_article_round_trips_through_json(article: Article) -> None:
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article


def test_analysis_with_every_record_round_trips() -> None:
    kim = Actor(id="person:kim", name="Kim Jong Un", kind="person", country="PRK",
                aliases=("Kim",))
    analysis = Analysis(
        article=Article(id="a1", text="Kim met Xi on Tuesday."),
        sentences=((0, 22),),
        actors=(kim,),
        events=(Event(source=kim, target=None, type="CONSULT", mode="visit", cameo="042",
                      modality="asserted", when=When(value="2019-01-08", text="Tuesday"),
                      where=None, reported_by="GPA", trigger=Trigger("met", (4, 7)),
                      sentence="Kim met Xi on Tuesday.", span=(0, 22), confidence=0.8),),
        times=(TimeExpression("Tuesday", "DATE", "2019-01-08", True, (14, 21)),),
        quotes=(Quote(speaker=Speaker("Kim"), text="We met", kind="direct", span=(0, 3)),),
        tone=Tone(-1.0, 1.0, 2.0, 3.0, 4.0, 0.5, 5, ("thuggish",)),
    )
    assert Analysis.from_dict(json.loads(json.dumps(analysis.to_dict()))) == analysis


def test_contract_dict_of_a_failure_names_only_the_id() -> None:
    failed = Analysis(article=Article(id="a9", text="x"), error="analysis failed: boom")
    assert failed.contract_dict() == {"article": {"id": "a9"}, "error": "analysis failed: boom"}
