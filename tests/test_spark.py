"""eventwire on Spark (local mode): the extraction equals the single-process one, bad articles become error
rows, and the Spark dedup gives exactly eventwire.dedup's clusters and merged records.

One SparkSession (local[2]) serves the whole module: starting the JVM is the slow part.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import shutil
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventfactory import make_event
from eventwire import dedup
from eventwire import spark as S
from eventwire.cli import cli
from eventwire.records import Event
from eventwire.report import counted

pytestmark = [pytest.mark.spark,
              # pyspark's own notice about pandas 3; eventwire's Spark jobs do not use pandas
              pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas")]

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "batch.jsonl"


def _spark_missing() -> str | None:
    if S.pyspark is None:
        return "pyspark is not installed (pip install 'eventwire[spark]')"
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        return "no Java runtime (java not on PATH, JAVA_HOME unset); Spark needs Java 17+"
    return None


needs_spark = pytest.mark.skipif(_spark_missing() is not None, reason=_spark_missing() or "")


@pytest.fixture(scope="module")
def spark():
    if _spark_missing():
        pytest.skip(_spark_missing())
    session = S.session("local[2]", app_name="eventwire tests")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def example_articles() -> list[dict]:
    return [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def pipeline():
    from eventwire.extraction.pipeline import Pipeline

    p = Pipeline()
    p.nlp  # noqa: B018
    return p


def by_id(records):
    return sorted(records, key=lambda r: (r["article_id"], r["event_id"]))


def single_process(pipeline, articles) -> list[dict]:
    results = list(pipeline.pipe(articles))
    assert not [r.error for r in results if r.error]
    return by_id(ev.to_dict() for res in results for ev in res.events)


# ---------------------------------------------------------------------------------------------------------
# pure helpers (no JVM)
# ---------------------------------------------------------------------------------------------------------
@needs_spark
def test_the_spark_schema_has_exactly_the_fields_of_an_event_record():
    ev = make_event("a1", assoc1=("Free Syrian Army",), fatalities=3)
    assert S.record_names() == list(ev.to_dict())
    assert set(S.event_schema().fieldNames()) == set(ev.to_dict()) | {"error", "event_date"}


@needs_spark
def test_the_spark_schema_is_derived_from_the_record_dataclasses():
    from pyspark.sql import types as T

    from eventwire.records import field_paths

    def leaves(dtype, prefix=""):
        for f in dtype.fields:
            inner = f.dataType.elementType if isinstance(f.dataType, T.ArrayType) else f.dataType
            if isinstance(inner, T.StructType):
                yield from leaves(inner, prefix + f.name + ".")
            else:
                yield prefix + f.name
    assert list(leaves(T.StructType(S.record_fields()))) == field_paths()
    place = {f.name: f.dataType for f in S._place_type().fields}
    assert isinstance(place["geonameid"], T.LongType) and isinstance(place["precision"], T.IntegerType)


@needs_spark
def test_conform_shapes_values_to_the_schema_and_never_raises():
    from pyspark.sql import types as T

    place = S._place_type()
    row = S.conform({"name": "Kherson", "lat": 46, "lon": "32.6", "precision": 2.0, "geonameid": "x"}, place)
    assert row[:3] == ("Kherson", 46.0, 32.6) and isinstance(row[1], float)
    assert row[place.fieldNames().index("precision")] == 2
    assert row[place.fieldNames().index("geonameid")] is None  # unconvertible -> null, not a failed task
    assert S.conform(None, place) is None
    assert S.conform([{"name": "A"}], T.ArrayType(S._actor_type()))[0][0] == "A"


def test_json_lines_become_articles_or_error_pairs():
    art = S.article_from_line('{"id": 7, "text": "Gunmen attacked a bus.", "published": "2020-01-02"}',
                              "file:///data/day1.jsonl")
    assert art["id"] == 7 and art["text"].startswith("Gunmen")
    no_id = S.article_from_line('{"text": "Gunmen attacked a bus."}', "file:///data/day1.jsonl")
    again = S.article_from_line('{"text": "Gunmen attacked a bus."}', "s3a://bucket/day1.jsonl")
    assert no_id["id"].startswith("day1:") and no_id["id"] == again["id"]  # stable, from the text
    bad = S.article_from_line('{"id": "x", "text": ', "/data/day1.jsonl")
    assert isinstance(bad, tuple) and bad[0].startswith("day1:") and "not a JSON line" in bad[1]
    assert S.article_from_line("[1, 2]", "/data/day1.jsonl")[1] == "an article must be a JSON object"
    assert S.article_from_line("   ", "/data/day1.jsonl") is None


def test_table_rows_become_articles_with_string_ids_and_dates():
    art = S.article_from_row({"id": 12, "text": "T", "published": dt.date(2021, 3, 4), "url": None}, "x.parquet")
    assert art == {"id": "12", "text": "T", "published": "2021-03-04"}
    assert S.article_from_row({"text": "T"}, "/in/batch.parquet")["id"].startswith("batch:")


def test_partition_dates_are_days_or_null():
    assert S.partition_date("2019-03-12") == "2019-03-12"
    assert S.partition_date(None) is None and S.partition_date("2019-13-40") is None


def test_one_failing_article_becomes_an_error_row_and_the_others_go_on():
    class Flaky:
        """A pipeline whose batch call breaks on one article (a bug, not a handled bad input)."""

        batch_size = 4

        def pipe(self, articles):
            from eventwire.records import Article, ArticleResult

            articles = list(articles)
            if any(a["id"] == "boom" for a in articles):
                if len(articles) > 1:
                    raise RuntimeError("batch broke")
                raise MemoryError("too big")
            for a in articles:
                ev = make_event(a["id"])
                yield ArticleResult(article=Article(id=a["id"], text=a["text"]), events=[ev])

    items = [{"id": "a", "text": "x"}, {"id": "boom", "text": "y"}, ("c:1", "not a JSON line"),
             {"id": "d", "text": "z"}, {"id": "e", "text": "w"}]
    rows = list(S.extract_items(items, pipeline=Flaky()))
    errors = {r["article_id"]: r["error"] for r in rows if r["error"]}
    assert errors == {"boom": "extraction failed: MemoryError: too big", "c:1": "not a JSON line"}
    assert sorted(r["article_id"] for r in rows if not r["error"]) == ["a", "d", "e"]
    assert all(r["event_date"] == "2017-02-09" for r in rows if not r["error"])


# ---------------------------------------------------------------------------------------------------------
# extraction on Spark == extraction in one process
# ---------------------------------------------------------------------------------------------------------
def test_spark_extract_equals_the_single_process_output_and_isolates_bad_articles(spark, tmp_path, pipeline,
                                                                                 example_articles):
    lines = [json.dumps(a, ensure_ascii=False) for a in example_articles]
    lines[3:3] = ['{"id": "broken", "text": "half a line', json.dumps({"id": "empty", "text": "  "}),
                  json.dumps({"id": "numeric-text", "text": 42}), ""]
    src = tmp_path / "articles.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "events"

    expected = single_process(pipeline, example_articles)
    counts = S.run_extract(spark, str(src), str(out), partitions=5)
    rows = list(S.iter_output(str(out)))

    got = by_id(S._plain_record(r) for r in rows if not r["error"])
    assert got == expected
    errors = {r["article_id"]: r["error"] for r in rows if r["error"]}
    assert set(errors) == {"empty", "numeric-text"} | {k for k in errors if k.startswith("articles:")}
    assert len(errors) == 3 and "not a JSON line" in next(v for k, v in errors.items() if k.startswith("articles:"))
    assert counts == {"events": len(expected), "errors": 3}
    # what the examples guarantee: every article reports at least one event
    assert {r["article_id"] for r in got} == {a["id"] for a in example_articles}
    # partitioned by the event's own date
    dirs = {p.name for p in out.iterdir() if p.is_dir()}
    assert {f"event_date={r['date']}" for r in got if r["date"]} <= dirs
    assert all(r["event_date"] == r["date"] for r in rows if not r["error"] and r["date"])

    # an existing output is never overwritten by accident
    with pytest.raises(S.SparkJobError, match="cannot write"):
        S.run_extract(spark, str(src), str(out))


def test_spark_extract_reads_parquet_articles_with_date_columns(spark, tmp_path, pipeline, example_articles):
    import pyarrow as pa
    import pyarrow.parquet as pq

    chosen = example_articles[:4]
    table = pa.table({"id": [a["id"] for a in chosen], "text": [a["text"] for a in chosen],
                      "published": [dt.date.fromisoformat(a["published"]) for a in chosen],
                      "source": [a["source"] for a in chosen], "extra": [1, 2, 3, 4]})
    pq.write_table(table, tmp_path / "articles.parquet")
    out = tmp_path / "events"
    expected = single_process(pipeline, chosen)
    S.run_extract(spark, str(tmp_path / "articles.parquet"), str(out))
    got = by_id(r for r in S.iter_records(str(out)) if isinstance(r, dict))
    assert got == expected and got


def test_bad_inputs_are_clear_errors(spark, tmp_path):
    with pytest.raises(S.SparkJobError, match="cannot read"):
        S.run_extract(spark, str(tmp_path / "nowhere.jsonl"), str(tmp_path / "out"))
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"body": ["x"]}), tmp_path / "t.parquet")
    with pytest.raises(S.SparkJobError, match="no 'text' column"):
        S.run_extract(spark, str(tmp_path / "t.parquet"), str(tmp_path / "out"))
    with pytest.raises(S.SparkJobError, match="cannot tell the format"):
        S.detect_format(str(tmp_path / "articles.txt"))
    (tmp_path / "empty.jsonl").write_text("\n\n", encoding="utf-8")
    out = tmp_path / "out-local[2]"  # brackets: a glob to Hadoop, a plain name to us
    assert S.run_extract(spark, str(tmp_path / "empty.jsonl"), str(out)) == {"events": 0, "errors": 0}
    assert list(S.iter_output(str(out))) == []


# ---------------------------------------------------------------------------------------------------------
# dedup on Spark == eventwire.dedup
# ---------------------------------------------------------------------------------------------------------
TOWNS = [  # a few towns under 25 km apart, so reports chain from town to town
    dict(place="Al Bab", lat=36.370, lon=37.515, country="SYR", admin1="Aleppo"),
    dict(place="Tadif", lat=36.348, lon=37.530, country="SYR", admin1="Aleppo"),
    dict(place="Qabasin", lat=36.376, lon=37.680, country="SYR", admin1="Aleppo"),
    dict(place="Manbij", lat=36.528, lon=37.955, country="SYR", admin1="Aleppo"),
    dict(place="Mosul", lat=36.340, lon=43.130, country="IRQ", admin1="Nineveh"),
    dict(place="Bartella", lat=36.352, lon=43.379, country="IRQ", admin1="Nineveh"),
]
KINDS = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"), ("Riots", "Mob violence")]
ACTORS = ["Islamic State", "Military Forces of Syria", "Military Forces of Turkey", "Unidentified Armed Group",
          None]


def synthetic_reports(n: int, seed: int) -> list[Event]:
    """Reports of overlapping events: a few towns, a week, confusable types, vague dates and regions,
    and several events per article (which may never merge with each other)."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        town = dict(rng.choice(TOWNS))
        town["lat"] += rng.uniform(-0.05, 0.05)
        town["lon"] += rng.uniform(-0.05, 0.05)
        etype, sub = rng.choice(KINDS)
        precision = rng.choices(["day", "week", "month", "year"], [20, 3, 2, 1])[0]
        geo = rng.choices([1, 2, 3], [10, 3, 2])[0]
        if geo == 3:
            town.update(lat=36.2 if town["country"] == "SYR" else 36.0, lon=37.16 if town["country"] == "SYR"
                        else 43.0)
        a1, a2 = rng.choice(ACTORS), rng.choice(ACTORS)
        if rng.random() < 0.04:
            town["lat"] = town["lon"] = None
        out.append(make_event(
            f"art{rng.randrange(n // 2)}", etype=etype, sub=sub, date=f"2017-02-{rng.randint(5, 12):02d}"
            if rng.random() > 0.03 else None, precision=precision, geo=geo, actor1=a1, actor2=a2,
            fatalities=rng.choice([None, 0, 2, 5, 12]), confidence=round(rng.uniform(0.3, 0.9), 2),
            modality=rng.choices(["asserted", "future"], [9, 1])[0], start=i * 100, **town))
    return out


