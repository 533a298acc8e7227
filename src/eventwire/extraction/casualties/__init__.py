"""Stage 6: casualties. How many people an event killed, read from the dependency parse of its sentence.

We start from the words that report deaths (a death verb such as "killed", a death noun such as "dead",
"deaths", "death toll", "the lives of") and follow the parse to the people they are about (the object of
"killed", the subject of "were killed" or "died", the "of" phrase of "the lives of") and from those to their
numbers. Conjoined victims add up ("killed 5 soldiers and 3 civilians" = 8); subsets do not ("killing 7,
including 3 children" = 7); numbers attached to other harm never count ("killed 2 and wounded 5" = 2).
Vague quantities follow ACLED ("dozens" 12, "tens" 10, "hundreds" 100). When the parse links nothing, a narrow
word-order fallback ("12 dead", "killing 12") catches what a misparse hides. With no number at all, plural dead
("warplanes killed civilians") are at least two and the dead named beside the wounded ("casualties and injuries")
at least one: such figures are flagged `fatalities_at_least` and give way to any figure told.

The words live in lang/<code>/casualties.yaml and numbers.tsv, read by `FatalityCounter(language)`.

  lexicon.py     the word lists, read and checked
  numbers.py     number phrases and their values; numbers that measure something else
  victims.py     who is counted: anchors (death words), victims, conjuncts, subsets, tallies
  fatalities.py  the count for one event: choosing among anchors, running totals, the fallback, zero reports;
                 FatalityCounter
  tolls.py       across an article: death reports that are no event of their own (running totals, toll
                 updates, nobody killed) and the main event's toll
"""

from eventwire.extraction.casualties.fatalities import Fatalities, FatalityCounter
from eventwire.extraction.casualties.lexicon import DATA_FILE, Lexicon, load_lexicon
from eventwire.extraction.casualties.numbers import NumberPhrase, number_phrases
from eventwire.extraction.casualties.tolls import (
    DeathReport,
    deaths_of_the_wounded,
    deaths_without_event,
    main_event_at,
    reports_deaths_only,
    settle_main_toll,
    told_elsewhere,
    toll_of_named_event,
)

__all__ = ["DATA_FILE", "DeathReport", "deaths_of_the_wounded", "Fatalities", "FatalityCounter", "Lexicon", "NumberPhrase", "load_lexicon",
           "deaths_without_event", "main_event_at", "number_phrases", "reports_deaths_only", "settle_main_toll", "told_elsewhere",
           "toll_of_named_event"]
