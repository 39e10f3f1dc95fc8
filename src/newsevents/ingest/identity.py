"""Stable article ids, content hashes and near-duplicate signatures.

The id of an article must not change when it is read again (ingest is
idempotent), so it is a hash of what identifies the article: a given id, else
its URL, else its text, each normalised first. The signature is a datasketch
MinHash over word 5-shingles, for finding near-duplicates across outlets.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit, urlunsplit

from datasketch import MinHash

SHINGLE_WORDS = 5
NUM_PERM = 64
MINHASH_SEED = 1


def normalise_url(url: str) -> str:
    """Lower-case scheme and host, drop the fragment and a trailing slash."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def normalise_text(text: str) -> str:
    """Collapse whitespace and lower-case, so re-wrapped copies hash alike."""
    return " ".join(text.split()).lower()


def _sha256(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def article_id(text: str, *, id: str | None = None, url: str | None = None) -> str:
    """The given id, else "a" + 16 hex of the normalised URL, else of the normalised text."""
    if id:
        return id
    if url:
        return "a" + _sha256(normalise_url(url))[:16]
    return "a" + _sha256(normalise_text(text))[:16]


def content_hash(text: str) -> str:
    """SHA-256 of the text exactly as given (32 hex characters)."""
    return _sha256(text)[:32]


def shingles(text: str) -> list[str]:
    """Word 5-shingles of the lower-cased text; the words themselves when fewer."""
    words = text.lower().split()
    if len(words) < SHINGLE_WORDS:
        return words
    return [" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)]


def signature(text: str) -> tuple[int, ...]:
    """MinHash (64 permutations, seed 1) of the text's shingles, as plain ints."""
    minhash = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED)
    minhash.update_batch([s.encode("utf-8") for s in shingles(text)])
    return tuple(int(value) for value in minhash.hashvalues)
