"""Event dates: which time expression governs an event, in its sentence and across
sentences. Each case is (id, why, text, (source, type, target, when)); `when` None
means the event must stay undated. The texts are written for these tests and are
published on Wednesday 10 March 2021.
"""

from __future__ import annotations

import pytest

from newsevents.analyze import analyze
from newsevents.evaluate.events import actor_code
from newsevents.records import Article

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
]


def _dates(nlp, text: str, source: str | None, type_: str, target: str | None) -> set:
    article = Article(id="t", text=text, title=None, source="Test Wire", published=PUB,
                      published_how="given")
    return {e.when.value if e.when else None for e in analyze(article, nlp=nlp).events
            if e.type == type_
            and actor_code(e.source.contract_dict() if e.source else None) == source
            and actor_code(e.target.contract_dict() if e.target else None) == target}


@pytest.mark.parametrize("case", DATED, ids=lambda c: c[0])
def test_event_dates(nlp, case) -> None:
    _id, _why, text, (source, type_, target, when) = case
    assert _dates(nlp, text, source, type_, target) == {when}
