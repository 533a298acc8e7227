"""Trigger words: where a sentence names an event, of which classes (triggers.yaml), and the readings that
depend on the words around the trigger (capture a town or a person, weapons found rather than used, a base set
up, a word that is an event only near conflict words)."""

from __future__ import annotations

from collections import defaultdict

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from eventwire.extraction.events.lexicon import Lexicon
from eventwire.extraction.events.syntax import PLACE_LABELS, object_of, patient_of
from eventwire.extraction.tokens import children, span_text, token_table


def phrase_keys(lex: Lexicon, vocab) -> list[tuple[str, tuple[int, ...]]]:
    """The lexicon's phrases, each with the LOWER hashes of its words (what the matcher matches on): plain data,
    kept in the compiled cache, so that a new process builds its matcher without tokenizing them again."""
    from spacy.lang.en import English

    make_doc = English(vocab=vocab).make_doc
    return [(phrase, tuple(t.lower for t in make_doc(phrase))) for phrase in sorted(lex.phrases)]


def phrase_matcher(lex: Lexicon, vocab, keys: list[tuple[str, tuple[int, ...]]] | None = None) -> PhraseMatcher:
    """A matcher of the lexicon's phrases (trigger phrases and reporting boilerplate) on lower-cased words;
    `keys`: their `phrase_keys`, when already at hand."""
    m = PhraseMatcher(vocab, attr="LOWER")
    for phrase, hashes in keys if keys is not None else phrase_keys(lex, vocab):
        m.add(phrase, [hashes])
    return m


def phrase_hits(lex: Lexicon, matcher: PhraseMatcher, doc: Doc) -> tuple[dict, set]:
    """({(start, end): classes} of the trigger phrases, keeping the longest where phrases overlap; the token
    indices inside reporting boilerplate ("requested anonymity"), which name no event)."""
    hits: dict = defaultdict(set)
    for match_id, start, end in matcher(doc):
        hits[(start, end)] |= lex.phrases.get(doc.vocab.strings[match_id], set())
    longest: dict = {}
    for (s, e), cl in sorted(hits.items(), key=lambda x: -(x[0][1] - x[0][0])):
        if any(s < e2 and s2 < e for (s2, e2) in longest):
            continue
        longest[(s, e)] = cl
    ignored = {i for (s_, e_), cl in longest.items() if "ignore" in cl for i in range(s_, e_)}
    longest = {k: v for k, v in longest.items() if "ignore" not in v}
    return longest, ignored


def protest_context(lex: Lexicon, sent: Span, mentions_in_sent: list) -> bool:
    """A sentence about a demonstration: its violence is coded as a protest or riot sub-type."""
    words = lex.words
    tab = token_table(sent.doc)
    lemma, lower, ent_type = tab.lemma, tab.lower, tab.ent_type
    if any((lemma[i] in words.protest_words or lower[i] in words.protest_words) and ent_type[i] not in
           words.non_event_entity_labels and not _crowd_control_name(lex, lower, i, sent.end)
           and not (lemma[i] == "crowd" and _crowd_of_bystanders(words, sent.doc[i]))
           for i in range(sent.start, sent.end)):
        return True
    if lex.crowd_control_pattern is not None and lex.crowd_control_pattern.search(span_text(sent).lower()):
        return True  # "police fired tear gas to disperse them": only crowds are met with these
    doc = sent.doc
    return any(m.actor.inter in (5, 6) and not any(
        doc[i].lemma_.lower() == "crowd" and _crowd_of_bystanders(words, doc[i])
        for i in range(m.start_token, m.end_token)) for m in mentions_in_sent)


