"""The event stage as the Pipeline owns it: `EventFinder(language, catalogue).find(doc, actor_mentions)`.

Per sentence: the trigger words (triggers.py), grouped by family and modality into events (candidates.py),
each with who did what to whom (roles.py, context.py) and its codes (coding.py), which the typing model may
overrule (typing.py)."""

from __future__ import annotations

from collections import defaultdict

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from eventwire.extraction.actors.nouns import NounClasses, load_noun_classes
from eventwire.extraction.events import fragments, triggers
from eventwire.extraction.events.attack_frames import under_criticism
from eventwire.extraction.events.attribution import attribute_claims, claimed_deed, described_event, told_elsewhere
from eventwire.extraction.events.bare_places import BarePlaces
from eventwire.extraction.events.candidates import (
    SPEECH_FAMILIES,
    EventCandidate,
    build_candidate,
    merge_references,
    speech_act,
    split_clusters,
)
from eventwire.extraction.events.circumstance import rank_circumstances
from eventwire.extraction.events.claims_alone import claimed_alone, only_claimed, without_claims_told_elsewhere
from eventwire.extraction.events.coding import AFTER_PROTEST_KEY, REMOTE_WEAPONS, instruments, same_incident_before
from eventwire.extraction.events.context import DocContext
from eventwire.extraction.events.lexicon import Lexicon, load_lexicon
from eventwire.extraction.events.listed_harmed import admits_weak, listing_trigger
from eventwire.extraction.events.modality import ModalityClassifier
from eventwire.extraction.events.protest_topics import topic_tokens
from eventwire.extraction.events.tallies import is_tally
from eventwire.extraction.events.typing import ModelTyping
from eventwire.extraction.nlp import doc_text
from eventwire.extraction.tokens import children, sentences
from eventwire.lang import LanguageData

FAMILY_ORDER = {"violence": 0, "demonstration": 1, "arrest": 2, "strategic": 3, "movement": 4, "contact": 5}
# in a sentence about a demonstration these classes are the demonstration's violence
RECODED_IN_PROTESTS = {"clash", "attack", "kill", "shelling", "riot"}
# ... and these in the sentence after one, when it names no armed group of its own ("Teachers marched in Foo.
# There were clashes with police.": the march's clashes, not a battle; "Some of them set fire to the gate.": the
# march's violence, not property destruction by an armed group)
RECODED_AFTER_PROTESTS = {"clash", "attack", "kill", "riot", "destroy"}
# actors (ACLED inter codes) who make violence in the sentence after a demonstration an incident of its own:
# rebels, militias, unidentified armed groups
ARMED_GROUP_INTERS = (2, 3, 4)


def admit_actors(cand: EventCandidate, context: DocContext) -> None:
    """The last word on every actor slot, whichever rule filled it: a slot holds only what may fill it
    (DocContext.admits: no weapon, place, measure or abstraction; no victim as the one who acts). An actor1
    struck out leaves its place to the first admitted ally; an empty slot stays empty."""
    cand.assoc_actor1 = [r for r in cand.assoc_actor1 if context.admits(r, 1)]
    cand.assoc_actor2 = [r for r in cand.assoc_actor2 if context.admits(r, 2)]
    if cand.actor1 is not None and not context.admits(cand.actor1, 1):
        cand.actor1 = cand.assoc_actor1.pop(0) if cand.assoc_actor1 else None
    if cand.actor2 is not None and not context.admits(cand.actor2, 2):
        cand.actor2 = cand.assoc_actor2.pop(0) if cand.assoc_actor2 else None


def _tells_a_protest(cands: list[EventCandidate]) -> bool:
    """A sentence's events tell a protest as such, with no violence of another kind (not a bombing at a rally)."""
    asserted = [c for c in cands if c.modality == "asserted"]
    return any("protest" in c.classes for c in asserted) and not any(c.family == "violence" for c in asserted)


def _apart(a, b) -> bool:
    """Two events located at different towns or districts (a country or no location tells no place apart)."""
    la, lb = a.location, b.location
    if la is None or lb is None or la.precision is None or lb.precision is None or max(la.precision, lb.precision) > 2:
        return False
    return (la.lat, la.lon) != (lb.lat, lb.lon)


