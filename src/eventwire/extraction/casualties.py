"""Stage 6: casualties. How many people an event killed, read from the dependency parse of its sentence.

We start from the words that report deaths (a death verb such as "killed", a death noun such as "dead",
"deaths", "death toll", "the lives of") and follow the parse to the people they are about (the object of
"killed", the subject of "were killed" or "died", the "of" phrase of "the lives of") and from those to their
numbers. Conjoined victims add up ("killed 5 soldiers and 3 civilians" = 8); subsets do not ("killing 7,
including 3 children" = 7); numbers attached to other harm never count ("killed 2 and wounded 5" = 2).
Vague quantities follow ACLED ("dozens" 12, "tens" 10, "hundreds" 100); the lexicon lives in
data/casualties.yaml. When the parse links nothing, a narrow word-order fallback ("12 dead", "killing 12")
catches what a misparse hides.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import yaml

DATA_FILE = "casualties.yaml"


@dataclass
class Fatalities:
    count: int
    text: str  # the words the number came from ("killed 44 militants")
    start: int  # char offsets in the document text
    end: int


@dataclass(frozen=True)
class Lexicon:
    death_verbs: frozenset
    death_nouns: frozenset
    of_nouns: frozenset
    toll_verbs: frozenset
    life_verbs: frozenset
    other_harm: frozenset
    zero_nouns: frozenset
    zero_verbs: frozenset
    vague: dict
    person_nouns: frozenset
    subset_words: frozenset
    non_person_nouns: frozenset
    counted_death_nouns: frozenset


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = yaml.safe_load(resources.files("eventwire").joinpath("data", DATA_FILE).read_text("utf-8"))

    def words(key: str) -> frozenset:
        return frozenset(str(w).lower() for w in raw.get(key) or [])

    return Lexicon(
        death_verbs=words("death_verbs"), death_nouns=words("death_nouns"), of_nouns=words("of_nouns"),
        toll_verbs=words("toll_verbs"), life_verbs=words("life_verbs"),
        other_harm=words("other_harm"),
        zero_nouns=words("zero_nouns"), zero_verbs=words("zero_verbs"),
        vague={str(k).lower(): int(v) for k, v in (raw.get("vague_numbers") or {}).items()},
        person_nouns=words("person_nouns"), subset_words=words("subset_words"),
        non_person_nouns=words("non_person_nouns"), counted_death_nouns=words("counted_death_nouns"))


# -- numbers ----------------------------------------------------------------------------------------------
_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_A_WORDS = frozenset({"dozen", "handful", "few", "couple", "score", "hundred", "thousand"})
_HYPHEN_LEFT = frozenset(_TENS) | frozenset(_SCALES)  # "forty-four", "one hundred and five"
_DIGITS_RE = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
# words before a number that belong to its phrase; the number itself is what we count ("more than 20" -> 20)
_QUANTIFIERS = frozenset({"at", "least", "more", "than", "over", "nearly", "almost", "about", "around", "some",
                          "up", "to", "as", "many", "an", "estimated", "approximately", "roughly", "fewer",
                          "less", "no", "upwards", "of", "just", "under", "close", "possibly", "perhaps"})
_RANGE_WORDS = frozenset({"to", "or", "-", "\u2013", "and"})
_MEASURE_WORDS = frozenset({
    "year", "years", "day", "days", "month", "months", "week", "weeks", "hour", "hours", "minute", "minutes",
    "second", "seconds", "decade", "decades", "km", "kilometre", "kilometres", "kilometer", "kilometers",
    "mile", "miles", "metre", "metres", "meter", "meters", "percent", "per", "%", "dollars", "dollar", "pounds",
    "euros", "tons", "tonnes", "kg", "am", "pm", "a.m.", "p.m.", "o'clock", "times", "mm", "calibre",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "round", "rounds",
    "rocket", "rockets", "shell", "shells", "missile", "missiles", "vehicle", "vehicles", "village",
    "villages", "house", "houses", "building", "buildings", "town", "towns"})


def _word_value(lower: str, lex: Lexicon) -> int | None:
    if _DIGITS_RE.match(lower):
        return int(lower.replace(",", ""))
    if lower in _UNITS:
        return _UNITS[lower]
    if lower in _TENS:
        return _TENS[lower]
    if lower in lex.vague:
        return lex.vague[lower]
    return None


@dataclass
class NumberPhrase:
    value: int
    first: int  # token indices (inclusive) of the whole phrase, quantifiers included
    last: int
    tokens: frozenset  # the indices of the number words themselves


def _is_number_word(tok, lex: Lexicon) -> bool:
    low = tok.lower_
    if low == "one" and tok.i > 0 and tok.nbor(-1).lower_ in ("no", "any", "every", "each", "some", "this", "that"):
        return False
    return _word_value(low, lex) is not None or low in _SCALES


def number_phrases(sent, lex: Lexicon | None = None) -> list[NumberPhrase]:
    """Every count in the sentence: "44", "forty-four", "two hundred", "a dozen", "dozens", "between 10 and
    15" (the low figure), "more than 20" (20)."""
    lex = lex or lexicon()
    toks = list(sent)
    out: list[NumberPhrase] = []
    i, n = 0, len(toks)
    while i < n:
        if not _is_number_word(toks[i], lex):
            i += 1
            continue
        j = i
        while j + 1 < n and (_is_number_word(toks[j + 1], lex) or (
                toks[j + 1].text in ("-", "and") and j + 2 < n and toks[j + 2].lower_ in _UNITS
                and toks[j].lower_ in _HYPHEN_LEFT)):
            j += 1 if _is_number_word(toks[j + 1], lex) else 2
        value = _compound_value([t.lower_ for t in toks[i:j + 1] if t.text not in ("-", "and")], lex)
        # "a dozen", "a handful", "a few", "a couple"
        first = i - 1 if i > 0 and toks[i - 1].lower_ in ("a", "an") and toks[i].lower_ in _A_WORDS else i
        if value is None:
            i = j + 1
            continue
        number_tokens = {t.i for t in toks[i:j + 1]}
        last = j
        # a range: "10 to 15", "10-15", "two or three", "between 10 and 15" -> the low figure
        k = j + 1
        if k + 1 < n and toks[k].lower_ in _RANGE_WORDS and _is_number_word(toks[k + 1], lex):
            is_between = first > 0 and toks[first - 1].lower_ == "between"
            if toks[k].lower_ != "and" or is_between:
                m = k + 1
                while m + 1 < n and _is_number_word(toks[m + 1], lex):
                    m += 1
                other = _compound_value([t.lower_ for t in toks[k + 1:m + 1]], lex)
                if other is not None:
                    value = min(value, other)
                    number_tokens |= {t.i for t in toks[k + 1:m + 1]}
                    last = m
                    j = m
        while first > 0 and toks[first - 1].lower_ in _QUANTIFIERS | {"between"}:
            first -= 1
        out.append(NumberPhrase(value, toks[first].i, toks[last].i, frozenset(number_tokens)))
        i = j + 1
    return out


