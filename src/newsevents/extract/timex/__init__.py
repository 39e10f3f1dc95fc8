"""Helpers of the temporal-expression tagger (``newsevents.extract.times``).

``vocab`` reads the word tables of the lexicon, ``grammar`` finds candidate
expressions with the rule templates of the lexicon, ``calendar`` does the
arithmetic on TIMEX3 values, ``tense`` reads the tense of a clause from the
spaCy parse, and ``dates`` / ``spans`` turn each matched rule into a value.
"""
