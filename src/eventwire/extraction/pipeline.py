"""The Python API: `Pipeline` loads every resource once and streams articles through the stages.

    article -> nlp -> actors -> events (+ modality) -> places -> dates -> casualties -> records

The CLI, the store, the HTTP server and the Spark job all go through `Pipeline.pipe`, so they produce
the same records for the same input.
"""

from __future__ import annotations

import functools
import gc
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from eventwire import collector, records
from eventwire.batches import batched
from eventwire.compiled import CompiledCache, content_hash, package_files, source_hash, stat_hash, version
from eventwire.extraction import actors, assemble, casualties, dates, events, nlp, places, relevance
from eventwire.extraction.actors import user
from eventwire.extraction.conventional_parties import PartyConventions
from eventwire.extraction.events import retold, triggers
from eventwire.extraction.events.candidates import is_reference, tells_toll_of_named_event
from eventwire.extraction.events.frames import frame_before_content
from eventwire.extraction.events.typing import ModelTyping
from eventwire.extraction.headline_reread import DATA_FILE as HEADLINE_DATA
from eventwire.extraction.headline_reread import add_headline_reread
from eventwire.extraction.places.coordinated import one_event_per_place
from eventwire.extraction.places.locate import place_of_retold
from eventwire.extraction.places.parties import place_of_parties
from eventwire.geo.gazetteer import COUNTRY
from eventwire.lang import DEFAULT_LANGUAGE, LanguageData
from eventwire.records import BACKGROUND_DAYS, Article, ArticleResult, Event
from eventwire.sources.language import LanguageCheck

BATCH_SIZE = 64


def as_article(item: Any, index: int = 0) -> Article:
    """Accept an Article, a SCHEMA input dict, or a bare string."""
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return Article(id=str(index), text=item)
    if isinstance(item, dict):
        return Article.from_dict(item, default_id=str(index))
    raise TypeError(f"cannot read an article from {type(item).__name__}")


