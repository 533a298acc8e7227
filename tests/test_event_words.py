"""The small words the event finder's parse walks read (words.yaml, the section of that name; modality.yaml) are
data an analyst can edit: an edited list changes what the walks find, and a list taken out is an error naming it."""

from __future__ import annotations

import shutil

import pytest

from eventwire.lang import LANG_DIR, LanguageData, LanguageDataError


def _language(tmp_path, name: str, old: str, new: str) -> LanguageData:
    """A copy of the English event data with `old` replaced by `new` in events/`name`."""
    root = tmp_path / "en"
    shutil.copytree(LANG_DIR / "en" / "events", root / "events")
    path = root / "events" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return LanguageData("en", root=root)


def test_the_claim_verbs_are_an_editable_list(nlp, pipeline, tmp_path):
    from eventwire.extraction.events.lexicon import load_lexicon
    from eventwire.extraction.events.triggers import is_claimed

    doc = nlp("The Ogaden rebels claimed the ambush on the convoy.")
    ambush = next(t for t in doc if t.lower_ == "ambush")
    assert is_claimed(pipeline.event_finder.lexicon, ambush)
    edited = load_lexicon(_language(tmp_path, "words.yaml", "claimed_event_verbs: [claim, own, accept, admit]",
                                    "claimed_event_verbs: [own, accept, admit]"))
    assert "claim" in edited.words.claim_verbs and not is_claimed(edited, ambush)


def test_the_settlement_nouns_are_an_editable_list(nlp, pipeline, tmp_path):
    from eventwire.extraction.events.lexicon import load_lexicon
    from eventwire.extraction.events.syntax import names_place

    doc = nlp("Government planes bombed the town of Idlib in 2019.")
    town = next(t for t in doc if t.lower_ == "town")
    assert names_place(town, pipeline.event_finder.lexicon.words)
    edited = load_lexicon(_language(tmp_path, "words.yaml", "settlement_nouns: [city, town,",
                                    "settlement_nouns: [city,"))
    assert not names_place(town, edited.words)


def test_a_condition_mark_keeps_a_would_clause_hypothetical(nlp, tmp_path):
    from eventwire.extraction.events.modality import ModalityClassifier

    doc = nlp("The army said it would storm the camp unless the militia surrendered.")
    storm = next(t for t in doc if t.lower_ == "storm")
    assert ModalityClassifier(LanguageData("en")).classify(storm) == "hypothetical"
    edited = ModalityClassifier(_language(tmp_path, "modality.yaml", "condition_marks: [if, unless]",
                                          "condition_marks: [if]"))
    assert edited.classify(storm) == "future"


def test_a_list_taken_out_is_named(tmp_path):
    from eventwire.extraction.events.lexicon import load_lexicon

    with pytest.raises(LanguageDataError, match="missing list 'under_verbs'"):
        load_lexicon(_language(tmp_path, "words.yaml", "under_verbs: [come, be, remain]",
                               "# under_verbs: [come, be, remain]"))
