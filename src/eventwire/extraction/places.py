"""Stage 5: places. Find every place reference in an article, resolve it on the gazetteer, say how it is used
(literal, metonym, adjective, demonym), and pick each event's location from the literal ones.

Recognition: spaCy GPE/LOC/FAC and NORP entities, plus a gazetteer scan of capitalised word runs, so that
places the small model mislabels ("Al Bab" as PERSON) or misses, and places inside actor names ("Aleppo
Governorate Council"), are found. Resolution ranks every candidate with a few features: its prior (feature
class, population, capital), the article's country and region focus, proximity to the other places, the
"Town, State" pattern and admin words ("Aleppo province"), and the dateline.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, LENGTH, LOWER, ORTH, SENT_START

from eventwire.geo import gazetteer as gz
from eventwire.geo.gazetteer import ADMIN1, ADMIN2, CITY, CONTINENT, COUNTRY, REGION, Entry, normalize
from eventwire.records import Place, PlaceMention

LITERAL, METONYM, ADJECTIVE, DEMONYM = "literal", "metonym", "adjective", "demonym"

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# entity labels whose words are never places
NON_PLACE_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LAW", "LANGUAGE"}
PERSON_TITLES = {"mr", "mrs", "ms", "dr", "president", "minister", "gen", "general", "col", "sen", "senator",
                 "rep", "gov", "governor", "mayor", "judge", "king", "queen", "prince", "sheikh", "imam", "pope",
                 "chief", "officer", "commander", "lt", "sgt", "capt", "coach", "professor", "prof", "st"}
LOCATIVE_PREPS = {"in", "at", "near", "outside", "from", "into", "across", "toward", "towards", "around", "inside",
                  "throughout", "to", "between", "through", "within", "via", "of", "on", "off", "by", "over"}
STRONG_PREPS = {"in", "at", "near", "outside", "into", "inside", "around", "throughout", "within"}
NAME_PARTICLES = {"al", "el", "bin", "ibn", "abu", "de", "da", "del", "van", "von", "der", "la", "le", "di", "du",
                  "mac", "st", "jr", "sr", "ii", "iii"}
ARABIC_ARTICLES = {"al", "el", "ar", "as", "ad", "an", "at", "az", "ash", "ad-"}
CONNECTORS = {"of", "de", "del", "da", "do", "du", "la", "le", "al", "el", "ar", "as", "ad", "ash", "az", "an", "-",
              "upon", "on", "the", "des", "di", "y", "en", "sur", "am", "im", "'s", "’s", "ez", "ed", "es"}
ADMIN_WORDS = {"province": ADMIN1, "governorate": ADMIN1, "state": ADMIN1, "region": ADMIN1, "oblast": ADMIN1,
               "prefecture": ADMIN1, "department": ADMIN1, "county": ADMIN2, "district": ADMIN2, "parish": ADMIN2,
               "countryside": ADMIN1}
DIRECTION_WORDS = {"northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
                   "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern",
                   "south-western", "upper", "lower"}
NEAR_WORDS = {"near", "outside", "outskirts", "edge", "edges", "vicinity", "around", "close", "nearby", "north",
              "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "km", "kilometres",
              "kilometers", "miles", "countryside", "suburbs", "suburb", "periphery", "environs", "border"}
# verbs after which a place in subject position is still literal ("Syria lies", "Aleppo was")
LOCATIVE_VERBS = {"be", "lie", "sit", "border", "locate", "remain", "stretch", "have", "become", "host", "see",
                  "experience", "suffer", "face", "receive", "get", "lose", "record", "report"}
_CAPWORD = r"(?:[A-Z][A-Za-z'’.-]*|[0-9]+(?:st|nd|rd|th))"
LOCAL_NAME = re.compile(
    r"\b(?:" + _CAPWORD + r"\s){1,3}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Drive|Boulevard|Blvd\.|Lane|Parkway|"
    r"Pike|Highway|Expressway|Freeway|Turnpike|Bridge|Square|Plaza)(?![\w-])"
    # not the start of an organisation's name ("S.C. Highway Patrol"); a compass suffix is still the street's
    r"(?![ ](?!(?:North|South|East|West|Northwest|Northeast|Southwest|Southeast)\b)[A-Z][a-z])"
    # "U.S. 54" is left to the country reading of "U.S." (a national highway, no point of its own)
    r"|\b(?:Highway|Route|Interstate|State Route|Hwy\.?|I-)\s?[0-9]{1,3}\b"
    r"|\b(?P<water>(?:" + _CAPWORD + r"\s){1,2}(?:River|Creek|Lake|Reservoir|Lagoon|Bay)|Lake\s[A-Z][a-z]+)(?![\w-])")
_LISTWORD = r"[A-Z][A-Za-z'’-]*"
_NAME_RUN = _LISTWORD + r"(?:\s" + _LISTWORD + r"){0,2}"
# "Goodwin and Pinevale streets", "Cooke, Grayson and Love counties": every name in the list is one of them
PLURAL_LIST = re.compile(r"\b(?P<names>" + _NAME_RUN + r"(?:,\s" + _NAME_RUN + r")*,?\s(?:and|or|&)\s" + _NAME_RUN +
                         r")\s(?P<what>streets|avenues|roads|drives|boulevards|lanes|counties|parishes)\b")
PLURAL_ADMIN = {"counties": "County", "parishes": "Parish"}
POPULATION_WEIGHT = 0.5  # per tenfold population: the prior a bigger place has over a smaller namesake
MAX_CANDIDATES = 25  # per mention, by prior: a name shared by hundreds of villages keeps its likely ones
GEO_PRECISION = {CITY: 1, ADMIN2: 2, ADMIN1: 3, COUNTRY: 3, CONTINENT: 3, REGION: 3, "water": 3}
FEATURE_PRIOR = {COUNTRY: 4.0, CONTINENT: 4.0, REGION: 5.0, "water": 6.0, "building": 5.0, ADMIN1: 1.6, CITY: 0.0,
                 ADMIN2: -1.0}
NORP_EXTRA = {"european": "Europe", "europeans": "Europe", "african": "Africa", "africans": "Africa",
              "asian": "Asia", "asians": "Asia", "latin american": "Latin America",
              "middle eastern": "Middle East", "arctic": "Arctic", "pacific": "Pacific"}


# ---------------------------------------------------------------------------------------------------------
# data
# ---------------------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def country_words() -> tuple[dict[str, str], dict[str, str]]:
    """(adjective -> ISO2, demonym -> ISO2) from data/countries.tsv, normalised."""
    adjs: dict[str, str] = {}
    dems: dict[str, str] = {}
    for row in gz.read_tsv(gz._data_text("countries.tsv")):
        cc = row.get("iso2")
        if not cc:
            continue
        for a in gz.split_list(row.get("adjectives")):
            adjs.setdefault(normalize(a), cc)
        for d in gz.split_list(row.get("demonyms")):
            dems.setdefault(normalize(d), cc)
    return adjs, dems


@functools.lru_cache(maxsize=1)
def place_words() -> dict[str, tuple[str, str]]:
    """normalised word -> (place name, kind) from data/places/place_words.tsv ("Kurdish" -> Kurdistan)."""
    return {normalize(r["word"]): (r["place"], r.get("kind") or ADJECTIVE)
            for r in gz.read_tsv(gz._data_text("places", "place_words.tsv")) if r.get("word") and r.get("place")}


@functools.lru_cache(maxsize=1)
def not_places() -> frozenset[str]:
    """Words never read as a place on their own (data/places/not_places.txt)."""
    lines = gz._data_text("places", "not_places.txt").splitlines()
    return frozenset(normalize(ln) for ln in lines if ln.strip() and not ln.startswith("#"))


CUE_CAP = 2.0  # at most two towns' worth of votes from the article's style
STYLE_KEY = "\0style"  # the pseudo-name the style votes under (never a mention's own key)


@functools.lru_cache(maxsize=1)
def country_cues() -> tuple[tuple[str, float, re.Pattern], ...]:
    """(ISO2, weight, pattern) from data/places/country_cues.tsv."""
    return tuple((r["country"], float(r["weight"]), re.compile(r["pattern"]))
                 for r in gz.read_tsv(gz._data_text("places", "country_cues.tsv")) if r.get("pattern"))


def style_votes(text: str) -> Counter:
    """Which country the article's writing conventions point to ("Sept. 26", "£40", "lakh"), capped votes."""
    votes: Counter = Counter()
    for cc, weight, pattern in country_cues():
        if pattern.search(text):
            votes[cc] += weight
    return Counter({cc: min(v, CUE_CAP) for cc, v in votes.items()})


