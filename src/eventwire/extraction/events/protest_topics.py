"""What a demonstration is against is not what happened at it: "marched to denounce gender-based violence",
"rallied against gun violence", "protested against the killing of a student" tell a protest's cause, not a riot
or a killing at the protest. The words of the cause (the object of a verb of protesting, the "against" or "over"
phrase) are left out of the cues that code the demonstration, and a violence word among them is no trigger in a
sentence about a demonstration."""

from __future__ import annotations

from spacy.tokens import Span

from eventwire.extraction.events.lexicon import Lexicon
from eventwire.extraction.tokens import span_text

TOPICS_KEY = "eventwire.protest_topics"  # Doc.user_data: (sentence start, end) -> token indices of the causes


def topic_tokens(lex: Lexicon, sent: Span) -> frozenset[int]:
    """The tokens of what the sentence's demonstrators protest against (words.yaml `protest_topic_verbs`,
    `protest_topic_preps`)."""
    memo = sent.doc.user_data.setdefault(TOPICS_KEY, {})
    key = (sent.start, sent.end)
    found = memo.get(key)
    if found is None:
        words = lex.words
        out: set[int] = set()
        for tok in sent:
            head = tok.head
            cause = (tok.dep_ == "dobj" and head.lemma_.lower() in words.protest_topic_verbs) or (
                tok.dep_ == "pobj" and head.lower_ in words.protest_topic_preps)
            if cause:
                out.update(t.i for t in tok.subtree)
        found = memo[key] = frozenset(out)
    return found


def without_topics(lex: Lexicon, sent: Span) -> str:
    """The sentence lower-cased with the words of the protest's cause blanked (offsets kept)."""
    low = span_text(sent).lower()
    base = sent.start_char
    for i in sorted(topic_tokens(lex, sent)):
        tok = sent.doc[i]
        start = tok.idx - base
        low = low[:start] + " " * len(tok.text) + low[start + len(tok.text):]
    return low