class Pipeline:
    """Load once, extract many. `workers > 1` spreads batches over that many processes.

    The Pipeline owns every resource its stages use: the language data, the actor catalogue, the gazetteer and
    the stage objects built from them. Nothing is shared through module globals, so two Pipelines with
    different catalogues (or languages) live side by side in one process.

    `background_days`: an event dated (or named by its year) more than this many days before the article's
    publication date gets modality `background` (recalled, not reported).

    `typing_model`: the typing model (lang/<code>/typing/model/) may veto or retype the rules' events; False
    leaves the coding to the rules alone (for comparison).

    `relevance_gate`: an article without a single word an event can start from is not parsed and gets no events
    (extraction/relevance.py); False parses every article (`extract --all-articles`). Without events
    (`geoparse`) every article is parsed.

    `sentence_gate`: within a relevant article, only the sentences the gate finds relevant, and
    `sentence_neighbours` sentences either side of each, get the tagger, parser and lemmatizer; the entity ruler
    and the NER still read the whole article (nlp.SentenceGatedParse); False parses every sentence of a relevant
    article (`extract --no-sentence-gate`). Off with the relevance gate.

    `ner_everywhere`: False (the default) runs the statistical NER too only over the sentences the sentence gate
    parses; the others keep the entity ruler's names, and the geoparser's gazetteer scan reads their capitalised
    words (places/recognise.proper_noun). True runs the NER over the whole article (`extract --ner-everywhere`)."""

    def __init__(self, model: str | None = None, workers: int = 1, batch_size: int = BATCH_SIZE,
                 geoparse: bool = True, events: bool = True, *, language: str | LanguageData = DEFAULT_LANGUAGE,
                 catalogue: actors.Catalogue | None = None, gazetteer: Any = None,
                 background_days: int = BACKGROUND_DAYS, typing_model: bool = True, relevance_gate: bool = True,
                 sentence_gate: bool = True, sentence_neighbours: int = 1, ner_everywhere: bool = False):
        self.model = nlp.model_name(model)
        self.workers = max(1, int(workers or 1))
        self.batch_size = batch_size
        self.geoparse = geoparse
        self.events = events  # False: places only (`eventwire geoparse`), the event stages are skipped
        self.background_days = int(background_days)
        self.typing_model = bool(typing_model)
        self.relevance_gate = bool(relevance_gate)
        self.sentence_gate = bool(sentence_gate)
        self.sentence_neighbours = max(0, int(sentence_neighbours))
        self.ner_everywhere = bool(ner_everywhere)
        self.language = language if isinstance(language, LanguageData) else LanguageData(language)
        self._catalogue = catalogue
        self._gazetteer = gazetteer
        self._nlp = None

    # -- resources, each built on first use and kept ----------------------------------------------------
    @functools.cached_property
    def language_check(self) -> LanguageCheck:
        """Whether an article can be processed: not empty, not binary, and in the pipeline's language."""
        return LanguageCheck(self.language)

    @functools.cached_property
    def compiled(self) -> CompiledCache:
        """Where the resources built from the data files are kept between runs (see eventwire.compiled)."""
        return CompiledCache()

    @functools.cached_property
    def resources_key(self) -> str:
        """A hash of everything the default catalogue and ruler patterns are built from: the package's data, the
        language's files (its typing model and corpus aside), the user's catalogue and eventwire's source."""
        files = [*package_files("data"), *_language_files(self.language.root),
                 user.user_catalogue_path(None)]
        return content_hash(files, source_hash(), self.language.code)

    @functools.cached_property
    def catalogue(self) -> actors.Catalogue:
        if self._catalogue is not None:
            return self._catalogue
        return self.compiled.load_or_build("catalogue", self.resources_key,
                                           lambda: actors.load_catalogue(self.language))

    @functools.cached_property
    def geoparser(self) -> places.Geoparser:
        return places.Geoparser(self._gazetteer, language=self.language, catalogue=self.catalogue)

    @functools.cached_property
    def model_typing(self) -> ModelTyping | None:
        if not self.typing_model:
            return None
        typing = ModelTyping(self.language)
        typing.load()  # a missing or broken model fails here, before the first article
        return typing

    @functools.cached_property
    def event_finder(self) -> events.EventFinder:
        return events.EventFinder(self.language, catalogue=self.catalogue, typing=self.model_typing)

    @functools.cached_property
    def party_conventions(self) -> PartyConventions:
        """Who the parties a report does not name are (lang/<code>/events/conventional_parties.yaml)."""
        return PartyConventions.from_language(self.language)

    @functools.cached_property
    def date_finder(self) -> dates.DateFinder:
        return dates.DateFinder(self.language)

    @functools.cached_property
    def fatality_counter(self) -> casualties.FatalityCounter:
        return casualties.FatalityCounter(self.language)

    def _ruler_patterns(self, model) -> list:
        """The entity-ruler patterns of the catalogue and the geoparser, compiled for `model`'s tokenizer; those
        of the default catalogue and gazetteer are kept in the cache directory."""
        def build() -> list:
            patterns = self.catalogue.ruler_patterns() + places.geoparser_ruler_patterns(self.geoparser)
            return nlp.compile_patterns(model, patterns)

        if self._catalogue is not None or self._gazetteer is not None:
            return build()  # resources given in code: nothing to key a cache file on
        key = stat_hash([self.geoparser.gaz.path], self.resources_key, nlp.model_signature(model))
        return self.compiled.load_or_build("ruler", key, build)

    def _trigger_keys(self, model) -> list:
        """The event finder's trigger phrases as word hashes (events.triggers.phrase_keys), from the compiled
        cache; they depend on the language's files and spaCy's English tokenizer only."""
        key = content_hash([], self.resources_key, version("spacy"))
        return self.compiled.load_or_build("triggers", key, lambda: triggers.phrase_keys(self.event_finder.lexicon,
                                                                                           model.vocab))

    @functools.cached_property
    def gate(self) -> relevance.RelevanceGate | None:
        """The relevance gate, or None when articles are all parsed (no gate asked for, places only, or a model
        whose lemmatizer cannot give the word forms)."""
        if not (self.relevance_gate and self.events):
            return None
        return relevance.build_gate(self.event_finder.lexicon, self.nlp)

    @functools.cached_property
    def gated_parse(self) -> nlp.SentenceGatedParse | None:
        """The sentence gate's parse, or None when every sentence of a relevant article is parsed."""
        if not self.sentence_gate or self.gate is None:
            return None
        return nlp.SentenceGatedParse(self.nlp, ner_everywhere=self.ner_everywhere)

    @property
    def nlp(self):
        if self._nlp is None:
            model = nlp.load_bare(self.model)
            nlp.use_fast_attribute_ruler(model)
            nlp.add_line_breaks(model)
            add_headline_reread(model, self.language.yaml(HEADLINE_DATA))
            nlp.use_fast_lemmatizer(model)
            nlp.add_ruler(model, self._ruler_patterns(model))
            self._nlp = model
            self.geoparser.use_model(self._nlp)
            if self.events:
                self.event_finder, self.date_finder, self.fatality_counter  # noqa: B018 - load before the first article
                # its trigger matcher too: the strings it adds must outlive the batches' memory zones
                self.event_finder.phrase_matcher(self._nlp.vocab, self._trigger_keys(self._nlp))
                self.gate, self.gated_parse  # noqa: B018
        return self._nlp

    # -- one article -----------------------------------------------------------------------------------
    def extract(self, text: str, published: Any = None, article_id: str = "0") -> list[Event]:
        art = Article(id=article_id, text=text, published=records.parse_published(published))
        res = next(self.pipe([art]))
        if res.error:
            raise ValueError(res.error)
        return res.events

    # -- many articles ---------------------------------------------------------------------------------
    def pipe(self, articles: Iterable[Any]) -> Iterator[ArticleResult]:
        """One ArticleResult per input, in input order; a bad article gets `error` set, the others go on."""
        if self.workers > 1:
            yield from self._pipe_parallel(articles)
        else:
            yield from self._pipe_serial(articles)

    def _pipe_serial(self, articles: Iterable[Any]) -> Iterator[ArticleResult]:
        batch: list[ArticleResult] = []
        for i, item in enumerate(articles):
            batch.append(_prepare(item, i, self.language_check))
            if len(batch) >= self.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def parsed(self, articles: Iterable[Any]) -> Iterator[tuple[ArticleResult, Any]]:
        """The articles `pipe` would run the stages after the parse on, each with its Doc: checked, through the
        relevance gate and parsed as `pipe` does; `analyse(doc, result.article)` then gives the events `pipe`
        gives. For tools that parse once and re-run the later stages under other settings
        (benchmarks/typing_replay.py); the Docs are not freed after each batch, as `pipe` frees them."""
        gate = self.gate  # loads the model, which the gate's word forms come from
        prepared = (_prepare(item, i, self.language_check) for i, item in enumerate(articles))
        for batch in batched((r for r in prepared if r.error is None and (gate is None or gate.relevant(r.article.text))),
                             self.batch_size):
            yield from zip(batch, self._parse([r.article.text for r in batch]))

    def _run_batch(self, batch: list[ArticleResult]) -> list[ArticleResult]:
        # the strings and lexemes of the batch's texts are freed after it (spaCy's memory zone: the records hold
        # plain values, no Doc), so that the vocabulary of a long run does not grow with every new name read
        with self.nlp.memory_zone(), collector.paused():
            return self._extract_batch(batch)

    def _extract_batch(self, batch: list[ArticleResult]) -> list[ArticleResult]:
        gate = self.gate  # loads the model, which the gate's word forms come from
        todo = [r for r in batch if r.error is None and (gate is None or gate.relevant(r.article.text))]
        texts = [r.article.text for r in todo]
        try:
            docs = self._parse(texts)
        except Exception:  # a pathological text breaks the whole spaCy batch: redo one by one
            docs = []
            for r in todo:
                try:
                    docs.append(self.nlp(r.article.text))
                except Exception as exc:  # noqa: BLE001 - reported per article
                    r.error = f"language pipeline failed: {exc}"
                    docs.append(None)
        for r, doc in zip(todo, docs):
            if doc is None:
                continue
            try:
                r.places, r.events = self.analyse(doc, r.article)
            except Exception as exc:  # noqa: BLE001 - one bad article never stops a batch
                r.error = f"extraction failed: {type(exc).__name__}: {exc}"
                r.events, r.places = [], []
        return batch

    def _parse(self, texts: list[str]) -> list:
        gated = self.gated_parse
        if gated is None:
            return list(self.nlp.pipe(texts, batch_size=self.batch_size))
        gate, neighbours = self.gate, self.sentence_neighbours
        return gated.pipe(texts, lambda sents: relevance.kept_sentences(gate, sents, neighbours), self.batch_size)

    def analyse(self, doc, article: Article) -> tuple[list, list[Event]]:
        """All stages after the parse, for one article: (place mentions, events)."""
        doc.user_data[nlp.TEXT_KEY] = article.text  # what doc.text would build again, token by token
        actor_mentions = self.catalogue.find_mentions(doc)
        place_mentions = self.geoparser.parse(doc, actor_mentions=actor_mentions) if self.geoparse else []
        if not self.events:
            return place_mentions, []
        date_mentions = self.date_finder.find(doc, article.published)
        out: list[Event] = []
        doc_country = assemble.focus_country(place_mentions)
        built: dict[int, Event] = {}
        bare_reports: set[int] = set()  # events that only report deaths, which may be the main event's
        updates: list[casualties.DeathReport] = []  # toll updates, running totals: no events of their own
        additions: list[casualties.DeathReport] = []  # reports of more dead of an event told before
        dated_back: dict[int, object] = {}  # id of an event made background by time words alone -> its candidate
        bare_places = events.BarePlaces.from_language(
            self.geoparser.language, self.geoparser.gaz, self.geoparser.words.given_names,
            [(m.start, m.end, m.place.country) for m in place_mentions if m.place.country],
            getattr(self.geoparser.recogniser.uncased, "lexicon", None)) if self.geoparse else None
        for cand in self.event_finder.find(doc, actor_mentions, place_mentions, bare_places):
            dead = self.fatality_counter.find(cand.sentence, cand.trigger)
            main_told = casualties.main_event_at(out) is not None
            if casualties.told_elsewhere(cand, dead, self.fatality_counter, main_told):
                if dead is not None and dead.tally:
                    updates.append(casualties.DeathReport(dead, len(out)))
                continue
            if cand.vetoed:
                continue  # the typing model reads no event here, and it is no toll update either
            deaths_only = casualties.reports_deaths_only(cand, dead, self.fatality_counter.lexicon)
            if deaths_only or tells_toll_of_named_event(cand, self.event_finder.lexicon.words):
                bare_reports.add(len(out))  # "Eight people were killed.", "The blast killed nine."
                if dead is not None and dead.adds and cand.modality == "asserted":
                    additions.append(casualties.DeathReport(dead, len(out)))  # "Two more were also killed."
            location = self.geoparser.locate(doc, place_mentions, cand)
            if bare_places is not None and (location is None or location.feature == COUNTRY):
                location = self._bare_town(bare_places, place_mentions, cand, location)
            when = self.date_finder.event_date(date_mentions, cand, article.published)
            ev = assemble.build_event(article, cand, location, when, dead, self.catalogue, doc_country=doc_country)
            if location is None and self.geoparse:  # a report that names no place: its parties' country
                ev.location = place_of_parties(ev, self.geoparser.gaz, self.geoparser.words.foreigner_nouns,
                                               self.geoparser.locator.venue_of_trigger(cand.trigger))
            assemble.place_as_target(ev, cand, place_mentions, self.catalogue)
            recalled = cand.modality == "asserted" and (self.date_finder.recalled(
                when, article.published, self.background_days) or self.date_finder.looked_back(
                date_mentions, cand, article.published))
            if recalled:
                ev.modality = "background"  # "the 2008 Mumbai attacks", "since the massacre in March"
                if not self.date_finder.of_childhood(cand):
                    dated_back[id(ev)] = cand
            elif cand.modality == "background" and self.event_finder.modality.told_ago(cand.trigger):
                dated_back[id(ev)] = cand  # "killed 30 people five years ago"
            elif cand.antecedent is not None and id(cand.antecedent) in built:
                first = built[id(cand.antecedent)]
                if first.modality == "background" and ev.date_text is None:
                    ev.modality = "background"  # "the attack" after "the 2016 attack on the market"
                    if id(first) in dated_back:
                        dated_back[id(ev)] = cand
                ev.same_as = first.same_as or first.event_id
                if ev.date_text is None:  # "the attack" happened when the event it names did
                    ev.date, ev.date_precision, ev.date_text = first.date, first.date_precision, first.date_text
                ev.location = place_of_retold(ev.location, first.location)
                if (is_reference(cand, self.event_finder.lexicon.words) or len(out) not in bare_reports) \
                        and not (dead is not None and dead.part):
                    # (a deaths-only report "killed in the attack": the main toll settles it, for all it tells; "four
                    # aid workers were among the dead" is a part of the dead, no toll)
                    casualties.toll_of_named_event(first, ev)
            if deaths_only and main_told:  # "A fifth soldier died of his wounds.": the main event's dead
                retold.link_more_dead(out[casualties.main_event_at(out)], ev, dead)
            built[id(cand)] = ev
            out.append(ev)
        # an undated text that tells past events only reports them
        events.report_lone_past(doc, out, dated_back, article.published, self.event_finder.modality.reporting_verbs)
        busy = {ev.evidence.start for i, ev in enumerate(out) if i not in bare_reports}
        wounded_dead = casualties.deaths_of_the_wounded(doc, self.fatality_counter, busy)
        eventless_dead = casualties.deaths_without_event(doc, self.fatality_counter, {ev.evidence.start for ev in out})
        casualties.settle_main_toll(out, bare_reports, updates, wounded_dead, additions, eventless_dead)
        kept = self.event_finder.drop_duplicates(out)
        retold.link_headline(article.text, kept)  # "Bomb kills five in Kabul market" over the body's lead
        kept = one_event_per_place(doc, place_mentions, kept)  # "air strikes on Foo and Bar": an event at each
        self.party_conventions.fill_article(kept, doc_country, self.catalogue)
        frame_before_content(doc, kept)  # "condemned the arrest": the condemnation is the sentence's news
        events.most_severe_first(kept)
        events.harm_before_property(kept)
        return place_mentions, kept

    def _bare_town(self, bare_places, place_mentions, cand, location):
        """The town the sentence names but the small model read as a party ("regime forces shelled Kafr Foo"):
        the event's place when the geoparser found none, or only the country (the town must lie in it)."""
        names = bare_places.names_in(cand.start, cand.end)
        for span in sorted(names, key=lambda s: abs(s.root.i - cand.trigger.i)):
            town = self.geoparser.place_of_name(span.text, place_mentions,
                                                location.country if location is not None else None)
            if town is not None:
                return town
        return location

    def _settings(self) -> dict[str, Any]:
        """What a worker process needs to build the same Pipeline (resources given explicitly go along)."""
        return dict(model=self.model, batch_size=self.batch_size, geoparse=self.geoparse, events=self.events,
                    language=self.language, catalogue=self._catalogue, gazetteer=self._gazetteer,
                    background_days=self.background_days, typing_model=self.typing_model,
                    relevance_gate=self.relevance_gate, sentence_gate=self.sentence_gate,
                    sentence_neighbours=self.sentence_neighbours, ner_everywhere=self.ner_everywhere)

    def _pool(self):
        """The worker processes. Where processes fork, every resource is loaded here first and the workers
        inherit this Pipeline: the read-only indexes (model, catalogue, ruler, language identifier ...) are
        shared copy-on-write, not loaded N times; the objects are frozen out of the garbage collector first, so
        that its passes do not write to (and copy) their pages. Elsewhere each worker builds its own Pipeline."""
        if os.name != "posix":
            return mp.get_context("spawn").Pool(self.workers, initializer=_worker_init,
                                                initargs=(self._settings(),))
        self.nlp  # noqa: B018 - the model, the ruler and the stages it needs
        self.language_check.identifier  # noqa: B018
        gc.collect()
        gc.freeze()
        try:  # with fork, initargs reach the workers by inheritance, not pickled
            return mp.get_context("fork").Pool(self.workers, initializer=_worker_adopt, initargs=(self,))
        finally:
            gc.unfreeze()

    def _pipe_parallel(self, articles: Iterable[Any]) -> Iterator[ArticleResult]:
        with self._pool() as pool:
            check = self.language_check
            chunks = batched((_prepare(item, i, check) for i, item in enumerate(articles)), self.batch_size)
            # a few batches per worker in flight, not more: Pool.imap would read the whole input ahead
            in_flight: deque = deque()
            for chunk in chunks:
                in_flight.append(pool.apply_async(_worker_run, (chunk,)))
                if len(in_flight) >= 2 * self.workers:
                    yield from in_flight.popleft().get()
            while in_flight:
                yield from in_flight.popleft().get()



