"""Who is counted: the death words of a sentence (anchors), the people each one says died (victims), the
people conjoined with them, the subsets that must not be added ("including 3 children") nor the breakdown of a
whole ("five people, two soldiers and three villagers"), and how many people one victim stands for (a number, a
tally, one named person)."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.extraction.casualties.lexicon import Lexicon, lemma
from eventwire.extraction.casualties.numbers import counted, is_number_like, measure


def is_death_verb(tok, lex: Lexicon) -> bool:
    if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in ("VBN", "VBD", "VBG"):
        return False
    lem = lemma(tok)
    if lem in lex.death_verbs or tok.lower_ in lex.kill_forms:
        return True
    doc = tok.doc
    if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "dead":
        return True  # "shot dead 3 Ethiopians"
    for ch in tok.children:
        low = ch.lower_
        if low == "dead" and lem != "leave" and ch.dep_ in ("acomp", "oprd", "xcomp", "advmod", "dobj", "ccomp", "amod"):
            return True  # "shot dead"
        if low == "alive" and lem in lex.alive_death_verbs:
            return True  # "burned alive"
        if low == "fatally" and ch.dep_ == "advmod":
            return True  # "fatally shot"
        if ch.dep_ == "prt" and f"{lem} {low}" in lex.death_verbs:
            return True  # "gunned down", "mowed down"
        if ch.dep_ == "prep" and low == "to" and any(g.lemma_.lower() == "death" for g in ch.children):
            return True  # "beaten to death"
        if ch.dep_ == "dobj" and lemma(ch) in lex.throat_nouns and lem in lex.throat_verbs:
            return True  # "slit the throats of five civilians"
    if lem == "lose" and any(c.dep_ == "dobj" and (lemma(c) in lex.person_nouns or lemma(c) in lex.people_lemmas)
                             for c in tok.children):
        return True  # "the army lost 1 officer and 3 soldiers"
    return False


_PASSIVE_MARKERS = ("auxpass", "nsubjpass")


def anchors(tokens, lex: Lexicon) -> list:
    """The death words among `tokens` (a sentence, or the candidates the pre-filter found in it)."""
    out = []
    for tok in tokens:
        low, lem = tok.lower_, lemma(tok)
        if is_death_verb(tok, lex):
            if not _only_attempted(tok, lex):
                out.append(tok)
        elif tok.pos_ in ("NOUN", "ADJ", "PROPN") and (lem in lex.counted_death_nouns
                                                        or low in lex.counted_death_nouns):
            if lem == "death" and tok.dep_ == "pobj" and tok.head.lower_ == "to":
                continue  # "beaten to death" is the verb's business
            out.append(tok)
        elif lem in lex.life_nouns and tok.head.pos_ in ("VERB", "AUX") and lemma(tok.head) in lex.life_verbs:
            out.append(tok)
        elif tok.pos_ == "NOUN" and lem in lex.of_nouns and any(c.dep_ == "prep" and c.lower_ == "of"
                                                                 for c in tok.children):
            out.append(tok)  # "the execution of two men", "the massacre of 30 villagers"
    return out


def _only_attempted(verb, lex: Lexicon) -> bool:
    """"During an attempt to assassinate the minister", "tried to kill the judge", "a plot to murder him": the
    killing is the "to" clause of a word of trying or planning, so no one died of these words."""
    head = verb.head
    if verb.dep_ == "conj" and head.i != verb.i:  # "tried to kidnap and kill him"
        verb, head = head, head.head
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None:
        return False
    before = verb.doc[to.i - 1] if to.i > 0 else to  # "foiled a plot to murder him", "to" hung elsewhere
    return verb.dep_ in ("xcomp", "acl", "advcl", "relcl") and lemma(head) in lex.attempt_words \
        or lemma(before) in lex.attempt_words


def victims(anchor, lex: Lexicon) -> list:
    """The tokens that stand for the people an anchor says died (before conjuncts)."""
    lem = lemma(anchor)
    out = []
    if is_death_verb(anchor, lex):
        kids = list(anchor.children)
        has_obj = any(c.dep_ == "dobj" for c in kids)
        passive = any(c.dep_ in _PASSIVE_MARKERS for c in kids)
        own_args = any(c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in kids)
        first_obj = True
        for c in kids:
            if c.dep_ == "dobj" and lemma(c) in lex.throat_nouns:
                out.extend(g for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                           for g in p.children if g.dep_ == "pobj")
                out.extend(_throat_owner(c, anchor, lex))
            elif c.dep_ == "dobj" and passive:
                continue  # "15 fighters were killed in clashes ... the former bastion": a passive has no object
            elif c.dep_ == "dobj" and first_obj:
                out.append(c)  # only the first: a second "object" is a misparsed apposition
                first_obj = False
            elif c.dep_ == "dobj" and any(x.dep_ == "cc" and x.head.i == anchor.i and x.i < c.i and x.i > out[-1].i
                                          for x in kids if out):
                out.append(c)  # "killing three soldiers, as well as two civilians": joined, not in apposition
            elif c.dep_ == "nsubjpass":
                if not _inside_a_subset(c, kids, lex) and not _named_after(c, kids, lex):
                    out.append(c)
            elif c.dep_ == "npadvmod" and is_number_like(c, lex) and c.i > anchor.i \
                    and not harmed_otherwise(c, lex):
                out.append(c)  # "shoot dead seven"
            elif c.dep_ == "nsubj" and (lem in lex.intransitive_death_verbs or (not has_obj and not passive
                                                                  and anchor.tag_ == "VBN")):
                out.append(c)
            elif c.dep_ == "nsubj" and not has_obj and 0 < anchor.i - c.i <= 3 and counted(c, lex):
                out.append(c)  # headline style "3 killed in blast", parsed as a subject
        # (only "as well as" after a passive: in "2 were killed and 9 injured" the parse may hang "9" there too)
        subject_dead = passive and any(c.dep_ == "nsubjpass" for c in kids) and any(
            c.dep_ == "cc" and c.lower_ == "as" for c in kids)
        if (has_obj and not passive or subject_dead) and any(c.dep_ == "cc" for c in kids):
            # "killing him and three members of his family", the second object misparsed as the verb's conjunct;
            # "five soldiers were killed as well as six civilians", the second subject hung on the verb
            out.extend(c for c in kids if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "NUM")
                       and c.i > anchor.i and counted(c, lex) and not harmed_otherwise(c, lex))
        if anchor.dep_ in ("acl", "relcl", "amod") and (anchor.tag_ == "VBN" or passive or lem in lex.intransitive_death_verbs) \
                and not own_args:
            out.append(_counted_owner(anchor.head, lex))  # "5 civilians killed in ...", "people who died"
        if anchor.dep_ == "relcl":  # "4 fighters who were killed": the relative pronoun stands for its noun
            out = [anchor.head if t.tag_ in ("WP", "WDT") and t.head.i == anchor.i else t for t in out]
        if not own_args and anchor.head.pos_ == "VERB" and (anchor.dep_ in ("xcomp", "oprd") or (
                anchor.dep_ == "conj" and lemma(anchor.head) == "leave")):
            # "leaving him shot dead", "leaving a colonel and another officer killed"
            out.extend(c for c in anchor.head.children if c.dep_ == "dobj")
        if not out and anchor.dep_ == "conj" and anchor.head.pos_ in ("VERB", "AUX"):
            # "was shot and killed", "were kidnapped and killed": the first verb's victims
            out.extend(c for c in anchor.head.children if c.dep_ == "nsubjpass")
        out.extend(_complement_subject(anchor, lex))
        if not has_obj and not passive:  # "shooting dead a person", the object hung on "dead"
            out.extend(g for c in kids if c.lower_ in lex.death_particles for g in c.children if g.dep_ == "dobj")
            # "finished off four soldiers", the object hung on the particle as if it were a preposition
            out.extend(g for c in kids if c.dep_ == "prt" and f"{lem} {c.lower_}" in lex.death_verbs
                       for g in c.children if g.dep_ == "pobj")
        if not out and not has_obj and not passive:
            out.extend(shared_object(anchor, lex))  # "kill and injure 18 citizens"
        if out:  # "a judge was shot dead, along with two others" (not "along with 28 wounded")
            out.extend(c for c in companions(anchor, lex) if not harmed_otherwise(c, lex))
        return out
    if lem in lex.life_nouns:
        head = anchor.head
        for c in anchor.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                out.extend(g for g in c.children if g.dep_ == "pobj")
        if anchor.dep_ == "dobj" and lemma(head) in lex.own_life_verbs:
            out.extend(c for c in head.children if c.dep_ == "nsubj")  # "9 people lost their lives"
        if any(c.dep_ == "nummod" for c in anchor.children):
            out.append(anchor)
        return out
    # death nouns and "dead"
    numbered = any(c.dep_ in ("nummod", "quantmod") or is_number_like(c, lex) for c in anchor.children
                   if c.i < anchor.i and c.dep_ not in ("det", "poss"))
    if numbered:
        out.append(anchor)  # "12 deaths", "three dead", "12 bodies"
    elif anchor.tag_ == "NN" and lem not in lex.tally_nouns and anchor.dep_ != "compound" \
            and any(c.dep_ == "det" and c.lower_ in lex.indefinite_articles for c in anchor.children) \
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in anchor.children):
        out.append(anchor)  # "a martyr in the countryside", "caused a death": one dead
    for c in anchor.children:
        if c.dep_ == "prep" and c.lower_ == "of" and lem in lex.of_nouns and not numbered:
            out.extend(g for g in c.children if g.dep_ == "pobj")  # "the bodies of 12", "a toll of 30"
        if c.dep_ == "nsubj" and lem == "dead" and not any(d.dep_ == "dobj" for d in anchor.children):
            out.append(c)  # "leaving three dead" parsed as a small clause (not "a sniper shot dead a soldier")
    head = anchor.head
    if lem in lex.body_nouns and anchor.tag_ == "NN" and anchor.dep_ in ("dobj", "nsubjpass") \
            and lemma(head) in lex.found_body_verbs and not out:
        out.append(anchor)  # "his body was found": one dead (not "the body of a teacher": the teacher)
    if lem == "dead":
        own = [c for c in anchor.children if c.dep_ == "dobj"]  # "shooting dead a person", "dead" read as the verb
        out.extend(own)
        if own:
            pass
        elif anchor.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "advcl", "conj", "dobj") and head.pos_ == "VERB":
            out.extend(c for c in head.children if c.dep_ == "dobj" and c.i != anchor.i)  # "left 12 people dead"
        if anchor.dep_ in ("amod", "acl") and (head.pos_ in ("NOUN", "PROPN") or head.i < anchor.i):
            out.append(_counted_owner(head, lex))  # "12 people dead"
        out.extend(_complement_subject(anchor, lex))
    if anchor.dep_ == "pobj" and head.lower_ == "among":
        owner = head.head  # "two children among the dead", "two children were among the dead"
        if owner.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            out.append(owner)
        else:  # "two children were among the dead", "among the dead were two children"
            out.extend(c for c in owner.children if c.dep_ in ("nsubj", "nsubjpass", "attr"))
    holder = anchor
    if anchor.dep_ == "pobj" and head.lower_ == "of" and lemma(head.head) in lex.number_of_nouns:
        holder, lem = head.head, "toll"  # "the number of dead rose to 27"
        head = holder.head
    if lem in lex.toll_subjects and holder.dep_ == "nsubj":
        # "the death toll rose to 30", "the dead included 5 children", "deaths reached 30"
        if lem == "toll" or lemma(head) in lex.toll_verbs or lemma(head) in lex.listing_verbs:
            singular = holder.tag_ == "NN" and lemma(head) == "be"  # "the only fatality was the bomber"
            for c in head.children:  # only counted words: "deaths might have been the result" is no count
                if c.dep_ in ("dobj", "attr", "npadvmod") and c.i not in (anchor.i, holder.i) and (
                        counted(c, lex) or singular and c.dep_ == "attr"):
                    out.append(c)
                if c.dep_ == "prep" and c.lower_ in lex.toll_figure_preps:
                    out.extend(g for g in c.children if g.dep_ == "pobj" and counted(g, lex))
    if lem == "toll" and anchor.dep_ in ("dobj", "nsubjpass"):
        # "bringing the death toll to 30", "the toll was raised to 30"
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in lex.toll_figure_preps:
                out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def _throat_owner(throat, anchor, lex: Lexicon) -> list:
    """Whose throat was slit, told by a possessive: "seized a driver and slit his throat" (one person: "his"
    stands for him), "attacked two farmers and slit their throats" (the people the verb before acted on)."""
    owner = next((p for p in throat.children if p.dep_ == "poss"), None)
    if owner is None:
        return []
    if owner.lower_ in lex.one_person_possessives:
        return [owner]
    if anchor.dep_ == "conj" and anchor.head.pos_ == "VERB":
        return [c for c in anchor.head.children if c.dep_ in ("dobj", "nsubjpass")][:1]
    return []


def shared_object(anchor, lex: Lexicon) -> list:
    """"Warplanes kill and injure 18 citizens", "killing and wounding 5 people": the object of the harm verb
    conjoined right after an object-less death verb is the people both verbs are about (some died, how many is
    not told: `fatalities._split_unknown`)."""
    doc = anchor.doc
    if anchor.i + 2 >= len(doc) or doc[anchor.i + 1].dep_ != "cc":
        return []
    harm = doc[anchor.i + 2]
    if harm.dep_ != "conj" or harm.head.i != anchor.i or lemma(harm) not in lex.other_harm:
        return []
    return [c for c in harm.children if c.dep_ == "dobj"]


def _counted_owner(noun, lex: Lexicon):
    """"3 members of a faction assassinated", "leaves 8 fighters of a rebel faction dead": the parse hangs the
    death word on the last noun of an "of"/"from" phrase; the counted people it belongs to are that phrase's
    owner (not "two people from one family", where both are counted: the owner is read anyway)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in lex.owner_preps or counted(noun, lex) or noun.tag_ not in ("NN", "NNP"):
        return noun
    owner = prep.head
    if owner.pos_ in ("NOUN", "PROPN") and owner.tag_ in ("NNS", "NNPS") and counted(owner, lex):
        return owner
    return noun


