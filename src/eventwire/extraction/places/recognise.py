"""Recognition: every place mention of a Doc. spaCy's GPE/LOC/FAC and NORP entities (widened to the longer name
the gazetteer knows), a gazetteer scan of capitalised runs the model missed or mislabelled ("Al Bab" as a
PERSON), state abbreviations after a town ("Athens, Ga."), lists of counties, and every later occurrence of a
name already read as a place. People's names, actors' names and generic words are turned down."""

from __future__ import annotations

import re

from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, IS_STOP, LENGTH, LOWER, ORTH, SENT_START

from eventwire.extraction.tokens import entities, token_table
from eventwire.geo.gazetteer import ADMIN1, ADMIN2, CITY, CONTINENT, COUNTRY, REGION, Gazetteer
from eventwire.geo.names import normalize, phonetic_key

from .casing import NORMAL, Lexicon, UncasedGate, doc_casing
from .classify import Classifier
from .fragments import arab_compound, drop_name_fragments
from .local import LocalNames
from .mention import (
    ADJECTIVE,
    DEMONYM,
    LITERAL,
    NON_PLACE_LABELS,
    PLACE_LABELS,
    TOWN_OF,
    Mention,
    clean_span,
    comma_parts,
    doc_text,
    in_longer_name,
    is_acronym,
    is_cap,
    is_dateline,
    is_strong,
    names_the_sea,
    proper_noun,
)
from .resolve import prior
from .words import PlaceWords, has_arabic_article


