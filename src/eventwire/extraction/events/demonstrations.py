"""One demonstration told in several sentences is coded by its most severe form (ACLED): a march that police break
up is a protest with intervention, one where the marchers throw stones is a violent demonstration, one where the
police kill is excessive force. When an article tells a peaceful protest and, of the same demonstration (the same
place, or a place not told), a more severe form, the severe form is the article's leading event.

Likewise ACLED codes looting or property destruction as its own event only when nobody is harmed: homes burned
where villagers are killed are the attack on them, so the violence against people leads over the property."""

from __future__ import annotations

from eventwire.records import Event

# ACLED's demonstration sub-types, from the mildest; a form that is both violent and met with lethal force ranks
# by the rules' confidence
SEVERITY = {
    "Peaceful protest": 0,
    "Protest with intervention": 1,
    "Violent demonstration": 2,
    "Excessive force against protesters": 2,
}
STEP = 0.001  # how far above the milder form the severe one is put

PROPERTY = "Looting/property destruction"
HARM_TO_PEOPLE = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
PEOPLE_TAKEN = {"Abduction/forced disappearance", "Sexual violence"}


def _same_place(a: Event, b: Event) -> bool:
    """Nothing tells two places apart: one is not told or is a whole country, or both name the same place."""
    pa, pb = a.location, b.location
    if pa is None or pb is None or pa.feature == "country" or pb.feature == "country":
        return True
    if pa.geonameid is not None and pa.geonameid == pb.geonameid:
        return True
    return pa.name == pb.name


def most_severe_first(events: list[Event]) -> None:
    """Raise the confidence of the most severe asserted form of a demonstration above its milder forms of the same
    place, so that the article's leading demonstration event carries ACLED's coding of it."""
    demos = [e for e in events if e.modality == "asserted" and e.sub_event_type in SEVERITY]
    for severe in sorted(demos, key=lambda e: (SEVERITY[e.sub_event_type], e.confidence), reverse=True):
        rank = SEVERITY[severe.sub_event_type]
        milder = [e for e in demos if SEVERITY[e.sub_event_type] < rank and _same_place(e, severe)]
        if milder:
            top = max(e.confidence for e in milder)
            if severe.confidence <= top:
                severe.confidence = round(min(1.0, top + STEP), 4)


def _same_doer(a: Event, b: Event) -> bool:
    """Both acts are told of the same named doer, or neither names one ("set fire to the offices following the
    killing of a man": a killing with no doer told is another act, not the arsonists')."""
    if a.actor1 is None or b.actor1 is None:
        return a.actor1 is None and b.actor1 is None
    return a.actor1.name == b.actor1.name


def harm_before_property(events: list[Event]) -> None:
    """Raise the confidence of the violence against people above the looting or property destruction of the same
    place ("burned down homes and killed villagers" leads with the killing)."""
    asserted = [e for e in events if e.modality == "asserted"]
    for harm in asserted:
        # (an attack that tells no dead may be the attack on the property itself: "attacked a mast and destroyed it")
        if harm.event_type not in HARM_TO_PEOPLE or not (harm.fatalities or harm.sub_event_type in PEOPLE_TAKEN):
            continue
        property_ = [e for e in asserted if e.sub_event_type == PROPERTY and _same_place(e, harm)
                     and _same_doer(e, harm)]
        if property_:
            top = max(e.confidence for e in property_)
            if harm.confidence <= top:
                harm.confidence = round(min(1.0, top + STEP), 4)
