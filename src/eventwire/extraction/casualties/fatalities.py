"""The count for one event: the per-anchor counts of a sentence (minus a conflict's running totals and the
deaths of other events), the one nearest the event's trigger, a word-order fallback for misparsed sentences,
and reports that nobody died. `FatalityCounter` is the stage the Pipeline owns."""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.extraction.casualties.lexicon import Lexicon, lemma, load_lexicon
from eventwire.extraction.casualties.numbers import NumberPhrase, measure, number_phrases, year_like
from eventwire.extraction.casualties.victims import (
    anchors,
    harmed_otherwise,
    is_death_verb,
    listed_after,
    modifier_number,
    shared_object,
    spelt_out,
    subset,
    value_of,
    victims,
    with_conjuncts,
)
from eventwire.extraction.tokens import span_text
from eventwire.lang import LanguageData

# how the parser joins two clauses of death verbs: "12 were killed and 5 died", or a comma splice read as a
# clausal complement ("16 police were killed, 12 militants were killed": a death verb takes no such complement)
SPLICED = ("conj", "ccomp", "parataxis")


@dataclass
class Fatalities:
    count: int | None  # None only for an implausible figure
    text: str  # the words the number came from ("killed 44 militants")
    start: int  # char offsets in the document text
    end: int
    tally: bool = False  # read off a running count ("the toll rose to 12"): an update of an event told before
    rising: bool = False  # the tally's verb says it grew ("rose to 12", not "reports put it at 20")
    of_wounds: bool = False  # someone wounded earlier died ("one of the wounded died", "succumbed to his wounds")
    implausible: bool = False  # the figure is above the toll ceiling (numbers.tsv): the words stay, the count is None
    adds: bool = False  # the dead are more than those told before ("five attackers were also killed", "another died")
    at_least: bool = False  # no number: the fewest the words allow ("killed civilians" 2); any figure told replaces it
    part: bool = False  # a part of the dead told elsewhere ("four aid workers were among the dead"): no event's toll


@dataclass
class _AnchorCount:
    anchor: object
    value: int
    tokens: set
    via_subject: bool


def _superlative_before(anchor, since) -> bool:
    """"... in one of the deadliest attacks since 2013": the "since" measures a record, not a running total."""
    doc = anchor.doc
    return any(doc[i].tag_ == "JJS" for i in range(anchor.i + 1, since.i))


def _long_period(since, lex: Lexicon) -> bool:
    """"since 2017", "since January", "since the war began": a conflict's span; not "since morning" or "since the
    attack"."""
    words = [t for t in since.subtree if t.i != since.i]
    return any(re.fullmatch(r"(19|20)\d\d", t.text) or lemma(t) in lex.conflict_nouns
               or t.lower_ in lex.long_period_words for t in words)


def _over_a_period(tok, lex: Lexicon) -> bool:
    """"killed so far", "killed this year", "this month's dead": a count over a period."""
    return " ".join(t.lower_ for t in tok.subtree) in lex.running_total_cues


def _period(tok, lex: Lexicon) -> bool:
    """"a month", "two weeks", "six days" (one day is an event's day)."""
    return lemma(tok) in lex.period_nouns and (lemma(tok) != "day" or tok.tag_ == "NNS")


