"""Who did it, when another sentence says so: claims of responsibility ("IS claimed the attack"), suspicion
("Boko Haram is suspected", "the PKK is believed to be behind the bombing"), blame ("police blamed the
Taliban for the attack", "the attack was attributed to al-Shabaab") and the attacker's allegiance ("the
bomber had pledged allegiance to IS", "he was a member of X"). The named group becomes actor1 of the nearby
violent events that have no named actor of their own; the sentence that says so is no new attack."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from eventwire.extraction.actors.nouns import ACTOR
from eventwire.extraction.events.named_attackers import identified_attacker, name_role
from eventwire.extraction.events.roles import Role, actor_kind
from eventwire.extraction.events.syntax import object_of, prep_objects, subject_of
from eventwire.extraction.events.triggers import is_claimed
from eventwire.extraction.tokens import children, sentences

if TYPE_CHECKING:
    from eventwire.extraction.events.candidates import EventCandidate
    from eventwire.extraction.events.context import DocContext
    from eventwire.extraction.events.lexicon import EventWords, Lexicon

VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
# a claim verb's subject this many tokens back is a misparse of a long list ("X, Y, ..., Z, spokesman for IS,
# claimed"): the name just before the verb is taken instead
FAR_SUBJECT = 15
# how many sentences away a claim still speaks of an event: a long report tells other attacks too
CLAIM_REACH = 4


def _event_noun(lex: Lexicon, tok: Token | None) -> bool:
    return tok is not None and lex.is_event_noun(tok)


def _claim_subject(tok: Token) -> Token | None:
    """The subject of a claim verb, or failing a parse, the name just before it ("..., the group JNIM, claimed")."""
    subjects = [c for c in children(tok) if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects and subjects[0].dep_ == "nsubjpass":
        agents = prep_objects(tok, {"by"})
        return agents[0] if agents else None
    if subjects and tok.i - subjects[0].i <= FAR_SUBJECT:
        return subjects[0]
    if not subjects and tok.dep_ in ("conj", "xcomp") and tok.head.i != tok.i:
        # "the Taliban is said to have claimed", "the group stormed the base and claimed": the head's subject
        # (an active one for a conjunct: "the base was stormed and X claimed" is not the base's claim)
        above = [c for c in children(tok.head) if c.dep_ in ("nsubj", "nsubjpass")]
        if above and (tok.dep_ == "xcomp" or above[0].dep_ == "nsubj"):
            return above[0]
        if not above and tok.head.dep_ in ("conj", "xcomp"):
            return _claim_subject(tok.head)
    return _name_before(tok)  # no subject, or one far back in a list the parser ran together


def _name_before(tok: Token) -> Token | None:
    """The name just before a predicate the parser left without a subject: "but IS-affiliated Wilayat Sinai is
    suspected" (the name taken as the object of "affiliated")."""
    for t in reversed(tok.doc[max(tok.sent.start, tok.i - 6):tok.i]):
        if t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "NORP"):
            return t
        if t.pos_ == "VERB":
            break
    return None


