"""Ids, content hashes and MinHash signatures."""

from __future__ import annotations

from newsevents.ingest import make_article
from newsevents.ingest.identity import article_id, content_hash, normalise_url, signature

TEXT = "Kim Jong Un arrived in Beijing on Tuesday for talks with Xi Jinping."


def test_given_id_is_kept() -> None:
    assert make_article(TEXT, id="000_abc", url="https://example.com/x").id == "000_abc"


def test_same_url_same_id_whatever_the_spelling() -> None:
    ids = {
        article_id("one text", url="https://example.com/news/kim"),
        article_id("another text", url="HTTPS://Example.COM/news/kim/"),
        article_id("", url="https://example.com/news/kim#comments"),
    }
    assert len(ids) == 1
    assert article_id("x", url="https://example.com/news/other") not in ids


def test_same_text_different_whitespace_same_id() -> None:
    wrapped = "Kim Jong Un arrived in Beijing\non Tuesday  for talks\twith Xi Jinping."
    assert article_id(TEXT) == article_id(wrapped) == article_id(TEXT.upper())
    assert article_id(TEXT).startswith("a") and len(article_id(TEXT)) == 17


def test_normalise_url() -> None:
    assert normalise_url("HTTP://Example.com/A/b/?q=1#frag") == "http://example.com/A/b?q=1"


def test_content_hash_is_of_the_exact_text() -> None:
    assert content_hash(TEXT) == content_hash(TEXT)
    assert content_hash(TEXT) != content_hash(TEXT + " ")
    assert len(content_hash(TEXT)) == 32


def test_signature_is_stable_and_near_for_near_duplicates() -> None:
    longer = TEXT + " The visit was his fourth in less than a year, officials said."
    edited = longer.replace("officials said", "the ministry said")
    first, second, other = signature(longer), signature(edited), signature("Completely new words")
    assert first == signature(longer)
    assert len(first) == 64 and all(isinstance(v, int) for v in first)
    same = sum(a == b for a, b in zip(first, second, strict=True))
    assert same > sum(a == b for a, b in zip(first, other, strict=True))
    assert len(signature("two words")) == 64
