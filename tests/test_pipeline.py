"""Pipelines own their resources: two Pipelines with different actor catalogues in one process give different
results, and each one's entity ruler is fed from its own catalogue."""

from __future__ import annotations

import shutil

import pytest

from eventwire.extraction import actors
from eventwire.extraction.pipeline import Pipeline

TEXT = ("Crimson Dawn Brigade fighters attacked a police station in Maiduguri on Monday, killing four officers.")
PUBLISHED = "2024-03-06"
# an invented armed group, in the format of data/actors/groups.yaml
GROUP_YAML = """# an invented group for the tests
- {name: Crimson Dawn Brigade, country: NGA, sector: INS, inter: 2, aliases: [Crimson Dawn Brigade, CDB]}
"""


@pytest.fixture(scope="module")
def groups_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("catalogue") / "more_groups.yaml"
    path.write_text(GROUP_YAML, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def custom_pipeline(groups_file, language):
    """A Pipeline whose catalogue knows the invented group (and shares the session's language data)."""
    return Pipeline(workers=1, language=language, catalogue=actors.load_catalogue(language, extra_groups=[groups_file]))


def test_each_pipeline_uses_its_own_catalogue(custom_pipeline, pipeline):
    [custom] = custom_pipeline.extract(TEXT, published=PUBLISHED)
    assert custom.actor1.name == "Crimson Dawn Brigade" and custom.actor1.known
    assert (custom.actor1.country, custom.actor1.sector, custom.actor1.inter) == ("NGA", "INS", 2)
    for ev in pipeline.extract(TEXT, published=PUBLISHED):
        assert ev.actor1 is None or not (ev.actor1.name == "Crimson Dawn Brigade" and ev.actor1.known)
    assert pipeline.catalogue.resolve("Crimson Dawn Brigade") is None


def test_ruler_patterns_come_from_the_pipelines_catalogue(custom_pipeline, pipeline):
    new = {"label": "ORG", "pattern": "Crimson Dawn Brigade", "id": "Crimson Dawn Brigade"}
    assert new in custom_pipeline.catalogue.ruler_patterns()
    assert new not in pipeline.catalogue.ruler_patterns()
    ruler = custom_pipeline.nlp.get_pipe("eventwire_ruler")
    assert any(p["pattern"] == "CDB" and p["id"] == "Crimson Dawn Brigade" for p in ruler.patterns)
    assert not any(p.get("id") == "Crimson Dawn Brigade" for p in pipeline.nlp.get_pipe("eventwire_ruler").patterns)


def test_a_catalogue_from_another_data_dir(tmp_path, groups_file, language):
    """`data_dir` points the loader at another copy of the data (here: the package's, with one more group)."""
    data_dir = tmp_path / "data"
    shutil.copytree(actors.DATA_DIR / "actors", data_dir / "actors")
    shutil.copy(actors.COUNTRIES_TSV, data_dir / "countries.tsv")
    with open(data_dir / "actors" / "groups.yaml", "a", encoding="utf-8") as fh:
        fh.write(GROUP_YAML)
    custom = actors.load_catalogue(language, data_dir=data_dir)
    assert custom.resolve("CDB").name == "Crimson Dawn Brigade"
    assert custom.stats()["actors"] == actors.load_catalogue(language).stats()["actors"] + 1


def test_load_catalogue_builds_a_new_catalogue_each_time(language):
    assert actors.load_catalogue(language) is not actors.load_catalogue(language)
    assert not hasattr(actors.load_catalogue, "cache_info")


def test_parsed_docs_analysed_give_what_pipe_gives(pipeline):
    articles = [{"id": "raid", "text": TEXT, "published": PUBLISHED},
                {"id": "weather", "text": "The weather was mild and the market opened late."},
                {"id": "empty", "text": ""},
                {"id": "march", "text": "Thousands marched in Accra on Friday to demand lower fuel prices. "
                                        "Police fired tear gas at the crowd.", "published": PUBLISHED}]
    piped = {r.article.id: [e.to_json() for e in r.events] for r in pipeline.pipe(articles)}
    replayed = {r.article.id: [e.to_json() for e in pipeline.analyse(doc, r.article)[1]]
                for r, doc in pipeline.parsed(articles)}
    assert "empty" not in replayed and replayed["raid"] and replayed["march"]
    assert replayed == {aid: events for aid, events in piped.items() if aid in replayed}
    assert not any(piped[aid] for aid in piped.keys() - replayed.keys())
