"""The words of the date stage, read from the language data (lang/<code>/dates.yaml and the "date" rows of
numbers.tsv) and checked as they are read; and the pieces of regular expression built from them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.extraction.casualties.lexicon import number_words  # numbers.tsv, shared with casualties
from eventwire.lang import LanguageData, LanguageDataError, word_nodes

DATA_FILE = "dates.yaml"

# every list dates.yaml may (and must) hold; what each does is said in the file
LISTS = ("weekdays", "months", "month_abbreviations", "ago_counts", "span_prepositions", "context_words",
         "coarse_context_words", "lead_words", "speech_verbs", "weekday_modifiers", "period_modifiers", "bound_words",
         "future_modifiers", "last_modifiers", "trailing_modifiers", "vague_counts", "entity_prepositions",
         "backward_words")


@dataclass(frozen=True)
class DateWords:
    weekdays: tuple  # monday first: the position is the weekday number
    months: dict  # every month name and abbreviation -> its number
    month_names: tuple  # the full names, january first
    month_abbreviations: tuple  # in the order the span finder tries them
    number_words: dict  # "two" 2, "a few" 3: the counts of "... ago"
    speech_verbs: frozenset
    ago_counts: tuple
    span_prepositions: tuple
    context_words: tuple
    coarse_context_words: tuple
    lead_words: tuple
    weekday_modifiers: tuple
    period_modifiers: tuple
    bound_words: frozenset  # "since 2011": the date is the edge of a period
    future_modifiers: frozenset  # "next Friday", "the coming week"
    last_modifiers: frozenset  # "last Wednesday", "last August": the one before
    trailing_modifiers: frozenset  # "the past week": the seven days before
    vague_counts: frozenset  # "a few days ago": a week, not a day
    entity_prepositions: frozenset  # "over" before a date spaCy found: part of its span
    backward_words: tuple  # "the previous day", "two days before": back from the date told before


def alternation(words, space: str = r"\s+") -> str:
    """`a|b|c d` for a regular expression, in the order given; the space inside a phrase becomes `space`."""
    return "|".join(space.join(re.escape(part) for part in w.split()) for w in words)


def capitalised(words) -> str:
    return "|".join(re.escape(w.capitalize()) for w in words)


def load_date_words(language: LanguageData) -> DateWords:
    lists = language.word_lists(DATA_FILE, known=LISTS)
    path = language.path(DATA_FILE)
    missing = [name for name in LISTS if name not in lists]
    if missing:
        raise LanguageDataError(path, None, f"missing list(s) {', '.join(missing)}")
    nodes = word_nodes(path)
    for name, size in (("weekdays", 7), ("months", 12)):
        if len(lists[name]) != size:
            raise LanguageDataError(path, nodes[name][0][1] if nodes[name] else None,
                                    f"{name!r} must name all {size}, in order")
    months = {w: i + 1 for i, w in enumerate(lists["months"])}
    for abbreviation, line in nodes["month_abbreviations"]:
        owners = [m for m in lists["months"] if m.startswith(abbreviation)]
        if len(owners) != 1:
            raise LanguageDataError(path, line, f"{abbreviation!r} must start exactly one month's name")
        months[abbreviation] = months[owners[0]]
    return DateWords(
        weekdays=lists["weekdays"], months=months, month_names=lists["months"],
        month_abbreviations=lists["month_abbreviations"], number_words=number_words(language)["date"],
        speech_verbs=frozenset(lists["speech_verbs"]), ago_counts=lists["ago_counts"],
        span_prepositions=lists["span_prepositions"], context_words=lists["context_words"],
        coarse_context_words=lists["coarse_context_words"], lead_words=lists["lead_words"],
        weekday_modifiers=lists["weekday_modifiers"], period_modifiers=lists["period_modifiers"],
        **{name: frozenset(lists[name]) for name in ("bound_words", "future_modifiers", "last_modifiers",
                                                     "trailing_modifiers", "vague_counts", "entity_prepositions")},
        backward_words=lists["backward_words"])
