"""The words of the casualty stage, read from the language data (lang/<code>/casualties.yaml, numbers.tsv and
the day and month names of dates.yaml) and checked as they are read."""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.lang import LanguageData, LanguageDataError

DATA_FILE = "casualties.yaml"
NUMBERS_FILE = "numbers.tsv"
DATES_FILE = "dates.yaml"

# every list casualties.yaml may (and must) hold; what each does is said in the file
LISTS = ("death_verbs", "death_nouns", "counted_death_nouns", "of_nouns", "toll_verbs", "tally_nouns",
         "tally_setting_verbs", "rising_toll_verbs", "wound_death_verbs", "life_verbs", "other_harm",
         "zero_nouns", "zero_verbs", "person_nouns", "one_person_pronouns", "one_person_possessives", "additive_adverbs",
         "additive_determiners",
         "contrast_marks",
         "subset_words", "group_nouns", "whole_words", "pair_words", "pair_nouns", "found_body_verbs", "dead_beside_wounded",
         "non_person_nouns", "quantifiers", "bound_comparatives",
         "measure_words", "not_people_entities", "earlier_event_words", "conflict_nouns", "running_total_cues",
         "period_nouns", "long_period_words", "death_word_forms",
         "fallback_people_words", "prefilter_stems")
# the small words the parse walks read (casualties.yaml, the section of that name)
WALK_LISTS = ("kill_forms", "attempt_words", "age_units", "intransitive_death_verbs", "alive_death_verbs",
              "death_particles", "throat_verbs", "throat_nouns",
              "life_nouns", "own_life_verbs", "body_nouns", "number_of_nouns", "total_nouns", "toll_subjects",
              "listing_verbs", "companion_words", "singular_auxiliaries", "subset_pronouns", "harm_linking_words",
              "period_prepositions", "denial_words", "no_count_determiners", "nobody_words", "fallback_auxiliaries",
              "fallback_after_auxiliaries", "a_number_words", "range_words", "not_one_after", "people_lemmas",
              "indefinite_articles", "toll_figure_preps", "owner_preps", "number_joiners", "multiplying_words",
              "whole_nouns", "breakdown_marks", "halving_words", "people_only_death_verbs")
NUMBER_KINDS = ("unit", "ten", "scale", "vague", "date", "ceiling")


