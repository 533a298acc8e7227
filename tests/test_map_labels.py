"""GET /api/places/labels, the names the dashboard's map writes over its view, and Gazetteer.most_populous.

The gazetteer here is a small index file written by the test (the layout geo.index writes), with towns and
regions made up for it, so the answers are known exactly.
"""

from __future__ import annotations

import sqlite3
import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from eventwire.geo.gazetteer import ADMIN1, CITY, Gazetteer
from eventwire.serve.app import create_app
from eventwire.serve.routes_places import parse_bbox
from eventwire.storage.store import Store

# (name, feature, cc, iso3, admin1 name, lat, lon, population, capital)
PLACES = [
    ("Bigtown", CITY, "SY", "SYR", "North", 36.0, 37.0, 2_000_000, 1),
    ("Midtown", CITY, "SY", "SYR", "North", 35.5, 36.5, 500_000, 0),
    ("Smallville", CITY, "SY", "SYR", "South", 33.0, 36.0, 20_000, 0),
    ("Nobody", CITY, "SY", "SYR", "South", 33.5, 36.2, 0, 0),  # no population known: never a label
    ("Faraway", CITY, "NG", "NGA", "Coast", 6.5, 3.4, 9_000_000, 0),
    ("Suva", CITY, "FJ", "FJI", "Central", -18.1, 178.4, 77_000, 1),
    ("Labasa", CITY, "FJ", "FJI", "Northern", -16.4, 179.4, 28_000, 0),
    ("Taveuni", CITY, "FJ", "FJI", "Northern", -16.8, -179.9, 9_000, 0),
    ("Nukualofa", CITY, "TO", "TON", "Tongatapu", -21.1, -175.2, 23_000, 1),
    ("North", ADMIN1, "SY", "SYR", None, 35.8, 36.8, 2_500_000, 0),
    ("South", ADMIN1, "SY", "SYR", None, 33.2, 36.1, 20_000, 0),
]


def write_index(path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE entries (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, feature TEXT, cc TEXT, "
                "iso3 TEXT, admin1 TEXT, admin1_name TEXT, admin2 TEXT, lat REAL, lon REAL, population INTEGER, "
                "capital INTEGER)")
    con.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [(i, 1000 + i, name, feature, cc, iso3, None, a1, None, lat, lon, pop, cap)
                     for i, (name, feature, cc, iso3, a1, lat, lon, pop, cap) in enumerate(PLACES, 1)])
    con.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v BLOB)")
    con.executemany("INSERT INTO meta VALUES (?,?)", [("keys", ""), ("pkeys", "")])
    con.commit()
    con.close()


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory):
    path = tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite"
    write_index(path)
    return Gazetteer(path)


@pytest.fixture(scope="module")
def client(tmp_path_factory, gazetteer):
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('labels') / 'labels.db'}")
    with TestClient(create_app(store=store, gazetteer=gazetteer)) as c:
        yield c
    store.close()


def names(places) -> list[str]:
    return [p["name"] for p in places]


def test_most_populous_takes_the_largest_in_the_box_first(gazetteer):
    found = gazetteer.most_populous(CITY, 35, 32, 38, 37, limit=10)
    assert [e.name for e in found] == ["Bigtown", "Midtown", "Smallville"]  # not Nobody (no population)
    assert [e.name for e in gazetteer.most_populous(CITY, 35, 32, 38, 37, limit=2)] == ["Bigtown", "Midtown"]
    assert [e.name for e in gazetteer.most_populous(ADMIN1, 35, 32, 38, 37, limit=10)] == ["North", "South"]


def test_most_populous_across_the_antimeridian(gazetteer):
    """west > east: the box runs from west to 180 and on from -180 to east."""
    found = gazetteer.most_populous(CITY, 178, -22, -175, -15, limit=10)
    assert [e.name for e in found] == ["Suva", "Labasa", "Nukualofa", "Taveuni"]
    assert [e.name for e in gazetteer.most_populous(CITY, 178, -22, 179.5, -15, limit=10)] == ["Suva", "Labasa"]


@pytest.mark.parametrize(("text", "box"), [
    ("30,30,45,40", (30, 30, 45, 40)),
    ("170,-30,190,-10", (170, -30, -170, -10)),   # past 180: across the antimeridian
    ("-190,-30,-170,-10", (170, -30, -170, -10)),
    ("-200,-80,250,80", (-180, -80, 180, 80)),     # wider than the world: all of it
    ("0,0,180,10", (0, 0, 180, 10)),
    ("370,0,380,10", (10, 0, 20, 10)),             # a world copy east of this one
])
def test_parse_bbox_wraps_longitudes(text, box):
    assert parse_bbox(text) == box


def test_labels_route_answers_regions_and_towns_of_the_view(client):
    got = client.get("/api/places/labels", params={"bbox": "35,32,38,37", "zoom": 6, "limit": 2})
    assert got.status_code == 200
    body = got.json()
    assert names(body["towns"]) == ["Bigtown", "Midtown"]
    assert names(body["regions"]) == ["North", "South"]
    big = body["towns"][0]
    assert big == {"name": "Bigtown", "country": "SYR", "admin1": "North", "lat": 36.0, "lon": 37.0,
                   "population": 2_000_000, "capital": True}


def test_labels_route_wraps_a_view_across_the_antimeridian(client):
    body = client.get("/api/places/labels", params={"bbox": "178,-22,185,-15", "zoom": 7}).json()
    assert names(body["towns"]) == ["Suva", "Labasa", "Nukualofa", "Taveuni"]


def test_labels_route_names_nothing_at_world_zooms(client):
    body = client.get("/api/places/labels", params={"bbox": "-180,-85,180,85", "zoom": 3}).json()
    assert body == {"regions": [], "towns": []}


@pytest.mark.parametrize("params", [
    {"bbox": "1,2,3", "zoom": 6},
    {"bbox": "a,b,c,d", "zoom": 6},
    {"bbox": "0,10,5,5", "zoom": 6},          # south > north
    {"bbox": "5,0,0,10", "zoom": 6},          # east < west
    {"bbox": "0,-95,5,5", "zoom": 6},
    {"bbox": "0,0,nan,5", "zoom": 6},
    {"bbox": "0,0,5,5", "zoom": 99},
    {"bbox": "0,0,5,5", "zoom": 6, "limit": 0},
    {"zoom": 6},
])
def test_labels_route_refuses_bad_views_with_a_422(client, params):
    got = client.get("/api/places/labels", params=params)
    assert got.status_code == 422
    assert isinstance(got.json()["detail"], str)
