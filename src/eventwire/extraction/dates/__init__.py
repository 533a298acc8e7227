"""Stage 5: dates. Find every date expression in an article, resolve it against the publication date, and
pick the one that belongs to each event.

Span finding: our own regular expressions (weekdays, "last August", "two months ago", "on 3 March", ...) run
over the whole text once; spaCy's DATE/TIME entities fill the gaps. Resolution: our rules for the relative
expressions news writing uses and dateparser lacks (weekdays are the most recent such day on or before the
publication date, "last August" is the most recent past August, ...), dateparser for explicit calendar dates.
Every resolution is cached per (text, publication date).

Conventions (documented in the module so an analyst can check them):
  * a month-only date is the 15th of the month, a year-only date 1 July, both clamped to the publication date
    when that is earlier (an event "earlier this month" published on the 3rd happened on or before the 3rd);
  * a week-precision date is the middle of the possible range ("last week": the Thursday of the previous
    Monday-Sunday week; "earlier this week": half way between Monday and the publication date);
  * when the text gives no date the event gets the publication date with precision "week" (news is about the
    last few days; ACLED's time precision 2), and `text` None;
  * an asserted event never gets a date after the publication date.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

PRECISIONS = ("day", "week", "month", "year")

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "a couple of": 2, "a couple": 2, "a few": 3, "few": 3, "several": 3,
}
SPEECH_VERBS = frozenset({"say", "tell", "announce", "report", "state", "add", "confirm", "claim", "declare",
                          "write", "post", "tweet", "quote", "cite", "explain", "note", "warn", "insist"})


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


@dataclass
class EventDate:
    date: str | None  # YYYY-MM-DD
    precision: str  # day | week | month | year
    text: str | None  # the words it came from; None when defaulted to the publication date


@dataclass(frozen=True)
class Resolved:
    date: dt.date
    precision: str
    future: bool = False
    bound: bool = False


# -- span finding -----------------------------------------------------------------------------------------
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
        r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:19|20)\d\d(?!\d)"
_PART = r"(?i:\s+(?:morning|afternoon|evening|night))"
_NUM = (r"(?i:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
        r"thirty|a\s+few|a\s+couple\s+of|several|few)")
# words that may lead a date and belong to its span ("late on Sunday", "since 2011")
_PRE = (r"(?i:(?:(?:late|early|earlier|later)\s+(?:on\s+|in\s+)?"
        r"|(?:on|in|since|until|till|by|during|from|before|after|through|throughout|as\s+of|over|at)\s+))")
_DATE_MD = rf"(?:{_DAY}(?:\s+of)?\s+{_MON}|{_MON}\s+{_DAY})(?:,?\s+{_YEAR})?"

_CORE = [
    # weekday, possibly with the calendar date ("Monday, March 6") and a part of the day
    rf"(?:(?i:last|this\s+past|past|this|next|this\s+coming|coming)\s+)?{_WD}(?:,?\s+{_DATE_MD})?{_PART}?",
    _DATE_MD,
    rf"{_MON},?\s+{_YEAR}",
    r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/])",
    r"\d{1,2}\.\d{1,2}\.\d{4}(?![\d.])",
    r"(?:19|20)\d\d-[01]\d-[0-3]\d(?!\d)",
    r"(?i:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|yesterday|today|tonight|tomorrow|overnight"
    r"|last\s+night|this\s+(?:morning|afternoon|evening))" + _PART + "?",
    r"(?i:(?:last|this\s+past|past|previous|this|next|the\s+coming|coming|the\s+past|the\s+previous)\s+"
    r"(?:week|weekend|month|year)|(?:the|this)\s+weekend)",
    rf"(?i:{_NUM}\s+(?:day|week|month|year)s?\s+ago)",
    r"(?i:the\s+(?:past|last)\s+(?:24|48|twenty-four|forty-eight)\s+hours|recent\s+days"
    r"|the\s+(?:past|last)\s+(?:few|several|two|three|four|five|six|seven|\d)\s+days"
    r"|the\s+coming\s+(?:days|weeks|months))",
]
# a month or a year alone is a date only after a word that makes it one ("in August", "last August", "mid-2016")
_CONTEXT = (r"(?i:(?:in\s+|on\s+)?(?:last|this\s+past|this|next|early|mid|late|earlier\s+in|later\s+in|in|since"
            r"|until|till|by|during|throughout|before|after|the\s+end\s+of|the\s+beginning\s+of)(?:\s+|-))")
_NEEDS_CONTEXT = [rf"{_MON}(?!\w)(?!\s*\d)", rf"{_YEAR}(?!\s*(?:-|%|per|people|persons|civilians|men))"]

_DATE_RE = re.compile(
    r"(?<![\w-])(?:" + _PRE + r")?(?:" + "|".join(f"(?:{p})" for p in _CORE) + r")(?![\w])"
    + r"|(?<![\w-])" + _CONTEXT + r"(?:" + "|".join(f"(?:{p})" for p in _NEEDS_CONTEXT) + r")(?![\w])")

_AGE_OR_SPAN_RE = re.compile(r"(?i)year[- ]old|years?\s+old|\baged\b|\bdecades?\b|\bcentur")
_ANCHOR_RE = re.compile(rf"{_MON}(?!\w)|\b{_YEAR}\b|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\b{_WD}\b")
_PREPS_BEFORE_ENT = frozenset({"on", "in", "since", "until", "by", "during", "from", "before", "after", "over"})


def find_dates(doc, published: dt.date | None) -> list[DateMention]:
    """Every date expression in the Doc that resolves against the publication date, in text order."""
    published = _as_date(published)
    text = _doc_text(doc)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for m in _DATE_RE.finditer(text):
        mention = _mention(text, m.start(), m.end(), published)
        if mention is not None:
            taken.append((m.start(), m.end()))
            if not _names_something(doc, mention):
                found.append(mention)
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start, end = ent.start_char, ent.end_char
        if any(s < end and start < e for s, e in taken):
            continue
        if _AGE_OR_SPAN_RE.search(ent.text) or not _ANCHOR_RE.search(ent.text):
            continue
        if ent.start > 0 and doc[ent.start - 1].lower_ in _PREPS_BEFORE_ENT:
            start = doc[ent.start - 1].idx
        mention = _mention(text, start, end, published)
        if mention is not None and mention.precision in ("month", "year") and not _COARSE_CONTEXT_RE.match(
                _normalise(mention.text)):
            continue  # a bare "October" or "2016" with no word saying it is a time ("First of October group")
        if mention is not None and not _names_something(doc, mention):
            found.append(mention)
            taken.append((start, end))
    found.sort(key=lambda x: x.start)
    found = _add_chained(text, found, taken, published)
    for m in found:
        m.dateline = m.start < 80 and _DATELINE_END_RE.match(text, m.end) is not None
    return found


_CHAINED_RE = re.compile(
    r"(?<![\w-])(?i:(?:on\s+)?the\s+(?:previous|next|following)\s+day"
    r"|the\s+day\s+(?:before|after)(?!\s+(?:yesterday|tomorrow))"
    r"|(?:a|one|two|three|four|five|six|\d)\s+days?\s+(?:earlier|later|before|after)"
    r"(?!\s+(?:the|a|an|his|her|their|its)\b)"
    r"|(?:a|one|two|three|\d)\s+weeks?\s+(?:earlier|later))(?!\w)")
_CHAIN_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _add_chained(text: str, found: list[DateMention], taken: list, published: dt.date | None) -> list[DateMention]:
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
        n = next((_CHAIN_COUNTS.get(w, int(w) if w.isdigit() else None) for w in words.split()
                  if w in _CHAIN_COUNTS or w.isdigit()), 1)
        if "week" in words:
            n *= 7
        sign = -1 if any(w in words for w in ("previous", "before", "earlier")) else 1
        d = base + dt.timedelta(days=sign * n)
        out.append(DateMention(m.start(), m.end(), m.group(0), d, "day" if "week" not in words else "week",
                               future=published is not None and d > published))
    out.sort(key=lambda x: x.start)
    return out


_DATELINE_END_RE = re.compile(r"\s*(?:\([A-Za-z .&]{2,30}\))?\s*[-\u2013\u2014:]\s")


_LAST_DOC: list = [None, ""]  # the last Doc and its text: spaCy rebuilds Doc.text on every access


def _doc_text(doc) -> str:
    if _LAST_DOC[0] is not doc:
        _LAST_DOC[0], _LAST_DOC[1] = doc, doc.text
    return _LAST_DOC[1]


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


_COARSE_CONTEXT_RE = re.compile(r"(in|on|since|until|by|during|from|before|after|over|last|this|next|early|late"
                                r"|mid|earlier|later|the end of|the beginning of)\b|\d+ \w+ ago|\w+ (month|year)s? ago")
_MODIFIER_DEPS = frozenset({"nummod", "compound", "amod", "npadvmod", "nmod", "poss", "appos"})


def _names_something(doc, m: DateMention) -> bool:
    """A bare year or month that is part of a name rather than a statement of when: "the 2008 Mumbai attacks",
    "November 2016 Israel wildfires", "Battle of Mosul (2016)"."""
    if m.precision not in ("month", "year") or _COARSE_CONTEXT_RE.match(_normalise(m.text)):
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    if span.start > 0 and doc[span.start - 1].text == "(":
        return True
    root = span.root
    head = root.head
    return root.dep_ in _MODIFIER_DEPS and head.pos_ in ("NOUN", "PROPN") and not (span.start <= head.i < span.end)


def _mention(text: str, start: int, end: int, published: dt.date | None) -> DateMention | None:
    words = text[start:end]
    res = resolve(words, published)
    if res is None:
        return None
    return DateMention(start=start, end=end, text=words, date=res.date, precision=res.precision,
                       future=res.future, bound=res.bound)


# -- resolution -------------------------------------------------------------------------------------------
_LEAD_RE = re.compile(r"^(late|early|earlier|later|on|in|at|during|over|from|since|until|till|by|before|after"
                      r"|through|throughout|as of|of|the end of|the beginning of|the start of|the middle of"
                      r"|the night of|mid)(?:\s+|-)")
_BOUND_WORDS = frozenset({"since", "until", "till", "by", "before", "after", "as of", "from", "through"})
_SAME_DAY_RE = re.compile(r"(today|tonight|this (morning|afternoon|evening))( (morning|afternoon|evening|night))?")
_YESTERDAY_RE = re.compile(r"(yesterday|last night|overnight)( (morning|afternoon|evening|night))?")
_WEEKDAY_RE = re.compile(r"(?:(last|this past|past|this|next|this coming|coming) )?(monday|tuesday|wednesday"
                         r"|thursday|friday|saturday|sunday)(?: (?:morning|afternoon|evening|night))?")
_PERIOD_RE = re.compile(r"(last|this past|past|previous|this|next|the coming|coming|the past|the previous|the)?"
                        r" ?(week|weekend|month|year)")
_AGO_RE = re.compile(r"(.+?) (day|week|month|year)s? ago")
_HOURS_RE = re.compile(r"the (?:past|last) (24|48|twenty-four|forty-eight) hours")
_RECENT_DAYS_RE = re.compile(r"recent days|the (?:past|last) (few|several|two|three|four|five|six|seven|\d) days")
_COMING_RE = re.compile(r"the coming (days|weeks|months)")
_MONTH_RE = re.compile(r"(?:(last|this past|this|next) )?([a-z]+)\.?(?:,? ((?:19|20)\d\d))?")
_YEAR_ONLY_RE = re.compile(r"((?:19|20)\d\d)")
_NUMERIC_RE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})")
_ISO_RE = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")
_WEEKDAY_PREFIX_RE = re.compile(r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),? (?=[a-z. ]*\d)")
_EXPLICIT_RE = re.compile(r"\d")


def resolve(words: str, published: dt.date | None) -> Resolved | None:
    """The date that `words` ("on Wednesday", "last August", "3 March 2016") names, or None."""
    return _resolve_normalised(_normalise(words), published)


def _normalise(words: str) -> str:
    s = words.lower().replace("\u2019", "'")
    s = re.sub(r"\s+", " ", s).strip(" .,;:()\"'")
    if s.endswith("'s"):
        s = s[:-2]
    return s


@functools.lru_cache(maxsize=8192)
def _resolve_normalised(s: str, published: dt.date | None) -> Resolved | None:
    bound = later = False
    while True:
        m = _LEAD_RE.match(s)
        if not m or m.end() >= len(s):
            break
        word = m.group(1)
        bound = bound or word in _BOUND_WORDS
        later = later or word == "later"
        s = s[m.end():]
    res = _resolve_core(s, published, later)
    if res is None:
        return None
    if bound:
        res = Resolved(res.date, res.precision, res.future, True)
    return res


def _resolve_core(s: str, p: dt.date | None, later: bool) -> Resolved | None:
    weekday = _WEEKDAY_PREFIX_RE.match(s)
    s = _WEEKDAY_PREFIX_RE.sub("", s)  # "monday, march 6": the calendar date decides
    rules = (_rule_numeric, _rule_relative_day, _rule_weekday, _rule_period, _rule_ago, _rule_recent,
             _rule_month, _rule_year)
    for rule in rules:
        res = rule(s, p, later)
        if res is not False:
            return res
    if _EXPLICIT_RE.search(s) and any(w in MONTHS for w in re.findall(r"[a-z]+", s)):
        res = _with_dateparser(s, p)
        if res is not None and weekday and not re.search(r"\b(19|20)\d\d\b", s):
            res = _match_weekday(res, WEEKDAYS.index(weekday.group(0).split()[0].strip(",")), p)
        return res
    return None


def _match_weekday(res: Resolved, target: int, p: dt.date | None) -> Resolved:
    """"Monday, March 6" without a year: the year in which 6 March is a Monday, the nearest to publication (the
    coming one if that fits: the weekday is better evidence than the habit of reading dates backwards)."""
    if res.date.weekday() == target:
        return res
    for years in (1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6):
        d = _safe_date(res.date.year + years, res.date.month, res.date.day)
        if d is not None and d.weekday() == target and (p is None or d <= p or years == 1):
            return Resolved(d, res.precision, future=p is not None and d > p, bound=res.bound)
    return res


# Each rule returns False when the words are not its kind, None when they are but cannot be resolved.
def _rule_numeric(s, p, later):
    m = _ISO_RE.fullmatch(s)
    if m:
        return _explicit(_safe_date(int(m[1]), int(m[2]), int(m[3])), p)
    m = _NUMERIC_RE.fullmatch(s)
    if not m:
        return False
    a, b, year = int(m[1]), int(m[2]), int(m[3])
    if year < 100:
        year += 2000 if year < 70 else 1900
    options = [d for d in (_safe_date(year, a, b), _safe_date(year, b, a)) if d is not None]  # M/D, then D/M
    if not options:
        return None
    if p is not None and len(options) == 2 and options[0] != options[1]:
        # ambiguous (both parts <= 12): the reading closest to, and not after, the publication date
        past = [d for d in options if d <= p]
        options = sorted(past, key=lambda d: p - d) if past else options
    return _explicit(options[0], p)


def _rule_relative_day(s, p, later):
    if _SAME_DAY_RE.fullmatch(s):
        return _relative(p, 0, "day", future=later)
    if s in ("later today", "later tonight"):
        return _relative(p, 0, "day", future=True)
    if _YESTERDAY_RE.fullmatch(s):
        return _relative(p, -1, "day")
    if s == "the day before yesterday":
        return _relative(p, -2, "day")
    if re.fullmatch(r"tomorrow( (morning|afternoon|evening|night))?", s):
        return _relative(p, 1, "day", future=True)
    if s == "the day after tomorrow":
        return _relative(p, 2, "day", future=True)
    return False


def _rule_weekday(s, p, later):
    m = _WEEKDAY_RE.fullmatch(s)
    if not m:
        return False
    if p is None:
        return None
    modifier, target = m[1], WEEKDAYS.index(m[2])
    back = (p.weekday() - target) % 7
    if modifier in ("next", "this coming", "coming"):
        ahead = (target - p.weekday()) % 7 or 7
        return Resolved(p + dt.timedelta(days=ahead), "day", future=True)
    if modifier in ("last", "past", "this past") and back == 0:
        back = 7  # "last Wednesday" said on a Wednesday is a week ago
    return Resolved(p - dt.timedelta(days=back), "day", future=later and back == 0)


def _rule_period(s, p, later):
    m = _PERIOD_RE.fullmatch(s)
    if not m or (m[1] is None and m[2] != "weekend"):
        return False
    if p is None:
        return None
    modifier, unit = m[1] or "the", m[2]
    if modifier == "this past":
        modifier = "past"
    if modifier in ("the past", "the previous", "past", "previous") and unit in ("month", "year"):
        modifier = "last"
    future = modifier in ("next", "the coming", "coming") or (later and modifier == "this")
    if unit == "weekend":
        if future:
            return Resolved(p + dt.timedelta(days=(5 - p.weekday()) % 7 or 7), "week", future=True)
        back = {5: 0, 6: 1}.get(p.weekday(), p.weekday() + 2)  # the most recent Saturday
        return Resolved(p - dt.timedelta(days=back), "week")
    if unit == "week":
        monday = p - dt.timedelta(days=p.weekday())
        if modifier in ("the past", "past", "the previous", "previous") and not future:
            return Resolved(p - dt.timedelta(days=4), "week")  # the trailing seven days
        if modifier == "last":
            return Resolved(monday - dt.timedelta(days=4), "week")  # Thursday of the previous week
        if future and modifier != "this":
            return Resolved(monday + dt.timedelta(days=10), "week", future=True)
        if future:
            return Resolved(p + dt.timedelta(days=max(1, (6 - p.weekday()) // 2)), "week", future=True)
        return Resolved(monday + (p - monday) // 2, "week")
    if unit == "month":
        y, mo = p.year, p.month
        if modifier == "last":
            y, mo = (y - 1, 12) if mo == 1 else (y, mo - 1)
        elif future and modifier != "this":
            y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
        if future:
            return Resolved(max(dt.date(y, mo, 15), p + dt.timedelta(days=1)), "month", future=True)
        return Resolved(min(dt.date(y, mo, 15), p), "month")
    year = p.year - 1 if modifier == "last" else p.year + 1 if future and modifier != "this" else p.year
    if future:
        return Resolved(max(dt.date(year, 7, 1), p + dt.timedelta(days=1)), "year", future=True)
    return Resolved(min(dt.date(year, 7, 1), p), "year")


def _rule_ago(s, p, later):
    m = _AGO_RE.fullmatch(s)
    if not m:
        return False
    n = int(m[1]) if m[1].isdigit() else NUMBER_WORDS.get(m[1])
    if n is None:
        return None
    if p is None:
        return None
    vague = m[1] in ("a few", "few", "several", "a couple of", "a couple")
    unit = m[2]
    if unit == "day":
        return Resolved(p - dt.timedelta(days=n), "week" if vague else "day")
    if unit == "week":
        return Resolved(p - dt.timedelta(days=7 * n), "week")
    if unit == "month":
        y, mo = divmod(p.year * 12 + p.month - 1 - n, 12)
        return Resolved(min(dt.date(y, mo + 1, 15), p), "month")
    return Resolved(min(dt.date(p.year - n, 7, 1), p), "year")


def _rule_recent(s, p, later):
    m = _HOURS_RE.fullmatch(s)
    if m:
        return _relative(p, 0 if m[1] in ("24", "twenty-four") else -1, "day")
    m = _RECENT_DAYS_RE.fullmatch(s)
    if m:
        n = 3 if m[1] in (None, "few", "several") else int(m[1]) if m[1].isdigit() else NUMBER_WORDS[m[1]]
        return _relative(p, -(n // 2), "week")
    m = _COMING_RE.fullmatch(s)
    if m:
        days = {"days": 3, "weeks": 14, "months": 60}[m[1]]
        return _relative(p, days, "week" if m[1] != "months" else "month", future=True)
    return False


def _rule_month(s, p, later):
    m = _MONTH_RE.fullmatch(s)
    if not m or m[2] not in MONTHS:
        return False
    modifier, month, year = m[1], MONTHS[m[2]], m[3]
    if year:
        d = dt.date(int(year), month, 15)
        return _clamped(d, "month", p)
    if p is None:
        return None
    if modifier == "next":
        y = p.year + 1 if month <= p.month else p.year
        return Resolved(dt.date(y, month, 15), "month", future=True)
    # the most recent such month; "last August" said in August is the year before
    y = p.year if month < p.month or (month == p.month and modifier not in ("last", "this past")) else p.year - 1
    return Resolved(min(dt.date(y, month, 15), p), "month")


def _rule_year(s, p, later):
    m = _YEAR_ONLY_RE.fullmatch(s)
    if not m:
        return False
    return _clamped(dt.date(int(m[1]), 7, 1), "year", p)


# -- helpers ----------------------------------------------------------------------------------------------
def _relative(p: dt.date | None, days: int, precision: str, future: bool = False) -> Resolved | None:
    if p is None:
        return None
    return Resolved(p + dt.timedelta(days=days), precision, future)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _explicit(d: dt.date | None, p: dt.date | None) -> Resolved | None:
    if d is None:
        return None
    return Resolved(d, "day", future=p is not None and d > p)


def _clamped(d: dt.date, precision: str, p: dt.date | None) -> Resolved:
    """A month or year date: future when the whole period is after publication, else not after publication."""
    if p is None:
        return Resolved(d, precision)
    period_start = d.replace(day=1) if precision == "month" else d.replace(month=1, day=1)
    if period_start > p:
        return Resolved(d, precision, future=True)
    return Resolved(min(d, p), precision)


_PERIOD_PRECISION = {"day": "day", "week": "week", "month": "month", "year": "year"}


def _with_dateparser(s: str, p: dt.date | None) -> Resolved | None:
    """Explicit calendar dates ("3 march", "march 3, 2017"). Without a publication date only full dates resolve:
    dateparser would otherwise fill the year from today's clock."""
    has_year = re.search(r"\b(19|20)\d\d\b", s) is not None
    if p is None and not has_year:
        return None
    try:
        data = _parser(p).get_date_data(s)
    except (ValueError, TypeError, OverflowError):  # dateparser on odd input: not a date we can use
        return None
    if data is None or data.date_obj is None or data.period not in _PERIOD_PRECISION:
        return None
    d = data.date_obj.date()
    precision = _PERIOD_PRECISION[data.period]
    if precision == "month":
        d = d.replace(day=15)
        return _clamped(d, "month", p)
    if precision == "year":
        return _clamped(d.replace(month=7, day=1), "year", p)
    return _explicit(d, p)


