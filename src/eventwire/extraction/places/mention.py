"""A place mention while the geoparser works on it, and the small token tests every stage shares."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from eventwire.extraction.nlp import doc_text  # noqa: F401 - the stages' one copy of the text
from eventwire.geo.gazetteer import ADMIN1, CONTINENT, COUNTRY, REGION, Entry
from eventwire.geo.names import normalize

LITERAL, METONYM, ADJECTIVE, DEMONYM = "literal", "metonym", "adjective", "demonym"

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# entity labels whose words are never places
NON_PLACE_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LAW", "LANGUAGE"}


@dataclass
class Mention:
    """A candidate place reference: where it stands, its gazetteer candidates, the hints recognition found for
    it, and (after resolution) the candidate chosen with its score and margin."""

    start: int  # char offsets
    end: int
    i: int  # token offsets
    j: int
    text: str
    source: str  # ner | norp | gaz | abbrev
    cands: tuple[Entry, ...]
    kind: str = LITERAL
    admin_hint: str | None = None
    within: Mention | None = None  # "Town, State": the state
    held_by: str = ""  # how the phrase names `within` (contain.py): "unit", "address", "in", "list"
    precision_floor: int = 0
    unit_hint: str | None = None  # "the Atlantic" (a sea or region), "the Kentucky border" (a state or country)
    phonetic: bool = False
    weak: bool = False  # in a text without capitals: accepted on little evidence (kept only near the focus)
    dateline: bool = False
    alt: frozenset = frozenset()  # candidate ids matched only through an alternate name
    counties: tuple = ()  # counties whose bare name this is (added as candidates once the mention is accepted)
    holds: set = field(default_factory=set)  # candidate ids that contain a town named right before ("X, <this>")
    scores: dict = field(default_factory=dict)  # candidate id -> last score (the best few)
    chosen: Entry | None = None
    score: float = 0.0
    margin: float = 0.0

    @property
    def key(self) -> str:
        return name_key(self.text)


TOWN_OF = re.compile(r"^(?:the )?(?:city|town|village|township|borough) of ")


@functools.lru_cache(maxsize=20_000)
def name_key(text: str) -> str:
    """The key a name votes and is voted under: "City of Richmond", "Dublin City" and "Richmond", "Dublin" are
    one name each (they must not vote for one another)."""
    key = TOWN_OF.sub("", normalize(text))
    return key[:-5] if key.endswith(" city") and len(key) > 5 else key


def clean_span(doc, i: int, j: int) -> tuple[int, int]:
    """Trim leading "the" and a trailing possessive."""
    while i < j and doc[i].lower_ in ("the", "'s", "’s"):
        i += 1
    while j > i and doc[j - 1].lower_ in ("'s", "’s", "'", "’", ".", ",", "-"):
        j -= 1
    return i, j


def comma_parts(doc, i: int, j: int) -> list[tuple[int, int]]:
    """"Raqqa, Daesh's" or "Washington, D.C.": the pieces of an entity between commas, cleaned."""
    parts, k0 = [], i
    for k in range(i, j + 1):
        if k == j or doc[k].text == ",":
            a, b = clean_span(doc, k0, k)
            if a < b:
                parts.append((a, b))
            k0 = k + 1
    return parts


def is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 0 < len(letters) <= 4 and sum(c.isupper() for c in letters) >= 2


def is_dateline(doc, m) -> bool:
    """"BEIRUT (Reuters) -", "WASHINGTON —", "Title. COLUMBIA, S.C. --": an all-caps place opening a line or
    a sentence, before ( , - or —."""
    if not m.text.isupper() or len(m.text) < 3:
        return False
    if m.i > 0:
        prev = doc[m.i - 1]
        if not (prev.is_space or "\n" in prev.text or prev.text in (".", "|", ":", "--") or doc[m.i].is_sent_start):
            return False
    nxt = doc[m.j].text if m.j < len(doc) else ""
    return nxt[:1] in ("(", ",", "-", "—", "–", ":")


def is_strong(m) -> bool:
    """A country, a first-level region or a capital among the mention's own-name candidates."""
    return any(e.feature in (COUNTRY, ADMIN1, CONTINENT, REGION) or e.capital for e in m.cands if e.id not in m.alt)


def is_cap(tok) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


def names_the_sea(doc, m: Mention) -> bool:
    """"the Gulf": a generic word after "the" that names a sea or region ("a gulf" does not)."""
    return m.i > 0 and doc[m.i - 1].lower_ == "the" and \
        any(e.feature in ("water", REGION) and e.id not in m.alt for e in m.cands)


def proper_noun(tok) -> bool:
    """Tagged NNP/NNPS; or, in a sentence the sentence gate left untagged (no tagger, no NER ran there),
    capitalised: the one thing the scan has to go by there, its other checks (a word also used in lower case,
    a sentence's first word, people's names, the population) still apply."""
    return tok.tag_ in ("NNP", "NNPS") or not tok.tag and is_cap(tok)


def in_longer_name(doc, i: int, j: int, articles: frozenset) -> bool:
    """Tokens i..j stand inside a longer capitalised name or before a possessive: "Nash Riad", "Reid Hospital",
    "McDonald's" (not after a capitalised article: "The Paris attacks")."""
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[j] if j < len(doc) else None
    return (prev is not None and is_cap(prev) and not doc[i].is_sent_start and prev.lower_ not in articles) \
        or (nxt is not None and (is_cap(nxt) or nxt.lower_ in ("'s", "\u2019s")))
