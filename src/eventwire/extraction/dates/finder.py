"""The date stage as the Pipeline owns it (`DateFinder`): the date mentions of an article, and the date of each
event: the best date in its sentence, else the nearest earlier one in its paragraph, else the lead's, else the
publication date.

  * when the text gives no date the event gets the publication date with precision "week" (news is about the
    last few days; ACLED's time precision 2), and `text` None;
  * an asserted event never gets a date after the publication date.

`recalled` tells an event the article only recalls (modality `background`): its own date, or the year that names
it ("the 2008 Mumbai attacks"), lies more than a window of days before publication.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from eventwire.extraction.dates.far_back import FarBack, story_years
from eventwire.extraction.dates.mentions import DateMention, MentionFinder
from eventwire.extraction.dates.resolve import Resolved, Resolver, safe_date, shifted
from eventwire.extraction.dates.vocabulary import alternation, load_date_words
from eventwire.extraction.nlp import doc_text
from eventwire.extraction.tokens import span_text
from eventwire.lang import LanguageData


@dataclass
class EventDate:
    date: str | None  # YYYY-MM-DD
    precision: str  # day | week | month | year
    text: str | None  # the words it came from; None when defaulted to the publication date
    own: bool = field(default=False, compare=False)  # read in the event's own sentence (not inherited from the paragraph or the lead)
    close: bool = field(default=False, compare=False)  # in the trigger's own clause ("kidnapped them in 2014"), not
    # in another verb's ("will visit ... the first since they split in 1961")


class DateFinder:
    """The date stage, built once from the language data. It keeps its resolutions, and the text of the last
    Doc it read (spaCy rebuilds Doc.text on every access), on itself."""

    def __init__(self, language: LanguageData | None = None):
        self.language = language if language is not None else LanguageData()
        self.words = load_date_words(self.language)
        self.resolver = Resolver(self.words)
        self.mentions = MentionFinder(self.words, self.resolver)
        self._weekday_word_re = re.compile(r"(?i)\b(?:" + alternation(self.words.weekdays) + r")\b")
        self._last_doc: tuple = (None, "")  # (doc, doc.text)
        self._far_back: FarBack | None = None  # built on first use: its words are the modality file's

    def resolve(self, words: str, published: dt.date | None) -> Resolved | None:
        """The date that `words` ("on Wednesday", "last August", "3 March 2016") names, or None."""
        return self.resolver.resolve(words, published)

    def find(self, doc, published: dt.date | None) -> list[DateMention]:
        """Every date expression in the Doc that resolves against the publication date, in text order."""
        return self.mentions.find(doc, self._doc_text(doc), _as_date(published))

    def _doc_text(self, doc) -> str:
        if self._last_doc[0] is not doc:
            self._last_doc = (doc, doc_text(doc))
        return self._last_doc[1]

    def _mention_date(self, mentions: list[DateMention], cand, published: dt.date | None) -> EventDate:
        published = _as_date(published)
        allow_future = getattr(cand, "modality", "asserted") == "future"
        usable = [m for m in mentions if not m.bound and not m.dateline and (allow_future or not _after(m, published))]
        sent = cand.sentence
        s_start, s_end = sent.start_char, sent.end_char
        in_sentence = [m for m in usable if s_start <= m.start < s_end and not _in_other_clause(m, cand)]
        if in_sentence:
            if allow_future:  # a planned event: its own future date first, a weekday or month read forwards
                best = min(in_sentence, key=lambda m: (0 if m.future else 1,) + self._rank(m, cand))
                return _from_mention(self._read_forwards(best, published), own=True)
            best = min(in_sentence, key=lambda m: self._rank(m, cand))
            return _from_mention(best, own=self._own_date(best, cand), close=self._in_trigger_clause(best, cand))
        text = self._doc_text(sent.doc)
        para_start = _paragraph_start(text, s_start)
        earlier = [m for m in usable if para_start <= m.start < s_start]
        if earlier:  # the latest date of a main clause ("launched ... on Monday", not "after ... in 2015")
            return _from_mention(max(earlier, key=lambda m: (_in_main_clause(m, sent.doc), m.start)))
        lead = _lead_date(text, usable, s_start, span_text(sent))
        if lead is not None:
            return _from_mention(lead)
        if published is not None:
            return EventDate(published.isoformat(), "week", None)
        return EventDate(None, "week", None)

    def event_date(self, mentions: list[DateMention], cand, published: dt.date | None) -> EventDate:
        """The date of the event `cand`: the year that names it ("the 2008 Mumbai attacks"), else the best date
        in its sentence, else the nearest earlier one in its paragraph, else the publication date at week
        precision, else None."""
        found = self._mention_date(mentions, cand, published)
        # the year may name another trigger of the same event: "the 2008 attacks (killed 166 people)"
        years = [named_year(t) for t in [cand.trigger, *getattr(cand, "triggers", ())] if t is not None]
        year = next((y for y in years if y is not None), None)
        if year is None or (published is not None and year > _as_date(published).year):
            return found
        if found.date is not None and int(found.date[:4]) == year:
            return found  # "the 2015 bombing ... on 17 August": the text's own date is more precise
        return EventDate(dt.date(year, 7, 1).isoformat(), "year", str(year), own=True, close=True)

    def looked_back(self, mentions: list[DateMention], cand, published) -> bool:
        """The event's own clause puts it far before the text's time ("in the 1990s", "the massacre of 1995", "last
        year", "when she was six"): the publication year's, else that of the text's own full dates; see far_back."""
        published = _as_date(published)
        years = [published.year] if published is not None else story_years(mentions)
        if self._far_back is None:
            self._far_back = FarBack(self.language)
        return self._far_back.looked_back(cand.trigger, years)

    def of_childhood(self, cand) -> bool:
        """The event is told from a life story ("killed when she was six"), see far_back."""
        if self._far_back is None:
            self._far_back = FarBack(self.language)
        return self._far_back.of_childhood(cand.trigger)

    @staticmethod
    def recalled(when: EventDate | None, published, window_days: int) -> bool:
        """The event is one the article recalls from well before its reporting period: its own date (in its
        sentence, or the year in its name) ends more than `window_days` before publication. Without a publication
        date only an event its sentence dates by a bare year is ("the 2015 attack", "kidnapped them in 2014"):
        news tells the events it reports by day or weekday, and names the year alone of those it looks back on."""
        published = _as_date(published)
        if when is None or when.date is None:
            return False
        if published is None:  # the year on the trigger's own clause, whatever other verbs the event has; a month
            # of a named year too ("In August 2022, fighters besieged a hotel"): news dates its report by the day
            return when.close and (when.precision == "year" or (
                when.precision == "month" and bool(_YEAR_RE.search(when.text or ""))))
        if not when.own:
            return False
        day = dt.date.fromisoformat(when.date)
        if _read_back_a_year(when, day, published):
            return False
        return (published - period_end(day, when.precision)).days > window_days

    def _read_forwards(self, m: DateMention, published: dt.date | None) -> DateMention:
        """"Talks will resume on Monday": for a planned event a bare weekday is the next one, and a month or day
        without a year is the next such month or day."""
        if published is None or m.future or m.date >= published or _BACKWARD_WORD_RE.search(m.text):
            return m
        if m.precision == "day" and self._weekday_word_re.search(m.text) and (published - m.date).days < 7:
            d = shifted(m.date, 7)
        elif m.precision in ("day", "month") and any(w in self.words.months
                                                     for w in re.findall(r"[a-z]+", m.text.lower())):
            d = safe_date(m.date.year + 1, m.date.month, m.date.day) or safe_date(m.date.year + 1, m.date.month, 28)
        else:
            return m
        if d is None:  # a year after 9999: the date as written
            return m
        return DateMention(m.start, m.end, m.text, d, m.precision, future=True, bound=m.bound, dateline=m.dateline)

    def _own_date(self, m: DateMention, cand) -> bool:
        """The date clearly belongs to the event: attached to the clause of the trigger and of every other verb
        trigger of the event, on the trigger's line (a sentence may run over several headlines)."""
        lo, hi = sorted((m.start, cand.trigger_char))
        if "\n" in self._doc_text(cand.sentence.doc)[lo:hi]:
            return False
        verbs = [t for t in getattr(cand, "triggers", ()) if t.pos_ == "VERB"]
        return all(self._attached(m, t, cand.sentence.doc) for t in [cand.trigger, *verbs])

    @staticmethod
    def _in_trigger_clause(m: DateMention, cand) -> bool:
        """The date hangs on the trigger before any other verb: "kidnapped them in 2014", "the attack in 2015"."""
        span = cand.sentence.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or cand.trigger is None:
            return False
        for tok in span.root.ancestors:
            if tok.i == cand.trigger.i:
                return True
            if tok.pos_ in ("VERB", "AUX"):
                return False
        return False

    def _attached(self, m: DateMention, trigger, doc) -> bool:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or trigger is None:
            return False
        gov = _governor(span.root, trigger)
        return gov.i in (trigger.i, _governor(trigger, trigger).i) or any(t.i == trigger.i for t in span.root.ancestors)

    def _rank(self, m: DateMention, cand) -> tuple:
        """Attached to the trigger's clause first; then not governed by a speech verb; then nearest the trigger."""
        doc = cand.sentence.doc
        trigger = cand.trigger
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        distance = abs(m.start - cand.trigger_char)
        if span is None or trigger is None:
            return (1, 1, distance)
        gov = _governor(span.root, trigger)
        attached = self._attached(m, trigger, doc)
        speech = gov.lemma_.lower() in self.words.speech_verbs and not attached
        return (0 if attached else 1, 1 if speech else 0, distance)


_YEAR_RE = re.compile(r"\b(?:1[89]|20)\d\d\b")
_BACKWARD_WORD_RE = re.compile(r"(?i)\b(?:last|past|previous|ago|yesterday|earlier)\b|\b(?:19|20)\d\d\b")


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


def _from_mention(m: DateMention, own: bool = False, close: bool = False) -> EventDate:
    return EventDate(m.date.isoformat(), m.precision, m.text, own=own, close=close)


def _read_back_a_year(when: EventDate, day: dt.date, published: dt.date) -> bool:
    """"On March 21" in a report of March 2: a day or month without a year that falls just after publication is
    read as last year's, but is as likely a later development told in the same text; not a sure background."""
    if when.precision not in ("day", "month") or re.search(r"\b(?:19|20)\d\d\b", when.text or ""):
        return False
    this_year = safe_date(published.year, day.month, day.day)
    return day.year < published.year and this_year is not None and 0 < (this_year - published).days <= 60


def period_end(day: dt.date, precision: str | None) -> dt.date:
    """The last day a date of this precision may mean: "in March" may be the 31st, "in 2019" December 31."""
    if precision == "year":
        return dt.date(day.year, 12, 31)
    if precision == "month":
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == "week":
        return shifted(day, 3) or dt.date.max
    return day


_YEAR_WORD_RE = re.compile(r"(?:19|20)\d\d")
_YEAR_NAME_DEPS = frozenset({"compound", "nummod", "amod", "npadvmod", "nmod"})


def named_year(trigger) -> int | None:
    """The year in the name of the event a trigger noun names: "the 2008 Mumbai attacks", "the 2016 offensive";
    not a count ("2008 attacks were recorded": a number before a plural with no "the" or name between)."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    for child in trigger.children:
        if child.i > trigger.i or child.dep_ not in _YEAR_NAME_DEPS or not _YEAR_WORD_RE.fullmatch(child.text):
            continue
        named = any(c.dep_ in ("det", "poss") for c in trigger.children) or trigger.tag_ != "NNS" or any(
            t.pos_ == "PROPN" for t in trigger.doc[child.i + 1:trigger.i])
        if named:
            return int(child.text)
    return None


def _paragraph_start(text: str, pos: int) -> int:
    cut = max(text.rfind("\n\n", 0, pos), text.rfind("\n\r\n", 0, pos), text.rfind("\n \n", 0, pos))
    return 0 if cut < 0 else cut + 1


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


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value