def _crowd_of_bystanders(words, crowd: Token) -> bool:
    """A crowd that watches or is hit, no demonstration: "a crowd of shoppers", "in front of a crowd", "while a
    crowd watched", "crowds celebrating the holiday" (words.yaml `bystander_crowd_nouns` and the lists after it)."""
    for child in crowd.children:
        if child.dep_ == "prep" and child.lower_ == "of" and any(
                o.lemma_.lower() in words.bystander_crowd_nouns or o.lower_ in words.bystander_crowd_nouns
                for o in child.children if o.dep_ == "pobj"):
            return True
        if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in words.audience_crowd_verbs:
            return True
    head = crowd.head
    if crowd.dep_ == "pobj" and (head.lower_ in words.audience_crowd_preps or (
            head.lower_ == "of" and head.head.lower_ in words.audience_crowd_preps)):
        return True
    return crowd.dep_ == "nsubj" and head.lemma_.lower() in words.audience_crowd_verbs


def _crowd_control_name(lex: Lexicon, lower: list, i: int, end: int) -> bool:
    """The protest word at i names a force, not a crowd: "riot police", "riot squad" (rules.yaml `cue_aliases`)."""
    return i + 1 < end and f"{lower[i]} {lower[i + 1]}" in lex.cue_aliases


def conflict_context(lex: Lexicon, sent: Span, mentions_in_sent: list, trigger: Token,
                     peaceful: set[int] = frozenset()) -> bool:
    """A conflict word (other than the trigger itself, or a word used in a peaceful sense: `peaceful` token
    indices) or an armed actor in the sentence."""
    tab = token_table(sent.doc)
    lemma, lower, head, dep = tab.lemma, tab.lower, tab.head, tab.dep
    trigger_i = trigger.i
    for i in range(sent.start, sent.end):
        if i == trigger_i or i in peaceful or (head[i] == trigger_i and dep[i] == "compound"):
            continue  # a weapon word is not its own context ("limits on nuclear missiles")
        if lower[i] in lex.conflict_words or lemma[i] in lex.conflict_words:
            return True
    for m in mentions_in_sent:
        a = m.actor
        if a.sector in ("MIL", "REB", "INS", "UAF", "COP", "SPY") or a.inter in (1, 2, 3, 4, 8):
            return True
    return False


def placed_harm(lex: Lexicon, tok: Token, classes: set, place_tokens: set[int]) -> bool:
    """A weak trigger of harm that its phrase sets at a place the geoparser read: "Casualties in the eastern
    suburbs of Foo", "Shelling targets Foo", "Clash in the countryside of Foo" (words.yaml `placed_harm_classes`).
    A noun, a gerund as the subject, or a verb standing as a headline's subjectless root (a noun the tagger read
    as an imperative)."""
    words = lex.words
    if not classes & words.placed_harm_classes or not place_tokens:
        return False
    if tok.lower_ in words.placed_harm_exceptions or tok.pos_ == "NOUN" and tok.lemma_.lower() in \
            words.placed_harm_exceptions:  # (by its form: "Fighting in Foo", read as a verb, is no "fight")
        return False
    gerund_subject = tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "nsubjpass")  # "Shelling resumed on Foo"
    if tok.pos_ == "VERB" and not gerund_subject and (
            tok.dep_ != "ROOT" or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)):
        return False
    heads = [tok]
    if tok.dep_ in ("nsubj", "nsubjpass", "compound"):
        heads.append(tok.head)  # "Shelling targets Foo": the place is its verb's object
    for head in heads:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in words.locative_prepositions or (
                    (head is not tok or tok.pos_ == "VERB") and c.dep_ in ("dobj", "attr")):
                if any(x.i in place_tokens for x in c.subtree):
                    return True
    return False


