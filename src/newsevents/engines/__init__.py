"""Engines run ``analyze()`` over many articles: locally now, Spark later (issue #7)."""
