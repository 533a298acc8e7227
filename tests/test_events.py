"""The events stage on sentences written for these tests: triggers, grouping, roles and coding."""

import pytest

import eventwire


@pytest.fixture(scope="module")
def extract(pipeline):
    def run(text, published="2021-06-10"):
        return [e for e in pipeline.extract(text, published=published)]

    return run


def asserted(events):
    return [e for e in events if e.modality == "asserted"]


def only(events, **want):
    found = [e for e in asserted(events) if all(getattr(e, k) == v for k, v in want.items())]
    assert found, f"no asserted event with {want}: {[(e.event_type, e.sub_event_type, e.modality) for e in events]}"
    return found[0]


def test_air_strike_by_state_forces(extract):
    ev = only(extract("Russian warplanes struck a market in the town of Saraqib on Tuesday, killing nine "
                      "civilians, rescuers said."), sub_event_type="Air/drone strike")
    assert ev.event_type == "Explosions/Remote violence"
    assert ev.plover.event == "ASSAULT"
    assert ev.actor1 is not None and ev.actor1.country == "RUS"
    assert ev.cameo == "195"


def test_reporting_verb_attributes_the_killing(extract):
    ev = only(extract("The Nigerian army said on Monday it had killed 31 Boko Haram fighters in Borno state."),
              event_type="Battles")
    assert ev.actor1.country == "NGA" and ev.actor1.sector in ("MIL", "GOV")
    assert ev.actor2 is not None and "Boko Haram" in ev.actor2.name
    assert ev.trigger == "killed"


def test_passive_agent_is_actor1(extract):
    events = asserted(extract("Three police officers were killed by al-Shabaab militants near Mandera on Friday."))
    assert events
    ev = events[0]
    assert ev.actor1 is not None and "Shabaab" in ev.actor1.name
    assert ev.actor2 is not None and ev.actor2.sector in ("COP", "MIL", "GOV")
    assert ev.event_type == "Battles"


def test_suicide_bombing(extract):
    ev = only(extract("A suicide bomber blew himself up at a police checkpoint in Quetta, killing four people."),
              sub_event_type="Suicide bomb")
    assert ev.event_type == "Explosions/Remote violence"
    assert ev.plover.mode == "suicide-attack"


def test_attack_on_civilians(extract):
    ev = only(extract("Gunmen stormed a village in Plateau State and shot dead 14 villagers."),
              event_type="Violence against civilians")
    assert ev.sub_event_type == "Attack"


def test_territory_taken_by_government(extract):
    ev = only(extract("Iraqi security forces recaptured the town of Tal Afar from Islamic State fighters."),
              event_type="Battles")
    assert ev.sub_event_type == "Government regains territory"
    assert ev.actor1.country == "IRQ"


def test_territory_taken_by_rebels(extract):
    ev = only(extract("The Taliban seized the district centre of Maruf after two days of fighting."),
              event_type="Battles")
    assert ev.sub_event_type == "Non-state actor overtakes territory"


def test_arrests(extract):
    ev = only(extract("Turkish police detained 45 people suspected of links to the Islamic State group."),
              sub_event_type="Arrests")
    assert ev.plover.event == "COERCE"


def test_phone_call_is_plover_only(extract):
    ev = only(extract("During a telephone call on Tuesday, President Macron and Chancellor Scholz discussed "
                      "the war."), plover=eventwire.Plover("CONSULT", "phone", ["diplomatic"]))
    assert ev.event_type is None


def test_future_threat_is_not_asserted(extract):
    events = extract("The army will launch an offensive against the rebels in the coming weeks.")
    assert not [e for e in asserted(events) if e.event_type == "Battles"]
    assert any(e.modality == "future" for e in events)


def test_denial_is_negated(extract):
    events = extract("The Israeli military denied that its aircraft bombed the hospital.")
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert strikes and all(e.modality == "negated" for e in strikes)


def test_prevented_clash_is_hypothetical(extract):
    events = extract("Both sides agreed on a hotline to prevent clashes between their troops.")
    clashes = [e for e in events if e.sub_event_type == "Armed clash"]
    assert clashes and all(e.modality == "hypothetical" for e in clashes)


def test_accident_is_not_an_event(extract):
    events = extract("Twelve people died when a bus collided with a truck on the highway near Kano.")
    assert not [e for e in asserted(events) if e.event_type]


def test_claim_of_responsibility_names_the_perpetrator(extract):
    events = extract("A bomb exploded at a bus station in Kabul, killing six people. The Islamic State "
                     "group claimed responsibility for the attack.")
    ev = only(events, sub_event_type="Remote explosive/landmine/IED")
    assert ev.actor1 is not None and ev.actor1.name == "Islamic State"


def test_boilerplate_is_not_an_event(extract):
    events = extract("An official who requested anonymity said the talks were going well.")
    assert not [e for e in events if e.plover.event == "REQUEST"]