@functools.lru_cache(maxsize=1)
def org_words() -> frozenset[str]:
    """Words that make "<place> <word>" an organisation's name, not a person's (data/places/org_words.txt)."""
    lines = gz._data_text("places", "org_words.txt").splitlines()
    return frozenset(ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#"))


@functools.lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names (US Census first-name lists, shipped by the `names` package), lower-cased."""
    from importlib import resources

    out: set[str] = set()
    for f in ("dist.male.first", "dist.female.first"):
        for line in resources.files("names").joinpath(f).read_text().splitlines():
            if line.strip():
                out.add(line.split()[0].lower())
    return frozenset(out)


@functools.lru_cache(maxsize=1)
def admin_abbreviations() -> dict[str, tuple[str, str]]:
    """'Ga.' -> ('US', 'GA'): only read right after "Town," (see data/places/admin_abbreviations.tsv)."""
    out: dict[str, tuple[str, str]] = {}
    for row in gz.read_tsv(gz._data_text("places", "admin_abbreviations.tsv")):
        for ab in gz.split_list(row.get("abbreviations")):
            out[ab] = (row["country"], row["admin1"])
    return out


def ruler_patterns() -> list[dict]:
    """A small set of entity-ruler patterns: the supplement's places and Arabic-article town names ("Al Bab"),
    which the small English model often takes for people."""
    pats: list[dict] = []
    seen: set[tuple[str, str]] = set()

    def add(label: str, text: str) -> None:
        if text and (label, text) not in seen:
            seen.add((label, text))
            pats.append({"label": label, "pattern": text, "id": "place"})

    skip = not_places()
    for row in gz.read_tsv(gz._data_text("gazetteer_supplement.tsv")):
        if row.get("feature") == "building":  # "the Kremlin", "the White House" are the actors' (metonyms)
            continue
        label = "LOC" if row.get("feature") in ("region", "water", "continent") else "GPE"
        for n in [row.get("name", "")] + gz.split_list(row.get("aliases")):
            # acronyms ("BC", "EU") and lone generic words ("Gulf") would hijack dates and group names
            if n and gz.is_latin(n) and not n.lower().startswith("the ") and not _is_acronym(n) and \
                    len(n) > 3 and normalize(n) not in skip and (" " in n or n[0].isupper()):
                add(label, n)
    for name in _article_town_names():
        for v in _article_variants(name):
            add("GPE", v)
    return pats


ARAB_CC = ("SY", "IQ", "LY", "YE", "EG", "LB", "JO", "PS", "SA", "TN", "DZ", "MA", "SD", "AE", "KW", "QA", "BH", "OM")


@functools.lru_cache(maxsize=1)
def _article_town_names() -> tuple[str, ...]:
    g = gz.default_gazetteer()
    con = g._db()
    q = (f"SELECT name FROM entries WHERE feature='city' AND population >= 20000 AND cc IN "
         f"({','.join('?' * len(ARAB_CC))})")
    out = []
    for (name,) in con.execute(q, ARAB_CC):
        ascii_name = gz.unidecode(name).replace("`", "").replace("'", "")
        first = ascii_name.split(" ")[0].split("-")[0].lower()
        if first in ARABIC_ARTICLES and len(ascii_name.split()) <= 3:
            out.append(ascii_name)
    return tuple(sorted(set(out)))


def _article_variants(name: str) -> list[str]:
    """"Al Bab" -> Al Bab, al-Bab, Al-Bab, al Bab, El Bab, el-Bab."""
    parts = re.split(r"[ -]", name, maxsplit=1)
    if len(parts) < 2:
        return [name]
    rest = parts[1]
    art = parts[0].lower()
    arts = {art, "al", "el"} if art in ("al", "el") else {art, "al"}
    out = []
    for a in arts:
        for sep in (" ", "-"):
            out.append(f"{a.capitalize()}{sep}{rest}")
            out.append(f"{a}{sep}{rest}")
    return out


# ---------------------------------------------------------------------------------------------------------
# mentions
# ---------------------------------------------------------------------------------------------------------
@dataclass
class _Mention:
    start: int  # char offsets
    end: int
    i: int  # token offsets
    j: int
    text: str
    source: str  # ner | norp | gaz | abbrev
    cands: tuple[Entry, ...]
    kind: str = LITERAL
    admin_hint: str | None = None
    within: _Mention | None = None  # "Town, State": the state
    precision_floor: int = 0
    unit_hint: str | None = None  # "the Atlantic" (a sea or region), "the Kentucky border" (a state or country)
    phonetic: bool = False
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
        return _name_key(self.text)


# "<X> City Council": the council of the town called X
CITY_BODIES = {"council", "hall", "manager", "commission", "schools", "school", "police", "attorney", "clerk",
               "government", "administrator", "officials", "board", "limits", "park", "center", "centre"}
LEADER_WORDS = {"administration", "administrations", "presidency", "era", "doctrine", "regime", "cabinet"}
# "a Crafton man", "Danbury police": the word after a town's name that says someone is from it
RESIDENT_WORDS = {"man", "woman", "men", "women", "resident", "residents", "native", "teen", "teenager", "boy",
                  "girl", "couple", "family", "families", "youth", "mother", "father", "homeowner", "homeowners",
                  "police", "firefighters", "firefighter", "mayor", "councilman", "councilwoman", "voters",
                  "motorist", "driver", "businessman", "businesswoman", "landlord", "landlords"}
_TOWN_OF = re.compile(r"^(?:the )?(?:city|town|village|township|borough) of ")


@functools.lru_cache(maxsize=20_000)
def _name_key(text: str) -> str:
    """The key a name votes and is voted under: "City of Richmond", "Dublin City" and "Richmond", "Dublin" are
    one name each (they must not vote for one another)."""
    key = _TOWN_OF.sub("", normalize(text))
    return key[:-5] if key.endswith(" city") and len(key) > 5 else key


def _clean_span(doc, i: int, j: int) -> tuple[int, int]:
    """Trim leading "the" and a trailing possessive."""
    while i < j and doc[i].lower_ in ("the", "'s", "’s"):
        i += 1
    while j > i and doc[j - 1].lower_ in ("'s", "’s", "'", "’", ".", ",", "-"):
        j -= 1
    return i, j


def _comma_parts(doc, i: int, j: int) -> list[tuple[int, int]]:
    """"Raqqa, Daesh's" or "Washington, D.C.": the pieces of an entity between commas, cleaned."""
    parts, k0 = [], i
    for k in range(i, j + 1):
        if k == j or doc[k].text == ",":
            a, b = _clean_span(doc, k0, k)
            if a < b:
                parts.append((a, b))
            k0 = k + 1
    return parts


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 0 < len(letters) <= 4 and sum(c.isupper() for c in letters) >= 2


def _is_dateline(doc, m) -> bool:
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


def _is_strong(m) -> bool:
    """A country, a first-level region or a capital among the mention's own-name candidates."""
    return any(e.feature in (COUNTRY, ADMIN1, CONTINENT, REGION) or e.capital for e in m.cands if e.id not in m.alt)


def _is_cap(tok) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


_LEADING_WORDS = {"the", "a", "an", "on", "in", "at", "from", "to", "and", "or", "of", "by", "near"}


def _list_names(match) -> list[tuple[int, int]]:
    """The names of a PLURAL_LIST match, as character spans, without a sentence's opening word ("In Cooke")."""
    out = []
    base = match.start("names")
    for hit in re.finditer(_NAME_RUN, match.group("names")):
        a, b = base + hit.start(), base + hit.end()
        words = hit.group(0).split()
        while len(words) > 1 and words[0].lower() in _LEADING_WORDS:
            a += len(words[0]) + 1
            words = words[1:]
        if words[0].lower() not in _LEADING_WORDS:
            out.append((a, b))
    return out


def _local_spans(text: str) -> list[tuple[int, int, str]]:
    """Streets, roads and waters no gazetteer lists ("Main Street", "Highway 19", "Neches River", "Goodwin and
    Pinevale streets"): (start, end, feature). Found before the gazetteer scan, so that "Lancaster Avenue" is
    not read as the town of Lancaster."""
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for hit in PLURAL_LIST.finditer(text):
        if hit.group("what") in PLURAL_ADMIN:
            continue
        for a, b in _list_names(hit):
            found.append((a, b, "street"))
            taken.append((a, b))
    for hit in LOCAL_NAME.finditer(text):
        a, b = hit.start(), hit.end()
        first = hit.group(0).split()[0]
        if first.lower() in _LEADING_WORDS and len(hit.group(0).split()) > 1:
            a += len(first) + 1
        if not any(x < b and a < y for x, y in taken):
            found.append((a, b, "water" if hit.group("water") else "street"))
            taken.append((a, b))
    return sorted(found)


def _local_places(text: str, local: list[tuple[int, int, str]], resolved: list[PlaceMention]) -> list[PlaceMention]:
    """Streets and waters placed at the nearest town the article names before them (precision 2)."""
    towns = [pm for pm in resolved if pm.kind == LITERAL and pm.place.feature in (CITY, ADMIN2)]
    if not towns:
        return []
    # the article's main town (named most often) anchors them, or a nearer town in the same state or province
    count = Counter((t.place.country, t.place.admin1, t.place.name) for t in towns)
    main = max(towns, key=lambda t: (count[(t.place.country, t.place.admin1, t.place.name)], -t.start)).place
    out = []
    for a, b, feature in local:
        before = [t for t in towns if t.start < a and (t.place.country, t.place.admin1) == (main.country, main.admin1)]
        ap = max(before, key=lambda t: t.start).place if before else main
        name = text[a:b]
        place = Place(name=name, lat=ap.lat, lon=ap.lon, country=ap.country, text=name, geonameid=None,
                      admin1=ap.admin1, precision=2, feature=feature)
        out.append(PlaceMention(place=place, start=a, end=b, kind=LITERAL, score=0.3))
    return out


class Geoparser:
    """Finds, resolves and classifies place references; chooses event locations."""

    def __init__(self, gazetteer: gz.Gazetteer | None = None, language=None, catalogue=None):
        self.gaz = gazetteer or gz.default_gazetteer()
        self.language = language
        self.catalogue = catalogue
        self.adjectives, self.demonyms = country_words()
        self.abbrevs = admin_abbreviations()
        self.place_words = place_words()
        self.not_places = not_places()

    # -- public ------------------------------------------------------------------------------------------
    def parse(self, doc, actor_mentions=None) -> list[PlaceMention]:
        mentions, local = self._find(doc, actor_mentions or [])
        self._resolve(doc, mentions)
        out = []
        for m in mentions:
            if m.chosen is None:
                continue
            out.append(PlaceMention(place=self._place(m), start=m.start, end=m.end, kind=m.kind,
                                    score=_squash(m.margin)))
        out.extend(_local_places(_doc_text(doc), local, out))
        out.sort(key=lambda pm: pm.start)
        return out

    def locate(self, doc, mentions: list[PlaceMention], cand) -> Place | None:
        """The event's location from literal mentions: tied to the trigger, else in the sentence, else the
        article's main place, else the dateline, else the country focus (precision 3)."""
        literal = [m for m in mentions if m.kind == LITERAL]
        s0, s1 = cand.start, cand.end
        in_sent = [m for m in literal if s0 <= m.start and m.end <= s1]
        trig = cand.trigger
        if in_sent:
            best = max(in_sent, key=lambda m: self._tie_score(doc, m, trig))
            return self._narrow_to_main_town(best.place, literal)
        main = self._main_place(literal)
        if main is not None:
            return main
        countries = Counter(m.place.country for m in mentions if m.place.country)
        if countries:
            iso3 = countries.most_common(1)[0][0]
            for m in mentions:
                if m.place.country == iso3 and m.place.feature == COUNTRY:
                    p = _copy_place(m.place)
                    p.precision = 3
                    return p
            cc = next((e.cc for e in self.gaz.countries().values() if e.iso3 == iso3), None)
            e = self.gaz.country(cc) if cc else None
            if e is not None:
                return _entry_place(e, text=None, precision=3)
        return None

    # -- recognition -------------------------------------------------------------------------------------
    def _find(self, doc, actor_mentions) -> tuple[list[_Mention], list[tuple[int, int, str]]]:
        """The article's place mentions, and its streets and waters (placed later, at a town it names)."""
        taken = [False] * len(doc)
        mentions: list[_Mention] = []
        ents = list(doc.ents)
        person_words, person_tokens = self._people(doc, ents)

        def claim(m: _Mention) -> None:
            for k in range(m.i, m.j):
                taken[k] = True
            if m.counties:
                m.cands = m.cands + m.counties
            mentions.append(m)

        local = _local_spans(_doc_text(doc))
        for a, b, _ in local:
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is not None:
                for k in range(span.start, span.end):
                    taken[k] = True
        self._abbreviations(doc, taken, claim)
        self._plural_admins(doc, taken, claim)
        for ent in ents:
            if ent.label_ in PLACE_LABELS:
                for i, j in _comma_parts(doc, ent.start, ent.end):
                    i, j = self._widen(doc, i, j, taken)
                    if any(taken[k] for k in range(i, j)):
                        continue
                    m = self._word_mention(doc, i, j) or self._span_mention(doc, i, j, "ner")
                    if m is not None and self._accept_named(doc, m, person_words, person_tokens):
                        claim(m)
            elif ent.label_ == "NORP":
                i, j = _clean_span(doc, ent.start, ent.end)
                if i < j and any(taken[k] for k in range(i, j)):
                    continue
                m = self._word_mention(doc, i, j) if i < j else None
                if m is not None:
                    claim(m)
        self._scan(doc, taken, claim, person_words, person_tokens, ents)
        mentions = self._drop_actor_names(doc, mentions, actor_mentions)
        self._propagate(doc, mentions, taken, claim, person_tokens)
        self._classify(doc, mentions, actor_mentions)
        # "400 S. Locust St., Lebanon": the name after a street address is its town, not a country
        street_ends = {b for a, b, f in local if f == "street"}
        if street_ends:
            text = _doc_text(doc)
            for m in mentions:
                if m.start - 2 in street_ends and text[m.start - 2:m.start] == ", ":
                    m.unit_hint = "town"
        return sorted(mentions, key=lambda m: m.start), local

    def _widen(self, doc, i: int, j: int, taken) -> tuple[int, int]:
        """The NER's span grown by capitalised neighbours when the longer name is a place: "St. Paris" where the
        model found "Paris", "New London" for "London", "Avondale Estates" for "Avondale"."""
        keys = self.gaz.keys
        for w in (2, 1):
            a = i - w
            if a >= 0 and all(_is_cap(doc[k]) and not taken[k] for k in range(a, i)) and \
                    not any(doc[k].is_sent_start for k in range(a + 1, j)) and normalize(doc[a:j].text) in keys:
                i = a
                break
        for w in (2, 1):
            b = j + w
            if b <= len(doc) and all(_is_cap(doc[k]) and not taken[k] for k in range(j, b)) and \
                    not any(doc[k].is_sent_start for k in range(j, b)) and normalize(doc[i:b].text) in keys:
                j = b
                break
        # a hyphenated name the model cut at the hyphen: "Miami-Dade", "Wilkes-Barre"
        if j + 2 <= len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ \
                and _is_cap(doc[j + 1]) and not taken[j] and not taken[j + 1] and \
                normalize(doc[i:j + 2].text) in keys:
            j += 2
        return i, j

    def _people(self, doc, ents) -> tuple[set[str], set[int]]:
        """Words of people's names, and the tokens of "<given name> <surname>" runs the small model often labels
        ORG or GPE ("Nadia Moayyad", "Casey Enright"): a town sharing a given name is not meant there."""
        words: set[str] = set()
        given = given_names()
        org = org_words()
        keys = self.gaz.keys
        for e in ents:
            if e.label_ == "PERSON" and 1 < len(e) <= 4 and all(
                    _is_cap(t) or t.lower_ in NAME_PARTICLES or t.text in (".", "-") for t in e):
                # "Huntsville Fire Chief", "Sochi Mayor": an office the model took for a person; the town that
                # opens it is no given name and stays a place
                office = e[0].lower_ not in given and normalize(e[0].text) in keys and \
                    (e[1].lower_ in org or e[1].lower_ in PERSON_TITLES or e[1].lower_ in RESIDENT_WORDS)
                words.update(t.lower_ for t in e if t.lower_ not in NAME_PARTICLES and len(t.text) > 1 and
                             not (office and t.i == e.start))
        tokens: set[int] = set()
        n = len(doc)
        for k in range(n - 1):
            tok = doc[k]
            if tok.lower_ not in given or not _is_cap(tok) or (k > 0 and _is_cap(doc[k - 1]) and
                                                              doc[k - 1].lower_.rstrip(".") not in PERSON_TITLES):
                continue
            last = k + 1
            if last + 1 < n and len(doc[last].text) == 2 and doc[last].text.endswith(".") and _is_cap(doc[last + 1]):
                last += 1  # "David L. Lawrence"
            sur = doc[last]
            if not (_is_cap(sur) and sur.text.isalpha() and sur.text[1:].lower() == sur.text[1:]) or \
                    sur.lower_ in org or sur.lower_ in ADMIN_WORDS or normalize(sur.text) in self.gaz.keys:
                continue
            if last + 1 < n and _is_cap(doc[last + 1]) and not doc[last + 1].is_sent_start:
                continue  # a longer name: "Austin Peay State University"
            tokens.update(range(k, last + 1))
            words.add(sur.lower_)
        return words, tokens

    @staticmethod
    def _drop_actor_names(doc, mentions: list[_Mention], actor_mentions) -> list[_Mention]:
        """A name the actor catalogue knows as a group or a person ("Hamas", "Abbas") is not a town that shares
        its spelling, wherever it stands in the article."""
        text = _doc_text(doc)
        spans = {(getattr(a, "start", None), getattr(a, "end", None)) for a in actor_mentions}
        names: set[str] = set()
        for a in actor_mentions:
            if getattr(a, "kind", None) in ("group", "igo", "person"):
                names.add(normalize(text[a.start:a.end]))
                if getattr(a, "person", None):
                    names.add(normalize(a.person))
                    names.add(normalize(a.person.split()[-1]))
        out = []
        for m in mentions:
            if m.source in ("ner", "gaz") and not any(e.feature in (COUNTRY, ADMIN1, REGION, CONTINENT) or e.capital
                                                      for e in m.cands):
                if (m.start, m.end) in spans or normalize(m.text) in names:
                    continue
                # "the Obama administration", "the Bush era": a leader's name, not the town that shares it
                if m.j - m.i == 1 and m.j < len(doc) and doc[m.j].lower_ in LEADER_WORDS:
                    continue
            out.append(m)
        return out

    def _propagate(self, doc, mentions: list[_Mention], taken, claim, person_tokens: set[int]) -> None:
        """One sense per article: other occurrences of a name already read as a place are places too (the
        small model labels a repeated town name inconsistently)."""
        text = _doc_text(doc)
        forms = {}
        for m in mentions:
            if m.source in ("ner", "gaz") and len(m.text) >= 3 and m.text[0].isupper():
                forms.setdefault(m.text, m)
        for form, src in forms.items():
            for hit in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", text):
                span = doc.char_span(hit.start(), hit.end())
                if span is None or any(taken[k] or k in person_tokens for k in range(span.start, span.end)):
                    continue
                if span.start > 0 and _is_cap(doc[span.start - 1]) and not doc[span.start].is_sent_start and \
                        doc[span.start - 1].lower_ not in ("a", "an", "the"):
                    continue  # part of a longer name ("Lake Dublin"), not "A Danbury mason"
                if span.end < len(doc) and (_is_cap(doc[span.end]) and doc[span.end].ent_type_ == "PERSON" or
                                            doc[span.end].lower_ in ADMIN_WORDS):
                    continue  # a person's name, or another unit ("Washington County" is not Washington)
                m = _Mention(span.start_char, span.end_char, span.start, span.end, span.text, "prop", src.cands,
                             phonetic=src.phonetic)
                m.alt = src.alt
                claim(m)

    def _span_mention(self, doc, i: int, j: int, source: str) -> _Mention | None:
        span = doc[i:j]
        text = span.text
        cands, alt, phonetic = self.gaz.match(text)
        if not cands and len(span) > 1 and span[-1].lower_ in ADMIN_WORDS:  # "Idlib province", "Laurel County"
            cands, alt, phonetic = self.gaz.match(doc[i:j - 1].text)
        if not cands:
            return None
        bare = _TOWN_OF.sub("", normalize(text))
        # "San Fernando City" only an alternate name abroad, or "Dublin City Council": the towns called X
        if bare.endswith(" city") and (all(e.id in alt for e in cands) or
                                       j < len(doc) and doc[j].lower_ in CITY_BODIES):
            bare = bare[:-5]
        if bare != normalize(text):  # "City of Richmond": the town, and GeoNames' city-county
            towns, alt2, _ = self.gaz.match(bare)
            cands = cands + tuple(e for e in towns if e.feature == CITY and e not in cands)
            # a town matched by its own name either way is no alternate ("Quebec City" is Québec)
            own = {e.id for e in cands if e.id not in alt} | {e.id for e in towns if e.id not in alt2}
            alt = (alt | alt2) - own
        single = len(span) == 1
        # alternate names of small places ("Julia", "Lincoln" for villages abroad) are noise in English text
        keep = tuple(e for e in cands if e.id not in alt or e.feature in (COUNTRY, ADMIN1, CONTINENT, REGION, "water")
                     or (e.feature == CITY and e.population >= (50000 if single else 2000)))
        # ... but a county's bare name ("Lancaster" for Lancaster County) is kept aside: it is added once the
        # name is accepted as a place, to be chosen on context only
        counties = tuple(e for e in cands if e.id in alt and e.feature == ADMIN2)
        if phonetic:  # a transliteration variant stands for a well-known place, never for a hamlet
            if len(text) < 5 or _is_acronym(text):
                return None
            keep = tuple(e for e in keep if e.population >= 100000 or e.feature in (COUNTRY, ADMIN1, REGION))
        if not keep and counties and source == "ner" and not phonetic:
            keep, counties = counties, ()  # the model says place, and only a county has the name: "Miami-Dade"
        if not keep:
            return None
        m = _Mention(span.start_char, span.end_char, i, j, text, source, keep, phonetic=phonetic)
        m.alt = alt
        m.counties = () if phonetic else counties
        return m

    def _word_mention(self, doc, i: int, j: int) -> _Mention | None:
        """Country adjectives and demonyms ("Turkish", "Nigerians") and other place words ("Kurdish")."""
        span = doc[i:j]
        key = normalize(span.text)
        if not key:
            return None
        cc, kind = self.adjectives.get(key), ADJECTIVE
        if cc is None:
            cc, kind = self.demonyms.get(key), DEMONYM
        if cc is not None:
            e = self.gaz.country(cc)
            return _Mention(span.start_char, span.end_char, i, j, span.text, "norp", (e,), kind=kind) if e else None
        word = self.place_words.get(key)
        if word is not None:
            cands = tuple(e for e in self.gaz.lookup(normalize(word[0])) if e.feature != CITY or
                          e.population >= 100000)
            if cands:
                return _Mention(span.start_char, span.end_char, i, j, span.text, "norp", cands, kind=word[1])
        return None

    def _accept_named(self, doc, m: _Mention, person_words: set[str], person_tokens: set[int]) -> bool:
        """A span the NER calls a place: keep it unless it is a person's name or a generic word."""
        span = doc[m.i:m.j]
        key = normalize(m.text)
        if m.source == "norp":
            return True
        if key in self.not_places and not _names_the_sea(doc, m):
            return False
        if len(span) == 1:
            tok = span[0]
            if (tok.lower_ in person_words or m.i in person_tokens) and not _is_strong(m):
                return False
            if _is_acronym(tok.text) and not any(e.feature in (COUNTRY, ADMIN1, REGION, CONTINENT) and e.id not in
                                                  m.alt for e in m.cands):
                return False
        return True

    def _scan(self, doc, taken, claim, person_words, person_tokens, ents) -> None:
        """Gazetteer-driven matching of capitalised word runs the NER did not label as places."""
        n = len(doc)
        maxw = min(6, self.gaz.max_words)
        keys = self.gaz.keys
        text = _doc_text(doc)
        arr = doc.to_array([IDX, LENGTH, ENT_TYPE, ENT_IOB, SENT_START, LOWER]).tolist()  # no Token objects
        strings = doc.vocab.strings
        start = [r[0] for r in arr]
        end = [r[0] + r[1] for r in arr]
        cap = [text[a].isupper() and any(c.isalpha() for c in text[a:b]) for a, b in zip(start, end)]
        ent_ids = {r[2] for r in arr}
        ent_names = {h: (strings[h] if h else "") for h in ent_ids}
        ent = [ent_names[r[2]] for r in arr]
        iob = ["" if r[3] == 0 else "IOB"[r[3] - 1] if r[3] <= 3 else "" for r in arr]
        sent0 = [r[4] == 1 for r in arr]
        lower_ids = [r[5] for r in arr]
        low_cache: dict[int, str] = {}
        low = [low_cache.setdefault(h, strings[h]) if h not in low_cache else low_cache[h] for h in lower_ids]
        common = {low[k] for k in range(n) if not cap[k]}
        ok = [cap[k] or low[k] in CONNECTORS for k in range(n)]
        i = 0
        while i < n:
            if taken[i] or not cap[i] or (ent[i] in NON_PLACE_LABELS and not (
                    ent[i] == "MONEY" and low[i] in self.adjectives)):  # "US dollars" names a country
                i += 1
                continue
            hit = None
            for w in range(min(maxw, n - i), 0, -1):
                j = i + w
                if not cap[j - 1] or not all(ok[i:j]) or any(taken[i:j]) or any(sent0[i + 1:j]):
                    continue
                key = normalize(text[start[i]:end[j - 1]])
                if key in keys or key in self.adjectives or key in self.demonyms or key in self.place_words:
                    hit = j
                    break
                # a transliteration variant ("Rakka") is tried only for a whole entity the NER found
                if iob[i] == "B" and (j == n or iob[j] != "I") and ent[i] in ("ORG", "GPE", "LOC", "FAC") and \
                        gz.phonetic_key(text[start[i]:end[j - 1]]) in self.gaz.phonetic_keys:
                    hit = j
                    break
            if hit is None:
                i += 1
                continue
            m = self._word_mention(doc, i, hit)
            if m is not None:
                claim(m)
                i = hit
                continue
            m = self._span_mention(doc, i, hit, "gaz")
            if m is not None and self._accept_scanned(doc, m, person_words, person_tokens, common, ents, taken):
                claim(m)
                i = hit
            elif m is not None and hit - i > 1:
                i = hit  # a longer name turned down ("Great Bend" in an ORG): not "Bend" inside it either
            else:
                i += 1

    def _accept_scanned(self, doc, m: _Mention, person_words: set[str], person_tokens: set[int], common: set[str],
                        ents, taken) -> bool:
        span = doc[m.i:m.j]
        first = span[0]
        key = normalize(m.text)
        if key in self.not_places and not _names_the_sea(doc, m):
            return False
        primary = [e for e in m.cands if e.id not in m.alt or e.feature in (COUNTRY, ADMIN1, CONTINENT, REGION)
                   or e.population >= (300000 if len(span) == 1 else 100000)]
        best = max(primary or m.cands, key=_prior)
        # "McMinn County", "DeSoto Parish": an admin unit named with its admin word, even inside "... Sheriff"
        named_admin = len(span) > 1 and span[-1].lower_ in ADMIN_WORDS and best.feature in (ADMIN1, ADMIN2)
        strong = bool(primary) and (best.feature in (COUNTRY, ADMIN1, CONTINENT, REGION, "water") or best.capital
                                    or named_admin)
        pop = max(c.population for c in (primary or m.cands))
        prev = doc[m.i - 1] if m.i > 0 else None
        after_prep = prev is not None and prev.lower_ in LOCATIVE_PREPS
        ent = first.ent_type_
        if self._has_container(doc, m):
            return bool(primary)  # "Greer, South Carolina", "Athens, Ga.": even where the model saw a person
        if len(span) == 1 and (first.lower_ in person_words or _is_acronym(first.text) and not strong):
            return False
        if m.i in person_tokens and not strong:
            return False
        if _is_dateline(doc, m):
            return pop >= 10000 or strong
        town = pop >= 1000 and any(e.feature == CITY and e.id not in m.alt for e in m.cands)
        # "Decatur and Avondale Estates", "Decatur, Avondale Estates": a place's conjunct is a place
        if town and prev is not None and prev.lower_ in ("and", "or", ",", "&") and m.i >= 2 and taken[m.i - 2]:
            return True
        nxt = doc[m.j] if m.j < len(doc) else None
        inside = prev is not None and _is_cap(prev) and not first.is_sent_start and \
            prev.lower_ not in ("a", "an", "the")  # "Meadow Grove man" is not a man of Grove
        if town and nxt is not None and nxt.lower_ in RESIDENT_WORDS and not inside:
            return True  # "a Crafton man", "Berea police": someone of the town
        if ent == "PERSON":
            art = first.lower_ in ARABIC_ARTICLES or first.lower_.split("-")[0] in ARABIC_ARTICLES
            titled = prev is not None and (prev.lower_.rstrip(".") in PERSON_TITLES or prev.ent_type_ == "PERSON")
            alone = not titled  # "Sochi Mayor Race", "Tamil Nadu on Saturday" (the model's people)
            return (art and pop >= 1000) or (after_prep and prev.lower_ in STRONG_PREPS and pop >= 5000) or \
                (alone and bool(primary) and (strong or pop >= 100000))
        if ent in ("ORG", "FAC", "NORP", "LOC", "GPE", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"):
            # a place inside a name: "New York Times", "Aleppo Governorate Council"; the whole name is a
            # place the model mislabelled ("Residents of Manbij" as PRODUCT) when the context says so
            ent_span = next((e for e in ents if e.start <= m.i < e.end), None)
            whole = ent_span is not None and _clean_span(doc, ent_span.start, ent_span.end) == (m.i, m.j)
            if whole:
                return strong or (bool(primary) and pop >= 100000) or (after_prep and pop >= 5000)
            if ent not in ("ORG", "FAC", "NORP", "LOC", "GPE"):
                return False
            # a town opening an organisation's name: "Watertown-Mayer Lutheran", "Alexandria City Schools"
            opens = ent_span is not None and ent_span.start == m.i
            return strong or (bool(primary) and pop >= (10000 if opens else 50000))
        if not primary:
            return False
        if len(span) == 1:
            if first.is_stop or first.tag_ not in ("NNP", "NNPS") or len(first.text) < 3:
                return False
            if first.lower_ in common:
                return False  # the word is also used as a common word here
            if first.is_sent_start and not after_prep:
                return strong and pop >= 100000
        if strong:
            return True
        if after_prep and prev.lower_ in STRONG_PREPS:
            return pop >= 1000
        if after_prep:
            return pop >= 20000
        return pop >= 200000 or (len(span) > 1 and pop >= 20000)

    def _has_container(self, doc, m: _Mention) -> bool:
        """True when the name is followed by ", <its state or country>" ("Greer, South Carolina")."""
        if m.j + 1 >= len(doc) or doc[m.j].text != ",":
            return False
        for w in (3, 2, 1):
            if m.j + 1 + w > len(doc):
                continue
            nxt = doc[m.j + 1:m.j + 1 + w]
            ab = self.abbrevs.get(nxt.text)
            outer = (self.gaz.admin1(*ab),) if ab else self.gaz.lookup(normalize(nxt.text))
            for o in outer:
                if o is None or o.feature not in (ADMIN1, COUNTRY):
                    continue
                if any(e.cc == o.cc and (o.feature == COUNTRY or e.admin1 == o.admin1) for e in m.cands):
                    return True
        return False

    def _abbreviations(self, doc, taken, claim) -> None:
        """"Athens, Ga.": a state abbreviation right after a capitalised word and a comma."""
        comma = doc.vocab.strings.add(",")
        orth = doc.to_array([ORTH]).tolist()
        dotted = {doc.vocab.strings.add(a): a for a in self.abbrevs if a.count(".") >= 2}
        for k, h in enumerate(orth):  # "S.C.", "D.C.", "N.Y.": unambiguous wherever they stand
            if h not in dotted or taken[k]:
                continue
            e = self.gaz.admin1(*self.abbrevs[dotted[h]])
            if e is not None:
                t = doc[k]
                # a party label ("Rep. Earl Pomeroy, D-N.D.") names the member's state: associative
                party = k > 0 and doc[k - 1].text.endswith("-")
                claim(_Mention(t.idx, t.idx + len(t.text), k, k + 1, t.text, "party" if party else "abbrev", (e,),
                               kind=ADJECTIVE if party else LITERAL))
        for k in (k for k in range(1, len(doc) - 1) if orth[k] == comma):
            if not _is_cap(doc[k - 1]):
                continue
            for w in (3, 2, 1):  # "W. Va." spans tokens
                if k + 1 + w > len(doc) or any(taken[x] for x in range(k + 1, k + 1 + w)):
                    continue
                span = doc[k + 1:k + 1 + w]
                ab = self.abbrevs.get(span.text) or self.abbrevs.get(span.text.replace(" ", ""))
                if ab and (not span.text.isupper() or len(span.text) == 2 or "." in span.text):
                    e = self.gaz.admin1(*ab)
                    if e is not None:
                        claim(_Mention(span.start_char, span.end_char, k + 1, k + 1 + w, span.text, "abbrev", (e,)))
                        break

    def _plural_admins(self, doc, taken, claim) -> None:
        """"Cooke, Grayson and Love counties": each name of the list is a county."""
        for hit in PLURAL_LIST.finditer(_doc_text(doc)):
            word = PLURAL_ADMIN.get(hit.group("what"))
            if word is None:
                continue
            for a, b in _list_names(hit):
                span = doc.char_span(a, b)
                if span is None or any(taken[k] for k in range(span.start, span.end)):
                    continue
                cands, alt, _ = self.gaz.match(f"{span.text} {word}")
                cands = tuple(e for e in cands if e.feature == ADMIN2)
                if cands:
                    m = _Mention(a, b, span.start, span.end, span.text, "gaz", cands, admin_hint=ADMIN2)
                    m.alt = alt
                    claim(m)

    # -- how each mention is used ---------------------------------------------------------------------------
    def _classify(self, doc, mentions: list[_Mention], actor_mentions) -> None:
        by_start = {m.i: m for m in mentions}
        actor_spans = [(getattr(a, "start", None), getattr(a, "end", None)) for a in actor_mentions]
        for m in mentions:
            span = doc[m.i:m.j]
            nxt = doc[m.j] if m.j < len(doc) else None
            # "Town, State": the state contains the town
            if nxt is not None and nxt.text == "," and m.j + 1 in by_start:
                m.within = outer = by_start[m.j + 1]
                # the readings of the outer name that hold one of the town's: "TBILISI, Georgia" the country,
                # "Rochester, New York" the state
                holders = {o.id for o in outer.cands if o.feature in (COUNTRY, ADMIN1) and any(
                    e.cc == o.cc and (o.feature == COUNTRY or e.admin1 == o.admin1) for e in m.cands if e is not o)}
                outer.holds |= holders
                if outer.admin_hint is None and any(o.id in holders and o.feature == ADMIN1 for o in outer.cands):
                    outer.admin_hint = ADMIN1
            # "Aleppo province", "Laurel County"
            last = span[-1].lower_
            if last in ADMIN_WORDS:
                m.admin_hint = ADMIN_WORDS[last]
            elif nxt is not None and nxt.lower_ in ADMIN_WORDS:
                m.admin_hint = ADMIN_WORDS[nxt.lower_]
            m.dateline = _is_dateline(doc, m)
            m.unit_hint = _unit_hint(doc, m)
            if m.source == "party":
                continue
            if m.source == "norp":
                root = span.root
                if m.kind == ADJECTIVE and root.tag_ in ("NNS", "NNPS") and root.dep_ not in ("amod", "compound"):
                    m.kind = DEMONYM
                continue
            m.kind = self._kind(doc, m, span)
            if m.kind == LITERAL:
                m.precision_floor = self._relative_precision(doc, m)
            # a place inside an actor's name ("Aleppo Governorate Council") describes the actor
            for s, e in actor_spans:
                if s is not None and s <= m.start and m.end <= e and (e - s) > (m.end - m.start) and \
                        m.kind == LITERAL:
                    m.kind = ADJECTIVE

    def _kind(self, doc, m: _Mention, span) -> str:
        root = span.root
        nxt = doc[m.j] if m.j < len(doc) else None
        if nxt is not None and nxt.text in ("-", "–") and m.j + 1 < len(doc) and doc[m.j + 1].lower_ in (
                "based", "born", "led", "backed", "made", "bound", "listed", "owned", "run", "funded", "style"):
            return ADJECTIVE
        if m.within is None and nxt is not None and nxt.text == "," and root.dep_ != "compound":
            pass
        if m.j < len(doc) and root.dep_ in ("compound", "amod", "nmod") and root.head.i >= m.j and \
                root.head.pos_ in ("NOUN", "PROPN") and root.head.ent_type_ not in ("GPE", "LOC"):
            head = root.head
            if head.lower_ in ADMIN_WORDS or head.lower_ in ("city", "town", "village", "area", "border",
                                                            "region", "airport", "countryside", "suburbs"):
                return LITERAL
            return ADJECTIVE
        if root.dep_ == "poss":
            return METONYM if m.cands and max(m.cands, key=_prior).feature in (COUNTRY, CITY, ADMIN1) else ADJECTIVE
        if root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX") and root.head.lemma_ not in LOCATIVE_VERBS:
            return METONYM
        return LITERAL

    def _relative_precision(self, doc, m: _Mention) -> int:
        """"northern Syria", "the outskirts of X", "30 km from X", "northeast of X": not the point itself."""
        window = doc[max(0, m.i - 5):m.i]
        words = {t.lower_ for t in window}
        if m.i > 0 and doc[m.i - 1].lower_ in DIRECTION_WORDS:
            return 3 if m.cands and max(m.cands, key=_prior).feature != CITY else 2
        if words & NEAR_WORDS:
            return 2
        return 0

    # -- resolution ----------------------------------------------------------------------------------------
    def _resolve(self, doc, mentions: list[_Mention]) -> None:
        for m in mentions:
            self._score(m, None)
        contained = _containment_support(mentions)
        style = style_votes(_doc_text(doc))
        for _ in range(2):
            ctx = _Context.of(mentions, style)
            ctx.spatial = _spatial_support(mentions)
            for k, v in contained.items():
                ctx.spatial[k] = ctx.spatial.get(k, 0.0) + v
            for m in mentions:
                self._score(m, ctx)
        _one_sense(mentions)

    def _score(self, m: _Mention, ctx: _Context | None) -> None:
        scored = []
        key = m.key
        cands = m.cands if len(m.cands) <= MAX_CANDIDATES else \
            sorted(m.cands, key=lambda c: -(_prior(c) - (1.5 if c.id in m.alt else 0.0)))[:MAX_CANDIDATES]
        dominant = _dominant(cands, m.alt)
        for e in cands:
            s = _prior(e)
            if m.phonetic:
                s -= 0.5
            if e.id in m.alt:
                s -= 1.5
            if m.admin_hint:
                s += 3.0 if e.feature == m.admin_hint else (1.0 if e.feature in (ADMIN1, ADMIN2) else -1.0)
            if m.holds:
                s += CONTAINER_BONUS if e.id in m.holds else 0.0
            if m.within is not None and m.within.chosen is not None:
                w = m.within.chosen
                if w.feature == COUNTRY and e.cc == w.cc:
                    s += 4.0
                elif w.feature == ADMIN1 and e.cc == w.cc and e.admin1 == w.admin1:
                    s += 5.0
            if m.kind in (ADJECTIVE, METONYM) and e.feature in (COUNTRY, ADMIN1) and m.source != "norp":
                s += 0.5
            if m.unit_hint and e.feature in UNIT_FEATURES[m.unit_hint]:
                s += UNIT_HINT_BONUS[m.unit_hint]
            if dominant is not None and e is dominant:
                s += DOMINANCE_BONUS
            if ctx is not None:
                s += ctx.bonus(e, key)
            scored.append((s, e))
        scored.sort(key=lambda x: -x[0])
        m.scores = {e.id: sc for sc, e in scored[:SPATIAL_CANDIDATES]}
        best_s, best = scored[0]
        best = self._prefer_town(m, best, scored)
        m.chosen, m.score = best, best_s
        m.margin = best_s - scored[1][0] if len(scored) > 1 else 5.0

    @staticmethod
    def _prefer_town(m: _Mention, best: Entry, scored) -> Entry:
        """"Aleppo" is the city, not the governorate of the same name, unless the text says "province";
        "Washington" is the capital, not the state."""
        if best.feature not in (ADMIN1, ADMIN2) or m.admin_hint or m.unit_hint == "border":
            return best
        for s, e in scored:
            if e.feature != CITY or e.cc != best.cc or (e.id in m.alt and e.population < 100000):
                continue
            if e.capital:
                return e
            if (best.feature == ADMIN2 or e.admin1 == best.admin1) and e.population >= 0.1 * max(best.population, 1):
                return e
        return best

    def _place(self, m: _Mention) -> Place:
        e = m.chosen
        assert e is not None
        prec = GEO_PRECISION.get(e.feature, 1)
        if m.kind == LITERAL and m.precision_floor:
            prec = max(prec, m.precision_floor)
        return _entry_place(e, text=m.text, precision=prec, admin1_name=self._admin1_name(e))

    def _admin1_name(self, e: Entry) -> str | None:
        if e.feature == ADMIN1:
            return e.name
        if e.admin1_name:
            return e.admin1_name
        if e.cc and e.admin1:
            a = self.gaz.admin1(e.cc, e.admin1)
            return a.name if a else None
        return None

    # -- event location helpers -----------------------------------------------------------------------
    @staticmethod
    def _tie_score(doc, m: PlaceMention, trig) -> float:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        s = 0.0
        if span is not None:
            root = span.root
            head = root.head
            if head.dep_ == "prep" and head.lower_ in LOCATIVE_PREPS:
                s += 1.0
                anc = head.head
                if anc == trig or anc in trig.children or trig in anc.children or anc.head == trig:
                    s += 3.0
            dist = abs(root.i - trig.i)
            s -= min(dist, 40) / 40.0
        s += {CITY: 1.5, ADMIN2: 1.0, ADMIN1: 0.5}.get(m.place.feature or "", 0.0)
        return s

    def _narrow_to_main_town(self, place: Place, literal: list[PlaceMention]) -> Place:
        """"clashes in northern Syria" in an article about Al Bab: the most specific place the report supports
        is the article's main town inside that country or region (ACLED precision 2), not the region's centre."""
        if place.feature not in (COUNTRY, ADMIN1):
            return _copy_place(place)
        main = self._main_place(literal)
        if main is None or main.feature not in (CITY, ADMIN2) or main.country != place.country:
            return _copy_place(place)
        if place.feature == ADMIN1 and place.admin1 and main.admin1 and place.admin1 != main.admin1:
            return _copy_place(place)
        narrowed = _copy_place(main)
        narrowed.text = place.text
        narrowed.precision = max(2, main.precision)
        return narrowed

    @staticmethod
    def _main_place(literal: list[PlaceMention]) -> Place | None:
        if not literal:
            return None
        body = [m for m in literal if not (m.start < 60 and (m.place.text or "").isupper())]
        pool = body or literal
        counts = Counter((m.place.name, m.place.lat, m.place.lon) for m in pool)
        spec = {CITY: 3, ADMIN2: 2, ADMIN1: 1}

        def rank(m: PlaceMention):
            return (spec.get(m.place.feature or "", 0), counts[(m.place.name, m.place.lat, m.place.lon)], -m.start)

        best = max(pool, key=rank)
        p = _copy_place(best.place)
        if not body:  # only the dateline: where the article was filed, a weak guess
            p.precision = max(p.precision, 2)
        return p


@dataclass
class _Context:
    """What the rest of the article says: its countries, regions and resolved points."""

    countries: dict[str, Counter]  # name key -> country weights of the mentions with that name
    admins: dict[str, Counter]
    points: list[tuple[str, float, float, float]]  # (name key, lat, lon, weight)
    spatial: dict | None = None
    all_countries: Counter = field(default_factory=Counter)
    all_admins: Counter = field(default_factory=Counter)
    total: float = 0.0

    @classmethod
    def of(cls, mentions: list[_Mention], style: Counter | None = None) -> _Context:
        countries: dict[str, Counter] = defaultdict(Counter)
        admins: dict[str, Counter] = defaultdict(Counter)
        points: dict[tuple, float] = {}
        seen: Counter = Counter()
        for m in mentions:
            if m.chosen is None:
                continue
            key = m.key
            seen[key] += 1
            # repeated mentions of one name count less: the focus should come from many different places
            w = (0.5 if m.dateline else 1.0) / seen[key]
            # soft votes: every likely reading votes with its probability, so that two names that could each be
            # read two ways settle on the coherent pair instead of swapping readings from one round to the next
            for e, p in _readings(m):
                # a state or country the article names outright says more than a town that might be elsewhere
                explicit = 3.0 if e.feature in (ADMIN1, COUNTRY) and m.kind == LITERAL else 1.0
                v = w * p * explicit
                if e.cc:
                    countries[key][e.cc] += v
                if e.admin1 and e.feature in (ADMIN1, ADMIN2, CITY):
                    admins[key][(e.cc, e.admin1)] += v
                if e.feature in (CITY, ADMIN2, ADMIN1):
                    points[(key, round(e.lat, 2), round(e.lon, 2))] = w * p
        if style and countries:  # the article's style votes like one more name (only where it names places)
            countries[STYLE_KEY] = Counter(style)
        ctx = cls(countries, admins, [(k, la, lo, w) for (k, la, lo), w in points.items()])
        ctx.all_countries = sum(countries.values(), Counter())
        ctx.all_admins = sum(admins.values(), Counter())
        ctx.total = sum(ctx.all_countries.values())
        return ctx

    def bonus(self, e: Entry, key: str) -> float:
        """Leave-one-out: the article's other names vote for the country, region and neighbourhood."""
        own = self.countries.get(key)
        total = self.total - (sum(own.values()) if own else 0.0)
        if total <= 1e-9:
            return 0.0
        s = 0.0
        if e.cc:
            s += COUNTRY_FOCUS * (self.all_countries.get(e.cc, 0.0) - (own.get(e.cc, 0.0) if own else 0.0)) / total
        if e.admin1:
            own_a = self.admins.get(key)
            k = (e.cc, e.admin1)
            s += ADMIN_FOCUS * (self.all_admins.get(k, 0.0) - (own_a.get(k, 0.0) if own_a else 0.0)) / total
        if self.spatial is not None:
            s += self.spatial.get((key, e.id), 0.0)
        elif e.feature in (CITY, ADMIN2, ADMIN1) and self.points:
            near = min((gz.km(e.lat, e.lon, la, lo) for k2, la, lo, _ in self.points if k2 != key), default=1e9)
            s += 1.5 if near <= 50 else 1.0 if near <= 150 else 0.5 if near <= 400 else 0.0
        return s


COUNTRY_FOCUS = 5.0  # the most a reading gains from the article's other names all lying in its country
ADMIN_FOCUS = 3.0  # ... in its state or province
SPATIAL_CANDIDATES = 8
SPATIAL_WEIGHT = 3.0
SPATIAL_FEATURES = (CITY, ADMIN2, ADMIN1)
SPATIAL_BANDS = ((50, 1.5), (150, 1.0), (400, 0.5))  # (km, closeness): neighbours within 50 km count most


def _spatial_support(mentions: list[_Mention]) -> dict[tuple[str, int], float]:
    """For every candidate of every name, how well it sits with the other names' likely candidates: the mean,
    over the article's other names, of the best closeness to one of their candidates, weighted by how likely
    that candidate is. Joint, so two small neighbouring towns can outvote two distant big ones."""
    import numpy as np

    rows: list[tuple[str, Entry, float]] = []
    done: set[str] = set()
    for m in mentions:
        key = m.key
        if key in done or not m.scores:
            continue
        done.add(key)
        cands = [e for e in m.cands if e.id in m.scores]
        if not cands:
            continue
        sc = np.array([m.scores[e.id] for e in cands])
        prob = np.exp(sc - sc.max())
        prob /= prob.sum()
        rows.extend((key, e, float(p)) for e, p in zip(cands, prob) if e.feature in SPATIAL_FEATURES)
    names = sorted({r[0] for r in rows})
    if len(names) < 2:
        return {}
    lat = np.radians([r[1].lat for r in rows])
    lon = np.radians([r[1].lon for r in rows])
    prob = np.array([r[2] for r in rows])
    dlat = lat[:, None] - lat[None, :]
    dlon = lon[:, None] - lon[None, :]
    a = np.sin(dlat / 2) ** 2 + np.cos(lat)[:, None] * np.cos(lat)[None, :] * np.sin(dlon / 2) ** 2
    dist = 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(a, 0, 1)))
    (d1, w1), (d2, w2), (d3, w3) = SPATIAL_BANDS
    close = np.where(dist <= d1, w1, np.where(dist <= d2, w2, np.where(dist <= d3, w3, 0.0))) * prob[None, :]
    idx = np.array([names.index(r[0]) for r in rows])
    per_name = np.stack([np.where(idx == g, close, 0.0).max(axis=1) for g in range(len(names))], axis=1)
    own = np.zeros_like(per_name, dtype=bool)
    own[np.arange(len(rows)), idx] = True
    support = np.where(own, 0.0, per_name).sum(axis=1) / (len(names) - 1)
    return {(r[0], r[1].id): SPATIAL_WEIGHT * float(v) for r, v in zip(rows, support)}


