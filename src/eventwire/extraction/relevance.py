"""The relevance gate: an article that holds no word an event can start from is not parsed at all.

An event starts from a trigger word (events/triggers.yaml: a verb or noun lemma, or a phrase), or from a verb of
finding weapons with a weapon as its object ("two explosive devices were found"), or from a verb of setting up
with a base as its object ("set up a checkpoint"). The gate looks for every word form those lemmas can take,
in the raw text, case-insensitively, with one Aho-Corasick automaton (pyahocorasick): no tokenizer, no model.

The word forms are generated from the lemmas with the spaCy model's own lemmatizer tables (its suffix rules run
backwards, its exceptions inverted: "kill" -> kills, killed, killing; "fight" -> fought), so every form that
the lemmatizer maps to a trigger lemma is among them and the gate never drops an article the extractor would
have found an event in. A model without those tables gets no gate (every article is parsed).

What the gate does not count, because none of it makes an event without a trigger word: actor names, places,
dates and casualty words (the casualty stage reads only the sentences of events already found).

The same test, sentence by sentence, is the sentence gate (`kept_sentences`): within a relevant article, only the
sentences it finds relevant and their neighbours are parsed (nlp.SentenceGatedParse)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import ahocorasick

from eventwire.extraction.events.lexicon import Lexicon

# what a form found in the text stands for (bits: a form may be several things at once)
TRIGGER, WEAPON, DISCOVERY, BASE_NOUN, BASE_VERB = 1, 2, 4, 8, 16
LEMMATIZER_POS = ("verb", "noun", "adj")  # the parts of speech a trigger lemma is read from


class WordForms:
    """Every form the lemmatizer of a spaCy model maps to a lemma, from its rule tables (rule mode only)."""

    def __init__(self, rules: dict, exceptions: dict):
        self.rules = rules  # pos -> [(old suffix, new suffix)]: form[:-len(old)] + new is the lemma
        self.inverted: dict[str, set[str]] = defaultdict(set)  # lemma -> irregular forms ("fight" -> "fought")
        for table in exceptions.values():
            for form, lemmas in table.items():
                for lemma in lemmas:
                    self.inverted[lemma].add(form)

    @classmethod
    def of_model(cls, nlp) -> WordForms | None:
        """The forms of `nlp`'s rule lemmatizer; None when it has none (a lookup or a custom lemmatizer)."""
        if "lemmatizer" not in nlp.pipe_names:
            return None
        lemmatizer = nlp.get_pipe("lemmatizer")
        lookups = getattr(lemmatizer, "lookups", None)
        if getattr(lemmatizer, "mode", None) != "rule" or lookups is None or not lookups.has_table("lemma_rules"):
            return None
        rules_table = lookups.get_table("lemma_rules")
        exc_table = lookups.get_table("lemma_exc") if lookups.has_table("lemma_exc") else {}
        rules = {pos: [tuple(r) for r in rules_table.get(pos, [])] for pos in LEMMATIZER_POS}
        exceptions = {pos: dict(exc_table.get(pos, {})) for pos in LEMMATIZER_POS}
        return cls(rules, exceptions)

    def of(self, lemma: str) -> set[str]:
        """The lemma itself, its irregular forms and the forms each suffix rule maps back to it (a superset:
        "kill" also gives "killes", which no text holds and costs nothing)."""
        lemma = lemma.lower()
        out = {lemma} | self.inverted.get(lemma, set())
        for rules in self.rules.values():
            for old, new in rules:
                if lemma.endswith(new) and len(lemma) > len(new):
                    out.add(lemma[: len(lemma) - len(new)] + old)
        return out


class RelevanceGate:
    """`gate.relevant(text)`: whether an article holds a word an event can start from. Built once per Pipeline
    from its event lexicon and its spaCy model's lemmatizer."""

    def __init__(self, lex: Lexicon, forms: WordForms):
        self.automaton = ahocorasick.Automaton()
        kinds: dict[str, int] = defaultdict(int)
        words = lex.words

        def add(lemmas: Iterable[str], kind: int, inflect: bool = True) -> None:
            for lemma in lemmas:
                for form in (forms.of(lemma) if inflect and " " not in lemma else {lemma.lower()}):
                    kinds[" ".join(form.split())] |= kind

        add(lex.verbs, TRIGGER)
        add(lex.nouns, TRIGGER)
        # a phrase is matched on lower-cased words as written ("took control"); its head may be inflected in
        # the lexicon's other lists, which are added above
        add((p for p, classes in lex.phrases.items() if classes - {"ignore"}), TRIGGER, inflect=False)
        add(words.weapon_nouns, WEAPON)
        add(words.discovery_verbs, DISCOVERY)
        add(words.base_nouns, BASE_NOUN)
        add(words.base_verbs, BASE_VERB)
        for form, kind in kinds.items():
            self.automaton.add_word(form, (len(form), kind))
        self.automaton.make_automaton()
        self.size = len(kinds)

    def relevant(self, text: str) -> bool:
        """True when `text` has a trigger word form, or a weapon noun and a verb of finding, or a base noun and
        a verb of setting up. Stops at the first trigger found."""
        low = " ".join(text.lower().split())  # phrases are written with one space between their words
        seen = 0
        for end, (length, kind) in self.automaton.iter(low):
            start = end - length + 1
            if (start > 0 and low[start - 1].isalnum()) or (end + 1 < len(low) and low[end + 1].isalnum()):
                continue  # inside a longer word: "skills" holds no "kill"
            if kind & TRIGGER:
                return True
            seen |= kind
        return bool((seen & WEAPON and seen & DISCOVERY) or (seen & BASE_NOUN and seen & BASE_VERB))


def build_gate(lex: Lexicon, nlp) -> RelevanceGate | None:
    """The gate for a Pipeline's lexicon and spaCy model; None when the model's lemmatizer cannot give the word
    forms (then every article is parsed)."""
    forms = WordForms.of_model(nlp)
    return RelevanceGate(lex, forms) if forms is not None else None


def kept_sentences(gate: RelevanceGate, sentences: list[str], neighbours: int) -> set[int]:
    """The indices of the sentences the sentence gate parses: those the gate finds relevant, and `neighbours`
    sentences either side of each (a pronoun, a claim or a toll read in the next sentence needs its parse)."""
    keep: set[int] = set()
    for i, text in enumerate(sentences):
        if gate.relevant(text):
            keep.update(range(max(0, i - neighbours), min(len(sentences), i + neighbours + 1)))
    return keep