def _compound_value(words: list[str], lex: Lexicon) -> int | None:
    """"forty four" 44, "two hundred" 200, "1,200" 1200, "three dozen" 36, "dozens" 12."""
    if not words:
        return None
    if len(words) == 1:
        return _word_value(words[0], lex) if words[0] not in _SCALES else _SCALES[words[0]]
    total, current = 0, 0
    for w in words:
        if w in _SCALES:
            current = max(current, 1) * _SCALES[w]
            if _SCALES[w] >= 1000:
                total, current = total + current, 0
        elif w in ("dozen", "dozens"):
            current = max(current, 1) * 12
        elif w in lex.vague and current == 0:
            current = lex.vague[w]
        else:
            v = _word_value(w, lex)
            if v is None:
                return None
            current += v
    return total + current


# -- the parse --------------------------------------------------------------------------------------------
def _lemma(tok) -> str:
    return tok.lemma_.lower() or tok.lower_


def _is_death_verb(tok, lex: Lexicon) -> bool:
    if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in ("VBN", "VBD", "VBG"):
        return False
    lem = _lemma(tok)
    if lem in lex.death_verbs or tok.lower_ in ("killed", "killing", "kills", "kill"):
        return True
    doc = tok.doc
    if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "dead":
        return True  # "shot dead 3 Ethiopians"
    for ch in tok.children:
        low = ch.lower_
        if low == "dead" and ch.dep_ in ("acomp", "oprd", "xcomp", "advmod", "dobj", "ccomp", "amod"):
            return True  # "shot dead"
        if low == "alive" and lem in ("burn", "bury"):
            return True  # "burned alive"
        if low == "fatally" and ch.dep_ == "advmod":
            return True  # "fatally shot"
        if ch.dep_ == "prt" and f"{lem} {low}" in lex.death_verbs:
            return True  # "gunned down", "mowed down"
        if ch.dep_ == "prep" and low == "to" and any(g.lemma_.lower() == "death" for g in ch.children):
            return True  # "beaten to death"
        if ch.dep_ == "dobj" and _lemma(ch) in ("throat", "throats") and lem in ("slit", "cut", "slash"):
            return True  # "slit the throats of five civilians"
    if lem == "lose" and any(c.dep_ == "dobj" and (_lemma(c) in lex.person_nouns or _lemma(c) in _PEOPLE_LEMMAS)
                             for c in tok.children):
        return True  # "the army lost 1 officer and 3 soldiers"
    return False


_PEOPLE_LEMMAS = frozenset({"people", "person", "man", "men", "troop", "troops", "life", "member", "personnel"})