def _running_total(anchor, lex: Lexicon) -> bool:
    """"The insurgency has killed more than 1,500 people since 2017", "the war, which has killed 300,000", "300
    people have been killed this year", "bringing this month's dead to 45": a running total over a whole conflict
    or period, not the toll of one event."""
    kids = list(anchor.children)
    if anchor.pos_ not in ("VERB", "AUX"):
        if any(c.dep_ == "poss" and _over_a_period(c, lex) for c in kids):
            return True  # "this month's dead"
        if any(c.dep_ == "prep" and lemma(g) in lex.conflict_nouns for c in kids for g in c.children
               if g.dep_ == "pobj"):
            return True  # "the death toll in the war", "the toll of the insurgency"
        setter = anchor.head
        if anchor.head.lower_ == "of":
            setter = anchor.head.head.head  # "the number of dead rose"
        if lemma(setter) not in lex.tally_setting_verbs and lemma(setter) not in lex.toll_verbs:
            return False
        anchor, kids = setter, list(setter.children)  # "raised the toll to 300 since January"
    for c in kids:
        since_clause = c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children)
        if ((c.dep_ == "prep" and c.lower_ == "since") or since_clause) and _long_period(c, lex) \
                and not _superlative_before(anchor, c):
            return True  # "since 2017", "since the war began"
        if c.dep_ in ("advmod", "prep", "npadvmod") and _over_a_period(c, lex) and not _superlative_before(anchor, c):
            return True  # "killed 300 this year" (not "killing five in the deadliest attack this year")
        if c.dep_ == "prep" and c.lower_ in lex.period_prepositions \
                and any(g.dep_ == "pobj" and _period(g, lex) for g in c.children):
            return True  # "killed 140 within six days"
    perfect = any(c.dep_ == "aux" and lemma(c) == "have" for c in kids)
    if not perfect:
        return False
    agents = [c for c in kids if c.dep_ == "nsubj"]
    if anchor.dep_ == "relcl":
        agents.append(anchor.head)
    return any(lemma(a) in lex.conflict_nouns for a in agents)


def _anchor_counts(sent, found: list, phrases: list[NumberPhrase], lex: Lexicon) -> list[_AnchorCount]:
    by_token = {}
    for ph in phrases:
        for i in range(ph.first, ph.last + 1):
            by_token.setdefault(i, ph)
    results = []
    for anchor in found:
        if _running_total(anchor, lex):
            continue
        seen_victims: set[int] = set()
        total, tokens, via_subject, found = 0, {anchor.i}, False, False
        for victim in victims(anchor, lex):
            listed = []  # (person noun, count) of this victim and its conjuncts, in order
            for v in with_conjuncts(victim, anchor, lex):
                if v.i in seen_victims or subset(v, anchor, lex):
                    continue
                seen_victims.add(v.i)
                if v.i in tokens and v.i in by_token:
                    continue  # "One hundred and forty-five were killed": "five", a conjunct, is of the number counted
                cnt = value_of(v, by_token, lex, anchor)
                if cnt is None:
                    continue
                listed.append((v, cnt.value))
                total += cnt.value
                tokens |= cnt.tokens
                found = True
                more = _list_rest(v, cnt.value, seen_victims, by_token, anchor, lex)
                if more is not None:
                    total += more[0]
                    tokens |= more[1]
                via_subject = via_subject or v.dep_ in ("nsubj", "nsubjpass")
            total -= spelt_out(listed, lex)
        if found and total > 1 and _split_unknown(anchor, lex):
            total = 1  # "six soldiers were killed and wounded": at least one died, how many more is not told
        if found:
            tokens |= {c.i for c in anchor.children if c.dep_ == "compound"}  # "death toll"
            tokens |= {t.i for c in anchor.children if c.lower_ in lex.death_particles
                       or (c.dep_ == "prep" and c.lower_ == "to" and any(lemma(g) == "death" for g in c.children))
                       for t in c.subtree}  # "shot dead", "burned alive", "gunned down", "stabbed to death"
            if anchor.head.lower_ == "among":
                tokens.add(anchor.head.i)  # "among the dead"
            first = min(tokens)
            article = sent.doc[first - 1] if first > sent.start else None
            if article is not None and article.lower_ in lex.indefinite_articles and article.head.i in tokens:
                tokens.add(first - 1)  # "a total of 30"
            results.append(_AnchorCount(anchor, total, tokens, via_subject))
    return _merge_overlapping(results)