def _inside_a_subset(subject, kids, lex: Lexicon) -> bool:
    """"20 people including 8 peacekeepers and 12 soldiers were killed", misparsed with "soldiers" as a second
    subject: a subset word between an earlier subject and this one makes it part of that subject's count."""
    doc = subject.doc

    def open_subset(i: int) -> bool:  # not "21 officers (including the chief) and 20 civilians": the bracket closed
        return doc[i].lower_ in lex.subset_words and not any(doc[j].text == ")" for j in range(i + 1, subject.i))
    # "Seven soldiers (two of them officers) were killed": a subject that opens a bracket is an aside on the first
    bracketed = subject.left_edge.i > 0 and doc[subject.left_edge.i - 1].text == "("
    return any(k.dep_ == "nsubjpass" and k.i < subject.i
               and (bracketed or any(open_subset(i) for i in range(k.i + 1, subject.i))) for k in kids)


def _named_after(subject, kids, lex: Lexicon) -> bool:
    """"The mayor of Lodwar, Ekai was shot dead": a second subject after a comma, with no "and", of a singular
    verb names the first; one man."""
    doc = subject.doc
    if not any(k.dep_ in ("aux", "auxpass") and k.lower_ in lex.singular_auxiliaries for k in kids):
        return False
    return any(k.dep_ == "nsubjpass" and k.i > subject.i
               and all(doc[i].is_punct for i in range(subject.right_edge.i + 1, k.left_edge.i)) for k in kids)


