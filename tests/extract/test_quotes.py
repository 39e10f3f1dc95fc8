"""Quotes: direct, split, multi-paragraph, partial and indirect, with speakers resolved.

Gold cases are data: (id, why, passage, expected quotes). Each expected quote is
(words it contains, kind, speaker name or None); a case lists every direct and
partial quote its passage holds, and the indirect ones it names. The passages
are written for these tests (invented people, real places).
"""

from __future__ import annotations

import pytest

from newsevents.extract.actors import resolve_actors
from newsevents.extract.mentions import extract_mentions
from newsevents.extract.quote_marks import find_passages
from newsevents.extract.quotes import extract_quotes
from newsevents.extract.spans import skipped
from newsevents.ingest import make_article
from newsevents.lexicon import load_lexicon
from newsevents.records import Article, Quote

CASES = [
    ("direct-curly", "speaker after the quote, inverted 'said X'",
     "“The talks were useful,” said Anna Kovacs, a spokeswoman for the Hungarian "
     "foreign ministry.",
     [("The talks were useful,", "direct", "Anna Kovacs")]),
    ("direct-straight", "straight marks read like curly ones",
     '"We are ready to sign today," Kofi Mensah told reporters in Accra.',
     [("We are ready to sign today,", "direct", "Kofi Mensah")]),
    ("split", "a quote split around its attribution is two quotes, one speaker",
     "“We will not give up,” Marta Silva said, “and we will be back next year.”",
     [("We will not give up,", "direct", "Marta Silva"),
      ("and we will be back next year.", "direct", "Marta Silva")]),
    ("split-sentence", "the second piece after a full stop keeps the speaker",
     "“It is over,” said Peter Lund, a fisherman in Tromso. “We go home now.”",
     [("It is over,", "direct", "Peter Lund"), ("We go home now.", "direct", "Peter Lund")]),
    ("multi-paragraph", "an unclosed paragraph continues in the next one that opens a quote",
     "Pedro Alvarez, the mayor of Arequipa, spoke on Monday.\n\n"
     "“The river rose overnight and took the lower town.\n\n"
     "“By morning the bridge was gone,” he said.",
     [("The river rose overnight", "direct", "Pedro Alvarez")]),
    ("partial", "a quoted phrase inside the reporter's sentence",
     "Opposition leader Daniel Okafor called the plan “a dramatic mood swing” on Monday.",
     [("a dramatic mood swing", "partial", "Daniel Okafor")]),
    ("partial-that", "a phrase in the complement of a reporting verb",
     "Finance Minister Laura Chen said the levy would remain “in full force and effect” "
     "until June.",
     [("in full force and effect", "partial", "Laura Chen")]),
    ("indirect", "'X said the talks would resume': the complement clause",
     "Finance Minister Laura Chen said the talks would resume next week in Geneva.",
     [("the talks would resume next week in Geneva", "indirect", "Laura Chen")]),
    ("indirect-that", "'X warned that ...' without the 'that'",
     "Rafael Moreno warned that the harbour would close if the strike went on.",
     [("the harbour would close", "indirect", "Rafael Moreno")]),
    ("according-to-direct", "an 'according to X' phrase names the speaker",
     "“The port is closed to all traffic,” according to Rafael Moreno.",
     [("The port is closed to all traffic,", "direct", "Rafael Moreno")]),
    ("according-to-indirect", "'According to X, ...': the rest of the sentence",
     "According to Rafael Moreno, the shipment left the port on Sunday.",
     [("the shipment left the port on Sunday", "indirect", "Rafael Moreno")]),
    ("he-said", "'he said' is the last named person",
     "Tomas Berg, a historian at Uppsala University, said the archive had been lost.\n\n"
     "“Nobody kept copies of the letters,” he said.",
     [("Nobody kept copies of the letters,", "direct", "Tomas Berg")]),
    ("quote-block", "a following paragraph with no attribution keeps the speaker",
     "“The first convoy left at dawn,” said Amina Yusuf, a coordinator for the Red Cross.\n\n"
     "“The second one is still waiting at the border.”",
     [("The first convoy left at dawn,", "direct", "Amina Yusuf"),
      ("The second one is still waiting", "direct", "Amina Yusuf")]),
    ("nested", "single marks inside double marks stay inside the outer quote",
     "“He told me, ‘stay home,’ and I did,” said Ana Ruiz, a nurse in Quito.",
     [("He told me, ‘stay home,’ and I did,", "direct", "Ana Ruiz")]),
    ("no-speaker", "a quote nobody is named for keeps speaker null",
     "A handwritten sign on the railings read “Water is life for all of us”.",
     [("Water is life for all of us", "partial", None)]),
    ("unnamed-source", "an unnamed official is no one: speaker null, not inherited",
     "“The situation is under control,” an official at the home ministry said.",
     [("The situation is under control,", "direct", None)]),
    ("unnamed-source-named-body", "a named body that speaks is the speaker",
     "“The situation is under control,” the home ministry said in a statement.",
     [("The situation is under control,", "direct", "home ministry")]),
    ("sentence-then-attribution", "a whole sentence, then its attribution: direct, by the "
     "person named before",
     "Kenyan President Amani Wekesa hosted envoys from both sides on Monday.\n\n"
     "\"We are here to listen,\" Wekesa said.",
     [("We are here to listen,", "direct", "Amani Wekesa")]),
    ("owner-named", "a ministry that names its country is the speaker, not the last body",
     "The Norwegian parliament voted on the bill on Friday. The Chilean foreign ministry "
     "said the trip had been \"moved to a later date\".",
     [("moved to a later date", "partial", "Chilean foreign ministry")]),
    ("document-issuer", "a statement speaks for the body its phrase names",
     "A brief Chilean foreign ministry statement said the trip had been \"moved to a "
     "later date\".",
     [("moved to a later date", "partial", "Chilean foreign ministry")]),
    ("verb-before-the-phrase", "the verb a phrase hangs from, before it, beats a later one",
     "The delegation was led by General Omar Castellanos, who said the army had accepted the "
     "text \"in the interest of the people\" but insisted that troops would stay.",
     [("in the interest of the people", "partial", "Omar Castellanos")]),
    ("document-by", "a report speaks for the body that released it",
     "The report, released Tuesday by the Harbour Rights Centre, said guards had "
     "\"routinely ignored\" the rules.",
     [("routinely ignored", "partial", "Harbour Rights Centre")]),
    ("owner-office", "'X's office said' speaks for X",
     "Tenants are still waiting for repairs promised by Housing Minister Lena Okoro. "
     "Okoro's office said the work would start \"before the rains\".",
     [("before the rains", "partial", "Lena Okoro")]),
    ("unnamed-company", "an indefinite body is no one, whatever its nationality",
     "\"We will appeal,\" a Chinese company said.",
     [("We will appeal,", "direct", None)]),
    ("abbreviated-title", "'said Cmdr. X': the name after the title, not the title",
     "\"The crew is safe and well,\" said Capt. Lena Marsh, a navy spokeswoman.",
     [("The crew is safe and well,", "direct", "Lena Marsh")]),
    ("quoted-phrase-clause", "a clause on a quoted phrase is no attribution",
     "The Federation of Harbour Workers accused the company of \"a campaign of "
     "intimidation\" that threatened its members.",
     [("a campaign of intimidation", "partial", "Federation of Harbour Workers")]),
    ("role-word", "'the minister added' is the last minister named, not the last person",
     "Interior Minister Pavel Dubrova met the envoy. Dubrova called the strikes "
     "unlawful. Union leader Lena Brandt disagreed. The government, the minister added, "
     "was \"ready to listen\".",
     [("ready to listen", "partial", "Pavel Dubrova")]),
    ("british-single", "a text that quotes with single marks, apostrophes in words",
     "Health Secretary Owen Pryce-Davies called the walkout 'deeply irresponsible'. "
     "'Patients won't be left waiting,' he said.",
     [("deeply irresponsible", "partial", "Owen Pryce-Davies"),
      ("Patients won't be left waiting,", "direct", "Owen Pryce-Davies")]),
    ("lost-closer", "an unclosed quote that holds its attribution ends before it",
     "Finance Minister Laura Chen spoke on Tuesday. \"We hear the complaints, she told a "
     "forum in Accra, adding that the levy would be reviewed.",
     [("We hear the complaints", "direct", "Laura Chen")]),
    ("adding-after-partial", "'said X was \"...\", adding' is the one who said",
     "The union's leader, Maria Oyelaran, said the offer was \"an insult\", adding: "
     "\"We will not be bullied.\"",
     [("an insult", "partial", "Maria Oyelaran"),
      ("We will not be bullied.", "direct", "Maria Oyelaran")]),
    ("short-utterance", "two words that open the sentence before 'he said' are said",
     "Coach Elena Marsh left the pitch in silence. \"It's over,\" Marsh said later.",
     [("It's over,", "direct", "Elena Marsh")]),
    ("scare-quotes", "one or two words as a label: partial, speaker null",
     "The government's so-called “reforms” were debated in parliament on Monday.",
     [("reforms", "partial", None)]),
]