_INTRANSITIVE = frozenset({"die", "perish", "succumb", "drown"})
_PASSIVE_MARKERS = ("auxpass", "nsubjpass")


def _anchors(tokens, lex: Lexicon) -> list:
    """The death words among `tokens` (a sentence, or the candidates the pre-filter found in it)."""
    out = []
    for tok in tokens:
        low, lem = tok.lower_, _lemma(tok)
        if _is_death_verb(tok, lex):
            out.append(tok)
        elif tok.pos_ in ("NOUN", "ADJ", "PROPN") and (lem in lex.counted_death_nouns
                                                        or low in lex.counted_death_nouns):
            if lem == "death" and tok.dep_ == "pobj" and tok.head.lower_ == "to":
                continue  # "beaten to death" is the verb's business
            out.append(tok)
        elif lem in ("life", "lives") and tok.head.pos_ in ("VERB", "AUX") and _lemma(tok.head) in lex.life_verbs:
            out.append(tok)
        elif tok.pos_ == "NOUN" and lem in lex.of_nouns and any(c.dep_ == "prep" and c.lower_ == "of"
                                                                 for c in tok.children):
            out.append(tok)  # "the execution of two men", "the massacre of 30 villagers"
    return out


def _victims(anchor, lex: Lexicon) -> list:
    """The tokens that stand for the people an anchor says died (before conjuncts)."""
    lem = _lemma(anchor)
    out = []
    if _is_death_verb(anchor, lex):
        kids = list(anchor.children)
        has_obj = any(c.dep_ == "dobj" for c in kids)
        passive = any(c.dep_ in _PASSIVE_MARKERS for c in kids)
        own_args = any(c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in kids)
        first_obj = True
        for c in kids:
            if c.dep_ == "dobj" and _lemma(c) in ("throat", "throats"):
                out.extend(g for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                           for g in p.children if g.dep_ == "pobj")
            elif c.dep_ == "dobj" and first_obj:
                out.append(c)  # only the first: a second "object" is a misparsed apposition
                first_obj = False
            elif c.dep_ == "nsubjpass":
                out.append(c)
            elif c.dep_ == "npadvmod" and _is_number_like(c, lex) and c.i > anchor.i \
                    and not _harmed_otherwise(c, lex):
                out.append(c)  # "shoot dead seven"
            elif c.dep_ == "nsubj" and (lem in _INTRANSITIVE or (not has_obj and not passive
                                                                  and anchor.tag_ == "VBN")):
                out.append(c)
            elif c.dep_ == "nsubj" and not has_obj and 0 < anchor.i - c.i <= 3 and _counted(c, lex):
                out.append(c)  # headline style "3 killed in blast", parsed as a subject
        if anchor.dep_ in ("acl", "relcl", "amod") and (anchor.tag_ == "VBN" or passive or lem in _INTRANSITIVE) \
                and not own_args:
            out.append(anchor.head)  # "5 civilians killed in ...", "people who died"
        if not out and anchor.dep_ == "conj" and anchor.head.pos_ in ("VERB", "AUX"):
            # "was shot and killed", "were kidnapped and killed": the first verb's victims
            out.extend(c for c in anchor.head.children if c.dep_ == "nsubjpass")
        out.extend(_complement_subject(anchor))
        return out
    if lem in ("life", "lives"):
        head = anchor.head
        for c in anchor.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                out.extend(g for g in c.children if g.dep_ == "pobj")
        if anchor.dep_ == "dobj" and _lemma(head) in ("lose", "sacrifice", "give", "lay"):
            out.extend(c for c in head.children if c.dep_ == "nsubj")  # "9 people lost their lives"
        if any(c.dep_ == "nummod" for c in anchor.children):
            out.append(anchor)
        return out
    # death nouns and "dead"
    numbered = any(c.dep_ in ("nummod", "quantmod") or _is_number_like(c, lex) for c in anchor.children
                   if c.i < anchor.i and c.dep_ not in ("det", "poss"))
    if numbered:
        out.append(anchor)  # "12 deaths", "three dead", "12 bodies"
    for c in anchor.children:
        if c.dep_ == "prep" and c.lower_ == "of" and lem in lex.of_nouns and not numbered:
            out.extend(g for g in c.children if g.dep_ == "pobj")  # "the bodies of 12", "a toll of 30"
        if c.dep_ == "nsubj" and lem == "dead":
            out.append(c)  # "leaving three dead" parsed as a small clause
    head = anchor.head
    if lem == "dead":
        if anchor.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "advcl", "conj", "dobj") and head.pos_ == "VERB":
            out.extend(c for c in head.children if c.dep_ == "dobj" and c.i != anchor.i)  # "left 12 people dead"
        if anchor.dep_ in ("amod", "acl") and (head.pos_ in ("NOUN", "PROPN") or head.i < anchor.i):
            out.append(head)  # "12 people dead"
        out.extend(_complement_subject(anchor))
    if anchor.dep_ == "pobj" and head.lower_ == "among":
        owner = head.head  # "two children among the dead", "two children were among the dead"
        if owner.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            out.append(owner)
        else:  # "two children were among the dead", "among the dead were two children"
            out.extend(c for c in owner.children if c.dep_ in ("nsubj", "nsubjpass", "attr"))
    holder = anchor
    if anchor.dep_ == "pobj" and head.lower_ == "of" and _lemma(head.head) in ("number", "tally", "count"):
        holder, lem = head.head, "toll"  # "the number of dead rose to 27"
        head = holder.head
    if lem in ("dead", "death", "deaths", "fatality", "fatalities", "toll") and holder.dep_ == "nsubj":
        # "the death toll rose to 30", "the dead included 5 children", "deaths reached 30"
        if lem == "toll" or _lemma(head) in lex.toll_verbs or _lemma(head) in ("include", "number"):
            singular = holder.tag_ == "NN" and _lemma(head) == "be"  # "the only fatality was the bomber"
            for c in head.children:  # only counted words: "deaths might have been the result" is no count
                if c.dep_ in ("dobj", "attr", "npadvmod") and c.i not in (anchor.i, holder.i) and (
                        _counted(c, lex) or singular and c.dep_ == "attr"):
                    out.append(c)
                if c.dep_ == "prep" and c.lower_ in ("to", "at"):
                    out.extend(g for g in c.children if g.dep_ == "pobj" and _counted(g, lex))
    if lem == "toll" and anchor.dep_ in ("dobj", "nsubjpass"):
        # "bringing the death toll to 30", "the toll was raised to 30"
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "at"):
                out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def _complement_subject(anchor) -> list:
    """"Two men were found dead", "the guide was found killed": the subject of the verb they complete."""
    if anchor.dep_ not in ("oprd", "xcomp", "acomp", "ccomp") or anchor.head.pos_ not in ("VERB", "AUX"):
        return []
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in anchor.children):
        return []
    return [c for c in anchor.head.children if c.dep_ in ("nsubjpass", "nsubj") and _lemma(anchor.head) != "leave"]