def _complement_subject(anchor, lex: Lexicon) -> list:
    """"Two men were found dead", "the guide was found killed": the subject of the verb they complete."""
    if anchor.dep_ not in ("oprd", "xcomp", "acomp", "ccomp") or anchor.head.pos_ not in ("VERB", "AUX"):
        return []
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in anchor.children):
        return []
    if any(c.dep_ == "dobj" for c in anchor.head.children):
        return []  # "a gunman shot dead a shop owner": the object died, not the subject
    kids = list(anchor.head.children)
    return [c for c in kids if c.dep_ in ("nsubjpass", "nsubj") and lemma(anchor.head) != "leave"
            and not _named_after(c, kids, lex)]


def with_conjuncts(tok, anchor, lex: Lexicon) -> list:
    """The victim and the victims conjoined with it, skipping any that carry other harm ("and 20 wounded")."""
    out, todo = [], [tok]
    shared = {a.i for a in tok.ancestors}  # "were kidnapped and killed": a verb over all the victims
    while todo:
        t = todo.pop(0)
        if t.i == anchor.i and t is not tok:
            continue
        # not shared when the death word comes before the conjunct ("killed 4 soldiers and another 11 were
        # injured", "left 20 people dead and 55 wounded": the later harm word is the conjunct's own)
        if t is not tok and harmed_otherwise(t, lex, shared if t.i < anchor.i else set()):
            continue


        out.append(t)
        todo.extend(c for c in t.children if c.dep_ == "conj")
        todo.extend(companions(t, lex))  # "the governor was killed along with his driver"
        if t is tok:
            todo.extend(_stray_conjuncts(t, lex))
        else:  # "... as well as his wife, son, and bodyguard": a list the parse hangs on a conjunct
            todo.extend(listed_after(t))
    return out


