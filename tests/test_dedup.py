"""Dedup: which reports are one event, how a cluster's record is merged, and that blocking loses no pair."""

from __future__ import annotations

import random

import pytest

from eventwire import dedup
from eventwire.records import Actor, Event, Evidence, Place, Plover


def report(article, *, etype="Explosions/Remote violence", sub="Air/drone strike", date="2017-02-09",
           precision="day", lat=36.350, lon=37.517, country="SYR", admin1="Aleppo", geo=1, place="Al Bab",
           actor1="Military Forces of Russia", actor2="Civilians", fatalities=None, modality="asserted",
           confidence=0.6, start=0, plover="ASSAULT", assoc1=()):
    return Event(article_id=article, event_type=etype, sub_event_type=sub, plover=Plover(plover),
                 evidence=Evidence(f"report from {article}", start, start + 20),
                 actor1=Actor(actor1) if actor1 else None, actor2=Actor(actor2) if actor2 else None,
                 assoc_actor1=[Actor(a) for a in assoc1],
                 location=Place(place, lat, lon, country, admin1=admin1, precision=geo) if lat is not None else None,
                 date=date, date_precision=precision, fatalities=fatalities, modality=modality,
                 confidence=confidence, trigger_start=start)


def groups(events):
    return sorted(sorted(c.ids) for c in dedup.cluster(events))


def test_three_outlets_reporting_one_strike_differently_are_one_event():
    a = report("reuters", fatalities=12, date="2017-02-09")
    b = report("sana", sub="Shelling/artillery/missile attack", fatalities=9, date="2017-02-10",
               lat=36.40, lon=37.55, actor2=None)  # a day later, ~6.5 km away, called shelling, no target named
    c = report("local", fatalities=None, geo=3, place="Aleppo", lat=36.20, lon=37.16)  # coded to the region
    assert groups([a, b, c]) == [sorted([a.event_id, b.event_id, c.event_id])]


@pytest.mark.parametrize("change", [
    {"date": "2017-02-11"},  # two days apart
    {"lat": 36.60, "lon": 37.517},  # ~28 km north
    {"country": "TUR"},
    {"etype": "Protests", "sub": "Peaceful protest"},
    {"sub": "Remote explosive/landmine/IED"},  # a roadside bomb is not an air strike
    {"actor1": "Military Forces of Syria"},  # a different attacker
    {"modality": "future"},  # a threatened strike is not the strike
    {"date": None},
    {"date": "2017-02-09", "precision": "year"},
    {"lat": None},
    {"geo": 3, "admin1": "Idlib"},
])
def test_reports_that_differ_in_a_decisive_way_stay_apart(change):
    a = report("one")
    b = report("two", **change)
    assert len(dedup.cluster([a, b])) == 2
    assert not dedup.compatible(a, b)


def test_battles_may_name_the_sides_in_either_order_but_attacks_may_not():
    a = report("one", etype="Battles", sub="Armed clash", actor1="Islamic State", actor2="Military Forces of Syria")
    b = report("two", etype="Battles", sub="Armed clash", actor1="Military Forces of Syria", actor2="Islamic State")
    assert len(dedup.cluster([a, b])) == 1
    c = report("three", actor1="Civilians", actor2="Military Forces of Russia")
    assert len(dedup.cluster([report("four"), c])) == 2


def test_an_unidentified_actor_does_not_contradict_a_named_one():
    a = report("one", etype="Violence against civilians", sub="Attack", actor1="Unidentified Armed Group (Syria)")
    b = report("two", etype="Violence against civilians", sub="Attack", actor1="Islamic State")
    assert len(dedup.cluster([a, b])) == 1


def test_no_chaining_daily_clashes_stay_one_event_a_day():
    days = [report(f"a{d}", etype="Battles", sub="Armed clash", date=f"2017-02-0{d}") for d in (1, 2, 3, 4)]
    sizes = sorted(len(c) for c in dedup.cluster(days))
    assert sizes == [2, 2]  # 1+2 and 3+4, never 1..4 through single links


def test_two_events_of_one_article_merge_only_on_the_same_date():
    clash = report("same", etype="Battles", sub="Armed clash", actor1="Islamic State",
                   actor2="Military Forces of Turkey")
    toll = report("same", etype="Battles", sub="Armed clash", actor1=None, actor2="Islamic State", fatalities=12,
                  start=120)  # the death toll a sentence later, with its own partial actors
    assert len(dedup.cluster([clash, toll])) == 1
    next_day = report("same", etype="Battles", sub="Armed clash", date="2017-02-10", start=300)
    assert not dedup.compatible(clash, next_day)  # one text's dates are consistent: a day apart is two events
    other_outlet = report("other", etype="Battles", sub="Armed clash", date="2017-02-10", actor1="Islamic State",
                          actor2=None)
    assert dedup.compatible(clash, other_outlet)  # across outlets a day's slack stays


