"""The event scorer implements the gold README's rules, checked on hand-made cases."""

from __future__ import annotations

import pytest

from newsevents.evaluate.events import (
    MISSED,
    GoldEvent,
    PredictedEvent,
    actor_code,
    date_agrees,
    predicted_events,
    score_events,
    type_confusion,
)


def gold(source, type_, target, *, alt=(), modality="asserted", when=None, optional=False):
    return GoldEvent.from_line({"article": "a", "source": source, "type": type_,
                                "alt_types": list(alt), "target": target,
                                "modality": modality, "when": when, "optional": optional})


def pred(source, type_, target, *, modality="asserted", when=None):
    return PredictedEvent("a", source, type_, target, modality, when)


GOLD = [
    gold("PRK", "CONSULT", "CHN", when="2019-01-08"),
    gold("CHN", "SUPPORT", "PRK", alt=["COOPERATE"], modality="hypothetical"),
    gold("USA", "SANCTION", "PRK"),
    gold(None, "ACCUSE", "CHN", optional=True),
]


def test_precision_recall_and_the_ignored_optional_tuples() -> None:
    predictions = [
        pred("PRK", "CONSULT", "CHN", when="2019-01-08"),
        pred("PRK", "CONSULT", "CHN", when="2019-01"),  # same tuple: counted once
        pred("CHN", "COOPERATE", "PRK", modality="planned"),  # an alt type is right
        pred(None, "ACCUSE", "CHN"),  # matches only an optional line: ignored
        pred("RUS", "THREATEN", "USA"),  # wrong
    ]
    scores = score_events(predictions, GOLD)
    assert (scores.right, scores.wrong, scores.ignored) == (2, 1, 1)
    assert scores.precision == pytest.approx(2 / 3)
    assert scores.recall == pytest.approx(2 / 3)
    assert scores.modality_accuracy == 0.5  # CONSULT right, SUPPORT predicted planned
    assert scores.date_accuracy == 1.0  # some CONSULT carries the gold day


def test_predictions_for_articles_without_gold_are_ignored() -> None:
    other = PredictedEvent("b", "RUS", "THREATEN", "USA", "asserted", None)
    assert score_events([other], GOLD).wrong == 0


@pytest.mark.parametrize(("predicted", "gold_value", "agrees"), [
    ("2019-01-08", "2019-01-08", True),
    ("2019-01-08", "2019-01", True),
    ("2019-01-08", "2019", True),
    ("2019-01", "2019-01-08", False),
    ("2019-W02", "2019-01", True),   # its Monday is 2019-01-07
    ("2019-W02", "2019-01-07", False),
    ("2019-W01", "2018-12", True),   # Monday 2018-12-31
    (None, "2019", False),
])
def test_dates_agree_by_prefix(predicted, gold_value, agrees) -> None:
    assert date_agrees(predicted, gold_value) is agrees


def test_contract_actors_read_as_country_then_igo() -> None:
    assert actor_code({"country": "PRK", "igo": None}) == "PRK"
    assert actor_code({"country": None, "igo": "UN"}) == "IGO:UN"
    assert actor_code({"country": None, "igo": None}) is None
    record = {"article": {"id": "a"}, "events": [
        {"source": {"country": "USA"}, "target": None, "type": "SANCTION",
         "modality": "asserted", "when": {"value": "2019", "text": "2019"}}]}
    assert predicted_events([record, {"article": {"id": "x"}, "error": "boom"}]) == [
        PredictedEvent("a", "USA", "SANCTION", None, "asserted", "2019")]


def test_type_confusion_pairs_gold_lines_with_same_actor_predictions() -> None:
    confusion = type_confusion([pred("PRK", "CONSULT", "CHN"), pred("USA", "COERCE", "PRK")],
                               GOLD)
    assert confusion == {("CONSULT", "CONSULT"): 1, ("SUPPORT", MISSED): 1,
                         ("SANCTION", "COERCE"): 1}
