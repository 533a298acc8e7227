"""Property tests: `eventwire.extraction` never fails inside on any text, and every event it returns keeps the
record's invariants.

Unusable input (empty, binary, not English) is rejected with a ValueError that says why; that is the API's
documented answer. An error from inside the stages ("extraction failed", "language pipeline failed") is a bug.
"""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import eventwire
from eventwire.records import ACLED_EVENT_TYPES, ACLED_SUB_TO_TYPE, DATE_PRECISIONS, MODALITIES, PLOVER_EVENTS, Event

INTERNAL_FAILURES = ("extraction failed", "language pipeline failed")

# A few characters from several scripts, with punctuation, digits, odd spaces, combining marks and controls.
MIXED_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.;:!?'\"()-/%&\n\t"
    "éèçñüößøåłžčšğış"  # Latin with diacritics
    "абвгдежзийклмнопрстуфхцчшщыэюя"  # Cyrillic
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"  # Arabic
    "अआइकखगघचछजटठडतथदनपफबमयरलवशसह"  # Devanagari
    "中国的战争城市军队攻击死亡"  # CJK
    "ကခဂငစဆ"  # Myanmar
    "\u200b\u200d\u00a0\u2028\u0301\u0308\ufeff\u202e"  # zero-width, nbsp, line separator, combining, bidi
    "\x00\x07\x1b"  # controls
    "😀💣🔥"
)

ACTORS = ["Rebels", "Nigerian troops", "Houthi fighters", "Daesh militants", "Police", "Gunmen", "The army",
          "Russian warplanes", "Al-Shabaab", "Protesters", "Taliban insurgents", "Unidentified men",
          "Security forces", "ELN guerrillas", "Government forces"]
VERBS = ["attacked", "shelled", "bombed", "kidnapped", "clashed with", "seized", "recaptured", "arrested",
         "protested against", "signed a ceasefire with", "will attack", "denied attacking", "did not strike",
         "could strike", "threatened to attack", "ambushed", "fired rockets at", "killed", "called"]
TARGETS = ["the town of {p}", "villagers near {p}", "a military base 30 km north of {p}", "government forces in {p}",
           "a market in {p}", "the outskirts of {p}", "a convoy on the road to {p}", "{p}", "civilians",
           "the president"]
PLACES = ["Kunduz", "Maiduguri", "Aleppo", "Idlib province", "Mogadishu", "Marib", "Kherson", "Santiago",
          "Colombo", "Jolo", "Borno state", "Kirkuk", "Tame", "Djibo", "Paris", "Springfield", "Georgia"]
WHEN = ["on Monday", "on Sunday night", "last week", "yesterday", "on 3 March", "in March", "earlier this month",
        "on Tuesday morning", "late on Friday", "two days ago", "this week", ""]
TOLLS = ["killing 12 people", "killing dozens", "killing between three and five people", "wounding seven",
         "killing at least 1,200 people", "killing 0 people", "killing nine hundred civilians", "killing one",
         "leaving scores dead", "killing 4 and injuring 17", ""]
SOURCES = ["officials said", "residents said", "a spokesman said on Tuesday", "according to a monitor", ""]


@st.composite
def news_sentence(draw) -> str:
    place = draw(st.sampled_from(PLACES))
    parts = [draw(st.sampled_from(ACTORS)), draw(st.sampled_from(VERBS)),
             draw(st.sampled_from(TARGETS)).format(p=place), draw(st.sampled_from(WHEN))]
    toll = draw(st.sampled_from(TOLLS))
    source = draw(st.sampled_from(SOURCES))
    sentence = " ".join(p for p in parts if p)
    if toll:
        sentence += ", " + toll
    if source:
        sentence += ", " + source
    return sentence + "."


news_text = st.lists(news_sentence(), min_size=1, max_size=6).map(" ".join)
junk = st.text(alphabet=MIXED_ALPHABET, max_size=60)
# English news with junk spliced in between the sentences: passes the language check, stresses offsets
news_with_junk = st.lists(st.tuples(news_sentence(), junk), min_size=1, max_size=5).map(
    lambda pairs: " ".join(f"{s} {j}" for s, j in pairs))
arbitrary_text = st.one_of(st.text(max_size=300), st.text(alphabet=MIXED_ALPHABET, max_size=400))
published = st.one_of(st.none(), st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2030, 12, 31)))

SETTINGS = settings(max_examples=35, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def run_extract(text: str, when: dt.date | None) -> list[Event] | None:
    """The events, or None when the API rejected the text as unusable (a clean ValueError)."""
    try:
        return eventwire.extract(text, published=when)
    except ValueError as exc:
        message = str(exc)
        assert message.strip(), "a rejection must say why"
        assert not message.startswith(INTERNAL_FAILURES), f"a stage failed inside: {message}"
        return None


def check_invariants(events: list[Event], text: str, when: dt.date | None) -> None:
    assert isinstance(events, list)
    for ev in events:
        d = ev.to_dict()
        json.dumps(d)  # serialisable
        s, e = d["evidence"]["start"], d["evidence"]["end"]
        assert 0 <= s <= e <= len(text), (s, e, len(text))
        assert text[s:e] == d["evidence"]["text"]
        assert d["modality"] in MODALITIES
        assert 0.0 <= d["confidence"] <= 1.0
        assert d["plover"]["event"] in PLOVER_EVENTS
        assert d["event_type"] is None or d["event_type"] in ACLED_EVENT_TYPES
        if d["sub_event_type"] is not None:
            assert ACLED_SUB_TO_TYPE.get(d["sub_event_type"]) == d["event_type"], (d["event_type"],
                                                                                     d["sub_event_type"])
        else:
            assert d["event_type"] is None or d["event_type"] in ACLED_EVENT_TYPES
        assert d["date_precision"] in DATE_PRECISIONS
        if d["date"] is not None:
            dt.date.fromisoformat(d["date"])
            if when is not None and d["modality"] == "asserted":
                assert d["date"] <= when.isoformat(), f"asserted event on {d['date']}, published {when}"
        assert d["fatalities"] is None or (isinstance(d["fatalities"], int) and d["fatalities"] >= 0)


@SETTINGS
@given(text=arbitrary_text, when=published)
def test_extract_never_fails_inside_on_arbitrary_text(text, when):
    events = run_extract(text, when)
    if events is not None:
        check_invariants(events, text, when)


@SETTINGS
@given(text=news_text, when=published)
def test_events_from_generated_news_keep_the_invariants(text, when):
    events = run_extract(text, when)
    assert events is not None, "plain English news must not be rejected"
    check_invariants(events, text, when)


@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(text=news_with_junk, when=published)
def test_junk_between_sentences_keeps_offsets_right(text, when):
    events = run_extract(text, when)
    if events is not None:
        check_invariants(events, text, when)
