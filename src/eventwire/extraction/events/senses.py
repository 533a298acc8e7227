"""Trigger senses (lang/<code>/events/senses.yaml): a trigger word names an event only in some of its senses.
"fired forty workers" is a dismissal, "a strike over pay" a labour protest, "a gas container exploded" an
accident, "a battle over the budget" no fighting. Each sense names the words around the trigger that select
it, read from the parse by syntactic slot (the trigger's subject, object, modifiers, the noun it depends on,
the objects of its prepositions, the subject of a clause telling its cause), and the classes the trigger has in
that sense (none: no event).

The senses are data; this module only reads a trigger's slots and finds the first sense whose cues are there."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.extraction.events.syntax import patient_of, subject_of
from eventwire.extraction.tokens import children, token_table
from eventwire.lang import LanguageDataError

SENSES_KEY = "eventwire.senses"  # Doc.user_data: (token, classes) -> the sense that holds, or None

# the slots a sense may name; `prep` maps prepositions to the words of their objects
SLOTS = ("subject", "object", "object_phrase", "modifier", "complement", "governor", "prep", "cause", "content",
         "infinitive", "purpose", "sentence")
# a cue list holding only this word is met by any word in its slot: "prep: {about: ["*"]}" (talked about anything)
ANY_WORD = "*"
MODIFIER_DEPS = {"compound", "amod", "prt", "advmod", "npadvmod", "nmod", "acomp"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
QUOTE_MARKS = {":", '"', "\u201c", "\u201d", "'"}


@dataclass(frozen=True)
class Sense:
    name: str
    words: frozenset  # the trigger lemmas (or lower-cased forms) this sense is for
    then: frozenset  # the trigger's classes in this sense; empty: no event
    when: dict  # slot -> frozenset of cue words (prep: preposition -> frozenset); empty: always
    unless: dict  # the same: any of these cues and the sense does not hold
    classes: frozenset = frozenset()  # only for triggers of these classes (empty: any)
    pos: frozenset = frozenset()  # only for these parts of speech (empty: any)


def _word_forms(tok: Token, compounds: bool = False) -> set[str]:
    """A word as the lists name it: the lemma and lower-cased form of the head word and its conjuncts ("gas and
    propane containers"); not its modifiers ("an attack on an election rally" is an attack on a rally), except
    a subject's compound parts and possessor when asked ("a tanker truck exploded", "the guards' fire")."""
    words = (tok, *tok.conjuncts)
    if compounds:  # "a tanker truck", "the border guards' fire"
        words += tuple(c for t in words for c in t.children if c.dep_ in ("compound", "poss"))
    return {w for t in words for w in (t.lemma_.lower(), t.lower_)}


def _own_forms(tok: Token) -> set[str]:
    """The trigger's forms that no other word of its sentence has."""
    table, sent, i = token_table(tok.doc), tok.sent, tok.i
    lowers, lemmas = table.lower, table.lemma
    lower, lemma = lowers[i], lemmas[i]
    others = [j for j in range(sent.start, sent.end) if j != i and (
        lowers[j] == lower or lemmas[j] in (lower, lemma) or lowers[j] == lemma)]
    return {lemma, lower} - {w for j in others for w in (lemmas[j], lowers[j])}


def _verb_subject(tok: Token) -> Token | None:
    """Who acts: the active subject, or the "by" agent of a passive verb."""
    subj, passive = subject_of(tok)
    if not passive:
        return subj
    return next((p for c in children(tok) if c.dep_ == "agent" for p in children(c) if p.dep_ == "pobj"), None)


def _noun_predicate(tok: Token) -> Token | None:
    """The verb an event noun is the subject, object or complement of: its arguments tell the event too
    ("the blast occurred in a tank", "X is an attack on Y", "dock workers went on strike")."""
    if tok.dep_ in SUBJECT_DEPS | {"dobj", "attr"} and tok.head.pos_ in ("VERB", "AUX"):
        return tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.pos_ in ("VERB", "AUX"):
        return tok.head.head
    return None


def _prepositional_predicate(tok: Token) -> Token | None:
    """The verb a noun hangs on through a preposition ("factoring drones into their war games": factoring)."""
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
        return tok.head.head
    return None


class TriggerSlots:
    """The words in each slot around one trigger, read from the parse when a sense first asks for them."""

    def __init__(self, tok: Token, sentence_cache: list | None = None, named_lists: dict | None = None):
        self.tok = tok
        self.named = named_lists or {}  # the named word lists (words.yaml, parties.yaml) the walks read
        self._cache: dict = {}
        # one slot: (doc, sentence start, words) of the last sentence read, shared by the triggers of one Senses
        # (replaced whole, so a thread reading another sentence never sees half of it)
        self._sentence_cache = sentence_cache if sentence_cache is not None else [None]

    def _sentence_words(self, sent) -> frozenset:
        """Every lemma and lower-cased form of the sentence, read once for all its triggers."""
        entry = self._sentence_cache[0]
        if entry is None or entry[0] is not sent.doc or entry[1] != sent.start:
            table, start, end = token_table(sent.doc), sent.start, sent.end
            entry = (sent.doc, start, frozenset(table.lemma[start:end]) | frozenset(table.lower[start:end]))
            self._sentence_cache[0] = entry
        return entry[2]

    def words(self, slot: str, prep: str | None = None) -> set[str]:
        key = (slot, prep)
        if key not in self._cache:
            self._cache[key] = self._read(slot, prep)
        return self._cache[key]

    def _read(self, slot: str, prep: str | None) -> set[str]:
        tok = self.tok
        verb = tok if tok.pos_ in ("VERB", "AUX") else _noun_predicate(tok)
        out: set[str] = set()
        if slot == "sentence":  # the other words of the sentence: a trigger is no cue against its own sense
            return self._sentence_words(tok.sent) - _own_forms(tok)
        if slot == "cause":  # "killed when a wall collapsed", "died after a fire broke out"
            clauses = [c for c in tok.children if c.dep_ == "advcl" and any(
                m.dep_ in ("mark", "advmod") and m.lower_ in self.named["cause_markers"] for m in c.children)]
            subjects = [s for c in clauses for s in [_verb_subject(c)] if s is not None]
            return set().union(*(_word_forms(s, compounds=True) for s in subjects))
        if slot == "content":  # what a clause of saying says: its subject (with possessor) and auxiliaries
            clauses = [c for c in children(tok) if c.dep_ == "ccomp"]
            subjects = [sj for c in clauses for sj in [_verb_subject(c)] if sj is not None]
            return set().union(*(_word_forms(sj, compounds=True) for sj in subjects), *(
                {a.lemma_.lower(), a.lower_} for c in clauses for a in children(c) if a.dep_ in ("aux", "auxpass")))
        if slot == "purpose":  # what the act is for: "gathered outside the hospital to demand their wages"
            return {w for c in children(tok) if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB"
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in children(c)) for w in (c.lemma_.lower(), c.lower_)}
        if slot == "infinitive":  # the act a verb of telling or allowing is about: "told Belarus to withdraw",
            # "let refugees cross" (a base-form verb clause with no "that": not "told reporters that troops withdrew"),
            # or hung on the object ("permitted pilgrims to visit"); a passive with no one who tells or allows ("police
            # were told to detain", "were allowed to leave") is an order or leave received, no act of a party
            if tok.pos_ == "VERB" and subject_of(tok)[1] and _verb_subject(tok) is None:
                return out
            obj = patient_of(tok) if tok.pos_ == "VERB" else None
            clauses = [c for c in children(tok) if c.dep_ in ("xcomp", "ccomp")]
            # (or as the object's own clause when the parser reads a plural object as a verb: "instructed all
            # police prefects to reinforce", prefects an xcomp's head)
            clauses += [c for c in (children(obj) if obj is not None else ()) if c.dep_ in ("acl", "xcomp")
                        and any(a.dep_ == "aux" and a.lower_ == "to" for a in children(c))]
            return {w for c in clauses if c.tag_ in ("VB", "VBP") and not any(
                m.dep_ == "mark" or (m.dep_ in ("aux", "auxpass") and m.lower_ != "to") for m in children(c))
                and not _quoted_clause(tok, c, self.named["nominative_pronouns"]) for w in (c.lemma_.lower(), c.lower_)}
        if slot == "modifier":
            # a particle parsed as the head of a compound preposition counts: "drove the militants out of the town"
            return {w for c in children(tok) if c.dep_ in MODIFIER_DEPS or (
                c.dep_ == "prep" and any(g.dep_ == "prep" for g in children(c))) for w in (c.lemma_.lower(), c.lower_)}
        if slot == "complement":
            # what the object is called or made, with its words: "named him envoy", "called the attack barbaric"
            # (parsed as one small clause, "the attack" under "barbaric")
            return {w for c in children(tok) if c.dep_ == "oprd" for t in c.subtree for w in (t.lemma_.lower(), t.lower_)}
        if slot == "governor":
            first = tok
            while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ in ("NOUN", "PROPN"):
                first = first.head  # "moved tanks and artillery": the conjuncts share the verb
            head = first.head.head if first.head.dep_ in ("prep", "agent") else first.head
            return set() if head.i == first.i else {head.lemma_.lower(), head.lower_}
        if slot == "subject":
            subj = None
            if tok.pos_ in ("VERB", "AUX"):
                subj = _verb_subject(tok)
            else:
                subj = next((c for c in children(tok) if c.dep_ == "poss"), None)
                owner = verb if verb is not None else _prepositional_predicate(tok)
                if subj is not None and subj.lower_ in self.named["own_possessives"] and owner is not None \
                        and tok.dep_ not in SUBJECT_DEPS:
                    subj = _verb_subject(owner) or subj  # "agencies are factoring drones into their war games"
                if subj is None and verb is not None and tok.dep_ not in SUBJECT_DEPS:
                    subj = _verb_subject(verb)  # "the company launched a merger", "climate change is a threat"
            if subj is None:
                return out
            # "a number of gas containers exploded": the words of the "of" complement name the thing too
            of = [p for c in children(subj) if c.dep_ == "prep" and c.lower_ == "of" for p in children(c) if p.dep_ == "pobj"]
            return _word_forms(subj, compounds=True).union(*(_word_forms(p, compounds=True) for p in of))
        if slot in ("object", "object_phrase"):
            obj = patient_of(verb) if verb is not None and (verb is tok or tok.dep_ in SUBJECT_DEPS) else None
            if obj is None or obj.i == tok.i:
                return out
            if slot == "object":
                return _word_forms(obj)
            return {w for t in obj.subtree for w in (t.lemma_.lower(), t.lower_)}
        # prep: the objects of the trigger's prepositions, and of its predicate's when the trigger is its subject
        owners = [tok] + ([verb] if verb is not None and verb is not tok and tok.dep_ in SUBJECT_DEPS else [])
        for owner in owners:
            for c in children(owner):
                if c.dep_ in ("prep", "agent") and c.lower_ == prep:
                    for p in children(c):
                        if p.dep_ in ("pobj", "pcomp"):  # "for the budget", "for stealing cars"
                            out |= _word_forms(p)
        return out

    def has_any(self, cues: dict) -> bool:
        for slot, words in cues.items():
            if slot == "prep":
                if any(_met(self.words("prep", p), w) for p, w in words.items()):
                    return True
            elif _met(self.words(slot), words):
                return True
        return False