def _groups(pairs) -> set[frozenset]:
    g = defaultdict(set)
    for eid, cid in pairs:
        g[cid].add(eid)
    return {frozenset(v) for v in g.values()}


def test_block_entries_meet_for_every_compatible_pair():
    keys = [dedup.key_of(e) for e in synthetic_reports(300, seed=3)]
    homes, probes = defaultdict(set), defaultdict(set)
    for k in keys:
        for block, (is_home, _) in S.block_entries(k):
            (homes if is_home else probes)[k.id].add(block)
    for a in keys:
        for b in keys:
            if a.id != b.id and dedup.compatible_keys(a, b):
                assert probes[a.id] & homes[b.id] or probes[b.id] & homes[a.id], (a, b)


def test_connected_components_equal_union_find(spark):
    rng = random.Random(5)
    edges = [(f"n{rng.randrange(200):03d}", f"n{rng.randrange(200):03d}") for _ in range(150)]
    edges += [(f"c{(i * 7) % 60:03d}", f"c{(i * 7 + 7) % 60:03d}") for i in range(59)]  # a long, shuffled chain
    parent = {}

    def find(x):  # the textbook union-find, independent of the module's
        parent.setdefault(x, x)
        while parent[x] != x:
            x = parent[x]
        return x
    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    expected = {x: find(x) for x in parent if find(x) != x}
    assert dict(S.union_find_components(edges)) == expected
    got = dict(S.connected_components(spark.sparkContext.parallelize(edges, 2)).collect())
    assert got == expected