def _language_files(root: Path) -> list[Path]:
    """The data files of a language folder, its typing model and training corpus aside (the typing model is
    loaded on its own, and depends on no catalogue)."""
    out: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "typing" and d != "__pycache__")
        out.extend(Path(folder) / f for f in sorted(files) if not f.endswith((".py", ".pyc")))
    return out


def _prepare(item: Any, index: int, check: LanguageCheck) -> ArticleResult:
    try:
        art = as_article(item, index)
    except (TypeError, ValueError) as exc:
        aid = str(item.get("id", index)) if isinstance(item, dict) else str(index)
        return ArticleResult(article=Article(id=aid, text=""), error=str(exc))
    return ArticleResult(article=art, error=check.problem(art.text))


# -- worker processes ------------------------------------------------------------------------------------
_WORKER: Pipeline | None = None


def _worker_init(settings: dict[str, Any]) -> None:
    global _WORKER  # one Pipeline per worker process, built from its parent's settings
    _WORKER = Pipeline(workers=1, **settings)
    _WORKER.nlp  # noqa: B018 - load once per process


def _worker_adopt(pipeline: Pipeline) -> None:
    global _WORKER  # a forked worker: its parent's Pipeline, already loaded
    gc.freeze()  # the inherited objects stay out of the collector's passes in the worker too
    _WORKER = pipeline


def _worker_run(batch: list[ArticleResult]) -> list[ArticleResult]:
    assert _WORKER is not None
    return _WORKER._run_batch(batch)



_DEFAULT: Pipeline | None = None


def extract(text: str, published: Any = None, article_id: str = "0", model: str | None = None) -> list[Event]:
    """`eventwire.extract(text, published="2017-02-09")`: the events of one article."""
    global _DEFAULT
    if _DEFAULT is None or (model and nlp.model_name(model) != _DEFAULT.model):
        _DEFAULT = Pipeline(model=model)
    return _DEFAULT.extract(text, published=published, article_id=article_id)
