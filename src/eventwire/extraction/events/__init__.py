"""Stage 3: events. Trigger words and coding rules are language data (lang/<code>/events/); this package finds
the triggers in each sentence, groups the ones that describe one event, reads who did it to whom from the
dependency parse, judges whether it happened (modality), and codes the event (ACLED type/sub-type, PLOVER
event/mode, CAMEO).

Reporting verbs are not events: in "the military said it killed 44 militants" the event is the killing, and
"it" is the military.

  lexicon.py     reading and checking triggers.yaml, rules.yaml and the word lists into a Lexicon
  triggers.py    trigger hits in a sentence and the readings that depend on their neighbours
  modality.py    asserted / future / hypothetical / negated
  syntax.py      subject, object and noun-phrase helpers over the dependency parse
  roles.py       actor1 / actor2 of a trigger (who did what to whom)
  bare_places.py names the small model misreads as people or groups that are towns: never actors
  context.py     DocContext: actor mentions, pronouns, the article's dominant armed group
  candidates.py  EventCandidate: grouping triggers into events, references back, claims, speech acts
  coding.py      the rules of rules.yaml: ACLED, PLOVER, CAMEO
  finder.py      EventFinder, the stage the Pipeline owns
  demonstrations.py  a demonstration told in several sentences leads with its most severe form; harm to people
                     leads over property destroyed at the same place
  foreground.py  an undated text of far-back events only reports them (background is relative)
  retold.py      an event told again (a headline over the lead, more dead told later) stays one: same_as
"""

from eventwire.extraction.events.bare_places import BarePlaces
from eventwire.extraction.events.candidates import EventCandidate
from eventwire.extraction.events.demonstrations import harm_before_property, most_severe_first
from eventwire.extraction.events.finder import EventFinder
from eventwire.extraction.events.foreground import report_lone_past
from eventwire.extraction.events.modality import ModalityClassifier
from eventwire.extraction.events.roles import Role

__all__ = ["BarePlaces", "EventCandidate", "EventFinder", "ModalityClassifier", "Role", "harm_before_property",
           "most_severe_first", "report_lone_past"]
