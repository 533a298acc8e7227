"""`eventwire model train`: the typing model from the corpus (`make model`; eventwire.typing_model). It registers
itself on the `eventwire` group of cli.py, which imports this module at its end."""

from __future__ import annotations

import click

from eventwire.cli import _fail, _warn, cli


@cli.group(name="model")
def model_group() -> None:
    """The typing model (ACLED sub-types and PLOVER categories learned from lang/en/typing/corpus/)."""


@model_group.command(name="train")
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False), default=None,
              help="Directory of *.jsonl snippets (default: the package's lang/en/typing/corpus/).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help="Where to write the model (default: the package's lang/en/typing/model/).")
@click.option("--no-evaluate", is_flag=True,
              help="Skip cross-validation and the learning curve (faster; no metrics files, temperatures stay 1).")
def model_train(corpus_dir, out_dir, no_evaluate):
    """Train the typing model on the corpus, deterministically, and write it with its metrics."""
    try:
        from eventwire.typing_model import train
    except ImportError as exc:
        _fail(f"training needs scikit-learn ({exc}); pip install 'scikit-learn>=1.4'")
    from eventwire.typing_model import CorpusError

    corpus = corpus_dir or train.DEFAULT_CORPUS_DIR
    out = out_dir or train.DEFAULT_MODEL_DIR
    try:
        report = train.build(corpus, out, evaluate=not no_evaluate, log=_warn)
    except (CorpusError, ValueError, OSError) as exc:
        _fail(str(exc))
    _warn(f"model written to {out}")
    if "cross_validation" in report:
        for head, m in report["cross_validation"]["heads"].items():
            _warn(f"{head}: accuracy {m['accuracy']:.3f}, weighted F1 {m['weighted_f1']:.3f}, "
                  f"ECE {m['ece_calibrated']:.3f} (temperature {m['temperature']:.2f})")