@dataclass(frozen=True)
class Lexicon:
    death_verbs: frozenset
    death_nouns: frozenset
    of_nouns: frozenset
    toll_verbs: frozenset
    tally_nouns: frozenset
    tally_setting_verbs: frozenset
    rising_toll_verbs: frozenset
    wound_death_verbs: frozenset
    life_verbs: frozenset
    other_harm: frozenset
    zero_nouns: frozenset
    zero_verbs: frozenset
    vague: dict
    person_nouns: frozenset
    one_person_pronouns: frozenset
    one_person_possessives: frozenset  # "slit his throat": one dead
    additive_adverbs: frozenset
    additive_determiners: frozenset
    contrast_marks: frozenset
    subset_words: frozenset
    group_nouns: frozenset  # "a family of five": the "of" phrase counts the people
    whole_words: frozenset  # "all of the 14 passengers": the "of" phrase counts the people
    pair_words: frozenset  # "both assailants": two people
    pair_nouns: frozenset  # "his parents", "twins": two people without a number
    found_body_verbs: frozenset  # "his body was found": one dead
    dead_beside_wounded: frozenset  # "casualties and injuries": the dead, set beside the wounded
    non_person_nouns: frozenset
    counted_death_nouns: frozenset
    # numbers
    units: dict
    tens: dict
    scales: dict
    quantifiers: frozenset
    measure_words: frozenset
    bound_comparatives: frozenset  # "no fewer than 20": a bound on the count, not no one
    # whose deaths
    not_people_entities: frozenset
    earlier_event_words: frozenset
    conflict_nouns: frozenset
    running_total_cues: frozenset
    period_nouns: frozenset
    long_period_words: frozenset  # with the month names of dates.yaml
    # the word-order fallback
    death_word_forms: frozenset
    fallback_people_words: frozenset
    # the small words the parse walks read: one field per WALK_LISTS name (kill_forms, companion_words, ...)
    kill_forms: frozenset
    attempt_words: frozenset
    age_units: frozenset
    intransitive_death_verbs: frozenset
    alive_death_verbs: frozenset
    death_particles: frozenset
    throat_verbs: frozenset
    throat_nouns: frozenset
    life_nouns: frozenset
    own_life_verbs: frozenset
    body_nouns: frozenset
    number_of_nouns: frozenset
    total_nouns: frozenset
    toll_subjects: frozenset
    listing_verbs: frozenset
    companion_words: frozenset
    singular_auxiliaries: frozenset
    subset_pronouns: frozenset
    harm_linking_words: frozenset
    period_prepositions: frozenset
    denial_words: frozenset
    no_count_determiners: frozenset
    nobody_words: frozenset
    fallback_auxiliaries: frozenset
    fallback_after_auxiliaries: frozenset
    a_number_words: frozenset
    range_words: frozenset
    not_one_after: frozenset
    people_lemmas: frozenset
    indefinite_articles: frozenset
    toll_figure_preps: frozenset
    owner_preps: frozenset
    number_joiners: frozenset
    multiplying_words: frozenset  # each a vague word of numbers.tsv, checked on read
    whole_nouns: frozenset  # "five people, two soldiers and three villagers": the whole a list breaks down
    breakdown_marks: frozenset
    halving_words: frozenset  # "half a dozen": half the number after "a"
    people_only_death_verbs: frozenset  # "wiped out three posts" counts no one
    # the pre-filter: the stems of every word that can start a death report
    death_words_re: re.Pattern
    # the largest plausible death toll (numbers.tsv, kind `ceiling`): a figure above it is no toll
    toll_ceiling: int
    # the stems in lower case: a sentence in ASCII holding none of them has no match (found with `in`, far faster)
    death_stems: tuple = ()

    def death_words(self, text: str) -> list:
        """The matches of `death_words_re` in `text` (none without a stem, for ASCII text, where the pattern's
        ignoring of case is lower-casing)."""
        if text.isascii() and self.death_stems:
            low = text.lower()
            if not any(stem in low for stem in self.death_stems):
                return []
        return list(self.death_words_re.finditer(text))

    @property
    def hyphen_left(self) -> frozenset:
        """Number words a hyphen or "and" may follow: "forty-four", "one hundred and five"."""
        return frozenset(self.tens) | frozenset(self.scales)

    @property
    def beyond_ceiling(self) -> int:
        """What every figure above the toll ceiling is read as: how far above does not matter, and a figure
        kept this small can be added and multiplied without growing without bound."""
        return self.toll_ceiling + 1


def number_words(language: LanguageData) -> dict[str, dict[str, int]]:
    """numbers.tsv as kind -> {word: value}, in file order; an unknown kind, a value that is no whole number or a
    word twice in one kind gives a LanguageDataError with the line."""
    path = language.path(NUMBERS_FILE)

    def build() -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {kind: {} for kind in NUMBER_KINDS}
        for row in language.tsv(NUMBERS_FILE, columns=("word", "value", "kind")):
            line, word, kind = row["_line"], row["word"].lower(), row["kind"]
            if kind not in out:
                raise LanguageDataError(path, line, f"unknown kind {kind!r} (known: {', '.join(NUMBER_KINDS)})")
            if not word or not row["value"].isdigit():
                raise LanguageDataError(path, line, "expected a word and a whole number")
            if word in out[kind]:
                raise LanguageDataError(path, line, f"duplicate {kind} word {word!r}")
            out[kind][word] = int(row["value"])
        return out

    return language.memo("number_words", build)