def test_week_and_month_precision_overlap():
    week = report("w", date="2017-02-13", precision="week")  # stands for 10-16 Feb
    day = report("d", date="2017-02-09")  # 9 Feb: one day of slack reaches the week
    assert dedup.compatible(week, day)
    month = report("m", date="2017-03-15", precision="month")
    assert not dedup.compatible(month, day)
    assert dedup.compatible(report("m2", date="2017-02-15", precision="month"), day)


def test_antimeridian_neighbours_are_found():
    a = report("one", lat=-17.0, lon=179.95, country="FJI", admin1="Northern")
    b = report("two", lat=-17.0, lon=-179.95, country="FJI", admin1="Northern")
    assert dedup.distance_km(-17.0, 179.95, -17.0, -179.95) < 25
    assert len(dedup.cluster([a, b])) == 1


def _reference_cluster(events):
    """The same greedy rule without blocking: every earlier cluster is a candidate."""
    keys = [dedup.key_of(e) for e in events]
    order = sorted(range(len(keys)), key=lambda i: dedup._sort_key(keys[i]))
    clusters: list[list[int]] = []
    for i in order:
        k = keys[i]
        best = None
        if dedup._mergeable(k):
            for c, members in enumerate(clusters):
                if all(dedup.compatible_keys(k, keys[m]) for m in members):
                    score = (dedup._gap_km(k, keys[members[0]]), abs(k.date - keys[members[0]].date), c)
                    best = score if best is None or score < best else best
        if best is None:
            clusters.append([i])
        else:
            clusters[best[2]].append(i)
    return sorted(sorted(keys[i].id for i in c) for c in clusters)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_blocking_finds_exactly_what_comparing_every_pair_finds(seed):
    rng = random.Random(seed)
    events = []
    for n in range(250):
        lat = rng.choice([36.3, 36.5, 64.1, -0.2]) + rng.uniform(-0.3, 0.3)  # includes a high latitude
        lon = rng.choice([37.5, 37.8, -21.9]) + rng.uniform(-0.4, 0.4)
        events.append(report(f"art{n % 120}", start=n, lat=lat, lon=lon, geo=rng.choice([1, 1, 1, 2, 3]),
                             admin1=rng.choice(["Aleppo", "Idlib"]), date=f"2017-02-{rng.randint(1, 6):02d}",
                             sub=rng.choice(["Air/drone strike", "Shelling/artillery/missile attack", None]),
                             actor2=rng.choice(["Civilians", None]),
                             precision=rng.choice(["day", "day", "day", "week"])))
    assert groups(events) == _reference_cluster(events)


def test_order_of_input_and_partitioning_by_country_do_not_change_clusters():
    rng = random.Random(5)
    events = [report(f"a{n}", start=n, country=rng.choice(["SYR", "IRQ"]), lat=36.3 + rng.uniform(0, 0.3),
                     date=f"2017-02-0{rng.randint(1, 4)}") for n in range(80)]
    base = groups(events)
    shuffled = events[:]
    rng.shuffle(shuffled)
    assert groups(shuffled) == base
    by_country = sorted(g for iso in ("SYR", "IRQ")
                        for g in groups([e for e in events if e.location.country == iso]))
    assert by_country == base


def test_merge_follows_acled_and_keeps_the_best_of_each_field():
    a = report("a", fatalities=12, confidence=0.5, geo=2, date="2017-02-10", assoc1=["Free Syrian Army"])
    b = report("b", fatalities=9, confidence=0.7, geo=3, place="Aleppo")
    c = report("c", fatalities=None, confidence=0.6, geo=1, place="Al Bab", date="2017-02-09",
               assoc1=["Military Forces of Turkey"])
    merged = dedup.merge([a, b, c])
    assert isinstance(merged, Event)
    assert merged.fatalities == 9  # the most conservative figure, not the mean, not the first
    assert merged.location.precision == 1 and merged.location.name == "Al Bab"
    assert merged.date == "2017-02-09"
    assert {x.name for x in merged.assoc_actor1} == {"Free Syrian Army", "Military Forces of Turkey"}
    assert merged.confidence == pytest.approx(1 - 0.5 * 0.3 * 0.4, abs=1e-3)
    assert merged.evidence.text == "report from b"  # the most confident report speaks for the event


def test_merge_votes_on_the_sub_event_type_by_confidence():
    recs = [report("a", sub="Air/drone strike", confidence=0.4),
            report("b", sub="Shelling/artillery/missile attack", confidence=0.9),
            report("c", sub="Air/drone strike", confidence=0.3)]
    assert dedup.merge(recs).sub_event_type == "Shelling/artillery/missile attack"
    recs[2] = report("c", sub="Air/drone strike", confidence=0.6)
    assert dedup.merge(recs).sub_event_type == "Air/drone strike"


