"""Event dates: which time expression governs an event, in its sentence and across
sentences (``scene_dates``: sentences that tell no event of their own). Each case is
(id, why, text, (source, type, target, when)); `when` None means the event must stay
undated. The texts are written for these tests and are published on Wednesday
10 March 2021.
"""

from __future__ import annotations

import pytest

from newsevents.analyze import analyze
from newsevents.evaluate.events import actor_code
from newsevents.extract.event_date_discourse import scene_dates
from newsevents.extract.event_parse import clean_parse
from newsevents.extract.spans import skipped
from newsevents.nlp import article_doc
from newsevents.records import Actor, Article, Dateline, Event

PUB = "2021-03-10"

DATED = [
    ("within-relative", "a relative clause 'in which ...' happens at its noun's time",
     "Saturday's clash, in which Chinese coast guard ships fired water cannon at Philippine "
     "boats, left four sailors injured.",
     ("CHN", "ASSAULT", "PHL", "2021-03-06")),
    ("participle-clause", "a past participle describing another noun dates that noun",
     "Pakistan and Afghanistan agreed to pull their troops back from positions built "
     "since January.",
     ("PAK", "RETREAT", "AFG", None)),
    ("later-clause", "a later clause with its own subject dates its own event",
     "North Korea urged the United States to lift sanctions in exchange for steps the North "
     "Korean leader has claimed his country has taken since last year.",
     ("PRK", "REQUEST", "USA", None)),
    ("earlier-clause", "a clause told before the trigger sets the time of what follows",
     "Suicide bombers attacked three churches in Sri Lanka on Sunday; police arrested 24 "
     "suspects.",
     ("LKA", "COERCE", "LKA", "2021-03-07")),
    ("occasion-object", "boycotting Sunday's election happens on Sunday",
     "The main opposition party in Zambia boycotted Sunday's general election, calling it "
     "a sham.",
     ("ZMB", "PROTEST", "ZMB", "2021-03-07")),
    ("interval", "'a day after' dates its clause a day before the clause it hangs on",
     "Belarus's foreign minister summoned the EU ambassador on Tuesday, a day after EU "
     "foreign ministers froze the assets of 28 Belarusian officials.",
     ("IGO:EU", "SANCTION", "BLR", "2021-03-08")),
    ("interval-discourse", "'three days after' counts from the day the sentence before set",
     "South Korea and Japan signed a fisheries agreement on Monday. The deal came three "
     "days after South Korea's foreign minister met her Japanese counterpart in Tokyo.",
     ("KOR", "CONSULT", "JPN", "2021-03-05")),
    ("joined-clause-relative", "a joined clause is dated by its own relative clauses",
     "Khartoum has repeated its claims, and Chadian officials did not meet a Sudanese "
     "delegation that had asked for talks in Abeche in February.",
     ("TCD", "CONSULT", "SDN", "2021-02")),
]


def _code(actor: Actor | None) -> str | None:
    return actor_code(actor.contract_dict() if actor else None)


def _dates(nlp, text: str, source: str | None, type_: str, target: str | None) -> set:
    article = Article(id="t", text=text, title=None, source="Test Wire", published=PUB,
                      published_how="given")
    return {e.when.value if e.when else None for e in analyze(article, nlp=nlp).events
            if e.type == type_ and _code(e.source) == source and _code(e.target) == target}


@pytest.mark.parametrize("case", DATED, ids=lambda c: c[0])
def test_event_dates(nlp, case) -> None:
    _id, _why, text, (source, type_, target, when) = case
    assert _dates(nlp, text, source, type_, target) == {when}


