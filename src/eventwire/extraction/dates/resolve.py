"""Resolving one date phrase ("on Wednesday", "last August", "3 March 2016") against the publication date: our
rules for the relative expressions news writing uses and dateparser lacks (weekdays are the most recent such day
on or before the publication date, "last August" is the most recent past August, ...), dateparser for explicit
calendar dates. A `Resolver` keeps every resolution per (phrase, publication date).

Conventions (so an analyst can check them):
  * a month-only date is the 15th of the month, a year-only date 1 July, both clamped to the publication date
    when that is earlier (an event "earlier this month" published on the 3rd happened on or before the 3rd);
  * a week-precision date is the middle of the possible range ("last week": the Thursday of the previous
    Monday-Sunday week; "earlier this week": half way between Monday and the publication date).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from eventwire.extraction.dates.vocabulary import DateWords, alternation

PRECISIONS = ("day", "week", "month", "year")


@dataclass(frozen=True)
class Resolved:
    date: dt.date
    precision: str
    future: bool = False
    bound: bool = False


_SAME_DAY_RE = re.compile(r"(today|tonight|this (morning|afternoon|evening))( (morning|afternoon|evening|night))?")
_YESTERDAY_RE = re.compile(r"(yesterday|last night|overnight)( (morning|afternoon|evening|night))?")
_AGO_RE = re.compile(r"(.+?) (day|week|month|year)s? ago")
_HOURS_RE = re.compile(r"the (?:past|last) (24|48|twenty-four|forty-eight) hours")
_RECENT_DAYS_RE = re.compile(r"recent days|the (?:past|last) (few|several|two|three|four|five|six|seven|\d) days")
_COMING_RE = re.compile(r"the coming (days|weeks|months)")
_MONTH_RE = re.compile(r"(?:(last|this past|this|next) )?([a-z]+)\.?(?:,? ((?:19|20)\d\d))?")
_YEAR_ONLY_RE = re.compile(r"((?:19|20)\d\d)")
_NUMERIC_RE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})")
_ISO_RE = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")
_EXPLICIT_RE = re.compile(r"\d")


class Resolver:
    """Reads date phrases with the words of one language. What it resolved, and a dateparser per publication
    date, are kept on the object (a phrase read once per article is read once per process)."""

    MEMO_SIZE = 8192  # resolutions kept; the oldest go first
    PARSERS = 256  # dateparsers kept, one per publication date

    def __init__(self, words: DateWords):
        self.words = words
        weekdays = alternation(words.weekdays)
        self.lead_re = re.compile(r"^(" + alternation(words.lead_words, " ") + r")(?:\s+|-)")
        self.weekday_re = re.compile(r"(?:(" + alternation(words.weekday_modifiers, " ") + r") )?(" + weekdays
                                     + r")(?: (?:morning|afternoon|evening|night))?")
        self.period_re = re.compile(r"(" + alternation(words.period_modifiers, " ")
                                    + r"|the)? ?(week|weekend|month|year)")
        self.weekday_prefix_re = re.compile(r"^(?:" + weekdays + r"),? (?=[a-z. ]*\d)")
        # Each rule returns False when the words are not its kind, None when they are but cannot be resolved.
        self._rules = (_rule_numeric, _rule_relative_day, self._rule_weekday, self._rule_period, self._rule_ago,
                       self._rule_recent, self._rule_month, _rule_year)
        self._memo: dict[tuple[str, dt.date | None], Resolved | None] = {}
        self._parsers: dict = {}

    def resolve(self, words: str, published: dt.date | None) -> Resolved | None:
        """The date that `words` ("on Wednesday", "last August", "3 March 2016") names, or None."""
        return self.resolve_normalised(normalise(words), published)

    def resolve_normalised(self, s: str, published: dt.date | None) -> Resolved | None:
        key = (s, published)
        if key in self._memo:
            return self._memo[key]
        if len(self._memo) >= self.MEMO_SIZE:
            del self._memo[next(iter(self._memo))]
        try:
            res = self._resolve_uncached(s, published)
        except (ValueError, OverflowError):
            # the phrase's arithmetic leaves the calendar ("last year" published in year 1, "next month" in December
            # 9999, "5000 years ago"): it names no date we can write, and stays unresolved
            res = None
        self._memo[key] = res
        return res

    def _resolve_uncached(self, s: str, published: dt.date | None) -> Resolved | None:
        bound = later = False
        while True:
            m = self.lead_re.match(s)
            if not m or m.end() >= len(s):
                break
            word = m.group(1)
            bound = bound or word in self.words.bound_words
            later = later or word == "later"
            s = s[m.end():]
        res = self._resolve_core(s, published, later)
        if res is None:
            return None
        if bound:
            res = Resolved(res.date, res.precision, res.future, True)
        return res

    def _resolve_core(self, s: str, p: dt.date | None, later: bool) -> Resolved | None:
        weekday = self.weekday_prefix_re.match(s)
        s = self.weekday_prefix_re.sub("", s)  # "monday, march 6": the calendar date decides
        for rule in self._rules:
            res = rule(s, p, later)
            if res is not False:
                return res
        if _EXPLICIT_RE.search(s) and any(w in self.words.months for w in re.findall(r"[a-z]+", s)):
            res = self._with_dateparser(s, p)
            if res is not None and weekday and not re.search(r"\b(19|20)\d\d\b", s):
                res = _match_weekday(res, self.words.weekdays.index(weekday.group(0).split()[0].strip(",")), p)
            return res
        return None

    def _rule_weekday(self, s, p, later):
        m = self.weekday_re.fullmatch(s)
        if not m:
            return False
        if p is None:
            return None
        modifier, target = m[1], self.words.weekdays.index(m[2])
        back = (p.weekday() - target) % 7
        if modifier in self.words.future_modifiers:
            ahead = (target - p.weekday()) % 7 or 7
            return Resolved(p + dt.timedelta(days=ahead), "day", future=True)
        if modifier in self.words.last_modifiers and back == 0:
            back = 7  # "last Wednesday" said on a Wednesday is a week ago
        return Resolved(p - dt.timedelta(days=back), "day", future=later and back == 0)

    def _rule_period(self, s, p, later):
        m = self.period_re.fullmatch(s)
        if not m or (m[1] is None and m[2] != "weekend"):
            return False
        if p is None:
            return None
        modifier, unit = m[1] or "the", m[2]
        if modifier == "this past":
            modifier = "past"
        if modifier in self.words.trailing_modifiers and unit in ("month", "year"):
            modifier = "last"
        future = modifier in self.words.future_modifiers or (later and modifier == "this")
        if unit == "weekend":
            if future:
                return Resolved(p + dt.timedelta(days=(5 - p.weekday()) % 7 or 7), "week", future=True)
            back = {5: 0, 6: 1}.get(p.weekday(), p.weekday() + 2)  # the most recent Saturday
            return Resolved(p - dt.timedelta(days=back), "week")
        if unit == "week":
            monday = p - dt.timedelta(days=p.weekday())
            if modifier in self.words.trailing_modifiers and not future:
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

    def _rule_ago(self, s, p, later):
        m = _AGO_RE.fullmatch(s)
        if not m:
            return False
        n = int(m[1]) if m[1].isdigit() else self.words.number_words.get(m[1])
        if n is None:
            return None
        if p is None:
            return None
        vague = m[1] in self.words.vague_counts
        unit = m[2]
        if unit == "day":
            return Resolved(p - dt.timedelta(days=n), "week" if vague else "day")
        if unit == "week":
            return Resolved(p - dt.timedelta(days=7 * n), "week")
        if unit == "month":
            y, mo = divmod(p.year * 12 + p.month - 1 - n, 12)
            return Resolved(min(dt.date(y, mo + 1, 15), p), "month")
        return Resolved(min(dt.date(p.year - n, 7, 1), p), "year")

    def _rule_recent(self, s, p, later):
        m = _HOURS_RE.fullmatch(s)
        if m:
            return _relative(p, 0 if m[1] in ("24", "twenty-four") else -1, "day")
        m = _RECENT_DAYS_RE.fullmatch(s)
        if m:
            n = 3 if m[1] in (None, "few", "several") else int(m[1]) if m[1].isdigit() \
                else self.words.number_words[m[1]]
            return _relative(p, -(n // 2), "week")
        m = _COMING_RE.fullmatch(s)
        if m:
            days = {"days": 3, "weeks": 14, "months": 60}[m[1]]
            return _relative(p, days, "week" if m[1] != "months" else "month", future=True)
        return False

    def _rule_month(self, s, p, later):
        m = _MONTH_RE.fullmatch(s)
        if not m or m[2] not in self.words.months:
            return False
        modifier, month, year = m[1], self.words.months[m[2]], m[3]
        if year:
            d = dt.date(int(year), month, 15)
            return _clamped(d, "month", p)
        if p is None:
            return None
        if modifier == "next":
            y = p.year + 1 if month <= p.month else p.year
            return Resolved(dt.date(y, month, 15), "month", future=True)
        # the most recent such month; "last August" said in August is the year before
        y = p.year if month < p.month or (month == p.month and modifier not in self.words.last_modifiers) else p.year - 1
        return Resolved(min(dt.date(y, month, 15), p), "month")

    def _with_dateparser(self, s: str, p: dt.date | None) -> Resolved | None:
        """Explicit calendar dates ("3 march", "march 3, 2017"). Without a publication date only full dates resolve:
        dateparser would otherwise fill the year from today's clock."""
        has_year = re.search(r"\b(19|20)\d\d\b", s) is not None
        if p is None and not has_year:
            return None
        try:
            data = self._parser(p).get_date_data(s)
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

    def _parser(self, p: dt.date | None):
        """A dateparser reading relative to the publication date `p`, one per date (at most PARSERS kept)."""
        if p in self._parsers:
            return self._parsers[p]
        from dateparser.date import DateDataParser

        settings = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": True,
                    "STRICT_PARSING": False}
        if p is not None:
            settings["RELATIVE_BASE"] = dt.datetime(p.year, p.month, p.day, 12)
        if len(self._parsers) >= self.PARSERS:
            del self._parsers[next(iter(self._parsers))]
        parser = self._parsers[p] = DateDataParser(languages=["en"], settings=settings)
        return parser


