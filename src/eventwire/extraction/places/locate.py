"""An event's location from the article's place mentions: the literal place tied to the trigger, else one in the
sentence, else the article's main place, else the dateline, else the country most named (precision 3)."""

from __future__ import annotations

from collections import Counter

from eventwire.geo.gazetteer import ADMIN1, ADMIN2, CITY, COUNTRY, Entry, Gazetteer
from eventwire.records import Place, PlaceMention

from .mention import LITERAL
from .words import PlaceWords

# dependents that open a clause or a list of their own, not part of a spot's name
CLAUSE_DEPS = ("relcl", "acl", "advcl", "conj", "ccomp", "parataxis")
MAX_VENUE_TOKENS = 12  # a longer phrase is no name of a spot but a clause the parse hung on it
MAIN_PLACE_SHARE = 3  # a main place is named at least a third as often as the article's most named town or region


class Locator:
    """Picks an event's Place from the mentions `Geoparser.parse` returned."""

    def __init__(self, gazetteer: Gazetteer, words: PlaceWords):
        self.gaz = gazetteer
        self.words = words

    def locate(self, doc, mentions: list[PlaceMention], cand) -> Place | None:
        """The event's location from literal mentions: tied to the trigger, else in the sentence, else the
        article's main place, else the dateline, else the country focus (precision 3). A town the event's own
        clause names that no gazetteer knows ("killed in an ambush near Foo") keeps its words as the text of
        the country or region the event is placed in (as ACLED codes a town it cannot find: the area around it)."""
        place = self._locate(doc, mentions, cand)
        if place is not None and place.feature in (COUNTRY, ADMIN1):
            town = self._unplaced_town(mentions, cand.trigger)
            if town is not None and town not in (place.text or ""):
                place.text = town
        return place

    def _unplaced_town(self, mentions: list[PlaceMention], trig) -> str | None:
        """The words of a name no place mention covers, after "in", "near", "outside" ... in the trigger's own
        clause, or after "the town/village of" there: "in Foo", "near the village of Foo"."""
        if trig is None:
            return None
        preps = self.words.venue_preps - {"of", "on"}
        frontier = [c for c in trig.children if c.dep_ not in CLAUSE_DEPS]
        if trig.dep_ in ("nsubj", "nsubjpass", "dobj") and trig.head.pos_ == "VERB":
            frontier += [c for c in trig.head.children if c.dep_ == "prep"]  # "a bomb exploded in Foo"
        for _ in range(4):
            nxt = []
            for tok in frontier:
                name, settled = None, False
                if tok.dep_ == "pobj" and tok.head.lower_ in preps:
                    name = tok
                    if tok.lemma_.lower() in self.words.settlement_words:
                        # "the town of Foo": a town by the words, whatever the small model read the name as
                        name = next((o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                                     for o in c.children if o.dep_ == "pobj"), None)
                        settled = True
                if name is not None and _bare_name(name, mentions, settled):
                    return name.doc[name.left_edge.i:name.i + 1].text.removeprefix("the ")
                nxt.extend(c for c in tok.children if c.dep_ not in CLAUSE_DEPS)
            frontier = nxt
        return None

    def _locate(self, doc, mentions: list[PlaceMention], cand) -> Place | None:
        mentions = [m for m in mentions if not self._across_a_border(doc, m)]
        literal = [m for m in mentions if m.kind == LITERAL]
        s0, s1 = cand.start, cand.end
        in_sent = [m for m in literal if s0 <= m.start and m.end <= s1]
        trig = cand.trigger
        if in_sent and trig is not None and len(literal) > len(in_sent):
            # "among those detained were citizens of Iraq and Syria": when every place of the sentence is someone's
            # origin or where a report was made, the event happened where the article is about
            untied = [m for m in in_sent if not self._mention_tied(doc, m, trig)]
            elsewhere = [m for m in literal if m not in in_sent]
            if not untied and self._main_place(elsewhere) is not None:
                literal, in_sent = elsewhere, []
        if in_sent:
            best = max(in_sent, key=lambda m: self._tie_score(doc, m, trig))
            place = self._narrow_to_main_town(best.place, literal)
            words = self._venue_of_mention(doc, best)
            if words is not None:
                place.text = words
            return place
        recalled = self._anaphor(doc, cand, literal)
        main = recalled or self._main_place(literal)
        if main is not None:
            words = self.venue_of_trigger(trig)
            if words is not None and (recalled is None or len(words.split()) > 1):
                main.text = words
            return main
        iso3 = country_focus([m for m in mentions if not self._foreigners_country(doc, m)])
        if iso3 is None:
            return None
        # the spot the event's clause names stays its text in the country, as it does in a main place ("shot
        # outside a pub" in a report that names only the country)
        spot = self.venue_of_trigger(trig)
        for m in mentions:
            if m.place.country == iso3 and m.place.feature == COUNTRY:
                p = copy_place(m.place)
                p.precision = 3
                if spot is not None:
                    p.text = spot
                return p
        cc = next((e.cc for e in self.gaz.countries().values() if e.iso3 == iso3), None)
        e = self.gaz.country(cc) if cc else None
        return entry_place(e, text=spot, precision=3) if e is not None else None

    def _across_a_border(self, doc, m: PlaceMention) -> bool:
        """"near the Iranian border", "close to the border with Burkina Faso", "a town that borders Pakistan": a
        country named as the other side of a border is the neighbour of where the event happened."""
        if m.place.feature != COUNTRY:
            return False
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        head = root.head
        if root.dep_ in ("amod", "compound", "nmod") and head.lower_ in self.words.border_words:
            return True  # "the Iranian border", "the Pakistan border"
        if root.dep_ == "pobj" and head.lower_ == "with" and head.head.lower_ in self.words.border_words:
            return True  # "the border with Burkina Faso"
        return root.dep_ == "dobj" and head.pos_ == "VERB" and head.lower_ in self.words.border_words | {
            "bordering", "bordered"}  # "which borders Pakistan", "a district bordering Niger"

    def _foreigners_country(self, doc, m: PlaceMention) -> bool:
        """"a Chinese national", "British tourists", "a Croatian hostage": a demonym of people who are elsewhere
        names the country they come from, not the event's."""
        if m.kind == LITERAL:
            return False
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        return root.dep_ in ("amod", "compound", "nmod") and root.head.lemma_.lower() in self.words.foreigner_nouns

    def _tie_score(self, doc, m: PlaceMention, trig) -> float:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        s = 0.0
        if span is not None:
            root = self._standing_root(span)
            head = root.head
            if self._mention_tied(doc, m, trig):
                s -= 2.5
            elif _in_an_earlier_or_later_clause(root, trig, self.words.time_marks):
                s -= 1.0
            elif head.dep_ == "prep" and head.lower_ in self.words.locative_preps:
                s += 1.0
                anc = head.head
                if anc == trig or anc in trig.children or trig in anc.children or anc.head == trig or (
                        anc.dep_ == "pobj" and anc.head.head == trig):
                    s += 3.0  # on the trigger, its object, or the object of its preposition ("set fire to a
                    # church in the village of X")
            dist = abs(root.i - trig.i)
            s -= min(dist, 40) / 40.0
        s += {CITY: 1.5, ADMIN2: 1.0, ADMIN1: 0.5}.get(m.place.feature or "", 0.0)
        return s

    def _standing_root(self, span):
        """The word a place's name stands for in the parse."""
        root = span.root
        if root.head.lower_ == "of" and root.head.head.lower_ in self.words.place_anaphors:
            return root.head.head  # "in the town of Sderot": the name stands where its kind does
        if root.dep_ == "compound" and root.head.lower_ in self.words.admin_words:
            return root.head  # "in Helmand province", "in Zhob district"
        return root

    def _mention_tied(self, doc, m: PlaceMention, trig) -> bool:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        root = self._standing_root(span)
        while root.dep_ == "conj" and root.head != root:
            root = root.head  # "citizens of Iraq and Syria": the second name stands where the first does
        if root.dep_ == "pobj" and root.head.head.lemma_.lower() in self.words.topic_nouns and \
                root.head.head != trig:
            return True  # "discussed the conflict in Idlib": what was discussed, not where
        return self._tied_to_someone(root, trig)

    def _tied_to_someone(self, root, trig) -> bool:
        """The place says where someone comes from or where a report was made, not where the event happened: "a
        soldier from Ohio was killed in Helmand", "natives of Sokoto", "fighters based in Idlib", "officials in
        Islamabad said", "told Reuters in Kabul"."""
        prep = root.head
        if root.dep_ == "pobj" and prep.dep_ == "prep":
            owner = prep.head
            if owner.lower_ in self.words.origin_words:
                return True
            if prep.lower_ == "from" and owner.pos_ in ("NOUN", "PROPN") and owner != trig and \
                    owner.lemma_.lower() not in self.words.venue_nouns | self.words.event_heads:
                return True
        node = root
        for _ in range(12):
            if node == trig or node.head == node:
                return False
            below, node = node, node.head
            if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in self.words.report_verbs and node != trig:
                if node.tag_ == "VBG" and node.dep_ in ("advcl", "acl") and (node.head == trig or (
                        node.head.dep_ == "nsubj" and node.head.head == trig)):
                    # "Speaking in Ankara, the president accused Greece", "the minister, speaking in Tokyo,
                    # criticised China": where the act itself was said
                    return False
                # on the reporting verb, its speaker or its own phrases; not in the clause it reports ("said the
                # blast happened in Kabul")
                told = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
                return below.dep_ not in CLAUSE_DEPS + ("xcomp",) and not any(
                    trig in c.subtree for c in told)
        return False

    def _anaphor(self, doc, cand, literal: list[PlaceMention]) -> Place | None:
        """"The republic has seen bombings", "clashes in the province": a place the sentence names only by its
        kind is the last place of that kind named before it."""
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is None:
            return None
        for tok in span:
            feature = self.words.place_anaphors.get(tok.lower_)
            if feature is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
                continue
            if any(c.dep_ in ("compound", "amod", "prep", "appos", "poss") for c in tok.children):
                continue  # "the Kurdish region", "the city of X", "the town's mayor": named, or a kind of its own
            if not (tok.dep_ in ("nsubj", "nsubjpass")
                    or (tok.dep_ == "pobj" and tok.head.lower_ in self.words.venue_preps - {"of"})):
                continue
            before = [m for m in literal if m.end <= cand.start and m.place.feature == feature]
            if before:
                p = copy_place(before[-1].place)
                p.text = doc[tok.i - 1:tok.i + 1].text if tok.i > 0 and doc[tok.i - 1].lower_ == "the" else tok.text
                return p
        return None

    def _venue_of_mention(self, doc, m: PlaceMention) -> str | None:
        """The words of the spot the event's place is named with: "killed in the village near Bagram Air Base",
        "seized hostages in the towns of X and Y", "an attack at the Rolando cafe in Calle del Correo, Madrid";
        None when the name stands alone."""
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return None
        node, last = span.root, span.end - 1
        venue = None
        for _ in range(6):
            head = node.head
            if head.i == node.i:
                break
            if node.dep_ in ("compound", "appos", "flat", "poss") and head.pos_ in ("NOUN", "PROPN"):
                node = head  # "Bagram Air Base", "Calle del Correo, Madrid"
                last = max(last, node.i)
            elif node.dep_ == "pobj" and head.lower_ in self.words.venue_preps and head.head.pos_ in ("NOUN", "PROPN"):
                node = head.head  # "the village near X", "the towns of X"
            else:
                break
            if node.lemma_.lower() in self.words.venue_nouns or node.lower_ in self.words.admin_words:
                venue = node
        if venue is None:
            venue = self._venue_sibling(node)
            if venue is None:
                return None
        start = _phrase_start(venue)
        end = max(last, venue.i, span.end - 1)
        return doc[start:end + 1].text if end - start < MAX_VENUE_TOKENS else None

    def _venue_sibling(self, town):
        """The spot named right before the town when the parse hung both on the verb: "opened fire [in the Pulse
        nightclub] [in Orlando]", "exploded [at Domodedovo airport] [outside Moscow]", "attacked [the Salaam resort]
        [outside Sharm el-Sheikh]" (the spot's phrase must end where the town's preposition begins)."""
        prep = town.head
        if town.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in self.words.venue_preps - {"of"} \
                or prep.head.pos_ not in ("VERB", "AUX"):
            return None
        for sib in prep.head.children:
            if sib.i >= prep.i:
                continue
            if sib.dep_ == "dobj":
                objects = [sib]
            elif sib.dep_ == "prep" and sib.lower_ in self.words.venue_preps - {"of"}:
                objects = list(sib.children)
            else:
                continue
            for o in objects:
                if o.dep_ in ("pobj", "dobj") and o.lemma_.lower() in self.words.venue_nouns and o.right_edge.i == prep.i - 1 \
                        and not any(t.ent_type_ in ("DATE", "TIME") or t.lower_ in self.words.calendar_words
                                    for t in o.subtree):  # "the station on Tuesday in Lagos"
                    return o
        return None

    def venue_of_trigger(self, trig) -> str | None:
        """The spot the event's own clause names when no town is named in the sentence: "an explosion at a
        market", "the blast targeted a bakery on Main Street", "a raid on the village", "the explosion ripped through a
        market" (the spot of the verb the event noun is the subject of)."""
        if trig is None:
            return None
        heads = [trig] + [c for c in trig.children if c.dep_ in ("dobj", "nsubjpass")]
        for h in heads:
            found = self._venue_below(h, direct=h is not trig)
            if found is not None:
                return found
        found = self._venue_deeper(trig)
        if found is None and trig.dep_ == "nsubj" and trig.head.pos_ == "VERB":
            found = self._venue_below(trig.head, direct=False, preps=self.words.venue_preps | self.words.passage_preps)
        if found is None:
            host = self._scene_host(trig)
            found = self._venue_below(host, direct=False) if host is not None else None
        return found

    def _scene_host(self, trig):
        """The clause the event is the moment of: "people were eating in a cafe [when the blast killed four]",
        "were having lunch in a restaurant [at the time of the explosion]", "were praying [during the attack]";
        its spot is where the event struck them."""
        node = trig
        for _ in range(4):
            if node.dep_ in ("nsubj", "nsubjpass", "dobj") or (node.dep_ == "advcl" and node.tag_ == "VBG"):
                node = node.head  # "the blast killed", "struck, killing 22": the clause it stands in
                continue
            if node.dep_ == "advcl" and node.head.pos_ in ("VERB", "AUX") and any(
                    c.dep_ in ("mark", "advmod") and c.lower_ in self.words.scene_marks for c in node.children):
                return node.head
            if node.dep_ == "pobj":
                prep = node.head
                if prep.lower_ in self.words.scene_marks and prep.head.pos_ in ("VERB", "AUX"):
                    return prep.head  # "were praying in the church during the attack"
                if prep.lower_ == "of" and prep.head.lower_ in self.words.scene_marks and \
                        prep.head.dep_ == "pobj" and prep.head.head.head.pos_ in ("VERB", "AUX"):
                    return prep.head.head.head  # "at the time of the explosion"
            return None
        return None

    def _venue_deeper(self, trig) -> str | None:
        """A spot further down the event's own clause: "killed two people in an attack on a bar", "were eating in a
        restaurant when the bomb went off" (the nearest such phrase; other clauses are not searched)."""
        frontier = [c for c in trig.children if c.dep_ not in CLAUSE_DEPS]
        for _ in range(3):
            nxt = []
            for tok in frontier:
                if tok.dep_ == "pobj" and tok.head.lower_ in self.words.venue_preps - {"of"} and \
                        tok.lemma_.lower() in self.words.venue_nouns:
                    return _venue_words(tok)
                nxt.extend(c for c in tok.children if c.dep_ not in CLAUSE_DEPS)
            frontier = nxt
        return None

    def _venue_below(self, tok, direct: bool, preps: frozenset = frozenset()) -> str | None:
        if direct and tok.lemma_.lower() in self.words.venue_nouns:
            return _venue_words(tok)
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in (preps or self.words.venue_preps):
                for o in c.children:
                    if o.dep_ == "pobj" and o.lemma_.lower() in self.words.venue_nouns:
                        return _venue_words(o)
        return None

    def _narrow_to_main_town(self, place: Place, literal: list[PlaceMention]) -> Place:
        """"clashes in northern Syria" in an article about Al Bab: the most specific place the report supports
        is the article's main town inside that country or region (ACLED precision 2), not the region's centre."""
        if place.feature not in (COUNTRY, ADMIN1):
            return copy_place(place)
        main = self._main_place(literal)
        if main is None or main.feature not in (CITY, ADMIN2) or main.country != place.country:
            return copy_place(place)
        if place.feature == ADMIN1 and place.admin1 and main.admin1 and place.admin1 != main.admin1:
            return copy_place(place)
        narrowed = copy_place(main)
        narrowed.text = place.text
        narrowed.precision = max(2, main.precision)
        return narrowed

    @staticmethod
    def _main_place(literal: list[PlaceMention]) -> Place | None:
        if not literal:
            return None
        dateline = [m for m in literal if m.start < 60 and (m.place.text or "").isupper()]
        # "KANDAHAR, Afghanistan (AP) -": the country or region after the dateline's town belongs to the dateline
        qualifiers = [m for m in literal for d in dateline if 0 < m.start - d.end <= 2 and
                      m.place.feature in (COUNTRY, ADMIN1) and m.place.country == d.place.country]
        body = [m for m in literal if m not in dateline and m not in qualifiers]
        pool = body or literal
        counts = Counter((m.place.name, m.place.lat, m.place.lon) for m in pool)
        spec = {CITY: 3, ADMIN2: 2, ADMIN1: 1}
        named = [m for m in pool if m.place.feature in spec]
        top = max(named, key=lambda m: (counts[(m.place.name, m.place.lat, m.place.lon)], -m.start), default=None)
        most = counts[(top.place.name, top.place.lat, top.place.lon)] if top is not None else 0

        def rank(m: PlaceMention):
            n = counts[(m.place.name, m.place.lat, m.place.lon)]
            # the most specific of the places the article keeps naming: a town named once in passing in a report
            # about another province ("hostages seized in Budennovsk in 1995" in one about Dagestan) is not what
            # the report is about; a town inside the province it keeps naming is
            kept = MAIN_PLACE_SHARE * n >= most or m.place.feature not in spec or (
                m.place.country == top.place.country and m.place.admin1 == top.place.admin1)
            return (kept, spec.get(m.place.feature or "", 0), n, -m.start)

        best = max(pool, key=rank)
        p = copy_place(best.place)
        if not body:  # only the dateline: where the article was filed, a weak guess
            p.precision = max(p.precision, 2)
        return p


