"""Stage 2: actors. Find who acts in a parsed article and give every mention its canonical actor.

The catalogue is data (src/eventwire/data/actors/*.yaml and data/countries.tsv, see the README there; English
words in lang/en/actors/): named groups, IGOs, national institutions and people with their aliases, plus state
forces and governments of every country generated from the country list and a table of force nouns ("Turkish
jets" -> Military Forces of Turkey), plus generic actors ("gunmen", "civilians") that take the event's country later.

    words.py      folding and splitting words ("al-Shabaab" == "Al Shabaab")
    entries.py    what the catalogue holds: Country, Entry, Generic
    data.py       reading and checking the data files (CatalogueError names the file and line)
    index.py      the phrase index and its case rules
    build.py      filling a Catalogue from the data
    catalogue.py  Catalogue (resolve, localize, state actors, ruler patterns) and load_catalogue
    matching.py   candidate mentions in a word list, and the choice among them
    mentions.py   ActorMention and find_mentions over a spaCy Doc
    guess.py      best-guess records for unknown actors

The Pipeline loads one Catalogue (`load_catalogue(language)`) and owns it; two catalogues live side by side.
"""

from __future__ import annotations

from eventwire.extraction.actors.catalogue import Catalogue, load_catalogue
from eventwire.extraction.actors.data import (
    ACTORS_DIR,
    COUNTRIES_TSV,
    DATA_DIR,
    CatalogueError,
    Sources,
    load_countries,
    read_sources,
)
from eventwire.extraction.actors.entries import STATE_SECTORS, UNKNOWN_NAME, Country, Entry, Generic
from eventwire.extraction.actors.mentions import ActorMention
from eventwire.extraction.actors.words import fold, norm_key, normalise, shape, split_words

__all__ = [
    "ACTORS_DIR", "COUNTRIES_TSV", "DATA_DIR", "STATE_SECTORS", "UNKNOWN_NAME", "ActorMention", "Catalogue",
    "CatalogueError", "Country", "Entry", "Generic", "Sources", "fold", "load_catalogue",
    "load_countries", "norm_key", "normalise", "read_sources", "shape", "split_words",
]

