"""Datelines at the start of the body: place, agency, date and span."""

from __future__ import annotations

import pytest

from newsevents.ingest import make_article
from newsevents.ingest.dateline import find_dateline

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("opening", "place", "agency", "date"),
    [
        (f"Beijing (GPA){NBSP}–{NBSP}", "Beijing", "GPA", None),
        ("SEOUL (Reuters) - ", "Seoul", "Reuters", None),
        ("NAIROBI, March 4, 2025 (Meridian Wire) – ", "Nairobi", "Meridian Wire", "2025-03-04"),
        ("GENEVA — ", "Geneva", None, None),
        ("Lima, 12 September 2025 (Andes Tribune) — ", "Lima", "Andes Tribune", "2025-09-12"),
        ("WASHINGTON, Jan. 8, 2019 (AP) — ", "Washington", "AP", "2019-01-08"),
        ("THE HAGUE, Netherlands (AP)_ ", "The Hague, Netherlands", "AP", None),
        ("WASHINGTON (AP) --\n\n", "Washington", "AP", None),
        ("PORT-AU-PRINCE, Haiti (AP) — ", "Port-Au-Prince, Haiti", "AP", None),
        ("WASHINGTON, August 8 (Xinhua) -- ", "Washington", "Xinhua", None),
        ("BRUSSELS/KYIV, May 2 (Reuters) - ", "Brussels/Kyiv", "Reuters", None),
    ],
)
def test_dateline_forms(opening: str, place: str, agency: str | None, date: str | None) -> None:
    text = opening + "The talks resumed on Monday, officials said."
    found = find_dateline(text)
    assert found is not None
    assert (found.dateline.place, found.dateline.agency, found.date) == (place, agency, date)
    assert text[slice(*found.dateline.span)] == opening


@pytest.mark.parametrize(
    "text",
    [
        "Kim arrived (by train) - and was met by officials.",
        "Trump — the president said — would not attend.",
        "The talks in Geneva - which resumed on Monday - went on.",
        "North Korea - China relations have improved.",
        "In 2019 (AP) - something happened.",
        "Officials said the talks would resume on Monday.",
    ],
)
def test_sentence_openings_are_not_datelines(text: str) -> None:
    assert find_dateline(text) is None


def test_dateline_after_a_title_line() -> None:
    text = "Kim visits Beijing\n\nBEIJING (Reuters) - Kim arrived on Tuesday."
    article = make_article(text)
    assert article.title == "Kim visits Beijing"
    assert article.dateline is not None
    assert text[slice(*article.dateline.span)] == "BEIJING (Reuters) - "


def test_dateline_only_at_the_start_of_the_body() -> None:
    text = "Kim arrived on Tuesday.\n\nBEIJING (Reuters) - More talks followed."
    assert make_article(text).dateline is None