def _stray_conjuncts(victim, lex: Lexicon) -> list:
    """"killing two officials working for the tax office and ten civilians": the parse joins the next counted
    people to the last noun of a clause on the victim ("office"); a counted person noun joined to a noun that
    counts nobody belongs with the victim."""
    out = []
    for prep in victim.children:
        # "the chief of Kavala and his wife": a person joined to the place or body the victim heads
        if prep.dep_ == "prep" and prep.lower_ == "of":
            out.extend(t for g in prep.children if g.dep_ == "pobj" and g.ent_type_ in lex.not_people_entities
                       and lemma(g) not in lex.person_nouns
                       for t in g.children if t.dep_ == "conj" and _one_person(t, lex) and t.ent_type_ not in
                       lex.not_people_entities and any(c.dep_ in ("poss", "det", "nummod") for c in t.children))
    for clause in victim.children:
        if clause.dep_ not in ("acl", "relcl"):
            continue
        for t in clause.subtree:
            head = t.head
            if t.dep_ == "conj" and head.dep_ == "pobj" and any(c.dep_ == "nummod" for c in t.children) \
                    and (lemma(t) in lex.person_nouns or t.lower_ in lex.person_nouns) \
                    and not any(c.dep_ == "nummod" for c in head.children) \
                    and lemma(head) not in lex.person_nouns:
                out.append(t)
    return out