def test_spark_dedup_gives_the_clusters_and_records_of_eventwire_dedup(spark, tmp_path):
    reports = synthetic_reports(400, seed=11)
    records = [e.to_dict() for e in reports]
    expected_clusters = dedup.cluster(records)
    expected = {frozenset(c.ids) for c in expected_clusters}
    assert sum(len(c) > 1 for c in expected) >= 20  # the data must exercise merging
    # greedy complete linkage is not single linkage: plain components of compatible pairs would differ
    keys = [dedup.key_of(r) for r in records]
    pairs = [(a.id, b.id) for a in keys for b in keys
             if a.id < b.id and a.article != b.article and dedup.compatible_keys(a, b)]
    leaf_centre = S.union_find_components(pairs)
    components = _groups(leaf_centre + [(c, c) for c in {c for _, c in leaf_centre}])
    assert {c for c in expected if len(c) > 1} != components

    df = spark.createDataFrame(spark.sparkContext.parallelize([S.conform(S.event_row(r), S.event_schema())
                                                               for r in records], 3), S.event_schema())
    assigned = S.cluster_assignments(S._records(df), driver_edges=0).collect()  # components in Spark
    assert _groups((eid, cid) for eid, (cid, _) in assigned) == expected

    S.write_partitioned(S.dedup_dataframe(spark, df), str(tmp_path / "dedup"))  # components on the driver
    rows = list(S.iter_output(str(tmp_path / "dedup")))
    by_record = {r["event_id"]: r for r in records}
    want = {}
    for c in expected_clusters:
        merged = dedup.merge([by_record[i] for i in c.ids]).to_dict()
        want[c.ids[0]] = (merged, [i for i in c.ids])
    assert len(rows) == len(want)
    for row in rows:
        merged, ids = want[row["cluster_id"]]
        assert S._plain_record(row) == merged
        assert [s["event_id"] for s in row["sources"]] == ids
        assert row["source_count"] == len({by_record[i]["article_id"] for i in ids})


