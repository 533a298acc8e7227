"""Throughput of the full extraction pipeline against the bare spaCy model it is built on.

    .venv/bin/python benchmarks/throughput.py                      # the examples, repeated to ~500 articles
    .venv/bin/python benchmarks/throughput.py --input ../shared/eval/dev/ucdp.jsonl --articles 300
    .venv/bin/python benchmarks/throughput.py --profile            # where the time goes, stage by stage

Both sides run on the same texts in the same process: `eventwire.extraction.nlp.load_bare().pipe(texts)` (the spaCy
model alone) and `eventwire.Pipeline().pipe(articles)` (ruler, actors, events, places, dates, casualties,
records). After a warm-up, each side runs `--repeat` times, alternating, and the median wall time is reported.
Goal: the pipeline costs at most 15% more than the bare model (overhead = (t_full - t_bare) / t_bare).

    .venv/bin/python benchmarks/throughput.py --corpus general --articles 200 --repeat 3   # issue 13
    .venv/bin/python benchmarks/throughput.py --corpus conflict --articles 60 --repeat 3

`--corpus` also times the Pipeline without its relevance gate (`extract --all-articles`) and prints the throughput
ratio (t_bare / t_extract) of both. Goals: general news >= 4x the bare parse, conflict news >= 0.95x.
Measured 2026-12-06 (2 shared cores, load ~8, CPU time, median of 3):
  general (200 articles of geo_gwn + geo_lgl in turn): the gate passes 194 of 200 (97%); ratio 0.72x without
    the gate, 0.73x with it: NOT MET. These sets are news about places, and 89% of their articles give events
    with the gate off (CONSULT, ACCUSE, REQUEST... from "met", "called for", "charged"; crime as violence); any
    word list loose enough to keep every event of the dev sets (lossless: none of the 291 articles of the event
    sets it rejects had an event) passes them.
  conflict (wikievents, 20 articles cycled to 60): gate passes 100%; 0.71x with and without it: NOT MET.
  The gate itself costs ~0.3 ms per article (~0.5% of the parse). The dependency parser is 14-15% of the bare
  model's time, the most that parsing only trigger sentences could save; the rest of the gap (+37-40%) is
  eventwire's own stages after the parse (`--profile` shows them).
Second pass, same day, same machine busier (load 8-12), before -> after in turn, one process each:
  general --articles 100 --repeat 3: ratio 0.67x -> 0.78x (0.69x -> 0.80x without the gate): NOT MET.
  conflict --articles 40 --repeat 3: ratio 0.66x -> 0.72x (0.66x -> 0.75x without the gate): NOT MET.
  What bought it (records byte-identical on the dev sets, both halves):
  - extraction/nlp.FastAttributeRuler in place of the model's attribute ruler: the bare model spends 15-17% of
    its time there (per component, CPU: tok2vec 16-21%, tagger 0.4%, parser 14-15%, attribute_ruler 15-17%,
    lemmatizer 2%, ner 45-48%, tokenizer 1-2%); the same rules, looked up per kind of token, leave the same
    POS/TAG/MORPH/LEMMA/DEP and cut the full spaCy pass by ~20% (342 dev docs identical). Our model pass
    (with the entity ruler) is now 0.88x the bare model's time.
  - our stages after the parse (analyse: ~0.95 s CPU for 20 wikievents articles against 1.96 s for their bare
    parse): the actor phrase index memoises each start's lookups per kind set (cumulative 0.62 -> 0.39 s under
    the profiler), doc.text built once per article instead of four times (~4 ms each), a sentence's instruments
    found once. What is left is spread: events.find ~48% of analyse (candidates, roles), actors ~20%, places
    ~17%, each many small Doc/Token accesses (~290,000 doc[i] per 20 articles), no single hot spot.
  Why the 4x goal cannot be reached by parsing less of a relevant article: ner (with its own tok2vec) is 45-48%
  of the bare model and the geoparser and actors need it over the whole text, so ner alone caps the ratio near
  2x. A sentence gate (ner over everything, the rest of the model only over sentences with a trigger word form
  and the sentence before and after) was measured without building it: it keeps 77% of general-news tokens and
  93% of conflict-news tokens, and would make the spaCy work at most 1.17x (general) and 1.02x (conflict) the
  bare model, before our own stages (trigger sentences alone, no neighbours: 52% of general tokens, 1.38x); it
  changes sentence splits and parses, so records would change too. Not built. 4x needs most articles
  rejected, and these general sets hold events in 89% of their articles.
Third pass (branch evspeed, 2026-12-06, load ~8, CPU time of `Pipeline.analyse` over the 20 wikievents
  articles, main and branch side by side in turn, two rounds of three): best of three 0.713/0.746 s -> 0.610/0.682 s
  (~10%), medians within the noise (0.77/0.72 -> 0.81/0.73); the bare-parse ratio of the whole pass stayed
  0.68x -> 0.70x (one noisy round each): NOT MET. Records byte-identical on the first 100 lines of six dev sets.
  Done: extraction/tokens.py keeps per Doc the lower/lemma/pos/dep/ent_type/head lists (one to_array) and each
  token's children list, built once; the trigger scan makes a Token only for words a trigger class can take;
  conflict/protest context and the places name scan read the lists; sentence texts are cut from the article
  text (Span.text joins tokens again); the actor Scan keeps each (start, kinds) answer. Measured, not built:
  gc.freeze() after loading the model and catalogue cuts analyse a further ~10-15% (0.77-0.84 -> 0.70 s).
The sentence gate, built (extraction/nlp.SentenceGatedParse, on by default; `extract --no-sentence-gate` and
`--sentence-gate N...` here): in a relevant article the model's senter (its own small tok2vec, ~3% of the model's
time) splits the sentences, the tagger/parser/lemmatizer run only over the runs of sentences the relevance gate
finds relevant plus one neighbour either side (each run parsed as a Doc of its own, copied back), the entity
ruler and the NER over the whole article. Measured 2026-12-06 (load 8-9, CPU time, median of 3, one process):
  general --articles 100 --repeat 3: 78% of the relevant articles' tokens parsed; ratio 0.81x without the gates,
    0.82x relevance gate alone, 0.86x with the sentence gate (1 neighbour, the default); 0 neighbours (53% of
    tokens parsed) 0.93x: NOT MET.
  conflict --articles 100 --repeat 3 (wikievents cycled): 94% of tokens parsed; ratio 0.76x without the gates,
    0.70x relevance gate alone (the same work: the spread is the machine's noise, ~+-5%), 0.78x with the sentence
    gate (1 neighbour); 0 neighbours (78% parsed) 0.84x: NOT MET.
  The model pass over 15+15 relevant general articles (CPU): full model 2.24 s, gated 1.39 s (1 neighbour) /
  1.24 s (0), ruler + NER alone 0.98 s: the NER over the whole text is the floor of the model's time, and our own
  stages after the parse (unchanged by the gate) are the rest of the gap to 1x.
  Dev records (evalwt.sh, all sets, `extract` with the gate against without): half a 1 article of 3,821 with
  records changed (one evidence span starts elsewhere: the parsed run split a sentence at "[AU]"), no figure
  changed; half b 2 of 3,844 changed, one record more, wikievents precision 0.8154 -> 0.8112 (-0.42), every other
  figure unchanged. Hence on by default with 1 neighbour; 0 neighbours was not evaluated on the dev sets.
  A cheaper NER for the sentences without a trigger (the ruler's names alone) would save at most the NER's share
  of the unparsed tokens (~22% of general tokens x ~45% of the model), but the geoparser and the actors read
  those names (the statistical NER finds the places the gazetteer ruler does not): not built.
Fourth pass (branch speed, 2026-12-06, load 6-9, CPU time, median of 3 alternating rounds, one process per corpus):
  - extraction/nlp.FastLemmatizer in place of the model's rule lemmatizer: its answer depends on (ORTH, POS, MORPH)
    alone (the stock lemmatizer's own cache key), so each kind of token is asked once and the lemmas set with
    Doc.from_array; 0.18 -> 0.06 s CPU for the lemmatizer over 240 dev docs; records byte-identical on every dev
    set, both halves.
  - this benchmark freezes the loaded objects out of the garbage collector as `extract` does (`--no-gc-freeze`:
    not); the collector's passes were ~4% of the full pass unfrozen, ~1% frozen.
  - gated NER (Pipeline(ner_everywhere=False), then `extract --gated-ner`): the statistical NER reads only the runs
    the sentence gate parses (each run's own Doc: ruler + NER), the other sentences keep the entity ruler's names.
    general --articles 100 --repeat 3: default 0.86x, gated NER 0.95x (0 neighbours: 0.92x; no gates 0.79x).
    conflict --articles 60 --repeat 3: default 0.81x, gated NER 0.85x (0 neighbours: 0.87x; no gates 0.84x).
    Dev records (all sets, `extract --gated-ner` against the default): half a 1 article of 3,820 changed, half b
    1 of 3,840 (the focus country read from a name outside the parsed sentences), every SUMMARY figure unchanged.
    Not the default: a place named only in an unparsed sentence is lost to the geoparser when the ruler does not
    know it (tests/test_sentence_gate.py: "Kandahar" in a festival sentence), and the dev event sets, dense in
    events, do not show what general news loses; a cheap place spotter over the unparsed text would be needed.
  Where the rest goes (conflict, 60 articles, CPU): tok2vec ~1.8 s and ner ~2.5 s of the bare model's ~6.4 s (the
  NER has its own tok2vec), parser 0.75 s, our stages after the parse (`Pipeline.analyse`) ~2.6 s, spread over
  many small Doc/Token accesses (~540,000 doc[i] per 60 articles). 0.95x on conflict news needs analyse at ~1 s.
Fifth pass (branch gate, 2026-12-06, load 9-13 from 8 helpers' jobs, CPU time, median of 3 alternating rounds):
  - the gated NER is the default (`extract --ner-everywhere` / Pipeline(ner_everywhere=True) for the old one;
    `--all-articles` parses everything). What made it safe: in the sentences left untagged the geoparser's gazetteer
    scan took no single word for a place, for want of an NNP tag; it now reads a capitalised word there as a
    proper noun (places/recognise.proper_noun; its other checks stand: a word also used in lower case, a
    sentence's first word, given-name + surname runs, population), and holds acronyms to countries and a name inside
    a longer capitalised name or before a possessive ("Nash Riad", "Reid Hospital", "McDonald's") to countries,
    provinces and capitals, as the NER's PERSON/ORG labels did. On 100 general articles (gwn + lgl), gated against
    NER everywhere: before, 64 of 947 place mentions lost ("Texas", "Brazil", "Paris"...), the focus country
    changed in 6 articles, the location of 34 of 593 events and 9 actor countries; after, 12 of 949 lost and 10
    gained, focus country changed in 2, locations of 19 events (5 articles) and 2 actor countries.
    Dev records (all event sets, both halves, new default against the old default): byte-identical (0 of 3,822 /
    3,847 articles changed); geoparse (geo_gwn, geo_lgl) parses everything as before: byte-identical.
  - FastLemmatizer.rule_lemma: spaCy's rule_lemmatize looks each form a suffix rule makes up in a *list* of up
    to 57,000 words (~1-6 ms per miss); the same steps over sets: the lemmatizer's share of a first pass over 96
    relevant general articles 0.56 -> 0.07 s CPU (a warm cache hides it in the repeated rounds below).
  - measured with a lean copy of this benchmark (bare model, the default Pipeline and the other NER setting,
    alternating; before and after in two processes side by side; the full --corpus run took too long on the
    shared machine), CPU time, ratio t_bare / t_extract:
    general, 100 articles, two runs: before: default (NER everywhere) 0.85x / 0.83x, gated NER 0.99x / 0.88x;
      after: default (gated NER + spotting) 0.89x / 1.01x, --ner-everywhere 0.81x / 0.87x. The rounds drift with
      the machine's load (bare 5.8-7.9 s); the default went from ~0.84x to ~0.95x. NOT MET (4x).
    conflict, 40 articles (wikievents): before: default 0.76x, gated NER 0.74x; after: default 0.80x,
      --ner-everywhere 0.76x (conflict articles are parsed almost whole: the gated NER saves little). NOT MET.
  - tried, not kept: 0 neighbour sentences with the gated NER (52% of the tokens parsed instead of 78%; parse 3.6
    against 5.0 s CPU over 96 general articles): incidents_perpetrator_intext -3.8 (half a) / -2.4 (half b)
    points, the perpetrator is often named in the sentence after the attack.
  Where the time goes now (96 relevant general articles of 100, CPU, one pass): the gated parse ~4.7 s (NER 2.4,
  tok2vec 0.9, parser 0.7, the rest splitting, copying and the ruler), analyse ~2.7 s, against ~7.2 s for the bare
  model: 4x would need the model's work and ours each cut to a quarter; 89% of these articles hold events.
Sixth pass (branch speed3, 2026-12-07, load 10-13, CPU time; the unchanged tree and the branch, one process each):
  our stages after the parse (`Pipeline.analyse` over the 20 wikievents articles, Docs parsed once, user_data
  cleared before each pass, median of 6 after a warm-up pass, two rounds alternating): 0.90 / 0.83 s -> 0.71 /
  0.68 s (-20%). Records byte-identical (`extract --format jsonl`, first 200 lines of case2021, incidents, plover,
  ucdp, wikievents, geo_gwn, geo_lgl: both halves). What bought it (a sampling profile, SIGPROF every 4 ms, is
  the steadier guide: cProfile inflates the many small spaCy calls):
  - the cue alternations of rules.yaml (instruments, rule contexts, cue aliases, crowd control) were ~7% of
    analyse: events/lexicon.CuePattern checks the cues as substrings first (a cue only matches where its words
    stand) and runs the regex only then, ~6x faster on the sentences that hold no cue;
  - the actor Scan sorts each start's targets by kind once (a one-kind question, most of ~39,000 per 20 articles,
    is a dict lookup) and answers a word that starts no phrase before any memo;
  - tokens.sentences / tokens.entities: doc.sents and doc.ents made once per Doc (spaCy walks the tokens again at
    each; the finder, tolls, attribution, antecedents, typing passages, bare places, dates and the geoparser asked
    them again); the typing passages cut sentence texts from the article text;
  - the token table looks each distinct string up once; the senses read a sentence's words from it; the
    death-word pre-filter answers "none" by substring checks on ASCII sentences without a stem.
  Throughput (this benchmark, conflict --articles 40 --repeat 3, before then after): 0.72x -> 0.80x (bare 3.40 /
  3.42 s, full 4.72 -> 4.26 s): NOT MET. Lean runs (bare model and the default Pipeline alone, alternating, one
  process each, side by side): conflict 40 articles, 3 rounds: 0.82x -> 0.89x; general 100 articles, 2 rounds:
  0.93x -> 0.98x: NOT MET (4x needs most articles not parsed; see above).
  What is left (sampling profile of analyse, conflict): a flat spread, no function above ~3.5% of its own:
  events.find ~46% (typing model ~10%: n-gram columns and logits per passage; roles ~10%), geoparser ~24%, actors
  ~13%; the country style cues (places/country_cues.tsv, 19 regexes over each article, ~3%) and the date regex
  over the whole text (~3%) are the largest single regex costs left.
Seventh pass (branch speed4, 2026-12-07, load 10-14 from 8 helpers' jobs, CPU time; the unchanged tree and the
  branch, one process each, in turn). Records byte-identical (`extract --format jsonl`, first 200 lines of case2021,
  incidents, plover, ucdp, wikievents, geo_gwn, geo_lgl: both halves); tests/test_speed_memos.py checks each
  shortcut against what it replaces on sentences written for it. What changed:
  - Pipeline._run_batch pauses the cyclic garbage collector for the batch (collector.paused; left off
    when the caller had it off): even with the loaded models frozen, its passes were ~10% of `Pipeline.analyse`
    (20 wikievents articles, Docs parsed once: median 0.79 s with the collector, 0.70 s without, 0.71 s with a
    gen-0 threshold of 20,000). Refcounting frees nearly everything meanwhile; the Docs' cycles wait one batch.
  - a trigger's sense kept per Doc for each (token, classes) (870 resolutions, 574 distinct, per 20 articles) and
    a sentence's death facts per Doc (the counter kept the last sentence only: 883 computed for 555 distinct);
  - the actor words read from the Doc's arrays (one to_array, no Token per word); doc.text and doc.ents no longer
    rebuilt per call in the sentence-before check of the weapon cues (214 joins of the whole text per 20
    articles), the antecedents, the unknown groups and the country-only names; the sentence gate cuts its sentence
    texts from the article text and hands the headline marker the text.
  Our stages alone (`Pipeline.analyse` over the 20 wikievents articles, Docs parsed once, user_data cleared, each
  pass as a batch: collector paused, then a gen-0 pass; median of 6, two rounds in turn): 0.636 / 0.605 s ->
  0.598 / 0.533 s (-6% / -12%; best 0.607 / 0.596 -> 0.528 / 0.524 s).
  Throughput, full pass (lean: bare model and the default Pipeline alternating, conflict 40 articles, median of 3
  rounds, CPU; three runs each side in turn, the load 13 falling to 2): before 0.78x / 0.73x / 0.83x, after
  0.80x / 0.79x / 0.87x (full 4.77 / 5.09 / 3.94 s -> 4.69 / 5.07 / 3.70 s);
  this benchmark (`--corpus conflict --articles 40 --repeat 3`, two pairs of runs): 0.80x -> 0.80x (full 4.13 ->
  3.92 s, but the bare model 3.32 -> 3.13 s too), 0.74x -> 0.77x (full 4.41 -> 4.15 s, bare 3.24 / 3.20 s): a few
  per cent at most, within the machine's noise; NOT MET (0.95x needs `analyse` near a third of what it is). What the cProfile of `analyse`
  inflates: the joins of doc.text looked like 13% of it and were ~1% (0.2 ms a join); the SIGPROF sampling
  profile charges a cache's build (the token table, the entities) to the first stage that asks.
  Measured, not built: the style cues with their leading word boundary cut and checked at each hit are 3-6x
  faster for patterns opening on literal words and 1.5x slower for those opening on a character class
  ([Ss]heriff): ~1% of analyse; the typing model's passages (226 per 20 articles) cost ~52 ms (~8%), the
  vectorising ~40% and the logits and probabilities the rest, numpy calls on small arrays: one matrix for all
  passages would change the sums' order and so the last bits of the confidences.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import io
import itertools
import json
import os
import pstats
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "batch.jsonl"
OVERHEAD_GOAL = 0.15
# --corpus: the dev sets read (never copied into the project), and the throughput ratio each should reach
DEFAULT_EVAL_DIR = ROOT.parent / "shared" / "eval" / "dev"
CORPORA = {"general": ("geo_gwn.jsonl", "geo_lgl.jsonl"), "conflict": ("wikievents.jsonl",)}
RATIO_GOALS = {"general": 4.0, "conflict": 0.95}
STAGES = ("ingest", "nlp", "actors", "events", "modality", "places", "gazetteer", "dates", "casualties",
          "records", "dedup", "pipeline", "models")


def read_corpus(path: Path | list[Path], n: int, repeat_to_n: bool) -> list[dict]:
    """SCHEMA input lines from `path` (several files: taken in turn, one line of each); the first `n`, or cycled
    up to `n` when `repeat_to_n`."""
    articles = []
    paths = path if isinstance(path, list) else [path]
    for p in paths:
        if not p.is_file():
            sys.exit(f"throughput: no file {p} (give --eval-dir)")
    handles = [p.open(encoding="utf-8") for p in paths]
    lines = (line for group in itertools.zip_longest(*handles, fillvalue="") for line in group)
    with contextlib.ExitStack() as stack:
        for fh in handles:
            stack.enter_context(fh)
        for i, line in enumerate(lines):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(obj, dict) and isinstance(obj.get("text"), str) and obj["text"].strip():
                art = {"id": str(obj.get("id", i)), "text": obj["text"]}
                if obj.get("published"):
                    art["published"] = str(obj["published"])[:10]
                articles.append(art)
            if not repeat_to_n and len(articles) >= n:
                break
    if not articles:
        sys.exit(f"throughput: no usable articles in {path}")
    if repeat_to_n and len(articles) < n:
        cycled = itertools.islice(itertools.cycle(articles), n)
        articles = [dict(a, id=f"{a['id']}#{k}") for k, a in enumerate(cycled)]
    return articles[:n]


class Clock:
    """Wall time and this process's CPU time. On a shared machine the CPU time of a one-process run is the
    steadier figure: other people's jobs stretch the wall clock, not our CPU seconds."""

    def __enter__(self):
        self.wall0, self.cpu0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self.wall0
        self.cpu = time.process_time() - self.cpu0


