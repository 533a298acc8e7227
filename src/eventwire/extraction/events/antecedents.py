"""What a word that points back stands for: a pronoun ("it killed"), a pair's title ("the two presidents"), a
relational noun ("its neighbour"), a count ("killing the three", "arresting 12"). A mixin of DocContext, whose
mentions, catalogue and `role_for` it reads."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from eventwire.extraction.events.roles import Role, mention_role
from eventwire.extraction.events.syntax import object_of
from eventwire.extraction.nlp import doc_text
from eventwire.extraction.tokens import children, sentences


def span_text_of(doc: Doc, start: int, last: Token) -> str:
    """The article's words from character `start` to the end of token `last`."""
    return doc_text(doc)[start:last.idx + len(last.text)]


class Antecedents:
    """DocContext's lookups of what a word points back to, in the sentence or the sentences before it."""

    def counted_people(self, count: Token) -> Role | None:
        """The people a bare number stands for ("dispersed the protesters, arresting 12"): the last crowd or
        civilians named before it in the sentence, else unnamed people of the event's country."""
        sent = count.sent
        for m in reversed(self.mentions_in(sent.start_char, count.idx)):
            if m.actor.sector == "CVL" or m.actor.inter in (5, 6, 7):
                return Role(actor=m.actor, start=count.idx, end=count.idx + len(count.text), generic=m.generic,
                            known=m.actor.known)
        people = self.catalogue.resolve("people")
        if people is None:
            return None
        return Role(actor=people, start=count.idx, end=count.idx + len(count.text), generic=True, known=True)

    def _named_pair(self, tok: Token) -> tuple[Role, Role] | None:
        """The first two parties named before a plural title ("Ruto met Museveni on Monday. The presidents
        discussed ..."): in its own sentence, else in the sentence before."""
        sent = tok.sent
        previous = self._previous_sentences(sent, 1)
        for lo, hi in ((sent.start_char, tok.idx), (previous[0].start_char, previous[0].end_char) if previous else (0, 0)):
            named: list = []
            for m in self.mentions:
                if lo <= m.start < hi and not m.generic and all(m.actor.name != x.actor.name for x in named):
                    named.append(m)
            if len(named) >= 2:
                return mention_role(named[0]), mention_role(named[1])
        return None

    def people_counted_before(self, tok: Token, trigger: Token) -> Role | None:
        """The harmed named by a count alone that points back: "killing the three" are the three counted before
        ("Three militants tried to plant a bomb"), when the two sentences before name them. A count with nothing
        to point back to ("killing at least 13") stays unnamed: who they were is not said."""
        if tok.i in self.by_token or tok.pos_ == "PRON" or any(c.dep_ == "prep" for c in children(tok)):
            return None
        if not (tok.like_num or tok.ent_type_ == "CARDINAL" or tok.lower_ in self.words.counted_people):
            return None
        if any(c.pos_ in ("NOUN", "PROPN") for c in children(tok)):
            return None  # a noun hangs on the count: the parse is off, the count names something else
        words = [t for t in tok.subtree if t.i <= tok.i and t.dep_ not in ("punct",)]
        if not any(t.dep_ in ("det", "predet") and t.lower_ in self.words.counted_people_back for t in words):
            return None
        start = min(t.idx for t in words)
        for sent in [trigger.sent, *self._previous_sentences(trigger.sent, 2)]:
            counted = [t for t in sent if t.i < tok.i and t.dep_ == "nummod" and t.lower_ == tok.lower_
                       and t.head.pos_ in ("NOUN", "PROPN")]
            if counted:
                found = self._find_role(counted[-1].head, trigger, 2)
                if found is None:
                    return None
                return Role(actor=replace(found.actor, text=span_text_of(tok.doc, start, tok)), start=start,
                            end=tok.idx + len(tok.text), generic=found.generic, known=found.known)
        return None

    def _previous_sentences(self, sent: Span, n: int) -> list[Span]:
        sents = [s for s in sentences(self.doc) if s.end <= sent.start]
        return list(reversed(sents[-n:]))

    def _last_subject_actor(self, sent: Span) -> Role | None:
        key = sent.start
        if key not in self._subject_cache:
            found = None
            for t in sent:
                if t.dep_ == "nsubj" and t.lower_ not in self.words.pronouns:
                    role = self.role_for(t, t, 1)
                    if role is not None and role.known and not role.generic:
                        found = role
            self._subject_cache[key] = found
        return self._subject_cache[key]

    def _other_party(self, owner: Token, tok: Token, trigger: Token) -> Role | None:
        """Who "its neighbour", "their rivals" are: the last state or named party of the sentence, before the
        phrase, that is not the owner the pronoun stands for."""
        own = self._guarded_antecedent(owner, trigger)
        sent = tok.sent
        for m in reversed(self.mentions_in(sent.start_char, tok.idx)):
            if m.generic or (own is not None and m.actor.name == own.actor.name):
                continue
            return Role(actor=m.actor, start=tok.left_edge.idx, end=tok.idx + len(tok.text), generic=False,
                        known=m.actor.known)
        return None

    def _guarded_antecedent(self, pron: Token, trigger: Token) -> Role | None:
        """`_antecedent`, but never from inside another antecedent lookup (which would loop on pronouns)."""
        if self._in_antecedent:
            return None
        self._in_antecedent = True
        try:
            return self._antecedent(pron, trigger)
        finally:
            self._in_antecedent = False

    def _antecedent(self, pron: Token, trigger: Token) -> Role | None:
        """The first candidate the pronoun agrees with ("the police arrested him": not the police)."""
        for role in self._antecedent_candidates(pron, trigger):
            if role.start < 0 or self.nouns.agrees(pron, self._head_of(role)):
                return role
        return None

    def _antecedent_candidates(self, pron: Token, trigger: Token):
        # "the military said it killed", "fighters of the FSA were moving from the city they had stormed":
        # the subject of the nearest enclosing clause that names one
        node = pron.head
        for _ in range(10):
            if node.head.i == node.i:
                break
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                if node.lemma_.lower() in self.reporting_verbs:
                    # "X said fighters of the FSA were moving": the parser makes the reported subject an object
                    obj = object_of(node)
                    if obj is not None and obj.pos_ in ("NOUN", "PROPN") and obj.lower_ not in self.words.pronouns:
                        role = self.role_for(obj, trigger, 1)
                        if role is not None:
                            yield role
                subj = next((c for c in children(node) if c.dep_ in ("nsubj", "nsubjpass")), None)
                passive = subj is not None and subj.dep_ == "nsubjpass"
                # ("their forces had completed their withdrawal": a subject owned by a pronoun points further up)
                if subj is not None and subj.lower_ not in self.words.pronouns and not passive \
                        and pron.i not in {t.i for t in subj.subtree} and not self.lex.is_event_noun(subj) \
                        and not any(c.dep_ == "poss" and c.lower_ in self.words.pronouns for c in children(subj)):
                    role = self.role_for(subj, trigger, 1)
                    if role is not None:
                        yield role
        # otherwise the nearest actor named before it: in this sentence, then the last event's actor1
        sent = pron.sent
        prev = [m for m in self.mentions if sent.start_char <= m.start < pron.idx and not m.generic]
        for m in reversed(prev):
            yield mention_role(m)
        # then the last actor named as a subject in the previous sentences ("a commander of the FSA said ...
        # They also regained ...")
        for prev_sent in self._previous_sentences(sent, 3):
            role = self._last_subject_actor(prev_sent)
            if role is not None:
                yield role
        yield from reversed(self.recent)
        before = [m for m in self.mentions if m.start < pron.idx and not m.generic
                  and m.actor.sector not in ("CVL",)]
        for m in reversed(before):
            yield mention_role(m)