class EventFinder:
    """The event stage (triggers, roles, modality, codes), built once per Pipeline from its language data and
    actor catalogue."""

    def __init__(self, language: LanguageData, catalogue, typing: ModelTyping | None = None):
        self.language = language
        self.catalogue = catalogue
        self.typing = typing  # the typing model's say in the codes; None: the rules alone
        self.lexicon: Lexicon = load_lexicon(language)
        self.modality = ModalityClassifier(language)
        self.nouns: NounClasses = load_noun_classes(language)
        self._matcher: PhraseMatcher | None = None
        self._matcher_vocab = None

    def phrase_matcher(self, vocab, keys: list | None = None) -> PhraseMatcher:
        """The trigger phrase matcher for `vocab` (rebuilt only when the Pipeline's vocab changes); `keys`: the
        phrases' triggers.phrase_keys, when the Pipeline has them from its compiled cache."""
        if self._matcher is None or self._matcher_vocab is not vocab:
            self._matcher, self._matcher_vocab = triggers.phrase_matcher(self.lexicon, vocab, keys), vocab
        return self._matcher

    def find(self, doc: Doc, actor_mentions: list, place_mentions: list | None = None,
             bare_places: BarePlaces | None = None) -> list[EventCandidate]:
        """Every event in the Doc, one per sentence, family and modality, with roles and codes. The geoparser's
        literal places (`place_mentions`) are never actors."""
        lex = self.lexicon
        longest, ignored = triggers.phrase_hits(lex, self.phrase_matcher(doc.vocab), doc)
        context = DocContext(doc, actor_mentions, lex, self.catalogue, self.modality.reporting_verbs,
                             nouns=self.nouns, places=place_mentions, bare_places=bare_places)
        out: list[EventCandidate] = []
        demo_sentences: set[int] = set()  # where the sentences with an asserted demonstration start
        attack_sentences: set[int] = set()  # ... and those with asserted violence
        for sent_index, sent in enumerate(sentences(doc)):
            before = same_incident_before(lex, sent)
            # (a sentence with a bomb, a grenade or a shell tells an attack of its own, not a crowd's violence)
            after_protest = before is not None and before.start in demo_sentences \
                and not instruments(lex, sent) & REMOTE_WEAPONS
            if after_protest:
                doc.user_data.setdefault(AFTER_PROTEST_KEY, set()).add(sent.start)
            # (violence told before: a later sentence may list its harmed, "Among the dead were two students")
            violence_before = any(c.family in ("violence", "demonstration") and c.modality == "asserted" for c in out)
            after_attack = before is not None and before.start in attack_sentences
            groups = self._sentence_triggers(sent, longest, ignored, context, after_protest, after_attack,
                                             bool(attack_sentences), violence_before)
            told = []
            for (fam, mod, _cls), trig in groups.items():
                for cluster in split_clusters(lex, trig):
                    cand = build_candidate(sent, sent_index, fam, mod, cluster, context, siblings=trig)
                    if cand is not None:
                        out.append(cand)
                        told.append(cand)
                        context.remember(cand)
                        speech = speech_act(lex, cand)
                        if speech is not None:
                            out.append(speech)
            if _tells_a_protest(told) and not instruments(lex, sent) & REMOTE_WEAPONS:
                demo_sentences.add(sent.start)
            if any(c.family == "violence" and c.modality == "asserted" for c in told):
                attack_sentences.add(sent.start)
        links = self.modality.link_spans(doc_text(doc))
        for cand in out:
            if cand.modality == "asserted" and any(s <= cand.trigger.idx < e for s, e in links):
                cand.modality = "background"  # "See also: 2014 airfield bombing": another story
        if self.typing is not None:
            out = self.typing.apply(out)  # before the references take their event's codes
        out = merge_references(out, lex)
        if context.claimed_at:
            out = [c for c in out if not self._claimed_reference(c, context, out)]
        out = without_claims_told_elsewhere(out, context.claim_only)
        # "al-Shabaab said it carried out the attack": the mention of an event told before (it gives that event its
        # actor), or with none before, a claim of an event told elsewhere; never a new one
        out = [c for c in out if c.antecedent is not None or c.trigger.i not in context.deed_claims]
        attribute_claims(doc, out, context)
        for cand in out:
            admit_actors(cand, context)
        if fragments.is_prose(doc):  # headings and list lines of a report tell no event of their own
            text = doc_text(doc)
            out = [c for c in out if not fragments.tells_no_event(c, text)]
        rank_circumstances(out, self.lexicon.words.time_marks, self.lexicon.words.light_verbs,
                           self.lexicon.words.kin_nouns)
        return out

    @staticmethod
    def _claimed_reference(cand: EventCandidate, context: DocContext, cands: list[EventCandidate]) -> bool:
        """"IS claimed the attack on the base. The attack killed five soldiers.": a later "the attack" with no
        reported event before it names the claimed event, told elsewhere; no new one."""
        if cand.family != "violence" or cand.antecedent is not None or cand.modality != "asserted" or not any(
                start < cand.sentence.start for start in context.claimed_at):
            return False
        if any(c.family == "violence" and c.modality == "asserted" and c.sentence.start < cand.sentence.start
               and not only_claimed(c, context.claim_only) for c in cands):
            return False  # "gunmen stormed a hotel ... IS claimed the attack. The attack killed 20": that event
        named = [t for t in cand.triggers if t.pos_ == "NOUN" and any(
            c.dep_ in ("det", "poss") and c.lower_ in context.words.definite_determiners for c in t.children)]
        # the definite noun names the event; the verbs only tell what it did ("the attack killed five soldiers")
        return bool(named) and all(t in named or any(c.dep_ == "nsubj" and c in named for c in t.children)
                                   for t in cand.triggers)

    def _sentence_triggers(self, sent, longest: dict, ignored: set, context: DocContext,
                           after_protest: bool = False, after_attack: bool = False,
                           attack_told: bool = False, violence_before: bool = False) -> dict:
        """(family, modality, class or "") -> [(trigger token, classes)] of one sentence; `after_protest`: the
        sentence before it in its paragraph tells a demonstration (ACLED codes one demonstration by its most severe
        form, so the violence told next is the demonstration's); `after_attack`: it tells asserted violence (its
        dead and wounded may follow with no conflict word: "Two of the injured later died of their wounds");
        `attack_told`: a sentence before it in the article does (a witness's "there was an explosion" is its blast);
        `violence_before`: an event found before it is asserted violence (its harmed may be listed next)."""
        lex = self.lexicon
        ments = context.mentions_in(sent.start_char, sent.end_char)
        hits = []
        for tok, classes, weak in triggers.trigger_hits(lex, sent, longest):
            named = context.by_token.get(tok.i)
            if named is not None and not named.generic and named.end_token - named.start_token > 1 and not (
                    tok.i == named.end_token - 1 and (tok.pos_ == "NOUN" or tok.tag_ == "VBG")):
                # "Popular Mobilisation Forces", "Islamic Jihad": a name, not an event (but "a Taliban raid" is, and
                # so is "killed in Houthi shelling", the gerund tagged a verb)
                continue
            if "disrupt" not in classes and triggers.weapons_disrupted(lex, tok):
                classes, weak = {"disrupt"}, False  # the weapons seized are the context ("seized a haul of rifles")
            elif triggers.base_established(lex, tok):
                classes = {"base"}
            if told_elsewhere(lex, tok):
                if triggers.is_claimed(lex, tok):
                    context.claimed_at.append(sent.start)
                if not claimed_alone(lex, tok):
                    continue  # "IS claimed the attack", "X is behind the attack": an event told elsewhere, not a new one
                context.claim_only.add(tok.i)  # "IS claims Kabul bombing": the attack, unless the text tells it too
            if claimed_deed(lex, tok):
                context.deed_claims.add(tok.i)  # "X said it carried out the attack": a mention, kept if it has one
            if triggers.is_habitual(lex, tok) or triggers.is_summary(lex, tok) or triggers.is_practice(lex, tok) \
                    or triggers.is_kind(lex, tok) or triggers.is_generic(lex, tok) or is_tally(lex, tok):
                # "the group frequently targets checkpoints", "has killed thousands since 2009", "has used drones
                # to drop bombs": a pattern; "such attacks are rare": a kind of event
                continue
            if tok.i in ignored or any(c.i in ignored for c in children(tok) if c.dep_ in ("dobj", "prep")):
                continue
            if under_criticism(lex, tok, ments):
                hits.append((tok, {"accuse"}, False, True))  # "came under fire from lawmakers": criticism
                continue
            # the word's sense, read from its arguments, decides first ("fired forty workers": no attack)
            classes, sense = lex.senses.resolve(tok, classes)
            if sense is None:
                classes = triggers.refine_classes(lex, tok, classes, ments)
            hits.append((tok, classes, weak and sense is None, sense is not None))
        # a word in a peaceful sense is no conflict context for the others ("fired forty workers after the merger")
        peaceful = {tok.i for tok, classes, _, sensed in hits if sensed
                    and not any(lex.family(c) == "violence" for c in classes)}
        # (a crowd's weak word right after a demonstration is told is that demonstration's: "There were scuffles")
        hits = [(tok, classes) for tok, classes, weak, _ in hits if classes and not (
            weak and not (after_protest and classes <= {"riot"})
            and not (after_attack and classes <= {"kill"} and tok.lemma_.lower() in lex.words.aftermath_harm_words)
            and not (attack_told and classes <= {"explosion"} and tok.lemma_.lower() in lex.words.retold_blast_words)
            and not triggers.conflict_context(lex, sent, ments, tok, peaceful)
            and not triggers.placed_harm(lex, tok, classes, context.place_tokens)
            and not (violence_before and admits_weak(tok, sent, lex.words)))]
        if violence_before and not hits:
            listing = listing_trigger(sent, lex.words)  # "The victims included a judge": no death word of its own
            if listing is not None:
                hits = [(listing, {"kill"})]
        hits = triggers.without_accidents(lex, sent, hits)
        protest_ctx = None
        groups: dict = defaultdict(list)
        for tok, classes in hits:
            mod = self.modality.classify(tok)
            described = described_event(lex, tok)
            if mod == "asserted" and described is not None:
                mod = self.modality.classify(described)  # "accused of bombing a mosque, which killed 46": alleged too
            if protest_ctx is None:
                protest_ctx = triggers.protest_context(lex, sent, ments)
                if not protest_ctx and after_protest and not any(m.actor.inter in ARMED_GROUP_INTERS for m in ments) \
                        and not any(t.dep_ == "nsubj" and t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "") for t in sent):
                    # (a named man who acts tells a story of his own, often what set off the protest: "Protests
                    # began after the officer was cleared. He shot Smith after a chase.")
                    protest_ctx = "after"
            recoded = RECODED_AFTER_PROTESTS if protest_ctx == "after" else RECODED_IN_PROTESTS
            if protest_ctx and classes & recoded:
                if tok.i in topic_tokens(lex, sent) and not classes - recoded:
                    continue  # "protested against the killing of a student": the cause, told as such
                classes = (classes - recoded) | {"protest_violence"}
            for fam in sorted({lex.family(c) for c in classes}, key=FAMILY_ORDER.get):
                fam_classes = {c for c in classes if lex.family(c) == fam}
                if fam in SPEECH_FAMILIES:
                    # "rebels demanded X at talks": a demand and a meeting, each its own event
                    for c in sorted(fam_classes):
                        groups[(fam, mod, c)].append((tok, {c}))
                else:
                    groups[(fam, mod, "")].append((tok, fam_classes))
        return groups

    def drop_duplicates(self, events: list) -> list:
        """The same event twice from one sentence (two triggers coded alike) is kept once, with the actors either
        copy names ("12 were killed when Taliban gunmen attacked a school": the killing has no actor1, the attack
        has)."""
        kept: dict = {}
        out = []
        for ev in events:
            key = (ev.evidence.start, ev.event_type, ev.sub_event_type, ev.plover.event, ev.modality)
            first = kept.get(key)
            if first is not None and _apart(first, ev):
                out.append(ev)  # "shelling on Foo and shelling on Bar": alike, but at two places
                continue
            if first is None:
                kept[key] = ev
                out.append(ev)
                continue
            if first.actor1 is None and ev.actor1 is not None and (first.actor2 is None or ev.actor1 != first.actor2):
                first.actor1, first.assoc_actor1 = ev.actor1, ev.assoc_actor1
            if first.actor2 is None and ev.actor2 is not None and (first.actor1 is None or ev.actor2 != first.actor1):
                first.actor2, first.assoc_actor2 = ev.actor2, ev.assoc_actor2
        return out
