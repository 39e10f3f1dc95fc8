"""Extractors: each a function of the parsed document and its article, yielding records.

Every extractor skips the article's debris and dateline ranges (``spans.skipped``)
so that web debris never becomes an event, a quote or a place.
"""
