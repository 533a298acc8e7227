"""Coding an event (rules.yaml): the first rule whose conditions hold gives the ACLED type and sub-type, the
PLOVER event and mode and the CAMEO code. Conditions look at the trigger classes, the weapons named in the
sentence (instruments), who acts and who is hit."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from eventwire.extraction.events.lexicon import Lexicon
from eventwire.extraction.events.protest_topics import without_topics
from eventwire.extraction.events.roles import Roles, actor_kind
from eventwire.extraction.nlp import doc_text
from eventwire.extraction.tokens import children, span_text


def target_kind(lex: Lexicon, roles: Roles, sent: Span) -> str:
    """What was hit: armed | civilian | protester | property | any."""
    kind = actor_kind(roles.actor2)
    if kind == "nonstate" and not roles.actor2.actor.known and roles.target_word in lex.victims["civilian"] \
            and roles.target_word not in lex.victims["armed"]:
        return "civilian"  # a person the group's name only qualifies is no armed party ("an opposition mayor was shot")
    if kind in ("state", "nonstate"):
        return "armed"
    if kind == "civilian":
        return "civilian"
    if kind == "protester":
        return "protester"
    words = roles.victim_words
    if words:
        if words & set(lex.victims["civilian"]) and not words & set(lex.victims["armed"]):
            return "civilian"
        if words & set(lex.victims["armed"]):
            return "armed"
        if words & set(lex.victims["property"]):
            return "property"
    if roles.target_is_town:
        return "armed"
    # no object: look at what died in the sentence ("12 civilians were killed", "two soldiers died")
    for t in sent:
        if t.lemma_.lower() in lex.words.death_words:
            # the subject of a verb with an object is who killed ("gunmen kill 12 in Foo"), not who died
            transitive = any(c.dep_ == "dobj" for c in children(t))
            for c in children(t):
                if c.dep_ in ("nsubjpass", "dobj") or c.dep_ == "nsubj" and not transitive:
                    w = c.lemma_.lower()
                    if w in lex.victims["civilian"]:
                        return "civilian"
                    if w in lex.victims["armed"]:
                        return "armed"
    return "any"


def cue_text(lex: Lexicon, sent: Span, low: str | None = None) -> str:
    """The sentence as the instrument and context cues read it: lower case, with the phrases of `cue_aliases`
    read as their alias ("riot police" is no riot, a "water cannon" no artillery)."""
    if low is None:
        low = span_text(sent).lower()
    if lex.cue_alias_pattern is None:
        return low
    return lex.cue_alias_pattern.sub(lambda m: lex.cue_aliases[m.group(0)], low)


def takes_ground(lex: Lexicon, roles: Roles) -> bool:
    """What the event acts on is ground (a town, villages, an area: parties.yaml `territory_nouns`), which is taken,
    not people who are hit (though an attack on a village hits its people: rules.yaml `victims`)."""
    return roles.target_is_town or roles.target_word in lex.words.territory_nouns


INSTRUMENTS_KEY = "eventwire.instruments"  # Doc.user_data: (sentence start, end) -> instruments


def _weapon_text(lex: Lexicon, sent: Span) -> str:
    """The sentence lower-cased, with the trigger words that senses.yaml reads in a sense naming no event left
    out: "the gold mine" is a pit, no landmine, so its "mine" is no weapon cue."""
    low = span_text(sent).lower()
    base = sent.start_char
    for tok in sent:
        lemma, lower = tok.lemma_.lower(), tok.lower_
        if lemma not in lex.senses.by_word and lower not in lex.senses.by_word:
            continue
        classes = (lex.nouns.get(lemma, set()) | lex.nouns.get(lower, set())) if tok.pos_ in ("NOUN", "PROPN") \
            else lex.verbs.get(lemma, set())
        if not classes:
            continue
        sensed, sense = lex.senses.resolve(tok, set(classes))
        if sense is not None and not sensed:
            start = tok.idx - base
            low = low[:start] + " " * len(tok.text) + low[start + len(tok.text):]
    return low


def instruments(lex: Lexicon, sent: Span) -> set[str]:
    """The weapons the sentence names (instruments of rules.yaml); kept on the Doc for the sentence's other
    events."""
    memo = sent.doc.user_data.setdefault(INSTRUMENTS_KEY, {})
    key = (sent.start, sent.end)
    found = memo.get(key)
    if found is None:
        low = cue_text(lex, sent, _weapon_text(lex, sent))
        found = memo[key] = frozenset(name for name, pattern in lex.instrument_patterns.items()
                                      if pattern.search(low) is not None)
    return set(found)


# a sentence that only tells the harm ("Two police officers were killed"), with no weapon of its own
TOLL_CLASSES = frozenset({"kill", "attack"})
REMOTE_WEAPONS = frozenset({"chemical", "suicide", "air", "shelling", "grenade", "ied"})


BACK_TO_THE_ATTACKER = re.compile(r"\b(?:the|its|this) (?:suicide|bomber|attacker|assailant)")


def same_incident_before(lex: Lexicon, sent: Span) -> Span | None:
    """The sentence just before `sent` in its paragraph, unless `sent` opens as another incident ("Separately")."""
    doc = sent.doc
    if sent.start == 0 or sent[0].lower_ in lex.words.new_incident_openers:
        return None
    before = doc[sent.start - 1].sent
    words = [t for t in before if not t.is_space]
    if not words or "\n" in doc_text(doc)[words[-1].idx:sent.start_char]:
        return None
    return before


def suicide_told_around(lex: Lexicon, sent: Span) -> bool:
    """A bomb of `sent` that the sentence before or after in its paragraph tells was a suicide attack ("A car bomb
    exploded outside the hotel. The suicide bomber was a local man.")."""
    before = same_incident_before(lex, sent)
    if before is not None and "suicide" in instruments(lex, before):
        return True
    doc = sent.doc
    if sent.end >= len(doc):
        return False
    after = doc[sent.end].sent if not doc[sent.end].is_space else None
    if after is None:
        for tok in doc[sent.end:]:
            if not tok.is_space:
                after = tok.sent
                break
    # the sentence after must point back at the attack ("the suicide bomber", "the bomber"): a sentence that brings
    # in "a suicide bomber" tells of another blast ("Hours earlier a suicide bomber struck a checkpoint")
    return (after is not None and after.start >= sent.end and same_incident_before(lex, after) is not None
            and "suicide" in instruments(lex, after) and BACK_TO_THE_ATTACKER.search(after.text.lower()) is not None)


def weapon_told_before(lex: Lexicon, sent: Span) -> set[str]:
    """The remote weapons of the sentence just before `sent` in its paragraph: a sentence that tells only the toll
    of an attack the one before described ("A suicide car bomb hit a police post. Two officers were killed.") is
    that attack, made with that weapon; none when the sentence before names none (or a gun or a knife too)."""
    before = same_incident_before(lex, sent)
    if before is None:
        return set()
    found = instruments(lex, before)
    if found & {"firearm", "melee"}:
        return set()
    if aircraft_hit(lex, before):
        found.discard("air")
    return found & REMOTE_WEAPONS


def aircraft_hit(lex: Lexicon, sent: Span) -> bool:
    """An aircraft is what the violence hit ("shot down an army helicopter", "fired on a plane", "a jet was downed"):
    the object of a verb of `aircraft_hit_verbs` (or of "on"/"at" after one), and no aircraft strikes."""
    hit = flying = False
    for tok in sent:
        if tok.lemma_.lower() not in lex.words.struck_aircraft:
            continue
        verb = tok.head
        if tok.dep_ == "pobj" and tok.head.lower_ in lex.words.aircraft_hit_prepositions:
            verb = tok.head.head
        elif tok.dep_ not in ("dobj", "nsubjpass"):
            flying = flying or tok.dep_ in ("nsubj", "agent", "pobj")
            continue
        if verb.lemma_.lower() in lex.words.aircraft_hit_verbs:
            hit = True
    return hit and not flying


def _names_civilians(lex: Lexicon, sent: Span) -> bool:
    civilians = lex.victims["civilian"]
    return any(t.lower_ in civilians or t.lemma_.lower() in civilians for t in sent)


# Doc.user_data key: where the sentences start that follow a sentence telling a demonstration (finder.py)
AFTER_PROTEST_KEY = "eventwire.after_protest"


def _the_crowd_told_before(trigger: Token) -> bool:
    """In a sentence right after a demonstration is told, the arrested are "them" or "N of them": its
    demonstrators ("Farmers marched on the governor's office. Police detained 15 of them.")."""
    if trigger.sent.start not in trigger.doc.user_data.get(AFTER_PROTEST_KEY, ()):
        return False
    for obj in children(trigger):
        if obj.dep_ not in ("dobj", "nsubjpass"):
            continue
        if obj.lower_ == "them" or any(c.dep_ == "prep" and c.lower_ == "of" and any(
                o.lower_ == "them" for o in children(c)) for c in children(obj)):
            return True
    return False


def _tells_a_protest(lex: Lexicon, tok: Token) -> bool:
    """The word names a demonstration: a protest noun, a protest verb in its protest sense, or the first word of a
    protest phrase ("chained themselves")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("NOUN", "PROPN"):
        return "protest" in lex.nouns.get(lemma, ()) or "protest" in lex.nouns.get(tok.lower_, ())
    if tok.pos_ != "VERB" or "protest" not in lex.verbs.get(lemma, ()):
        return tok.i + 1 < len(tok.doc) and "protest" in lex.phrases.get(f"{tok.lower_} {tok.nbor().lower_}", ())
    return "protest" in lex.senses.resolve(tok, set(lex.verbs[lemma]))[0]


def _the_held_were_protesting(lex: Lexicon, trigger: Token) -> bool:
    """The arrested are told as demonstrators by a clause on them: "detained 30 women who had gathered to demand the
    release of prisoners", "arrested activists who tried to hold a march", "rounded up 40 people taking part in a
    vigil" (which the parser may hang on the arrest as a clause with the people as its subject)."""
    for obj in children(trigger):
        if obj.dep_ in ("dobj", "nsubjpass"):
            clauses = [c for c in children(obj) if c.dep_ in ("relcl", "acl")]
        elif obj.dep_ == "ccomp" and obj.tag_ == "VBG" and any(s.dep_ == "nsubj" for s in children(obj)):
            clauses = [obj]
        else:
            continue
        if any(_tells_a_protest(lex, t) for clause in clauses for t in clause.subtree):
            return True
    return False


def _dispersed_after_a_protest(lex: Lexicon, trigger: Token) -> bool:
    """"Supporters gathered outside the commission. Police dispersed them and arrested several organisers.": right
    after a demonstration is told, an arrest beside the crowd's dispersal or tear gas is made at that demonstration."""
    sent = trigger.sent
    if sent.start not in trigger.doc.user_data.get(AFTER_PROTEST_KEY, ()):
        return False
    return any(t.lemma_.lower() in lex.words.dispersal_verbs for t in sent) or (
        lex.crowd_control_pattern is not None and lex.crowd_control_pattern.search(span_text(sent).lower()) is not None)


def at_a_protest(lex: Lexicon, trigger: Token) -> bool:
    """The event happened at a demonstration: a preposition of words.yaml `protest_scene_preps` on the trigger or on
    its object governs a `protest_scene_nouns` noun ("detained 40 people at a rally", "were held during the march"),
    the arrested are the demonstrators the sentence before told of, or a clause on them tells they were
    demonstrating."""
    words = lex.words
    if _the_crowd_told_before(trigger) or _the_held_were_protesting(lex, trigger) or \
            _dispersed_after_a_protest(lex, trigger):
        return True
    heads = [trigger, *(c for c in children(trigger) if c.dep_ in ("dobj", "nsubjpass"))]
    return any(prep.dep_ == "prep" and prep.lower_ in words.protest_scene_preps
               and any(obj.dep_ == "pobj" and obj.lemma_.lower() in words.protest_scene_nouns for obj in children(prep))
               for head in heads for prep in children(head))


def _one_or_list(value) -> list:
    return value if isinstance(value, list) else [value]


def code_event(lex: Lexicon, fam: str, classes: set, sent: Span, trigger: Token, roles: Roles) -> dict | None:
    """The first rule of rules.yaml that fits gives the codes; None when a rule drops the event."""
    found = instruments(lex, sent)
    # (the state's forces that kill or raid in the next sentence answer the attack, with weapons of their own: "A
    # roadside bomb killed five policemen. Afghan forces then killed two Taliban fighters.")
    if not found and fam == "violence" and classes <= TOLL_CLASSES and actor_kind(roles.actor1) != "state":
        found = weapon_told_before(lex, sent)
    if "ied" in found and "suicide" not in found and fam == "violence" and suicide_told_around(lex, sent):
        found.add("suicide")
    hit_aircraft = roles.target_word in lex.words.struck_aircraft or aircraft_hit(lex, sent)
    if hit_aircraft:
        found.discard("air")  # an aircraft shot down or fired on is what was hit, not an air strike
    # a demonstration's cause is no cue to its form ("marched against police violence" is no riot)
    low = cue_text(lex, sent, without_topics(lex, sent) if fam == "demonstration" else None)
    a1 = actor_kind(roles.actor1)
    a2 = actor_kind(roles.actor2)
    target = None
    for rule, context, exception in zip(lex.rules, lex.rule_contexts, lex.rule_exceptions):
        w = rule["when"]
        if "family" in w and fam not in _one_or_list(w["family"]):
            continue
        if "class" in w and not classes & set(w["class"]):
            continue
        if "without_class" in w and classes & set(w["without_class"]):
            continue
        if "with_class_any" in w and not classes & set(w["with_class_any"]):
            continue
        if "instrument" in w and w["instrument"] not in found:
            continue
        if "instrument_any" in w and not found & set(w["instrument_any"]):
            continue
        if "without_instrument_any" in w and found & set(w["without_instrument_any"]):
            continue
        if "actor1" in w and a1 not in _one_or_list(w["actor1"]):
            continue
        if "actor2" in w and a2 not in _one_or_list(w["actor2"]):
            continue
        if "target_place" in w and takes_ground(lex, roles) != w["target_place"]:
            continue
        if "target_word_in" in w and roles.target_word not in w["target_word_in"]:
            continue
        if "at_protest" in w and at_a_protest(lex, trigger) != w["at_protest"]:
            continue
        if "target" in w or "target_not" in w:
            if target is None:
                target = target_kind(lex, roles, sent)
                if target == "any" and hit_aircraft and not _names_civilians(lex, sent):
                    target = "armed"  # a warplane or a helicopter shot at has an armed crew (an airliner, passengers)
            if "target" in w and target != w["target"]:
                continue
            if "target_not" in w and target == w["target_not"]:
                continue
        if context is not None and context.search(low) is None:
            continue
        if exception is not None and exception.search(low) is not None:
            continue
        then = rule["then"]
        if then.get("drop"):
            return None
        return dict(then)
    return None
