"""A .json article file (one SCHEMA input object, or a list of them) is read as articles, not as text."""

import json

from eventwire.records import Article
from eventwire.sources import read


def read_file(tmp_path, obj, name="story.json"):
    path = tmp_path / name
    path.write_text(json.dumps(obj), encoding="utf-8")
    return list(read.read_source(str(path), path.read_bytes()))


def test_one_object_is_one_article(tmp_path):
    (art,) = read_file(tmp_path, {"id": "a1", "text": "Rebels shelled the town.", "published": "2020-03-04"})
    assert isinstance(art, Article)
    assert art.id == "a1" and art.text == "Rebels shelled the town." and art.published.isoformat() == "2020-03-04"


def test_a_list_gives_many_and_a_bad_item_is_reported(tmp_path):
    items = read_file(tmp_path, [{"text": "Police arrested five men in Lagos."}, {"title": "no text"}], "batch.json")
    assert isinstance(items[0], Article) and items[0].id == "batch:1"
    assert isinstance(items[1], read.InputError) and "item 2" in str(items[1])


def test_broken_json_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"text": "unterminated', encoding="utf-8")
    (err,) = list(read.read_source(str(path), path.read_bytes()))
    assert isinstance(err, read.InputError) and "not valid JSON" in str(err)
