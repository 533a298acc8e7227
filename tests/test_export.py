"""Every export format, read back by its own reader: csv, json, pyarrow."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from eventfactory import MOSUL, make_event, make_result
from eventwire import export
from eventwire.cli import cli
from eventwire.records import Event
from eventwire.storage.store import Store


@pytest.fixture
def store(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 'ex.db'}")
    s.add_result(make_result("r1", [make_event("r1", fatalities=12, assoc1=["Free Syrian Army"])],
                             url="https://wire.example/r1", source="Wire One"))
    s.add_result(make_result("r2", [make_event("r2", fatalities=9, date="2017-02-10")],
                             url="https://wire.example/r2", source="Wire Two"))
    s.add_result(make_result("m1", [make_event("m1", etype="Violence against civilians", sub="Attack",
                                               actor2="Civilians", inter2=7, date="2017-03-01", **MOSUL)]))
    s.add_result(make_result("n1", [make_event("n1", lat=None, etype="Protests", sub="Peaceful protest",
                                               actor1="Protesters (Syria)", inter1=6, actor2=None, inter2=None,
                                               date="2017-02-15", precision="month")]))
    s.run_dedup()
    yield s
    s.close()


def _rows(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_acled_csv_has_acleds_columns_and_codes(store, tmp_path):
    out = tmp_path / "acled.csv"
    assert export.export(store.iter_events(), "acled-csv", out) == 3
    rows = _rows(out)
    assert list(rows[0])[:31] == export.ACLED_COLUMNS
    battle = next(r for r in rows if r["event_type"] == "Battles")
    assert battle["event_id_cnty"].startswith("SYR")
    assert battle["event_date"] == "2017-02-09" and battle["year"] == "2017" and battle["time_precision"] == "1"
    assert battle["iso"] == "760" and battle["country"] == "Syria" and battle["admin1"] == "Aleppo"
    assert (battle["inter1"], battle["inter2"], battle["interaction"]) == ("2", "8", "28")
    assert battle["fatalities"] == "9" and battle["source_count"] == "2"
    assert battle["source"] == "Wire One; Wire Two"
    assert battle["assoc_actor_1"] == "Free Syrian Army"
    assert battle["disorder_type"] == "Political violence"
    assert float(battle["latitude"]) == pytest.approx(36.37) and battle["geo_precision"] == "1"
    attack = next(r for r in rows if r["event_type"] == "Violence against civilians")
    assert attack["civilian_targeting"] == "Civilian targeting" and attack["iso"] == "368"
    assert attack["fatalities"] == "0" and attack["fatalities_reported"] == ""  # ACLED's 0, our honest blank
    protest = next(r for r in rows if r["event_type"] == "Protests")
    assert protest["interaction"] == "60" and protest["time_precision"] == "3" and protest["latitude"] == ""


def test_plover_jsonl(store, tmp_path):
    out = tmp_path / "plover.jsonl"
    export.export(store.iter_events(), "plover-jsonl", out)
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(recs) == 3
    battle = next(r for r in recs if r["acled_event_type"] == "Battles")
    assert battle["event"] == "ASSAULT" and battle["context"] == ["military"]
    assert [a["name"] for a in battle["source"]] == ["Islamic State", "Free Syrian Army"]
    assert battle["target"][0]["country"] == "TUR" and battle["target_countries"] == ["TUR"]
    assert battle["dead"] == 9 and battle["date"] == "2017-02-09"
    assert battle["location"]["name"] == "Al Bab" and battle["source_count"] == 2
    assert battle["urls"] == ["https://wire.example/r1", "https://wire.example/r2"]


def test_geojson_feature_collection(store, tmp_path):
    out = tmp_path / "events.geojson"
    export.export(store.iter_events(), "geojson", out)
    doc = json.loads(out.read_text())
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 3
    placed = [f for f in doc["features"] if f["geometry"]]
    assert len(placed) == 2
    mosul = next(f for f in placed if f["properties"]["location"] == "Mosul")
    assert mosul["geometry"] == {"type": "Point", "coordinates": [43.13, 36.34]}  # GeoJSON is lon, lat
    unplaced = next(f for f in doc["features"] if f["geometry"] is None)
    assert unplaced["properties"]["event_type"] == "Protests"


def test_geojson_of_nothing_is_still_valid():
    buf = io.StringIO()
    assert export.write_geojson([], buf) == 0
    assert json.loads(buf.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_parquet_reads_back_with_types(store, tmp_path):
    out = tmp_path / "events.parquet"
    export.export(store.iter_events(), "parquet", out)
    table = pq.read_table(out)
    assert table.num_rows == 3
    assert str(table.schema.field("event_date").type) == "date32[day]"
    assert str(table.schema.field("fatalities").type) == "int64"
    assert str(table.schema.field("latitude").type) == "double"
    rows = table.to_pylist()
    battle = next(r for r in rows if r["event_type"] == "Battles")
    assert battle["event_date"] == dt.date(2017, 2, 9) and battle["fatalities"] == 9 and battle["iso"] == 760
    assert json.loads(battle["record_json"])["location"]["name"] == "Al Bab"
    protest = next(r for r in rows if r["event_type"] == "Protests")
    assert protest["latitude"] is None


def test_parquet_carries_every_event_field_in_record_json(tmp_path):
    from eventwire.records import event_fields, field_paths

    ev = make_event("full", fatalities=3, assoc1=["Free Syrian Army"])
    out = tmp_path / "one.parquet"
    export.export([ev], "parquet", out)
    record = json.loads(pq.read_table(out).to_pylist()[0]["record_json"])
    assert list(record) == event_fields()
    assert Event.from_dict(record) == ev
    assert "location.geonameid" in field_paths() and "assoc_actor1.name" in field_paths()


def test_empty_parquet_keeps_its_schema(tmp_path):
    out = tmp_path / "none.parquet"
    assert export.export([], "parquet", out) == 0
    table = pq.read_table(out)
    assert table.num_rows == 0 and "event_id_cnty" in table.column_names


def test_exports_use_reviewed_values(store, tmp_path):
    battle = store.query_events(event_type="Battles")[0]
    store.add_review(battle.id, "fatalities", "edited", 14, reviewer="ana")
    out = tmp_path / "reviewed.csv"
    export.export(store.iter_events(), "acled-csv", out)
    assert next(r for r in _rows(out) if r["event_type"] == "Battles")["fatalities"] == "14"


def test_a_failed_export_leaves_no_file(tmp_path):
    def broken():
        yield make_event("a").to_dict()
        raise RuntimeError("database went away")

    out = tmp_path / "partial.csv"
    with pytest.raises(RuntimeError):
        export.export(broken(), "acled-csv", out)
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_plain_schema_records_export_too():
    buf = io.StringIO()
    export.write_acled_csv([make_event("x", fatalities=2)], buf)
    row = next(csv.DictReader(io.StringIO(buf.getvalue())))
    assert row["fatalities"] == "2" and row["event_id_cnty"].startswith("ew-")


def test_cli_export_and_events(store, tmp_path):
    runner = CliRunner()
    out = tmp_path / "cli.parquet"
    res = runner.invoke(cli, ["export", "--db", store.url, "--format", "parquet", "--out", str(out),
                              "--country", "Syria"])
    assert res.exit_code == 0, res.output
    assert pq.read_table(out).num_rows == 1  # the battle; the protest has no place, so no country
    res = runner.invoke(cli, ["events", "--db", store.url, "--format", "jsonl", "--min-fatalities", "5"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.output.splitlines()]
    assert len(lines) == 1 and lines[0]["fatalities"] == 9 and lines[0]["source_count"] == 2
    res = runner.invoke(cli, ["events", "--db", store.url, "--format", "csv", "--type", "Protests", "--all"])
    assert list(csv.DictReader(io.StringIO(res.output)))[0]["event_type"] == "Protests"
    res = runner.invoke(cli, ["events", "--db", store.url, "--format", "table", "--from", "2017-03-01"])
    assert res.exit_code == 0 and "Mosul" in res.output and "1 event" in res.output
    res = runner.invoke(cli, ["events", "--db", store.url, "--country", "Atlantis"])
    assert res.exit_code != 0 and "unknown country" in res.output
    res = runner.invoke(cli, ["export", "--db", store.url, "--format", "geojson", "--from", "Feb 9"])
    assert res.exit_code != 0 and "Traceback" not in res.output


def test_reading_commands_do_not_create_a_database_under_a_mistyped_name(tmp_path):
    missing = tmp_path / "typo.db"
    for args in (["events"], ["export", "--format", "acled-csv"]):
        res = CliRunner().invoke(cli, [*args, "--db", str(missing)])
        assert res.exit_code == 2 and "no database at" in res.output and "Traceback" not in res.output
    assert not missing.exists()


def test_cli_dedup(store):
    res = CliRunner().invoke(cli, ["dedup", "--db", store.url, "--full"])
    assert res.exit_code == 0 and "4 reports clustered, 0 events changed, 3 events in all" in res.output