def _met(found: set, cues: frozenset) -> bool:
    """Some word found in a slot is a cue, or the cue is any word and the slot holds one."""
    return bool(found & cues) or (ANY_WORD in cues and bool(found))


class Senses:
    """The senses of senses.yaml, by trigger word."""

    def __init__(self, senses: list[Sense], named_lists: dict | None = None):
        self._named = named_lists  # the named word lists the trigger slots read
        self._sentence_cache: list = [None]  # the words of the last sentence a sense asked for
        self.by_word: dict[str, list[Sense]] = {}
        for s in senses:
            for w in s.words:
                self.by_word.setdefault(w, []).append(s)

    def resolve(self, tok: Token, classes: set) -> tuple[set, Sense | None]:
        """The trigger's classes in the first sense that holds, and that sense; (classes, None) when none does.
        Kept per Doc for each (token, classes): the finder and the weapon cues ask the same words again."""
        table = token_table(tok.doc)
        candidates = self.by_word.get(table.lemma[tok.i]) or self.by_word.get(table.lower[tok.i])
        if not candidates:
            return classes, None
        memo = tok.doc.user_data.setdefault((SENSES_KEY, id(self)), {})  # these senses' answers only
        key = (tok.i, frozenset(classes))
        if key not in memo:
            memo[key] = self._first_sense(tok, classes, candidates)
        sense = memo[key]
        return (classes, None) if sense is None else (set(sense.then), sense)

    def _first_sense(self, tok: Token, classes: set, candidates: list[Sense]) -> Sense | None:
        slots = TriggerSlots(tok, self._sentence_cache, self._named)
        for s in candidates:
            if s.classes and not classes & s.classes:
                continue
            if s.pos and tok.pos_ not in s.pos:
                continue
            if s.when and not slots.has_any(s.when):
                continue
            if s.unless and slots.has_any(s.unless):
                continue
            return s
        return None


