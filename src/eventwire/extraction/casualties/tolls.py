"""Tolls across the sentences of one article. A sentence that only reports deaths is often no event of its own:
a running total ("the war has killed 300,000", "300 people have been killed this year"), a report that nobody
died ("no one was killed"), or a later figure for the article's main event ("the death toll rose to 12", "Eight
people were killed and 25 wounded" after "A car bomb exploded near a mosque."). The Pipeline asks `told_elsewhere`
of every event before building it and settles the main event's toll with `settle_main_toll` at the end."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.extraction.casualties.fatalities import Fatalities
from eventwire.extraction.casualties.lexicon import Lexicon, lemma
from eventwire.extraction.tokens import sentences
from eventwire.records import FATALITIES_AT_LEAST, IMPLAUSIBLE_FATALITIES

# the trigger class of death words (events/triggers.yaml): an event found by these alone only reports deaths
DEATH_REPORT_CLASSES = frozenset({"kill"})


@dataclass
class DeathReport:
    """A sentence's report of deaths that is no event of its own, kept to update the main event's toll."""
    dead: Fatalities
    order: int  # position among the article's events


def reports_deaths_only(cand, dead: Fatalities | None, lex: Lexicon | None = None) -> bool:
    """Every trigger of the event is a death word, or lies inside the words of its count ("the death toll from
    the fighting rose to 600"): the sentence reports deaths, not a new happening. With the casualty words
    (`lex`), a trigger that names a person is no act either: "In addition to the assailant, two soldiers were
    killed", "Two guards and the assailant died" tell the dead of the attack told before."""
    if cand.classes and cand.classes <= DEATH_REPORT_CLASSES:
        return True
    if lex is not None and cand.classes and DEATH_REPORT_CLASSES & cand.classes \
            and all(_person_noun(t, lex) or _death_word(t, lex) for t in cand.triggers) \
            and any(_person_noun(t, lex) for t in cand.triggers):
        return True
    return dead is not None and dead.tally and all(dead.start <= t.idx < dead.end for t in cand.triggers)


def _person_noun(tok, lex: Lexicon) -> bool:
    """"the assailant": a trigger that names who acted, not an act."""
    return tok.pos_ == "NOUN" and lemma(tok) in lex.person_nouns


def _death_word(tok, lex: Lexicon) -> bool:
    """"killed", "died", "injured", "the dead": a trigger that only says people died or were hurt (not "shot dead",
    whose verb is an act)."""
    lem = lemma(tok)
    return lem in lex.death_verbs or lem in lex.zero_verbs or lem in lex.counted_death_nouns \
        or tok.lower_ in lex.death_nouns


def told_elsewhere(cand, dead: Fatalities | None, counter, main_told: bool) -> bool:
    """A report of deaths that is no event: a running total, nobody killed, or a toll update (`dead.tally`) of a
    main event told before (`main_told`; a toll that opens the article is the only word of its event)."""
    if not reports_deaths_only(cand, dead, counter.lexicon):
        return False
    if dead is None:
        return counter.running_total(cand.sentence)
    return dead.count == 0 or dead.tally and main_told


def main_event_at(events: list) -> int | None:
    """The position of the main event: the article's first asserted violent event."""
    return next((i for i, ev in enumerate(events) if ev.modality == "asserted" and _violent(ev)), None)


def deaths_of_the_wounded(doc, counter, busy: set[int]) -> list[Fatalities]:
    """The later deaths of the wounded ("one of the wounded died in hospital", "succumbed to his wounds") told in
    sentences that hold no event of another kind (`busy`: the evidence offsets of those events)."""
    out = []
    for sent in sentences(doc):
        if any(sent.start_char <= start < sent.end_char for start in busy):
            continue
        dead = counter.find(sent)
        if dead is not None and dead.of_wounds and dead.count:
            out.append(dead)
    return out


def deaths_without_event(doc, counter, taken: set[int]) -> list[Fatalities]:
    """The deaths told in sentences that hold no event at all (`taken`: the evidence offsets of every event): "The
    incident left a girl dead." after "Armed men threw a grenade at a house." """
    out = []
    for sent in sentences(doc):
        if any(sent.start_char <= start < sent.end_char for start in taken):
            continue
        dead = counter.find(sent)
        if dead is not None and dead.count and not dead.tally and not dead.of_wounds:
            out.append(dead)  # (the wounded who died later add to the toll: deaths_of_the_wounded)
    return out


def settle_main_toll(events: list, bare_reports: set[int], updates: list[DeathReport],
                     wounded_dead: list[Fatalities] = (), additions: list[DeathReport] = (),
                     eventless_dead: list[Fatalities] = ()) -> None:
    """The main event (the article's first asserted violent event, with the other events of its sentence)
    carries the article's toll: the last toll update told after it ("the toll rose to 12"), or, when it has no
    count of its own, the count of a death-only report in the next event's sentence ("A bomb exploded. Eight
    people were killed."); the wounded who died later add to it ("One of the injured died in hospital.").
    `bare_reports` are the positions in `events` of death-only events kept as events, and of events whose deaths
    are those of an event they name ("The blast killed nine."). `additions` are such reports of more dead ("Five
    attackers were also killed.", "Another soldier died in the attack."): ACLED counts every death of the event,
    the attackers' too, so they add to the main event's toll."""
    main_at = main_event_at(events)
    if main_at is None:
        return
    sentence = events[main_at].evidence.start
    mains = [ev for ev in events[main_at:] if ev.evidence.start == sentence]
    later = [u for u in updates if u.order > main_at]
    if later:
        for ev in mains:
            _update_toll(ev, later[-1].dead)
        return
    report = None
    if all(_untold(ev) for ev in mains):
        told, report = _told_before_toll(events, main_at, bare_reports)
        if report is not None:
            for ev in told:
                _set_toll(ev, report.fatalities, report.fatalities_text)
        else:  # "Armed men threw a grenade at a house. The incident left a girl dead."
            dead = next((d for d in eventless_dead if d.start > events[main_at].evidence.end), None)
            if dead is not None and dead.start < _next_sentence_start(events, main_at):
                for ev in mains:
                    _set_toll(ev, dead.count, dead.text)
    for report in additions:
        if report.order in bare_reports and report.order > main_at and report.dead.count \
                and events[report.order].evidence.start != sentence:
            for ev in mains:
                if ev.fatalities is not None and IMPLAUSIBLE_FATALITIES not in ev.flags:
                    _set_toll(ev, ev.fatalities + report.dead.count, ev.fatalities_text)
    for dead in wounded_dead:
        if report is not None and report.evidence.start <= dead.start < report.evidence.end:
            continue  # the report that gave the toll told this death ("Among the wounded was X, who died later.")
        if dead.start > events[main_at].evidence.end:
            for ev in mains:
                if IMPLAUSIBLE_FATALITIES in ev.flags:
                    continue  # no figure to add the later deaths to
                _set_toll(ev, (ev.fatalities or 0) + dead.count, ev.fatalities_text or dead.text)


def _next_sentence_start(events: list, main_at: int) -> int:
    """Where the first event told after the main event's sentence begins (no limit when none is)."""
    sentence = events[main_at].evidence.start
    return next((ev.evidence.start for ev in events[main_at:] if ev.evidence.start > sentence), 1 << 62)


def _told_before_toll(events: list, main_at: int, bare_reports: set[int]) -> tuple[list, object]:
    """The events told from the main event's sentence on, up to the first sentence with a death-only report, and
    that report: "A church attack occurred. Two suicide bombers blew themselves up. At least 14 people were
    killed." (the bombing tells the attack over; both take the 14). Nothing when an event in between has a count
    of its own or is not an asserted violent event: the report may then be that event's."""
    sentence = events[main_at].evidence.start
    told = [ev for ev in events[main_at:] if ev.evidence.start == sentence]
    later = [i for i in range(main_at + 1, len(events)) if events[i].evidence.start != sentence]
    for i in later:
        ev = events[i]
        report = next((events[j] for j in sorted(bare_reports) if j >= i
                       and events[j].evidence.start == ev.evidence.start), None)
        if report is not None:
            return (told, report) if report.fatalities and report.modality == "asserted" else ([], None)
        if not _untold(ev) or ev.modality != "asserted" or not _violent(ev):
            return [], None
        told.append(ev)
    return [], None


def toll_of_named_event(first, ev) -> None:
    """"A bomb went off at a market. The blast killed 11 people.": a later sentence that names the event (`ev`,
    same_as `first`) tells its toll; the event that has no count of its own takes it."""
    if _untold(first) and ev.fatalities is not None and IMPLAUSIBLE_FATALITIES not in ev.flags \
            and first.modality == ev.modality == "asserted":
        _set_toll(first, ev.fatalities, ev.fatalities_text)


def _set_toll(ev, count: int, text: str | None) -> None:
    """The event's toll, from words that the reader believed: an implausible figure of its own is replaced."""
    ev.fatalities, ev.fatalities_text = count, text
    ev.unflag(IMPLAUSIBLE_FATALITIES)
    ev.unflag(FATALITIES_AT_LEAST)


def _untold(ev) -> bool:
    """The event has no figure of its own: none, or only the fewest its words allow ("killed civilians")."""
    return ev.fatalities is None or FATALITIES_AT_LEAST in ev.flags


def _update_toll(ev, dead: Fatalities) -> None:
    """A toll that rose replaces the count; another figure conflicts with it, and the lower stands. An
    implausible figure ("the toll rose to 1e30") updates nothing."""
    if dead.count is None:
        return
    if dead.rising or _untold(ev) or dead.count < ev.fatalities:
        _set_toll(ev, dead.count, dead.text)


def _violent(ev) -> bool:
    return getattr(ev.plover, "event", None) == "ASSAULT"
