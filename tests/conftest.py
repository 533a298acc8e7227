"""Shared fixtures: one Pipeline for the whole session, and the resources it owns.

Loading the language pipeline, the catalogue and the gazetteer index takes seconds; every unit test that needs
one of them asks for these fixtures instead of loading its own."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# The analyst's own actor catalogue (extraction/actors/user.py) overlays the packaged one wherever a catalogue is
# loaded: the tests, and the commands they start, must never read the catalogue of whoever runs them.
os.environ["EVENTWIRE_CATALOGUE"] = str(Path(tempfile.mkdtemp(prefix="eventwire-test-catalogue-")) / "actors.yaml")


@pytest.fixture(scope="session")
def pipeline():
    from eventwire.extraction.pipeline import Pipeline

    return Pipeline(workers=1)


@pytest.fixture(scope="session")
def nlp(pipeline):
    """The full eventwire language pipeline (the model plus the catalogue's and the gazetteer's ruler)."""
    return pipeline.nlp


@pytest.fixture(scope="session")
def bare_nlp():
    """The spaCy model alone, without eventwire's entity ruler."""
    from eventwire.extraction import nlp as ew_nlp

    return ew_nlp.load_bare()


@pytest.fixture(scope="session")
def catalogue(pipeline):
    return pipeline.catalogue


@pytest.fixture(scope="session")
def geoparser(pipeline):
    return pipeline.geoparser


@pytest.fixture(scope="session")
def language(pipeline):
    return pipeline.language