def _is_number_like(tok, lex: Lexicon) -> bool:
    return _word_value(tok.lower_, lex) is not None


def _counted(tok, lex: Lexicon) -> bool:
    return _is_number_like(tok, lex) or any(c.dep_ == "nummod" for c in tok.children)


def _with_conjuncts(tok, anchor, lex: Lexicon) -> list:
    """The victim and the victims conjoined with it, skipping any that carry other harm ("and 20 wounded")."""
    out, todo = [], [tok]
    shared = {a.i for a in tok.ancestors}  # "were kidnapped and killed": a verb over all the victims
    while todo:
        t = todo.pop(0)
        if t.i == anchor.i and t is not tok:
            continue
        if t is not tok and _harmed_otherwise(t, lex, shared):
            continue
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ == "conj")
    return out


def _harmed_otherwise(tok, lex: Lexicon, shared: frozenset | set = frozenset()) -> bool:
    """A conjunct that is, or sits next to, another harm word: "the injury of 13", "20 wounded", "and injured
    20 others", "and two others were injured"."""
    def harm(t) -> bool:
        return t.i not in shared and (_lemma(t) in lex.other_harm or t.lower_ in lex.other_harm)

    if harm(tok) or any(harm(c) for c in tok.children):
        return True
    doc = tok.doc
    left, right = tok.left_edge.i, tok.right_edge.i
    for i in range(left - 1, max(left - 3, -1), -1):  # "and injured 20 others"
        if harm(doc[i]):
            return True
        if doc[i].pos_ not in ("CCONJ", "PUNCT", "ADV", "VERB", "AUX"):
            break
    for i in range(right + 1, min(right + 4, len(doc))):  # "and another six were injured"
        if harm(doc[i]):
            return True
        if doc[i].pos_ not in ("AUX", "ADV", "PART") and doc[i].lower_ not in ("were", "was", "been", "also"):
            break
    return False


@dataclass
class _Count:
    value: int
    tokens: set  # token indices that make up the evidence