def _quotes(nlp, text: str, article: Article | None = None) -> list[Quote]:
    article = article or Article(id="t", text=text)
    doc = nlp(article.text)
    lexicon = load_lexicon()
    skip = skipped(article)
    resolved = resolve_actors(doc, list(extract_mentions(doc, skip=skip)), lexicon, skip=skip)
    return list(extract_quotes(doc, article, skip=skip, actors=resolved.actors, lexicon=lexicon,
                               mentions=resolved.mentions))


@pytest.mark.model
@pytest.mark.parametrize(("case", "why", "text", "expected"), CASES,
                         ids=[c[0] for c in CASES])
def test_quote_cases(nlp, case, why, text, expected):
    quotes = _quotes(nlp, text)
    for words, kind, speaker in expected:
        found = [q for q in quotes if words in q.text and q.kind == kind]
        assert found, f"{case} ({why}): no {kind} quote with {words!r} in {quotes}"
        name = found[0].speaker.name if found[0].speaker else None
        assert name == speaker, f"{case} ({why}): speaker {name!r}, expected {speaker!r}"
    quoted = [q for q in quotes if q.kind != "indirect"]
    assert len(quoted) == len([e for e in expected if e[1] != "indirect"]), quoted
    for quote in quotes:
        assert text[quote.span[0]:quote.span[1]].startswith(quote.text.split("\n")[0])