def _plural_count(death_words: list, trigger, lex: Lexicon) -> _AnchorCount | None:
    """With no number in the sentence, the plural people a death verb (or "the death of") is about: "warplanes
    killed civilians" says at least two died ("killing and wounding civilians": at least one)."""
    for a in death_words:
        of_noun = lemma(a) in lex.of_nouns and lemma(a) not in lex.tally_nouns  # "caused the death of fighters"
        if not (is_death_verb(a, lex) or of_noun) or _running_total(a, lex) \
                or trigger is not None and _about_another_event(a, trigger, lex):
            continue
        p = _unnumbered_people(a, lex)
        if p is not None:
            value = 1 if _split_unknown(a, lex) else MIN_PLURAL
            return _AnchorCount(a, value, {a.i, p.i} | {c.i for c in p.children if c.dep_ in ("det", "poss")}, False)
    return None


def _dead_beside_wounded(candidates: list, lex: Lexicon) -> _AnchorCount | None:
    """"Casualties and injuries in the shelling", "caused deaths and injuries", "martyrs and wounded": the dead
    named beside the wounded, with no number of their own; at least one died (not "no casualties or injuries")."""
    for tok in candidates:
        if tok.pos_ not in ("NOUN", "PROPN", "ADJ") or not (lemma(tok) in lex.dead_beside_wounded
                                                             or tok.lower_ in lex.dead_beside_wounded):
            continue
        partners = [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
        wounded = [p for p in partners if (lemma(p) in lex.other_harm or p.lower_ in lex.other_harm)
                   and lemma(p) not in lex.dead_beside_wounded and p.lower_ not in lex.dead_beside_wounded]
        first = min([tok] + wounded, key=lambda t: t.i)
        if not wounded or _denied(first, lex):
            continue
        return _AnchorCount(tok, 1, {tok.i} | {p.i for p in wounded}, False)
    return None


def _denied(noun, lex: Lexicon) -> bool:
    """"No deaths or injuries", "without casualties or injuries", and the same denied through the noun whose "of"
    phrase holds them: "no reports of deaths or injuries", "no immediate reports of casualties"."""
    for _ in range(2):
        if any(c.lower_ in lex.denial_words for c in noun.children) or noun.head.lower_ == "without" \
                or any(c.dep_ == "neg" for c in noun.head.children):
            return True
        if not (noun.dep_ == "pobj" and noun.head.lower_ == "of"):
            return False
        noun = noun.head.head  # "reports" of "no reports of deaths"
    return False


# the fewest people a plural says died ("killed civilians"): the most conservative reading, as with "several"
MIN_PLURAL = 2


def _unnumbered_people(anchor, lex: Lexicon):
    """The plural people a death word is about when no number counts them ("warplanes kill civilians", "its
    police officers were killed"), or None."""
    for victim in victims(anchor, lex):
        people = lemma(victim) in lex.person_nouns or victim.lower_ in lex.fallback_people_words \
            or lemma(victim) in lex.people_lemmas
        if victim.tag_ != "NNS" or victim.i == anchor.i or lemma(victim) == "life" or not people:
            continue
        if any(c.dep_ in ("nummod", "quantmod") or c.lower_ in lex.no_count_determiners for c in victim.children) \
                or subset(victim, anchor, lex) or harmed_otherwise(victim, lex) and victim not in shared_object(anchor, lex):
            continue
        return victim
    return None


def _list_rest(victim, first_value: int, seen: set[int], by_token: dict, anchor,
               lex: Lexicon) -> tuple[int, set] | None:
    """The members of a list that the parse hung on its first as an apposition ("killing 14 pupils, a cook and
    a night watchman" = 16). When they add up to the first member's own count, they spell it out ("two
    persons, a policeman and a civilian" = 2) and add nothing; a member that is harmed otherwise or has no count
    leaves the list unread."""
    members = [m for m in listed_after(victim) if m.i not in seen and not _own_name(m, victim)]
    if not members:
        return None
    total, tokens = 0, set()
    for m in members:
        if harmed_otherwise(m, lex) or subset(m, anchor, lex):
            return None
        if modifier_number(m, by_token) is None and m.i not in by_token \
                and not any(c.dep_ == "det" and c.lower_ in lex.indefinite_articles or c.dep_ == "poss" for c in m.children):
            return None  # "Shahbaz X, the minister and the only Christian in the cabinet": one man described
        cnt = value_of(m, by_token, lex, anchor)
        if cnt is None:
            return None
        total += cnt.value
        tokens |= cnt.tokens
    if total == first_value:
        return None
    seen.update(m.i for m in members)
    return total, tokens


def _own_name(member, victim) -> bool:
    """"Deputy Chief of Staff Parami Kulatunga and three others": the name in apposition to a singular title is
    the titled man himself, not one more of the dead."""
    return member.dep_ == "appos" and member.head.i == victim.i and member.ent_type_ == "PERSON" \
        and victim.tag_ in ("NN", "NNP") and victim.ent_type_ != "PERSON"


def _split_unknown(anchor, lex: Lexicon) -> bool:
    """The same people "were killed and wounded" / "killed or injured": a harm verb right after the death verb,
    with no people of its own, so the count is of the dead and the hurt together."""
    doc = anchor.doc
    if anchor.i + 2 >= len(doc) or doc[anchor.i + 1].dep_ != "cc":
        return False
    harm = doc[anchor.i + 2]
    # the harm verb may hold the object both verbs share ("kill and injure 18 citizens": victims.shared_object)
    shared = ("dobj",) if not any(c.dep_ == "dobj" for c in anchor.children) else ()
    return harm.dep_ == "conj" and harm.head.i == anchor.i and lemma(harm) in lex.other_harm \
        and not any(g.dep_ not in ("prep", "punct", "advcl", "cc", "agent") + shared for g in harm.children)


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


def _about_another_event(anchor, trigger, lex: Lexicon) -> bool:
    """The count sits in a phrase about another happening than the trigger's: "two days after a bombing killed
    10", "protesters denounced the killing of 12", "in revenge for the deaths of 5"."""
    trigger_line = {trigger.i} | {t.i for t in trigger.ancestors}
    if anchor.i in trigger_line or any(t.i == anchor.i for t in trigger.subtree) and trigger.pos_ != "VERB":
        return False
    tok = anchor
    for _ in range(30):
        if tok.i in trigger_line:
            return False
        if tok.lower_ in lex.earlier_event_words or lemma(tok) in lex.earlier_event_words:
            return True
        if any(c.dep_ == "mark" and c.lower_ in lex.earlier_event_words for c in tok.children):
            return True  # "after a bombing killed 10"
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _choose(counts: list[_AnchorCount], trigger, lex: Lexicon) -> _AnchorCount | None:
    if trigger is not None:
        counts = [c for c in counts if not _about_another_event(c.anchor, trigger, lex)]
        if not counts:
            return None
    if trigger is None or len(counts) == 1:
        best = counts[0]
    else:
        best = min(counts, key=lambda c: (_tree_distance(c.anchor, trigger), abs(c.anchor.i - trigger.i)))
    # "... 7 officers were killed by an ambush, 9 militants were also killed": more dead of the same happening

    def additive(c: _AnchorCount) -> bool:
        return any(x.dep_ == "advmod" and x.lower_ in lex.additive_adverbs for x in c.anchor.children)

    if additive(best):
        # the trigger sits nearest the "also" count ("killing 7 soldiers, one attacker was also killed"): it adds to
        # the sentence's first count all the same
        base = next((o for o in counts if o is not best and not additive(o)), None)
        if base is not None:
            best = _AnchorCount(base.anchor, base.value + best.value, base.tokens | best.tokens, base.via_subject)
    for other in counts:
        if other is not best and additive(other) and not other.tokens <= best.tokens:
            best = _AnchorCount(best.anchor, best.value + other.value, best.tokens | other.tokens, best.via_subject)
    # victims reported as subjects of conjoined death verbs belong together:
    # "12 soldiers were killed and 5 civilians died" = 17
    for other in counts:
        if other is best or other.tokens & best.tokens:
            continue  # (one already added: "9 rebels were also killed")
        if other.via_subject and best.via_subject:
            # (a comma splice parses as a clausal complement: "16 police were killed, 12 militants were killed")
            joined = _spliced(other.anchor, best.anchor, lex) or _spliced(best.anchor, other.anchor, lex)
        else:  # "killed 12 farmers and killed 5 more", "left 7 soldiers dead, while 3 attackers were killed"
            joined = _joined_clauses(other.anchor, best.anchor, lex) or _joined_clauses(best.anchor, other.anchor, lex)
        if joined and not _elaborated(best.anchor, other.anchor):
            best = _AnchorCount(best.anchor, best.value + other.value, best.tokens | other.tokens,
                                best.via_subject or other.via_subject)
    return best


def _clause_verb(anchor):
    """The verb of a death word's clause: the word itself, or the verb that "dead" completes ("left 7 dead")."""
    if anchor.pos_ not in ("VERB", "AUX") and anchor.dep_ in ("oprd", "acomp", "xcomp", "ccomp") \
            and anchor.head.pos_ in ("VERB", "AUX"):
        return anchor.head
    return anchor


def _joined_clauses(clause, main, lex: Lexicon) -> bool:
    """Two death clauses joined by "and" or a "while" of contrast, at least one counting objects: each reports
    more dead of the same happening ("killed 12 farmers and killed 5 more"; "left 7 soldiers dead and 12 injured,
    while 3 attackers were killed"). ACLED counts every death, the attackers' too."""
    clause, head = _clause_verb(clause), _clause_verb(main)
    if clause.head.i != head.i or clause.i == head.i or clause.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "nsubj" for c in clause.children) and any(c.dep_ == "dobj" for c in clause.children):
        return False  # "..., while a car bomb killed 3 others": another agent, another event
    if clause.dep_ == "conj":
        return True
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in lex.contrast_marks for c in clause.children)


