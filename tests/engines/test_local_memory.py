"""The local engine hands the C allocator's free pages back after each batch, where the C
library is glibc, and does nothing elsewhere."""

from __future__ import annotations

import os

import pytest
import spacy

from newsevents.engines import local
from newsevents.lexicon import load_lexicon


@pytest.fixture
def fresh_trim_lookup():
    local._malloc_trim.cache_clear()
    yield
    local._malloc_trim.cache_clear()


def test_each_batch_releases_free_memory_after_its_memory_zone(monkeypatch) -> None:
    nlp = spacy.blank("en")
    seen = []
    monkeypatch.setattr(local, "release_free_memory",
                        lambda: seen.append(nlp.vocab.in_memory_zone))
    assert local.analyze_batch([], nlp=nlp, lexicon=load_lexicon()) == []
    assert seen == [False]


def test_without_glibc_nothing_is_trimmed(monkeypatch, fresh_trim_lookup) -> None:
    def no_glibc(name: str) -> str:
        raise ValueError(f"unrecognized configuration name {name!r}")

    monkeypatch.setattr(os, "confstr", no_glibc)
    assert local._malloc_trim() is None
    local.release_free_memory()


def test_on_glibc_free_memory_is_trimmed(fresh_trim_lookup) -> None:
    if ("CS_GNU_LIBC_VERSION" not in getattr(os, "confstr_names", {})
            or not os.confstr("CS_GNU_LIBC_VERSION")):
        pytest.skip("not glibc")
    assert local._malloc_trim() is not None
    local.release_free_memory()
