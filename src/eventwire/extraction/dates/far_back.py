"""Events an undated text looks back on. Without a publication date (a snippet, a wire line) a date cannot be
measured against the day of the report; but some times are far from any report's own: a decade ("in the 1990s",
"in the early 2000s"), a year named after the event ("the massacre of 1995", "the war of 1992-95"), last year, a
childhood ("killed when she was six", "as a boy"). Such a time in the event's own clause makes the event background;
today, yesterday, on Sunday or last week do not. When the text dates its own story by day or month with a year
("On 12 March 2009, ..."), a year counts only when it lies well before that story's. The cue words are data
(events/modality.yaml, `background`)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from eventwire.extraction.events.modality import read_cues
from eventwire.extraction.tokens import children
from eventwire.lang import LanguageData

_YEAR_RE = re.compile(r"((?:19|20)\d\d)(?:[-–/]\d\d(?:\d\d)?)?")
_DECADE_RE = re.compile(r"(?:mid-?|early-?|late-?)?((?:19|20)\d)0'?s")
_WRITTEN_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
# the links a time may hang from the event by: prepositions, their objects and the nouns' modifiers; not a clause
# of its own, nor the subject or object of another verb ("survivors of the massacre of 1995 marched")
_PATH_DEPS = frozenset({"prep", "pobj", "npadvmod", "poss", "nmod", "compound", "amod", "appos"})
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_YEARS_APART = 1  # "in 2008" in a story dated 12 March 2009 may be the same campaign; 2007 is background


class FarBack:
    """The background test of one language's cue words."""

    def __init__(self, language: LanguageData):
        self.cues = language.memo("events.modality", lambda: read_cues(language))["background"]

    def looked_back(self, trigger: Token | None, story_years: list[int]) -> bool:
        """The event of `trigger` is dated far before the text's own time by a word of its own clause (or, for a
        childhood, of a clause above it). `story_years`: the years of the text's own dates by day or month."""
        if trigger is None:
            return False
        if self.of_childhood(trigger):
            return True
        # "a wave of kidnappings in the 2000s": the time of the noun the event is "of" is the event's; "rioters
        # torched shops in 1992": the time of the verb a noun trigger is the subject or the object of a preposition of
        holders = [trigger]
        if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.pos_ == "NOUN":
            holders.append(trigger.head.head)
        if trigger.dep_ in _SUBJECT_DEPS and trigger.pos_ == "NOUN":
            holders.append(trigger.head)
        if trigger.dep_ == "pobj" and trigger.head.dep_ == "prep" and trigger.head.head.pos_ == "VERB":
            holders.append(trigger.head.head)  # "arrested at a protest in 2009": the protest is the arrest's time
        subjects = [s for s in children(trigger) if s.dep_ in _SUBJECT_DEPS and s.pos_ == "NOUN"]
        return any(self._far_time(tok, story_years) and (
            any(_hangs_on(tok, h) for h in holders) or any(_names_time_of(tok, s) for s in subjects))
            for tok in trigger.sent)

    def of_childhood(self, trigger: Token | None) -> bool:
        """A life story's time ("when she was six"): background even when the text tells nothing later."""
        return trigger is not None and any(self._childhood(tok) for tok in (trigger, *trigger.ancestors))

    def _far_time(self, tok: Token, story_years: list[int]) -> bool:
        c = self.cues
        if tok.lemma_.lower() == "year" and any(
                m.lower_ in c["previous_year_modifiers"] and m.dep_ == "amod" for m in children(tok)):
            return tok.dep_ in ("npadvmod", "poss", "pobj")  # "attacked it last year", "last year's attack"
        if tok.dep_ != "pobj" or tok.head.lower_ not in c["far_back_prepositions"]:
            return False
        decade = _DECADE_RE.fullmatch(tok.lower_)
        if decade:
            return _before_story(int(decade.group(1)) * 10 + 9, story_years)
        year = _YEAR_RE.fullmatch(tok.text)
        return year is not None and _before_story(int(year.group(1)), story_years)

    def _childhood(self, tok: Token) -> bool:
        """"... when she was six", "when he was a boy", "as a child": the event is told from a life story."""
        c = self.cues
        for clause in children(tok):
            if clause.dep_ == "advcl" and clause.lemma_ == "be" and any(
                    m.dep_ in ("mark", "advmod") and m.lower_ in c["childhood_marks"] for m in children(clause)):
                if any(a.dep_ in ("attr", "acomp", "npadvmod", "dobj") and _child_word(a, c) for a in children(clause)):
                    return True
            if clause.dep_ == "prep" and clause.lower_ in c["childhood_prepositions"] and any(
                    o.dep_ == "pobj" and o.lemma_.lower() in c["childhood_nouns"] for o in children(clause)):
                return True
        return False


def _child_word(tok: Token, cues: dict) -> bool:
    return tok.lemma_.lower() in cues["childhood_nouns"] or (tok.like_num and _small_age(tok.lower_))


def _small_age(word: str) -> bool:
    """An age of a child: "six", "12"; not a year ("when it was 1995")."""
    return not _WRITTEN_YEAR_RE.fullmatch(word) and (not word.isdigit() or int(word) < 18)


def _before_story(year: int, story_years: list[int]) -> bool:
    return not story_years or year < min(story_years) - _YEARS_APART


def _names_time_of(tok: Token, subject: Token) -> bool:
    """"Last year's attack killed eleven", "the unrest of 1992 left 50 dead": the time named on the subject
    noun itself (not deeper: "survivors of the massacre of 1995 marched")."""
    return tok.head.i == subject.i or (tok.head.dep_ == "prep" and tok.head.head.i == subject.i)


def _hangs_on(tok: Token, trigger: Token) -> bool:
    """`tok` belongs to the trigger's own clause: the path up to it runs through prepositions and noun modifiers."""
    for _ in range(12):
        if tok.i == trigger.i:
            return True
        if tok.dep_ not in _PATH_DEPS or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i != trigger.i and tok.pos_ in ("VERB", "AUX"):
            return False
    return False


def story_years(mentions) -> list[int]:
    """The years of the text's own dates written by day or month with a year ("12 March 2009", "June 2011")."""
    return [m.date.year for m in mentions
            if m.precision in ("day", "month") and not m.bound and _WRITTEN_YEAR_RE.search(m.text)]
