"""The scorer's definitions, checked on small hand-made cases."""

from __future__ import annotations

import pytest

from newsevents.evaluate.times import score_spans, score_triples


def test_span_scores_tell_strict_from_relaxed_and_value() -> None:
    gold = {"d1": [(0, 7, "DATE", "2019-01-08"), (20, 29, "DURATION", "P3D")]}
    predicted = {"d1": [(0, 7, "DATE", "2019-01-08"),      # exact
                        (17, 29, "DURATION", "P2D"),        # overlaps, wrong value
                        (40, 44, "DATE", "2019")]}          # nothing there
    scores = score_spans(predicted, gold)
    assert (scores.strict.precision, scores.strict.recall) == (pytest.approx(1 / 3), 0.5)
    assert (scores.relaxed.precision, scores.relaxed.recall) == (pytest.approx(2 / 3), 1.0)
    assert (scores.value.precision, scores.value.recall) == (pytest.approx(1 / 3), 0.5)
    assert scores.type_f1 == pytest.approx(0.8)


def test_documents_without_predictions_count_as_misses() -> None:
    gold = {"d1": [(0, 4, "DATE", "2019")], "d2": [(0, 4, "DATE", "2020")]}
    scores = score_spans({"d1": [(0, 4, "DATE", "2019")]}, gold)
    assert scores.relaxed.recall == 0.5 and scores.relaxed.precision == 1.0


def test_triples_match_by_text_and_containment() -> None:
    gold = [("a", "Tuesday", "DATE", "2019-01-08"), ("a", "Tuesday", "DATE", "2019-01-08"),
            ("a", "the past few weeks", "DURATION", "PXW")]
    predicted = [("a", "Tuesday", "DATE", "2019-01-08"),
                 ("a", "past few weeks", "DURATION", "PXW")]
    scores = score_triples(predicted, gold)
    assert scores.gold == 2  # distinct (article, text, value)
    assert scores.strict_f1 == pytest.approx(0.5)
    assert scores.relaxed_f1 == scores.value_f1 == 1.0


def test_predictions_in_an_article_without_gold_count_only_when_it_is_in_the_set() -> None:
    gold = [("a", "2006", "DATE", "2006")]
    predicted = [("a", "2006", "DATE", "2006"), ("traps", "2006 troops", "DATE", "2006")]
    assert score_triples(predicted, gold).relaxed.precision == 1.0
    assert score_triples(predicted, gold, articles=["a", "traps"]).relaxed.precision == 0.5
