"""Loading the spaCy pipeline: the configured name, the fallback, one clear error."""

from __future__ import annotations

import pytest
import spacy

from newsevents import nlp
from newsevents.errors import ModelError


@pytest.fixture(autouse=True)
def fresh_cache():
    nlp.load_pipeline.cache_clear()
    yield
    nlp.load_pipeline.cache_clear()


def test_an_unknown_model_name_is_one_clear_error() -> None:
    with pytest.raises(ModelError, match="'no_such_model' is not installed"):
        nlp.load_pipeline("no_such_model")


def test_the_environment_names_the_model(monkeypatch) -> None:
    monkeypatch.setenv(nlp.MODEL_ENV, "another_missing_model")
    with pytest.raises(ModelError, match="another_missing_model"):
        nlp.load_pipeline()


def test_the_stock_model_is_the_fallback(monkeypatch) -> None:
    monkeypatch.delenv(nlp.MODEL_ENV, raising=False)
    tried = []

    def fake_load(name):
        tried.append(name)
        if name == nlp.DEFAULT_MODEL:
            raise OSError("not installed")
        return spacy.blank("en")

    monkeypatch.setattr(nlp.spacy, "load", fake_load)
    assert nlp.load_pipeline().lang == "en"
    assert tried == [nlp.DEFAULT_MODEL, nlp.FALLBACK_MODEL]


def test_with_neither_model_the_error_names_both(monkeypatch) -> None:
    monkeypatch.delenv(nlp.MODEL_ENV, raising=False)

    def missing(name):
        raise OSError(name)

    monkeypatch.setattr(nlp.spacy, "load", missing)
    with pytest.raises(ModelError) as caught:
        nlp.load_pipeline()
    assert nlp.DEFAULT_MODEL in str(caught.value) and nlp.FALLBACK_MODEL in str(caught.value)