def companions(tok, lex: Lexicon) -> list:
    """The people "along with" or "together with" a victim or a death verb: they died too."""
    out = []
    for c in tok.children:
        if c.lower_ in lex.companion_words:
            out.extend(g for w in c.children if w.lower_ == "with" for g in w.children if g.dep_ == "pobj")
        elif c.lower_ == "with" and c.dep_ == "prep" and c.i > 0 and (
                c.doc[c.i - 1].lower_ in lex.companion_words or any(x.lower_ in lex.companion_words for x in c.children)):
            out.extend(g for g in c.children if g.dep_ == "pobj")  # "along" and "with" side by side
    return out


def harmed_otherwise(tok, lex: Lexicon, shared: frozenset | set = frozenset()) -> bool:
    """A conjunct that is, or sits next to, another harm word: "the injury of 13", "20 wounded", "and injured
    20 others", "and two others were injured"."""
    def harm(t) -> bool:
        return t.i not in shared and (lemma(t) in lex.other_harm or t.lower_ in lex.other_harm)

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
        if doc[i].pos_ not in ("AUX", "ADV", "PART") and doc[i].lower_ not in lex.harm_linking_words:
            break
    return False


@dataclass
class _Count:
    value: int
    tokens: set  # token indices that make up the evidence


def value_of(victim, phrases_by_token: dict, lex: Lexicon, anchor) -> _Count | None:
    """The number of people one victim token stands for."""
    if _things_too(anchor, lex) and not _people_word(victim, lex):
        return None  # "wiped out three army posts", "finished off three trucks": no one died of these words
    if _negated(victim, lex):
        return _Count(0, {t.i for t in victim.subtree if t.i <= victim.i})  # "not a single person", "not one"
    if lemma(victim) in lex.total_nouns:
        return _tally_value(victim, phrases_by_token, lex, anchor)
    counted_group = _of_phrase_count(victim, phrases_by_token, lex, anchor)
    if counted_group is not None:
        return counted_group
    ph = phrases_by_token.get(victim.i)
    if ph is None:
        ph = modifier_number(victim, phrases_by_token)
    if ph is not None and not measure(victim, ph, lex):
        tokens = set(range(ph.first, ph.last + 1)) | {victim.i}
        if victim.i in ph.tokens:  # "dozens of villagers": the people the vague number counts
            tokens |= {t.i for c in victim.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree}
        return _Count(ph.value, tokens)
    if (victim.lower_ in lex.one_person_pronouns or victim.lower_ in lex.one_person_possessives and victim.dep_ == "poss") \
            and not any(c.dep_ in ("prep", "nummod") for c in victim.children):
        return _Count(1, {victim.i})
    det = [c.lower_ for c in victim.children if c.dep_ in ("det", "poss", "nummod")]
    if victim.tag_ in ("NNS", "NNPS") and any(d in lex.pair_words for d in det) \
            and not any(c.dep_ == "conj" for c in victim.children):
        return _Count(2, {victim.i} | {c.i for c in victim.children if c.dep_ == "det"})  # "both assailants"
    if victim.tag_ == "NNS" and (victim.lower_ in lex.pair_nouns or lemma(victim) in lex.pair_nouns):
        return _Count(2, {victim.i} | {c.i for c in victim.children if c.dep_ in ("det", "poss")})  # "his parents"
    if victim.lower_ == "dead" and victim.dep_ == "dobj" and any(d in lex.indefinite_articles for d in det) and any(
            c.dep_ in ("amod", "compound", "nmod") and lemma(c) in lex.person_nouns for c in victim.children):
        return _Count(1, {t.i for t in victim.subtree})  # "shot a civilian dead", misparsed as "a ... dead"
    # (a surname ending in -s is often tagged as a plural: "Carlos Mendes", still one man)
    if victim.pos_ in ("NOUN", "PROPN") and (victim.tag_ in ("NN", "NNP") or any(d in lex.indefinite_articles for d in det)
                                             or victim.tag_ == "NNPS" and victim.ent_type_ == "PERSON"):
        if "no" in det or "every" in det or "all" in det:
            return None
        if victim.dep_ == "conj" and not det and victim.ent_type_ not in ("PERSON", "NORP") \
                and not (lemma(victim) in lex.person_nouns and _long_list(victim)):
            return None  # "mostly tourists and local staff": a description, not one more person
        if _one_person(victim, lex):
            return _Count(1, {victim.i} | {c.i for c in victim.children if c.dep_ in ("det", "amod", "compound")})
    return None