def _spliced(clause, main, lex: Lexicon) -> bool:
    """A death clause joined to another as a second report of the dead: "12 were killed and 5 died", "16 were
    killed, 12 were killed", "two were killed, while three died in hospital" (a "while" of contrast, not of time:
    its clause has a subject of its own)."""
    if clause.head.i != main.i:
        return False
    if clause.dep_ in SPLICED:
        return True
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in lex.contrast_marks for c in clause.children)


def _elaborated(a, b) -> bool:
    """A colon or dash between two death clauses: the second breaks the first down ("Eleven people died: eight
    civilians were killed in a shooting and ..."), it adds no one."""
    lo, hi = sorted((a.i, b.i))
    return any(t.text in (":", "-", "\u2013", "\u2014") for t in a.doc[lo:hi])


def _fallback(sent, phrases: list[NumberPhrase], lex: Lexicon) -> _AnchorCount | None:
    """Word order alone, for misparsed sentences: "12 [people] killed/dead/died" or "killing/killed 12"."""
    doc = sent.doc
    not_people = lex.death_word_forms | lex.other_harm
    for ph in phrases:
        j = ph.last + 1
        while j < sent.end and j - ph.last <= 3 and (doc[j].lower_ in lex.fallback_people_words
                                                     or doc[j].pos_ == "ADJ" and doc[j].lower_ not in not_people):
            j += 1
        j = _past_aside(doc, j, sent.end)  # "38 people (mostly tourists) were killed"
        if j < sent.end and doc[j].lower_ in lex.fallback_auxiliaries:
            j += 1
            if j < sent.end and doc[j].lower_ in lex.fallback_after_auxiliaries:
                j += 1
        after_ok = j < sent.end and doc[j].lower_ in lex.death_word_forms
        before = doc[ph.first - 1] if ph.first - 1 >= sent.start else None
        before_ok = before is not None and (before.lower_ in lex.kill_forms or (
            before.lower_ == "dead" and before.i > sent.start and is_death_verb(doc[before.i - 1], lex)))
        if not (after_ok or before_ok):
            continue
        if measure(doc[ph.last], ph, lex):
            continue  # "3 rockets", "killed twenty-five-years-old X": no people counted
        if year_like(doc, ph):
            continue
        if subset(doc[ph.last], sent.root, lex):
            continue
        anchor = doc[j] if after_ok else before
        toks = set(range(min(ph.first, anchor.i), max(ph.last, anchor.i) + 1))
        return _AnchorCount(anchor, ph.value, toks, False)
    return None