def build_senses(data: dict, path, named_lists: dict, known_classes, lines: list | None = None) -> Senses:
    """Senses from the parsed senses.yaml (`lines`: the line of each sense, for error messages); `@name` in a
    cue list stands for a named word list."""
    senses = []
    for i, spec in enumerate(data.get("senses") or []):
        line = lines[i] if lines and i < len(lines) else None
        where = f"sense {i + 1}" + (f" ({spec.get('sense', '?')!r})" if isinstance(spec, dict) else "")
        if not isinstance(spec, dict) or not spec.get("words") or "then" not in spec:
            raise LanguageDataError(path, line, f"{where}: a sense needs `words:` and `then:`")
        for cls in list(spec.get("then") or []) + list(spec.get("classes") or []):
            if cls not in known_classes:
                raise LanguageDataError(path, line, f"{where}: unknown trigger class {cls!r}")
        senses.append(Sense(
            name=str(spec.get("sense", "")), words=frozenset(w.lower() for w in spec["words"]),
            then=frozenset(spec.get("then") or ()), when=_cues(spec.get("when"), path, line, where, named_lists),
            unless=_cues(spec.get("unless"), path, line, where, named_lists),
            classes=frozenset(spec.get("classes") or ()), pos=frozenset(spec.get("pos") or ())))
    return Senses(senses, named_lists)


