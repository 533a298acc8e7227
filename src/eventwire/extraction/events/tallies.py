"""Tallies and states of war that triggers.is_summary leaves out: a sentence that counts many events over a span
tells none of them. The background paragraphs of a long report are full of them: "aid workers have been attacked 50
times this year", "the group has killed 800 people in its campaign", "he had survived several assassination
attempts", "the group has since carried out dozens of raids", "the army has been fighting an insurgency".
A perfect tense is asked for throughout but by the war itself (what a clause of a day's news says in the perfect,
"gunmen have killed five people in Kano", keeps its record)."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extraction.events.lexicon import Lexicon
from eventwire.extraction.events.triggers import clause_verb, is_generic, is_perfect
from eventwire.extraction.tokens import children


def is_tally(lex: Lexicon, tok: Token) -> bool:
    """The trigger counts events over a span of time, or names a war as what is fought."""
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and is_generic(lex, tok.head):
        return True  # "grenade attacks were frequent", "car bombings have increased": the kind the compound names
    verb = clause_verb(tok)
    words = lex.words
    if _waged_war(tok, verb, words) or _practice_told_now(tok, verb, words) or _trend_of(tok, words):
        return True
    if _between_years(verb, words) or _kind_told_now(tok, verb, words):
        return True
    if not is_perfect(verb):
        return False
    if verb.lemma_.lower() not in words.blow_verbs and _counted_times(verb, words):
        return True  # "have been attacked at least 50 times", "has been arrested several times"
    counted = tok if tok.pos_ == "NOUN" else None
    if counted is not None and counted.dep_ == "compound":
        counted = counted.head  # "several assassination attempts"
    if counted is not None and counted.tag_ == "NNS" and counted.head.i == verb.i and counted.lemma_.lower() in \
            words.counted_event_nouns and any(
            c.dep_ in ("amod", "det", "nummod") and c.lower_ in words.vague_counts for c in children(counted)):
        return True  # "had survived several assassination attempts", "has carried out numerous raids"
    if counted is not None and counted.tag_ == "NNS" and counted.lemma_.lower() in words.counted_event_nouns and \
            _object_of(counted, verb) and any(c.dep_ == "advmod" and c.lower_ == "since" for c in children(verb)):
        return True  # "has since carried out some of the deadliest attacks" (not "police have since arrested two")
    # a span hung on the verb's object or on the verb it governs: "killed 800 people in its campaign",
    # "have been fighting to topple the government for more than a decade" (not "since February": "have killed
    # eight leaders since last July" is coded as one PLOVER assault)
    holders = [verb, *(c for c in children(verb) if c.dep_ in ("dobj", "xcomp"))]
    for prep in (c for h in holders for c in children(h) if c.dep_ == "prep"):
        for obj in (p for p in children(prep) if p.dep_ == "pobj"):
            low = prep.lower_
            if low in words.campaign_prepositions and obj.lemma_.lower() in words.waged_nouns and any(
                    c.dep_ == "poss" for c in children(obj)):
                return True  # "in its campaign", "during their insurgency"
            if low in words.span_prepositions and obj.lower_ in words.span_nouns and prep.head.i != verb.i:
                return True  # "fighting to topple the government for more than a decade"
    return False


def _object_of(noun: Token, verb: Token) -> bool:
    """The noun is the verb's object, or what its object counts ("some of the attacks", "dozens of raids")."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "dobj":
        noun = noun.head.head
    return noun.dep_ == "dobj" and noun.head.i == verb.i


def _counted_times(verb: Token, words) -> bool:
    """"attacked 50 times", "clashed with police dozens of times" (however "dozens" is attached); "shot several times"
    counts the shots of one attack (the verb is checked by the caller)."""
    if any(c.dep_ == "npadvmod" and c.lemma_.lower() in words.repeat_nouns and _many(c, words) for c in children(verb)):
        return True
    return any(t.lemma_.lower() in words.repeat_nouns and t.dep_ == "pobj" and t.head.lower_ == "of"
               and t.head.head.lower_ in words.vague_counts and clause_verb(t).i == verb.i for t in verb.subtree)


def _many(count: Token, words) -> bool:
    """"50 times", "several times", "twice" is no noun: any count above one."""
    for c in children(count):
        if c.dep_ in ("nummod", "amod", "det", "quantmod") and (c.lower_ in words.vague_counts or (
                c.like_num and c.lower_ not in ("one", "1"))):
            return True
    return False


def _practice_told_now(tok: Token, verb: Token, words) -> bool:
    """"The group still carries out attacks", "the rebels stage raids on convoys": a bare plural event noun as the
    object of a light verb in the simple present of a sentence of prose (a headline's present reports a day's
    news: "Rebels stage raids on convoys" ends with no full stop)."""
    if tok.tag_ != "NNS" or tok.dep_ != "dobj" or tok.head.i != verb.i or verb.tag_ not in ("VBZ", "VBP"):
        return False
    if verb.lemma_.lower() not in words.light_verbs or any(c.dep_ in ("aux", "auxpass") for c in children(verb)):
        return False
    if any(c.dep_ in ("det", "nummod", "poss") for c in children(tok)):
        return False
    return tok.sent[-1].text == "."


def _between_years(verb: Token, words) -> bool:
    """"Drone strikes killed 2,500 people in Pakistan between 2004 and 2018": a span of years, any tense."""
    return any(p.dep_ == "prep" and p.lower_ in words.year_span_prepositions and any(
        _is_year(o) and any(c.dep_ == "conj" and _is_year(c) for c in children(o)) for o in children(p) if o.dep_ == "pobj")
        for p in children(verb))


def _is_year(tok: Token) -> bool:
    return tok.text.isdigit() and len(tok.text) == 4


def _kind_told_now(tok: Token, verb: Token, words) -> bool:
    """"Drone strikes kill too many civilians", "roadside bombs maim soldiers": a bare plural act or weapon as subject and the
    trigger verb in the plural simple present of a sentence of prose, with no count of the harmed (a headline's
    present reports a day's news: "Drone strikes kill 12 in Waziristan")."""
    if verb.tag_ != "VBP" or any(c.dep_ in ("aux", "auxpass", "neg") for c in children(verb)):
        return False
    subject = next((c for c in children(verb) if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ != "NNS" or any(c.dep_ in ("det", "nummod", "poss") for c in children(subject)):
        return False
    if tok.i not in (verb.i, subject.i) or subject.lemma_.lower() not in words.counted_event_nouns | words.weapon_nouns:
        return False  # a kind of act or of weapon, not of doer ("protesters block roads" may be a day's news)
    if any(o.dep_ == "dobj" and (o.like_num or any(c.dep_ == "nummod" for c in children(o))) for o in children(verb)):
        return False
    return tok.sent[-1].text == "."


def _trend_of(tok: Token, words) -> bool:
    """"Figures showing a rise in kidnappings", "a surge in attacks on clinics": a bare event noun whose kind rises
    or falls (a trend in any tense: "a rise in kidnappings" names no kidnapping; "the fall of shells" is shelling)."""
    return tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "in" and \
        tok.head.head.lemma_.lower() in words.trend_nouns and not any(
            c.dep_ in ("det", "nummod", "poss") for c in children(tok))


def _waged_war(tok: Token, verb: Token, words) -> bool:
    """"has been fighting a jihadist insurgency", "wages a war against the cartels": the war is no event of a day."""
    if tok.i != verb.i or verb.lemma_.lower() not in words.waging_verbs:
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in words.waged_nouns for c in children(verb))