def normalise(words: str) -> str:
    s = words.lower().replace("\u2019", "'")
    s = re.sub(r"\s+", " ", s).strip(" .,;:()\"'")
    if s.endswith("'s"):
        s = s[:-2]
    return s

def _match_weekday(res: Resolved, target: int, p: dt.date | None) -> Resolved:
    """"Monday, March 6" without a year: the year in which 6 March is a Monday, the nearest to publication (the
    coming one if that fits: the weekday is better evidence than the habit of reading dates backwards)."""
    if res.date.weekday() == target:
        return res
    for years in (1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6):
        d = safe_date(res.date.year + years, res.date.month, res.date.day)
        if d is not None and d.weekday() == target and (p is None or d <= p or years == 1):
            return Resolved(d, res.precision, future=p is not None and d > p, bound=res.bound)
    return res

# -- the rules that need no words of a language
def _rule_numeric(s, p, later):
    m = _ISO_RE.fullmatch(s)
    if m:
        return _explicit(safe_date(int(m[1]), int(m[2]), int(m[3])), p)
    m = _NUMERIC_RE.fullmatch(s)
    if not m:
        return False
    a, b, year = int(m[1]), int(m[2]), int(m[3])
    if year < 100:
        year += 2000 if year < 70 else 1900
    options = [d for d in (safe_date(year, a, b), safe_date(year, b, a)) if d is not None]  # M/D, then D/M
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

def _rule_year(s, p, later):
    m = _YEAR_ONLY_RE.fullmatch(s)
    if not m:
        return False
    return _clamped(dt.date(int(m[1]), 7, 1), "year", p)

# -- helpers
def _relative(p: dt.date | None, days: int, precision: str, future: bool = False) -> Resolved | None:
    if p is None:
        return None
    return Resolved(p + dt.timedelta(days=days), precision, future)


def shifted(day: dt.date, days: int) -> dt.date | None:
    """`day` moved by `days`, or None when that leaves the calendar (before year 1 or after 9999)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def safe_date(y: int, m: int, d: int) -> dt.date | None:
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
