"""The typing model: trained end to end on a tiny corpus written for these tests, read back with numpy alone,
deterministic, tied to its corpus by a digest; and the shipped model matches the shipped corpus."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from eventwire.typing_model import (
    DEFAULT_CORPUS_DIR,
    DEFAULT_MODEL_DIR,
    CorpusError,
    ModelFileError,
    TypingModel,
    corpus_digest,
    read_corpus,
)
from eventwire.typing_model.corpus import NONE
from eventwire.typing_model.features import features

train = pytest.importorskip("eventwire.typing_model.train")

TINY = Path(__file__).parent / "data" / "typing_corpus"


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("tiny_model")
    report = train.build(TINY, out, evaluate=True)
    return out, report


def test_build_writes_the_model_and_its_metrics(tiny_model):
    out, report = tiny_model
    for name in ("model.json", "vocabulary.txt", "weights.npz", "metrics.json", "METRICS.md"):
        assert (out / name).is_file(), name
    meta = json.loads((out / "model.json").read_text())
    assert meta["corpus"] == {"digest": corpus_digest(TINY), "snippets": 72}
    assert set(meta["heads"]["sub_event_type"]["labels"]) == {
        "Peaceful protest", "Arrests", "Armed clash", "Agreement", NONE, "none:past_event"}
    assert meta["heads"]["sub_event_type"]["support"]["Arrests"] == 12
    assert meta["calibrated"] is True
    cv = report["cross_validation"]["heads"]["sub_event_type"]
    assert 0.0 <= cv["ece_calibrated"] <= 1.0 and cv["temperature"] > 0
    assert [p["fraction"] for p in report["learning_curve"]] == [0.25, 0.5, 1.0]
    assert "## Learning curve" in (out / "METRICS.md").read_text()


@pytest.mark.parametrize(("text", "sub_event_type", "plover"), [
    ("Riot of colours aside, hundreds of nurses marched peacefully to the health ministry in Mzuzu demanding pay.",
     "Peaceful protest", "PROTEST"),
    ("Police arrested a newspaper editor and two activists in Mombasa on Thursday.", "Arrests", "COERCE"),
    ("Soldiers and rebels exchanged fire near the town of Kolwezi, killing several fighters.", "Armed clash",
     "ASSAULT"),
    ("The government and the insurgents signed a ceasefire agreement in Doha.", "Agreement", "AGREE"),
    ("The foreign minister met her counterpart for talks in Accra.", NONE, "CONSULT"),
])
def test_the_tiny_model_types_sentences_it_never_saw(tiny_model, text, sub_event_type, plover):
    model = TypingModel(tiny_model[0])
    prediction = model.predict_one(text)
    assert prediction.best_sub_event_type[0] == sub_event_type
    assert prediction.best_plover[0] == plover
    assert sum(prediction.sub_event_type.values()) == pytest.approx(1.0)
    assert sum(prediction.plover.values()) == pytest.approx(1.0)


def test_a_non_event_reason_learned_apart_is_folded_into_none(tiny_model):
    prediction = TypingModel(tiny_model[0]).predict_one(
        "Families gathered to mark twenty years since the bombing of the bus station in 2004.")
    assert "none:past_event" not in prediction.sub_event_type
    assert prediction.best_sub_event_type[0] == NONE
    assert prediction.no_event_reasons["past_event"] > 0.5
    assert prediction.no_event_except({"past_event"}) == pytest.approx(
        prediction.no_event - prediction.no_event_reasons["past_event"])
    assert sum(prediction.sub_event_type.values()) == pytest.approx(1.0)


def test_numpy_reading_equals_the_training_libraries(tiny_model):
    """The shipped reader (numpy, float16 weights) gives the logits scikit-learn's transform and the fitted
    coefficients give."""
    snippets = read_corpus(TINY)
    grams = [features(s.text) for s in snippets]
    settings = train.Settings()
    fitted = train.fit(grams, {h: [train.head_label(s, h, settings) for s in snippets] for h in train.HEADS}, settings)
    out = tiny_model[0].parent / "equal"
    train.save(fitted, out, digest="x", snippets=snippets, settings=train.Settings(), calibrated=False)
    model = TypingModel(out).load()
    texts = ["Police detained 3 protesters in Gulu.", "A ceasefire was signed.", "zzzz"]
    for head in train.HEADS:
        expected = train.fitted_logits(fitted, [features(t) for t in texts], head, fitted.labels[head])
        spec = model.heads[head]
        got = np.array([model.logits(t)[spec.start:spec.stop] for t in texts])
        assert np.allclose(got, expected, atol=5e-3)


def test_a_passage_read_by_its_sentences_reads_as_the_joined_text(tiny_model):
    model = TypingModel(tiny_model[0])
    passages = [("Police arrested an editor in Mombasa.", "Hundreds marched to the ministry in protest."),
                ("Hundreds marched to the ministry in protest.", "Talks resumed in Accra on Friday.", "!!")]
    joined = model.predict([" ".join(p) for p in passages])
    for got, expected in zip(model.predict_passages(passages), joined):
        assert got.sub_event_type == pytest.approx(expected.sub_event_type, abs=1e-5)
        assert got.plover == pytest.approx(expected.plover, abs=1e-5)
        assert got.no_event_reasons == pytest.approx(expected.no_event_reasons, abs=1e-5)


def test_training_is_deterministic(tmp_path):
    first = train.build(TINY, tmp_path / "one", evaluate=False)
    second = train.build(TINY, tmp_path / "two", evaluate=False)
    assert first == second
    for name in ("model.json", "vocabulary.txt", "weights.npz"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    assert json.loads((tmp_path / "one" / "model.json").read_text())["calibrated"] is False


def test_the_digest_follows_the_corpus(tmp_path):
    copy = tmp_path / "corpus"
    shutil.copytree(TINY, copy)
    before = corpus_digest(copy)
    assert before == corpus_digest(TINY)
    with (copy / "protest.jsonl").open("a") as fh:
        fh.write(json.dumps({"text": "Dockers marched in Mombasa against the port concession.", "event_type":
                             "Protests", "sub_event_type": "Peaceful protest", "plover": "PROTEST"}) + "\n")
    assert corpus_digest(copy) != before


@pytest.mark.parametrize(("line", "message"), [
    ("{not json", "not JSON"),
    ('{"text": "", "event_type": null, "sub_event_type": null, "plover": null}', "non-empty"),
    ('{"text": "Rebels took Kidal.", "event_type": "Battles", "sub_event_type": "Arrests", "plover": null}',
     "not a sub-event type of"),
    ('{"text": "Rebels took Kidal.", "event_type": "Battles", "sub_event_type": "Armed clash", "plover": "FIGHT"}',
     "unknown PLOVER"),
])
def test_a_bad_corpus_line_is_named(tmp_path, line, message):
    (tmp_path / "a.jsonl").write_text(
        '{"text": "Police arrested him.", "event_type": "Strategic developments", "sub_event_type": "Arrests", '
        '"plover": "COERCE"}\n' + line + "\n")
    with pytest.raises(CorpusError, match=rf"a\.jsonl:2: .*{message}"):
        read_corpus(tmp_path)


def test_an_empty_corpus_directory_is_refused(tmp_path):
    with pytest.raises(CorpusError, match="no \\*.jsonl"):
        read_corpus(tmp_path)


def test_a_missing_model_says_how_to_make_one(tmp_path):
    with pytest.raises(ModelFileError, match="make model"):
        TypingModel(tmp_path).load()


def test_a_model_with_mismatched_files_is_refused(tiny_model, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(tiny_model[0], broken)
    (broken / "vocabulary.txt").write_text("w only\nw two")
    with pytest.raises(ModelFileError, match="do not agree"):
        TypingModel(broken).load()


def test_model_train_command(tmp_path):
    from eventwire.cli import cli

    result = CliRunner().invoke(cli, ["model", "train", "--corpus", str(TINY), "--out", str(tmp_path / "m"),
                                      "--no-evaluate"])
    assert result.exit_code == 0, result.output
    assert TypingModel(tmp_path / "m").corpus_digest == corpus_digest(TINY)
    bad = CliRunner().invoke(cli, ["model", "train", "--corpus", str(tmp_path / "nowhere"), "--out",
                                   str(tmp_path / "n"), "--no-evaluate"])
    assert bad.exit_code == 2 and "no *.jsonl corpus files" in bad.output


def test_the_shipped_model_was_trained_on_the_shipped_corpus():
    """Retrain with `make model` after changing the corpus."""
    model = TypingModel(DEFAULT_MODEL_DIR).load()
    assert model.corpus_digest == corpus_digest(DEFAULT_CORPUS_DIR), "the corpus changed: run `make model`"
    assert model.meta["corpus"]["snippets"] == len(read_corpus(DEFAULT_CORPUS_DIR))
    assert model.meta["calibrated"] is True