def time_bare(nlp, texts: list[str], batch_size: int, n_process: int) -> tuple[Clock, int]:
    with Clock() as clock:
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process))
    return clock, tokens


def time_full(pipeline, articles: list[dict]) -> tuple[Clock, int, int]:
    events = errors = 0
    with Clock() as clock:
        for res in pipeline.pipe(articles):
            events += len(res.events)
            errors += res.error is not None
    return clock, events, errors


def stage_of(filename: str) -> str | None:
    parts = Path(filename).parts
    if "eventwire" not in parts:
        return None
    rest = parts[parts.index("eventwire") + 1:]
    if rest and rest[0] == "extraction" and len(rest) > 1:  # a stage of the extraction: its own module or folder
        rest = rest[1:]
    return Path(rest[0]).stem if rest else None


def print_profile(pipeline, articles: list[dict], top: int) -> None:
    """cProfile one full pass (CPU time, so other jobs on the machine do not blur it): the top functions by
    cumulative time, then self time per eventwire module and the cumulative time of each stage's entry point."""
    prof = cProfile.Profile(time.process_time)
    prof.enable()
    time_full(pipeline, articles)
    prof.disable()
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf)
    stats.sort_stats("cumulative").print_stats(top)
    print(buf.getvalue())

    per_module: dict[str, float] = defaultdict(float)
    spacy_self = other_self = 0.0
    for (filename, _line, _func), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():
        stage = stage_of(filename)
        if stage:
            per_module[stage] += tottime
        elif "spacy" in filename or "thinc" in filename:
            spacy_self += tottime
        else:
            other_self += tottime
    total = sum(per_module.values()) + spacy_self + other_self
    print("CPU self time by eventwire module (time spent in the module's own code, not in what it calls):")
    for stage, secs in sorted(per_module.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:<14} {secs:8.3f} s  {100 * secs / total:5.1f}%")
    print(f"  {'spacy/thinc':<14} {spacy_self:8.3f} s  {100 * spacy_self / total:5.1f}%")
    print(f"  {'other libs':<14} {other_self:8.3f} s  {100 * other_self / total:5.1f}%")
    print("cumulative time of the stage entry points:")
    wanted = {("actors", "find_mentions"), ("places", "parse"), ("places", "locate"), ("events", "find"),
              ("dates", "find"), ("dates", "event_date"), ("casualties", "find"),
              ("assemble", "build_event"), ("events", "drop_duplicates"), ("pipeline", "analyse"),
              ("language", "text_problem")}
    for (filename, _line, func), (_cc, ncalls, _tt, cumtime, _callers) in sorted(
            stats.stats.items(), key=lambda kv: -kv[1][3]):
        stage = stage_of(filename)
        if (stage, func) in wanted:
            print(f"  {stage + '.' + func:<28} {cumtime:8.3f} s  ({ncalls} calls)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", type=Path, help="SCHEMA input JSONL (default: examples/batch.jsonl, repeated)")
    ap.add_argument("--articles", "-n", type=int, default=500, help="number of articles (default 500)")
    ap.add_argument("--repeat", type=int, default=5, help="timed repetitions of each side (default 5)")
    ap.add_argument("--warmup", type=int, default=20, help="articles used to warm up both sides (default 20)")
    ap.add_argument("--model", default=None, help="spaCy model (default: eventwire's default)")
    ap.add_argument("--workers", type=int, default=1, help="processes for both sides (default 1)")
    ap.add_argument("--batch-size", type=int, default=None, help="spaCy batch size (default: the pipeline's)")
    ap.add_argument("--profile", action="store_true", help="also cProfile one full pass")
    ap.add_argument("--top", type=int, default=30, help="functions shown by --profile (default 30)")
    ap.add_argument("--no-typing-model", action="store_true", help="the rules alone code the events")
    ap.add_argument("--typing-cost", action="store_true",
                    help="also time the pipeline without the typing model, alternating, and print the difference "
                         "(goal: the model costs at most 5%% of the throughput)")
    ap.add_argument("--corpus", choices=sorted(CORPORA),
                    help="general: general news (the texts of the toponym sets geo_gwn and geo_lgl, taken in turn); "
                         "conflict: conflict news (wikievents); both cycled up to --articles. Also times the pipeline "
                         "without its relevance gate (`extract --all-articles`) and prints the throughput ratios")
    ap.add_argument("--eval-dir", type=Path, default=Path(os.environ.get("EVENTWIRE_EVAL_DIR", DEFAULT_EVAL_DIR)),
                    help="where the --corpus files are (default $EVENTWIRE_EVAL_DIR or ../shared/eval/dev)")
    ap.add_argument("--sentence-gate", type=int, nargs="*", metavar="NEIGHBOURS",
                    help="also time the pipeline with its relevance gate alone (`extract --no-sentence-gate`), and "
                         "with its sentence gate keeping each number of neighbour sentences given (default: 0; the "
                         "default pipeline keeps 1), alternating; implied by --corpus")
    ap.add_argument("--ner-everywhere", action="store_true",
                    help="also time the pipeline whose statistical NER reads the whole of a relevant article "
                         "(Pipeline(ner_everywhere=True), `extract --ner-everywhere`; by default it reads only the "
                         "sentences the sentence gate parses), alternating")
    ap.add_argument("--no-gc-freeze", action="store_true",
                    help="leave the loaded models in the garbage collector's passes (`eventwire extract` freezes "
                         "them after loading, and so does this benchmark by default)")
    ap.add_argument("--gate-cost", action="store_true",
                    help="also time the pipeline without its relevance gate, alternating (implied by --corpus)")
    args = ap.parse_args(argv)

    from eventwire.extraction import nlp as ew_nlp
    from eventwire.extraction.pipeline import BATCH_SIZE, Pipeline

    batch_size = args.batch_size or BATCH_SIZE
    if args.corpus:
        source = [args.eval_dir / name for name in CORPORA[args.corpus]]
        articles = read_corpus(source, args.articles, repeat_to_n=True)
    else:
        source = args.input or EXAMPLES
        articles = read_corpus(source, args.articles, repeat_to_n=args.input is None)
    texts = [a["text"] for a in articles]
    chars = sum(len(t) for t in texts)

    t0 = time.perf_counter()
    bare = ew_nlp.load_bare(args.model)
    t_load_bare = time.perf_counter() - t0
    pipeline = Pipeline(model=args.model, workers=args.workers, batch_size=batch_size,
                        typing_model=not args.no_typing_model)
    t0 = time.perf_counter()
    pipeline.nlp  # noqa: B018 - loads the model, the ruler, the actor catalogue and the gazetteer
    t_load_full = time.perf_counter() - t0

    print(f"corpus: {source} -> {len(articles)} articles, {chars:,} characters")
    print(f"model: {bare.meta.get('lang')}_{bare.meta.get('name')} {bare.meta.get('version')}; "
          f"workers {args.workers}; batch size {batch_size}; repetitions {args.repeat} (median reported)")
    print(f"load time: bare model {t_load_bare:.2f} s, full pipeline {t_load_full:.2f} s")

    warm = articles[: max(1, args.warmup)]
    time_bare(bare, [a["text"] for a in warm], batch_size, args.workers)
    time_full(pipeline, warm)

    ungated = None
    if args.corpus or args.gate_cost or args.sentence_gate is not None:
        ungated = Pipeline(model=args.model, workers=args.workers, batch_size=batch_size,
                           typing_model=not args.no_typing_model, relevance_gate=False, catalogue=pipeline.catalogue)
        ungated.nlp  # noqa: B018
        time_full(ungated, warm)
    sentence_gated: dict[int | None, Pipeline] = {}  # None: no sentence gate, the relevance gate alone
    if args.corpus or args.sentence_gate is not None:
        sentence_gated[None] = Pipeline(model=args.model, workers=args.workers, batch_size=batch_size,
                                        typing_model=not args.no_typing_model, catalogue=pipeline.catalogue,
                                        sentence_gate=False)
        time_full(sentence_gated[None], warm)
        for neighbours in args.sentence_gate or (0,):
            sentence_gated[neighbours] = Pipeline(
                model=args.model, workers=args.workers, batch_size=batch_size, typing_model=not args.no_typing_model,
                catalogue=pipeline.catalogue, sentence_gate=True, sentence_neighbours=neighbours)
            time_full(sentence_gated[neighbours], warm)
    ner_all = None
    if args.ner_everywhere:
        ner_all = Pipeline(model=args.model, workers=args.workers, batch_size=batch_size,
                           typing_model=not args.no_typing_model, catalogue=pipeline.catalogue, ner_everywhere=True)
        ner_all.nlp  # noqa: B018
        time_full(ner_all, warm)
    if not args.no_gc_freeze:  # as `eventwire extract` does (cli._pipeline): both sides alike
        gc.collect()
        gc.freeze()
    rules_only = None
    if args.typing_cost:
        rules_only = Pipeline(model=args.model, workers=args.workers, batch_size=batch_size, typing_model=False,
                              catalogue=pipeline.catalogue)
        time_full(rules_only, warm)
    bare_runs: list[Clock] = []
    full_runs: list[Clock] = []
    rules_runs: list[Clock] = []
    ungated_runs: list[Clock] = []
    unparsed_runs: list[Clock] = []
    ner_all_runs: list[Clock] = []
    sentence_runs: dict[int | None, list[Clock]] = {k: [] for k in sentence_gated}
    tokens = events = errors = 0
    for _ in range(max(1, args.repeat)):  # alternate, so a burst of load elsewhere hits both sides alike
        cb, tokens = time_bare(bare, texts, batch_size, args.workers)
        cf, events, errors = time_full(pipeline, articles)
        bare_runs.append(cb)
        full_runs.append(cf)
        if rules_only is not None:
            rules_runs.append(time_full(rules_only, articles)[0])
        if ungated is not None:
            ungated_runs.append(time_full(ungated, articles)[0])
            with bare.select_pipes(disable=["parser"]):  # what parsing no sentence at all would save
                unparsed_runs.append(time_bare(bare, texts, batch_size, args.workers)[0])
        for neighbours, gated in sentence_gated.items():
            sentence_runs[neighbours].append(time_full(gated, articles)[0])
        if ner_all is not None:
            ner_all_runs.append(time_full(ner_all, articles)[0])
    if rules_runs:
        t_with = statistics.median(c.wall for c in full_runs)
        t_without = statistics.median(c.wall for c in rules_runs)
        print(f"typing model: without {len(articles) / t_without:.1f} articles/s, with {len(articles) / t_with:.1f} "
              f"articles/s: throughput {100 * (t_without / t_with - 1):+.1f}% (goal: no worse than -5%)")

    n = len(articles)
    print(f"tokens: {tokens:,} ({tokens / n:.0f} per article); events: {events} ({events / n:.2f} per article); "
          f"articles with an error: {errors}")
    overheads = {}
    for kind in ("wall", "cpu"):
        if kind == "cpu" and args.workers > 1:
            continue  # the workers' CPU time is not this process's
        t_bare = statistics.median(getattr(c, kind) for c in bare_runs)
        t_full = statistics.median(getattr(c, kind) for c in full_runs)
        overheads[kind] = (t_full - t_bare) / t_bare
        print(f"{kind} time (median of {len(bare_runs)}):")
        for label, t, runs in (("bare nlp.pipe", t_bare, bare_runs), ("full Pipeline.pipe", t_full, full_runs)):
            print(f"  {label:<19} {t:7.2f} s  {n / t:8.1f} articles/s  {tokens / t:10,.0f} tokens/s"
                  f"   (runs: {', '.join(f'{getattr(c, kind):.2f}' for c in runs)})")
        print(f"  overhead: {100 * overheads[kind]:+.1f}%")
    basis = "cpu" if "cpu" in overheads else "wall"
    if ungated_runs or sentence_runs:
        gate = pipeline.gate
        passed = sum(gate.relevant(a["text"]) for a in articles) if gate is not None else n
        print(f"relevance gate: {passed} of {n} articles parsed ({100 * passed / n:.0f}%)")
        t_bare = statistics.median(getattr(c, basis) for c in bare_runs)
        parse = pipeline.gated_parse
        kept = f"{100 * parse.parsed_tokens / parse.tokens:.0f}%" if parse is not None and parse.tokens else "all"
        for label, runs in (("without the gates (--all-articles)", ungated_runs),
                            (f"with both gates (the default; {kept} of the relevant articles' tokens parsed)",
                             full_runs)):
            ratio = t_bare / statistics.median(getattr(c, basis) for c in runs)
            print(f"throughput ratio to the bare parse, {label}: {ratio:.2f}x ({basis} time)")
        share = 1 - statistics.median(getattr(c, basis) for c in unparsed_runs) / t_bare
        print(f"the dependency parser's share of the bare model's time: {100 * share:.0f}% (the most that parsing "
              f"only the sentences with a trigger could save)")
        for neighbours, runs in sentence_runs.items():
            parse = sentence_gated[neighbours].gated_parse
            share = parse.parsed_tokens / parse.tokens if parse is not None and parse.tokens else 1.0
            ratio = t_bare / statistics.median(getattr(c, basis) for c in runs)
            label = ("the relevance gate alone (--no-sentence-gate)" if neighbours is None else
                     f"the sentence gate keeping {neighbours} neighbour sentences ({100 * share:.0f}% of the "
                     f"relevant articles' tokens parsed)")
            print(f"throughput ratio to the bare parse, {label}: {ratio:.2f}x ({basis} time)")
    if ner_all_runs:
        t_bare = statistics.median(getattr(c, basis) for c in bare_runs)
        ratio = t_bare / statistics.median(getattr(c, basis) for c in ner_all_runs)
        print(f"throughput ratio to the bare parse, the NER over the whole article (ner_everywhere=True):"
              f" {ratio:.2f}x ({basis} time; runs: {', '.join(f'{getattr(c, basis):.2f}' for c in ner_all_runs)})")
    if ungated_runs or sentence_runs:
        if args.corpus:
            ratio = t_bare / statistics.median(getattr(c, basis) for c in full_runs)
            goal = RATIO_GOALS[args.corpus]
            print(f"goal ({args.corpus} news): ratio >= {goal:.2f}x: {ratio:.2f}x -> "
                  f"{'MET' if ratio >= goal else 'NOT MET'}")
    verdict = "MET" if overheads[basis] <= OVERHEAD_GOAL else "NOT MET"
    print(f"goal: overhead <= {100 * OVERHEAD_GOAL:.0f}% ({basis} time): {100 * overheads[basis]:+.1f}% -> {verdict}")

    if args.profile:
        print()
        serial = Pipeline(model=args.model, workers=1, batch_size=batch_size)
        serial.nlp  # noqa: B018 - loaded before profiling, so the profile shows extraction only
        print_profile(serial, articles, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