def _past_aside(doc, j: int, end: int) -> int:
    """The token after a bracketed aside that starts at `j` ("38 people (mostly tourists) were killed"), or `j`."""
    if j >= end or doc[j].text != "(":
        return j
    close = next((k for k in range(j + 1, end) if doc[k].text == ")"), None)
    return close + 1 if close is not None else j


def _adds_to_earlier(count: _AnchorCount, lex: Lexicon) -> bool:
    """"Five attackers were also killed", "another soldier died", "two more people were killed": the dead are
    counted beyond those told before (by a figure, not "several" or "dozens")."""
    doc = count.anchor.doc
    if any(doc[i].lower_ in lex.vague for i in count.tokens):
        return False  # "several militants were also killed": too vague a figure to add to a toll
    if any(c.dep_ == "advmod" and c.lower_ in lex.additive_adverbs for c in count.anchor.children):
        return True
    words = [doc[i] for i in count.tokens if i != count.anchor.i]
    return any(t.lower_ in lex.additive_determiners or any(
        c.dep_ in ("det", "amod", "advmod") and c.lower_ in lex.additive_determiners for c in t.children)
        for t in words)


def _tally_setter(doc, tokens: set, lex: Lexicon):
    """The verb that sets a running count: "the death toll rose to 12", "bringing the toll to 30", "the number
    of dead reached 27" (None for "a total of 30 people were killed", the event's own count)."""
    for i in tokens:
        tok = doc[i]
        if tok.head.lower_ == "of":
            tok = tok.head.head  # "the number of dead"
        if lemma(tok) in lex.tally_nouns and (lemma(tok.head) in lex.toll_verbs
                                              or lemma(tok.head) in lex.tally_setting_verbs):
            return tok.head
    return None


