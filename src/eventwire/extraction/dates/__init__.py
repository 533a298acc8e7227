"""Stage 5: dates. Find every date expression in an article, resolve it against the publication date, and
pick the one that belongs to each event.

  vocabulary.py  the words (lang/<code>/dates.yaml, the "date" rows of numbers.tsv), read and checked
  resolve.py     reading one phrase against the publication date: the rules, dateparser for calendar dates
  mentions.py    finding the date mentions of a Doc
  finder.py      DateFinder, the stage the Pipeline owns: find(doc, published), event_date(mentions, cand,
                 published)

The conventions (a month-only date is the 15th, "last week" is the Thursday of the previous week, an event
without a date gets the publication date at week precision, ...) are written where they are applied, in
resolve.py and finder.py.
"""

from __future__ import annotations

import datetime as dt

from eventwire.extraction.dates.finder import DateFinder, EventDate
from eventwire.extraction.dates.mentions import DateMention, MentionFinder
from eventwire.extraction.dates.resolve import PRECISIONS, Resolved, Resolver, normalise
from eventwire.extraction.dates.vocabulary import DateWords, load_date_words

__all__ = ["PRECISIONS", "DateFinder", "DateMention", "DateWords", "EventDate", "MentionFinder", "Resolved",
           "Resolver", "load_date_words", "normalise", "resolve"]


def resolve(words: str, published: dt.date | None, language=None) -> Resolved | None:
    """One phrase read on its own, with a DateFinder built for the call (the default language when `language` is
    None). Code that reads many phrases keeps a DateFinder (the Pipeline's `date_finder`) and calls its
    `resolve`, which remembers what it read."""
    return DateFinder(language).resolve(words, published)