CONTAINMENT_WEIGHT = 2.5
CONTAINER_BONUS = 4.0  # "Town, X": X read as a state or country that holds a town of that name
UNIT_HINT_BONUS = {"the": 3.0, "border": 3.0, "town": 6.0}  # an address names a town, whatever its namesakes
UNIT_FEATURES = {"the": (REGION, "water", CONTINENT), "border": (COUNTRY, ADMIN1), "town": (CITY,)}
DOMINANCE_RATIO = 100.0  # a town this many times bigger than every namesake ("Toronto", "Manchester") ...
DOMINANCE_BONUS = 3.0  # ... is the one meant unless the article says otherwise


def _dominant(cands, alt) -> Entry | None:
    """The town that dwarfs every other town of its name, if there is one."""
    towns = sorted((e for e in cands if e.feature == CITY and e.id not in alt), key=lambda e: -e.population)
    if len(towns) < 2 or towns[0].population < DOMINANCE_RATIO * max(towns[1].population, 1):
        return None
    return towns[0]


def _containment_support(mentions: list[_Mention]) -> dict[tuple[str, int], float]:
    """A town and the county around it named in one article ("Richmond ... Madison County") support each other,
    whatever their populations: two ambiguous names rarely agree on one small place by chance."""
    first: dict[str, _Mention] = {}
    for m in mentions:
        first.setdefault(m.key, m)
    towns: dict[str, set] = defaultdict(set)  # name key -> (cc, admin1, admin2) of its town candidates
    counties: dict[str, set] = defaultdict(set)
    for key, m in first.items():
        for e in m.cands:
            if e.admin2 and e.id not in m.alt:
                if e.feature == CITY:
                    towns[key].add((e.cc, e.admin1, e.admin2))
                elif e.feature == ADMIN2:
                    counties[key].add((e.cc, e.admin1, e.admin2))
    if not towns or not counties:
        return {}
    out: dict[tuple[str, int], float] = {}
    for key, m in first.items():
        for e in m.cands:
            if not e.admin2 or e.id in m.alt or e.feature not in (CITY, ADMIN2):
                continue
            k = (e.cc, e.admin1, e.admin2)
            other = counties if e.feature == CITY else towns
            if any(k in v for name, v in other.items() if name != key):
                out[(key, e.id)] = CONTAINMENT_WEIGHT
    return out


