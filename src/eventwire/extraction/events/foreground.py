"""Background is relative: an event is background when it is older than the event the article reports. A text
without a publication date (a snippet, a wire line, a coded sentence) that tells only events its time words set far
back ("in 2019", "last year", "in the 1990s", "in the past", "years ago") has no later event to set them against:
the events it tells are its report. Next to an event of the text's own time they stay background; with a
publication date the time words are measured against the day of the report and stay as they are. Background for
other reasons ("previous attacks", "in response to the bombing", a "See also" line) is left alone."""

from __future__ import annotations


def report_lone_past(events: list, dated_back: set[int], published) -> None:
    """Give the events made background by time words alone (`dated_back`: their ids) back their asserted modality
    when the undated text reports no other event: none asserted but those told in the same sentence by the same
    far-back time ("In 2019, teachers marched demanding higher pay": the demand is part of the 2019 march)."""
    if published is not None or not dated_back:
        return
    past_times = {(ev.evidence.start, ev.date_text) for ev in events if id(ev) in dated_back and ev.date_text}
    if any(ev.modality == "asserted" and (ev.evidence.start, ev.date_text) not in past_times for ev in events):
        return  # a foreground event: the far-back ones are what it is set against
    for ev in events:
        if id(ev) in dated_back:
            ev.modality = "asserted"