def _died_of_wounds(anchor, lex: Lexicon) -> bool:
    """"One of the wounded died", "a diplomat succumbed to his wounds", "died of her injuries": a later death of
    someone an event told before had wounded."""
    if lemma(anchor) not in lex.wound_death_verbs:
        return False
    holders = [c for c in anchor.children if c.dep_ == "prep"]  # "died of his wounds"
    holders += [p for c in anchor.children if c.dep_ == "nsubj" for p in c.children if p.dep_ == "prep"]  # "one of"
    return any(g.dep_ == "pobj" and (lemma(g) in lex.other_harm or g.lower_ in lex.other_harm)
               for p in holders for g in p.children)


def _zero(sent, tokens, lex: Lexicon) -> Fatalities | None:
    """"No casualties were reported", "no one was killed", "without casualties": zero deaths, with the words."""
    doc = sent.doc
    for tok in tokens:
        lem = lemma(tok)
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
        if tok.lower_ in lex.nobody_words or (tok.lower_ == "one" and tok.i > sent.start and doc[tok.i - 1].lower_ == "no"):
            verb = tok.head
            if tok.dep_ in ("nsubj", "nsubjpass") and (lemma(verb) in lex.zero_verbs or is_death_verb(verb, lex)):
                first = tok.i - 1 if tok.lower_ == "one" else tok.i
                return _zero_result(doc, doc[first], verb)
    return None


def _zero_result(doc, a, b) -> Fatalities:
    first, last = min(a.i, b.i), max(a.i, b.i)
    span = doc[first:last + 1]
    return Fatalities(0, span.text, span.start_char, span.end_char)