def _of_phrase_count(victim, phrases_by_token: dict, lex: Lexicon, anchor) -> _Count | None:
    """"A family of five people", "all of the 14 passengers", "a patrol of six soldiers": a group, or all of a
    set, whose "of" phrase counts the people (not "the leader of 20 fighters", who is one man)."""
    if lemma(victim) not in lex.group_nouns and victim.lower_ not in lex.whole_words:
        return None
    holders = [victim] + [c for c in victim.children if c.dep_ == "acl"]  # "a family made up of three people"
    for prep in (p for h in holders for p in h.children):
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                ph = phrases_by_token.get(pobj.i) or modifier_number(pobj, phrases_by_token)
                if pobj.dep_ == "pobj" and ph is not None and not measure(pobj, ph, lex):
                    return _Count(ph.value, {victim.i, prep.i, pobj.i} | set(range(ph.first, ph.last + 1)))
    return None


def _long_list(victim) -> bool:
    """A member of a list of three or more ("his wife, son, and bodyguard"): each member is one more person; in
    "a tribal elder and chief" or "a soldier and police officer" two nouns may describe one man."""
    top = victim
    while top.dep_ in ("conj", "appos") and top.head.pos_ in ("NOUN", "PROPN"):
        top = top.head
    members = [t for t in top.subtree if t.dep_ in ("conj", "appos") and t.pos_ in ("NOUN", "PROPN")]
    return len(members) >= 2


