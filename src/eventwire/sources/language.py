"""Whether an article's text can be processed at all: not empty, not binary data, and English.

The pipeline runs these checks on every article, and ingest uses them to count skipped articles by reason. The
language is told by a language identifier (py3langid, a naive Bayes model over byte n-grams of 97 languages),
after a look at the script: Chinese, Japanese or Thai text has no spaces between words, so it is judged by the
share of its letters in Latin script, not by its words. What counts as English and how sure the identifier must be
are data: lang/<code>/language_check.yaml, with the measurements behind each number."""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass

from eventwire.lang import DEFAULT_LANGUAGE, LanguageData, LanguageDataError

_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_LATIN_RANGES = "A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_LATIN_LETTER = re.compile(f"[{_LATIN_RANGES}]")
_OTHER_SCRIPT_WORD = re.compile(f"(?:(?![{_LATIN_RANGES}])[^\\W\\d_])+")
_SETTINGS_FILE = "language_check.yaml"


@dataclass(frozen=True)
class LanguageSettings:
    """What language_check.yaml says (see the comments there)."""

    identifier_labels: tuple[str, ...]
    min_latin_letter_share: float
    min_words_to_identify: int
    min_probability: float
    chars_read: int

    @classmethod
    def read(cls, language: LanguageData) -> LanguageSettings:
        data = language.yaml(_SETTINGS_FILE)
        path = language.path(_SETTINGS_FILE)
        if not isinstance(data, dict):
            raise LanguageDataError(path, None, "expected a mapping of setting -> value")
        unknown = set(data) - {f for f in cls.__dataclass_fields__}
        if unknown:
            raise LanguageDataError(path, None, f"unknown setting(s): {', '.join(sorted(map(str, unknown)))}")
        try:
            labels = data["identifier_labels"]
            if not isinstance(labels, list) or not labels or not all(isinstance(x, str) for x in labels):
                raise ValueError("identifier_labels must be a list of language codes")
            settings = cls(tuple(labels), float(data["min_latin_letter_share"]), int(data["min_words_to_identify"]),
                           float(data["min_probability"]), int(data["chars_read"]))
        except KeyError as exc:
            raise LanguageDataError(path, None, f"missing setting {exc.args[0]!r}") from None
        except (TypeError, ValueError) as exc:
            raise LanguageDataError(path, None, str(exc)) from None
        if not (0 <= settings.min_latin_letter_share <= 1 and 0 <= settings.min_probability <= 1
                and settings.chars_read > 0):
            raise LanguageDataError(path, None, "shares and probabilities are between 0 and 1, chars_read above 0")
        return settings


class LanguageCheck:
    """Judges texts for one language (its data folder). The identifier's model (4.5 MB) is loaded on the first
    text long enough to need it, and kept."""

    def __init__(self, language: str | LanguageData = DEFAULT_LANGUAGE):
        self.language = language if isinstance(language, LanguageData) else LanguageData(language)
        self.settings = LanguageSettings.read(self.language)

    @functools.cached_property
    def identifier(self):
        import numpy as np
        from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

        from eventwire.compiled import CompiledCache, stat_hash, version

        # the model file is LZMA-compressed (~1 s to read); its arrays are kept uncompressed in the cache, and
        # mapped from there (numpy arrays: the automaton's table goes as one, and is read through a memoryview)
        key = stat_hash([MODEL_DIR / MODEL_FILE], version("py3langid"), version("numpy"))

        def build():
            built = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            stored = copy.copy(built)
            stored.tk_nextmove = np.frombuffer(built.tk_nextmove, dtype=built.tk_nextmove.typecode)
            return stored

        identifier = CompiledCache().load_or_build("langid", key, build)
        if isinstance(identifier.tk_nextmove, np.ndarray):
            identifier.tk_nextmove = memoryview(identifier.tk_nextmove)  # indexed per byte, as fast as an array
        unknown = set(self.settings.identifier_labels) - set(identifier.labels)
        if unknown:
            raise LanguageDataError(self.language.path(_SETTINGS_FILE), None,
                                    f"identifier_labels: the identifier has no language {sorted(unknown)}")
        return identifier

    @staticmethod
    def latin_share(text: str) -> float:
        """The share of the letters of `text` in Latin script (1.0 when it has none)."""
        letters = len(_LETTER.findall(text))
        return len(_LATIN_LETTER.findall(text)) / letters if letters else 1.0

    def identify(self, text: str) -> tuple[str, float]:
        """The language the identifier finds most likely for `text` (its Latin-script part), and how likely it
        finds this check's language."""
        latin_part = _OTHER_SCRIPT_WORD.sub(" ", text[:self.settings.chars_read])
        ranked = self.identifier.rank(latin_part)
        scores = dict(ranked)
        return ranked[0][0], min(1.0, sum(scores.get(label, 0.0) for label in self.settings.identifier_labels))

    def problem(self, text: str) -> str | None:
        """Why this text cannot be processed, or None when it can."""
        if not isinstance(text, str):
            return "the article text is not a string"
        if not text.strip():
            return "the article is empty"
        if "\x00" in text or sum(1 for c in text[:4000] if ord(c) < 32 and c not in "\t\n\r\f\v") > 8:
            return "the article looks like binary data, not text"
        head = text[:self.settings.chars_read]
        if not _LETTER.search(head):
            return "the article has no words"
        if self.latin_share(head) < self.settings.min_latin_letter_share:
            return "the article is not in English (mostly non-Latin script)"
        if len(_WORD.findall(head)) < self.settings.min_words_to_identify:
            return None
        best, p = self.identify(head)
        if p < self.settings.min_probability:
            return f"the article does not look like English (identified as {best!r}; English {p:.4f})"
        return None


@functools.cache  # one per process for the callers that have no Pipeline to hold theirs
def default_check() -> LanguageCheck:
    return LanguageCheck()


def text_problem(text: str) -> str | None:
    """Why this text cannot be processed, or None when it can (the default language's LanguageCheck)."""
    return default_check().problem(text)


def is_language_problem(problem: str) -> bool:
    """Whether a text_problem() message says the text is not English (rather than empty or unreadable)."""
    return "english" in problem.lower()