def _names_the_sea(doc, m: _Mention) -> bool:
    """"the Gulf": a generic word after "the" that names a sea or region ("a gulf" does not)."""
    return m.i > 0 and doc[m.i - 1].lower_ == "the" and \
        any(e.feature in ("water", REGION) and e.id not in m.alt for e in m.cands)


BORDER_WORDS = {"border", "borders", "state-line", "frontier"}
# words that may stand between "the" and a sea or region: "the tropical Atlantic", "the wider Gulf"
THE_MODIFIERS = DIRECTION_WORDS | {"tropical", "north", "south", "east", "west", "equatorial", "wider", "greater",
                                   "whole", "entire"}


def _unit_hint(doc, m: _Mention) -> str | None:
    """"the (tropical) Atlantic" names a sea or a region, not a town; "the Kentucky border" and "the Georgia
    state line" a state or a country."""
    nxt = doc[m.j] if m.j < len(doc) else None
    if nxt is not None and (nxt.lower_ in BORDER_WORDS or
                            nxt.lower_ == "state" and m.j + 1 < len(doc) and doc[m.j + 1].lower_ == "line"):
        return "border"
    k = m.i - 1
    if k >= 0 and doc[k].lower_ in THE_MODIFIERS:
        k -= 1
    if k >= 0 and doc[k].lower_ == "the" and doc[m.i].lower_ != "the":
        return "the"
    return None


