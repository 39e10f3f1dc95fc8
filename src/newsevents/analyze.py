"""``analyze(article) -> Analysis``: a pure function of one article.

It reads only the article and read-only configuration (the spaCy pipeline and
the lexicon, each loaded once per process), performs no I/O and keeps no state,
so it runs the same in a loop, a process pool or a Spark task.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsevents.extract.actors import resolve_actors
from newsevents.extract.events import extract_events
from newsevents.extract.mentions import extract_mentions, extract_sentences
from newsevents.extract.places import extract_places
from newsevents.extract.quotes import extract_quotes
from newsevents.extract.spans import skipped
from newsevents.extract.times import extract_times
from newsevents.extract.tone import extract_tone
from newsevents.lexicon import Lexicon, load_lexicon
from newsevents.nlp import article_doc, load_pipeline
from newsevents.records import Analysis, Article

# Bump when a change to the extractors changes what analyze() returns, so that
# `newsevents reanalyze` brings stored rows up to date.
PIPELINE_VERSION = 7


def analyze(
    article: Article, *, nlp: Language | None = None, lexicon: Lexicon | None = None,
    doc: Doc | None = None,
) -> Analysis:
    """Everything the extractors find in ``article``.

    An article with a ``note`` (for example, not in English) is returned with
    no records: it is stored, not analysed. ``doc``, when given, is the parse of
    ``article.text`` already made (engines parse many articles at once with ``nlp.pipe``).
    """
    if article.note:
        return Analysis(article=article)
    lexicon = lexicon or load_lexicon()
    if doc is None:
        nlp = nlp or load_pipeline()
        doc = nlp(article_doc(nlp, article))
    skip = skipped(article)
    resolved = resolve_actors(doc, list(extract_mentions(doc, skip=skip)), lexicon,
                              published=article.published, skip=skip)
    times = tuple(extract_times(doc, article, skip=skip, lexicon=lexicon))
    places = tuple(extract_places(doc, article, skip=skip, lexicon=lexicon))
    quotes = tuple(
        extract_quotes(doc, article, skip=skip, actors=resolved.actors, lexicon=lexicon,
                       mentions=resolved.mentions)
    )
    events = tuple(
        extract_events(
            doc, article, skip=skip, mentions=resolved.mentions, actors=resolved.actors,
            times=times, places=places, lexicon=lexicon,
        )
    )
    return Analysis(
        article=article,
        sentences=tuple(extract_sentences(doc, skip=skip)),
        mentions=resolved.mentions,
        actors=resolved.actors,
        events=events,
        times=times,
        quotes=quotes,
        places=places,
        tone=extract_tone(doc, article, skip=skip, lexicon=lexicon),
    )
