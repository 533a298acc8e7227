"""The typing model's say in the extractor (extraction/events/typing.py), with a stand-in model whose readings
the tests choose: veto, retype, the rules' strong cues, labels the model barely knows, PLOVER-only events, the
confidence mix, and the setting that switches it off."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import spacy

from eventwire.extraction.events.candidates import EventCandidate
from eventwire.extraction.events.typing import Decisions, ModelTyping
from eventwire.lang import LanguageData, LanguageDataError
from eventwire.typing_model import TypingPrediction
from eventwire.typing_model.corpus import NONE

SUPPORT = 100  # training snippets the stand-in claims for every label it knows


def reading(sub: dict[str, float], plover: dict[str, float]) -> TypingPrediction:
    """A prediction with the given probabilities, the rest of the mass spread on labels nobody asked about."""
    sub = dict(sub)
    sub.setdefault("Other", max(0.0, 1 - sum(sub.values())))
    plover = dict(plover)
    plover.setdefault("SUPPORT", max(0.0, 1 - sum(plover.values())))
    return TypingPrediction(sub_event_type=sub, plover=plover)


class StandIn:
    """Reads a sentence by the first key of `readings` found in it; `unknown` labels have a support of 2."""

    def __init__(self, readings: dict[str, TypingPrediction], unknown: tuple[str, ...] = ()):
        self.readings, self.unknown, self.calls = readings, set(unknown), []

    def predict_passages(self, passages):
        texts = [" ".join(p) for p in passages]
        self.calls.append(texts)
        return [next(p for key, p in self.readings.items() if key in t) for t in texts]

    def support(self, head, label):
        return 2 if label in self.unknown else SUPPORT


@pytest.fixture(scope="module")
def language():
    return LanguageData("en")


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def candidate(blank, text: str, sub: str | None, event_type: str | None, plover: str, confidence=0.6, **more):
    doc = blank(text)
    sent = next(doc.sents)
    return EventCandidate(sentence=sent, trigger=sent[1], event_type=event_type, sub_event_type=sub,
                          plover_event=plover, plover_mode=more.pop("mode", None), cameo=more.pop("cameo", None),
                          confidence=confidence, **more)


# the decisions these tests assume (the shipped decisions.yaml may switch retyping off, as measured)
DECISIONS = Decisions(min_support=20, veto_no_event=0.85, veto_drops=0.5, veto_ignores=frozenset({"past_event"}),
                      retype=0.6, margin=0.3,
                      rule_decides=frozenset({"Suicide bomb", "Air/drone strike"}),
                      actors_decide=(frozenset({"Government regains territory", "Non-state actor overtakes territory"}),),
                      replover=0.8, model_share=0.5, context_sentences=0)


def typing_with(language, readings, unknown=(), decisions=DECISIONS):
    model = StandIn(readings, unknown)
    return ModelTyping(language, model=model, decisions=decisions), model


def test_a_confident_no_event_vetoes_the_rules_event(language, blank):
    typing, _ = typing_with(language, {
        "title": reading({NONE: 0.95, "Armed clash": 0.03}, {NONE: 0.9, "ASSAULT": 0.05}),
        "condemned": reading({NONE: 0.92, "Attack": 0.05}, {"ACCUSE": 0.85, NONE: 0.1}),
    })
    sport = candidate(blank, "The champions clashed in the battle for the title.", "Armed clash", "Battles", "ASSAULT")
    speech = candidate(blank, "The minister condemned the attack on the village.", "Attack",
                       "Violence against civilians", "ASSAULT", cameo="180")
    assert typing.apply([sport, speech]) == [sport, speech]
    assert sport.vetoed and not speech.vetoed  # the sporting clash goes: no ACLED event, no PLOVER event either
    # no ACLED event, but the rules' PLOVER coding stays (the model's own PLOVER reading does not replace it)
    assert (speech.event_type, speech.sub_event_type, speech.plover_event, speech.cameo) == (
        None, None, "ASSAULT", "180")
    assert speech.confidence == pytest.approx(0.5 * 0.6 + 0.5 * (1 - 0.1))


def test_no_veto_for_a_reason_the_dates_judge(language, blank):
    """"past_event" is for the extractor's dates: a wiki-style report of an old attack is an event all the same."""
    old = TypingPrediction(sub_event_type={NONE: 0.95, "Remote explosive/landmine/IED": 0.05},
                           plover={"ASSAULT": 0.9, NONE: 0.1}, no_event_reasons={"past_event": 0.9})
    typing, _ = typing_with(language, {"": old})
    bombing = candidate(blank, "The cafe bombing of 1974 killed 13 people.", "Remote explosive/landmine/IED",
                        "Explosions/Remote violence", "ASSAULT")
    typing.apply([bombing])
    assert not bombing.vetoed and bombing.sub_event_type == "Remote explosive/landmine/IED"