def trigger_hits(lex: Lexicon, sent: Span, phrases: dict) -> list[tuple[Token, set, bool]]:
    """(trigger token, classes, weak?) for every trigger word or phrase in the sentence."""
    words = lex.words
    hits: dict[int, tuple[Token, set, bool]] = {}
    covered: set[int] = set()
    for (start, end), classes in phrases.items():
        if start < sent.start or end > sent.end:
            continue
        span = sent.doc[start:end]
        root = span.root
        phrase = span.text.lower()
        weak = phrase in words.weak_triggers
        hits[root.i] = (root, set(classes) | hits.get(root.i, (None, set(), False))[1], weak)
        covered.update(range(start, end))
    doc = sent.doc
    tab = token_table(doc)
    lemmas, lowers = tab.lemma, tab.lower
    verbs, nouns, discovery = lex.verbs, lex.nouns, words.discovery_verbs
    for i in range(sent.start, sent.end):
        lemma, lower = lemmas[i], lowers[i]
        if not (lemma in verbs or lemma in nouns or lower in nouns or lower == "dead" or lemma in discovery
                or lemma in words.base_verbs):
            continue  # most words can take no class below: no Token made for them
        t = doc[i]
        if t.i in covered or t.ent_type_ in words.non_event_entity_labels:
            continue  # "1 March", "Strike Force Alpha", "Protest Street": names, not events
        if t.dep_ in ("compound", "poss") and t.pos_ in ("NOUN", "PROPN") and t.head.pos_ in ("NOUN", "PROPN") \
                and not lex.is_event_noun(t.head) and t.head.lemma_.lower() not in lex.conflict_words \
                and t.head.lemma_.lower() not in words.event_carrier_nouns and not _misread_headline_subject(t) \
                and not _misread_headline_verb(lex, t):
            continue  # "bombing suspect", "attack survivors": the event is background to another noun
        if t.dep_ == "compound" and t.head.lemma_.lower() in words.rule_nouns:
            continue  # "a rally ban", "the protest law": a rule about events of the kind, none held
        lemma = t.lemma_.lower()
        classes: set = set()
        # a word tagged AUX outside the closed class of auxiliaries is a misread noun ("Shelling renewed on Foo")
        pos = "NOUN" if t.pos_ == "AUX" and lemma not in words.auxiliary_lemmas else t.pos_
        if _misread_headline_verb(lex, t):
            pos = "VERB"
        if pos == "VERB" and _participle_as_noun(t):
            continue  # "the injured were airlifted", "doctors treated the wounded": people, not an event
        if pos in ("VERB",) and lemma in lex.verbs:
            classes |= lex.verbs[lemma]
        elif pos in ("NOUN", "PROPN") and (lemma in lex.nouns or t.lower_ in lex.nouns):
            classes |= lex.nouns.get(lemma, set()) | lex.nouns.get(t.lower_, set())
        elif t.pos_ == "ADJ" and t.lower_ == "dead":
            classes |= lex.nouns.get("dead", set())
        if not classes and t.pos_ == "VERB" and (lemma in words.discovery_verbs or lemma in words.base_verbs):
            classes = {"disrupt"} if lemma in words.discovery_verbs else {"base"}  # refined (or dropped) later
            if not (weapons_disrupted(lex, t) or base_established(lex, t)):
                classes = set()
        if classes:
            # "the pipeline was blown up": a deliberate act, with no other conflict word needed (a thing named:
            # "it was blown up" points back to a thing told of, often long before)
            weak = (lemma in words.weak_triggers or t.lower_ in words.weak_triggers) and not (
                t.pos_ in ("NOUN", "PROPN") and lemma in words.strong_nouns) and not (
                lemma in words.deliberate_when_acted_on and t.pos_ == "VERB" and any(
                    c.dep_ in ("dobj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN") for c in children(t)))
            hits[t.i] = (t, classes, weak)
    return sorted(hits.values(), key=lambda h: h[0].i)


def _participle_as_noun(t: Token) -> bool:
    """A past participle with a determiner of its own, in a noun's slot: "the injured", "the wounded"."""
    return t.tag_ in ("VBN", "VBD") and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and any(
        c.dep_ == "det" and c.i < t.i for c in children(t)) and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "dobj", "agent") for c in children(t))


def _misread_headline_subject(t: Token) -> bool:
    """A plural event noun read as the modifier of the noun after it: English compounds take the singular ("bomb
    suspect", "attack survivors"), so "clashes rage in the north", "airstrikes target vehicles" are a headline's
    subject and its verb that the tagger took for one noun phrase."""
    return t.dep_ == "compound" and t.tag_ == "NNS" and t.head.i == t.i + 1