def _value_of(victim, phrases_by_token: dict, lex: Lexicon, anchor) -> _Count | None:
    """The number of people one victim token stands for."""
    if _lemma(victim) in _TALLY_NOUNS:
        return _tally_value(victim, phrases_by_token, lex, anchor)
    ph = phrases_by_token.get(victim.i)
    if ph is None:
        for c in victim.children:
            if c.dep_ in ("nummod", "quantmod", "compound", "nmod", "amod", "det", "npadvmod", "advmod") \
                    and c.i in phrases_by_token and c.i < victim.i:
                ph = phrases_by_token[c.i]
                break
    if ph is not None and not _measure(victim, ph, lex):
        tokens = set(range(ph.first, ph.last + 1)) | {victim.i}
        if victim.i in ph.tokens:  # "dozens of villagers": the people the vague number counts
            tokens |= {t.i for c in victim.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree}
        return _Count(ph.value, tokens)
    if victim.lower_ in ("he", "she", "him", "her", "himself", "herself"):
        return _Count(1, {victim.i})
    det = [c.lower_ for c in victim.children if c.dep_ in ("det", "poss", "nummod")]
    if victim.pos_ in ("NOUN", "PROPN") and (victim.tag_ in ("NN", "NNP") or "a" in det or "an" in det):
        if "no" in det or "every" in det or "all" in det:
            return None
        if victim.dep_ == "conj" and not det and victim.ent_type_ not in ("PERSON", "NORP"):
            return None  # "mostly tourists and local staff": a description, not one more person
        if _one_person(victim, lex):
            return _Count(1, {victim.i} | {c.i for c in victim.children if c.dep_ in ("det", "amod", "compound")})
    return None


_NOT_PEOPLE_ENTS = frozenset({"GPE", "ORG", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "DATE",
                              "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL"})


def _one_person(victim, lex: Lexicon) -> bool:
    """A singular noun that a death word governs is one person ("a commissioner", "the governor", "Kadyrov"),
    unless it names a thing (data file: non_person_nouns) or a place or organisation."""
    if victim.ent_type_ == "PERSON" or _lemma(victim) in lex.person_nouns or victim.lower_ in lex.person_nouns:
        return True
    if victim.ent_type_ in _NOT_PEOPLE_ENTS or _lemma(victim) in lex.non_person_nouns:
        return False
    return victim.pos_ in ("NOUN", "PROPN") and victim.lower_ not in _MEASURE_WORDS


_TALLY_NOUNS = frozenset({"total", "number", "tally", "count", "toll"})


def _tally_value(victim, phrases_by_token: dict, lex: Lexicon, anchor) -> _Count | None:
    """"A total of 30 people were killed", "the number of people killed rose to 30"."""
    for prep in victim.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and _lemma(pobj) not in _TALLY_NOUNS:
                    got = _value_of(pobj, phrases_by_token, lex, anchor)
                    if got is not None:
                        return _Count(got.value, got.tokens | {victim.i, prep.i})
    verb = victim.head
    if victim.dep_ == "nsubj" and _lemma(verb) in lex.toll_verbs:
        for c in verb.children:
            targets = [c] if c.dep_ in ("dobj", "attr") else [g for g in c.children if g.dep_ == "pobj"] \
                if c.dep_ == "prep" and c.lower_ in ("to", "at") else []
            for t in targets:
                ph = phrases_by_token.get(t.i)
                if ph is not None and not _measure(t, ph, lex):
                    return _Count(ph.value, {victim.i, verb.i} | set(range(ph.first, ph.last + 1)))
    return None


def _measure(victim, ph: NumberPhrase, lex: Lexicon) -> bool:
    """A number that counts time, distance, money or dates, or a year, is not a death count."""
    doc = victim.doc
    after = doc[ph.last + 1] if ph.last + 1 < len(doc) else None
    if after is not None and after.lower_ in _MEASURE_WORDS | {"-"}:
        if after.text == "-" and ph.last + 2 < len(doc) and doc[ph.last + 2].lower_ not in _MEASURE_WORDS:
            return False
        return True
    if victim.lower_ in _MEASURE_WORDS:
        return True
    if _year_like(doc, ph) and not (_lemma(victim) in lex.person_nouns or _lemma(victim) in _PEOPLE_LEMMAS):
        return True  # a year ("in 2016", "the 2018 attacks"); a count that large would be written "2,018"
    return False


def _year_like(doc, ph: NumberPhrase) -> bool:
    if len(ph.tokens) != 1:
        return False
    text = doc[min(ph.tokens)].text
    return len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100


def _subset(tok, anchor, lex: Lexicon) -> bool:
    """Inside "including ...", "among them", "3 of them": a part of a count, not a count."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in ("them", "whom", "which", "those")
                                                          for g in c.children):
            return True
    t = tok
    for _ in range(6):
        if t.i == anchor.i or t.head.i == t.i:
            return False
        if t.lower_ in lex.subset_words:
            return True
        t = t.head
    return False


@dataclass
class _AnchorCount:
    anchor: object
    value: int
    tokens: set
    via_subject: bool


_CONFLICT_NOUNS = frozenset({"conflict", "war", "insurgency", "violence", "crisis", "campaign", "unrest", "uprising",
                             "rebellion", "epidemic", "outbreak", "disease", "famine"})
_RUNNING_TOTAL_WORDS = frozenset({"so far", "to date", "in total", "altogether", "overall", "since"})


def _superlative_before(anchor, since) -> bool:
    """"... in one of the deadliest attacks since 2013": the "since" measures a record, not a running total."""
    doc = anchor.doc
    return any(doc[i].tag_ == "JJS" for i in range(anchor.i + 1, since.i))


def _long_period(since) -> bool:
    """"since 2017", "since the war began": a conflict's span; not "since morning" or "since the attack"."""
    words = [t for t in since.subtree if t.i != since.i]
    return any(re.fullmatch(r"(19|20)\d\d", t.text) or _lemma(t) in _CONFLICT_NOUNS
               or t.lower_ in ("revolution", "independence") for t in words)