def test_only_a_reported_event_is_vetoed(language, blank):
    typing, _ = typing_with(language, {"": reading({NONE: 0.99}, {NONE: 0.99})})
    planned = candidate(blank, "The army will launch an offensive against the rebels.", "Armed clash", "Battles",
                        "ASSAULT", modality="future")
    typing.apply([planned])
    assert not planned.vetoed and planned.sub_event_type == "Armed clash"


def test_an_unsure_no_event_does_not_veto(language, blank):
    typing, _ = typing_with(language, {"": reading({NONE: 0.6, "Armed clash": 0.3}, {"ASSAULT": 0.7})})
    clash = candidate(blank, "Troops and rebels clashed near Beni.", "Armed clash", "Battles", "ASSAULT")
    typing.apply([clash])
    assert not clash.vetoed and clash.sub_event_type == "Armed clash"
    assert clash.confidence == pytest.approx(0.5 * 0.6 + 0.5 * 0.3)


def test_a_confident_other_sub_type_retypes_with_consistent_codes(language, blank):
    typing, _ = typing_with(language, {"": reading({"Protest with intervention": 0.82, "Peaceful protest": 0.1},
                                                   {"PROTEST": 0.95})})
    march = candidate(blank, "Police fired tear gas at the marchers in Nairobi.", "Peaceful protest", "Protests",
                      "PROTEST", mode="demo-org", cameo="141")
    typing.apply([march])
    assert (march.event_type, march.sub_event_type, march.plover_event, march.plover_mode, march.cameo) == (
        "Protests", "Protest with intervention", "PROTEST", "demo-spon", "141")
    assert march.confidence == pytest.approx(0.5 * 0.6 + 0.5 * 0.82)


def test_retyping_across_event_types_changes_every_code(language, blank):
    typing, _ = typing_with(language, {"": reading({"Arrests": 0.9, "Attack": 0.02}, {"COERCE": 0.9})})
    held = candidate(blank, "Soldiers seized two journalists in Goma.", "Attack", "Violence against civilians",
                     "ASSAULT", mode="firearms", cameo="180")
    typing.apply([held])
    assert (held.event_type, held.sub_event_type, held.plover_event, held.plover_mode, held.cameo) == (
        "Strategic developments", "Arrests", "COERCE", "arrest", "173")


def test_no_retype_without_the_margin(language, blank):
    decisions = DECISIONS
    best = decisions.retype + 0.02
    typing, _ = typing_with(language, {"": reading({"Protest with intervention": best,
                                                    "Peaceful protest": best - decisions.margin + 0.05},
                                                   {"PROTEST": 0.9})})
    march = candidate(blank, "Students marched in Kampala.", "Peaceful protest", "Protests", "PROTEST")
    typing.apply([march])
    assert march.sub_event_type == "Peaceful protest"


def test_a_strong_lexical_cue_keeps_the_rules_sub_type(language, blank):
    typing, _ = typing_with(language, {"": reading({"Remote explosive/landmine/IED": 0.9, "Suicide bomb": 0.05},
                                                   {"ASSAULT": 0.95})})
    bomb = candidate(blank, "A suicide bomber blew himself up at a checkpoint.", "Suicide bomb",
                     "Explosions/Remote violence", "ASSAULT")
    typing.apply([bomb])
    assert bomb.sub_event_type == "Suicide bomb"


def test_sub_types_told_apart_by_their_actors_stay_with_the_rules(language, blank):
    typing, _ = typing_with(language, {"": reading({"Government regains territory": 0.95}, {"ASSAULT": 0.95})})
    taken = candidate(blank, "Militants regained control of the hill.", "Non-state actor overtakes territory",
                      "Battles", "ASSAULT")
    typing.apply([taken])
    assert taken.sub_event_type == "Non-state actor overtakes territory"


def test_retyping_and_recoding_can_be_switched_off(language, blank):
    off = Decisions(**{**DECISIONS.__dict__, "retype": None, "replover": None})
    typing, _ = typing_with(language, {"": reading({"Arrests": 0.99}, {"REQUEST": 0.99})}, decisions=off)
    held = candidate(blank, "Soldiers seized two journalists in Goma.", "Attack", "Violence against civilians",
                     "ASSAULT")
    demand = candidate(blank, "The union demanded pay.", None, None, "ACCUSE")
    typing.apply([held, demand])
    assert held.sub_event_type == "Attack" and demand.plover_event == "ACCUSE"
    assert held.confidence == pytest.approx(0.5 * 0.6)  # the model gives the rules' reading no weight