class Recogniser:
    """Finds the place mentions of a Doc and says how each is used (through its Classifier)."""

    def __init__(self, gazetteer: Gazetteer, words: PlaceWords):
        self.gaz = gazetteer
        self.words = words
        self.local = LocalNames(words)
        self.classifier = Classifier(words)
        self.uncased = UncasedGate(words, Lexicon(frozenset(), frozenset(), words.common_words))

    def use_model(self, nlp) -> None:
        """Read the English lexicon of text without capitals from the language model's lemmatizer."""
        self.uncased = UncasedGate(self.words, Lexicon.from_nlp(nlp, self.words.common_words))

    def find(self, doc, actor_mentions) -> tuple[list[Mention], list[tuple[int, int, str]]]:
        """The article's place mentions, and its streets and waters (placed later, at a town it names)."""
        taken = [False] * len(doc)
        mentions: list[Mention] = []
        ents = list(entities(doc))
        cased = doc_casing(doc) == NORMAL
        person_words, person_tokens = self._people(doc, ents)

        def claim(m: Mention) -> None:
            for k in range(m.i, m.j):
                taken[k] = True
            if m.counties:
                m.cands = m.cands + m.counties
            mentions.append(m)

        local = self.local.spans(doc_text(doc))
        for a, b, _ in local:
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is not None:
                for k in range(span.start, span.end):
                    taken[k] = True
        self._abbreviations(doc, taken, claim, cased)
        self._plural_admins(doc, taken, claim)
        for ent in ents:
            if ent.label_ in PLACE_LABELS:
                for i, j in comma_parts(doc, ent.start, ent.end):
                    i, j = self._widen(doc, i, j, taken, cased)
                    if any(taken[k] for k in range(i, j)):
                        continue
                    m = self._word_mention(doc, i, j) or self._span_mention(doc, i, j, "ner")
                    if m is None or m.source != "norp" and not cased and not self._accept_uncased(doc, m, True, taken):
                        continue
                    if self._accept_named(doc, m, person_words, person_tokens):
                        claim(m)
            elif ent.label_ == "NORP":
                i, j = clean_span(doc, ent.start, ent.end)
                if i < j and any(taken[k] for k in range(i, j)):
                    continue
                m = self._word_mention(doc, i, j) if i < j else None
                if m is not None:
                    claim(m)
        self._scan(doc, taken, claim, person_words, person_tokens, ents, cased)
        mentions = self._drop_actor_names(doc, mentions, actor_mentions)
        mentions = drop_name_fragments(doc, mentions, self.words)
        self._propagate(doc, mentions, taken, claim, person_tokens, cased)
        self.classifier.classify(doc, mentions, actor_mentions)
        # "Daraa city", "the town of X" aside: a name the text calls a town means the town, not its province
        for m in mentions:
            said = doc[m.j] if m.j < len(doc) else None
            if m.unit_hint is None and not m.admin_hint and (
                    said is not None and said.lower_ in self.words.settlement_words
                    or m.j - m.i > 1 and doc[m.j - 1].lower_ in self.words.settlement_words):
                m.unit_hint = "town"
        # "400 S. Locust St., Lebanon": the name after a street address is its town, not a country
        street_ends = {b for a, b, f in local if f == "street"}
        if street_ends:
            text = doc_text(doc)
            for m in mentions:
                if m.start - 2 in street_ends and text[m.start - 2:m.start] == ", ":
                    m.unit_hint = "town"
        return sorted(mentions, key=lambda m: m.start), local

    def _widen(self, doc, i: int, j: int, taken, cased: bool = True) -> tuple[int, int]:
        """The NER's span grown by capitalised neighbours when the longer name is a place: "St. Paris" where the
        model found "Paris", "New London" for "London", "Avondale Estates" for "Avondale". Without capitals any
        word may open the longer name ("democratic republic of congo" where the model found "congo")."""
        keys = self.gaz.keys

        def may_open(tok) -> bool:
            return is_cap(tok) if cased else tok.is_alpha

        for w in ((2, 1) if cased else (3, 2, 1)):
            a = i - w
            if a >= 0 and all(may_open(doc[k]) and not taken[k] for k in range(a, i)) and \
                    not any(doc[k].is_sent_start for k in range(a + 1, j)) and normalize(doc[a:j].text) in keys:
                i = a
                break
        for w in (2, 1):
            b = j + w
            if b <= len(doc) and all(may_open(doc[k]) and not taken[k] for k in range(j, b)) and \
                    not any(doc[k].is_sent_start for k in range(j, b)) and normalize(doc[i:b].text) in keys:
                j = b
                break
        # a hyphenated name the model cut at the hyphen: "Miami-Dade", "Wilkes-Barre"
        if j + 2 <= len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ \
                and may_open(doc[j + 1]) and not taken[j] and not taken[j + 1] and \
                normalize(doc[i:j + 2].text) in keys:
            j += 2
        return i, j

    def _people(self, doc, ents) -> tuple[set[str], set[int]]:
        """Words of people's names, and the tokens of "<given name> <surname>" runs the small model often labels
        ORG or GPE ("Nadia Moayyad", "Casey Enright"): a town sharing a given name is not meant there."""
        words: set[str] = set()
        given = self.words.given_names
        org = self.words.org_words
        titles = self.words.person_titles
        keys = self.gaz.keys
        for e in ents:
            if e.label_ == "PERSON" and 1 < len(e) <= 4 and all(
                    is_cap(t) or t.lower_ in self.words.name_particles or t.text in (".", "-") for t in e):
                # "Huntsville Fire Chief", "Sochi Mayor": an office the model took for a person; the town that
                # opens it is no given name and stays a place
                office = e[0].lower_ not in given and normalize(e[0].text) in keys and \
                    (e[1].lower_ in org or e[1].lower_ in titles or e[1].lower_ in self.words.resident_words)
                words.update(t.lower_ for t in e if t.lower_ not in self.words.name_particles and len(t.text) > 1 and
                             not (office and t.i == e.start))
        tokens: set[int] = set()
        n = len(doc)
        lower = token_table(doc).lower
        for k in range(n - 1):
            if lower[k] not in given:
                continue  # most words: no Token made for them
            tok = doc[k]
            if not is_cap(tok) or (k > 0 and is_cap(doc[k - 1]) and
                                                              doc[k - 1].lower_.rstrip(".") not in titles):
                continue
            last = k + 1
            if last + 1 < n and len(doc[last].text) == 2 and doc[last].text.endswith(".") and is_cap(doc[last + 1]):
                last += 1  # "David L. Lawrence"
            sur = doc[last]
            if not (is_cap(sur) and sur.text.isalpha() and sur.text[1:].lower() == sur.text[1:]) or \
                    sur.lower_ in org or sur.lower_ in self.words.admin_words:
                continue
            # a surname that is also a place ("Eva Forest", "Elizabeth Warren") is a surname, unless the pair is
            # itself a place ("Glen Burnie", "Sierra Leone") or the place is too well known to be one
            if normalize(doc[k:last + 1].text) in keys or is_famous(self.gaz.lookup(normalize(sur.text))):
                continue
            if last + 1 < n and is_cap(doc[last + 1]) and not doc[last + 1].is_sent_start:
                continue  # a longer name: "Austin Peay State University"
            tokens.update(range(k, last + 1))
            words.add(sur.lower_)
        return words, tokens

    def _in_name(self, doc, m: Mention, person_tokens: set[int]) -> bool:
        """The mention is a word of a "<given name> <surname>" run: a given name unless it names a state, country
        or capital ("Virginia"); a surname unless it names a famous place."""
        if m.i not in person_tokens:
            return False
        if doc[m.i].lower_ in self.words.given_names:
            return not is_strong(m)
        return not is_famous(e for e in m.cands if e.id not in m.alt)

    def _drop_actor_names(self, doc, mentions: list[Mention], actor_mentions) -> list[Mention]:
        """A name the actor catalogue knows as a group or a person ("Hamas", "Abbas") is not a town that shares
        its spelling, wherever it stands in the article."""
        text = doc_text(doc)
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
                if m.j - m.i == 1 and m.j < len(doc) and doc[m.j].lower_ in self.words.leader_words:
                    continue
            out.append(m)
        return out

    def _propagate(self, doc, mentions: list[Mention], taken, claim, person_tokens: set[int], cased: bool) -> None:
        """One sense per article: other occurrences of a name already read as a place are places too (the
        small model labels a repeated town name inconsistently)."""
        text = doc_text(doc)
        forms = {}
        for m in mentions:
            if m.source in ("ner", "gaz") and len(m.text) >= 3 and (m.text[0].isupper() or not cased):
                forms.setdefault(m.text, m)
        for form, src in forms.items():
            for hit in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", text):
                span = doc.char_span(hit.start(), hit.end())
                if span is None or any(taken[k] or k in person_tokens for k in range(span.start, span.end)):
                    continue
                if cased and span.start > 0 and is_cap(doc[span.start - 1]) and not doc[span.start].is_sent_start and \
                        doc[span.start - 1].lower_ not in self.words.articles:
                    continue  # part of a longer name ("Lake Dublin"), not "A Danbury mason"
                if span.end < len(doc) and (is_cap(doc[span.end]) and doc[span.end].ent_type_ == "PERSON" or
                                            doc[span.end].lower_ in self.words.admin_words):
                    continue  # a person's name, or another unit ("Washington County" is not Washington)
                m = Mention(span.start_char, span.end_char, span.start, span.end, span.text, "prop", src.cands,
                             phonetic=src.phonetic, weak=src.weak)
                m.alt = src.alt
                claim(m)

    def _names_a_thing(self, doc, j: int) -> bool:
        """"Lassa fever", "Marburg virus": the place name opens the name of a disease, not a place."""
        return j < len(doc) and doc[j].lower_ in self.words.name_heads

    def _span_mention(self, doc, i: int, j: int, source: str) -> Mention | None:
        span = doc[i:j]
        text = span.text
        if self._names_a_thing(doc, j):
            return None
        cands, alt, phonetic = self.gaz.match(text)
        # "Idlib province", "Laurel County"; "Samba District" that GeoNames knows only as an alternate name
        unit_words = self.words.admin_words.keys() | self.words.literal_heads
        # "Azaz city", "Kabani area": the name before a settlement word, when the whole is no gazetteer name
        if (not cands or all(e.id in alt for e in cands)) and len(span) > 1 and span[-1].lower_ in unit_words:
            bare = self.gaz.match(doc[i:j - 1].text)
            if bare[0]:
                cands, alt, phonetic = bare
        if not cands:
            return None
        # a name the text itself calls a town or a province ("Maskanah town", "the Kabani countryside"): its
        # alternate spellings are no noise, however small the place
        headed = span[-1].lower_ in unit_words or (j < len(doc) and doc[j].lower_ in unit_words) or \
            arab_compound(span, self.words)
        bare = TOWN_OF.sub("", normalize(text))
        # "San Fernando City" only an alternate name abroad, or "Dublin City Council": the towns called X
        if bare.endswith(" city") and (all(e.id in alt for e in cands) or
                                       j < len(doc) and doc[j].lower_ in self.words.city_bodies):
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
                     or (e.feature == CITY and (headed or e.population >= (50000 if single else 2000))))
        # ... but a county's bare name ("Lancaster" for Lancaster County) is kept aside: it is added once the
        # name is accepted as a place, to be chosen on context only
        counties = tuple(e for e in cands if e.id in alt and e.feature == ADMIN2)
        if phonetic:  # a transliteration variant stands for a well-known place, never for a hamlet
            if len(text) < 5 or is_acronym(text):
                return None
            keep = tuple(e for e in keep if e.population >= 100000 or e.feature in (COUNTRY, ADMIN1, REGION))
            if has_arabic_article(text):  # "al-Jinah" is no variant of a European town's name
                keep = tuple(e for e in keep if e.cc in self.words.article_countries)
        if not keep and counties and source == "ner" and not phonetic:
            keep, counties = counties, ()  # the model says place, and only a county has the name: "Miami-Dade"
        if not keep:
            return None
        m = Mention(span.start_char, span.end_char, i, j, text, source, keep, phonetic=phonetic)
        m.alt = alt
        m.counties = () if phonetic else counties
        return m

    def _word_mention(self, doc, i: int, j: int) -> Mention | None:
        """Country adjectives and demonyms ("Turkish", "Nigerians") and other place words ("Kurdish")."""
        span = doc[i:j]
        key = normalize(span.text)
        if not key or self._names_a_thing(doc, j):
            return None
        cc, kind = self.words.adjectives.get(key), ADJECTIVE
        if cc is None:
            cc, kind = self.words.demonyms.get(key), DEMONYM
        if cc is not None:
            e = self.gaz.country(cc)
            return Mention(span.start_char, span.end_char, i, j, span.text, "norp", (e,), kind=kind) if e else None
        word = self.words.place_words.get(key)
        if word is not None:
            cands = tuple(e for e in self.gaz.lookup(normalize(word[0])) if e.feature != CITY or
                          e.population >= 100000)
            if cands:
                return Mention(span.start_char, span.end_char, i, j, span.text, "norp", cands, kind=word[1])
        return None

    def _accept_named(self, doc, m: Mention, person_words: set[str], person_tokens: set[int]) -> bool:
        """A span the NER calls a place: keep it unless it is a person's name or a generic word."""
        span = doc[m.i:m.j]
        key = normalize(m.text)
        if m.source == "norp":
            return True
        if key in self.words.not_places and not names_the_sea(doc, m):
            return False
        if len(span) == 1:
            tok = span[0]
            if tok.lower_ in person_words and not is_strong(m) or self._in_name(doc, m, person_tokens):
                return False
            if is_acronym(tok.text) and not any(e.feature in (COUNTRY, ADMIN1, REGION, CONTINENT) and e.id not in
                                                  m.alt for e in m.cands):
                return False
        return True

    def _scan(self, doc, taken, claim, person_words, person_tokens, ents, cased: bool) -> None:
        """Gazetteer-driven matching of capitalised word runs the NER did not label as places."""
        n = len(doc)
        maxw = min(6, self.gaz.max_words)
        keys = self.gaz.keys
        pw = self.words
        text = doc_text(doc)
        arr = doc.to_array([IDX, LENGTH, ENT_TYPE, ENT_IOB, SENT_START, LOWER]).tolist()  # no Token objects
        strings = doc.vocab.strings
        start = [r[0] for r in arr]
        end = [r[0] + r[1] for r in arr]
        cap = [text[a].isupper() and any(c.isalpha() for c in text[a:b]) for a, b in zip(start, end)]
        if not cased:  # no capitals to go by: every word but the small ones may open a name
            stops = doc.to_array([IS_STOP]).tolist()
            cap = [any(c.isalpha() for c in text[a:b]) and not stop for a, b, stop in zip(start, end, stops)]
        ent_ids = {r[2] for r in arr}
        ent_names = {h: (strings[h] if h else "") for h in ent_ids}
        ent = [ent_names[r[2]] for r in arr]
        iob = ["" if r[3] == 0 else "IOB"[r[3] - 1] if r[3] <= 3 else "" for r in arr]
        sent0 = [r[4] == 1 for r in arr]
        lower_ids = [r[5] for r in arr]
        low_cache: dict[int, str] = {}
        low = [low_cache.setdefault(h, strings[h]) if h not in low_cache else low_cache[h] for h in lower_ids]
        common = {low[k] for k in range(n) if not cap[k]}
        # the model's dates and numbers in text without capitals are often names ("ARRESTED IN SALFORD" as a
        # DATE): there only a token with a digit, or money, is kept out by its label
        # a country's own name the model read as a date ("killed 12 people in Niger") is still the country
        skip = [e in NON_PLACE_LABELS and (cased or e in UNCASED_NON_PLACE_LABELS or not low[k].isalpha())
                and not (e == "DATE" and cap[k] and low[k] in self.words.country_names)
                and not (e == "LANGUAGE" and low[k] not in pw.adjectives and low[k] not in pw.place_words and (
                    k > 0 and low[k - 1] in pw.strong_preps or k + 1 < n and low[k + 1] in pw.settlement_words))
                for k, e in enumerate(ent)]  # "shelling in Aleppo", "Afrin city" taken for languages: places
        ok = [cap[k] or low[k] in self.words.connectors for k in range(n)]
        i = 0
        while i < n:
            if taken[i] or not cap[i] or (skip[i] and not (
                    ent[i] == "MONEY" and low[i] in self.words.adjectives)):  # "US dollars" names a country
                i += 1
                continue
            art = i - 2 if i >= 2 and low[i - 1] == "-" else i - 1
            if art >= 1 and low[art] in pw.arabic_articles and cap[art - 1] and not sent0[art]:
                i += 1  # "Maarat al-Numan": the end of a longer name is no town of its own ("in al-Bab" is)
                continue
            hit = None
            for w in range(min(maxw, n - i), 0, -1):
                j = i + w
                if not cap[j - 1] or not all(ok[i:j]) or any(taken[i:j]) or any(sent0[i + 1:j]):
                    continue
                key = normalize(text[start[i]:end[j - 1]])
                if key in keys or key in pw.adjectives or key in pw.demonyms or key in pw.place_words:
                    hit = j
                    break
                # a transliteration variant ("Rakka") is tried only for a whole entity the NER found, or, in a
                # text without capitals, for a name after "in" or before "province" ("in diwaniyah")
                whole = iob[i] == "B" and (j == n or iob[j] != "I") and ent[i] in ("ORG", "GPE", "LOC", "FAC")
                placed = not cased and (i > 0 and low[i - 1] in pw.strong_preps or j < n and low[j] in pw.admin_words)
                if (whole or placed) and phonetic_key(text[start[i]:end[j - 1]]) in self.gaz.phonetic_keys:
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
            if m is not None and (self._accept_scanned(doc, m, person_words, person_tokens, common, ents, taken)
                                  if cased else self._accept_uncased(doc, m, False, taken)):
                claim(m)
                i = hit
            elif m is not None and hit - i > 1:
                i = hit  # a longer name turned down ("Great Bend" in an ORG): not "Bend" inside it either
            else:
                i += 1

    def _accept_scanned(self, doc, m: Mention, person_words: set[str], person_tokens: set[int], common: set[str],
                        ents, taken) -> bool:
        span = doc[m.i:m.j]
        first = span[0]
        key = normalize(m.text)
        if key in self.words.not_places and not names_the_sea(doc, m):
            return False
        primary = [e for e in m.cands if e.id not in m.alt or e.feature in (COUNTRY, ADMIN1, CONTINENT, REGION)
                   or e.population >= (300000 if len(span) == 1 else 100000)]
        best = max(primary or m.cands, key=prior)
        # "McMinn County", "DeSoto Parish": an admin unit named with its admin word, even inside "... Sheriff"
        named_admin = len(span) > 1 and span[-1].lower_ in self.words.admin_words and best.feature in (ADMIN1, ADMIN2)
        strong = bool(primary) and (best.feature in (COUNTRY, ADMIN1, CONTINENT, REGION, "water") or best.capital
                                    or named_admin)
        pop = max(c.population for c in (primary or m.cands))
        prev = doc[m.i - 1] if m.i > 0 else None
        after_prep = prev is not None and prev.lower_ in self.words.locative_preps
        ent = first.ent_type_
        if self._has_container(doc, m):
            return bool(primary)  # "Greer, South Carolina", "Athens, Ga.": even where the model saw a person
        if len(span) == 1 and (first.lower_ in person_words or is_acronym(first.text) and not strong):
            return False
        if arab_compound(span, self.words) and any(e.cc in self.words.article_countries for e in m.cands):
            return not self._in_name(doc, m, person_tokens)  # "Tal Afar", "Kafr Nabl": whole Arabic names
        if self._in_name(doc, m, person_tokens):
            return False
        if is_dateline(doc, m):
            return pop >= 10000 or strong
        town = pop >= 1000 and any(e.feature == CITY and e.id not in m.alt for e in m.cands)
        # "Decatur and Avondale Estates", "Decatur, Avondale Estates": a place's conjunct is a place
        if town and prev is not None and prev.lower_ in ("and", "or", ",", "&") and m.i >= 2 and taken[m.i - 2]:
            return True
        nxt = doc[m.j] if m.j < len(doc) else None
        inside = prev is not None and is_cap(prev) and not first.is_sent_start and \
            prev.lower_ not in self.words.articles  # "Meadow Grove man" is not a man of Grove
        if town and nxt is not None and nxt.lower_ in self.words.resident_words and not inside:
            return True  # "a Crafton man", "Berea police": someone of the town
        if nxt is not None and nxt.lower_ in self.words.settlement_words and not inside and \
                any(e.feature == CITY for e in m.cands):
            return True  # "shelling on Maskanah town": the text itself says it is a town
        if prev is not None and prev.lower_ == "of" and m.i >= 2 and doc[m.i - 2].lower_ in \
                self.words.settlement_words and any(e.feature == CITY for e in m.cands):
            return True  # "near the town of Tessit": the text says so, however small the town
        if ent == "PERSON":
            articles = self.words.arabic_articles
            art = first.lower_ in articles or first.lower_.split("-")[0] in articles
            titled = prev is not None and (prev.lower_.rstrip(".") in self.words.person_titles or
                                           prev.ent_type_ == "PERSON")
            alone = not titled  # "Sochi Mayor Race", "Tamil Nadu on Saturday" (the model's people)
            return (art and pop >= 1000) or (after_prep and prev.lower_ in self.words.strong_preps and pop >= 5000) or \
                (alone and bool(primary) and (strong or pop >= 100000))
        if ent in ("ORG", "FAC", "NORP", "LOC", "GPE", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"):
            # a place inside a name: "New York Times", "Aleppo Governorate Council"; the whole name is a
            # place the model mislabelled ("Residents of Manbij" as PRODUCT) when the context says so
            ent_span = next((e for e in ents if e.start <= m.i < e.end), None)
            whole = ent_span is not None and clean_span(doc, ent_span.start, ent_span.end) == (m.i, m.j)
            if whole:
                return strong or (bool(primary) and pop >= 100000) or (after_prep and pop >= 5000)
            if ent not in ("ORG", "FAC", "NORP", "LOC", "GPE"):
                return False
            # a town opening an organisation's name: "Watertown-Mayer Lutheran", "Alexandria City Schools"
            opens = ent_span is not None and ent_span.start == m.i
            return strong or (bool(primary) and pop >= (10000 if opens else 50000))
        if not primary:
            return False
        if not first.tag:  # left unparsed by the sentence gate: no NER label tells a person or a firm
            if is_acronym(m.text):  # "EST", "ICON"
                return best.feature == COUNTRY
            if in_longer_name(doc, m.i, m.j, self.words.articles):  # "Nash Riad", "Reid Hospital", "McDonald's"
                return strong
        if len(span) == 1:
            if first.is_stop or not proper_noun(first) or len(first.text) < 3:
                return False
            if first.lower_ in common:
                return False  # the word is also used as a common word here
            if first.is_sent_start and not after_prep:
                return strong and pop >= 100000
        if strong:
            return True
        if after_prep and prev.lower_ in self.words.strong_preps:
            return pop >= 1000
        if after_prep:
            return pop >= 20000
        return pop >= 200000 or (len(span) > 1 and pop >= 20000)

    def _accept_uncased(self, doc, m: Mention, ner: bool, taken) -> bool:
        """A name in a text without normal capitals (see casing.UncasedGate)."""
        key = normalize(m.text)
        if key in self.words.not_places and not names_the_sea(doc, m):
            return False
        # "in charleston and decatur": a place's conjunct stands where a preposition would
        after_place = m.i >= 2 and doc[m.i - 1].lower_ in ("and", "or", ",") and taken[m.i - 2]
        return self.uncased.accept(doc, m, self._has_container(doc, m), ner, after_place)

    def _has_container(self, doc, m: Mention) -> bool:
        """True when the name is followed by ", <its state or country>" ("Greer, South Carolina")."""
        if m.j + 1 >= len(doc) or doc[m.j].text != ",":
            return False
        for w in (3, 2, 1):
            if m.j + 1 + w > len(doc):
                continue
            nxt = doc[m.j + 1:m.j + 1 + w]
            ab = self.words.admin_abbreviations.get(nxt.text)
            outer = (self.gaz.admin1(*ab),) if ab else self.gaz.lookup(normalize(nxt.text))
            for o in outer:
                if o is None or o.feature not in (ADMIN1, COUNTRY):
                    continue
                if any(e.cc == o.cc and (o.feature == COUNTRY or e.admin1 == o.admin1) for e in m.cands):
                    return True
        return False

    def _abbreviations(self, doc, taken, claim, cased: bool = True) -> None:
        """"Athens, Ga.": a state abbreviation right after a capitalised word and a comma. Without capitals
        ("SAID, ON TUESDAY", "pittsburgh, pa"), an undotted one only after a town of that state."""
        comma = doc.vocab.strings.add(",")
        orth = doc.to_array([ORTH]).tolist()
        abbrevs = self.words.admin_abbreviations
        dotted = {doc.vocab.strings.add(a): a for a in abbrevs if a.count(".") >= 2}
        for k, h in enumerate(orth):  # "S.C.", "D.C.", "N.Y.": unambiguous wherever they stand
            if h not in dotted or taken[k]:
                continue
            e = self.gaz.admin1(*abbrevs[dotted[h]])
            if e is not None:
                t = doc[k]
                # a party label ("Rep. Earl Pomeroy, D-N.D.") names the member's state: associative
                party = k > 0 and doc[k - 1].text.endswith("-")
                claim(Mention(t.idx, t.idx + len(t.text), k, k + 1, t.text, "party" if party else "abbrev", (e,),
                               kind=ADJECTIVE if party else LITERAL))
        for k in (k for k in range(1, len(doc) - 1) if orth[k] == comma):
            if cased and not is_cap(doc[k - 1]):
                continue
            for w in (3, 2, 1):  # "W. Va." spans tokens
                if k + 1 + w > len(doc) or any(taken[x] for x in range(k + 1, k + 1 + w)):
                    continue
                span = doc[k + 1:k + 1 + w]
                forms = (span.text,) if cased else (span.text, span.text.upper(), span.text.title())
                ab = next((abbrevs[f] for f in forms for f in (f, f.replace(" ", "")) if f in abbrevs), None)
                if ab and (not span.text.isupper() or len(span.text) == 2 or "." in span.text) and \
                        (cased or "." in span.text or self._town_of(doc, k, ab)):
                    e = self.gaz.admin1(*ab)
                    if e is not None:
                        claim(Mention(span.start_char, span.end_char, k + 1, k + 1 + w, span.text, "abbrev", (e,)))
                        break

    def _town_of(self, doc, comma: int, admin: tuple[str, str]) -> bool:
        """The words before the comma name a town of the state (cc, admin1): "pittsburgh, pa"."""
        for w in (3, 2, 1):
            if comma - w < 0:
                continue
            if any(e.cc == admin[0] and e.admin1 == admin[1] and e.feature == CITY
                   for e in self.gaz.lookup(normalize(doc[comma - w:comma].text))):
                return True
        return False

    def _plural_admins(self, doc, taken, claim) -> None:
        """"Cooke, Grayson and Love counties": each name of the list is a county."""
        for hit in self.local.plural_list.finditer(doc_text(doc)):
            word = self.words.plural_admins.get(hit.group("what"))
            if word is None:
                continue
            for a, b in self.local.list_names(hit):
                span = doc.char_span(a, b)
                if span is None or any(taken[k] for k in range(span.start, span.end)):
                    continue
                cands, alt, _ = self.gaz.match(f"{span.text} {word}")
                cands = tuple(e for e in cands if e.feature == ADMIN2)
                if cands:
                    m = Mention(a, b, span.start, span.end, span.text, "gaz", cands, admin_hint=ADMIN2)
                    m.alt = alt
                    claim(m)


FAMOUS_PLACE = 100000  # people: a surname or given name that names a place this big is read as the place


def is_famous(cands) -> bool:
    """A country, region or capital, or a place of FAMOUS_PLACE people: the reading a name's bearer seldom wins."""
    return any(e.feature in (COUNTRY, CONTINENT, REGION) or e.capital or e.population >= FAMOUS_PLACE for e in cands)
UNCASED_NON_PLACE_LABELS = {"MONEY", "LAW", "LANGUAGE"}  # labels the model gives right even without capitals
