"""The event filters and country names the command line and the HTTP API share (eventwire.filters, .countries)."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.countries import country_table, find_country
from eventwire.filters import (
    EventFilters,
    FilterError,
    parse_bbox,
    parse_country,
    parse_event_filters,
)


@pytest.mark.parametrize("value", ["SYR", "syr", "SY", "sy", "Syria", "SYRIA", " Syria ", "Syrian Arab Republic"])
def test_a_country_by_code_name_or_alias(value):
    assert parse_country(value) == "SYR"
    assert find_country(value) == "SYR"


@pytest.mark.parametrize("value", ["Atlantis", "XX", "", "Syr ia"])
def test_an_unknown_country_is_a_clear_error(value):
    assert find_country(value) is None
    with pytest.raises(FilterError, match="unknown country") as err:
        parse_country(value)
    assert "SYR" in str(err.value)  # says what to give instead


def test_the_country_table_is_countries_tsv_by_iso3():
    table = country_table()
    assert table["SYR"]["name"] == "Syria" and table["SYR"]["iso2"] == "SY"
    assert len(table) > 240 and all(len(iso3) == 3 and iso3.isupper() for iso3 in table)


def test_defaults_list_asserted_events_that_no_reviewer_rejected():
    f = parse_event_filters()
    assert f == EventFilters() and f.modality == "asserted" and not f.include_rejected and f.status is None
    assert set(f.query()) >= {"country", "date_from", "date_to", "actor", "event_type", "min_fatalities",
                              "modality", "include_rejected"}


def test_values_are_parsed_and_trimmed():
    f = parse_event_filters(country="Iraq", date_from="2017-03-01", date_to=dt.date(2017, 3, 5), actor=" islamic ",
                            event_type=" Riots", bbox="35,30,45,40", text=" depot ", modality="all", review="all")
    assert (f.country, f.date_from, f.date_to, f.actor, f.event_type) == (
        "IRQ", dt.date(2017, 3, 1), dt.date(2017, 3, 5), "islamic", "Riots")
    assert (f.bbox, f.text, f.modality, f.include_rejected) == ((35.0, 30.0, 45.0, 40.0), "depot", None, True)
    assert parse_event_filters(review="rejected").status == "rejected"


@pytest.mark.parametrize("kwargs, words", [
    ({"date_from": "2017-05-01", "date_to": "2017-04-01"}, "date_from is after date_to"),
    ({"date_from": "2017-05-01", "date_to": "2017-04-01", "date_names": ("--from", "--to")}, "--from is after --to"),
    ({"date_from": "May 1st"}, "date_from"),
    ({"modality": "maybe"}, "modality"),
    ({"review": "pending"}, "review"),
    ({"country": "Atlantis"}, "unknown country"),
    ({"actor": "x\x00y"}, "NUL"),
    ({"bbox": "1,2,3"}, "bbox must be four numbers"),
    ({"bbox": "10,50,20,40"}, "bbox out of range"),
])
def test_bad_values_name_the_problem(kwargs, words):
    with pytest.raises(FilterError, match=words):
        parse_event_filters(**kwargs)


def test_bbox_across_the_antimeridian_is_kept_as_given():
    assert parse_bbox("175,-25,-170,-10") == (175.0, -25.0, -170.0, -10.0)


@pytest.mark.parametrize("args, words", [
    (["--country", "Atlantis"], "unknown country"),
    (["--from", "2017-05-01", "--to", "2017-04-01"], "--from is after --to"),
])
def test_the_command_line_refuses_bad_filters_before_opening_the_store(tmp_path, args, words):
    for command in (["events"], ["export", "--format", "geojson"]):
        res = CliRunner().invoke(cli, [*command, "--db", str(tmp_path / "none.db"), *args])
        assert res.exit_code == 2 and words in res.output, res.output
        assert not (tmp_path / "none.db").exists()


def test_plover_confidence_and_source_filters_are_parsed_and_checked():
    f = parse_event_filters(plover=" coerce ", min_confidence=0.6, source=" Test Wire ")
    assert (f.plover, f.min_confidence, f.source) == ("coerce", 0.6, "Test Wire")
    assert {"plover", "min_confidence", "source"} <= set(f.query())
    assert parse_event_filters(plover="  ", source="").plover is None
    for bad in (-0.01, 1.01):
        with pytest.raises(FilterError, match="min_confidence"):
            parse_event_filters(min_confidence=bad)
    with pytest.raises(FilterError, match="source contains a NUL"):
        parse_event_filters(source="a\x00b")


def test_the_command_line_filters_by_plover_confidence_and_source(tmp_path):
    from eventfactory import make_event, make_result
    from eventwire.storage.store import Store

    db = tmp_path / "cli.db"
    store = Store(f"sqlite:///{db}")
    specs = {"coerce": (dict(etype=None, sub=None, plover="COERCE"), "Test Wire"),
             "unsure": (dict(confidence=0.2, place="Homs", lat=34.73, lon=36.72, admin1="Homs"), "Test Wire"),
             "other": (dict(place="Mosul", lat=36.34, lon=43.13, country="IRQ", admin1="Nineveh"), "Other Wire")}
    uids = {}
    for key, (kw, source) in specs.items():
        added = store.add_result(make_result(key, [make_event(key, start=len(f"Article {key}. "), **kw)], source=source))
        uids[key] = store.get_event(added.event_ids[0]).uid
    store.close()

    def listed(*args):
        res = CliRunner().invoke(cli, ["events", "--db", str(db), "--format", "jsonl", *args])
        assert res.exit_code == 0, res.output
        return {line for line in res.output.splitlines() if line.strip()}

    def uids_of(*args):
        return {key for key, uid in uids.items() if any(uid in line for line in listed(*args))}

    assert uids_of("--plover", "coerce") == {"coerce"}
    assert uids_of("--min-confidence", "0.5") == {"coerce", "other"}
    assert uids_of("--source", "Other Wire") == {"other"}
    res = CliRunner().invoke(cli, ["events", "--db", str(db), "--min-confidence", "2"])
    assert res.exit_code == 2 and "--min-confidence" in res.output