def _named_party(tok: Token, lex: Lexicon) -> Token | None:
    """The party a claim, suspicion or blame word names as the perpetrator, or None."""
    lemma = tok.lemma_.lower()
    words = lex.words
    marked = _hallmark_named(tok, lex)
    if marked is not None:
        return marked
    if lemma in words.responsibility_verbs and tok.pos_ == "VERB":
        obj = object_of(tok)
        subj, passive = subject_of(tok)
        if passive and subj is not None and tok.dep_ == "relcl" and subj.lower_ in words.relative_pronouns:
            subj = tok.head  # "the attack, which was claimed by the Taliban": the noun the clause is about
        if any(c.lemma_.lower() == "responsibility" for c in children(tok)):
            return _claim_subject(tok)
        if lemma in words.claim_verbs and (_event_noun(lex, obj) or (passive and _event_noun(lex, subj)) or any(
                c.dep_ == "ccomp" and c.lemma_.lower() in lex.verbs for c in children(tok))):
            return _claim_subject(tok)  # "IS claimed the attack", "IS claimed that its fighter blew himself up"
        return None
    if lemma == "responsibility" and any(c.lemma_.lower() in words.claim_verbs for c in children(tok) if c.dep_ == "compound"):
        # "ISIL claims responsibility" read as a noun phrase: the name before "claims"
        return next((c for c in children(tok) if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    if (lemma == "behind" and tok.dep_ == "prep" and tok.head.lemma_.lower() == "be") or (
            lemma == "responsible" and tok.head.pos_ in ("AUX", "VERB")):
        # "X is (believed to be) behind the attack", "X is responsible for", "X was held responsible"
        subj = subject_of(tok.head)[0]
        if subj is not None and subj.lower_ in words.pronouns and tok.head.dep_ == "ccomp":
            return _claim_subject(tok.head.head)  # "IS claims it was behind the attack"
        return subj
    if lemma == "allegiance" and tok.head.pos_ == "VERB":
        to = prep_objects(tok, {"to"}) or prep_objects(tok.head, {"to"})
        after = tok.doc[tok.i + 1:tok.i + 3]
        if not to and len(after) == 2 and after[0].lower_ == "to" and after[1].pos_ in ("PROPN", "VERB", "NOUN"):
            to = [after[1]]  # "pledged allegiance to ISIS", "to ISIS" misread as an infinitive
        return to[0] if to else None  # "the attacker had pledged allegiance to IS"
    if lemma in words.blame_landing_verbs and tok.pos_ == "VERB":
        # "suspicion fell on the Pakistani Taliban", "the blame fell on the rebels"
        subj = subject_of(tok)[0]
        on = prep_objects(tok, words.blamed_on_prepositions)
        return on[0] if on and subj is not None and subj.lemma_.lower() in words.blame_nouns else None
    named_attacker = identified_attacker(tok, lex) if lemma in words.naming_verbs else None
    if named_attacker is not None:
        return named_attacker
    if lemma in words.affiliation_verbs and tok.pos_ in ("VERB", "ADJ") and lemma not in words.suspicion_verbs:
        return _affiliation_named(tok, lex)
    if (lemma in words.deed_verbs or lemma in words.agent_verbs) and tok.pos_ == "VERB" and tok.dep_ == "relcl":
        doer = _relative_doer(tok, lex)
        if doer is not None:
            return doer
    if lemma in words.deed_verbs and tok.pos_ == "VERB":
        deed = _said_deed(tok, lex)
        if deed is not None:
            return deed
    if tok.pos_ != "VERB":
        if lemma == "be" and tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass"):
            return _perpetrator_named(tok, lex)
        return None
    agents = prep_objects(tok, {"by"})
    if lemma not in words.suspicion_verbs and lemma not in words.blame_verbs and not agents:
        return None  # an agent verb speaks of the attack only with its "by"
    subj, passive = subject_of(tok)
    if lemma in words.suspicion_verbs:
        if passive:
            return subj  # "Boko Haram is suspected (of the attack)"
        if subj is None and any(c.dep_ == "auxpass" for c in children(tok)):
            return _name_before(tok)
        obj = object_of(tok)
        return obj if obj is not None and not _event_noun(lex, obj) else None  # "police suspect the PKK"
    if lemma in words.blame_verbs:
        obj = object_of(tok)
        # "blamed the bombing on the Taliban": the parser may hang "on" on the object
        blamed_on = words.blamed_on_prepositions
        on = prep_objects(tok, blamed_on) or (prep_objects(obj, blamed_on) if _event_noun(lex, obj) else [])
        if on:
            return on[0]  # "blamed the bombing on the Taliban", "the attack was attributed to IS"
        if passive:
            return subj if not _event_noun(lex, subj) else None  # "the PKK was blamed for the attack"
        return obj if obj is not None and not _event_noun(lex, obj) else None  # "police blamed the Taliban"
    # "the attacks are believed to be done by IS cells"
    return agents[0] if passive and _event_noun(lex, subj) else None


def _relative_doer(tok: Token, lex: Lexicon) -> Token | None:
    """"Musa Danjuma, who had planted the device", "the man who carried out the bombing, Cemil Aksoy": the one a
    relative clause of a deed (its object a bomb, a device or an event noun) says did it; his name in apposition
    before his kind."""
    subj = next((c for c in children(tok) if c.dep_ == "nsubj"), None)
    obj = object_of(tok)
    if subj is None or subj.lower_ not in lex.words.doer_relative_pronouns or obj is None:
        return None
    if not (_event_noun(lex, obj) or obj.lemma_.lower() in lex.words.weapon_nouns
            or obj.lemma_.lower() in lex.words.device_nouns):
        return None
    head = tok.head
    return next((c for c in children(head) if c.dep_ == "appos" and c.pos_ == "PROPN"), head)


def _hallmark_named(tok: Token, lex: Lexicon) -> Token | None:
    """"The attack bore the hallmarks of Maoist rebels", "it had all the signs of an IS attack" (the "of" party of a
    hallmark noun the attack or "it" bears or carries)."""
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in lex.words.hallmark_verbs:
        return None
    subj = subject_of(tok)[0]
    if subj is None or not (subj.lower_ in lex.words.event_pronouns or _event_noun(lex, subj)):
        return None
    for c in children(tok):
        if c.dep_ == "dobj" and c.lemma_.lower() in lex.words.hallmark_nouns:
            of = prep_objects(c, {"of"})
            if of:
                return of[0]
    return None


def _said_deed(tok: Token, lex: Lexicon) -> Token | None:
    """Who did the deed a speaker tells of a known event (claimed_deed): "al-Shabaab said it had carried out the
    attack" (the speaker, for "it"), "police said militants carried out the massacre" (the militants), "the
    rebels said the attack was carried out by a splinter faction" (the faction)."""
    obj = object_of(tok)
    subj, passive = subject_of(tok)
    if passive and tok.dep_ == "xcomp" and not any(c.dep_ in ("auxpass", "nsubjpass") for c in children(tok)):
        # "Boko Haram is thought (said) to have carried out the attack": the subject of the belief did the deed
        believed = tok.head.lemma_.lower() in lex.words.belief_verbs | lex.words.deed_speech_verbs
        return subj if believed and obj is not None and claimed_deed(lex, obj) else None
    told = subj if passive else obj
    if told is not None and told.lower_ == "it" and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in \
            lex.words.belief_verbs and any(c.dep_ == "auxpass" for c in children(tok.head)):
        return subj  # "militants are believed to have planted it": "it" is the bomb or attack just told
    if told is None or not claimed_deed(lex, told):
        return None
    if passive:
        agents = prep_objects(tok, {"by"})
        return agents[0] if agents else None
    if subj is not None and subj.lower_ in lex.words.pronouns:
        return _claim_subject(tok.head)
    return subj


def _stands_for_attacker(subj: Token | None, lex: Lexicon) -> bool:
    """"the attackers", "the woman", "he", "the attack": a subject that speaks of the attack or its author."""
    return subj is not None and (subj.lower_ in lex.words.perpetrator_nouns or subj.lower_ in lex.words.attacker_words
                                 or _event_noun(lex, subj))


def _affiliation_named(tok: Token, lex: Lexicon) -> Token | None:
    """"the man is affiliated with al-Shabaab", "the attack was later linked to IS"."""
    objs = prep_objects(tok, lex.words.affiliation_prepositions)
    if not objs:
        return None
    subj = subject_of(tok if tok.pos_ == "VERB" else tok.head)[0]
    return objs[0] if _stands_for_attacker(subj, lex) else None


def _perpetrator_named(be: Token, lex: Lexicon) -> Token | None:
    """"the attackers were members of X", "the perpetrators are believed to be of X", "he was a member of X"."""
    if not any(c.dep_ == "attr" or (c.dep_ == "prep" and c.lower_ == "of") for c in children(be)):
        return None
    subj = subject_of(be)[0]
    for c in children(be):
        of = prep_objects(c, {"of"}) if c.dep_ == "attr" and c.lemma_.lower() in lex.words.hallmark_nouns else []
        if of and subj is not None and (subj.lower_ in lex.words.event_pronouns or _event_noun(lex, subj)):
            return of[0]  # "many assumed it was the work of IS", "the bombing bore the signature of the PKK"
    if not _stands_for_attacker(subj, lex) or _event_noun(lex, subj):
        return None
    for c in children(be):
        if c.dep_ == "attr":
            of = prep_objects(c, {"of"})
            if c.lemma_.lower() in lex.words.member_words and of:
                return of[0]
            return c if subj.lower_ in lex.words.perpetrator_nouns else None
    of = prep_objects(be, {"of"})
    return of[0] if of and subj.lower_ in lex.words.perpetrator_nouns else None


def _affiliate_misread(who: Token, lex: Lexicon) -> Token:
    """"Al-Qaeda linked Abu Sayyaf is suspected", parsed as "al-Qaeda linked Abu Sayyaf" (a clause): the named
    affiliate, not the group it is linked to (a verb of affiliation with a name for its object and no "to"/"with")."""
    verb = who.head
    if who.dep_ != "nsubj" or verb.lemma_.lower() not in lex.words.affiliation_verbs or prep_objects(
            verb, lex.words.link_prepositions):
        return who
    obj = object_of(verb)
    return obj if obj is not None and obj.pos_ == "PROPN" and not _event_noun(lex, obj) else who


def _denied(tok: Token, who: Token, lex: Lexicon) -> bool:
    """"No group claimed responsibility", "the Taliban did not claim the attack"."""
    nobody = lex.words.claim_denials
    if who.lower_ in nobody or any(c.lower_ in nobody for c in children(who) if c.dep_ == "det"):
        return True
    head = tok if tok.pos_ == "VERB" else tok.head
    return any(c.dep_ == "neg" for c in children(head))


def _group_spoken_for(who: Token, cue: Token, words: EventWords) -> Token | None:
    """The group a named speaker claims for: "Qari Yousuf, a spokesman for the Taliban" (or "the Taliban
    spokesman"), "Taliban spokesman Qari Yousuf", "Qari Yousuf, who speaks for the Taliban", "claimed by Qari
    Yousuf, claiming to speak for the Taliban" (the parser hangs the clause on the claim)."""
    if who.pos_ != "PROPN":
        return None
    for c in children(who):
        if c.dep_ in ("appos", "compound") and c.lemma_.lower() in words.spokesman_nouns:
            spoken_for = prep_objects(c, words.speaker_for_prepositions)
            if spoken_for:
                return spoken_for[0]
            named = [t for t in who.doc[who.left_edge.i:c.i] if t.pos_ == "PROPN"]
            if c.dep_ == "appos":
                named = [t for t in children(c) if t.dep_ in ("compound", "nmod", "poss") and t.pos_ == "PROPN"]
            if named:
                return named[-1]
    clauses = [c for c in children(who) if c.dep_ in ("relcl", "acl")]
    clauses += [c for c in children(cue) if c.dep_ == "advcl" and c.i > who.i]
    for clause in clauses:
        for verb in clause.subtree:
            if verb.lemma_.lower() in words.speaking_for_verbs and verb.pos_ == "VERB":
                spoken_for = prep_objects(verb, {"for"})
                if spoken_for:
                    return spoken_for[0]
    return None


def _introduced_name(who: Token, words: EventWords) -> Token | None:
    """The name a report gives a party it introduces: "a new militia named the Youth Movement", "a group called
    \"Fire Cells\"", "a group known as X", "a group calling itself X", "a so-called \"Vengeance Brigade\"" (the
    words of the name are the group's own, whatever they mean: a "Youth" or a "People's" in it is no civilian)."""
    for c in children(who):
        if c.dep_ == "acl" and c.lemma_.lower() in words.calling_verbs and who.lemma_.lower() in words.named_group_kinds:
            named = [n for n in children(c) if n.dep_ in ("oprd", "dobj", "attr") and n.pos_ != "PRON"]
            named += [n for n in prep_objects(c, {"as"}) if n.pos_ == "PROPN"]
            if named:
                return named[0]
        if c.dep_ == "amod" and c.lemma_.lower() in words.calling_verbs and who.pos_ == "PROPN" \
                and any(a.lower_ == "so" for a in children(c)):
            return who
    return None


def _introduced_group(name: Token, kind: Token, ctx: DocContext) -> Role:
    """The group a report introduces by its name: the catalogue's when it knows the name, else a group of its own
    by the name (an armed one: it claims an attack), whatever label the tagger gave the words."""
    # the name's own words: not "so-called", nor a clause or an apposition told of the group
    aside = {t.i for c in children(name) if c.dep_ in ("relcl", "acl", "appos")
             or (c.dep_ == "amod" and c.lemma_.lower() in ctx.lex.words.calling_verbs) for t in c.subtree}
    span = [t for t in name.subtree if not t.is_punct and t.i not in aside]
    span = span[1:] if len(span) > 1 and span[0].dep_ == "det" else span  # "the Sons of Severn": not its article
    text = " ".join(t.text for t in span).replace(" 's", "'s")
    start, end = span[0].idx, span[-1].idx + len(span[-1].text)
    known = ctx.catalogue.resolve(text)
    if known is not None and known.known:
        return Role(actor=known, start=start, end=end, generic=False, known=True)
    noun = kind.lower_ if kind is not name else "group"
    guess = ctx.catalogue.guess(f"{text} {noun}")
    if actor_kind(Role(actor=guess, start=start, end=end, generic=True, known=False)) != "nonstate":
        guess = ctx.catalogue.guess("armed group")
    actor = replace(guess, name=text, text=text, known=False)
    return Role(actor=actor, start=start, end=end, generic=False, known=False)


def claimants(doc: Doc, ctx: DocContext) -> list[tuple[Role, int]]:
    """The parties the article names as perpetrators in claims, suspicion and blame, in text order, each with
    the index of its sentence."""
    out: list[tuple[Role, int]] = []
    sentence_index = {s.start: k for k, s in enumerate(sentences(doc))}
    lex = ctx.lex
    words = lex.words
    cues = words.responsibility_verbs | words.attribution_words | words.suspicion_verbs | words.blame_verbs | words.agent_verbs \
        | words.affiliation_verbs | words.deed_verbs | words.naming_verbs | words.blame_landing_verbs
    for tok in doc:
        if tok.lemma_.lower() not in cues:
            continue
        who = _named_party(tok, lex)
        if who is None or _denied(tok, who, lex) or who.lower_ in lex.words.pronouns:
            continue
        # "a new militia named the Youth Movement claimed", "a group calling itself X": the name, not the kind
        introduced = _introduced_name(who, words)
        if introduced is not None:
            out.append((_introduced_group(introduced, who, ctx), sentence_index[tok.sent.start]))
            continue
        who = _affiliate_misread(who, lex)
        if ctx.nouns.noun_class(who) == (ACTOR, "officials") and ctx.mention_at(who) is None:
            # "a spokesman for the Pakistani Taliban claimed": the group speaks through him
            who = next(iter(prep_objects(who, words.speaker_for_prepositions)), who)
        # "Qari Yousuf, a spokesman for the Taliban, claimed", "Taliban spokesman Qari Yousuf claimed" (not the
        # state a "spokesman" alone is a title of)
        who = _group_spoken_for(who, tok, words) or who
        role = ctx.role_for(who, tok, 1)
        if tok.lemma_.lower() in words.naming_verbs and identified_attacker(tok, lex) is who or (
                tok.dep_ == "relcl" and who.pos_ == "PROPN" and role is not None and not role.known):
            role = name_role(who, ctx)  # "police named him as Stephan Brandt, a local man": the man, no bystander
        if role is not None and actor_kind(role) != "civilian" and (
                role.known or who.pos_ == "PROPN" or who.ent_type_ in ("ORG", "NORP")
                or any(p.pos_ == "PROPN" for p in prep_objects(who, words.origin_prepositions))):  # "fighters of the X Front"
            out.append((role, sentence_index[tok.sent.start]))
    return out


def is_attribution_object(lex: Lexicon, tok: Token) -> bool:
    """"X is behind the attack", "police blamed X for the bombing", "the attack was attributed to X": the noun
    names an event told elsewhere, not a new one."""
    head = tok.head
    if tok.dep_ in ("pobj", "pcomp"):
        if head.lower_ == "behind":
            return True
        verb = head.head
        return head.lower_ in lex.words.blame_prepositions and verb.lemma_.lower() in (
            lex.words.blame_verbs | lex.words.suspicion_verbs | {"responsible"})
    return tok.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in lex.words.blame_verbs


def _definite(tok: Token, words: EventWords) -> bool:
    """"the attack", "Friday's bombing", "its raid": a noun that names what is already known."""
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in words.definite_determiners) for c in tok.children)