def _running_total(anchor) -> bool:
    """"The insurgency has killed more than 1,500 people since 2017", "the war, which has killed 300,000": a
    running total over a whole conflict, not the toll of one event."""
    if anchor.pos_ not in ("VERB", "AUX"):
        return False
    kids = list(anchor.children)
    for c in kids:
        since_clause = c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children)
        if ((c.dep_ == "prep" and c.lower_ == "since") or since_clause) and _long_period(c) \
                and not _superlative_before(anchor, c):
            return True  # "since 2017", "since the war began"
        if c.dep_ == "advmod" and " ".join(t.lower_ for t in c.subtree) in _RUNNING_TOTAL_WORDS:
            return True
        if c.dep_ == "prep" and " ".join(t.lower_ for t in c.subtree) in _RUNNING_TOTAL_WORDS:
            return True
    perfect = any(c.dep_ == "aux" and _lemma(c) == "have" for c in kids)
    if not perfect:
        return False
    agents = [c for c in kids if c.dep_ == "nsubj"]
    if anchor.dep_ == "relcl":
        agents.append(anchor.head)
    return any(_lemma(a) in _CONFLICT_NOUNS for a in agents)


def _anchor_counts(sent, anchors: list, phrases: list[NumberPhrase], lex: Lexicon) -> list[_AnchorCount]:
    by_token = {}
    for ph in phrases:
        for i in range(ph.first, ph.last + 1):
            by_token.setdefault(i, ph)
    results = []
    for anchor in anchors:
        if _running_total(anchor):
            continue
        seen_victims: set[int] = set()
        total, tokens, via_subject, found = 0, {anchor.i}, False, False
        for victim in _victims(anchor, lex):
            for v in _with_conjuncts(victim, anchor, lex):
                if v.i in seen_victims or _subset(v, anchor, lex):
                    continue
                seen_victims.add(v.i)
                cnt = _value_of(v, by_token, lex, anchor)
                if cnt is None:
                    continue
                total += cnt.value
                tokens |= cnt.tokens
                found = True
                via_subject = via_subject or v.dep_ in ("nsubj", "nsubjpass")
        if found:
            tokens |= {c.i for c in anchor.children if c.dep_ == "compound"}  # "death toll"
            tokens |= {t.i for c in anchor.children if c.lower_ in ("dead", "alive", "down")
                       or (c.dep_ == "prep" and c.lower_ == "to" and any(_lemma(g) == "death" for g in c.children))
                       for t in c.subtree}  # "shot dead", "burned alive", "gunned down", "stabbed to death"
            if anchor.head.lower_ == "among":
                tokens.add(anchor.head.i)  # "among the dead"
            first = min(tokens)
            article = sent.doc[first - 1] if first > sent.start else None
            if article is not None and article.lower_ in ("a", "an") and article.head.i in tokens:
                tokens.add(first - 1)  # "a total of 30"
            results.append(_AnchorCount(anchor, total, tokens, via_subject))
    return _merge_overlapping(results)


def _merge_overlapping(counts: list[_AnchorCount]) -> list[_AnchorCount]:
    """Two anchors that found the same people ("12 dead bodies", "killed ... dead") count once."""
    out: list[_AnchorCount] = []
    for c in sorted(counts, key=lambda c: -len(c.tokens)):
        victims = c.tokens - {c.anchor.i}
        if any(victims <= o.tokens for o in out):
            continue
        out.append(c)
    out.sort(key=lambda c: min(c.tokens))
    return out


def _tree_distance(a, b) -> int:
    anc_a = [a] + list(a.ancestors)
    idx_a = {t.i: d for d, t in enumerate(anc_a)}
    for d, t in enumerate([b] + list(b.ancestors)):
        if t.i in idx_a:
            return d + idx_a[t.i]
    return 99


_EARLIER_EVENT_WORDS = frozenset({"after", "since", "following", "against", "for", "before", "despite",
                                  "retaliation", "revenge", "avenge", "protest", "condemn", "mourn", "commemorate",
                                  "anniversary", "investigate", "probe", "suspect", "accuse", "charge", "convict",
                                  "sentence", "blame", "try"})