@functools.lru_cache(maxsize=256)
def _parser(p: dt.date | None):
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": True,
                "STRICT_PARSING": False}
    if p is not None:
        settings["RELATIVE_BASE"] = dt.datetime(p.year, p.month, p.day, 12)
    return DateDataParser(languages=["en"], settings=settings)


# -- the date of one event --------------------------------------------------------------------------------
def event_date(mentions: list[DateMention], cand, published: dt.date | None) -> EventDate:
    """The date of the event `cand`: the best date in its sentence, else the nearest earlier one in its
    paragraph, else the publication date at week precision, else None."""
    published = _as_date(published)
    allow_future = getattr(cand, "modality", "asserted") == "future"
    usable = [m for m in mentions if not m.bound and not m.dateline and (allow_future or not _after(m, published))]
    sent = cand.sentence
    s_start, s_end = sent.start_char, sent.end_char
    in_sentence = [m for m in usable if s_start <= m.start < s_end and not _in_other_clause(m, cand)]
    if in_sentence:
        if allow_future:  # a planned event: its own future date first, a weekday or month read forwards
            best = min(in_sentence, key=lambda m: (0 if m.future else 1,) + _rank(m, cand))
            return _from_mention(_read_forwards(best, published))
        best = min(in_sentence, key=lambda m: _rank(m, cand))
        return _from_mention(best)
    text = _doc_text(sent.doc)
    para_start = _paragraph_start(text, s_start)
    earlier = [m for m in usable if para_start <= m.start < s_start]
    if earlier:  # the latest date of a main clause ("launched ... on Monday", not "after ... in 2015")
        return _from_mention(max(earlier, key=lambda m: (_in_main_clause(m, sent.doc), m.start)))
    lead = _lead_date(text, usable, s_start, sent.text)
    if lead is not None:
        return _from_mention(lead)
    if published is not None:
        return EventDate(published.isoformat(), "week", None)
    return EventDate(None, "week", None)