def test_the_shipped_decisions_read(language):
    decisions = Decisions.read(language)
    assert 0.5 <= decisions.veto_no_event <= 1 and 0 <= decisions.model_share <= 1
    assert "Suicide bomb" in decisions.rule_decides


def test_a_label_the_model_barely_saw_is_left_to_the_rules(language, blank):
    readings = {"": reading({NONE: 0.97}, {NONE: 0.97})}
    typing, _ = typing_with(language, readings, unknown=("Chemical weapon",))
    gas = candidate(blank, "Chlorine was dropped on the town.", "Chemical weapon", "Explosions/Remote violence",
                    "ASSAULT")
    typing.apply([gas])
    assert not gas.vetoed and gas.sub_event_type == "Chemical weapon" and gas.confidence == 0.6
    # nor does it retype to a label it barely saw
    typing, _ = typing_with(language, {"": reading({"Chemical weapon": 0.9, "Attack": 0.05}, {"ASSAULT": 0.9})},
                            unknown=("Chemical weapon",))
    attack = candidate(blank, "Gunmen attacked the village.", "Attack", "Violence against civilians", "ASSAULT")
    typing.apply([attack])
    assert attack.sub_event_type == "Attack"


def test_a_plover_only_event_is_recoded_when_the_model_is_sure(language, blank):
    typing, _ = typing_with(language, {
        "demanded": reading({NONE: 0.95}, {"REQUEST": 0.9, "ACCUSE": 0.05}),
        "discussed": reading({NONE: 0.95}, {"CONSULT": 0.6, "AGREE": 0.3}),
    })
    demand = candidate(blank, "The union demanded the minister's resignation.", None, None, "ACCUSE", cameo="112")
    talks = candidate(blank, "The envoys discussed the border.", None, None, "AGREE", cameo="030")
    typing.apply([demand, talks])
    assert (demand.plover_event, demand.cameo) == ("REQUEST", "100")
    assert talks.plover_event == "AGREE"  # 0.6 is not sure enough
    assert talks.confidence == pytest.approx(0.5 * 0.6 + 0.5 * 0.3)


def test_each_sentence_is_read_once(language, blank):
    typing, model = typing_with(language, {"": reading({"Arrests": 0.9}, {"COERCE": 0.9})})
    doc = blank("Police arrested him and detained his brother.")
    sent = next(doc.sents)
    first = EventCandidate(sentence=sent, trigger=sent[1], event_type="Strategic developments",
                           sub_event_type="Arrests", plover_event="COERCE")
    second = EventCandidate(sentence=sent, trigger=sent[5], event_type="Strategic developments",
                            sub_event_type="Arrests", plover_event="COERCE")
    assert typing.apply([first, second]) == [first, second]
    assert model.calls == [[sent.text]]
    assert typing.apply([]) == [] and len(model.calls) == 1


def test_the_model_reads_the_sentence_with_its_neighbours_within_the_paragraph(language, blank):
    around = Decisions(**{**DECISIONS.__dict__, "context_sentences": 1})
    typing, model = typing_with(language, {"": reading({"Suicide bomb": 0.9}, {"ASSAULT": 0.9})}, decisions=around)
    doc = blank("Dateline Kano. A bomber blew himself up at the market. The blast tore through stalls. "
                "Nine died.\nIn other news, the league resumed.")
    sents = list(doc.sents)
    blast = EventCandidate(sentence=sents[2], trigger=sents[2][1], event_type="Explosions/Remote violence",
                           sub_event_type="Suicide bomb", plover_event="ASSAULT")
    first = EventCandidate(sentence=sents[0], trigger=sents[0][0], event_type="Explosions/Remote violence",
                           sub_event_type="Suicide bomb", plover_event="ASSAULT")
    typing.apply([blast, first])
    # one sentence either side, never across the line break; the first sentence has no sentence before it
    assert model.calls == [["A bomber blew himself up at the market. The blast tore through stalls. Nine died.",
                            "Dateline Kano. A bomber blew himself up at the market."]]
    assert typing.passage(sents[4]) == ("In other news, the league resumed.",)
    alone = ModelTyping(language, model=StandIn({}), decisions=DECISIONS)
    assert [s.strip() for s in alone.passage(sents[2])] == ["The blast tore through stalls."]


