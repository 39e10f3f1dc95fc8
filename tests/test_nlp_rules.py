"""The faster attribute ruler and lemmatizer give exactly spaCy's own annotations."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from newsevents import nlp_rules
from newsevents.ingest import make_article
from newsevents.nlp import DEFAULT_MODEL, article_doc, with_sentence_edges
from newsevents.nlp_rules import FastAttributeRuler, FastLemmatizer, with_fast_rules

ANNOTATIONS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, SENT_START]
# Contractions, a two-token rule ("gon na"), line breaks and spaces, a quotation.
TEXT = (
    "Rebels ain't gonna disarm, envoy says\n\n"
    "NAIROBI, March 4 (Wire) - The rebels ain't leaving, the envoy said on Tuesday.  "
    "\"We're not gonna accept it,\" she told reporters, who'd waited for hours.\n"
    "Talks between the two governments resumed in Geneva, where ministers were meeting "
    "y'all's delegates and nothin' was agreed."
)


@pytest.fixture(scope="module")
def pipelines():
    stock = with_sentence_edges(spacy.load(DEFAULT_MODEL))
    fast = with_fast_rules(with_sentence_edges(spacy.load(DEFAULT_MODEL)))
    return stock, fast


def test_the_stand_ins_take_the_stock_components_places(pipelines) -> None:
    stock, fast = pipelines
    assert fast.pipe_names == stock.pipe_names
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), FastLemmatizer)


def test_the_stand_ins_annotate_as_the_stock_components(pipelines) -> None:
    stock, fast = pipelines
    article = make_article(TEXT)
    expected, got = (nlp(article_doc(nlp, article)) for nlp in pipelines)
    assert got.to_array(ANNOTATIONS).tolist() == expected.to_array(ANNOTATIONS).tolist()
    assert [t.lemma_ for t in got] == [t.lemma_ for t in expected]
    assert [str(t.morph) for t in got] == [str(t.morph) for t in expected]


def test_the_stand_ins_annotate_batches_and_empty_docs(pipelines) -> None:
    stock, fast = pipelines
    texts = [TEXT, "", " ", TEXT.upper()]
    for expected, got in zip(stock.pipe(texts), fast.pipe(texts), strict=True):
        assert got.to_array(ANNOTATIONS).tolist() == expected.to_array(ANNOTATIONS).tolist()


def test_a_pattern_the_stand_in_cannot_read_keeps_the_stock_ruler() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"TAG": "DT"})
    with_fast_rules(nlp)
    assert nlp.get_pipe("attribute_ruler") is ruler
    assert nlp("a a b")[0].tag_ == "DT"


def test_the_memos_start_over_at_their_limit_and_answer_the_same(pipelines, monkeypatch
                                                                 ) -> None:
    stock, fast = pipelines
    monkeypatch.setattr(nlp_rules, "MEMO_LIMIT", 5)
    ruler, lemmatizer = fast.get_pipe("attribute_ruler"), fast.get_pipe("lemmatizer")
    monkeypatch.setattr(ruler.specs, "_memo", {})  # filled by the tests before
    monkeypatch.setattr(lemmatizer, "_memo", {})
    expected, got = stock(TEXT), fast(TEXT)
    assert 0 < len(ruler.specs._memo) <= 5
    assert 0 < len(lemmatizer._memo) <= 5
    assert got.to_array(ANNOTATIONS).tolist() == expected.to_array(ANNOTATIONS).tolist()
    assert [t.lemma_ for t in got] == [t.lemma_ for t in expected]