def _about_another_event(anchor, trigger) -> bool:
    """The count sits in a phrase about another happening than the trigger's: "two days after a bombing killed
    10", "protesters denounced the killing of 12", "in revenge for the deaths of 5"."""
    trigger_line = {trigger.i} | {t.i for t in trigger.ancestors}
    if anchor.i in trigger_line or any(t.i == anchor.i for t in trigger.subtree) and trigger.pos_ != "VERB":
        return False
    tok = anchor
    for _ in range(30):
        if tok.i in trigger_line:
            return False
        if tok.lower_ in _EARLIER_EVENT_WORDS or _lemma(tok) in _EARLIER_EVENT_WORDS:
            return True
        if any(c.dep_ == "mark" and c.lower_ in _EARLIER_EVENT_WORDS for c in tok.children):
            return True  # "after a bombing killed 10"
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _choose(counts: list[_AnchorCount], trigger) -> _AnchorCount | None:
    if trigger is not None:
        counts = [c for c in counts if not _about_another_event(c.anchor, trigger)]
        if not counts:
            return None
    if trigger is None or len(counts) == 1:
        best = counts[0]
    else:
        best = min(counts, key=lambda c: (_tree_distance(c.anchor, trigger), abs(c.anchor.i - trigger.i)))
    # victims reported as subjects of conjoined death verbs belong together:
    # "12 soldiers were killed and 5 civilians died" = 17
    for other in counts:
        if other is best or not (other.via_subject and best.via_subject):
            continue
        if other.anchor.head.i == best.anchor.i and other.anchor.dep_ == "conj" or \
                best.anchor.head.i == other.anchor.i and best.anchor.dep_ == "conj":
            best = _AnchorCount(best.anchor, best.value + other.value, best.tokens | other.tokens, True)
    return best


# -- fallback and zero ------------------------------------------------------------------------------------
_DEATH_WORDS = frozenset({"killed", "dead", "died", "killing", "deaths", "slain", "executed", "massacred",
                          "beheaded", "murdered", "perished", "kill", "kills"})
_PEOPLE_WORDS = frozenset({"people", "persons", "civilians", "soldiers", "troops", "militants", "fighters",
                           "rebels", "policemen", "police", "officers", "children", "women", "men", "others",
                           "insurgents", "jihadists", "terrorists", "members", "villagers", "residents",
                           "students", "worshippers", "pilgrims", "protesters", "gunmen", "attackers",
                           "security", "personnel", "more"})


def _fallback(sent, phrases: list[NumberPhrase], lex: Lexicon) -> _AnchorCount | None:
    """Word order alone, for misparsed sentences: "12 [people] killed/dead/died" or "killing/killed 12"."""
    doc = sent.doc
    for ph in phrases:
        j = ph.last + 1
        while j < sent.end and j - ph.last <= 3 and (doc[j].lower_ in _PEOPLE_WORDS or doc[j].pos_ == "ADJ"
                                                     and doc[j].lower_ not in _DEATH_WORDS | lex.other_harm):
            j += 1
        if j < sent.end and doc[j].lower_ in ("were", "was", "have", "had", "been", "are"):
            j += 1
            if j < sent.end and doc[j].lower_ in ("been", "reportedly"):
                j += 1
        after_ok = j < sent.end and doc[j].lower_ in _DEATH_WORDS
        before = doc[ph.first - 1] if ph.first - 1 >= sent.start else None
        before_ok = before is not None and (before.lower_ in ("killing", "killed", "kill", "kills") or (
            before.lower_ == "dead" and before.i > sent.start and _is_death_verb(doc[before.i - 1], lex)))
        if not (after_ok or before_ok):
            continue
        head_noun = doc[ph.last + 1] if ph.last + 1 < sent.end else None
        if head_noun is not None and head_noun.lower_ in _MEASURE_WORDS:
            continue
        if _year_like(doc, ph):
            continue
        if _subset(doc[ph.last], sent.root, lex):
            continue
        anchor = doc[j] if after_ok else before
        toks = set(range(min(ph.first, anchor.i), max(ph.last, anchor.i) + 1))
        return _AnchorCount(anchor, ph.value, toks, False)
    return None


_NOBODY = frozenset({"nobody", "none", "no-one"})