_NUMBER_PATH = frozenset({"nummod", "quantmod", "compound", "nmod", "amod", "det", "npadvmod", "advmod"})


def modifier_number(victim, phrases_by_token: dict):
    """The number among the words before a noun that modify it, however deep the parse hangs it: "12 border
    guards", "10 police force members" (10 on "force"), "six paramilitary fighters" (six on "paramilitary")."""
    for tok in victim.doc[victim.left_edge.i:victim.i]:
        if tok.i not in phrases_by_token:
            continue
        t = tok
        while t.i != victim.i and t.dep_ in _NUMBER_PATH and t.head.i <= victim.i:
            t = t.head
        if t.i == victim.i:
            return phrases_by_token[tok.i]
    return None


def listed_after(victim) -> list:
    """"Four Malians, one Nigerien and two Chadians": the parse hangs the rest of a list on its first member as
    an apposition that goes on with "and". The members after the first (`counted_list` decides whether they add
    up or spell out the first: "two persons, a policeman and a civilian")."""
    out = []
    for appos in victim.children:
        if appos.dep_ != "appos":
            continue
        # "Two Kenyans, one Ugandan, one Afghan and three Somalis": each member may hang on the one before it
        chain, todo = [], [appos]
        while todo:
            t = todo.pop(0)
            chain.append(t)
            todo.extend(c for c in t.children if c.dep_ == "conj" or (c.dep_ == "appos" and t.dep_ == "appos"))
        if any(c.dep_ == "cc" for t in chain for c in t.children) and any(t.dep_ == "conj" for t in chain):
            out.extend(sorted(chain, key=lambda t: t.i))
    return out


def _negated(victim, lex: Lexicon) -> bool:
    """"Not a single person was killed", "not one soldier died": the people counted are none (not "no fewer
    than 20 people", where the negation bounds the number)."""
    quantity = [victim] + [c for c in victim.children if c.dep_ == "nummod"]
    return any(c.dep_ == "neg" and not any(s.lower_ in lex.bound_comparatives for s in q.children)
               for q in quantity for c in q.children)