def country_focus(mentions: list[PlaceMention]) -> str | None:
    """The country the place mentions point to most: each counts by how sure its reading is, and at a tie a
    country named outright beats a town that may be read into a person's name ("President Kilgore Banda of
    Zambia" is no Kilgore, Texas)."""
    weight: dict[str, float] = {}
    named: set[str] = set()
    for m in mentions:
        if m.place.country:
            weight[m.place.country] = weight.get(m.place.country, 0.0) + m.score
            if m.place.feature == COUNTRY:
                named.add(m.place.country)
    if not weight:
        return None
    return max(weight, key=lambda iso3: (round(weight[iso3], 3), iso3 in named))


def _in_an_earlier_or_later_clause(root, trig, time_marks: frozenset) -> bool:
    """"agreed to a truce two years after war broke out in Tigray": the place of a clause that dates the event by
    another one, not the event's own."""
    node = root
    for _ in range(12):
        if node == trig or node.head == node:
            return False
        if node.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in time_marks
                                        for c in node.children):
            return not any(t == trig for t in node.subtree)
        node = node.head
    return False


# entity labels a town's name may carry when the gazetteer does not know it (the small model often reads one as a
# person); an organisation, a date or a number is no town
TOWN_LABELS = ("GPE", "LOC", "FAC", "PERSON", "")


