"""Building articles and events by hand for the store, dedup, export and concurrency tests."""

from __future__ import annotations

import datetime as dt

from eventwire.records import Actor, Article, ArticleResult, Event, Evidence, Place, Plover

AL_BAB = dict(place="Al Bab", lat=36.370, lon=37.515, country="SYR", admin1="Aleppo")
MOSUL = dict(place="Mosul", lat=36.340, lon=43.130, country="IRQ", admin1="Nineveh")


def make_event(article_id: str, *, etype="Battles", sub="Armed clash", plover="ASSAULT", date="2017-02-09",
               precision="day", place="Al Bab", lat=36.370, lon=37.515, country="SYR", admin1="Aleppo", geo=1,
               actor1="Islamic State", actor2="Military Forces of Turkey", inter1=2, inter2=8, fatalities=None,
               modality="asserted", confidence=0.7, start=0, text=None, assoc1=(), cameo="190") -> Event:
    sentence = text or f"{actor1} fought {actor2} near {place}."
    return Event(
        article_id=article_id, event_type=etype, sub_event_type=sub, plover=Plover(plover, context=["military"]),
        evidence=Evidence(sentence, start, start + len(sentence)), cameo=cameo,
        actor1=Actor(actor1, text=actor1, country=None, sector="INS", inter=inter1) if actor1 else None,
        actor2=Actor(actor2, text=actor2, country="TUR", sector="MIL", inter=inter2) if actor2 else None,
        assoc_actor1=[Actor(a) for a in assoc1],
        location=Place(place, lat, lon, country, text=place, admin1=admin1, precision=geo) if lat is not None else None,
        date=date, date_precision=precision, fatalities=fatalities,
        fatalities_text=None if fatalities is None else f"{fatalities} killed", modality=modality,
        confidence=confidence, trigger="fought", trigger_start=start + 5)


def make_result(article_id: str, events=(), *, text=None, url=None, title=None, source="Test Wire",
                published="2017-02-10") -> ArticleResult:
    body = text or f"Article {article_id}. " + " ".join(e.evidence.text for e in events) + " The rest of the report."
    art = Article(id=article_id, text=body, published=dt.date.fromisoformat(published) if published else None,
                  title=title or f"Title of {article_id}", url=url, source=source)
    return ArticleResult(article=art, events=list(events))
