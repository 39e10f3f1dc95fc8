"""newsevents: who did what to whom, when and where, from your own news articles.

The public API::

    from newsevents import analyze, read_inputs, Store

    for item in read_inputs(["articles.jsonl"]):
        analysis = analyze(item)          # pure; records with evidence spans
    with Store.open("newsevents.duckdb") as store:
        store.events(type="CONSULT")
"""

import logging

from newsevents.analyze import PIPELINE_VERSION, analyze
from newsevents.errors import InputError, ModelError, NewseventsError, StoreError, UsageError
from newsevents.records import Actor, Analysis, Article, Event, Mention, Place, Quote, Tone

__version__ = "0.1.0"

__all__ = [
    "PIPELINE_VERSION",
    "Actor",
    "Analysis",
    "Article",
    "Event",
    "InputError",
    "Mention",
    "ModelError",
    "NewseventsError",
    "Place",
    "Quote",
    "Store",
    "StoreError",
    "Tone",
    "UsageError",
    "analyze",
    "read_inputs",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str):  # noqa: ANN202 - lazy imports keep `import newsevents` light
    if name == "Store":
        from newsevents.store import Store

        return Store
    if name == "read_inputs":
        from newsevents.ingest import read_inputs

        return read_inputs
    raise AttributeError(name)