def load_lexicon(language: LanguageData) -> Lexicon:
    lists = language.word_lists(DATA_FILE, known=LISTS + WALK_LISTS)
    missing = [name for name in LISTS + WALK_LISTS if name not in lists]
    if missing:
        raise LanguageDataError(language.path(DATA_FILE), None, f"missing list(s) {', '.join(missing)}")

    def words(key: str) -> frozenset:
        return frozenset(str(w).lower() for w in lists[key])

    numbers = number_words(language)
    if "toll" not in numbers["ceiling"]:
        raise LanguageDataError(language.path(NUMBERS_FILE), None, "missing the row `toll <value> ceiling`")
    unvalued = sorted(words("multiplying_words") - frozenset(numbers["vague"]))
    if unvalued:
        raise LanguageDataError(language.path(DATA_FILE), None, f"multiplying_words not vague in {NUMBERS_FILE}: "
                                f"{', '.join(unvalued)}")
    calendar = language.word_lists(DATES_FILE)
    calendar_names = [w for key in ("months", "month_abbreviations", "weekdays") for w in calendar.get(key, ())]
    lex = {
        "death_verbs": words("death_verbs"), "death_nouns": words("death_nouns"), "of_nouns": words("of_nouns"),
        "toll_verbs": words("toll_verbs"), "tally_nouns": words("tally_nouns"),
        "tally_setting_verbs": words("tally_setting_verbs"), "rising_toll_verbs": words("rising_toll_verbs"),
        "wound_death_verbs": words("wound_death_verbs"),
        "life_verbs": words("life_verbs"),
        "other_harm": words("other_harm"),
        "zero_nouns": words("zero_nouns"), "zero_verbs": words("zero_verbs"), "vague": numbers["vague"],
        "person_nouns": words("person_nouns"),
        "one_person_pronouns": words("one_person_pronouns"),
        "one_person_possessives": words("one_person_possessives"), "additive_adverbs": words("additive_adverbs"),
        "additive_determiners": words("additive_determiners"), "contrast_marks": words("contrast_marks"),
        "subset_words": words("subset_words"), "group_nouns": words("group_nouns"),
        "whole_words": words("whole_words"), "pair_words": words("pair_words"),
        "pair_nouns": words("pair_nouns"), "found_body_verbs": words("found_body_verbs"),
        "dead_beside_wounded": words("dead_beside_wounded"),
        "non_person_nouns": words("non_person_nouns"), "counted_death_nouns": words("counted_death_nouns"),
        "units": numbers["unit"], "tens": numbers["ten"], "scales": numbers["scale"],
        "quantifiers": words("quantifiers"), "bound_comparatives": words("bound_comparatives"),
        "measure_words": words("measure_words") | frozenset(calendar_names),
        "not_people_entities": frozenset(lists["not_people_entities"]),
        "earlier_event_words": words("earlier_event_words"), "conflict_nouns": words("conflict_nouns"),
        "running_total_cues": words("running_total_cues"), "period_nouns": words("period_nouns"),
        "long_period_words": words("long_period_words") | frozenset(str(m).lower() for m in calendar.get("months", ())),
        "death_word_forms": words("death_word_forms"), "fallback_people_words": words("fallback_people_words"),
        **{name: words(name) for name in WALK_LISTS}}
    starters = lex["death_verbs"] | lex["death_nouns"] | lex["of_nouns"] | lex["zero_nouns"] | lex["zero_verbs"]
    stems = {w.split()[0][:4] if len(w) > 4 else w.split()[0] for w in starters} | words("prefilter_stems")
    pattern = re.compile(r"(?i)\b(?:" + "|".join(sorted(map(re.escape, stems), key=len, reverse=True)) + ")")
    return Lexicon(**lex, death_words_re=pattern, toll_ceiling=numbers["ceiling"]["toll"],
                   death_stems=tuple(sorted({stem.lower() for stem in stems})))


def lemma(tok) -> str:
    return tok.lemma_.lower() or tok.lower_
