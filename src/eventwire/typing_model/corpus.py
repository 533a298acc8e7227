"""The typing corpus (`lang/en/typing/corpus/*.jsonl`, format in its README.md): snippets with their ACLED and
PLOVER labels, read in a fixed order (files sorted by name, lines in order) so that training is repeatable."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from eventwire import taxonomy

DEFAULT_CORPUS_DIR = Path(__file__).resolve().parents[1] / "lang" / "en" / "typing" / "corpus"
NONE = "none"  # the label of "no ACLED event" / "no PLOVER event" in the model's heads
APART = ":"  # "none:past_event": a non-event reason the sub-type head learns as a class of its own


class CorpusError(ValueError):
    """A corpus line the model cannot learn from; the message starts with `file:line:`."""


@dataclass(frozen=True)
class Snippet:
    text: str
    event_type: str | None
    sub_event_type: str | None
    plover: str | None
    source: str  # file:line, for error messages and error studies
    non_event: str | None = None  # why it is no ACLED event (corpus README), for a non-event

    @property
    def sub_label(self) -> str:
        return self.sub_event_type or NONE

    def sub_label_apart(self, reasons: tuple[str, ...]) -> str:
        """The sub-type label, a non-event of one of `reasons` labelled "none:<reason>"."""
        if self.sub_event_type is None and self.non_event in reasons:
            return f"{NONE}{APART}{self.non_event}"
        return self.sub_label

    @property
    def plover_label(self) -> str:
        return self.plover or NONE


def corpus_files(directory: Path | str = DEFAULT_CORPUS_DIR) -> list[Path]:
    return sorted(Path(directory).glob("*.jsonl"), key=lambda p: p.name)


def corpus_digest(directory: Path | str = DEFAULT_CORPUS_DIR) -> str:
    """sha256 over the corpus files (name and bytes, in name order): the model records the digest of the corpus it
    was trained on, and a test fails when the shipped corpus and the shipped model disagree."""
    digest = hashlib.sha256()
    for path in corpus_files(directory):
        data = path.read_bytes()
        digest.update(f"{path.name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def _snippet(record, source: str) -> Snippet:
    if not isinstance(record, dict):
        raise CorpusError(f"{source}: expected a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise CorpusError(f"{source}: 'text' must be a non-empty string")
    kind, sub, plover = record.get("event_type"), record.get("sub_event_type"), record.get("plover")
    if sub is not None and taxonomy.ACLED_SUB_TO_TYPE.get(sub) is None:
        raise CorpusError(f"{source}: unknown sub_event_type {sub!r}")
    if sub is not None and taxonomy.ACLED_SUB_TO_TYPE[sub] != kind:
        raise CorpusError(f"{source}: {sub!r} is not a sub-event type of {kind!r}")
    if sub is None and kind is not None:
        raise CorpusError(f"{source}: event_type {kind!r} without a sub_event_type")
    if plover is not None and plover not in taxonomy.PLOVER_EVENTS:
        raise CorpusError(f"{source}: unknown PLOVER category {plover!r}")
    reason = record.get("non_event") if sub is None else None
    return Snippet(text=text.strip(), event_type=kind, sub_event_type=sub, plover=plover, source=source,
                   non_event=reason if isinstance(reason, str) else None)


def read_corpus(directory: Path | str = DEFAULT_CORPUS_DIR) -> list[Snippet]:
    """Every snippet of the directory's `*.jsonl` files; a malformed line raises CorpusError naming it."""
    files = corpus_files(directory)
    if not files:
        raise CorpusError(f"{directory}: no *.jsonl corpus files")
    out: list[Snippet] = []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            source = f"{path.name}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CorpusError(f"{source}: not JSON: {exc}") from None
            out.append(_snippet(record, source))
    return out