@pytest.mark.model
def test_description_and_actor(nlp):
    quotes = _quotes(nlp, "“It’s deja vu once again,” said Zhiqun Zhu, a political science "
                          "professor at Bucknell University in Pennsylvania.\n\n"
                          "“Kim will coordinate his policy with Xi,” Zhu said.")
    assert [q.speaker.name for q in quotes if q.speaker] == ["Zhiqun Zhu", "Zhiqun Zhu"]
    first = quotes[0].speaker
    assert first is not None and first.actor_id is not None
    assert first.description == ("a political science professor at Bucknell University "
                                 "in Pennsylvania")
    assert quotes[1].speaker == first  # "Zhu" resolved through the mention's actor
    assert quotes[0].verb == "said"


@pytest.mark.model
def test_subject_beside_the_dateline(nlp):
    text = ("LONDON (Test Wire) – Transport Secretary Owen Pryce-Davies defended the plan on "
            "Monday. \"Trains will run,\" he told reporters.")
    article = make_article(text, published_default="2025-03-04")
    assert article.dateline is not None
    quotes = _quotes(nlp, text, article)
    assert [q.speaker.name if q.speaker else None for q in quotes if q.kind == "direct"] == [
        "Owen Pryce-Davies"]


@pytest.mark.model
def test_occasion(nlp):
    quotes = _quotes(nlp, "“We will never give up our sovereignty,” President Ivan Petrov "
                          "said in his New Year's address.")
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Ivan Petrov"
    assert quotes[0].occasion == "New Year's address"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "“We are not deaf to the complaints, she told reporters in Lagos.",
    "Stray” closing marks” and an ” opener with nothing after",
    "“One “two “three",
    "“”",
    '"',
    "",
    "\n\n“\n\n“\n",
])
def test_bad_marks_do_not_raise(nlp, text):
    quotes = _quotes(nlp, text)
    for quote in quotes:
        assert 0 <= quote.span[0] <= quote.span[1] <= len(text)


@pytest.mark.model
def test_a_skipped_line_does_not_shift_the_paragraphs(nlp):
    text = ("Image: Wire/Ana Ruiz\n\nThe talks ended on Monday.\n\n"
            "The Chilean government said it \"rejects the claims\" and was \"ready to talk\".")
    article = Article(id="t", text=text, debris=((0, 20),))
    quotes = _quotes(nlp, text, article)
    assert [q.speaker.name if q.speaker else None for q in quotes
            if q.kind == "partial"] == ["Chilean government", "Chilean government"]


def test_skipped_ranges_are_not_read():
    text = "Related: “A headline in quotes here”\n\n“The real quote is here,” he said."
    article = Article(id="t", text=text, debris=((0, 36),))
    passages = find_passages(text, skipped(article))
    assert [text[p.span[0]:p.span[1]] for p in passages] == ["The real quote is here,"]


def test_unbalanced_marks_are_read_without_the_lost_mark():
    text = "“It is over, he said. “We go home.”"
    assert [text[p.span[0]:p.span[1]] for p in find_passages(text)] == \
        ["It is over, he said.", "We go home."]


def test_multi_paragraph_passage_is_one_span():
    text = "“First part goes on\n\n“second part ends.”\n\nAfter."
    (passage,) = find_passages(text)
    assert [text[s:e] for s, e in passage.pieces] == ["First part goes on", "second part ends."]
    assert passage.paragraphs == (0, 1)