def test_bad_decisions_are_refused_with_the_file(tmp_path, language):
    root = tmp_path / "lang"
    (root / "typing").mkdir(parents=True)
    shutil.copy(language.path("typing/codes.yaml"), root / "typing" / "codes.yaml")
    text = Path(language.path("typing/decisions.yaml")).read_text().replace("veto_no_event: 0.", "veto_no_event: 8.")
    (root / "typing" / "decisions.yaml").write_text(text)
    with pytest.raises(LanguageDataError, match=r"decisions\.yaml: veto_no_event must be a number from 0 to 1"):
        ModelTyping(LanguageData("en", root=root), model=StandIn({}))


def test_the_pipeline_owns_the_model_and_can_switch_it_off(pipeline):
    from eventwire.extraction.pipeline import Pipeline

    assert pipeline.typing_model is True and pipeline.event_finder.typing is pipeline.model_typing
    assert pipeline._settings()["typing_model"] is True
    rules_only = Pipeline(typing_model=False, catalogue=pipeline.catalogue)
    assert rules_only.model_typing is None and rules_only.event_finder.typing is None
    assert rules_only._settings()["typing_model"] is False


def test_a_vetoing_model_marks_the_finders_events_and_switched_off_it_does_not(pipeline, nlp, language):
    from eventwire.extraction.events import EventFinder

    text = "Rebels attacked an army base near Beni on Monday, killing four soldiers."
    doc = nlp(text)
    mentions = pipeline.catalogue.find_mentions(doc)
    rules_only = EventFinder(language, pipeline.catalogue).find(doc, mentions)
    assert any(c.event_type is not None for c in rules_only) and not any(c.vetoed for c in rules_only)
    vetoing = ModelTyping(language, model=StandIn({"": reading({NONE: 0.99}, {NONE: 0.99})}))
    found = EventFinder(language, pipeline.catalogue, typing=vetoing).find(doc, mentions)
    assert found and all(c.vetoed for c in found)


def test_the_pipeline_drops_a_vetoed_event_but_reads_its_toll_first(pipeline):
    """A sentence the model reads as no event is no record; a toll update in it still updates the main event."""
    from eventwire.extraction.pipeline import Pipeline

    class TollIsNoEvent(StandIn):
        def predict_passages(self, passages):
            return [reading({NONE: 0.99}, {NONE: 0.99}) if "toll" in t or "title" in t
                    else reading({"Remote explosive/landmine/IED": 0.99}, {"ASSAULT": 0.99})
                    for t in (" ".join(p) for p in passages)]

    stand_in = Pipeline(catalogue=pipeline.catalogue)
    stand_in.model_typing = ModelTyping(stand_in.language, model=TollIsNoEvent({}), decisions=DECISIONS)
    events = [e for e in stand_in.extract("A bomb exploded at a bus station in the town, killing 8 people. "
                                          "The death toll later rose to 12. The home side won the battle for "
                                          "the title.") if e.modality == "asserted"]
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Remote explosive/landmine/IED", 12)]


def test_decisions_from_the_files_mapping_with_a_key_changed(language):
    raw = language.yaml("typing/decisions.yaml")
    changed = Decisions.from_mapping({**raw, "model_share": 0.25, "retype": 0.9}, "try")
    assert changed.model_share == 0.25 and changed.retype == 0.9
    assert changed.rule_decides == Decisions.read(language).rule_decides
    with pytest.raises(LanguageDataError, match="unknown key"):
        Decisions.from_mapping({**raw, "model_shares": 0.25}, "try")
    with pytest.raises(LanguageDataError, match="model_share must be a number"):
        Decisions.from_mapping({**raw, "model_share": 2}, "try")


@pytest.mark.parametrize("alone_no_event,vetoed", [(0.1, False), (0.97, True)])
def test_a_veto_read_around_the_sentence_must_hold_for_the_sentence_alone(language, blank, alone_no_event, vetoed):
    """The claim after an attack makes the passage read as no event; the sentence alone, read clearly as an event,
    keeps it (and one that reads as no event alone too is vetoed)."""
    settings = Decisions(**{**DECISIONS.__dict__, "context_sentences": 1, "veto_alone": 0.5})
    typing, model = typing_with(language, {
        "claimed": reading({NONE: 0.99}, {NONE: 0.1, "ASSAULT": 0.8}),
        "shot": reading({NONE: alone_no_event, "Attack": 1 - alone_no_event}, {"ASSAULT": 0.9}),
    }, decisions=settings)
    doc = blank("A former colonel was shot dead in Moscow. A rebel leader claimed the killing.")
    sent = next(doc.sents)
    cand = EventCandidate(sentence=sent, trigger=sent[4], event_type="Violence against civilians",
                          sub_event_type="Attack", plover_event="ASSAULT", modality="asserted")
    typing.apply([cand])
    assert model.calls[-1] == ["A former colonel was shot dead in Moscow."]
    assert (cand.sub_event_type is None) is vetoed