_WEEKDAY_WORD_RE = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
_BACKWARD_WORD_RE = re.compile(r"(?i)\b(?:last|past|previous|ago|yesterday|earlier)\b|\b(?:19|20)\d\d\b")


def _read_forwards(m: DateMention, published: dt.date | None) -> DateMention:
    """"Talks will resume on Monday": for a planned event a bare weekday is the next one, and a month or day
    without a year is the next such month or day."""
    if published is None or m.future or m.date >= published or _BACKWARD_WORD_RE.search(m.text):
        return m
    if m.precision == "day" and _WEEKDAY_WORD_RE.search(m.text) and (published - m.date).days < 7:
        d = m.date + dt.timedelta(days=7)
    elif m.precision in ("day", "month") and any(w in MONTHS for w in re.findall(r"[a-z]+", m.text.lower())):
        d = _safe_date(m.date.year + 1, m.date.month, m.date.day) or m.date.replace(year=m.date.year + 1, day=28)
    else:
        return m
    return DateMention(m.start, m.end, m.text, d, m.precision, future=True, bound=m.bound, dateline=m.dateline)


_NEW_STORY_RE = re.compile(r"^\W*(?:separately|elsewhere|meanwhile|in (?:a |an )?(?:separate|another|other|unrelated)"
                           r"|also on|earlier|previously|last|in \d{4}|since)\b", re.IGNORECASE)