def test_evidence_offsets_point_into_the_text(extract):
    text = "Heavy rain fell.\n\nAl-Shabaab fighters attacked a military base in Lower Shabelle on Friday."
    for ev in extract(text):
        assert text[ev.evidence.start:ev.evidence.end] == ev.evidence.text
        assert ev.evidence.start >= text.index("Al-Shabaab")


def test_weapons_found_are_disrupted_weapons_use(extract):
    events = extract("Police said two homemade bombs and a rifle were found in an abandoned car near Mombasa.")
    assert [e for e in asserted(events) if e.sub_event_type == "Disrupted weapons use"]
    assert not [e for e in asserted(events) if e.event_type == "Explosions/Remote violence"]


def test_statement_of_intent_is_an_asserted_agreement(extract):
    events = extract("Japan will provide emergency aid to Kenya next month, the foreign ministry said.")
    assert any(e.modality == "asserted" and e.plover.event == "AGREE" for e in events)


# one sentence, one asserted event with this code
@pytest.mark.parametrize("text,field,value", [
    ("A roadside bomb struck an army convoy near Kirkuk on Sunday.",
     "sub_event_type", "Remote explosive/landmine/IED"),
    ("Government forces shelled rebel positions in the hills east of Idlib overnight.",
     "sub_event_type", "Shelling/artillery/missile attack"),
    ("Armed men abducted 20 students from a school in Kaduna on Thursday.",
     "sub_event_type", "Abduction/forced disappearance"),
    ("Thousands of teachers marched peacefully through Nairobi on Monday to demand higher pay.",
     "sub_event_type", "Peaceful protest"),
    ("Rioters torched vehicles and threw stones at police in Bamako.",
     "event_type", "Riots"),
    ("Police fired tear gas to disperse hundreds of protesters in Harare on Wednesday.",
     "sub_event_type", "Protest with intervention"),
    ("The two warring parties signed a ceasefire agreement in Juba on Saturday.",
     "sub_event_type", "Agreement"),
    ("Turkish troops set up a new observation post near the town of Saraqib on Sunday.",
     "sub_event_type", "Headquarters or base established"),
    ("Demonstrators threw stones at riot police and clashed with officers outside parliament.",
     "sub_event_type", "Violent demonstration"),
    ("Security forces opened fire on protesters in Khartoum, killing seven demonstrators.",
     "sub_event_type", "Excessive force against protesters"),
])
def test_coded_as(extract, text, field, value):
    only(extract(text), **{field: value})


# -- the language data: checked on load, errors name the file and line ------------------------------------
TRIGGERS = """\
classes:
  clash:
    family: violence
    plover: ASSAULT
    cameo: "190"
    verbs: [clash, fight]
    nouns: [clash, clashes]
    phrases: ["gun battle",
              "heavy fighting"]
not_events: ["press conference"]
"""
RULES = """\
instruments: {air: [air strike, drone]}
victims: {civilian: [villager], armed: [soldier], property: [car]}
non_conflict: [accident]
rules:
  - when: {class: [clash]}
    then: {event_type: Battles, sub_event_type: Armed clash, plover: ASSAULT, cameo: "190"}
"""


def write_language(tmp_path, triggers=TRIGGERS, rules=RULES):
    """A language folder with the given triggers and rules and the real word lists."""
    import shutil

    from eventwire.lang import LANG_DIR, LanguageData

    events = tmp_path / "events"
    events.mkdir()
    for name in ("words.yaml", "parties.yaml", "modality.yaml"):
        shutil.copy(LANG_DIR / "en" / "events" / name, events / name)
    (events / "triggers.yaml").write_text(triggers, encoding="utf-8")
    (events / "rules.yaml").write_text(rules, encoding="utf-8")
    (tmp_path / "actors").mkdir()
    shutil.copy(LANG_DIR / "en" / "actors" / "noun_classes.yaml", tmp_path / "actors" / "noun_classes.yaml")
    return LanguageData("en", root=tmp_path)


def load(language):
    from eventwire.extraction.events.lexicon import load_lexicon

    return load_lexicon(language)


def test_small_lexicon_loads(tmp_path):
    lex = load(write_language(tmp_path))
    assert lex.verbs == {"clash": {"clash"}, "fight": {"clash"}}
    assert lex.nouns == {"clash": {"clash"}, "clashes": {"clash"}}
    assert lex.phrases == {"gun battle": {"clash"}, "heavy fighting": {"clash"}, "press conference": {"ignore"}}
    assert lex.family("clash") == "violence"
    assert {"soldier", "drone", "kill"} <= lex.conflict_words and "villager" not in lex.conflict_words


def test_event_finder_uses_its_language_and_catalogue(tmp_path, catalogue):
    from eventwire.extraction.events import EventFinder

    finder = EventFinder(write_language(tmp_path), catalogue=catalogue)
    assert finder.catalogue is catalogue
    assert set(finder.lexicon.classes) == {"clash"}


