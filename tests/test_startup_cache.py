"""The compiled cache (eventwire.compiled) that makes start-up fast: a Pipeline whose resources come from the cache
gives the same records as one that built them; the cache follows the data files; a broken cache file is built
again, never fatal; the entity ruler built from compiled patterns finds what spaCy's own finds."""

from __future__ import annotations

import os
import pickle
import shutil
import time

import pytest
import spacy

from eventwire import compiled
from eventwire.compiled import CompiledCache, content_hash
from eventwire.extraction import nlp as ew_nlp
from eventwire.extraction.pipeline import Pipeline
from eventwire.geo.index import STALE_AFTER_SECONDS
from eventwire.lang import LANG_DIR, LanguageData, read_yaml

# sentences written for these tests: named groups, places, a person, numbers, dates
TEXTS = [
    "Gunmen from Boko Haram attacked a military base near Maiduguri on Tuesday, killing six soldiers.",
    "Russian forces shelled Kharkiv overnight; two civilians died and nine were wounded, officials said.",
    "Al-Shabaab claimed a suicide bombing at a checkpoint in Mogadishu that killed at least 12 people.",
    "Police in Santiago fired tear gas at protesters who blocked the Alameda on Friday.",
    "The Syrian army retook the town of Saraqib from Hayat Tahrir al-Sham fighters, state media reported.",
    "Kidnappers seized three aid workers on the road from Kidal to Gao, the United Nations said on 3 May 2024.",
]
PUBLISHED = "2024-05-06"


def records(pipeline: Pipeline) -> list[str]:
    arts = [{"id": str(i), "text": t, "published": PUBLISHED} for i, t in enumerate(TEXTS)]
    out = []
    for res in pipeline.pipe(arts):
        assert res.error is None
        out.extend(ev.to_json() for ev in res.events)
        out.extend(repr(pm.to_dict()) for pm in res.places)
    return out


# -- the cache itself --------------------------------------------------------------------------------------------
def test_a_resource_is_built_once_then_read(tmp_path):
    cache = CompiledCache(tmp_path)
    built = []
    assert cache.load_or_build("thing", "k1", lambda: built.append(1) or {"a": [1, 2]}) == {"a": [1, 2]}
    assert cache.load_or_build("thing", "k1", lambda: built.append(1) or {"a": "other"}) == {"a": [1, 2]}
    assert built == [1]


def _age(path, seconds):
    stamp = time.time() - seconds
    os.utime(path, (stamp, stamp))


def test_a_new_key_builds_again_and_removes_the_old_file_once_stale(tmp_path):
    cache = CompiledCache(tmp_path)
    cache.load_or_build("thing", "old", lambda: 1)
    _age(cache.path("thing", "old"), STALE_AFTER_SECONDS + 60)
    assert cache.load_or_build("thing", "new", lambda: 2) == 2
    assert [p.name for p in tmp_path.glob("thing-*.pickle")] == ["thing-new.pickle"]
    assert not list(tmp_path.glob(".thing-*"))  # no temporary file left behind


def test_another_installation_s_recent_file_is_left_alone(tmp_path):
    # two installs sharing one cache folder must not delete each other's files while both are in use
    cache = CompiledCache(tmp_path)
    cache.load_or_build("thing", "theirs", lambda: 1)
    assert cache.load_or_build("thing", "ours", lambda: 2) == 2
    assert sorted(p.name for p in tmp_path.glob("thing-*.pickle")) == ["thing-ours.pickle", "thing-theirs.pickle"]
    assert cache.load_or_build("thing", "theirs", lambda: 3) == 1


def test_a_gazetteer_index_removed_under_a_running_process_is_built_again(tmp_path, monkeypatch):
    from eventwire.geo.gazetteer import Gazetteer
    from eventwire.geo.index import index_path

    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(tmp_path / "cache"))
    gazetteer = Gazetteer.open_default(show_progress=False)
    assert gazetteer.path == index_path()
    assert gazetteer.has_key("paris", 0)
    gazetteer.path.unlink()  # the cache cleared by hand, or another install's clean-up, while we run
    gazetteer._pid = -1  # as in a forked worker, which opens the index afresh
    assert gazetteer.has_key("paris", 0)
    assert gazetteer.path.exists()