def _lead_date(text: str, usable: list[DateMention], s_start: int, sentence: str) -> DateMention | None:
    """News writing dates the story in its lead paragraph and elaborates without repeating the date: an
    undated sentence in a later paragraph takes the lead's day, unless it opens a new thread ("Separately,
    ...", "Elsewhere, ...", "In 2015, ...")."""
    lead_end = _lead_end(text)
    if lead_end is None or s_start < lead_end or _NEW_STORY_RE.match(sentence):
        return None
    in_lead = [m for m in usable if m.start < lead_end and m.precision in ("day", "week") and not m.future]
    return in_lead[0] if in_lead else None


def _in_main_clause(m: DateMention, doc) -> bool:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.sent.root
    gov = _governor(span.root, root)
    return gov.i == root.i or (gov.dep_ == "conj" and gov.head.i == root.i)


def _lead_end(text: str) -> int | None:
    start = len(text) - len(text.lstrip())
    cut = text.find("\n\n", start)
    return None if cut < 0 else cut


def _after(m: DateMention, published: dt.date | None) -> bool:
    return m.future or (published is not None and m.date > published)


def _from_mention(m: DateMention) -> EventDate:
    return EventDate(m.date.isoformat(), m.precision, m.text)


def _paragraph_start(text: str, pos: int) -> int:
    cut = max(text.rfind("\n\n", 0, pos), text.rfind("\n\r\n", 0, pos), text.rfind("\n \n", 0, pos))
    return 0 if cut < 0 else cut + 1


