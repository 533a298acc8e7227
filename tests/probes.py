"""What the probe sets of sentences ask of a Pipeline: the records an ACLED coder would count."""

from __future__ import annotations

# the ACLED sub-event types, as records name them (the labels the CASE-style probe sets expect)
CLASH = "Armed clash"
REGAIN = "Government regains territory"
OVERTAKE = "Non-state actor overtakes territory"
CHEM = "Chemical weapon"
AIR = "Air/drone strike"
SUICIDE = "Suicide bomb"
SHELL = "Shelling/artillery/missile attack"
IED = "Remote explosive/landmine/IED"
GRENADE = "Grenade"
SEXUAL = "Sexual violence"
ATTACK = "Attack"
ABDUCT = "Abduction/forced disappearance"
PEACEFUL = "Peaceful protest"
INTERVENTION = "Protest with intervention"
FORCE = "Excessive force against protesters"
VIOLENT_DEMO = "Violent demonstration"
MOB = "Mob violence"
AGREEMENT = "Agreement"
ARRESTS = "Arrests"
CHANGE = "Change to group/activity"
DISRUPTED = "Disrupted weapons use"
HQ = "Headquarters or base established"
LOOTING = "Looting/property destruction"
TRANSFER = "Non-violent transfer of territory"
OTHER = "Other"


def acled_events(pipeline, text, published=None):
    """The asserted events with an ACLED type."""
    return [e for e in pipeline.extract(text, published=published) if e.modality == "asserted" and e.event_type]


def acled_records(pipeline, text):
    """The asserted ACLED events as "type/sub-type: trigger" lines (what a miss report prints)."""
    return [f"{e.event_type}/{e.sub_event_type}: {e.trigger}" for e in acled_events(pipeline, text)]


def top_event(pipeline, text):
    """The most confident asserted ACLED event (None: no such event)."""
    found = acled_events(pipeline, text)
    return max(found, key=lambda e: e.confidence) if found else None


def top_sub_type(pipeline, text):
    """The sub-type of the most confident asserted ACLED event (None: no such event)."""
    event = top_event(pipeline, text)
    return event.sub_event_type if event is not None else None


def event_country(pipeline, text, published=None):
    """The ISO3 country of the place of the most confident asserted event that has one (None: no placed event)."""
    placed = [e for e in pipeline.extract(text, published=published)
              if e.modality == "asserted" and e.location is not None and e.location.country]
    return max(placed, key=lambda e: e.confidence).location.country if placed else None


# -- toll probe sets: (family, expected dead, text) rows scored per family -----------------------------------

def first_toll(pipeline, text, published="2021-03-02"):
    """The dead of the first asserted event (0 when it gives none; None: no asserted event)."""
    events = [e for e in pipeline.extract(text, published=published) if e.modality == "asserted"]
    return (events[0].fatalities or 0) if events else None


def toll_results(pipeline, probes) -> list[tuple[str, int, object, str]]:
    """(family, expected, found, text) for each (family, expected, text) probe."""
    return [(family, count, first_toll(pipeline, text), text) for family, count, text in probes]


def family_rates(found, families) -> dict[str, float]:
    """The share of each family's rows whose found value is the expected one."""
    return {f: sum(got == want for fam, want, got, _ in found if fam == f) / sum(fam == f for fam, *_ in found)
            for f in families}


def print_family_misses(found, families) -> None:
    for fam, want, got, text in found:
        if got != want:
            print("MISS", fam, want, got, text)
    print({f: round(v, 3) for f, v in family_rates(found, families).items()}, len(found))
