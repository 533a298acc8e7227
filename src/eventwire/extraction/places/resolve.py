"""Resolution: which gazetteer candidate each mention means. Every candidate is scored on its prior (feature
class, population, capital), the mention's own hints ("Aleppo province", "Paris, Texas", "the Atlantic"), and
what the rest of the article says: its country and region focus, how close the candidate lies to the other
names' likely readings, towns and the counties around them, and the article's writing style. Two rounds, then
one sense per name."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from eventwire.geo.distance import haversine_km, haversine_matrix_km
from eventwire.geo.gazetteer import ADMIN1, ADMIN2, CITY, CONTINENT, COUNTRY, REGION, Entry

from .contain import hold_within
from .mention import ADJECTIVE, LITERAL, METONYM, Mention, doc_text
from .words import PlaceWords, has_arabic_article

POPULATION_WEIGHT = 0.5  # per tenfold population: the prior a bigger place has over a smaller namesake
MAX_CANDIDATES = 25  # per mention, by prior: a name shared by hundreds of villages keeps its likely ones
FEATURE_PRIOR = {COUNTRY: 4.0, CONTINENT: 4.0, REGION: 5.0, "water": 6.0, "building": 5.0, ADMIN1: 1.6, CITY: 0.0,
                 ADMIN2: -1.0}
STYLE_KEY = "\0style"  # the pseudo-name the style votes under (never a mention's own key)


class Resolver:
    """Chooses each mention's reading among its candidates."""

    def __init__(self, words: PlaceWords):
        self.words = words

    def resolve(self, doc, mentions: list[Mention], group_votes: Counter | None = None) -> None:
        for m in mentions:
            self._score(m, None)
        contained = containment_support(mentions)
        style = self.words.style_votes(doc_text(doc)) + (group_votes or Counter())
        for _ in range(2):
            ctx = Context.of(mentions, style)
            ctx.spatial = spatial_support(mentions)
            for k, v in contained.items():
                ctx.spatial[k] = ctx.spatial.get(k, 0.0) + v
            for m in mentions:
                self._score(m, ctx)
        one_sense(mentions)
        hold_within(mentions)

    def _score(self, m: Mention, ctx: Context | None) -> None:
        scored = []
        key = m.key
        cands = m.cands if len(m.cands) <= MAX_CANDIDATES else \
            sorted(m.cands, key=lambda c: -(prior(c) - (ALT_NAME_PENALTY if c.id in m.alt else 0.0)))[:MAX_CANDIDATES]
        dominant = dominant_town(cands, m.alt)
        arabic = has_arabic_article(m.text)
        for e in cands:
            s = prior(e)
            if arabic and e.cc in self.words.article_countries:
                s += ARTICLE_COUNTRY_BONUS
            if m.phonetic:
                s -= 0.5
            if e.id in m.alt:
                s -= ALT_NAME_PENALTY
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
    def _prefer_town(m: Mention, best: Entry, scored) -> Entry:
        """"Aleppo" is the city, not the governorate of the same name, unless the text says "province";
        "Washington" is the capital, not the state."""
        if best.feature not in (ADMIN1, ADMIN2) or m.admin_hint or m.unit_hint == "border":
            return best
        for _s, e in scored:
            if e.feature != CITY or e.cc != best.cc or (e.id in m.alt and e.population < 100000):
                continue
            if e.capital:
                return e
            if (best.feature == ADMIN2 or e.admin1 == best.admin1) and e.population >= 0.1 * max(best.population, 1):
                return e
        return best


@dataclass
class Context:
    """What the rest of the article says: its countries, regions and resolved points."""

    countries: dict[str, Counter]  # name key -> country weights of the mentions with that name
    admins: dict[str, Counter]
    points: list[tuple[str, float, float, float]]  # (name key, lat, lon, weight)
    spatial: dict | None = None
    all_countries: Counter = field(default_factory=Counter)
    all_admins: Counter = field(default_factory=Counter)
    total: float = 0.0

    @classmethod
    def of(cls, mentions: list[Mention], style: Counter | None = None) -> Context:
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
            for e, p in readings(m):
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
            near = min((haversine_km(e.lat, e.lon, la, lo) for k2, la, lo, _ in self.points if k2 != key), default=1e9)
            s += closeness(near)
        return s


COUNTRY_FOCUS = 5.0  # the most a reading gains from the article's other names all lying in its country
ADMIN_FOCUS = 3.0  # ... in its state or province
SPATIAL_CANDIDATES = 8
SPATIAL_WEIGHT = 3.0
SPATIAL_FEATURES = (CITY, ADMIN2, ADMIN1)
SPATIAL_BANDS = ((50, 1.5), (150, 1.0), (400, 0.5))  # (km, closeness): neighbours within 50 km count most
ARTICLE_COUNTRY_BONUS = 2.0  # "al-Houla", "Ras al-Ain": a name with the Arabic article, in an Arabic-speaking country
ALT_NAME_PENALTY = 1.5  # a reading matched only by one of the place's alternate names


def closeness(km: float) -> float:
    """What a reading gains from the nearest of the article's other places lying `km` away."""
    for band, weight in SPATIAL_BANDS:
        if km <= band:
            return weight
    return 0.0


def spatial_support(mentions: list[Mention]) -> dict[tuple[str, int], float]:
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
    prob = np.array([r[2] for r in rows])
    dist = haversine_matrix_km([r[1].lat for r in rows], [r[1].lon for r in rows])
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
# GeoNames gives many towns of the Middle East no population (0): such a town is no hamlet to be dwarfed
UNKNOWN_POPULATION = 1000


def dominant_town(cands, alt) -> Entry | None:
    """The town that dwarfs every other town of its name, if there is one."""
    towns = sorted((e for e in cands if e.feature == CITY and e.id not in alt), key=lambda e: -e.population)
    if len(towns) < 2 or towns[0].population < DOMINANCE_RATIO * (towns[1].population or UNKNOWN_POPULATION):
        return None
    return towns[0]


def containment_support(mentions: list[Mention]) -> dict[tuple[str, int], float]:
    """A town and the county around it named in one article ("Richmond ... Madison County") support each other,
    whatever their populations: two ambiguous names rarely agree on one small place by chance."""
    first: dict[str, Mention] = {}
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


def one_sense(mentions: list[Mention]) -> None:
    """One sense per article: the mentions of one name agree on one reading, the one their scores favour
    together ("TBILISI, Georgia" settles every "Georgia"; "Paris, Texas" every later "Paris"). A mention that
    says which unit it is ("Washington state", "Aleppo province") keeps its own."""
    groups: dict[str, list[Mention]] = defaultdict(list)
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


def readings(m: Mention, floor: float = 0.02) -> list[tuple[Entry, float]]:
    """The mention's likely candidates with their probabilities (a softmax over the last scores)."""
    if not m.scores:
        return [(m.chosen, 1.0)] if m.chosen is not None else []
    top = max(m.scores.values())
    weights = {i: math.exp(s - top) for i, s in m.scores.items()}
    total = sum(weights.values())
    by_id = {e.id: e for e in m.cands}
    return [(by_id[i], w / total) for i, w in weights.items() if w / total >= floor and i in by_id]


def prior(e: Entry) -> float:
    return POPULATION_WEIGHT * math.log10(e.population + 1) + FEATURE_PRIOR.get(e.feature, 0.0) + \
        (2.0 if e.capital else 0.0)


def squash(margin: float) -> float:
    return 1.0 / (1.0 + math.exp(-margin))