def test_a_reported_zero_is_a_figure_and_negative_or_boolean_values_are_not():
    recs = [report("a", fatalities=0).to_dict(), report("b", fatalities=4).to_dict()]
    assert dedup.conservative_fatalities(recs)[0] == 0
    recs = [dict(recs[1]), dict(recs[1], fatalities=True), dict(recs[1], fatalities=-3)]
    assert dedup.conservative_fatalities(recs)[0] == 4


def test_a_figure_told_beats_the_fewest_a_plural_allows():
    # "warplanes killed civilians" (2, only the fewest the words allow) and "killed 21": 21 stands
    vague = dict(report("a", fatalities=2).to_dict(), flags=["fatalities_at_least"])
    told = report("b", fatalities=21).to_dict()
    assert dedup.conservative_fatalities([vague, told])[0] == 21
    assert dedup.conservative_fatalities([vague])[0] == 2
    assert "fatalities_at_least" not in dedup.merge([vague, told]).flags


def test_cluster_accepts_schema_dicts_and_keys():
    a, b = report("a"), report("b", date="2017-02-10")
    assert groups([a.to_dict(), b.to_dict()]) == groups([a, b])
    keys = [dedup.key_of(a, id=1), dedup.key_of(b, id=2)]
    assert groups(keys) == [[1, 2]]


# -- the ends of the calendar (issue 15) -------------------------------------------------------------------------
def _day(iso):
    import datetime as dt

    return dt.date.fromisoformat(iso).toordinal()


@pytest.mark.parametrize("date, precision, interval", [
    ("9999-12-31", "month", (_day("9999-12-01"), _day("9999-12-31"))),
    ("9999-12-15", "month", (_day("9999-12-01"), _day("9999-12-31"))),
    ("9999-12-31", "week", (_day("9999-12-28"), _day("9999-12-31") + 3)),  # day numbers past the calendar
    ("0001-01-01", "month", (_day("0001-01-01"), _day("0001-01-31"))),
    ("0001-01-01", "week", (_day("0001-01-01") - 3, _day("0001-01-04"))),
    ("2016-02-10", "month", (_day("2016-02-01"), _day("2016-02-29"))),
])
def test_date_intervals_at_the_ends_of_the_calendar(date, precision, interval):
    assert dedup.date_interval(dedup.key_of(report("a", date=date, precision=precision))) == interval


def test_reports_dated_at_the_ends_of_the_calendar_cluster_and_merge():
    late = [report("a", date="9999-12-31"), report("b", date="9999-12-30", precision="week"),
            report("c", date="9999-12-15", precision="month")]
    early = [report("d", date="0001-01-01"), report("e", date="0001-01-02", precision="week")]
    assert groups(late + early) == sorted([sorted(e.event_id for e in late), sorted(e.event_id for e in early)])
    assert dedup.merge(late).date == "9999-12-31"


def test_merge_keeps_the_flags_of_every_report():
    from eventwire.records import IMPLAUSIBLE_FATALITIES

    flagged = report("a", fatalities=None)
    flagged.flags, flagged.fatalities_text = [IMPLAUSIBLE_FATALITIES, "date_unstorable"], "killed 1e30 people"
    assert dedup.merge([flagged, report("b", fatalities=None)]).flags == [IMPLAUSIBLE_FATALITIES, "date_unstorable"]
    assert dedup.merge([flagged, report("b", fatalities=None)]).fatalities_text == "killed 1e30 people"
    believed = dedup.merge([flagged, report("b", fatalities=7)])
    assert (believed.fatalities, believed.flags) == (7, ["date_unstorable"])


@pytest.mark.parametrize("lat, lon", [(1e308, 37.5), (36.3, -1e308), (float("nan"), 37.5), (36.3, float("inf")),
                                      (91.0, 37.5), (36.3, 180.5)])
def test_coordinates_off_the_globe_place_nothing(lat, lon):
    odd, plain = report("odd", lat=lat, lon=lon), report("plain")
    key = dedup.key_of(odd)
    assert key.lat is None or key.lon is None
    assert groups([odd, plain]) == sorted([[odd.event_id], [plain.event_id]])


def test_merge_takes_the_first_of_equally_confident_reports():
    a = report("a", fatalities=12, confidence=0.6, geo=1, place="Al Bab")
    b = report("b", fatalities=12, confidence=0.6, geo=1, place="Manbij")
    c = report("c", fatalities=12, confidence=0.4, geo=1, place="Jarablus")
    assert dedup.merge([a, b, c]).location.name == "Al Bab"  # same precision and confidence: the first
    assert dedup.merge([c, b, a]).location.name == "Manbij"
    assert dedup.merge([c, b, a]).evidence == b.evidence  # the representative: the first most confident
