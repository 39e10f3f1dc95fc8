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


HEADED = (
    "Talks resume in Nairobi\n\n"
    "NAIROBI (Meridian Wire) – Kenyan President Amani Wekesa met envoys on Monday.\n"
    "Officials welcome the talks\n"
    "Wekesa said the African Union would support the talks."
)


@pytest.mark.model
def test_no_sentence_runs_across_the_headline_the_dateline_or_a_heading() -> None:
    from newsevents.ingest import make_article

    pipeline = nlp.load_pipeline()
    article = make_article(HEADED)
    doc = pipeline(nlp.article_doc(pipeline, article))
    starts = {sent[0].idx for sent in doc.sents if not sent[0].is_space}
    body = HEADED.index("Kenyan")
    assert article.dateline is not None and article.dateline.span[1] <= body
    assert {0, body, HEADED.index("Officials"), HEADED.index("Wekesa said")} <= starts


@pytest.mark.model
def test_a_doc_made_without_its_article_still_breaks_at_headings() -> None:
    pipeline = nlp.load_pipeline()
    doc = pipeline("Officials welcome the talks\nWekesa said the talks would go on.")
    assert next(t for t in doc if t.text == "Wekesa").is_sent_start


@pytest.mark.model
def test_every_model_multiplies_with_one_thread_blas_and_annotates_as_blis(monkeypatch) -> None:
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, SENT_START, TAG

    monkeypatch.delenv(nlp.BLIS_ENV, raising=False)
    pipeline = nlp.load_pipeline()
    for _name, component in pipeline.components:
        for node in component.model.walk() if hasattr(component, "model") else ():
            assert isinstance(node.ops, nlp.OneThreadBlasOps)
    monkeypatch.setenv(nlp.BLIS_ENV, "1")
    nlp.load_pipeline.cache_clear()
    blis = nlp.load_pipeline()
    assert not isinstance(blis.get_pipe("ner").model.ops, nlp.OneThreadBlasOps)
    annotations = [TAG, LEMMA, DEP, HEAD, SENT_START, ENT_IOB, ENT_TYPE]
    texts = [HEADED, HEADED.upper(), ""]
    for expected, got in zip(blis.pipe(texts), pipeline.pipe(texts), strict=True):
        assert got.to_array(annotations).tolist() == expected.to_array(annotations).tolist()


def test_the_blas_ops_multiply_as_numpy_does() -> None:
    import numpy

    x = numpy.arange(6, dtype="float32").reshape(2, 3)
    y = numpy.arange(12, dtype="float32").reshape(4, 3)
    out = numpy.empty((2, 4), dtype="float32")
    ops = nlp.OneThreadBlasOps()
    assert ops.gemm(x, y, trans2=True).tolist() == (x @ y.T).tolist()
    assert ops.gemm(x, y, out=out, trans2=True) is out and out.tolist() == (x @ y.T).tolist()
    assert ops.gemm(x.T, y.T, trans1=True).tolist() == (x @ y.T).tolist()