def _cues(spec, path, line: int | None, where: str, named_lists: dict) -> dict:
    if not spec:
        return {}
    if not isinstance(spec, dict):
        raise LanguageDataError(path, line, f"{where}: cues must be a mapping of slots")
    out: dict = {}
    for slot, words in spec.items():
        if slot not in SLOTS:
            raise LanguageDataError(path, line, f"{where}: unknown slot {slot!r} (known: {', '.join(SLOTS)})")
        if slot == "prep":
            for p in words or {}:
                if not isinstance(p, str):
                    raise LanguageDataError(path, line, f"{where}: preposition {p!r} must be quoted (\"on\", \"off\")")
            out[slot] = {p.lower(): _expand(ws, path, line, where, named_lists) for p, ws in (words or {}).items()}
        else:
            out[slot] = _expand(words, path, line, where, named_lists)
    return out


def _expand(words, path, line: int | None, where: str, named_lists: dict) -> frozenset:
    out: set[str] = set()
    for w in words or []:
        if isinstance(w, list):  # a YAML alias of another cue list inside this one
            out |= _expand(w, path, line, where, named_lists)
            continue
        if not isinstance(w, str):
            raise LanguageDataError(path, line, f"{where}: cue {w!r} is not a word (quote on, off, yes, no)")
        w = w.lower()
        if w.startswith("@"):
            if w[1:] not in named_lists:
                raise LanguageDataError(path, line, f"{where}: unknown word list {w!r}")
            out |= named_lists[w[1:]]
        else:
            out.add(w)
    return frozenset(out)


def _quoted_clause(verb: Token, clause: Token, nominative_pronouns: frozenset) -> bool:
    """A clause of quoted words, not an act asked for: after a colon or a quotation mark ("told the paper: \"We talk
    about it\"") or with a subject pronoun of its own ("told them we leave")."""
    lo, hi = sorted((verb.i, clause.left_edge.i))
    between = verb.doc[lo:hi]
    if any(t.lower_ in QUOTE_MARKS or t.tag_ in ("``", "''") for t in between):
        return True
    return any(c.dep_ == "nsubj" and c.lower_ in nominative_pronouns for c in children(clause))
