"""Which of a sentence's records comes first: the act of the clause that frames the others. In "Uganda accused
Sudan of arming the rebels", "the EU condemned the arrest of the editor" or "the rebels demanded the release of
the prisoners", the accusation, the condemnation and the demand are what the sentence reports; the arming, the
arrest and the release are their matter. A record whose trigger the trigger of another asserted record of the same
sentence governs (through the parse, not only as a coordinate: "suspended the constitution and arrested the
leaders" are two acts of one rank) is put below it, so that the most confident record is the framing act. Between
two ACLED events the rules' and the model's confidence decide ("opened fire to disperse the march": raising the
firing over the march cost CASE 2021 weighted F1 on both halves of dev)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.records import Event

STEP = 0.001  # how far above the act it frames the framing record is put


# a word is framed by its head through the head's complements, not as its coordinate ("suspended ... and arrested")
# nor as its subject ("a march by 10,000 teachers demanded higher wages": the march is the doer of the demand)
NOT_FRAMED_BY_HEAD = frozenset({"conj", "nsubj", "nsubjpass", "csubj", "csubjpass", "agent"})


def _governors(tok: Token) -> set[int]:
    """The tokens above `tok` in the parse that frame it: its heads, leaving out the head of a coordinate or of a
    subject."""
    out: set[int] = set()
    seen = 0
    while tok.head.i != tok.i and seen < 50:
        framed = tok.dep_ not in NOT_FRAMED_BY_HEAD
        tok = tok.head
        seen += 1
        if framed:
            out.add(tok.i)
    return out


def frame_before_content(doc: Doc, events: list[Event]) -> None:
    """Raise the confidence of each asserted record above the asserted records of its sentence whose triggers its
    own trigger governs, unless both have an ACLED type."""
    asserted = [e for e in events if e.modality == "asserted" and e.trigger_start is not None]
    if len(asserted) < 2:
        return
    by_char = {t.idx: t for t in doc}  # (only for articles with two records or more: most have fewer)
    placed = [(e, by_char.get(e.trigger_start)) for e in asserted]
    placed = [(e, t) for e, t in placed if t is not None]
    if len(placed) < 2:
        return
    above = {id(e): _governors(t) for e, t in placed}
    sentence = {id(e): t.sent.start for e, t in placed}
    # the outer frames last, so that a frame of a frame ends above both
    for frame, tok in sorted(placed, key=lambda et: -len(above[id(et[0])])):
        framed = [e for e, t in placed if e is not frame and t.i != tok.i and sentence[id(e)] == sentence[id(frame)]
                  and tok.i in above[id(e)] and (frame.event_type is None or e.event_type is None)]
        if framed:
            top = max(e.confidence for e in framed)
            if frame.confidence <= top:
                frame.confidence = round(min(1.0, top + STEP), 4)