def _one_person(victim, lex: Lexicon) -> bool:
    """A singular noun that a death word governs is one person ("a commissioner", "the governor", "Kadyrov"),
    unless it names a thing (data file: non_person_nouns) or a place or organisation."""
    if victim.ent_type_ == "PERSON" or lemma(victim) in lex.person_nouns or victim.lower_ in lex.person_nouns:
        return True
    if any(c.dep_ == "appos" and (lemma(c) in lex.person_nouns or c.ent_type_ == "PERSON") for c in victim.children):
        return True  # "Vail, a former councillor, was killed": a name the tagger took for a place, told a person
    if any(c.dep_ == "amod" and lemma(c) == "old" and any(lemma(g) in lex.age_units for g in c.children)
           for c in victim.children):
        return True  # "killed 25-year-old Shalom Sherki": an age makes the name a person's
    if victim.ent_type_ in lex.not_people_entities or lemma(victim) in lex.non_person_nouns:
        return False
    return victim.pos_ in ("NOUN", "PROPN") and victim.lower_ not in lex.measure_words


def _tally_value(victim, phrases_by_token: dict, lex: Lexicon, anchor) -> _Count | None:
    """"A total of 30 people were killed", "the number of people killed rose to 30"."""
    for prep in victim.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and lemma(pobj) not in lex.total_nouns:
                    got = value_of(pobj, phrases_by_token, lex, anchor)
                    if got is not None:
                        return _Count(got.value, got.tokens | {victim.i, prep.i})
    verb = victim.head
    if victim.dep_ == "nsubj" and lemma(verb) in lex.toll_verbs:
        for c in verb.children:
            targets = [c] if c.dep_ in ("dobj", "attr") else [g for g in c.children if g.dep_ == "pobj"] \
                if c.dep_ == "prep" and c.lower_ in lex.toll_figure_preps else []
            for t in targets:
                ph = phrases_by_token.get(t.i)
                if ph is not None and not measure(t, ph, lex):
                    return _Count(ph.value, {victim.i, verb.i} | set(range(ph.first, ph.last + 1)))
    return None


def subset(tok, anchor, lex: Lexicon) -> bool:
    """Inside "including ...", "among them", "3 of them": a part of a count, not a count. ("killed two of them",
    "two of them died": the part is itself the count of the dead.)"""
    direct = tok.head.i == anchor.i and tok.dep_ in ("dobj", "nsubj", "nsubjpass") or (
        tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i == anchor.i)  # "the bodies of six of them"
    for c in tok.children if not direct else ():
        if c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in lex.subset_pronouns
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


def spelt_out(listed: list, lex: Lexicon) -> int:
    """"Killed five people, two soldiers and three villagers": a whole ("people", "victims") set off by a comma
    or a dash and then broken down by the conjuncts after it, which add up to its count. The parse joins them all
    as one list; the breakdown is the whole told again, so its count (returned, to take off) adds nothing."""
    if len(listed) < 3:
        return 0
    (whole, whole_count), rest = listed[0], listed[1:]
    doc = whole.doc
    after = doc[whole.i + 1] if whole.i + 1 < len(doc) else None
    if lemma(whole) not in lex.whole_nouns or whole.tag_ != "NNS" or after is None \
            or after.text not in lex.breakdown_marks or any(v.i < whole.i for v, _ in rest):
        return 0
    rest_count = sum(count for _, count in rest)
    return rest_count if rest_count == whole_count else 0


def _things_too(anchor, lex: Lexicon) -> bool:
    """A death verb that also destroys things ("wipe out", "finish off"): it counts only people."""
    particles = [c.lower_ for c in anchor.children if c.dep_ == "prt"]
    return any(f"{lemma(anchor)} {p}" in lex.people_only_death_verbs for p in particles) \
        or lemma(anchor) in lex.people_only_death_verbs


def _people_word(victim, lex: Lexicon) -> bool:
    """"three wounded soldiers", "a family of four", "two of them": a word for people, not for things."""
    lem = lemma(victim)
    return lem in lex.person_nouns or lem in lex.people_lemmas or lem in lex.group_nouns \
        or victim.lower_ in lex.fallback_people_words or victim.pos_ in ("PRON", "PROPN", "NUM")