def _doc_text(doc) -> str:
    """The document's text, built once: spaCy joins every token anew at each `doc.text`."""
    text = doc.user_data.get("eventwire.text")
    if text is None:
        text = doc.user_data["eventwire.text"] = doc.text
    return text


def _one_sense(mentions: list[_Mention]) -> None:
    """One sense per article: the mentions of one name agree on one reading, the one their scores favour
    together ("TBILISI, Georgia" settles every "Georgia"; "Paris, Texas" every later "Paris"). A mention that
    says which unit it is ("Washington state", "Aleppo province") keeps its own."""
    groups: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        if m.chosen is not None and m.scores and not m.admin_hint and m.source != "norp":
            groups[m.key].append(m)
    for group in groups.values():
        if len({m.chosen.id for m in group}) < 2:
            continue
        total: Counter = Counter()
        for m in group:
            floor = min(m.scores.values())
            for e in m.cands:
                total[e.id] += m.scores.get(e.id, floor)
        ranked = total.most_common(2)
        best_id = ranked[0][0]
        margin = (ranked[0][1] - ranked[1][1]) / len(group) if len(ranked) > 1 else 5.0
        for m in group:
            e = next((c for c in m.cands if c.id == best_id), None)
            if e is not None and e.id != m.chosen.id:
                m.chosen, m.margin = e, margin


