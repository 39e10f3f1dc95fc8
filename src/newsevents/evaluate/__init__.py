"""Scoring extractors against gold data: the definitions the benchmarks and CI gates share."""
