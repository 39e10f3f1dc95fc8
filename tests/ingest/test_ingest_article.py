"""make_article: language, notes, and text kept exactly."""

from __future__ import annotations

import pytest

from newsevents.errors import InputError
from newsevents.ingest import make_article

FRENCH = (
    "Le ministre des Affaires étrangères a rencontré mardi son homologue chinois à Pékin "
    "pour discuter de la situation dans la péninsule coréenne et des prochaines étapes "
    "des négociations, a indiqué le gouvernement dans un communiqué publié le soir même."
)
SPANISH = (
    "El presidente llegó el martes a la capital para reunirse con su homólogo y hablar "
    "sobre el comercio entre los dos países, según informó el gobierno en un comunicado "
    "publicado por la tarde después de la reunión."
)
ENGLISH_WEB = (
    "Talks resume in Geneva\n\n"
    "GENEVA (Meridian Wire) —\u00a0Diplomats from both countries met on Monday.\n"
    "geneva talks ceasefire diplomacy\n"
    "Delegates at the table\n"
    "Photo: Jane Doe/AFP\n\n"
    "Read more: What the ceasefire means\n\n"
    "They agreed to meet again next week, officials said.\n"
    "Share this article\n"
)


@pytest.mark.parametrize(("text", "code"), [(FRENCH, "fr"), (SPANISH, "es")])
def test_non_english_text_gets_a_note(text: str, code: str) -> None:
    article = make_article(text)
    assert article.language == code
    assert article.note == f"not analysed: language is {code}"


def test_english_and_short_texts_are_english() -> None:
    assert make_article(ENGLISH_WEB).language == "en"
    assert make_article(ENGLISH_WEB).note is None
    short = make_article("Bonjour à tous.")
    assert (short.language, short.note) == ("en", None)


def test_text_is_never_altered_and_every_span_slices_to_its_evidence() -> None:
    article = make_article(ENGLISH_WEB)
    assert article.text == ENGLISH_WEB
    assert article.dateline is not None
    assert article.text[slice(*article.dateline.span)] == "GENEVA (Meridian Wire) —\u00a0"
    assert [article.text[s:e] for s, e in article.debris] == [
        "geneva talks ceasefire diplomacy",
        "Delegates at the table",
        "Photo: Jane Doe/AFP",
        "Read more: What the ceasefire means",
        "Share this article",
    ]
    assert article.title == "Talks resume in Geneva"


def test_title_and_dateline_are_never_debris() -> None:
    text = "Follow the money\n\nThe audit began on Monday, officials said."
    article = make_article(text)
    assert article.title == "Follow the money"
    assert article.debris == ()


def test_given_title_matching_the_first_line_moves_the_body_start() -> None:
    text = "Kim visits Beijing\nBEIJING (AP) - Kim arrived on Tuesday."
    article = make_article(text, title="Kim visits Beijing")
    assert article.dateline is not None and article.dateline.place == "Beijing"


def test_empty_text_raises() -> None:
    with pytest.raises(InputError, match="empty article"):
        make_article(" \n ")


def test_heading_line_repeating_a_longer_given_title_is_skipped() -> None:
    text = "Kim visits Beijing\nBEIJING (AP) - Kim arrived on Tuesday."
    article = make_article(text, title="Kim visits Beijing | The Daily")
    assert article.title == "Kim visits Beijing | The Daily"
    assert article.dateline is not None and article.dateline.agency == "AP"