FACTS_KEY = "eventwire.death_facts"  # Doc.user_data: (sentence start, end) -> _SentenceFacts or None


@dataclass
class _SentenceFacts:
    candidates: list  # tokens the pre-filter points at, with their heads
    death_words: list  # the anchors among them
    phrases: list[NumberPhrase]
    counts: list[_AnchorCount]
    running_total: bool


class FatalityCounter:
    """The casualty stage, as the Pipeline owns it: built once from the language data.

    The events of one sentence share its analysis: the counter keeps each sentence's facts on its Doc (the
    events of an article come in text order, but the tolls and the other stages ask sentences again in between)."""

    def __init__(self, language: LanguageData | None = None):
        self.language = language if language is not None else LanguageData()
        self.lexicon = load_lexicon(self.language)

    def number_phrases(self, sent) -> list[NumberPhrase]:
        """Every count in the sentence (see `numbers.number_phrases`)."""
        return number_phrases(sent, self.lexicon)

    def find(self, sentence, trigger=None) -> Fatalities | None:
        """The deaths the sentence reports for the event whose trigger is `trigger` (None: the sentence's first
        death report), or None when it reports none."""
        lex = self.lexicon
        facts, at_least = self._sentence_facts(sentence), False
        if facts is None:
            return None  # most sentences say nothing of deaths
        counts = facts.counts
        if trigger is not None and not (sentence.start <= trigger.i < sentence.end):
            trigger = None
        if counts:
            best = _choose(counts, trigger, lex)
        elif facts.running_total:
            return None  # a conflict's running total, which the word-order fallback must not pick up either
        else:
            best = _fallback(sentence, facts.phrases, lex)
            if best is None:
                best = _plural_count(facts.death_words, trigger, lex) or _dead_beside_wounded(facts.candidates, lex)
                at_least = best is not None
        if best is None and counts:
            return None  # the sentence's deaths belong to another event
        if best is None:
            return _zero(sentence, facts.candidates, lex)
        doc = sentence.doc
        span = doc[min(best.tokens):max(best.tokens) + 1]
        setter = _tally_setter(doc, best.tokens | {best.anchor.i}, lex)
        implausible = best.value > lex.toll_ceiling
        return Fatalities(None if implausible else best.value, span.text, span.start_char, span.end_char,
                          tally=setter is not None,
                          rising=setter is not None and lemma(setter) in lex.rising_toll_verbs,
                          of_wounds=_died_of_wounds(best.anchor, lex), implausible=implausible,
                          adds=_adds_to_earlier(best, lex), at_least=at_least,
                          part=best.anchor.dep_ == "pobj" and best.anchor.head.lower_ in lex.subset_words)

    def running_total(self, sentence) -> bool:
        """The sentence's only death reports are running totals ("the war has killed 300,000", "300 people have
        been killed this year"): a count over a conflict or period, no event's."""
        facts = self._sentence_facts(sentence)
        return facts is not None and facts.running_total and not facts.counts

    def _sentence_facts(self, sentence) -> _SentenceFacts | None:
        """What a sentence says about deaths, computed once for all the events in it. The pre-filter finds the
        stems of death words in the text; only those tokens and the words governing them ("fatally shot", "slit
        the throats", "beaten to death") are looked at as anchors."""
        doc, key = sentence.doc, (sentence.start, sentence.end)
        memo = doc.user_data.setdefault((FACTS_KEY, id(self)), {})  # this counter's answers only
        if key in memo:
            return memo[key]
        lex = self.lexicon
        facts = None
        hits = lex.death_words(span_text(sentence))
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
            found = anchors(candidates, lex)
            phrases = number_phrases(sentence, lex)
            facts = _SentenceFacts(candidates, found, phrases, _anchor_counts(sentence, found, phrases, lex),
                                   any(_running_total(a, lex) for a in found))
        memo[key] = facts
        return facts
