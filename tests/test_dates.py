"""Dates: finding date expressions, resolving them against the publication date, choosing an event's date."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.extraction import dates
from eventwire.extraction.dates import PRECISIONS, DateFinder, DateMention, EventDate
from eventwire.extraction.events import EventCandidate

THU = dt.date(2017, 2, 9)  # a Thursday
WED = dt.date(2017, 2, 8)


def texts(mentions):
    return [m.text for m in mentions]


@pytest.fixture(scope="module")
def finder(pipeline) -> DateFinder:
    return pipeline.date_finder


# -- resolution rules, against a fixed publication date ------------------------------------------------------
@pytest.mark.parametrize("words, published, expected, precision", [
    ("on Wednesday", THU, "2017-02-08", "day"),
    ("on Thursday", THU, "2017-02-09", "day"),  # the same weekday as publication: that very day
    ("on Wednesday", WED, "2017-02-08", "day"),
    ("on Friday", THU, "2017-02-03", "day"),  # a weekday after the publication weekday: last week's
    ("earlier Wednesday", THU, "2017-02-08", "day"),
    ("late on Sunday", THU, "2017-02-05", "day"),
    ("on Tuesday night", THU, "2017-02-07", "day"),
    ("Monday morning", THU, "2017-02-06", "day"),
    ("last Thursday", THU, "2017-02-02", "day"),  # "last Thursday" said on a Thursday is a week back
    ("yesterday", THU, "2017-02-08", "day"),
    ("late yesterday", THU, "2017-02-08", "day"),
    ("last night", THU, "2017-02-08", "day"),
    ("overnight", THU, "2017-02-08", "day"),
    ("the day before yesterday", THU, "2017-02-07", "day"),
    ("today", THU, "2017-02-09", "day"),
    ("this morning", THU, "2017-02-09", "day"),
    ("tonight", THU, "2017-02-09", "day"),
    ("last August", THU, "2016-08-15", "month"),
    ("last August", dt.date(2017, 8, 20), "2016-08-15", "month"),  # said in August: the year before
    ("last August", dt.date(2017, 9, 2), "2017-08-15", "month"),
    ("in August", dt.date(2017, 8, 20), "2017-08-15", "month"),
    ("in August", dt.date(2017, 8, 3), "2017-08-03", "month"),  # never after publication
    ("in early January", THU, "2017-01-15", "month"),
    ("mid-March", THU, "2016-03-15", "month"),
    ("earlier this month", THU, "2017-02-09", "month"),
    ("earlier this month", dt.date(2017, 2, 25), "2017-02-15", "month"),
    ("last month", THU, "2017-01-15", "month"),
    ("last month", dt.date(2017, 1, 4), "2016-12-15", "month"),
    ("two months ago", THU, "2016-12-15", "month"),
    ("last week", THU, "2017-02-02", "week"),  # Thursday of the previous Monday-Sunday week
    ("earlier this week", THU, "2017-02-07", "week"),
    ("over the weekend", dt.date(2017, 2, 13), "2017-02-11", "week"),  # Monday: the Saturday before
    ("three days ago", THU, "2017-02-06", "day"),
    ("a week ago", THU, "2017-02-02", "week"),
    ("a few days ago", THU, "2017-02-06", "week"),
    ("in the past 24 hours", THU, "2017-02-09", "day"),
    ("in 2016", THU, "2016-07-01", "year"),
    ("last year", THU, "2016-07-01", "year"),
    ("earlier this year", THU, "2017-02-09", "year"),
    ("a year ago", dt.date(2017, 9, 1), "2016-07-01", "year"),
    ("on 3 March", THU, "2016-03-03", "day"),  # no year: the most recent 3 March before publication
    ("March 3", THU, "2016-03-03", "day"),
    ("on 3 February", THU, "2017-02-03", "day"),
    ("on the 5th of January", THU, "2017-01-05", "day"),
    ("Feb. 3, 2016", THU, "2016-02-03", "day"),
    ("March 3, 2015", None, "2015-03-03", "day"),
    ("in August 2015", THU, "2015-08-15", "month"),
    ("on Monday, January 30", THU, "2017-01-30", "day"),
    ("2017-01-05", THU, "2017-01-05", "day"),
    ("25/1/2017", THU, "2017-01-25", "day"),  # day first: the only valid reading
    ("1/25/2017", THU, "2017-01-25", "day"),  # month first
    ("2/1/2017", THU, "2017-02-01", "day"),  # ambiguous: both readings (1 Feb, 2 Jan) are past; the nearest
    ("in 2015", None, "2015-07-01", "year"),
])
def test_resolve(finder, words, published, expected, precision):
    res = finder.resolve(words, published)
    assert res is not None, words
    assert (res.date.isoformat(), res.precision) == (expected, precision)
    assert not res.future


@pytest.mark.parametrize("words, expected, precision", [
    ("tomorrow", "2017-02-10", "day"),
    ("later today", "2017-02-09", "day"),
    ("later this week", "2017-02-10", "week"),
    ("next week", "2017-02-16", "week"),
    ("next month", "2017-03-15", "month"),
    ("next year", "2018-07-01", "year"),
    ("next Monday", "2017-02-13", "day"),
    ("in the coming days", "2017-02-12", "week"),
    ("in 2018", "2018-07-01", "year"),
    ("on 3/3/2017", "2017-03-03", "day"),  # an explicit date after publication
])
def test_future_expressions_resolve_and_are_marked(finder, words, expected, precision):
    res = finder.resolve(words, THU)
    assert res is not None and res.future
    assert (res.date.isoformat(), res.precision) == (expected, precision)


@pytest.mark.parametrize("words", ["on Wednesday", "yesterday", "last August", "two months ago", "last week",
                                   "on 3 March", "today"])
def test_relative_words_need_a_publication_date(finder, words):
    assert finder.resolve(words, None) is None


@pytest.mark.parametrize("words", ["since 2011", "until Friday", "by March", "as of Monday"])
def test_period_edges_are_bounds(finder, words):
    res = finder.resolve(words, THU)
    assert res is not None and res.bound


@pytest.mark.parametrize("words", ["six-year-old", "three days", "for three days", "decades", "the 1990s",
                                   "10 am", "44", "Between 10 and 15"])
def test_not_dates(finder, words):
    assert finder.resolve(words, THU) is None


def test_resolution_is_cached(language):
    finder = DateFinder(language)
    first = finder.resolve("on Tuesday", THU)
    assert finder.resolve("on Tuesday", THU) is first
    assert list(finder.resolver._memo) == [("on tuesday", THU)]  # one phrase read once


def test_the_module_resolve_reads_one_phrase_on_its_own():
    assert dates.resolve("on Wednesday", THU) == dates.Resolved(WED, "day")


# -- finding spans in a parsed document ---------------------------------------------------------------------
def test_find_dates_spans_and_offsets(nlp, finder):
    doc = nlp("Rebels stormed the base late on Sunday, a spokesman said on Wednesday. "
              "Turkey began its offensive last August, two months ago by some accounts, and fighting "
              "resumed earlier this month.")
    found = finder.find(doc, THU)
    assert texts(found) == ["late on Sunday", "on Wednesday", "last August", "two months ago",
                            "earlier this month"]
    for m in found:
        assert doc.text[m.start:m.end] == m.text
    assert [m.date.isoformat() for m in found] == ["2017-02-05", "2017-02-08", "2016-08-15", "2016-12-15",
                                                   "2017-02-09"]


def test_years_and_explicit_dates(nlp, finder):
    doc = nlp("The group was founded in 2014 and attacked the town on 3 March 2016 and again on 2017-01-05.")
    found = finder.find(doc, THU)
    assert [(m.text, m.date.isoformat(), m.precision) for m in found] == [
        ("in 2014", "2014-07-01", "year"), ("on 3 March 2016", "2016-03-03", "day"),
        ("on 2017-01-05", "2017-01-05", "day")]


def test_future_mentions_are_flagged(nlp, finder):
    doc = nlp("The envoy will visit Ankara next month, and talks resume tomorrow.")
    found = finder.find(doc, THU)
    assert texts(found) == ["next month", "tomorrow"]
    assert all(m.future for m in found)


@pytest.mark.parametrize("text, published", [
    # ages, durations and counts
    ("The six-year-old conflict has killed 2016 people; the siege lasted for three days "
     "and a 25-year-old fighter was among 12 dead.", THU),
    # years and months inside names
    ("The 2015 Garissa attack shocked the country. A March 2016 report listed the dead.", dt.date(2016, 6, 1)),
    # a year in parentheses is a label
    ("Battle of Sirte (2016): militants shelled the port.", dt.date(2016, 9, 1)),
    # "of" alone does not make a month a date
    ("Members of the First of October group shot a businessman.", THU),
    ("", THU),  # an empty document
])
def test_no_dates(nlp, finder, text, published):
    assert finder.find(nlp(text), published) == []


@pytest.mark.parametrize("text, expected", [
    ("Officials said the fighting may spread, as it did in May.", ["in May"]),  # "may" the verb is no month
    ("Forty people were killed in the attack last August.", ["last August"]),  # a time phrase after a noun
])
def test_found_dates(nlp, finder, text, expected):
    assert texts(finder.find(nlp(text), THU)) == expected


# -- choosing the date of one event -------------------------------------------------------------------------
def candidate(doc, trigger_text, modality="asserted", nth=0):
    hits = [t for t in doc if t.text == trigger_text]
    trig = hits[nth]
    return EventCandidate(sentence=trig.sent, trigger=trig, event_type="Battles", sub_event_type="Armed clash",
                          plover_event="ASSAULT", modality=modality)


def when(nlp, finder, text, trigger, published=THU, modality="asserted"):
    """The EventDate of the event whose trigger is the word `trigger` in `text`."""
    doc = nlp(text)
    return finder.event_date(finder.find(doc, published), candidate(doc, trigger, modality), published)


@pytest.mark.parametrize("text, trigger, expected", [
    # the date attached to the trigger first
    ("The army said on Thursday that rebels had attacked the checkpoint on Tuesday night.", "attacked",
     EventDate("2017-02-07", "day", "on Tuesday night")),
    # else the reporting date in the sentence
    ("The Turkish military said on Thursday it had killed 44 militants in air strikes.", "killed",
     EventDate("2017-02-09", "day", "on Thursday")),
    # future mentions are skipped for past events
    ("Rebels shelled the airport, and talks on a truce resume tomorrow.", "shelled",
     EventDate("2017-02-09", "week", None)),
    # a date in another relative clause is not the event's
    ("A bomb exploded at the grave of a policeman who was killed last year.", "exploded",
     EventDate("2017-02-09", "week", None)),
])
def test_event_date(nlp, finder, text, trigger, expected):
    assert when(nlp, finder, text, trigger) == expected


@pytest.mark.parametrize("text, trigger, field, expected", [
    ("Rebels seized the town on 20 March 2017.", "seized", "date", "2017-02-09"),  # never after publication
    ("Since 2011, the war has killed hundreds of thousands.", "killed", "text", None),  # bounds are no event dates
    # background participles and nested clauses keep their own dates
    ("A prisoner jailed for a bombing in 2002 assaulted four guards.", "assaulted", "text", None),
    ("Gunmen killed a guard who had won medals at games held in 1995.", "killed", "text", None),
])
def test_event_date_field(nlp, finder, text, trigger, field, expected):
    assert getattr(when(nlp, finder, text, trigger), field) == expected


def test_future_event_may_take_a_future_date(nlp, finder):
    doc = nlp("The two leaders will meet later this week in Ankara.")
    when = finder.event_date(finder.find(doc, THU), candidate(doc, "meet", modality="future"), THU)
    assert when.text == "later this week" and when.date == "2017-02-10"


def test_event_date_uses_an_earlier_date_in_the_same_paragraph(nlp, finder):
    text = ("Militants attacked a police post in Arish on Monday. The gunmen also burned two cars.\n\n"
            "Separately, soldiers arrested ten men.")
    doc = nlp(text)
    found = finder.find(doc, THU)
    assert finder.event_date(found, candidate(doc, "burned"), THU) == EventDate("2017-02-06", "day", "on Monday")
    # a new paragraph does not inherit the date
    assert finder.event_date(found, candidate(doc, "arrested"), THU) == EventDate("2017-02-09", "week", None)


def test_no_date_defaults_to_publication_week_and_none_without_publication(nlp, finder):
    text = "Gunmen opened fire on a market."
    assert when(nlp, finder, text, "opened") == EventDate("2017-02-09", "week", None)
    assert when(nlp, finder, text, "opened", published=None) == EventDate(None, "week", None)


def test_without_publication_date_only_absolute_dates_resolve(nlp, finder):
    doc = nlp("On Wednesday the army shelled the town, which rebels took in March 2016.")
    assert [(m.text, m.date.isoformat()) for m in finder.find(doc, None)] == [("in March 2016", "2016-03-15")]


def test_mention_dataclass_fields():
    m = DateMention(0, 3, "now", THU, "day")
    assert m.future is False and m.bound is False


def test_dateline_is_not_an_event_date(nlp, finder):
    doc = nlp("KABUL, Feb 9 (Reuters) - Gunmen attacked a checkpoint in Kunduz province.")
    found = finder.find(doc, THU)
    assert [m.dateline for m in found] == [True]
    assert finder.event_date(found, candidate(doc, "attacked"), THU) == EventDate("2017-02-09", "week", None)


def test_publication_datetime_is_accepted(nlp, finder):
    doc = nlp("Rebels shelled the town on Wednesday.")
    stamp = dt.datetime(2017, 2, 9, 14, 30)
    found = finder.find(doc, stamp)
    assert finder.event_date(found, candidate(doc, "shelled"), stamp) == EventDate("2017-02-08", "day", "on Wednesday")


def test_chained_relative_days_follow_the_last_date(nlp, finder):
    doc = nlp("Militants attacked a base on Monday. The previous day, a bomb hit a market. "
              "Two days later, troops retook the town.")
    found = finder.find(doc, THU)
    assert [(m.text, m.date.isoformat()) for m in found] == [
        ("on Monday", "2017-02-06"), ("The previous day", "2017-02-05"), ("Two days later", "2017-02-07")]
    assert finder.event_date(found, candidate(doc, "hit"), THU).date == "2017-02-05"


def test_chained_day_without_earlier_date_uses_publication(nlp, finder):
    doc = nlp("A day earlier, gunmen killed a guard.")
    assert [(m.text, m.date.isoformat()) for m in finder.find(doc, THU)] == [("A day earlier", "2017-02-08")]


def test_planned_event_reads_weekdays_and_months_forwards(nlp, finder):
    doc = nlp("The two sides will resume talks on Monday in Geneva.")
    when = finder.event_date(finder.find(doc, THU), candidate(doc, "resume", modality="future"), THU)
    assert when == EventDate("2017-02-13", "day", "on Monday")
    doc = nlp("Elections will be held in March.")
    when = finder.event_date(finder.find(doc, THU), candidate(doc, "held", modality="future"), THU)
    assert when.date == "2017-03-15" and when.precision == "month"
    # the same words for a past event stay in the past
    doc = nlp("The two sides resumed talks on Monday in Geneva.")
    assert finder.event_date(finder.find(doc, THU), candidate(doc, "resumed"), THU).date == "2017-02-06"


# -- robustness ---------------------------------------------------------------------------------------------
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORDS = st.sampled_from([
    "on", "Monday", "Wednesday", "last", "next", "week", "month", "August", "March", "3", "12", "2016", "ago",
    "two", "days", "yesterday", "tomorrow", "killed", "rebels", "the", "in", "since", "late", "earlier", "this",
    "31/02/2017", "5/6/2017", "2017-13-01", "May", "overnight", ",", ".", "(", ")", "-", "Reuters", "year-old"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(_WORDS, min_size=1, max_size=25),
       published=st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))))
def test_find_dates_never_fails_and_never_puts_past_events_after_publication(nlp, finder, words, published):
    doc = nlp(" ".join(words))
    found = finder.find(doc, published)
    for m in found:
        assert doc.text[m.start:m.end] == m.text
        assert m.precision in PRECISIONS
    for sent in doc.sents:
        cand = EventCandidate(sentence=sent, trigger=sent.root, event_type=None, sub_event_type=None,
                              plover_event="ASSAULT")
        when = finder.event_date(found, cand, published)
        assert when.precision in PRECISIONS
        if published is not None:
            assert when.date is not None and dt.date.fromisoformat(when.date) <= published
        elif when.text is None:
            assert when.date is None


def test_later_paragraphs_take_the_lead_date(nlp, finder):
    text = ("KUNDUZ - Government forces recaptured the city centre on Wednesday, officials said.\n\n"
            "Between 20 and 25 insurgents were killed in the clashes, a police spokesman said.\n\n"
            "Separately, soldiers arrested ten men in the north.")
    doc = nlp(text)
    found = finder.find(doc, THU)
    assert finder.event_date(found, candidate(doc, "killed"), THU) == EventDate("2017-02-08", "day", "on Wednesday")
    # a sentence that opens a new thread does not inherit it
    assert finder.event_date(found, candidate(doc, "arrested"), THU) == EventDate("2017-02-09", "week", None)


def test_earlier_date_prefers_the_main_clause(nlp, finder):
    doc = nlp("Rebels attacked the town on Monday, a year after they seized it in 2015. Many families fled.")
    found = finder.find(doc, THU)
    assert finder.event_date(found, candidate(doc, "fled"), THU) == EventDate("2017-02-06", "day", "on Monday")
    assert finder.event_date(found, candidate(doc, "seized"), THU).text == "in 2015"


@pytest.mark.parametrize("words, expected, future", [
    ("Monday, January 30", "2017-01-30", False),
    ("Sunday, March 6", "2016-03-06", False),  # 6 March 2016 was a Sunday
    ("Monday, March 6", "2017-03-06", True),  # 6 March 2017 is a Monday: the coming one
])
def test_weekday_decides_the_year_of_a_day_without_one(finder, words, expected, future):
    res = finder.resolve(words, THU)
    assert (res.date.isoformat(), res.future) == (expected, future)


# -- the words are data -----------------------------------------------------------------------------------------
def _data_copy(tmp_path, edit):
    """A copy of the English data files a DateFinder reads, dates.yaml edited by `edit(text) -> text`."""
    from eventwire.lang import LANG_DIR

    for name in ("dates.yaml", "numbers.tsv"):
        text = (LANG_DIR / "en" / name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(edit(text) if name == "dates.yaml" else text, encoding="utf-8")
    return tmp_path / "dates.yaml"


def _line_of(path, needle):
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


@pytest.mark.parametrize("edit, message, needle", [
    (lambda t: t + "\nweek_days: [monday]\n", "unknown list 'week_days'", "week_days:"),
    (lambda t: t.replace("speech_verbs: [say,", "speech_verbs: [say, say,"), "duplicate word 'say'", "speech_verbs:"),
    (lambda t: t.replace("[jan, feb,", "[jan, ma, feb,"), "'ma' must start exactly one month", "month_abbreviations:"),
    (lambda t: t.replace("[monday, tuesday,", "[tuesday,"), "'weekdays' must name all 7", "weekdays:"),
])
def test_bad_date_words_name_the_file_and_line(tmp_path, edit, message, needle):
    from eventwire.lang import LanguageData, LanguageDataError

    path = _data_copy(tmp_path, edit)
    with pytest.raises(LanguageDataError, match=message) as err:
        DateFinder(LanguageData(root=tmp_path))
    assert str(err.value).startswith(f"{path}:{_line_of(path, needle)}:")


def test_date_finders_from_different_data_give_different_answers(finder, tmp_path):
    from eventwire.lang import LanguageData

    _data_copy(tmp_path, lambda t: t.replace("lead_words: [late, early,", "lead_words: [late,"))
    other = DateFinder(LanguageData(root=tmp_path))
    assert finder.resolve("early January", THU) == dates.Resolved(dt.date(2017, 1, 15), "month")
    assert other.resolve("early January", THU) is None


# -- background: events the article recalls from well before its publication ----------------------------------
@pytest.mark.parametrize("day, precision, end", [
    ("2020-03-15", "month", "2020-03-31"),
    ("2019-12-15", "month", "2019-12-31"),
    ("2019-07-01", "year", "2019-12-31"),
    ("2020-03-05", "day", "2020-03-05"),
])
def test_period_end_is_the_last_day_a_date_may_mean(day, precision, end):
    from eventwire.extraction.dates.finder import period_end

    assert period_end(dt.date.fromisoformat(day), precision).isoformat() == end


@pytest.mark.parametrize("when, published, expected", [
    (EventDate("2019-01-15", "month", "in January 2019", own=True), "2020-05-01", True),
    (EventDate("2020-03-15", "month", "in March", own=True), "2020-05-01", True),  # March ends 31 days before
    (EventDate("2020-03-15", "month", "in March", own=True), "2020-04-20", False),  # it may be late March
    (EventDate("2020-04-25", "day", "on Saturday", own=True), "2020-05-01", False),
    (EventDate("2019-01-15", "month", "in January 2019", own=False), "2020-05-01", False),  # the paragraph's date
    (EventDate("2019-01-15", "month", "in January 2019", own=True), None, False),  # no publication date
])
def test_recalled_needs_its_own_date_well_before_publication(when, published, expected):
    pub = dt.date.fromisoformat(published) if published else None
    assert DateFinder.recalled(when, pub, 30) is expected


@pytest.mark.parametrize("sentence, word, year", [
    ("Residents still remember the 2008 Mumbai attacks.", "attacks", 2008),
    ("The town never recovered from the 2016 offensive.", "offensive", 2016),
    ("More than 2008 attacks were recorded by monitors.", "attacks", None),  # a count, not a name
    ("Rebels attacked the town on Monday.", "attacked", None),
])
def test_named_year(bare_nlp, sentence, word, year):
    from eventwire.extraction.dates.finder import named_year

    doc = bare_nlp(sentence)
    assert named_year(next(t for t in doc if t.text == word)) == year


def test_year_named_event_is_dated_to_its_year(nlp, finder):
    doc = nlp("Residents gathered to remember the 2008 Mumbai attacks.")
    trigger = next(t for t in doc if t.text == "attacks")
    cand = EventCandidate(sentence=next(doc.sents), trigger=trigger, event_type=None, sub_event_type=None,
                          plover_event="ASSAULT")
    when = finder.event_date(finder.find(doc, dt.date(2020, 5, 1)), cand, dt.date(2020, 5, 1))
    assert (when.date, when.precision, when.own) == ("2008-07-01", "year", True)


@pytest.mark.parametrize("text, published, modality", [
    ("Gunmen killed five villagers in the district in January 2019.", "2020-05-01", "background"),
    ("Gunmen killed five villagers in the district on Saturday.", "2020-05-01", "asserted"),
    ("Gunmen killed five villagers in the district in January 2019.", None, "asserted"),
    ("Gunmen killed five villagers in the district in January 2019.", "2019-01-20", "asserted"),
])
def test_pipeline_marks_recalled_events_background(pipeline, text, published, modality):
    evs = [e for e in pipeline.extract(text, published=published) if e.event_type]
    assert evs and {e.modality for e in evs} == {modality}


def test_background_window_is_a_pipeline_setting(pipeline):
    from eventwire.extraction.pipeline import Pipeline

    wide = Pipeline(background_days=400, catalogue=pipeline.catalogue, geoparse=False)
    wide._nlp = pipeline.nlp  # the same loaded model
    text = "Gunmen killed five villagers in the district in January 2019."
    assert {e.modality for e in wide.extract(text, published="2020-01-20") if e.event_type} == {"asserted"}
    assert wide._settings()["background_days"] == 400


def test_the_bound_words_are_data(finder, tmp_path):
    from eventwire.lang import LanguageData

    _data_copy(tmp_path, lambda t: t.replace("bound_words: [since, until,", "bound_words: [until,"))
    other = DateFinder(LanguageData(root=tmp_path))
    assert finder.resolve("since Monday", THU).bound and not other.resolve("since Monday", THU).bound