@pytest.mark.parametrize("garbage", [b"", b"not a pickle at all", pickle.dumps([1, 2, 3])[:-3]])
def test_a_corrupt_file_is_built_again(tmp_path, garbage):
    cache = CompiledCache(tmp_path)
    cache.path("thing", "k").parent.mkdir(parents=True, exist_ok=True)
    cache.path("thing", "k").write_bytes(garbage)
    assert cache.load_or_build("thing", "k", lambda: "rebuilt") == "rebuilt"
    assert cache.load_or_build("thing", "k", lambda: "again") == "rebuilt"  # and the good file is kept


def test_an_unwritable_cache_is_not_fatal(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    cache = CompiledCache(blocker / "compiled")
    assert cache.load_or_build("thing", "k", lambda: 42) == 42


def test_a_disabled_cache_reads_and_writes_nothing(tmp_path):
    cache = CompiledCache(tmp_path, enabled=False)
    assert cache.load_or_build("thing", "k", lambda: 1) == 1
    assert not list(tmp_path.iterdir())


def test_content_hash_follows_the_contents(tmp_path):
    f = tmp_path / "words.tsv"
    f.write_text("a\tb\n")
    first = content_hash([f])
    assert content_hash([f]) == first
    f.write_text("a\tc\n")
    assert content_hash([f]) != first
    f.unlink()
    assert content_hash([f]) not in (first, content_hash([tmp_path / "other"]))


def test_an_edited_yaml_file_is_read_again(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_CACHE_DIR", str(tmp_path / "cache"))
    f = tmp_path / "settings.yaml"
    f.write_text("limit: 3\nwords: [a, b]\n")
    assert read_yaml(f) == {"limit": 3, "words": ["a", "b"]}
    assert read_yaml(f) == {"limit": 3, "words": ["a", "b"]}  # from the cache now
    assert len(list((tmp_path / "cache" / "compiled").glob("yaml_settings_*.pickle"))) == 1
    f.write_text("limit: 4\nwords: [a, b]\n")
    assert read_yaml(f) == {"limit": 4, "words": ["a", "b"]}


def test_an_edited_language_file_changes_the_resources_key(tmp_path):
    root = tmp_path / "en"
    shutil.copytree(LANG_DIR / "en", root, ignore=shutil.ignore_patterns("typing"))
    key = Pipeline(language=LanguageData("en", root)).resources_key
    assert Pipeline(language=LanguageData("en", root)).resources_key == key
    words = root / "actors" / "words.yaml"
    words.write_text(words.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    assert Pipeline(language=LanguageData("en", root)).resources_key != key


# -- the ruler from compiled patterns ------------------------------------------------------------------------------
PATTERNS = [
    {"label": "ORG", "pattern": "Crimson Dawn Brigade", "id": "Crimson Dawn Brigade"},
    {"label": "ORG", "pattern": "CDB", "id": "Crimson Dawn Brigade"},
    {"label": "GPE", "pattern": "Port Velmar"},
    {"label": "GPE", "pattern": "Velmar", "id": ""},
    {"label": "NORP", "pattern": [{"LOWER": "velmari"}], "id": "Velmar"},
    {"label": "LOC", "pattern": [{"ORTH": "Iron"}, {"ORTH": "Coast"}]},
    {"label": "GPE", "pattern": "St. Ives-on-Velm"},
]
RULER_TEXT = ("Crimson Dawn Brigade (CDB) fighters left Port Velmar for the Iron Coast; velmari officials in Velmar and "
              "St. Ives-on-Velm said the CDB had gone.")


def ents(doc) -> list[tuple]:
    return [(e.start, e.end, e.label_, e.ent_id_) for e in doc.ents]


def test_the_compiled_ruler_finds_what_spacys_ruler_finds():
    expected_nlp = spacy.blank("en")
    ruler = expected_nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True})
    ruler.add_patterns(PATTERNS)
    compiled_nlp = spacy.blank("en")
    compiled = ew_nlp.compile_patterns(compiled_nlp, PATTERNS)
    compiled_nlp = spacy.blank("en")  # a fresh vocabulary: nothing left from compiling
    ew_nlp.add_ruler(compiled_nlp, pickle.loads(pickle.dumps(compiled)))
    expected = ents(expected_nlp(RULER_TEXT))
    assert len(expected) >= 6
    assert ents(compiled_nlp(RULER_TEXT)) == expected
    compiled_ruler = compiled_nlp.get_pipe(ew_nlp.RULER_NAME)
    assert len(compiled_ruler) == len(ruler) == len(PATTERNS)
    assert sorted(map(repr, compiled_ruler.patterns)) == sorted(map(repr, ruler.patterns))


# -- whole pipelines -------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("compiled")


@pytest.fixture(scope="module")
def built_pipeline(cache_dir):
    """Builds every resource (and writes the cache); outside spaCy's memory zones."""
    p = Pipeline(batch_size=2)
    p.compiled = CompiledCache(cache_dir)
    p._run_batch = p._extract_batch  # the batches as before memory zones: the reference
    return p


def test_a_pipeline_from_the_cache_gives_the_same_records(built_pipeline, cache_dir, monkeypatch):
    reference = records(built_pipeline)
    assert reference
    assert {p.name.split("-")[0] for p in cache_dir.glob("*.pickle")} >= {"catalogue", "ruler"}

    def no_building(*args, **kwargs):
        raise AssertionError("built again instead of read from the cache")

    monkeypatch.setattr("eventwire.extraction.actors.load_catalogue", no_building)
    monkeypatch.setattr(ew_nlp, "compile_patterns", no_building)
    cached = Pipeline(batch_size=2)  # small batches: several memory zones
    cached.compiled = CompiledCache(cache_dir)
    assert records(cached) == reference
    assert records(cached) == reference  # again, after the zones freed the first pass's strings
    for path in cache_dir.glob("ruler-*.pickle"):
        path.write_bytes(b"\x80\x05truncated")
    monkeypatch.undo()
    rebuilt = Pipeline()
    rebuilt.compiled = CompiledCache(cache_dir)
    assert records(rebuilt) == reference
    assert compiled.read(next(cache_dir.glob("ruler-*.pickle")))  # written anew


def test_two_workers_give_the_records_of_one(pipeline):
    arts = [{"id": str(i), "text": t, "published": PUBLISHED} for i, t in enumerate(TEXTS * 3)]
    one = [(r.article.id, [e.to_json() for e in r.events]) for r in pipeline.pipe(arts)]
    saved = pipeline.workers, pipeline.batch_size
    pipeline.workers, pipeline.batch_size = 2, 2
    try:
        two = [(r.article.id, [e.to_json() for e in r.events]) for r in pipeline.pipe(arts)]
    finally:
        pipeline.workers, pipeline.batch_size = saved
    assert two == one


def test_a_catalogue_read_back_from_a_pickle_still_refuses_duplicates(catalogue):
    copy = pickle.loads(pickle.dumps(catalogue))
    assert copy.index._added is None  # not stored: rebuilt when needed
    entry = next(iter(copy.entries.values()))
    before = sum(len(t) for t in copy.index.targets.values())
    copy.alias("Velmar Liberation Front", entry, "group")
    copy.alias("Velmar Liberation Front", entry, "group")
    assert sum(len(t) for t in copy.index.targets.values()) == before + 1
    assert copy.resolve("Velmar Liberation Front") is not None


def test_large_arrays_are_mapped_from_the_file_and_a_truncated_file_is_built_again(tmp_path):
    import numpy as np

    cache = CompiledCache(tmp_path)
    table = np.arange(100_000, dtype=np.float32).reshape(1000, 100)
    cache.load_or_build("arrays", "k", lambda: {"table": table, "labels": ["a", "b"]})
    read_back = cache.load_or_build("arrays", "k", lambda: None)
    assert read_back["labels"] == ["a", "b"] and np.array_equal(read_back["table"], table)
    assert not read_back["table"].flags.writeable  # a view of the file, not a copy
    path = cache.path("arrays", "k")
    path.write_bytes(path.read_bytes()[:-1000])
    assert cache.load_or_build("arrays", "k", lambda: "rebuilt") == "rebuilt"
