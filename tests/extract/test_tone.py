"""Tone figures and loaded terms on small passages written for these tests."""

from __future__ import annotations

import pytest

from newsevents.extract.tone import extract_tone
from newsevents.lexicon import load_lexicon
from newsevents.records import Article, Span, Tone

pytestmark = pytest.mark.model

KINDS = {"insult", "loaded_label", "conspiracy", "dehumanising", "loaded_verb",
         "intensifier", "scare_quote_marker", "glorifying"}


def tone_of(nlp, text: str, skip: tuple[Span, ...] = ()) -> Tone | None:
    article = Article(id="t", text=text, debris=skip)
    return extract_tone(nlp(text), article, skip=skip, lexicon=load_lexicon())


def test_a_neutral_sentence_has_tone_near_zero_and_no_loaded_terms(nlp) -> None:
    tone = tone_of(nlp, "The committee will meet in Geneva on Thursday to review the draft text.")
    assert tone is not None
    assert abs(tone.tone) < 1.0
    assert tone.loaded_terms == ()


def test_an_insulting_passage_is_negative_and_lists_its_loaded_terms(nlp) -> None:
    tone = tone_of(nlp, "The thuggish regime is run by a cowardly tyrant and his cronies. "
                        "These liars and bullies spread shameless propaganda.")
    assert tone is not None
    assert tone.tone < -5.0
    assert tone.loaded_terms == ("thuggish", "regime", "cowardly", "tyrant", "cronies",
                                 "liars", "bullies", "shameless", "propaganda")


def test_the_seven_figures_are_consistent(nlp) -> None:
    text = "We welcomed the brave rescuers, but the attack killed four people in our town."
    tone = tone_of(nlp, text)
    assert tone is not None
    assert tone.polarity == pytest.approx(tone.positive + tone.negative)
    assert tone.tone == pytest.approx(tone.positive - tone.negative)
    assert tone.words == sum(token.is_alpha for token in nlp(text)) == 14
    assert tone.self_group == pytest.approx(round(100 * 2 / 14, 3))  # we, our
    assert tone.positive > 0 and tone.negative > 0


def test_debris_and_dateline_are_not_counted(nlp) -> None:
    body = "Officials met in Lima on Monday."
    dateline = "LIMA (Andes Tribune) – "
    debris = "\n\nRelated: Thuggish tyrants cheer a wonderful, glorious victory"
    text = dateline + body + debris
    skip = ((0, len(dateline)), (len(dateline) + len(body), len(text)))
    with_skip, whole = tone_of(nlp, text, skip), tone_of(nlp, body)
    assert with_skip is not None and whole is not None
    assert with_skip.words == whole.words == 6
    assert with_skip.loaded_terms == ()
    assert with_skip.positive == whole.positive == 0.0


def test_nothing_outside_skip_gives_none(nlp) -> None:
    text = "Subscribe now for unlimited access."
    assert tone_of(nlp, text, ((0, len(text)),)) is None
    assert tone_of(nlp, "123 -- 456 !") is None


def test_hyphenated_terms_match_hyphenated_spaced_and_joined(nlp) -> None:
    tone = tone_of(nlp, "A pig-headed envoy met a pig headed minister and a pigheaded aide "
                        "from the so-called council.")
    assert tone is not None
    assert tone.loaded_terms == ("pig-headed", "pig headed", "pigheaded", "so-called")


def test_inflected_and_multi_word_terms_match_by_lemma(nlp) -> None:
    tone = tone_of(nlp, "Washington slapped sanctions on the rogue state and its thugs.")
    assert tone is not None
    assert tone.loaded_terms == ("slapped sanctions", "rogue state", "thugs")


def test_a_technical_regime_is_not_loaded(nlp) -> None:
    neutral = tone_of(nlp, "The council extended the sanctions regime and the visa regime.")
    loaded = tone_of(nlp, "The regime in the capital jailed the protesters.")
    assert neutral is not None and loaded is not None
    assert neutral.loaded_terms == ()
    assert loaded.loaded_terms == ("regime",)


def test_activity_counts_verbs_not_auxiliaries(nlp) -> None:
    tone = tone_of(nlp, "Troops have left the base and crossed the river.")
    assert tone is not None
    assert tone.words == 9
    assert tone.activity == pytest.approx(round(100 * 2 / 9, 3))  # left, crossed; not have


def test_self_group_counts_pronouns_not_the_country(nlp) -> None:
    tone = tone_of(nlp, "I told the US envoy that we and our allies stand with us.")
    assert tone is not None
    assert tone.self_group == pytest.approx(round(100 * 4 / 13, 3))  # I, we, our, us


def test_the_loaded_terms_table_is_large_and_well_formed() -> None:
    from importlib import resources

    text = resources.files("newsevents.lexicon").joinpath("loaded_terms.tsv").read_text()
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert len(rows) >= 120
    assert all(len(row) == 4 and row[1] in KINDS for row in rows)
    assert len({row[0] for row in rows}) == len(rows)
    assert all(row[0] == row[0].lower() for row in rows)