def _zero(sent, tokens, lex: Lexicon) -> Fatalities | None:
    """"No casualties were reported", "no one was killed", "without casualties": zero deaths, with the words."""
    doc = sent.doc
    for tok in tokens:
        lem = _lemma(tok)
        if lem in lex.zero_nouns or tok.lower_ in lex.zero_nouns:
            # "no casualties", "no immediate reports of casualties", "without casualties"
            holder = tok
            for _ in range(3):
                no = [c for c in holder.children if c.lower_ == "no" and c.dep_ == "det"]
                if no:
                    return _zero_result(doc, no[0], tok)
                if holder.dep_ == "pobj" and holder.head.lower_ == "without":
                    return _zero_result(doc, holder.head, tok)
                if holder.head.i == holder.i:
                    break
                holder = holder.head if holder.dep_ in ("pobj", "prep") else holder
                if holder.dep_ == "prep":
                    holder = holder.head
        if tok.lower_ in _NOBODY or (tok.lower_ == "one" and tok.i > sent.start and doc[tok.i - 1].lower_ == "no"):
            verb = tok.head
            if tok.dep_ in ("nsubj", "nsubjpass") and (_lemma(verb) in lex.zero_verbs or _is_death_verb(verb, lex)):
                first = tok.i - 1 if tok.lower_ == "one" else tok.i
                return _zero_result(doc, doc[first], verb)
    return None


def _zero_result(doc, a, b) -> Fatalities:
    first, last = min(a.i, b.i), max(a.i, b.i)
    span = doc[first:last + 1]
    return Fatalities(0, span.text, span.start_char, span.end_char)


_IRREGULAR = ("slain", "slew", "died", "dies", "dying", "dead", "death", "shot", "stabb", "lost", "lose", "fatal",
              "alive", "throat", "casualt", "nobody", "no one", "no-one", "none", "hang", "hung")


@functools.lru_cache(maxsize=1)
def _death_words_re() -> re.Pattern:
    """A cheap pre-filter: the stems of every word that can start a death report."""
    lex = lexicon()
    words = set(lex.death_verbs) | lex.death_nouns | lex.of_nouns | lex.zero_nouns | lex.zero_verbs
    stems = {w.split()[0][:4] if len(w) > 4 else w.split()[0] for w in words} | set(_IRREGULAR)
    return re.compile(r"(?i)\b(?:" + "|".join(sorted(map(re.escape, stems), key=len, reverse=True)) + ")")


@dataclass
class _SentenceFacts:
    candidates: list  # tokens the pre-filter points at, with their heads
    phrases: list[NumberPhrase]
    counts: list[_AnchorCount]
    running_total: bool


_LAST_SENTENCE: list = [None, None, None]  # (doc, (start, end), facts): events of one sentence share the work


def _sentence_facts(sentence, lex: Lexicon) -> _SentenceFacts | None:
    """What a sentence says about deaths, computed once for all the events in it. The pre-filter finds the
    stems of death words in the text; only those tokens and the words governing them ("fatally shot", "slit
    the throats", "beaten to death") are looked at as anchors."""
    doc, key = sentence.doc, (sentence.start, sentence.end)
    if _LAST_SENTENCE[0] is doc and _LAST_SENTENCE[1] == key:
        return _LAST_SENTENCE[2]
    facts = None
    text = sentence.text
    hits = list(_death_words_re().finditer(text))
    if hits:
        offset = sentence.start_char
        seen: dict[int, object] = {}
        for m in hits:
            span = doc.char_span(offset + m.start(), offset + m.end(), alignment_mode="expand")
            for tok in span if span is not None else ():
                for t in (tok, tok.head, tok.head.head):
                    if sentence.start <= t.i < sentence.end:
                        seen.setdefault(t.i, t)
        candidates = [seen[i] for i in sorted(seen)]
        anchors = _anchors(candidates, lex)
        phrases = number_phrases(sentence, lex)
        facts = _SentenceFacts(candidates, phrases, _anchor_counts(sentence, anchors, phrases, lex),
                               any(_running_total(a) for a in anchors))
    _LAST_SENTENCE[0], _LAST_SENTENCE[1], _LAST_SENTENCE[2] = doc, key, facts
    return facts


# -- the entry point --------------------------------------------------------------------------------------
def find_fatalities(sentence, trigger=None) -> Fatalities | None:
    """The deaths the sentence reports for the event whose trigger is `trigger` (None: the sentence's first
    death report), or None when it reports none."""
    lex = lexicon()
    facts = _sentence_facts(sentence, lex)
    if facts is None:
        return None  # most sentences say nothing of deaths
    counts = facts.counts
    if trigger is not None and not (sentence.start <= trigger.i < sentence.end):
        trigger = None
    if counts:
        best = _choose(counts, trigger)
    elif facts.running_total:
        return None  # a conflict's running total, which the word-order fallback must not pick up either
    else:
        best = _fallback(sentence, facts.phrases, lex)
    if best is None and counts:
        return None  # the sentence's deaths belong to another event
    if best is None:
        return _zero(sentence, facts.candidates, lex)
    doc = sentence.doc
    span = doc[min(best.tokens):max(best.tokens) + 1]
    return Fatalities(best.value, span.text, span.start_char, span.end_char)


class FatalityCounter:
    """The casualty stage, as the Pipeline owns it: built once from the language data."""

    def __init__(self, language=None):
        self.language = language

    def find(self, sentence, trigger=None) -> Fatalities | None:
        return find_fatalities(sentence, trigger)