def _bare_singular(tok: Token) -> bool:
    """"Taliban claim Kabul attack that killed 95": a singular count noun with no article, as headlines write a
    definite one."""
    return tok.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)


def _headline_claim(lex: Lexicon, tok: Token) -> bool:
    """"Taliban claim Kabul attack": a headline the parser reads as one noun phrase, "claim" a modifier."""
    return lex.is_event_noun(tok) and any(c.lemma_.lower() == "claim" and c.dep_ in ("nmod", "compound", "amod")
                                          for c in tok.lefts)


def described_event(lex: Lexicon, tok: Token) -> Token | None:
    """The event a relative clause tells more of: "the bombing that killed 20", "an attack on the hotel which
    killed five" (the clause hangs on the event word or on a noun of its phrase). None when the trigger is in
    no such clause."""
    if tok.dep_ not in ("relcl", "acl"):
        return None
    node = tok.head
    for _ in range(4):
        if lex.is_event_noun(node) or (node.pos_ == "VERB" and node.lemma_.lower() in lex.verbs):
            return node
        if node.dep_ not in ("dobj", "pobj", "prep", "compound", "appos") or node.head.i == node.i:
            return None
        node = node.head
    return None


def claimed_deed(lex: Lexicon, tok: Token) -> bool:
    """"Al-Shabaab said it carried out the attack", "police said militants carried out the massacre", "the rebels
    said the attack was carried out by a splinter faction": a deed said of a definite event noun ("the attack")
    claims or blames an event already told; so does a confession ("confessed to planting the bomb"). ("Said it carried out
    an attack on a convoy" reports a new one, and so does "the militants claimed to have shot down a drone".)"""
    verb = tok.head
    if tok.dep_ in ("pcomp", "pobj") and verb.lower_ == "to" and verb.head.lemma_.lower() in lex.words.confession_verbs:
        return True  # "the suspect confessed to planting the bomb", "pleaded guilty to the killing"
    if tok.dep_ not in ("dobj", "nsubjpass") or not lex.is_event_noun(tok) or verb.lemma_.lower() not in lex.words.deed_verbs:
        return False
    if not _definite(tok, lex.words):
        return False  # "said it carried out an attack on a convoy": a new one
    return verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in lex.words.deed_speech_verbs


