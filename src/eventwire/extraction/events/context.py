"""The document around an event: the actor mentions, what a pronoun stands for (antecedents.py), the article's
dominant armed group. `DocContext.role_for` turns a role's token into the actor it names."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from eventwire.extraction.actors.nouns import NOT_ACTOR, NounClasses
from eventwire.extraction.events.antecedents import Antecedents
from eventwire.extraction.events.bare_places import BarePlaces
from eventwire.extraction.events.doers import group_name, weapon_users
from eventwire.extraction.events.lexicon import Lexicon
from eventwire.extraction.events.roles import Role, mention_role
from eventwire.extraction.events.state_targets import country_of_phrase
from eventwire.extraction.events.syntax import (
    PLACE_LABELS,
    disguise_wearer,
    may_be_private_name,
    meeting_venue,
    noun_phrase_words,
    object_of,
    other_act_clause,
    partitive_of,
    phrase_tokens,
    prep_objects,
    subject_of,
    verb_result,
)
from eventwire.extraction.nlp import doc_text
from eventwire.extraction.tokens import children, entities
from eventwire.records import Actor

if TYPE_CHECKING:
    from eventwire.extraction.actors import Catalogue
    from eventwire.extraction.events.candidates import EventCandidate

# entity labels of numbers and dates: not actors ("12 were killed")
NOT_ACTOR_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
# entity labels of who may act: a person, an organisation, a nationality, a state
NAMED_ACTOR_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
# entity labels of named things: a treaty, a law, a work, a product, an event ("a Memorandum of Understanding")
# sectors of armed groups that are no state's forces: "Ugandan rebels of the ADF" are the ADF
ARMED_GROUP_SECTORS = {"REB", "INS", "SEP", "UAF"}
NAMED_THING_LABELS = {"LAW", "WORK_OF_ART", "PRODUCT", "EVENT", "LANGUAGE"}


class DocContext(Antecedents):
    """What the event finder knows about one document while it reads it: the actor mentions by token, the
    actors of the events found so far (for pronouns), the last pair of parties, the dominant armed group."""

    def __init__(self, doc: Doc, mentions: list, lex: Lexicon, catalogue: Catalogue, reporting_verbs: frozenset,
                 nouns: NounClasses, places: list | None = None, bare_places: BarePlaces | None = None):
        self.doc = doc
        # the countries of the article's known actors are its countries too ("Syrian jets struck Foo")
        self.bare_places = bare_places.with_countries(
            m.actor.country for m in mentions if m.actor.known and m.actor.country) if bare_places else None
        self.nouns = nouns
        # tokens of the places the geoparser read literally ("shelled Hama"): ground, never a party
        self.place_tokens: set[int] = set()
        for pm in places or ():
            span = doc.char_span(pm.start, pm.end, alignment_mode="expand") if pm.kind == "literal" else None
            if span is not None:
                self.place_tokens.update(range(span.start, span.end))
        self.lex, self.words = lex, lex.words
        # what is done to people, not towns
        self.person_harms = lex.words.harm_verbs | lex.words.death_words | lex.words.person_hold_verbs
        self.catalogue, self.reporting_verbs = catalogue, reporting_verbs
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.by_token: dict[int, object] = {}
        for m in self.mentions:
            for i in range(m.start_token, m.end_token):
                self.by_token[i] = m
        self.recent: list[Role] = []
        # sentence starts (token index) of the events a claim, suspicion or blame speaks of ("IS claimed the attack")
        self.claimed_at: list[int] = []
        # triggers that name a definite event a speaker says was done ("X said it carried out the attack")
        self.deed_claims: set[int] = set()
        # claimed event nouns that name an event of their own ("IS claims Kabul bombing"): kept when nothing else tells it
        self.claim_only: set[int] = set()
        self.last_pair: tuple | None = None
        self._subject_cache: dict = {}
        self._in_antecedent = False  # pronoun resolution looks up roles, which may meet pronouns again
        counts: Counter = Counter()
        self.examples: dict = {}
        for m in self.mentions:
            a = m.actor
            if (a.sector in ("REB", "INS", "UAF") or a.inter in (2, 3)) and not m.generic and a.known:
                counts[a.name] += 1
                self.examples.setdefault(a.name, m)
        self.armed_counts = counts

    def mentions_in(self, start: int, end: int) -> list:
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    def mention_at(self, tok: Token):
        return self.by_token.get(tok.i)

    def remember(self, cand: EventCandidate) -> None:
        if cand.actor1 is not None:
            self.recent.append(cand.actor1)

    def dominant_armed(self) -> Role | None:
        if not self.armed_counts:
            return None
        (name, n), *rest = self.armed_counts.most_common(2)
        if rest and rest[0][1] == n:
            return None
        m = self.examples[name]
        return Role(actor=m.actor, start=m.start, end=m.end, generic=False, known=True)

    def dominant_enemy(self, actor1: Role) -> Role | None:
        """The article's main armed group, as the likely opponent of a state or rebel actor that fights
        without a named target ("Turkish forces entered the town")."""
        dom = self.dominant_armed()
        if dom is None or actor1 is None or dom.actor.name == actor1.actor.name:
            return None
        if actor1.actor.sector in ("CVL",) or actor1.actor.inter in (5, 6, 7):
            return None
        return Role(actor=dom.actor, start=-1, end=-1, generic=False, known=True)

    def target_in_subtree(self, trigger: Token, actor1: Role | None, subject: Token | None,
                          also_skip: Token | None = None) -> Role | None:
        """The first party named in the trigger's own clause other than actor1: "demanded that the DPRK
        forsake", "accepted demands from Shona rebels", "relations with Russia", "send arms to Pakistan".
        `also_skip`: a phrase (its subtree) that names no target."""
        skip: set[int] = {t.i for t in also_skip.subtree} if also_skip is not None else set()
        if subject is not None:
            # "X issued a statement demanding that Y ...": the trigger hangs on its subject's head, whose subtree
            # holds the trigger's own clause; only the subject's words outside that clause are skipped
            own = {t.i for t in trigger.subtree} if subject.is_ancestor(trigger) else set()
            skip |= {t.i for t in subject.subtree} - own
        queue = [c for c in children(trigger) if c.dep_ not in ("nsubj", "nsubjpass", "relcl", "punct", "agent")
                 and not other_act_clause(c, self.words.separate_clause_marks)]
        seen = 0
        owned: Role | None = None  # "agreed to withdraw its troops from X": the party's own men only if no X
        while queue and seen < 60:
            t = queue.pop(0)
            seen += 1
            if t.i in skip:
                continue
            found = None
            m = self.by_token.get(t.i)
            if m is not None and (actor1 is None or m.actor.name != actor1.actor.name):
                found = mention_role(m)
            elif t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("pobj", "nsubj", "nsubjpass", "dobj", "dative"):
                role = self.role_for(t, trigger, 2)
                if role is not None and (actor1 is None or role.actor.name != actor1.actor.name) and (
                        role.actor.sector is not None or role.known):
                    found = role
            if found is not None:
                # ("his Ugandan counterpart" is no man of his own)
                if actor1 is None or t.lemma_.lower() in self.words.relational_nouns or not any(
                        c.dep_ == "poss" and c.lower_ in self.words.own_possessives for c in children(t)):
                    return found
                owned = owned or found
            queue.extend(c for c in children(t) if c.dep_ not in ("relcl", "punct"))
        return owned

    def state_named_in(self, trigger: Token, actor1: Role | None, subject: Token | None) -> Role | None:
        """The state whose country or nationality the trigger's own clause names on what it acts on, when no party
        is named: "froze the assets of Russian banks", "voiced support for Serbia's position", "lifted its ban on
        Iranian fruit". In diplomacy the country whose goods, people or policy an act bears on is the target."""
        skip = {t.i for t in subject.subtree} - {t.i for t in trigger.subtree} if subject is not None else set()
        own = actor1.actor.country if actor1 is not None else None
        queue = [c for c in children(trigger) if c.dep_ not in ("nsubj", "nsubjpass", "relcl", "punct", "agent")
                 and not other_act_clause(c, self.words.separate_clause_marks)]
        seen = 0
        while queue and seen < 60:
            t = queue.pop(0)
            seen += 1
            if t.i in skip or meeting_venue(trigger, t, self.words.venue_verbs):
                continue
            if t.ent_type_ in ("NORP", "GPE"):
                name = next((e.text for e in entities(self.doc) if e.start <= t.i < e.end), t.text)
                state = self.catalogue.resolve(f"{name} government")  # a country or nationality, not a capital
                if state is None and trigger.lemma_.lower() in self.words.visit_verbs:
                    state = self.catalogue.state_of_place(name)  # "arrived in Khartoum": the host state
                if state is not None and state.country and state.country != own:
                    return Role(actor=state, start=t.idx, end=t.idx + len(t.text), generic=False, known=True)
            queue.extend(c for c in children(t) if c.dep_ not in ("relcl", "punct"))
        return None

    def participants(self, tok: Token) -> list[Role]:
        """The distinct actors named in a phrase such as "between Erdogan and US President Donald Trump"."""
        out: list[Role] = []
        seen = set()
        for t in tok.subtree:
            m = self.by_token.get(t.i)
            if m is not None and m.actor.name not in seen and (m.start, m.end) not in seen \
                    and not self._kind_of_named(m):
                seen.add(m.actor.name)
                out.append(mention_role(m))
        if len(out) < 2:
            for t in [tok] + list(tok.conjuncts):
                role = self.role_for(t, t, 1)
                if role is not None and role.actor.name not in seen:
                    seen.add(role.actor.name)
                    out.append(role)
        return out

    def _kind_of_named(self, m) -> bool:
        """A generic mention whose own phrase names the group ("militants of the Shining Path", "gunmen linked
        to IS"): one party, not two."""
        if not (m.generic or m.kind == "generic"):
            return False
        root = self.doc[m.start_token:m.end_token].root
        for c in phrase_tokens(root, self.words):
            n = self.by_token.get(c.i)
            if n is not None and n is not m and not n.generic and n.kind != "generic":
                return True
        return False

    def role_for(self, tok: Token, trigger: Token, side: int) -> Role | None:
        """The actor a role token stands for: a catalogue mention in its phrase, a pronoun's antecedent, or a
        guess from the words; None when what it finds cannot fill the slot (`admits`)."""
        role = self._find_role(disguise_wearer(tok, self.words) if side == 1 and tok is not None else tok, trigger, side)
        return role if role is not None and self.admits(role, side) else None

    def admits(self, role: Role, side: int) -> bool:
        """Whether a role may fill an actor slot (1: who acts, 2: who is hit). A catalogue entry always names a
        party ("Russian airstrikes" are the Russian military); a guess from the words only when its head names
        one (noun_classes.yaml: "villagers", "a spokesman", never "stones", "the death toll", "a market"). The
        harmed as such ("14 dead", "casualties") are never the party who acts."""
        head = self._head_of(role) if role.start >= 0 else None
        if head is None:
            return True
        if side == 1 and self.nouns.never_acts(head):
            return False
        if self.nouns.denied(head):
            return False  # "no group has claimed the attack", "no person was arrested": nobody
        if role.known:
            return True
        if head.i in self.by_token:
            return True  # a catalogue mention, kept as the generic it is
        return self._names_actor(head) and not self.nouns.bare_title(head)

    def _find_role(self, tok: Token, trigger: Token, side: int) -> Role | None:
        if tok is not None and (tok.like_num or tok.ent_type_ == "CARDINAL") and tok.i not in self.by_token:
            # "two of al-Shabaab's gunmen", "three of its soldiers": the group counted (a known one: "one of the
            # collaborators" is nobody the reader can name)
            of = prep_objects(tok, {"of"})
            found = self._find_role(of[0], trigger, side) if of else None
            if found is not None and found.known:
                return found
        if tok is None or ((tok.ent_type_ in NOT_ACTOR_LABELS or tok.like_num)
                           and tok.lower_ not in self.words.quantity_heads and tok.i not in self.by_token):
            return None
        if tok.lemma_.lower() in self.words.pair_words and tok.tag_ == "NNS" and self.last_pair is None and tok.i not in self.by_token:
            self.last_pair = self._named_pair(tok)  # "the two presidents": the two named just before
        if tok.lemma_.lower() in self.words.pair_words and self.last_pair is not None:
            return self.last_pair[0] if side == 1 else self.last_pair[1]
        if tok.lower_ in self.words.pronouns and tok.pos_ == "PRON":
            return self._guarded_antecedent(tok, trigger)
        if tok.lower_ in self.nouns.reflexives:
            return None  # "the bomber blew himself up": no other party
        if self.nouns.denied(tok):
            return None  # "no group has claimed the attack": nobody
        m = self.by_token.get(tok.i)
        if m is None and tok.pos_ == "PRON":
            return None  # "others", "those", "some", "what": nobody in particular
        if m is None and self.nouns.nameless_state(tok):
            return None  # "the country", "the nation": no state named
        if m is None and self.nouns.bare_title(tok):
            return None  # "the presidents" not resolved to the two named before, "leaders condemned": nobody named
        owner = next((c for c in children(tok) if c.dep_ == "poss" and c.lower_ in self.words.pronouns), None)
        if owner is not None and m is None and tok.lower_ in self.words.relational_nouns:
            return self._other_party(owner, tok, trigger)  # "accused its neighbour": not the owner
        if owner is not None and (m is None or m.generic):
            found = self._guarded_antecedent(owner, trigger)  # "its fighters", "their troops"
            if found is not None:
                return found
        if m is not None and (m.generic or m.kind == "generic"):
            # "Islamic State-linked insurgents", "suspected Boko Haram militants": the named group wins; over a kind
            # with a nationality ("Congolese rebels of the FDLR") only an armed group does
            named = [self.by_token[c.i] for c in phrase_tokens(tok, self.words) if c.i in self.by_token
                     and self.by_token[c.i].kind != "generic" and not self.by_token[c.i].generic
                     and self.by_token[c.i].actor.sector not in ("CVL",)]
            if not m.generic:
                named = [n for n in named if n.actor.sector in ARMED_GROUP_SECTORS]
            named = [n for n in named if not self._sided_with(n)] or named
            if named:
                m = named[0]
            elif self._is_generic_armed(m.actor.text or "") or tok.lower_ in self.words.member_words:
                unknown = self._unknown_group_of(tok)
                if unknown is not None:
                    return unknown
        if m is None:
            # the phrase's own modifiers and "of"-complements: "fighters of the FSA", "a commander of a leading
            # FSA group", "a Daesh stronghold" (not its relative clauses or other prepositions); a group the phrase
            # only sides with ("the pro-IS faction of Boko Haram") comes last
            found = [self.by_token[c.i] for c in sorted(phrase_tokens(tok, self.words),
                                                        key=lambda c: (c.i > tok.i, -c.i if c.i <= tok.i else c.i))
                     if c.i in self.by_token]
            found = [x for x in found if not self._sided_with(x)] or found
            # a name beats a kind: "members of the Army of National Liberation (ELN)" are the ELN, not "the army"
            m = next((x for x in found if not x.generic and x.kind != "generic"), found[0] if found else None)
        if m is not None and self._sided_with(m):
            # "the pro-IS faction of Boko Haram": the group of the phrase's "of", not the side it takes
            m = next((self.by_token[c.i] for c in phrase_tokens(tok, self.words)
                      if c.i in self.by_token and not self._sided_with(self.by_token[c.i])), m)
        if m is not None and tok.ent_type_ == "NORP" and tok.dep_ in ("amod", "compound") \
                and self.lex.is_event_nominal(tok.head):
            forces = self.catalogue.resolve(f"{tok.text} forces")
            if forces is not None:
                return Role(actor=forces, start=m.start, end=m.end, generic=False, known=True)
        if m is not None:
            role = self._phrase_role(m, tok)
            if role.actor.country is None and m.start_token <= tok.i < m.end_token:
                # "doctors from three Canadian aid groups": Canada's, wherever they work (not "ethnic Albanians")
                home = country_of_phrase(tok, self, complements_only=True)
                role = replace(role, actor=self.catalogue.localize(role.actor, home)) if home else role
            if m.generic and self._is_generic_armed(m.actor.text or ""):
                dom = self._dominant_for(trigger, side)
                if dom is not None:
                    return Role(actor=dom.actor, start=m.start, end=m.end, generic=False, known=True)
            return role
        if (tok.ent_type_ in PLACE_LABELS and tok.pos_ == "PROPN") or (tok.i in self.place_tokens and tok.dep_ != "nsubj"):
            # a place is not an actor ("Croatia regained control" is its state acting, and so is "criticised Tokyo")
            return self._state_of_place(tok, trigger)
        if self.bare_places is not None and self.bare_places.is_place(tok):
            return None  # a town the small model read as a person or group ("attacked Kafr Foo"): ground
        if tok.ent_type_ in NAMED_THING_LABELS:
            return self._owner_role(tok, trigger, side)  # "signed a Memorandum of Understanding": a document
        if (tok.lemma_.lower() in self.words.territory_nouns and not (tok.ent_type_ == "ORG" and tok.pos_ == "PROPN")
                and not (tok.lemma_.lower() in self.words.group_name_heads and group_name(tok))) \
                or tok.lemma_.lower() in self.words.hold_nouns:
            # "regained control of two villages", "stormed the town": ground, not a party (but "the Dastani Front",
            # a name of an organisation, is one)
            return None
        if tok.lemma_.lower() in self.words.weapon_nouns or tok.lower_ in self.words.weapon_nouns or self.lex.is_event_noun(tok) \
                or tok.lemma_.lower() in self.words.abstract_nouns \
                or tok.lemma_.lower() in self.words.device_nouns:
            return self._owner_role(tok, trigger, side)  # "a roadside IED killed a general": not who used it
        if tok.lemma_.lower() in self.words.quantity_heads or tok.lower_ in self.words.quantity_heads:
            of = [p for c in children(tok) if c.dep_ == "prep" and c.lower_ == "of" for p in children(c)
                  if p.dep_ == "pobj"]
            if of:
                return self.role_for(of[0], trigger, side)
        words = self._name_with_of(tok) or noun_phrase_words(tok)
        if not words:
            return None
        proper = [c for c in children(tok) if c.dep_ in ("compound", "nmod", "amod") and c.i < tok.i
                  and c.pos_ == "PROPN" and c.ent_type_ not in PLACE_LABELS | {"NORP", "DATE"}]
        named_of = [p for p in prep_objects(tok, {"of"}) if p.pos_ == "PROPN" and p.ent_type_ not in PLACE_LABELS
                    and p.i not in self.place_tokens] if tok.lower_ in self.words.member_words else []
        end = tok.idx + len(tok.text)
        if named_of and not proper:
            # "a member of the Kuru Brotherhood", "militants of the Zorvani Front": a group the catalogue does not
            # know, by its name
            proper = [named_of[0]]
            end = named_of[0].right_edge.idx + len(named_of[0].right_edge.text)
            words = doc_text(tok.doc)[min(t.idx for t in tok.subtree if t.i <= tok.i):end]
        if proper and tok.lower_ in self.words.generic_armed | {"separatists", "separatist", "guerrillas", "militia",
                                                     "militiamen", "cadres", "members", "member", "activists"}:
            name = " ".join(t.text for t in sorted({x for c in proper for x in c.subtree}, key=lambda t: t.i)
                            if t.dep_ != "det")
            actor = self.catalogue.resolve(name) or self.catalogue.guess(words)
            if not actor.known:
                actor = Actor(name=name, text=words, country=None, sector=actor.sector, inter=actor.inter,
                              known=False)
            start = min(t.idx for t in tok.subtree if t.i <= tok.i)
            return Role(actor=actor, start=start, end=end, generic=False, known=actor.known)
        if tok.lower_ in self.words.member_words or self._is_generic_armed(words):
            unknown = self._unknown_group_of(tok)  # "members of the Mountain Lions Front": the front
            if unknown is not None:
                return unknown
        if self._is_generic_armed(words):
            dom = self._dominant_for(trigger, side)
            if dom is not None:
                return Role(actor=dom.actor, start=tok.idx, end=tok.idx + len(tok), generic=False, known=True)
        actor = self.catalogue.resolve(words)
        if actor is None and tok.pos_ == "ADJ" and tok.ent_type_ == "NORP" and tok.dep_ in ("amod", "compound") \
                and self.lex.is_event_nominal(tok.head):
            return self._nation_acting(tok, trigger)
        if actor is None:
            if not self._names_actor(tok):
                return self._owner_role(tok, trigger, side)  # "the removal", "stones", "a market": no party
            hit = side == 2 and (trigger.lemma_.lower() in self.person_harms or self.lex.is_violent(trigger))
            # "gunmen killed three bank employees", "the victim was stabbed": private people hit are civilians
            actor = self.catalogue.resolve("civilians") if hit and self.nouns.civilian_when_harmed(tok) else None
            actor = actor or self.catalogue.guess(words, hit and may_be_private_name(tok, trigger, self.person_harms))
        if actor.country is None:
            country = country_of_phrase(tok, self)
            actor = actor if country is None else replace(actor, country=country)
        span_start = min(t.idx for t in tok.subtree if t.i <= tok.i and not verb_result(t, tok))
        return Role(actor=actor, start=span_start, end=tok.idx + len(tok.text), generic=not actor.known
                    or actor.country is None, known=actor.known)

    def _name_with_of(self, tok: Token) -> str | None:
        """"The Sons of the Delta Front", "the Lions of the Free Hills": a capitalised name whose "of" complement is a
        capitalised name too (no place: "the Governor of Kano" is the governor) is one name."""
        if tok.pos_ != "PROPN" or tok.text.islower():
            return None
        # ("the Democratic Front for the Liberation of Koros": the organisation's whole name as the tagger saw it)
        ent = next((e for e in self.doc.ents if e.label_ == "ORG" and e.start <= tok.i < e.end), None)
        for p in prep_objects(tok, self.words.name_joining_preps):
            if p.pos_ != "PROPN" or p.ent_type_ in PLACE_LABELS or p.i in self.place_tokens or p.i in self.by_token:
                continue
            if p.head.lower_ == "for" and (ent is None or ent.end <= p.i):
                continue
            last = ent.end if ent is not None and ent.end > p.i + 1 and p.head.lower_ == "for" else p.i + 1
            span = [t for t in self.doc[min(x.i for x in tok.subtree):last]
                    if (t.dep_ != "det" or t.i > tok.i) and not t.is_punct]
            if span and all(not t.text.islower() or t.lower_ in self.words.name_joining_words for t in span):
                return " ".join(t.text for t in span)
        tail = self.doc[tok.i + 1:ent.end] if ent is not None else []
        if len(tail) >= 2 and tail[0].lower_ in self.words.name_joining_preps and all(
                not t.text.islower() or t.lower_ in self.words.name_joining_words for t in tail) and not any(
                t.i in self.place_tokens or t.ent_type_ in PLACE_LABELS for t in tail):
            # the parser hung the name's "for" or "of" on the verb: the tagger's name still runs on
            return " ".join(t.text for t in self.doc[min(x.i for x in tok.subtree):ent.end]
                            if (t.dep_ != "det" or t.i > tok.i) and not t.is_punct)
        return None

    def _sided_with(self, m) -> bool:
        """A group named only as the side a phrase takes: "pro-IS" ("the pro-IS faction of Boko Haram"), "al-Qaeda-
        linked" or "IS-affiliated" ("al-Qaeda-linked Abu Sayyaf militants")."""
        doc = self.doc
        before = [t for t in doc[max(0, m.start_token - 2):m.start_token] if t.text != "-"]
        if before and before[-1].lower_.rstrip("-") in self.words.allegiance_prefixes:
            return True
        after = [t for t in doc[m.end_token:m.end_token + 2] if t.text != "-"]
        return bool(after) and after[0].lemma_.lower() in self.words.affiliation_verbs and after[0].tag_ == "VBN"

    def _phrase_role(self, m, tok: Token) -> Role:
        """The role of a catalogue mention found in the phrase of `tok`. When the name only modifies a head noun
        for people ("six NATO service members", "Hamas fighters") or follows it in its "of" phrase or a clause of
        belonging ("a commander of the FSA", "men suspected of links to IS"), the role's words are the whole phrase
        from the head to the name, counts and determiners aside: those are the words that name who was there."""
        role = mention_role(m)
        if tok.ent_type_ == "PERSON" and m.start_token > tok.i and any(
                c.dep_ == "appos" and c.left_edge.i <= m.start_token <= c.right_edge.i for c in tok.children):
            # "Ahmed Foo, a commander of the FSA": the person and the party his apposition names
            start = min(t.idx for t in tok.subtree if t.i <= tok.i and t.ent_type_ == "PERSON")
            return Role(actor=role.actor, start=start, end=m.end, generic=role.generic, known=role.known)
        if m.start_token <= tok.i < m.end_token or not self.nouns.names_people(tok) or tok.pos_ not in (
                "NOUN", "PROPN") or (m.start_token > tok.i and m.end_token - 1 > tok.right_edge.i):
            return role
        count = {t.i for c in children(tok) if c.dep_ in ("nummod", "quantmod") for t in c.subtree}  # "about 10"
        lead = [t for t in tok.subtree if t.i <= tok.i and t.dep_ not in ("det", "nummod", "predet", "quantmod")
                and not t.like_num and t.pos_ not in ("DET", "PUNCT", "NUM") and t.i not in count]
        start = min([t.idx for t in lead] + [m.start])
        return Role(actor=role.actor, start=start, end=max(tok.idx + len(tok.text), m.end), generic=role.generic,
                    known=role.known)

    def _state_of_place(self, tok: Token, trigger: Token) -> Role | None:
        """In an event that is no violence, a country or capital named as the trigger's object or subject, or as
        the owner of either, is its government: "criticised Tokyo", "sent arms to Pakistan", "will visit Albania",
        "withdrew its force from Chad", "Tokyo lodged a complaint", "welcomed Jakarta's decision"."""
        first = tok  # "Nairobi and Mogadishu restored relations": a conjunct stands where the first one does
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first.dep_ == "pobj":
            if first.head.lower_ not in self.words.state_object_preps:
                return None
        elif first.dep_ not in ("dobj", "nsubj", "poss"):
            return None  # ("poss": the owner of what the trigger acts on, "rejected Riyadh's offer")
        if self.lex.is_violent(trigger):
            return None  # "shelled Damascus": the city was hit, not its government
        name = next((e.text for e in entities(self.doc) if e.start <= tok.i < e.end), tok.text)
        # the name's own compounds when the tagger left them out of the entity ("South" of "South Korea")
        left = [c for c in tok.subtree if c.i < tok.i and c.dep_ == "compound" and c.pos_ == "PROPN"]
        whole = " ".join(t.text for t in [*left, tok])
        actor = self.catalogue.state_of_place(name) or (self.catalogue.state_of_place(whole) if left else None)
        if actor is None:
            return None
        return Role(actor=actor, start=tok.idx, end=tok.idx + len(tok.text), generic=False, known=True)

    def _nation_acting(self, tok: Token, trigger: Token) -> Role | None:
        """A nationality adjective on an event noun, that the catalogue knows no party by: its forces in violence
        ("Turkish aerial bombardment"), its government otherwise ("the Russian truce"); never a party called
        "Russian"."""
        lemma = trigger.lemma_.lower()
        classes = self.lex.verbs.get(lemma, set()) | self.lex.nouns.get(lemma, set())
        kind = "forces" if any(self.lex.family(c) == "violence" for c in classes) else "government"
        # the whole nationality of a name of two words ("South African", "North Korean")
        ent = next((e for e in entities(self.doc) if e.start <= tok.i < e.end and e.end == tok.i + 1), None)
        actor = (self.catalogue.resolve(f"{ent.text} {kind}") if ent is not None else None) \
            or self.catalogue.resolve(f"{tok.text} {kind}")
        if actor is None:
            return None
        start = ent.start_char if ent is not None else tok.idx
        # generic: a weaker word than a name, so a claim elsewhere ("Hamas claimed the rocket attack") still wins
        return Role(actor=actor, start=start, end=tok.idx + len(tok.text), generic=True, known=True)

    def _names_actor(self, tok: Token) -> bool:
        """Whether a role token the catalogue does not know names a party: a person, organisation or nationality
        by name, or a common noun for people or groups (noun_classes.yaml; "villagers", "a spokesman")."""
        side, _ = self.nouns.noun_class(tok)
        if tok.ent_type_ in NAMED_ACTOR_LABELS or tok.pos_ == "PROPN":
            # a head listed as a thing is a name only inside a longer name ("Baghdad University Medical School");
            # alone it is a capitalised common noun ("Plants", "Air strikes" at the start of a sentence)
            # ("an oil Pipeline" tagged as a person is still a pipeline: a person's name takes no article)
            # ("Daraa countryside", "Palmyra desert": a name's head is capitalised too)
            person = tok.ent_type_ == "PERSON" and not any(c.dep_ == "det" for c in tok.children)
            return side != NOT_ACTOR or person or (not tok.text.islower() and any(
                c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children))
        counted = tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "nsubj" \
            and tok.head.head.lower_ in self.words.quantity_heads  # "thousands of tribesmen marched"
        if side is None and tok.pos_ == "NOUN" and (tok.dep_ == "nsubj" or counted or (
                tok.dep_ == "pobj" and tok.head.dep_ == "agent")):
            return True  # a noun no class lists, doing the act: "naxals torched a school", "killed by tribesmen"
        return self.nouns.names_people(tok, extra=self.words.actor_nouns)

    def _owner_role(self, tok: Token, trigger: Token, side: int) -> Role | None:
        """A head that is no party hands its slot to whom it belongs: "Sarmiento's claims", "pressure by the
        commission", "the offices of the administrators"; as actor1, "X issued a declaration demanding ..." to X."""
        if self.nouns.noun_class(tok)[1] == "weapons":
            # a weapon belongs to nobody, but who fired or dropped it is its user: "a bomb dropped from an IS drone"
            for user in weapon_users(tok, self):
                role = self.role_for(user, trigger, side)
                if role is not None:
                    return role
        if not self.nouns.has_owner(tok):
            # out of violence a state's vessels and arms stand for it: "accused Chinese vessels of ramming",
            # "seized a Ghanaian trawler" (in violence "Russian missiles" are its forces, found elsewhere)
            if self.nouns.noun_class(tok)[1] == "weapons" and not self.lex.is_violent(trigger):
                return self._nationality_state(tok)
            return None
        owners = [c for c in children(tok) if c.dep_ == "poss" and c.lower_ not in self.words.pronouns]
        owners += [p for c in children(tok) if c.dep_ == "prep" and c.lower_ in self.words.owner_prepositions
                   for p in children(c) if p.dep_ == "pobj"]
        if tok.lemma_.lower() in self.words.weapon_nouns or tok.lower_ in self.words.weapon_nouns:
            # "an Islamic State drone", "a bomb dropped from an IS drone", "a mortar shell fired by the rebels"
            owners += [c for c in children(tok) if c.dep_ in ("compound", "nmod") and c.i in self.by_token]
            owners += weapon_users(tok, self)
        for owner in owners:
            role = self.role_for(owner, trigger, side)
            if role is not None:
                return role
        if self.nouns.noun_class(tok)[1] == "abstractions" and tok.i not in self.by_token:
            # "against Indian rule", "the Israeli occupation", "the Chinese decision": a nationality's state
            state = self._nationality_state(tok)
            if state is not None:
                return state
        if side == 1 and tok.dep_ == "dobj" and self.nouns.noun_class(tok)[1] == "abstractions":
            subj, passive = subject_of(tok.head)
            if subj is not None and not passive and subj.i != tok.i:
                return self.role_for(subj, trigger, side)
        return None

    def _nationality_state(self, tok: Token) -> Role | None:
        """The state of a nationality word before a head that names no party ("the Chinese decision")."""
        if tok.i in self.by_token:
            return None
        for c in children(tok):
            if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP" and c.i < tok.i:
                state = self.catalogue.resolve(f"{c.text} government")
                if state is not None and state.country:
                    return Role(actor=state, start=c.idx, end=tok.idx + len(tok.text), generic=False, known=True)
        return None

    def _unknown_group_of(self, tok: Token) -> Role | None:
        """"militants of the Dimasa Liberation Army": a group named after "of" that the catalogue does not know."""
        for p in prep_objects(tok, {"of"}):
            if p.pos_ != "PROPN" or p.ent_type_ != "ORG" or p.i in self.by_token or p.i in self.place_tokens:
                continue
            # the whole name where the tagger saw one ("the Red Hand of Vessora Movement")
            ent = next((e for e in entities(self.doc) if e.label_ == "ORG" and e.start <= p.i < e.end
                        and e.start >= p.left_edge.i), None)
            last = ent.end if ent is not None else p.i + 1
            span = [t for t in self.doc[p.left_edge.i:last] if t.dep_ != "det" and not t.is_punct]
            if any(t.i in self.by_token for t in span):
                return None
            name = " ".join(t.text for t in span)
            guess = self.catalogue.guess(f"{name} {tok.lower_}")
            actor = Actor(name=name, text=name, country=None, sector=guess.sector, inter=guess.inter, known=False)
            return Role(actor=actor, start=span[0].idx, end=span[-1].idx + len(span[-1].text), generic=False,
                        known=False)
        return None

    def _dominant_for(self, trigger: Token, side: int) -> Role | None:
        """The article's armed group as who "the gunmen" of a trigger are, unless the trigger's own target names
        it ("gunmen attacked checkpoints of the SDF": the gunmen are not the SDF)."""
        dom = self.dominant_armed()
        if dom is None or side != 1:
            return dom
        targets = [o for o in [object_of(trigger)] if o is not None] + prep_objects(trigger, self.words.struck_prepositions)
        for t in (x for o in targets for x in o.subtree):
            m = self.by_token.get(t.i)
            if m is not None and m.actor.name == dom.actor.name:
                return None
        return dom

    def _is_generic_armed(self, words: str) -> bool:
        """"the militants", "gunmen": fighters the phrase puts on no side of their own ("pro-government fighters",
        "a tribal fighter" are not the article's armed group)."""
        w = words.lower().split()
        parts = {p for x in w for p in x.split("-")}
        return bool(w) and w[-1] in self.words.generic_armed and not parts & self.words.other_side_modifiers

    def _head_of(self, role: Role) -> Token | None:
        span = self.doc.char_span(role.start, role.end, alignment_mode="expand")
        root = span.root if span is not None and len(span) else None
        return (partitive_of(root, self.words) or root) if root is not None else None  # "two of the officers"
