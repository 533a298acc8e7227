"""How each place mention is used: literal (where something happened), metonym ("Ankara said"), adjective
("a Paris-based firm") or demonym ("Nigerians"); and the hints it carries for resolution: "Town, State",
"Aleppo province", "the Atlantic", "the Kentucky border", "northern Syria"."""

from __future__ import annotations

from eventwire.geo.gazetteer import ADMIN1, CITY, COUNTRY

from .contain import link_containers
from .mention import ADJECTIVE, DEMONYM, LITERAL, METONYM, Mention, is_dateline
from .resolve import prior
from .words import PlaceWords


class Classifier:
    """Sets each mention's kind, containment (`within`, `holds`), admin and unit hints and precision floor."""

    def __init__(self, words: PlaceWords):
        self.words = words

    def classify(self, doc, mentions: list[Mention], actor_mentions) -> None:
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
            if last in self.words.admin_words:
                m.admin_hint = self.words.admin_words[last]
            elif nxt is not None and nxt.lower_ in self.words.admin_words:
                m.admin_hint = self.words.admin_words[nxt.lower_]
            m.dateline = is_dateline(doc, m)
            m.unit_hint = self._unit_hint(doc, m)
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
        link_containers(doc, mentions, self.words)

    def _kind(self, doc, m: Mention, span) -> str:
        root = span.root
        nxt = doc[m.j] if m.j < len(doc) else None
        if m.dateline:
            return LITERAL  # "MOGADISHU, Somalia -": where the report was filed, often where it happened
        if nxt is not None and nxt.text in ("-", "–") and m.j + 1 < len(doc) and \
                doc[m.j + 1].lower_ in self.words.hyphen_adjectives:
            return ADJECTIVE
        if m.j < len(doc) and root.dep_ in ("compound", "amod", "nmod") and root.head.i >= m.j and \
                root.head.pos_ in ("NOUN", "PROPN") and root.head.ent_type_ not in ("GPE", "LOC"):
            head = root.head
            if head.lower_ in self.words.admin_words or head.lower_ in self.words.literal_heads:
                return LITERAL
            # the nouns between the name and its head qualify the head too: "a Kandahar wedding party"
            between = [t for t in doc[m.j:head.i] if t.dep_ == "compound" and t.head == head]
            if (self._names_a_spot(head) or any(self._names_a_spot(t) for t in between)) and \
                    not self._reads_as_country(m):
                return LITERAL  # "a Kabul mosque", "the Peshawar market bombing": where it is or happened
            return ADJECTIVE
        if root.dep_ == "poss":
            if self._names_a_spot(root.head, events=False) or (
                    root.head.lower_ in self.words.admin_words or root.head.lower_ in self.words.literal_heads):
                return LITERAL  # "in Kenya's coastal town of Lamu", "Baghdad's Sadr City district"
            return METONYM if m.cands and max(m.cands, key=prior).feature in (COUNTRY, CITY, ADMIN1) else ADJECTIVE
        if root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX") and \
                root.head.lemma_ not in self.words.locative_verbs:
            return METONYM
        return LITERAL

    def _names_a_spot(self, head, events: bool = True) -> bool:
        """A noun a place's name may modify or own and still be where something is: a venue ("mosque", "market"),
        and, when `events` is set, an event ("attack", "protest") too; along a compound chain ("the Peshawar
        market bombing")."""
        for _ in range(3):
            lemma = head.lemma_.lower()
            if lemma in self.words.venue_nouns or (events and lemma in self.words.event_heads):
                return True
            if head.dep_ != "compound" or head.head.pos_ not in ("NOUN", "PROPN"):
                return False
            head = head.head
        return False

    @staticmethod
    def _reads_as_country(m: Mention) -> bool:
        """A country's name before a venue or an event is its owner or party ("the US embassy", "a Turkish base")."""
        return bool(m.cands) and max(m.cands, key=prior).feature == COUNTRY

    def _relative_precision(self, doc, m: Mention) -> int:
        """"northern Syria", "the outskirts of X", "30 km from X", "northeast of X": not the point itself."""
        window = doc[max(0, m.i - 5):m.i]
        words = {t.lower_ for t in window}
        if m.i > 0 and doc[m.i - 1].lower_ in self.words.direction_words:
            return 3 if m.cands and max(m.cands, key=prior).feature != CITY else 2
        if words & self.words.near_words:
            return 2
        return 0

    def _unit_hint(self, doc, m: Mention) -> str | None:
        """"the (tropical) Atlantic" names a sea or a region, not a town; "the Kentucky border" and "the Georgia
        state line" a state or a country."""
        nxt = doc[m.j] if m.j < len(doc) else None
        if nxt is not None and (nxt.lower_ in self.words.border_words or
                                nxt.lower_ == "state" and m.j + 1 < len(doc) and doc[m.j + 1].lower_ == "line"):
            return "border"
        k = m.i - 1
        if k >= 0 and doc[k].lower_ in self.words.the_modifiers:
            k -= 1
        if k >= 0 and doc[k].lower_ == "the" and doc[m.i].lower_ != "the":
            return "the"
        return None