def _misread_headline_verb(lex: Lexicon, t: Token) -> bool:
    """A verb-only trigger read as a noun after a plural noun that modifies it: "Regime helicopters bombard
    villages" is a subject and its verb in the present tense of headlines, not one noun phrase."""
    if t.pos_ != "NOUN" or t.tag_ != "NN" or t.i == 0:
        return False
    lemma = t.lemma_.lower()
    if lemma not in lex.verbs or lemma in lex.nouns or t.lower_ in lex.nouns:
        return False
    before = t.doc[t.i - 1]
    if before.tag_ != "NNS":
        return False
    if before.dep_ == "compound" and before.head.i in (t.i, t.head.i):
        return True
    # "Gunmen storm hotel", "Maoists torch vehicles in X": the plural noun opens its line (no article, no
    # preposition before its phrase) and an object follows the word: a subject, its verb and its object
    opening = before.left_edge.i == t.sent.start or before.left_edge.i == before.i and t.doc[before.i - 1].is_space
    after = t.doc[t.i + 1] if t.i + 1 < t.sent.end else None
    return opening and after is not None and after.pos_ in ("NOUN", "PROPN", "NUM", "DET", "ADJ")


def misread_headline_roles(lex: Lexicon, t: Token) -> tuple[Token, Token | None] | None:
    """(subject, object) of a headline verb the tagger read as a noun (`_misread_headline_verb`): the plural noun
    before it, and the noun it was read to modify ("Maoists torch vehicles") or its own object ("Gunmen storm
    hotel"). None for any other word."""
    if t.pos_ != "NOUN" or not _misread_headline_verb(lex, t):
        return None
    obj = t.head if t.dep_ == "compound" and t.head.i > t.i else object_of(t)
    return t.doc[t.i - 1], obj


def without_accidents(lex: Lexicon, sent: Span, hits: list) -> list:
    """The triggers of a sentence without its accidents: an accident (a disaster, a crash, a gas explosion) is
    no event, and with no attacker or weapon in the sentence its deaths and blasts are the accident's too
    ("six died when a boiler exploded")."""
    acc = lex.accidents
    if not any("accident" in classes for _, classes in hits):
        return hits
    deliberate = any(classes & acc.deliberate for _, classes in hits) or any(
        t.lemma_.lower() in acc.unless or t.lower_ in acc.unless for t in sent)
    out = []
    for tok, classes in hits:
        classes = classes - {"accident"} - (set() if deliberate else acc.harm)
        if classes:
            out.append((tok, classes))
    return out


def is_habitual(lex: Lexicon, tok: Token) -> bool:
    """A frequency adverb on the trigger's clause: "IS regularly attacks convoys", "it often targets"."""
    node = tok
    for _ in range(4):  # the nearest verb above a noun trigger: "it frequently targets hotels with car bombs"
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    habitual = lex.words.habitual_adverbs
    if any(c.lower_ in habitual for c in children(node)) or any(c.lower_ in habitual for c in children(tok)):
        return True
    # the verb of a purpose or a complement: "IS regularly uses drones to attack convoys", "are increasingly
    # trying to target bases"
    for _ in range(2):
        if node.dep_ not in ("xcomp", "advcl") or node.head.i == node.i or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in children(node)):
            return False
        node = node.head
        if any(c.lower_ in habitual for c in children(node)):
            return True
    return False