# ---------------------------------------------------------------------------------------------------------
# the CLI: spark extract / spark dedup / load
# ---------------------------------------------------------------------------------------------------------
def test_cli_spark_extract_dedup_and_load_into_the_store(spark, tmp_path, example_articles):
    src = tmp_path / "few.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in example_articles[:3]) + "\n", encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(cli, ["spark", "extract", str(src), str(tmp_path / "ev"), "--master", "local[2]"])
    assert res.exit_code == 0, res.output
    assert re.search(r"\d+ failed articles? written to", res.output)
    res = runner.invoke(cli, ["spark", "dedup", str(tmp_path / "ev"), str(tmp_path / "dd")])
    assert res.exit_code == 0, res.output
    records = [r for r in S.iter_records(str(tmp_path / "ev")) if isinstance(r, dict)]
    deduped = list(S.iter_output(str(tmp_path / "dd")))
    assert len(deduped) == len(dedup.cluster(records)) and sum(r["source_count"] >= 1 for r in deduped)

    db = tmp_path / "store.db"
    res = runner.invoke(cli, ["load", str(tmp_path / "ev"), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert f"{counted(len(records), 'new event report')} loaded" in res.output
    res = runner.invoke(cli, ["load", str(tmp_path / "ev"), "--db", str(db)])
    assert "0 new event reports" in res.output  # loading again adds nothing

    from eventwire.storage.store import Store

    with Store(str(db)) as store:
        assert store.stats()["reports"] == len(records)
        assert store.stats()["events"] == len(dedup.cluster(records))


def test_cli_load_of_a_missing_path_is_a_clear_error(tmp_path):
    res = CliRunner().invoke(cli, ["load", str(tmp_path / "none"), "--db", str(tmp_path / "s.db")])
    assert res.exit_code == 2 and "cannot read" in res.output and "Traceback" not in res.output


def test_python_m_eventwire_spark_runs_the_cli_spark_commands():
    import subprocess
    import sys

    for entry in (["-m", "eventwire.spark"], [str(Path(S.__file__).with_name("submit.py"))]):
        res = subprocess.run([sys.executable, *entry, "dedup", "--help"], capture_output=True, text=True,
                             timeout=120)
        assert res.returncode == 0, res.stderr
        assert "Usage: eventwire spark dedup" in res.stdout


def test_cli_without_pyspark_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setattr(S, "pyspark", None)
    res = CliRunner().invoke(cli, ["spark", "extract", "in.jsonl", str(tmp_path / "out")])
    assert res.exit_code == 2 and "eventwire[spark]" in res.output