def _bare_name(tok, mentions: list[PlaceMention], settled: bool = False) -> bool:
    """A proper name of its own (its compounds before it only) that no place mention covers; `settled`: named
    as a town's, so any reading of the small model's but a time or a number will do."""
    labels = TOWN_LABELS + ("ORG", "NORP") if settled else TOWN_LABELS
    if tok.pos_ != "PROPN" or tok.ent_type_ not in labels or not tok.text[:1].isupper():
        return False
    if any(c.dep_ not in ("compound", "det", "punct") or c.i > tok.i for c in tok.children):
        return False
    start, end = tok.left_edge.idx, tok.idx + len(tok.text)
    return not any(m.start < end and start < m.end for m in mentions)


def _phrase_start(tok) -> int:
    """The first word of a noun phrase, without its determiners and counts."""
    lead = [t.i for t in tok.subtree if t.i <= tok.i and t.pos_ not in ("DET", "NUM", "PUNCT")]
    return min(lead) if lead else tok.i


def _venue_words(tok) -> str | None:
    """"a bakery on the central street Rue X" -> "bakery on the central street Rue X" (relative clauses and
    long phrases aside)."""
    end = tok.i
    for t in tok.subtree:
        if t.i <= tok.i or t.dep_ in ("punct", "cc"):
            continue
        node, inside = t, True
        while node.i != tok.i:
            if node.dep_ in CLAUSE_DEPS:
                inside = False
                break
            node = node.head
        if inside:
            end = max(end, t.i)
    start = _phrase_start(tok)
    if end - start >= MAX_VENUE_TOKENS:
        end = tok.i
    return tok.doc[start:end + 1].text


def place_of_retold(own: Place | None, first: Place | None) -> Place | None:
    """The place of an event told again ("the blast" after "a bomb went off in central Nairobi"): its own when
    that names the town, else the first telling's; the spot its own sentence names ("people were eating in the
    Oasis cafe when the blast killed four") stays its text when both are the same place."""
    if own is not None and own.precision == 1:
        return own
    if own is None or first is None or (own.name, own.country) != (first.name, first.country) or \
            not own.text or own.text == own.name or own.text == first.text:
        return first
    kept = copy_place(first)
    kept.text = own.text
    return kept


def entry_place(e: Entry, text: str | None, precision: int, admin1_name: str | None = None) -> Place:
    return Place(name=e.name, lat=round(e.lat, 5), lon=round(e.lon, 5), country=e.iso3, text=text,
                 geonameid=e.geonameid, admin1=admin1_name or (e.name if e.feature == ADMIN1 else e.admin1_name),
                 precision=precision, feature=e.feature)


def copy_place(p: Place) -> Place:
    return Place(**p.to_dict())