def is_generic(lex: Lexicon, tok: Token) -> bool:
    """What is said of events of a kind, not of one: a bare plural event noun whose predicate is a frequency or
    a trend ("kidnappings are common", "attacks have increased"), a group "known for" its deeds, or a rate
    ("kill dozens every year")."""
    words = lex.words
    if tok.pos_ == "NOUN" and tok.tag_ == "NNS" and tok.dep_ in ("nsubj", "nsubjpass") and not any(
            c.dep_ in ("det", "nummod", "poss") for c in children(tok)):
        head = tok.head
        perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in children(head))
        measured = any(c.dep_ == "prep" and c.lower_ in words.trend_measure_preps for c in children(head))
        said = ([head] if perfect or measured else []) + [c for c in children(head) if c.dep_ in ("acomp", "attr")]
        toll = tok.lemma_.lower() in words.death_words or tok.lower_ in words.toll_plurals
        if not toll and any(w.lemma_.lower() in words.trend_words for w in said):
            return True
    if tok.tag_ == "VBG" and tok.dep_ in ("csubj", "nsubj") and tok.head.lemma_.lower() == "be" and not any(
            c.dep_ in ("nsubj", "aux", "det", "poss") for c in children(tok)):
        return True  # a bare gerund as what a copula speaks of: "protesting is a right", "kidnapping is a crime"
    node = tok
    for _ in range(3):  # "known for bombing churches": the trigger in the "for" complement of a trait
        if node.head.i == node.i:
            break
        if node.dep_ in ("pcomp", "pobj") and node.head.lower_ == "for":
            return node.head.head.lower_ in words.trait_adjectives
        node = node.head
    verb = clause_verb(tok)
    return any(c.dep_ == "npadvmod" and c.lemma_.lower() in words.span_units | words.rate_units and any(
        d.dep_ in ("det", "amod") and d.lower_ in words.rate_determiners for d in children(c))
        for c in children(verb) if verb.pos_ in ("VERB", "AUX") or tok.pos_ == "NOUN")


def is_kind(lex: Lexicon, tok: Token) -> bool:
    """An event noun that names a kind of event, not one that happened: "such attacks were rare", "to prevent
    such bombings"."""
    return tok.pos_ == "NOUN" and any(c.dep_ in ("amod", "det", "predet") and c.lower_ in lex.words.kind_determiners
                                      for c in children(tok))


def is_practice(lex: Lexicon, tok: Token) -> bool:
    """A means used over time, told in the present perfect with a bare plural: "IS has used drones to drop bombs",
    "militants have been using IEDs to target convoys": a practice, not one event ("has used a car bomb" may be
    one)."""
    node = tok
    for _ in range(5):
        if node.pos_ == "VERB" and node.lemma_.lower() in lex.words.instrument_verbs:
            break
        if node.dep_ not in ("dobj", "xcomp", "advcl", "conj", "nmod", "compound") or node.head.i == node.i:
            return False
        node = node.head
    else:
        return False
    perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve", "'s") for c in children(node))
    return perfect and any(
        c.dep_ == "dobj" and c.tag_ == "NNS" and not any(d.dep_ in ("det", "nummod", "poss") for d in children(c))
        for c in children(node))


def clause_verb(tok: Token) -> Token:
    """The nearest verb above a trigger (the trigger itself when it is one)."""
    node = tok
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    return node


def is_perfect(verb: Token) -> bool:
    """The verb is in a perfect tense ("has carried out", "have been fighting")."""
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def is_summary(lex: Lexicon, tok: Token) -> bool:
    """A perfect tense over a span of months or years: "the group has carried out dozens of attacks since 2015",
    "the rebels have been fighting the government for more than a decade", "air strikes have destroyed most
    hospitals since the war began": a tally of many events, not one event."""
    verb = clause_verb(tok)
    # "has killed 35,000 people and displaced millions since 2009": verbs sharing a subject share the perfect of the
    # first and the span of the last
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not _has_subject(verb):
        verb = verb.head
    if not is_perfect(verb):
        return False
    words = lex.words
    verbs = [verb, *(c for c in verb.conjuncts if c.pos_ == "VERB" and not _has_subject(c))]
    return any(_spans_years(words, v) for v in verbs)


def _has_subject(verb: Token) -> bool:
    return any(d.dep_ in ("nsubj", "nsubjpass") for d in verb.children)