def _claim_explained(lex: Lexicon, tok: Token) -> bool:
    """"IS claimed responsibility for the attack, saying one of its fighters had detonated a belt": what a claim
    of responsibility goes on to say is the claimed event, not a new one."""
    node = tok
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            return False
        claim = head.head
        if node.dep_ == "ccomp" and head.lemma_.lower() in lex.words.deed_speech_verbs and head.dep_ in (
                "advcl", "xcomp", "conj") and claim.lemma_.lower() in lex.words.responsibility_verbs and any(
                c.lemma_.lower() == "responsibility" for c in claim.children):
            return True
        node = head
    return False


def _claimed_part(lex: Lexicon, tok: Token) -> bool:
    """"The group has claimed many of the recent attacks": the claimed events, counted."""
    head = tok.head
    return tok.dep_ == "pobj" and head.lower_ == "of" and is_claimed(lex, head.head)


def told_elsewhere(lex: Lexicon, tok: Token) -> bool:
    """The trigger names an event that a claim, a suspicion or a blame speaks of, not a new one: the claimed
    noun ("IS claimed the attack", "X is behind the attack"), the act in the claim's "for" complement ("claimed
    responsibility for firing the rockets"), the relative clause of a claimed event ("claimed the bombing that
    killed 20") or of a claimed deed ("said it carried out the attack, which killed 20"), an attack said to bear a
    group's hallmarks. (The deed noun itself is a mention of the event: see claimed_deed.)"""
    node = tok
    for _ in range(3):
        # the deed noun itself ("said it carried out the attack") stays, as a mention of the event (claimed_deed)
        if is_claimed(lex, node) or is_attribution_object(lex, node) or (node is not tok and claimed_deed(lex, node)) \
                or _claimed_part(lex, node) or _claim_explained(lex, node):
            return True
        if node.dep_ == "nsubj" and lex.is_event_noun(node) and any(
                c.dep_ in ("dobj", "attr") and c.lemma_.lower() in lex.words.hallmark_nouns and prep_objects(c, {"of"})
                for c in node.head.children):
            return True  # "the attack bore the hallmarks of IS", "the ambush was the work of the insurgents"
        if node.dep_ == "dobj" and node.head.lemma_.lower() in lex.words.attribution_verbs and prep_objects(
                node.head, {"to"}):
            return True  # "investigators linked the bombing to a local cell"
        if node.dep_ == "pcomp" and node.head.lower_ == "for" and node.head.head.lemma_.lower() == "responsibility":
            # "claimed responsibility for firing the rockets"; "for shooting down a warplane" tells a new one
            obj = object_of(node)
            return obj is None or _definite(obj, lex.words)
        if _headline_claim(lex, node):
            return True  # headline "IS claims deadly attack on hospital", parsed as one noun phrase
        described = described_event(lex, node)
        if described is not None and (_definite(described, lex.words) or _bare_singular(described)):
            node = described  # "claimed the bombing that killed 20"; "claimed a bomb that exploded" tells a new one
        elif node.dep_ in ("dobj", "compound") and node.head.pos_ in ("VERB", "NOUN"):
            node = node.head  # "firing the rockets": the act the object belongs to
        else:
            return False
    return False


