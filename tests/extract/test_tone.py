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
    text = "We thanked the brave rescuers, but the horrific attack killed four people in our town."
    tone = tone_of(nlp, text)
    assert tone is not None
    assert tone.polarity == pytest.approx(tone.positive + tone.negative)
    assert tone.tone == pytest.approx(tone.positive - tone.negative)
    assert tone.words == sum(token.is_alpha for token in nlp(text)) == 15
    assert tone.self_group == pytest.approx(round(100 * 2 / 15, 3))  # we, our
    assert tone.positive == tone.negative == pytest.approx(round(100 / 15, 3))  # brave, horrific


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


def test_flat_reports_of_violence_and_measures_are_neutral(nlp) -> None:
    for text in ("Three soldiers were killed and five wounded in an attack on a convoy, "
                 "the army said. Police arrested two suspects.",
                 "The bloc imposed sanctions and a travel ban on four officials. "
                 "The parties agreed to resume talks and welcomed the decision."):
        tone = tone_of(nlp, text)
        assert tone is not None
        assert tone.positive == tone.negative == 0.0, text


def test_emotive_words_still_count_in_news(nlp) -> None:
    tone = tone_of(nlp, "Survivors described a horrific night of terror, and grieving "
                        "families wept.")
    assert tone is not None
    assert tone.tone < -10.0
    assert tone.positive == 0.0


def test_a_negated_positive_word_counts_as_negative(nlp) -> None:
    plain = tone_of(nlp, "The minister was happy with the plan.")
    negated = tone_of(nlp, "The minister was not happy with the plan.")
    assert plain is not None and negated is not None
    assert plain.positive > 0 and plain.negative == 0.0
    assert negated.positive == 0.0 and negated.negative > 0


def test_a_negated_negative_word_counts_as_neither(nlp) -> None:
    tone = tone_of(nlp, "The result was not terrible.")
    assert tone is not None
    assert tone.positive == tone.negative == 0.0


def test_loaded_terms_in_the_writers_voice_count_as_negative_words(nlp) -> None:
    tone = tone_of(nlp, "The eurocrats and their globalist friends met in Brussels.")
    assert tone is not None
    assert tone.loaded_terms == ("eurocrats", "globalist")
    # two loaded terms against one positive word (friends) in nine words
    assert tone.negative == pytest.approx(round(100 * 2 / 9, 3))
    assert tone.positive == pytest.approx(round(100 * 1 / 9, 3))


def test_glorifying_terms_count_as_positive_words(nlp) -> None:
    tone = tone_of(nlp, "Crowds greeted the beloved leader in the capital.")
    assert tone is not None
    assert tone.loaded_terms == ("beloved leader",)
    assert tone.positive > 0 and tone.negative == 0.0


def test_reported_loaded_words_are_listed_but_not_weighed(nlp) -> None:
    for text in ("The opposition leader called the prime minister a traitor at a rally.",
                 'State media called the president a "puppet" of foreign powers.',
                 "Officials described the marchers as thugs."):
        tone = tone_of(nlp, text)
        assert tone is not None
        assert tone.loaded_terms, text
        assert tone.negative == 0.0, text


def test_the_news_valence_table_is_well_formed() -> None:
    from importlib import resources

    text = resources.files("newsevents.lexicon").joinpath("news_valence.tsv").read_text()
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    classes = {"violence", "crime", "security", "measure", "stance", "economy", "sense"}
    assert len(rows) >= 100
    assert all(len(row) == 3 and row[2] in classes for row in rows)
    assert all(row[0] == row[0].lower() and -4.0 <= float(row[1]) <= 4.0 for row in rows)
    assert len({row[0] for row in rows}) == len(rows)


def test_a_market_report_is_neutral_but_a_lament_is_not(nlp) -> None:
    market = tone_of(nlp, "Shares fell 4 percent after the company cut its profit forecast, "
                          "citing weaker demand. Unemployment rose to its highest level.")
    lament = tone_of(nlp, "The grieving mother said the loss was unbearable.")
    assert market is not None and lament is not None
    assert market.positive == market.negative == 0.0
    assert lament.tone < 0


def test_not_only_does_not_negate(nlp) -> None:
    tone = tone_of(nlp, "The plan was not only effective but also cheap.")
    assert tone is not None
    assert tone.positive > 0 and tone.negative == 0.0
