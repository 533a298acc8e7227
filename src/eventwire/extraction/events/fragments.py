"""Lines that assert no event of their own, however event-like their words: a section heading set between the
paragraphs of a report ("Calls for calm", "Troops deployed to the area"), a verbless entry of a list
("*2015-12-21, Sgt. J. Doe, 3rd Brigade, IED"), a verbless line that names no party. A heading keeps its record only
when it tells violence, an arrest or a protest and names a party ("Five herders shot dead in X"): the title of a
report says what happened; a heading inside it only announces what its paragraphs tell. (A text of one line may
well be verbless and still report: "Bomb attack outside the shrine.")"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from eventwire.extraction.nlp import LINE_END_STOPS, LIST_BULLETS, doc_text

if TYPE_CHECKING:
    from eventwire.extraction.events.candidates import EventCandidate

# the families a heading may report by itself (with a party named); speech, movement and strategic steps
# in a heading only announce the paragraphs below it
HEADLINE_FAMILIES = {"violence", "arrest", "demonstration"}
SENTENCE_STOPS = frozenset(".!?\u2026")
CLOSING_MARKS = " \t\"'\u201d\u2019)]"


def is_prose(doc: Doc) -> bool:
    """The text has sentences ending with a stop: its stopless lines are headings or list entries. (A feed of
    headlines, one a line, has none: there every line is a report.)"""
    text = doc_text(doc)
    return any(line.rstrip(CLOSING_MARKS)[-1:] in SENTENCE_STOPS for line in text.splitlines())


def own_line(sent: Span, text: str) -> bool:
    """The sentence is a whole line of a text of several lines."""
    start, end = sent.start_char, sent.end_char
    body = text[start:end].strip()
    if not body or "\n" in body:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip(" \t*\u2022-") or text[end:line_end].strip():
        return False
    return bool(text[:line_start].strip() or text[line_end:].strip())


def is_heading(sent: Span, text: str) -> bool:
    """The sentence is a whole line of its own, ends without a stop and heads more text below it."""
    body = text[sent.start_char:sent.end_char].strip()
    if not own_line(sent, text) or body[-1] in LINE_END_STOPS:
        return False
    line_end = text.find("\n", sent.start_char)
    return line_end >= 0 and bool(text[line_end:].strip())


def list_entry(sent: Span, text: str) -> bool:
    """The sentence opens a line that starts with a list bullet ("* Cpl. J. Doe, ..."; the bullet may be left out of
    the sentence)."""
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    opening = text[line_start:sent.end_char].lstrip()
    return opening.startswith(LIST_BULLETS) and not text[line_start:sent.start_char].strip(" \t*\u2022-")


def verbless(sent: Span) -> bool:
    return not any(t.pos_ in ("VERB", "AUX") for t in sent)


def _named_in(role, sent: Span) -> bool:
    """The role's party is named in the sentence itself (not guessed, not carried over from another one)."""
    return role is not None and sent.start_char <= role.start and role.end <= sent.end_char


def tells_no_event(cand: EventCandidate, text: str) -> bool:
    """A record of this candidate would assert an event its sentence does not report (see the module doc).
    Call only for prose texts (is_prose)."""
    sent = cand.sentence
    if own_line(sent, text) and verbless(sent) and (list_entry(sent, text) or not _named_in(cand.actor1, sent)):
        return True  # "Calls for calm", "*2015-12-21, Sgt. J. Doe, US Army, IED": no one does anything
    if not is_heading(sent, text):
        return False
    party = _named_in(cand.actor1, sent) or _named_in(cand.actor2, sent)
    return cand.family not in HEADLINE_FAMILIES or not party