# Dates lent by sentences that tell no event: (id, why, text, dateline, expected).
SCENES = [
    ("scene", "a scene sentence sets the time of the next one in its paragraph",
     "The standoff was in full swing on Tuesday. Belarus's foreign minister summoned the "
     "EU ambassador in Minsk.", None, ("BLR", "ACCUSE", "IGO:EU", "2021-03-09")),
    ("scene-paragraph", "a scene's time ends with its paragraph",
     "The standoff was in full swing on Tuesday.\n\nBelarus's foreign minister summoned the "
     "EU ambassador in Minsk.", None, ("BLR", "ACCUSE", "IGO:EU", None)),
    ("scene-reported", "a time in a reported clause dates that clause, not a scene",
     "Sources said the cabinet had met on Tuesday. Belarus's foreign minister summoned the "
     "EU ambassador in Minsk.", None, ("BLR", "ACCUSE", "IGO:EU", None)),
    ("lead", "the sentence after the lead tells when the lead's event happened",
     "SUVA (Test Wire) — The Fiji navy has seized a Panama-flagged fishing vessel.\n\n"
     "The longliner was intercepted on Saturday, the navy said.", "SUVA (Test Wire) — ",
     ("FJI", "COERCE", "PAN", "2021-03-06")),
    ("no-lead", "without a dateline there is no lead to elaborate",
     "The Fiji navy has seized a Panama-flagged fishing vessel.\n\n"
     "The longliner was intercepted on Saturday, the navy said.", None,
     ("FJI", "COERCE", "PAN", None)),
    ("told-next", "an eventless sentence after an undated event, in its paragraph, dates it",
     "Russia's foreign ministry accused Norway of violating the treaty. The note reached "
     "the foreign ministry in Oslo on Monday.", None, ("RUS", "ACCUSE", "NOR", "2021-03-08")),
    ("told-next-paragraph", "not across a paragraph break",
     "Russia's foreign ministry accused Norway of violating the treaty.\n\nThe note reached "
     "the foreign ministry in Oslo on Monday.", None, ("RUS", "ACCUSE", "NOR", None)),
    ("lead-weekend", "the day told after the lead narrows the lead's weekend",
     "PEMBA (Test Wire) — Insurgents killed six Mozambican soldiers in a weekend raid on a "
     "village in Cabo Delgado.\n\nGunmen arrived in the village late on Saturday and fired "
     "at homes.", "PEMBA (Test Wire) — ", (None, "ASSAULT", "MOZ", "2021-03-06")),
    ("occasion", "a told event at 'the talks' happened on the day the lead gives them",
     "GENEVA (Test Wire) — Armenia and Azerbaijan agreed on Monday to reopen their border "
     "after two days of talks in Geneva.\n\nThe crossing has been closed for three decades."
     "\n\nTurkey's foreign minister, who had attended the talks as an observer, welcomed "
     "the deal.", "GENEVA (Test Wire) — ", ("TUR", "CONSULT", "ARM", "2021-03-08")),
    ("occasion-other", "talks named without 'the' are other talks",
     "GENEVA (Test Wire) — Armenia and Azerbaijan agreed on Monday to reopen their border "
     "after two days of talks in Geneva.\n\nThe crossing has been closed for three decades."
     "\n\nTurkey's foreign minister attended similar talks in Ankara.",
     "GENEVA (Test Wire) — ", ("TUR", "CONSULT", "ARM", None)),
    ("within-hours", "a reaction 'within hours' of no named event came on the news' day",
     "LUXEMBOURG (Test Wire) — European Union foreign ministers on Monday froze the assets "
     "of 28 Belarusian officials.\n\nThe listings take effect once they are published."
     "\n\nMinsk rejected the decision within hours.", "LUXEMBOURG (Test Wire) — ",
     ("BLR", "REJECT", "IGO:EU", "2021-03-08")),
    ("within-hours-no-lead", "without a lead there is no news to count the hours from",
     "European Union foreign ministers on Monday froze the assets of 28 Belarusian "
     "officials.\n\nThe listings take effect once they are published.\n\nMinsk rejected "
     "the decision within hours.", None, ("BLR", "REJECT", "IGO:EU", None)),
    ("named-again", "the next definite mention of the event's noun dates it",
     "The Dutch parliament adopted a motion criticising Jakarta's human rights record in "
     "Papua.\n\nThe visit has been postponed.\n\nOfficials said the real reason was the "
     "motion, passed by the lower house last Thursday with 81 votes.", None,
     ("NLD", "ACCUSE", "IDN", "2021-03-04")),
    ("named-again-other", "an indefinite mention names another occasion",
     "The Dutch parliament adopted a motion criticising Jakarta's human rights record in "
     "Papua.\n\nThe visit has been postponed.\n\nOfficials said the senate would vote on "
     "a motion next Thursday.", None, ("NLD", "ACCUSE", "IDN", None)),
    ("pledge-kept", "a pledge is dated by when it is to be kept, told by the next sentence",
     "OSLO (Test Wire) — Norway pledged new money on Monday to help poorer countries "
     "prepare for the next pandemic.\n\nNorway said it would contribute 500 million kroner "
     "to the fund, with the first payment due in June.", "OSLO (Test Wire) — ",
     ("NOR", "AID", None, "2021-06")),
    ("pledge-made", "the day a pledge was made is not the day it is kept",
     "OSLO (Test Wire) — Norway pledged new money on Monday to help poorer countries "
     "prepare for the next pandemic.", "OSLO (Test Wire) — ", ("NOR", "AID", None, None)),
    ("occasion-party", "what 'the delegation' did happened at the talks the lead dates",
     "GENEVA (Test Wire) — Armenia and Azerbaijan agreed on Monday to reopen their border "
     "after two days of talks in Geneva.\n\nThe crossing has been closed for three decades."
     "\n\nThe Armenian delegation was led by Foreign Minister Ararat Mirzoyan.",
     "GENEVA (Test Wire) — ", ("ARM", "CONSULT", "ARM", "2021-03-08")),
    ("plan-named-again", "the next sentence that names the plan again says when it comes",
     "Chinese President Xi Jinping is planning a trip to North Korea for the anniversary. "
     "This would mean the trip would come on Friday.", None,
     ("CHN", "CONSULT", "PRK", "2021-03-12")),
    ("plan-other", "a time the next sentence gives something else is not the plan's",
     "Chinese President Xi Jinping is planning a trip to North Korea for the anniversary. "
     "The celebrations would come on Friday.", None, ("CHN", "CONSULT", "PRK", None)),
]


def _scene_events(nlp, text: str, dateline: str | None) -> list[Event]:
    article = Article(id="t", text=text, title=None, source="Test Wire", published=PUB,
                      published_how="given",
                      dateline=Dateline(None, None, (0, len(dateline))) if dateline else None)
    doc = nlp(article_doc(nlp, article))
    analysis = analyze(article, nlp=nlp, doc=doc)
    sentences = list(clean_parse(doc, [e for span in skipped(article) for e in span]).sents)
    numbered = [(next(n for n, s in enumerate(sentences) if s.start_char <= e.span[0] < s.end_char),
                 e) for e in analysis.events]
    return [e for _, e in scene_dates(numbered, sentences, analysis.times, article)]


@pytest.mark.parametrize("case", SCENES, ids=lambda c: c[0])
def test_scene_dates(nlp, case) -> None:
    _id, _why, text, dateline, (source, type_, target, when) = case
    found = {e.when.value if e.when else None for e in _scene_events(nlp, text, dateline)
             if e.type == type_ and _code(e.source) == source and _code(e.target) == target}
    assert found == {when}
