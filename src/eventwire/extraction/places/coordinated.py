"""One event at each of several coordinated places: "air strikes on Foo and Bar", "casualties in Foo, Bar and Baz".
ACLED and UCDP code an event per location (and day): a report that names the same violence at coordinated places
tells one event at each. The copies share the evidence, the codes and the actors; the toll, told for all the
places together, stays with the first."""

from __future__ import annotations

from eventwire.extraction.places.locate import copy_place
from eventwire.records import Event, PlaceMention, make_event_id

VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")
MAX_COPIES = 5  # a long list of places is a summary of a campaign, not so many events


def _same_place(a, b) -> bool:
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    return a.lat is not None and a.lat == b.lat and a.lon == b.lon


def _heads(tok) -> list:
    """The name and the nouns it names a part of: "Foo" in "the outskirts of Foo" stands for "outskirts" too, so
    "the outskirts of Foo and the countryside of Bar" coordinates Foo and Bar."""
    out = [tok]
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in ("NOUN", "PROPN") and len(out) < 3:
        tok = tok.head.head
        out.append(tok)
    return out


def coordinated_mentions(doc, mentions: list[PlaceMention], ev: Event) -> list[PlaceMention]:
    """The literal places of the event's sentence coordinated with the one it is located at ("Foo and Bar"), each
    a different place from it and from one another."""
    loc = ev.location
    if loc is None or ev.modality != "asserted" or ev.event_type not in VIOLENT_TYPES:
        return []
    start, end = ev.evidence.start, ev.evidence.end
    in_sent = [m for m in mentions if m.kind == "literal" and start <= m.start and m.end <= end]
    anchor = next((m for m in in_sent if _same_place(m.place, loc)), None)
    if anchor is None:
        return []
    span = doc.char_span(anchor.start, anchor.end, alignment_mode="expand")
    if span is None:
        return []
    conjuncts = {t.i for tok in _heads(span.root) for t in tok.conjuncts}
    out: list[PlaceMention] = []
    for m in in_sent:
        if m is anchor or _same_place(m.place, loc) or any(_same_place(m.place, o.place) for o in out):
            continue
        other = doc.char_span(m.start, m.end, alignment_mode="expand")
        if other is not None and any(t.i in conjuncts for t in _heads(other.root)):
            out.append(m)
    return out[:MAX_COPIES]


def one_event_per_place(doc, mentions: list[PlaceMention], events: list[Event]) -> list[Event]:
    """The events, each followed by its copies at the places coordinated with its own."""
    out: list[Event] = []
    for ev in events:
        out.append(ev)
        for m in coordinated_mentions(doc, mentions, ev):
            copy = Event.from_dict({**ev.to_dict(), "event_id": "", "location": copy_place(m.place).to_dict(),
                                    "fatalities": None, "fatalities_text": None})
            copy.event_id = make_event_id(ev.article_id, ev.evidence.start, m.start, ev.plover.event,
                                          ev.sub_event_type)
            out.append(copy)
    return out