def _readings(m: _Mention, floor: float = 0.02) -> list[tuple[Entry, float]]:
    """The mention's likely candidates with their probabilities (a softmax over the last scores)."""
    if not m.scores:
        return [(m.chosen, 1.0)] if m.chosen is not None else []
    top = max(m.scores.values())
    weights = {i: math.exp(s - top) for i, s in m.scores.items()}
    total = sum(weights.values())
    by_id = {e.id: e for e in m.cands}
    return [(by_id[i], w / total) for i, w in weights.items() if w / total >= floor and i in by_id]


def _prior(e: Entry) -> float:
    return POPULATION_WEIGHT * math.log10(e.population + 1) + FEATURE_PRIOR.get(e.feature, 0.0) + \
        (2.0 if e.capital else 0.0)


def _squash(margin: float) -> float:
    return 1.0 / (1.0 + math.exp(-margin))


def _entry_place(e: Entry, text: str | None, precision: int, admin1_name: str | None = None) -> Place:
    return Place(name=e.name, lat=round(e.lat, 5), lon=round(e.lon, 5), country=e.iso3, text=text,
                 geonameid=e.geonameid, admin1=admin1_name or (e.name if e.feature == ADMIN1 else e.admin1_name),
                 precision=precision, feature=e.feature)


def _copy_place(p: Place) -> Place:
    return Place(**p.to_dict())


@functools.lru_cache(maxsize=1)
def default_geoparser() -> Geoparser:
    """The shared geoparser (loads the gazetteer index once, building it on first use)."""
    return Geoparser()


def geoparser_ruler_patterns(geoparser: Geoparser) -> list[dict]:
    """The entity-ruler patterns the geoparser adds to the language pipeline."""
    return ruler_patterns()
