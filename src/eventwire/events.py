"""Stage 3: events. Triggers and dependency patterns (data files in data/events/) map a clause to ACLED,
PLOVER and CAMEO codes; roles come from the parse."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token


@dataclass
class EventCandidate:
    """An event found in one sentence, before places, dates and casualties are attached."""

    sentence: Span  # the evidence sentence
    trigger: Token  # the word that names the event ("killed", "strikes", "stormed")
    event_type: str | None
    sub_event_type: str | None
    plover_event: str
    plover_mode: str | None = None
    cameo: str | None = None
    modality: str = "asserted"
    actor1: object | None = None  # actors.ActorMention
    actor2: object | None = None
    assoc_actor1: list = field(default_factory=list)
    assoc_actor2: list = field(default_factory=list)
    confidence: float = 0.5

    @property
    def start(self) -> int:
        return self.sentence.start_char

    @property
    def end(self) -> int:
        return self.sentence.end_char

    @property
    def trigger_char(self) -> int:
        return self.trigger.idx


def find_events(doc: Doc, actor_mentions: list) -> list[EventCandidate]:
    raise NotImplementedError


def drop_duplicates(events: list) -> list:
    raise NotImplementedError
