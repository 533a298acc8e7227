"""The typing model's say in an event's codes (lang/en/typing/decisions.yaml).

The rules find the event and keep its roles, modality, place, date and toll; the typing model reads the event's
sentence and, when it is confident:
  - vetoes an ACLED event it reads as no event (a court case, a claim, "the battle for the title"): the event
    keeps only the rules' PLOVER coding, or is dropped when the model sees no PLOVER event either;
  - retypes the event to another ACLED sub-type, with the event type, PLOVER category, mode and CAMEO code of
    that sub-type (codes.yaml), unless the rules' sub-type came from a strong lexical cue (rule_decides) or the
    two sub-types differ only in who acts, which the rules read from the parse (actors_decide);
  - recodes the PLOVER category of an event that has no ACLED type.
A label the model saw too rarely in training is one it neither confirms nor overrules. The record's confidence
mixes the rules' and the model's."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Protocol

from eventwire import taxonomy
from eventwire.extraction.nlp import doc_text
from eventwire.extraction.tokens import sentences as doc_sentences
from eventwire.extraction.tokens import span_text
from eventwire.lang import LanguageData, LanguageDataError
from eventwire.typing_model import TypingModel, TypingPrediction
from eventwire.typing_model.classifier import PLOVER_HEAD, SUB_HEAD
from eventwire.typing_model.corpus import NONE

if TYPE_CHECKING:
    from eventwire.extraction.events.candidates import EventCandidate

CODES_FILE = "typing/codes.yaml"
DECISIONS_FILE = "typing/decisions.yaml"
MODEL_DIR = "typing/model"


class Predictor(Protocol):
    """What ModelTyping needs of a model (TypingModel, or a stand-in in tests)."""

    def predict_passages(self, passages: list[tuple[str, ...]]) -> list[TypingPrediction]: ...

    def support(self, head: str, label: str) -> int: ...


@dataclass(frozen=True)
class Decisions:
    min_support: int
    veto_no_event: float
    veto_drops: float
    veto_ignores: frozenset[str]
    retype: float | None  # None: the model never retypes
    margin: float
    rule_decides: frozenset[str]
    actors_decide: tuple[frozenset[str], ...]
    replover: float | None  # None: the model never recodes a PLOVER-only event
    model_share: float
    context_sentences: int  # the model reads the event's sentence with up to this many either side

    @classmethod
    def read(cls, language: LanguageData) -> Decisions:
        return cls.from_mapping(language.yaml(DECISIONS_FILE) or {}, language.path(DECISIONS_FILE))

    @classmethod
    def from_mapping(cls, raw: dict, path) -> Decisions:
        """The decisions of a mapping in the layout of decisions.yaml (checked as the file is; `path` names it in
        errors): the file as read, or with some of its keys changed to try other settings."""
        unknown = sorted(set(raw) - {f.name for f in fields(cls)})
        if unknown:
            raise LanguageDataError(path, None, f"unknown key(s) {', '.join(unknown)}")
        numbers = ("veto_no_event", "veto_drops", "retype", "margin", "replover", "model_share")
        optional = ("retype", "replover")  # null: never
        missing = [k for k in (*numbers, "min_support", "rule_decides", "actors_decide", "veto_ignores",
                               "context_sentences") if k not in raw]
        if missing:
            raise LanguageDataError(path, None, f"missing {', '.join(missing)}")
        for key in numbers:
            if raw[key] is None and key in optional:
                continue
            if not isinstance(raw[key], int | float) or not 0 <= raw[key] <= 1:
                raise LanguageDataError(path, None, f"{key} must be a number from 0 to 1"
                                                    + (" or null" if key in optional else ""))
        groups = tuple(frozenset(group) for group in raw["actors_decide"] or ())
        for sub in [*raw["rule_decides"], *(s for group in groups for s in group)]:
            taxonomy.check_code("acled_sub", sub, path)
        if not isinstance(raw["context_sentences"], int) or raw["context_sentences"] < 0:
            raise LanguageDataError(path, None, "context_sentences must be a whole number, 0 or more")
        thresholds = {k: None if raw[k] is None else float(raw[k]) for k in numbers}
        return cls(min_support=int(raw["min_support"]), context_sentences=raw["context_sentences"],
                   rule_decides=frozenset(raw["rule_decides"]),
                   actors_decide=groups, veto_ignores=frozenset(raw["veto_ignores"] or ()), **thresholds)

    def same_actor_group(self, a: str, b: str) -> bool:
        """a and b differ only in who acts or who is hit, which the rules read from the parse."""
        return any(a in group and b in group for group in self.actors_decide)


@dataclass(frozen=True)
class Coding:
    event_type: str | None
    sub_event_type: str | None
    plover: str | None  # None: keep the event's own
    mode: str | None
    cameo: str | None


def read_codes(language: LanguageData) -> tuple[dict[str, Coding], dict[str, Coding]]:
    """codes.yaml: sub-type -> coding, PLOVER category -> coding (for PLOVER-only events)."""
    raw = language.yaml(CODES_FILE) or {}
    path = language.path(CODES_FILE)
    subs: dict[str, Coding] = {}
    for sub, c in (raw.get("sub_event_types") or {}).items():
        taxonomy.check_code("acled_sub", sub, path)
        taxonomy.check_code("plover", c.get("plover"), path)
        subs[sub] = Coding(taxonomy.ACLED_SUB_TO_TYPE[sub], sub, c.get("plover"), c.get("mode"), c.get("cameo"))
    missing = sorted(set(taxonomy.ACLED_SUB_TO_TYPE) - set(subs))
    if missing:
        raise LanguageDataError(path, None, f"no coding for sub-event type(s) {', '.join(missing)}")
    plovers: dict[str, Coding] = {}
    for event, c in (raw.get("plover") or {}).items():
        taxonomy.check_code("plover", event, path)
        plovers[event] = Coding(None, None, event, (c or {}).get("mode"), (c or {}).get("cameo"))
    return subs, plovers


class ModelTyping:
    """The typing model and the decisions that let it overrule the rules, built once per Pipeline."""

    def __init__(self, language: LanguageData, model: Predictor | None = None, decisions: Decisions | None = None):
        self.decisions = decisions if decisions is not None else Decisions.read(language)
        self.sub_codes, self.plover_codes = read_codes(language)
        self.model: Predictor = model if model is not None else TypingModel(language.root / MODEL_DIR)

    def load(self) -> None:
        loader = getattr(self.model, "load", None)
        if loader is not None:
            loader()

    def knows(self, head: str, label: str | None) -> bool:
        return label is not None and self.model.support(head, label) >= self.decisions.min_support

    def apply(self, candidates: list[EventCandidate]) -> list[EventCandidate]:
        """The candidates as the model types them, each passage read once; the ones the model reads as no event
        at all are marked `vetoed` (the Pipeline drops them after the casualties stage has read them)."""
        if not candidates:
            return candidates
        sentences: dict = {}  # per Doc: its sentences, in order (Token.sent is slow)
        passages = [self.passage(cand.sentence, sentences) for cand in candidates]
        texts = list(dict.fromkeys(passages))
        predictions = dict(zip(texts, self.model.predict_passages(texts)))
        for cand, passage in zip(candidates, passages):
            if not self.decide(cand, predictions[passage]):
                cand.vetoed = True
        return candidates

    def passage(self, sentence, sentences: dict | None = None) -> tuple[str, ...]:
        """What the model reads for an event of `sentence`: the sentence with up to `context_sentences` either
        side, within its paragraph (as the sentences' texts). A sentence alone often reads as no event or as
        another kind ("the blast occurred near a restaurant" after "a suicide bomber blew himself up"); its
        neighbours say what happened (CASE 2021 weighted F1 0.693 -> 0.706 on half a, 0.688 -> 0.702 on half b).
        `sentences`: a cache of each Doc's sentences, shared by the events of one article."""
        around = self.decisions.context_sentences
        if around == 0:
            return (sentence.text,)
        doc = sentence.doc
        cache = sentences if sentences is not None else {}
        if id(doc) not in cache:  # Doc.text, Doc.sents and Span.text are built anew on every call
            text, read = doc_text(doc), []
            for span in doc_sentences(doc):
                words = span_text(span).strip()
                opens = text.find(words, span.start_char) if words else span.start_char
                read.append((words, opens, opens + len(words)))
            starts = {span.start: i for i, span in enumerate(doc_sentences(doc))}
            cache[id(doc)] = (doc, text, read, starts)
        _, text, read, starts = cache[id(doc)]
        i = starts.get(sentence.start)
        if i is None:  # not one of the Doc's sentences: read it alone
            return (sentence.text,)
        # the paragraph: between the line breaks around the sentence's words (a break may open or close a sentence)
        start = text.rfind("\n", 0, read[i][1]) + 1
        end = text.find("\n", read[i][2])
        end = len(text) if end < 0 else end
        first = last = i
        while first > max(0, i - around) and read[first - 1][1] >= start:
            first -= 1
        while last < min(len(read) - 1, i + around) and read[last + 1][2] <= end:
            last += 1
        return tuple(words for words, _, _ in read[first:last + 1])

    def decide(self, cand: EventCandidate, p: TypingPrediction) -> bool:
        """Apply the model's reading `p` of the candidate's sentence; False when the event is vetoed away."""
        d = self.decisions
        if cand.sub_event_type is None:
            return self._plover_only(cand, p)
        rule_sub = cand.sub_event_type
        if not self.knows(SUB_HEAD, rule_sub):
            return True  # a label the model barely saw: the rules' word stands
        # only a reported event can be vetoed: a planned, denied or recalled one is no reported event already
        # (its modality says so), and the model, which reads announcements as non-events, would only lose it
        if (cand.modality == "asserted" and self.knows(SUB_HEAD, NONE)
                and p.no_event_except(d.veto_ignores) >= d.veto_no_event):
            return self._veto(cand, p)
        final = rule_sub
        if d.retype is not None and rule_sub not in d.rule_decides:
            best, prob = max(((k, v) for k, v in p.sub_event_type.items() if k != NONE),
                             key=lambda kv: kv[1], default=(None, 0.0))
            if (best is not None and best != rule_sub and self.knows(SUB_HEAD, best) and prob >= d.retype
                    and prob - p.sub_event_type.get(rule_sub, 0.0) >= d.margin
                    and not d.same_actor_group(best, rule_sub)):
                self._recode(cand, self.sub_codes[best])
                final = best
        self._mix_confidence(cand, p.sub_event_type.get(final, 0.0))
        return True

    def _veto(self, cand: EventCandidate, p: TypingPrediction) -> bool:
        """No ACLED event: the event keeps the rules' PLOVER coding (a condemnation of an attack is still an
        ACCUSE, a wiki-style account of a bombing still an ASSAULT), unless the model sees no PLOVER event either
        ("the battle for the title"): then it is dropped."""
        if p.plover.get(NONE, 0.0) >= self.decisions.veto_drops:
            return False
        cand.event_type = cand.sub_event_type = None
        self._mix_confidence(cand, 1.0 - p.plover.get(NONE, 0.0))
        return True

    def _plover_only(self, cand: EventCandidate, p: TypingPrediction) -> bool:
        if not self.knows(PLOVER_HEAD, cand.plover_event):
            return True
        best, prob = p.best_plover
        final = cand.plover_event
        replover = self.decisions.replover
        if (replover is not None and best != NONE and best != cand.plover_event and self.knows(PLOVER_HEAD, best)
                and prob >= replover and best in self.plover_codes):
            coding = self.plover_codes[best]
            cand.plover_event, cand.plover_mode, cand.cameo = best, coding.mode, coding.cameo
            final = best
        self._mix_confidence(cand, p.plover.get(final, 0.0))
        return True

    @staticmethod
    def _recode(cand: EventCandidate, coding: Coding) -> None:
        cand.event_type, cand.sub_event_type = coding.event_type, coding.sub_event_type
        if coding.plover is not None:
            cand.plover_event, cand.plover_mode = coding.plover, coding.mode
        if coding.cameo is not None:
            cand.cameo = coding.cameo

    def _mix_confidence(self, cand: EventCandidate, model_probability: float) -> None:
        share = self.decisions.model_share
        cand.confidence = round((1 - share) * cand.confidence + share * model_probability, 4)
