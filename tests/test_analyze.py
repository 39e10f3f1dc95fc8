"""analyze() is pure and skips what it must: debris, datelines, articles not in English."""

from __future__ import annotations

import pytest
import spacy

from newsevents.analyze import analyze
from newsevents.ingest import make_article
from newsevents.nlp import DEFAULT_MODEL, with_sentence_edges
from newsevents.nlp_rules import FastLemmatizer

pytestmark = pytest.mark.model

TEXT = (
    "Talks resume in Nairobi\n\n"
    "NAIROBI (Meridian Wire) – Kenyan President Amani Wekesa met envoys from Sudan on Monday.\n\n"
    "Image: Meridian Wire/Amina Odhiambo\n\n"
    "Wekesa said the African Union would support the talks."
)


def test_analysis_is_a_pure_function_of_the_article(nlp) -> None:
    article = make_article(TEXT, published_default="2025-03-04")
    assert analyze(article, nlp=nlp) == analyze(article, nlp=nlp)


def test_nothing_is_read_from_debris_or_the_dateline(nlp) -> None:
    article = make_article(TEXT)
    analysis = analyze(article, nlp=nlp)
    skipped = [*article.debris, article.dateline.span]
    for mention in analysis.mentions:
        assert not any(s < mention.span[1] and mention.span[0] < e for s, e in skipped)
    names = {a.name for a in analysis.actors}
    assert {"Amani Wekesa", "Sudan", "African Union"} <= names
    assert "Amina Odhiambo" not in names  # named only in the image credit
    wekesa = {m.actor_id for m in analysis.mentions if "Wekesa" in m.text}
    assert wekesa == {"person:amani-wekesa"}


def test_an_article_not_in_english_is_kept_with_a_note_and_no_records(nlp) -> None:
    article = make_article(
        "Le président kényan a reçu mardi à Nairobi les délégations soudanaises pour une "
        "nouvelle série de pourparlers, a annoncé son porte-parole, qui espère un accord "
        "avant la fin du mois."
    )
    analysis = analyze(article, nlp=nlp)
    assert article.note and "fr" in article.note
    assert analysis.mentions == () and analysis.actors == ()
    assert analysis.contract_dict()["article"]["note"] == article.note


def test_the_faster_rule_components_give_the_same_analysis(nlp) -> None:
    assert isinstance(nlp.get_pipe("lemmatizer"), FastLemmatizer)
    stock = with_sentence_edges(spacy.load(DEFAULT_MODEL))
    article = make_article(TEXT, published_default="2025-03-04")
    assert analyze(article, nlp=nlp) == analyze(article, nlp=stock)