def _nationality_only(doc: Doc, role: Role) -> bool:
    """"A Palestinian rocket attack": a nationality on the attack noun, only a guess at its state's forces, which a
    claim of responsibility overrides (not "police", "Israeli troops": a force the text names)."""
    span = doc.char_span(role.start, role.end, alignment_mode="expand") if role.start >= 0 else None
    return role.generic and span is not None and len(span) == 1 and span[0].tag_ == "JJ"


def _attackers_hit(cand: EventCandidate, ctx: DocContext) -> bool:
    """The event's harmed are worded as the attackers ("both assailants", "the gunman") and a party the text words
    hit them (not "three suicide bombers were killed" by their own vests: no one else did it)."""
    hit = cand.actor2
    if cand.actor1 is None or cand.actor1.start < 0:
        return False
    head = ctx._head_of(hit) if hit is not None and hit.start >= 0 else None
    return head is not None and head.lower_ in ctx.lex.words.perpetrator_nouns


def attribute_claims(doc: Doc, cands: list[EventCandidate], ctx: DocContext) -> None:
    """"IS claimed responsibility for the bombing", "Boko Haram is suspected": the named party is the
    perpetrator of the article's violent events that have no named actor1. A non-state party named wins over a
    state one ("locals blamed the police, the police blamed the Taliban")."""
    found = claimants(doc, ctx)
    if not found:
        return
    sentence_index = {s.start: k for k, s in enumerate(sentences(doc))}
    for c in cands:
        if c.family != "violence" or c.event_type not in VIOLENT_TYPES | {None} or c.plover_event != "ASSAULT":
            continue  # "the attacker had pledged allegiance to IS" is no attack of its own
        if _attackers_hit(c, ctx):
            continue  # "guards shot dead both assailants": the attackers were hit here, by someone else
        here = sentence_index.get(c.sentence.start, 0)
        near = [r for r, k in found if abs(k - here) <= CLAIM_REACH]
        if not near:
            continue
        named = [r for r in near if not r.generic] or near
        claimant = next((r for r in named if actor_kind(r) not in ("state", "civilian")), named[0])
        kind = actor_kind(c.actor1)
        # state forces with a target of their own acted themselves ("police shot the attacker"); without one they
        # are likely the side attacked, read as actor1 (and a "Government of X" is mostly a place name misread)
        # a party only guessed by the article's conventions (no words of the text name it) gives way to the claim
        guessed = c.actor1 is not None and c.actor1.start < 0
        misread = (kind in ("state", "civilian") and c.actor2 is None) or guessed
        if kind == "state" and not misread and not _nationality_only(doc, c.actor1) \
                and c.actor1.actor.sector in ("MIL", "COP", "SPY"):
            continue
        if c.actor1 is None or not c.actor1.known or c.actor1.generic or kind in ("state", "civilian"):
            old = c.actor1
            if old is not None and old.actor.name == claimant.actor.name:
                continue
            if c.actor2 is not None and c.actor2.actor.name == claimant.actor.name:
                if c.actor2.start >= 0:
                    continue  # "police killed two IS fighters ... IS claimed the attack": not its own attack on itself
                c.actor2 = None  # only guessed as the article's armed group opposing actor1: it is actor1
            c.actor1 = claimant
            if old is not None and kind not in ("state", "civilian") and old.start >= 0:
                # "a suicide bomber blew himself up ... the Taliban claimed it": the Taliban, as this sentence
                # words them
                c.actor1 = Role(actor=claimant.actor, start=old.start, end=old.end, generic=False,
                                known=claimant.known)
            if old is not None and (kind == "civilian" or (not old.generic and kind != "state")):
                c.assoc_actor1 = [old, *c.assoc_actor1]  # "a Syrian refugee detonated a bomb": the group's man
            elif old is not None and guessed:
                if c.actor2 is not None and c.actor2.start < 0:
                    c.actor2 = None  # the guessed state's opponent, guessed with it
            elif old is not None and misread:
                c.actor2 = old  # the state named before the claim was the side attacked
            c.confidence = min(0.99, c.confidence + 0.05)