@pytest.mark.parametrize("triggers,rules,where,message", [
    (TRIGGERS.replace("family: violence", "family: warfare"), RULES,
     "triggers.yaml:3", "unknown family 'warfare'"),
    (TRIGGERS.replace("verbs: [clash, fight]", "verbs: [clash, fight, clash]"), RULES,
     "triggers.yaml:6", "duplicate verb 'clash'"),
    (TRIGGERS.replace("nouns: [clash, clashes]", "nouns: [clash, clashes,\n            Clashes]"), RULES,
     "triggers.yaml:8", "duplicate noun 'Clashes'"),
    (TRIGGERS.replace('"heavy fighting"]', '"gun battle"]'), RULES,
     "triggers.yaml:9", "duplicate phrase 'gun battle'"),
    (TRIGGERS.replace("plover: ASSAULT", "plover: ATTACK"), RULES,
     "triggers.yaml:4", "unknown plover code 'ATTACK'"),
    (TRIGGERS, RULES.replace("armed: [soldier]", "armed: [soldier, Soldier]"),
     "rules.yaml:2", "victims 'armed': duplicate word 'Soldier'"),
    (TRIGGERS, RULES.replace("plover: ASSAULT", "plover: FIGHT"),
     "rules.yaml:6", "unknown plover code 'FIGHT'"),
    (TRIGGERS, RULES.replace("event_type: Battles", "event_type: Fights"),
     "rules.yaml:6", "unknown acled type code 'Fights'"),
    (TRIGGERS, RULES.replace("sub_event_type: Armed clash", "sub_event_type: Gunfight"),
     "rules.yaml:6", "unknown acled sub code 'Gunfight'"),
])
def test_bad_event_data_names_file_and_line(tmp_path, triggers, rules, where, message):
    from eventwire.lang import LanguageDataError

    with pytest.raises(LanguageDataError) as err:
        load(write_language(tmp_path, triggers, rules))
    assert where in str(err.value) and message in str(err.value), str(err.value)


@pytest.mark.parametrize("text,sector1", [
    ("Mortar fire on a hamlet outside Homs left three shepherds dead on Friday.", None),
    ("Warplanes pounded a village south of Idlib on Friday, leaving twelve residents wounded.", "MIL"),
    ("Air strikes hit a bakery in Maarat al-Numan, leaving nine people dead.", "MIL"),
])
def test_the_harmed_an_attack_left_behind_are_actor2(extract, text, sector1):
    ev = next(e for e in asserted(extract(text)) if e.event_type in ("Explosions/Remote violence", "Battles"))
    assert ev.actor2 is not None and ev.actor2.sector == "CVL"
    assert ev.actor1 is None or ev.actor1.sector != "CVL"  # the harmed never act
    if sector1:
        assert ev.actor1 is not None and ev.actor1.sector == sector1


def test_what_an_attack_left_without_harm_is_no_victim(extract):
    ev = only(extract("Government forces shelled the town on Monday, leaving the rebels without supplies."),
              sub_event_type="Shelling/artillery/missile attack")
    assert ev.actor2 is None or ev.actor2.sector != "REB"


def test_explosive_barrels_are_an_air_weapon(extract):
    ev = only(extract("Helicopters dropped explosive barrels on a village near Hama on Sunday."),
              event_type="Explosions/Remote violence")
    assert ev.sub_event_type == "Air/drone strike"


def test_a_headline_noun_read_as_a_compound_of_its_verb_is_the_subject(extract):
    ev = next(e for e in asserted(extract("Regime forces bomb Douma and tension between rival groups in Quneitra "
                                          "countryside")) if e.event_type == "Explosions/Remote violence")
    assert ev.actor1 is not None and ev.actor1.sector == "MIL" and ev.actor1.country == "SYR"


def test_shell_read_as_a_noun_before_held_positions_names_their_holder(extract):
    ev = only(extract("Islamist factions shell positions of the army south of Aleppo"),
              sub_event_type="Shelling/artillery/missile attack")
    assert ev.actor2 is not None and ev.actor2.sector == "MIL" and ev.actor2.country == "SYR"


def test_the_pair_named_on_an_accompanying_event_fought(extract):
    ev = only(extract("Clashes accompanied by bombardment between the army and the rebels near Daraa"),
              event_type="Battles")
    sides = {a.sector for a in (ev.actor1, ev.actor2) if a is not None}
    assert sides == {"MIL", "REB"}


def test_a_party_joined_to_an_event_noun_is_the_verbs_subject(extract):
    ev = only(extract("Clashes near the border and the army shells two villages in Idlib countryside"),
              sub_event_type="Shelling/artillery/missile attack")
    assert ev.actor1 is not None and ev.actor1.sector == "MIL"


def test_clashes_with_a_guessed_name_do_not_make_it_the_attacker(extract):
    ev = only(extract("Clashes in areas north of Homs and the regime forces shell Jabal Zawiya"),
              sub_event_type="Shelling/artillery/missile attack")
    assert ev.actor1 is not None and ev.actor1.sector == "MIL"
