"""`eventwire geoparse`: one JSON line per article with every resolved place, offsets and kinds."""

from __future__ import annotations

import json

from click.testing import CliRunner

from eventwire.cli import cli

ARTICLES = [
    {"id": "syria-1", "text": "Turkish troops shelled Al Bab in northern Syria on Tuesday, officials in Ankara said."},
    {"id": "texas-1", "text": "A tornado tore through Paris, Texas, on Monday night."},
]


def run(args, stdin):
    return CliRunner().invoke(cli, ["geoparse", *args], input=stdin)


def test_jsonl_output_per_article():
    stdin = "".join(json.dumps(a) + "\n" for a in ARTICLES)
    res = run(["--format", "jsonl"], stdin)
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    assert [x["article_id"] for x in lines] == ["syria-1", "texas-1"]
    syria = {p["text"]: p for p in lines[0]["places"]}
    assert syria["Al Bab"]["country"] == "SYR" and syria["Al Bab"]["kind"] == "literal"
    assert syria["Turkish"]["kind"] == "adjective" and syria["Turkish"]["country"] == "TUR"
    for p in lines[0]["places"]:
        assert ARTICLES[0]["text"][p["start"]:p["end"]] == p["text"]
        assert {"lat", "lon", "precision", "geonameid", "score"} <= set(p)
    texas = {p["text"]: p for p in lines[1]["places"]}
    assert texas["Paris"]["country"] == "USA"


def test_table_output():
    res = run(["--format", "table"], json.dumps(ARTICLES[1]) + "\n")
    assert res.exit_code == 0, res.output
    assert "Paris" in res.stdout and "USA" in res.stdout


def test_bad_article_in_a_batch_is_skipped_and_reported():
    stdin = json.dumps(ARTICLES[0]) + "\n" + json.dumps({"id": "empty", "text": ""}) + "\n"
    res = run(["--format", "jsonl"], stdin)
    assert res.exit_code == 0
    ids = [json.loads(x)["article_id"] for x in res.stdout.splitlines() if x.strip()]
    assert ids == ["syria-1"]
    assert "empty" in res.stderr


def test_single_bad_article_fails_without_traceback(tmp_path):
    res = run(["--format", "jsonl", str(tmp_path / "missing.txt")], "")
    assert res.exit_code != 0
    assert "Traceback" not in res.output


def test_line_separator_characters_inside_a_text_do_not_split_the_article():
    text = "Shelling hit Homs on Monday.\u0085Residents fled to Hama.\u2028Aid reached Idlib."
    stdin = json.dumps({"id": "nel", "text": text}, ensure_ascii=False) + "\n"
    res = run(["--format", "jsonl"], stdin)
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    assert [x["article_id"] for x in lines] == ["nel"]
    assert {"Homs", "Hama", "Idlib"} <= {p["text"] for p in lines[0]["places"]}