def _spans_years(words, verb: Token) -> bool:
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in words.span_prepositions):
        for obj in (p for p in prep.children if p.dep_ in ("pobj", "pcomp")):
            if obj.lower_ in words.span_nouns:
                return True  # "over the past years", "for a decade", "in recent months"
            if prep.lower_ in words.era_prepositions and obj.lemma_.lower() in words.era_nouns:
                return True  # "since the start of the war", "throughout the insurgency", "have died in the war"
            if prep.lower_ == "since" and obj.like_num and len(obj.text) == 4:
                return True  # "since 2015"
            left = {t.lower_ for c in obj.lefts for t in c.subtree}
            if left & words.span_modifiers or ("long" in left and left & words.span_units):
                return True  # "in its decade-long insurgency"
            if obj.lower_ in words.span_units and left & words.recent_modifiers:
                return True  # "over the past year"
    # "since the war began", "since it entered the war in 2015", "since the peace deal was signed": a clause of its
    # own, about an era, a year or the start of one
    return any(c.dep_ == "advcl" and any(m.lower_ == "since" for m in c.children if m.dep_ == "mark") and (any(
        s.lemma_.lower() in words.era_nouns for s in c.children if s.dep_ in ("nsubj", "nsubjpass", "dobj")) or any(
        t.like_num and len(t.text) == 4 and t.text.isdigit() for t in c.subtree) or c.lemma_.lower() in words.era_verbs)
        for c in verb.children)


def is_claimed(lex: Lexicon, tok: Token) -> bool:
    """"IS claimed the attack": a claim about an event told elsewhere."""
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in lex.words.claimed_event_verbs:
        return True
    return tok.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() == "responsibility"


def _is_weapon(words, tok: Token) -> bool:
    return tok.lemma_.lower() in words.weapon_nouns or tok.lower_ in words.weapon_nouns or any(
        c.lemma_.lower() in words.weapon_nouns for c in tok.conjuncts)


def _held_weapons(words, thing: Token) -> bool:
    """A thing that holds weapons: "a package containing explosives", "a car packed with explosives", "a box of
    grenades"."""
    for c in children(thing):
        if c.dep_ == "acl" and c.lemma_.lower() in words.holding_weapon_verbs:
            held = [o for o in children(c) if o.dep_ == "dobj"] + [
                o for p in children(c) if p.dep_ == "prep" and p.lower_ in words.holding_weapon_preps
                for o in children(p) if o.dep_ == "pobj"]
            if any(_is_weapon(words, o) for o in held):
                return True
        if c.dep_ == "prep" and c.lower_ in words.holding_weapon_preps and any(
                o.dep_ == "pobj" and _is_weapon(words, o) for o in children(c)):
            return True
    return False


def weapons_disrupted(lex: Lexicon, tok: Token) -> bool:
    """"two explosive devices were found", "sappers defused landmines", "weapons seized", "a package containing
    explosives was found", "removed a mine found near the port": no attack happened."""
    words = lex.words
    if tok.pos_ == "VERB" and (tok.lemma_.lower() in words.discovery_verbs or any(
            c.dep_ == "prt" and f"{tok.lemma_.lower()} {c.lower_}" in words.discovery_verbs for c in children(tok))):
        p = patient_of(tok)
        if p is not None and p.lower_ in words.quantity_heads:  # "destroyed dozens of rockets"
            p = next((o for c in children(p) if c.dep_ == "prep" and c.lower_ == "of" for o in children(c)
                      if o.dep_ == "pobj"), p)
        return p is not None and (_is_weapon(words, p) or _held_weapons(words, p))
    if tok.lemma_.lower() in words.weapon_nouns or tok.lower_ in words.weapon_nouns:
        if any(c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and c.lemma_.lower() in words.discovery_verbs
               for c in children(tok)):
            return True  # "removed a sea mine found near the port"
        head = tok.head
        for _ in range(3):
            if head.pos_ == "VERB":
                return head.lemma_.lower() in words.discovery_verbs and tok.dep_ in (
                    "dobj", "nsubjpass", "conj", "pobj", "compound", "appos")
            if head.head.i == head.i:
                break
            head = head.head
    return False


def base_established(lex: Lexicon, tok: Token) -> bool:
    """"set up a new observation post": a base established."""
    if tok.lemma_.lower() not in lex.words.base_verbs or tok.pos_ != "VERB":
        return False
    if tok.lemma_.lower() == "set" and not any(c.lower_ == "up" for c in children(tok)):
        return False
    p = patient_of(tok)
    return p is not None and (p.lemma_.lower() in lex.words.base_nouns or p.lower_ in lex.words.base_nouns)


