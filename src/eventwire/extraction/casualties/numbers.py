"""Number phrases and their values: "44", "forty-four", "two hundred", "a dozen", "dozens", "between 10 and 15"
(the low figure), "more than 20" (20), "tens of thousands" (10,000), "1e6"; and the numbers that measure
something else than people ("3 days", "in 2016").

No figure is read larger than just above the toll ceiling (`Lexicon.beyond_ceiling`): a text may write a
number of any length ("99999999999999999999999999", "1e400", "nine hundred trillion trillion") and reading it
must neither fail nor build a huge integer; above the ceiling every figure is equally no toll."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from eventwire.extraction.casualties.lexicon import Lexicon, lemma

_DIGITS_RE = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
_SCIENTIFIC_RE = re.compile(r"^[0-9]+(?:\.[0-9]+)?e\+?[0-9]+$")  # "1e6", "2.5e3" (lower-cased)


@dataclass
class NumberPhrase:
    value: int
    first: int  # token indices (inclusive) of the whole phrase, quantifiers included
    last: int
    tokens: frozenset  # the indices of the number words themselves


def word_value(lower: str, lex: Lexicon) -> int | None:
    if _DIGITS_RE.match(lower):
        digits = lower.replace(",", "").lstrip("0") or "0"
        # measured before it is converted: int() refuses thousands of digits, and no such figure is a toll
        if len(digits) > len(str(lex.beyond_ceiling)):
            return lex.beyond_ceiling
        return min(int(digits), lex.beyond_ceiling)
    if _SCIENTIFIC_RE.match(lower):
        return _scientific_value(lower, lex)
    if lower in lex.units:
        return lex.units[lower]
    if lower in lex.tens:
        return lex.tens[lower]
    if lower in lex.vague:
        return lex.vague[lower]
    return None


def _scientific_value(lower: str, lex: Lexicon) -> int | None:
    """"1e6" 1,000,000; a figure that is no whole number ("1.25e1") counts nobody."""
    try:
        number = Decimal(lower)
    except InvalidOperation:
        return None
    if number.adjusted() >= len(str(lex.beyond_ceiling)):  # its digits before the point: "1e400" is not built
        return lex.beyond_ceiling
    if number != number.to_integral_value():
        return None
    return min(int(number), lex.beyond_ceiling)


def _scale_plural(tok, lex: Lexicon) -> bool:
    """A vague plural that names a scale: "thousands", "millions" (numbers.tsv)."""
    return lex.vague.get(tok.lower_) in lex.scales.values()


def _multiplies(left, right, lex: Lexicon) -> bool:
    """"tens of thousands", "hundreds of thousands": a vague plural (ten or more) of a scale plural."""
    return lex.vague.get(left.lower_, 0) >= 10 and _scale_plural(right, lex)


def _is_number_word(tok, lex: Lexicon) -> bool:
    low = tok.lower_
    if low == "one" and tok.i > 0 and tok.nbor(-1).lower_ in lex.not_one_after:
        return False
    return word_value(low, lex) is not None or low in lex.scales


def _hyphen_scale(toks, j: int, lex: Lexicon) -> bool:
    """"two-hundred", "three-thousand": a number word joined to a scale word by a hyphen."""
    return j + 2 < len(toks) and toks[j + 1].text == "-" and toks[j + 2].lower_ in lex.scales \
        and word_value(toks[j].lower_, lex) is not None


def _tens_after_scale(scale, tens, lex: Lexicon) -> bool:
    """"one hundred and twenty", "two thousand and fifty": the tens of a number joined to its scale word."""
    return scale.lower_ in lex.scales and tens.lower_ in lex.tens


def _halved(toks, first: int, lex: Lexicon) -> bool:
    """"half a dozen": a halving word before "a" and the number word it halves."""
    return first > 0 and toks[first - 1].lower_ in lex.halving_words and toks[first].lower_ in lex.indefinite_articles


def number_phrases(sent, lex: Lexicon) -> list[NumberPhrase]:
    """Every count in the sentence: "44", "forty-four", "two hundred", "a dozen", "dozens", "between 10 and
    15" (the low figure), "more than 20" (20)."""
    toks = list(sent)
    out: list[NumberPhrase] = []
    hyphen_left = lex.hyphen_left
    quantifiers = lex.quantifiers | {"between"}
    i, n = 0, len(toks)
    while i < n:
        if not _is_number_word(toks[i], lex):
            i += 1
            continue
        j = i
        while j + 1 < n and (_is_number_word(toks[j + 1], lex) or (
                toks[j + 1].text in lex.number_joiners and j + 2 < n and toks[j].lower_ in hyphen_left
                and (toks[j + 2].lower_ in lex.units or _tens_after_scale(toks[j], toks[j + 2], lex)))
                or _hyphen_scale(toks, j, lex)):
            j += 1 if _is_number_word(toks[j + 1], lex) else 2
        value = _compound_value([t.lower_ for t in toks[i:j + 1] if t.text not in lex.number_joiners], lex)
        # "a dozen", "a handful", "a few", "a couple"
        first = i - 1 if i > 0 and toks[i - 1].lower_ in lex.indefinite_articles and toks[i].lower_ in lex.a_number_words else i
        if value is None:
            i = j + 1
            continue
        if first < i and _halved(toks, first, lex):
            first, value = first - 1, max(value // 2, 1)  # "half a dozen" 6
        number_tokens = {t.i for t in toks[i:j + 1]}
        # "tens of thousands", "hundreds of thousands of people"
        while j + 2 < n and toks[j + 1].lower_ == "of" and _multiplies(toks[j], toks[j + 2], lex):
            value = min(value * lex.vague[toks[j + 2].lower_], lex.beyond_ceiling)
            number_tokens.add(toks[j + 2].i)
            j += 2
        last = j
        # a range: "10 to 15", "10-15", "two or three", "between 10 and 15" -> the low figure
        k = j + 1
        if k + 1 < n and toks[k].lower_ in lex.range_words and _is_number_word(toks[k + 1], lex):
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
        while first > 0 and toks[first - 1].lower_ in quantifiers:
            first -= 1
        out.append(NumberPhrase(value, toks[first].i, toks[last].i, frozenset(number_tokens)))
        i = j + 1
    return out


def _compound_value(words: list[str], lex: Lexicon) -> int | None:
    """"forty four" 44, "two hundred" 200, "1,200" 1200, "three dozen" 36, "dozens" 12; never more than just
    above the toll ceiling, however many scale words follow each other ("a trillion trillion trillion")."""
    if not words:
        return None
    scales = lex.scales
    if len(words) == 1:
        return word_value(words[0], lex) if words[0] not in scales else scales[words[0]]
    beyond = lex.beyond_ceiling
    total, current = 0, 0
    for w in words:
        total, current = min(total, beyond), min(current, beyond)
        if w in scales:
            current = max(current, 1) * scales[w]
            if scales[w] >= 1000:
                total, current = total + current, 0
        elif w in lex.multiplying_words:
            current = max(current, 1) * lex.vague[w]
        elif w in lex.vague and current == 0:
            current = lex.vague[w]
        else:
            v = word_value(w, lex)
            if v is None:
                return None
            current += v
    return min(total + current, beyond)


def is_number_like(tok, lex: Lexicon) -> bool:
    return word_value(tok.lower_, lex) is not None


def counted(tok, lex: Lexicon) -> bool:
    """A number, or a noun with a number on it."""
    return is_number_like(tok, lex) or any(c.dep_ == "nummod" for c in tok.children)


def measure(victim, ph: NumberPhrase, lex: Lexicon) -> bool:
    """A number that counts time, distance, money or dates, or a year, is not a death count."""
    doc = victim.doc
    after = doc[ph.last + 1] if ph.last + 1 < len(doc) else None
    if after is not None and (after.lower_ in lex.measure_words or after.lower_ == "-"):
        if after.text == "-" and ph.last + 2 < len(doc) and doc[ph.last + 2].lower_ not in lex.measure_words:
            return False
        return True
    if victim.lower_ in lex.measure_words:
        return True
    if year_like(doc, ph) and not (lemma(victim) in lex.person_nouns or lemma(victim) in lex.people_lemmas):
        return True  # a year ("in 2016", "the 2018 attacks"); a count that large would be written "2,018"
    return False


def year_like(doc, ph: NumberPhrase) -> bool:
    if len(ph.tokens) != 1:
        return False
    text = doc[min(ph.tokens)].text
    return len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100