def _rank(m: DateMention, cand) -> tuple:
    """Attached to the trigger's clause first; then not governed by a speech verb; then nearest the trigger."""
    doc = cand.sentence.doc
    trigger = cand.trigger
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    distance = abs(m.start - cand.trigger_char)
    if span is None or trigger is None:
        return (1, 1, distance)
    root = span.root
    gov = _governor(root, trigger)
    trig_gov = _governor(trigger, trigger)
    attached = gov.i in (trigger.i, trig_gov.i) or any(t.i == trigger.i for t in root.ancestors)
    speech = gov.lemma_.lower() in SPEECH_VERBS and not attached
    return (0 if attached else 1, 1 if speech else 0, distance)


def _in_other_clause(m: DateMention, cand) -> bool:
    """A date inside a relative clause that does not hold the trigger belongs to another, earlier happening:
    "mourners visiting the grave of a soldier who was killed last year"."""
    trigger = cand.trigger
    if trigger is None:
        return False
    span = cand.sentence.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    trigger_line = {trigger.i} | {t.i for t in trigger.ancestors}
    gov = _governor(span.root, trigger)
    for _ in range(20):  # climb clause by clause up to the trigger's line
        if gov.i in trigger_line:
            return False
        if gov.dep_ == "relcl" or (gov.dep_ == "acl" and not _same_event_participle(gov, m)):
            return True
        if gov.head.i == gov.i:
            return False
        gov = _governor(gov.head, trigger)
    return False


def _same_event_participle(gov, m: DateMention) -> bool:
    """"A car packed with explosives ... on Saturday": a participle with a day describes the same event; with
    a year or a month it is background ("a prisoner jailed for a bombing in 2002", "kidnapped last month")."""
    return gov.tag_ == "VBN" and m.precision in ("day", "week")


def _governor(tok, trigger):
    """The clause head a token hangs from: the first verb above it (or the trigger itself)."""
    seen = 0
    while tok.i != trigger.i and tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i and seen < 50:
        tok = tok.head
        seen += 1
    return tok


class DateFinder:
    """The date stage, as the Pipeline owns it: built once from the language data."""

    def __init__(self, language=None):
        self.language = language

    def find(self, doc, published: dt.date | None) -> list[DateMention]:
        return find_dates(doc, published)

    def event_date(self, mentions: list[DateMention], cand, published: dt.date | None) -> EventDate:
        return event_date(mentions, cand, published)