def refine_classes(lex: Lexicon, tok: Token, classes: set, mentions: list) -> set:
    """Resolve the words with two readings from their arguments: capture a town (territory) or a person
    (arrest); free a town or prisoners; fire at people or fire an official."""
    if weapons_disrupted(lex, tok):
        return {"disrupt"}
    if base_established(lex, tok):
        return {"base"}
    out = set(classes)
    lemma = tok.lemma_.lower()
    obj = object_of(tok)
    if obj is None and tok.dep_ == "amod" and tok.tag_ == "VBN":
        obj = tok.head  # "the seized tanker", "the captured town": the participle's noun is what was taken
    # (a thing seized "in the Gulf" is no place for its place phrase: "seized a tanker in the Gulf")
    obj_is_place = obj is not None and (obj.ent_type_ in PLACE_LABELS or obj.lemma_.lower() in lex.words.territory_nouns
                                        or (obj.lemma_.lower() not in lex.words.seized_things
                                            and any(c.ent_type_ in PLACE_LABELS for c in obj.subtree)))
    if "capture" in out and lemma in lex.words.ground_taking_verbs:
        obj_is_party = obj is not None and (
            obj.ent_type_ in ("PERSON", "NORP", "ORG") or obj.lemma_.lower() in lex.victims["armed"]
            or obj.lemma_.lower() in lex.victims["civilian"]
            or obj.lemma_.lower() in lex.words.seized_things)
        if obj is not None and not obj_is_place and obj_is_party and lemma in lex.words.seizing_verbs:
            out.discard("capture")
            if obj.lemma_.lower() in lex.words.seized_contraband:
                out.add("disrupt")
            elif obj.ent_type_ in ("PERSON", "NORP") or obj.lemma_.lower() in lex.victims["armed"] or \
                    obj.lemma_.lower() in lex.victims["civilian"]:
                out.add("arrest")
            elif obj.lemma_.lower() not in lex.words.seized_abstractions:
                out.add("coerce")  # "seized a tanker", "seized the cargo": property taken (PLOVER COERCE, seize)
        elif lemma in lex.words.place_only_taking_verbs and not obj_is_place:
            out.discard("capture")
    if "arrest" in out and lemma == "capture" and obj_is_place:
        out.discard("arrest")
    if lemma == "expel" and obj is not None and (obj.lemma_.lower() in lex.victims["armed"]
                                                   or any(m.start_token <= obj.i < m.end_token for m in mentions)) \
            and obj.lemma_.lower() not in lex.words.expelled_envoys \
            and obj.ent_type_ != "GPE":  # a state expelled is put out of a body ("the OAS expelled Cuba"): a sanction
        out = (out - {"sanction"}) | {"capture"}  # "factions expel the regime forces out of a village"
    if lemma == "release" and obj is not None and obj.lemma_.lower() in lex.words.released_publications:
        out.discard("concede")
    if lemma in ("fire",) and obj is not None and obj.ent_type_ == "PERSON":
        out.clear()
    if lemma == "call":
        # "called on X to", "called for calm": a request; "called X on Monday": a phone call
        appeal = any(c.lower_ == "for" or (c.lower_ == "on" and not any(p.ent_type_ in ("DATE", "TIME") for p in children(c)))
                     for c in children(tok))
        out.discard("consult" if appeal else "request")
    if lemma in lex.words.support_verbs and tok.dep_ in ("amod", "acl"):
        out.clear()  # "forces backed by US air support": a description of the actor, not an event
    if lemma == "strike" and tok.pos_ == "NOUN":
        prev = {c.lower_ for c in children(tok)}
        if prev & lex.words.remote_strike_modifiers:
            out.add("airstrike" if prev & lex.words.air_strike_modifiers else "shelling")
        elif prev & lex.words.labour_strike_modifiers:
            out = {"protest"}
    return out
