"""Finding the date mentions of a Doc: our own regular expressions (weekdays, "last August", "two months ago", "on
3 March", ...) run over the whole text once; spaCy's DATE/TIME entities fill the gaps; "the previous day", "two
days later" are read against the last date before them. The regular expressions are built from the language's
words (dates.yaml) when the `MentionFinder` is made."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from eventwire.extraction.dates.resolve import Resolver, normalise, shifted
from eventwire.extraction.dates.vocabulary import DateWords, alternation, capitalised
from eventwire.extraction.tokens import entities


@dataclass
class DateMention:
    start: int  # char offsets in doc.text
    end: int
    text: str
    date: dt.date  # month-only: the 15th; year-only: 1 July
    precision: str  # day | week | month | year
    future: bool = False  # "tomorrow", "next month", "later this week": not the date of a past event
    bound: bool = False  # "since 2011", "until Friday": the edge of a period, not when something happened
    dateline: bool = False  # "KABUL, Feb 9 (Reuters) -": when the report was filed, not when anything happened


_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:19|20)\d\d(?!\d)"
_AGE_OR_SPAN_RE = re.compile(r"(?i)year[- ]old|years?\s+old|\baged\b|\bdecades?\b|\bcentur")
_MODIFIER_DEPS = frozenset({"nummod", "compound", "amod", "npadvmod", "nmod", "poss", "appos"})


class MentionFinder:
    """The span finder of one language: its regular expressions, built once from the words."""

    def __init__(self, words: DateWords, resolver: Resolver):
        self.resolver = resolver
        self.words = words
        wd = "(?:" + capitalised(words.weekdays) + ")"
        mon = "(?:" + capitalised(words.month_names) + "|(?:" + capitalised(words.month_abbreviations) + r")\.?)"
        part = r"(?i:\s+(?:morning|afternoon|evening|night))"
        num = r"(?i:\d{1,2}|" + alternation(words.ago_counts) + ")"
        # words that may lead a date and belong to its span ("late on Sunday", "since 2011")
        pre = (r"(?i:(?:(?:late|early|earlier|later)\s+(?:on\s+|in\s+)?"
               r"|(?:" + alternation(words.span_prepositions) + r")\s+))")
        weekday_modifiers = alternation(words.weekday_modifiers)
        period_modifiers = alternation(words.period_modifiers)
        date_md = rf"(?:{_DAY}(?:\s+of)?\s+{mon}|{mon}\s+{_DAY})(?:,?\s+{_YEAR})?"
        core = [
            # weekday, possibly with the calendar date ("Monday, March 6") and a part of the day
            rf"(?:(?i:{weekday_modifiers})\s+)?{wd}(?:,?\s+{date_md})?{part}?",
            date_md,
            rf"{mon},?\s+{_YEAR}",
            r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/])",
            r"\d{1,2}\.\d{1,2}\.\d{4}(?![\d.])",
            r"(?:19|20)\d\d-[01]\d-[0-3]\d(?!\d)",
            r"(?i:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|yesterday|today|tonight|tomorrow|overnight"
            r"|last\s+night|this\s+(?:morning|afternoon|evening))" + part + "?",
            rf"(?i:(?:{period_modifiers})\s+(?:week|weekend|month|year)|(?:the|this)\s+weekend)",
            rf"(?i:{num}\s+(?:day|week|month|year)s?\s+ago)",
            r"(?i:the\s+(?:past|last)\s+(?:24|48|twenty-four|forty-eight)\s+hours|recent\s+days"
            r"|the\s+(?:past|last)\s+(?:few|several|two|three|four|five|six|seven|\d)\s+days"
            r"|the\s+coming\s+(?:days|weeks|months))",
        ]
        # a month or a year alone is a date only after a word that makes it one ("in August", "last August",
        # "mid-2016")
        context = r"(?i:(?:in\s+|on\s+)?(?:" + alternation(words.context_words) + r")(?:\s+|-))"
        needs_context = [rf"{mon}(?!\w)(?!\s*\d)", rf"{_YEAR}(?!\s*(?:-|%|per|people|persons|civilians|men))"]
        self.date_re = re.compile(
            r"(?<![\w-])(?:" + pre + r")?(?:" + "|".join(f"(?:{p})" for p in core) + r")(?![\w])"
            + r"|(?<![\w-])" + context + r"(?:" + "|".join(f"(?:{p})" for p in needs_context) + r")(?![\w])")
        self.anchor_re = re.compile(rf"{mon}(?!\w)|\b{_YEAR}\b|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\b{wd}\b")
        self.coarse_context_re = re.compile("(" + alternation(words.coarse_context_words, " ")
                                            + r")\b|\d+ \w+ ago|\w+ (month|year)s? ago")

    def find(self, doc, text: str, published: dt.date | None) -> list[DateMention]:
        """Every date expression in the Doc (whose text is `text`) that resolves against the publication date, in
        text order."""
        found: list[DateMention] = []
        taken: list[tuple[int, int]] = []
        for m in self.date_re.finditer(text):
            mention = self._mention(text, m.start(), m.end(), published)
            if mention is not None:
                taken.append((m.start(), m.end()))
                if not self._names_something(doc, mention):
                    found.append(mention)
        for ent in entities(doc):
            if ent.label_ not in ("DATE", "TIME"):
                continue
            start, end = ent.start_char, ent.end_char
            if any(s < end and start < e for s, e in taken):
                continue
            if _AGE_OR_SPAN_RE.search(ent.text) or not self.anchor_re.search(ent.text):
                continue
            if ent.start > 0 and doc[ent.start - 1].lower_ in self.words.entity_prepositions:
                start = doc[ent.start - 1].idx
            mention = self._mention(text, start, end, published)
            if mention is not None and mention.precision in ("month", "year") and not self.coarse_context_re.match(
                    normalise(mention.text)):
                continue  # a bare "October" or "2016" with no word saying it is a time ("First of October group")
            if mention is not None and not self._names_something(doc, mention):
                found.append(mention)
                taken.append((start, end))
        found.sort(key=lambda x: x.start)
        found = _add_chained(text, found, taken, published, self.words)
        for m in found:
            m.dateline = m.start < 80 and _DATELINE_END_RE.match(text, m.end) is not None
        return found

    def _names_something(self, doc, m: DateMention) -> bool:
        """A bare year or month that is part of a name rather than a statement of when: "the 2008 Mumbai attacks",
        "November 2016 Israel wildfires", "Battle of Mosul (2016)"."""
        if m.precision not in ("month", "year") or self.coarse_context_re.match(normalise(m.text)):
            return False
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        if span.start > 0 and doc[span.start - 1].text == "(":
            return True
        root = span.root
        head = root.head
        return root.dep_ in _MODIFIER_DEPS and head.pos_ in ("NOUN", "PROPN") and not (span.start <= head.i < span.end)

    def _mention(self, text: str, start: int, end: int, published: dt.date | None) -> DateMention | None:
        words = text[start:end]
        res = self.resolver.resolve(words, published)
        if res is None:
            return None
        return DateMention(start=start, end=end, text=words, date=res.date, precision=res.precision,
                           future=res.future, bound=res.bound)


_CHAINED_RE = re.compile(
    r"(?<![\w-])(?i:(?:on\s+)?the\s+(?:previous|next|following)\s+day"
    r"|the\s+day\s+(?:before|after)(?!\s+(?:yesterday|tomorrow))"
    r"|(?:a|one|two|three|four|five|six|\d)\s+days?\s+(?:earlier|later|before|after)"
    r"(?!\s+(?:the|a|an|his|her|their|its)\b)"
    r"|(?:a|one|two|three|\d)\s+weeks?\s+(?:earlier|later))(?!\w)")


def _add_chained(text: str, found: list[DateMention], taken: list, published: dt.date | None,
                 words_of_language: DateWords) -> list[DateMention]:
    """"The previous day", "two days later": relative to the last day-precise date before them, else to the
    publication date."""
    out = list(found)
    for m in _CHAINED_RE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        before = sorted((x for x in out if x.end <= m.start() and x.precision == "day" and not x.dateline),
                        key=lambda x: x.start)  # chained ones chain on: "the previous day ... two days later"
        base = before[-1].date if before else published
        if base is None:
            continue
        words = m.group(0).lower()
        counts = words_of_language.number_words  # the counts the pattern allows: "a", "one" ... "six"
        n = next((counts.get(w, int(w) if w.isdigit() else None) for w in words.split()
                  if w in counts or w.isdigit()), 1)
        if "week" in words:
            n *= 7
        sign = -1 if any(w in words for w in words_of_language.backward_words) else 1
        d = shifted(base, sign * n)
        if d is None:  # "9999999 days later": off the calendar, no date
            continue
        out.append(DateMention(m.start(), m.end(), m.group(0), d, "day" if "week" not in words else "week",
                               future=published is not None and d > published))
    out.sort(key=lambda x: x.start)
    return out


_DATELINE_END_RE = re.compile(r"\s*(?:\([A-Za-z .&]{2,30}\))?\s*[-\u2013\u2014:]\s")
