"""The event finder's language data, read and checked once per LanguageData: the trigger classes
(lang/<code>/events/triggers.yaml), the coding rules (rules.yaml) and the named word lists (words.yaml, parties.yaml).

A file that cannot be used gives a LanguageDataError naming the file and line: an unknown trigger family, a word
twice in one list of a class, an unknown PLOVER code or ACLED type / sub-type."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from spacy.tokens import Token

from eventwire import taxonomy
from eventwire.extraction.events.senses import Senses, build_senses
from eventwire.lang import LanguageData, LanguageDataError

TRIGGERS_FILE = "events/triggers.yaml"
RULES_FILE = "events/rules.yaml"
SENSES_FILE = "events/senses.yaml"
FAMILIES = ("violence", "demonstration", "arrest", "strategic", "contact", "movement")
TRIGGER_LISTS = ("verbs", "nouns", "phrases")
# the named word lists, by file (each file's lists are documented in the file itself)
WORD_FILES = {
    "events/words.yaml": ("weak_triggers", "aftermath_harm_words", "retold_blast_words", "conflict_actor_words",
                          "death_words", "event_carrier_nouns",
                          "protest_words", "bystander_crowd_nouns", "audience_crowd_verbs", "audience_crowd_preps",
                          "light_verbs", "habitual_adverbs", "weapon_nouns", "discovery_verbs",
                          "base_nouns", "seized_things", "intent_words", "own_reported_subjects",
                          "non_event_entity_labels",
                          # the small words the parse walks read (the section of that name)
                          "holding_weapon_verbs", "holding_weapon_preps", "under_verbs", "under_weapon_modifiers",
                          "armed_agent_modifiers", "claim_verbs", "claimed_event_verbs", "responsibility_verbs",
                          "attribution_words", "claim_denials", "relative_pronouns", "hallmark_verbs",
                          "event_pronouns", "calling_verbs", "blame_prepositions", "definite_determiners",
                          "claimed_target_preps", "claimed_place_preps", "event_phrase_preps", "perfect_auxiliaries",
                          "injury_verbs", "strong_nouns", "base_verbs", "toll_plurals", "era_prepositions",
                          "recent_modifiers", "ground_taking_verbs", "seizing_verbs", "seized_contraband",
                          "seized_abstractions", "place_only_taking_verbs", "expelled_envoys",
                          "released_publications", "support_verbs", "remote_strike_modifiers", "air_strike_modifiers",
                          "labour_strike_modifiers", "cause_markers", "nominative_pronouns", "settlement_nouns",
                          "hold_nouns", "device_nouns", "name_joining_words", "name_joining_preps",
                          "owner_prepositions", "aim_prepositions", "patient_subject_verbs", "stance_participles", "meeting_verbs",
                          "party_prepositions", "target_prepositions", "pair_counts", "holding_participles",
                          "aimed_at_prepositions", "side_prepositions", "harmed_listing_verbs", "part_quantifiers",
                          "embassy_nouns", "origin_prepositions", "spot_owner_prepositions",
                          "aircraft_hit_prepositions", "suspect_nouns", "singular_person_pronouns",
                          "plural_person_pronouns", "appeal_prepositions", "agent_prepositions",
                          "blamed_on_prepositions", "affiliation_prepositions", "link_prepositions",
                          "speaker_for_prepositions", "spokesman_nouns", "speaking_for_verbs", "belonging_prepositions",
                          "tripping_prepositions", "rate_units", "listing_speech_verbs", "convicting_verbs", "survival_verbs",
                          "struck_prepositions", "other_side_prepositions", "fallen_to_prepositions",
                          "target_or_place_prepositions", "movement_prepositions", "attack_aim_prepositions",
                          "helping_verbs", "helper_prepositions", "agent_phrase_prepositions",
                          "deed_verbs", "deed_speech_verbs", "hallmark_nouns", "crime_words", "criminal_nouns",
                          "abduction_victim_groups", "abduction_victim_kinds", "state_force_victims",
                          "confession_verbs", "attribution_verbs", "span_prepositions", "span_nouns", "era_nouns", "era_verbs",
                          "campaign_prepositions", "condition_marks", "ultimatum_marks", "offering_verbs",
                          "span_modifiers", "span_units", "condemning_verbs", "instrument_verbs",
                          "continuation_verbs", "crowd_control_words", "dispersal_verbs", "struck_aircraft", "new_incident_openers",
                          "aircraft_hit_verbs", "consent_verbs", "permission_verbs",
                          "protest_topic_verbs", "protest_topic_preps", "kind_determiners", "time_marks",
                          "placed_harm_classes", "placed_harm_exceptions", "locative_prepositions",
                          "auxiliary_lemmas", "trend_words", "trend_measure_preps", "rule_nouns", "trait_adjectives", "rate_determiners",
                          "protest_scene_preps", "protest_scene_nouns", "deliberate_when_acted_on", "kin_nouns",
                          "repeat_nouns", "year_span_prepositions", "blow_verbs", "counted_event_nouns", "vague_counts",
                          "trend_nouns", "waging_verbs", "waged_nouns", "custody_prepositions", "blame_landing_verbs",
                          "blame_nouns", "guise_verbs", "named_group_kinds", "doer_relative_pronouns",
                          "captor_participles", "captivity_nouns", "defending_verbs", "stopping_verbs"),
    "events/parties.yaml": ("pronouns", "generic_armed", "territory_nouns", "pair_words", "symmetric_lemmas",
                            "clash_words", "agent_verbs", "completion_verbs", "affiliation_verbs", "actor_nouns", "abstract_nouns",
                            "quantity_heads", "state_object_preps", "suspicion_verbs", "blame_verbs",
                            "perpetrator_nouns", "naming_verbs", "harm_verbs", "not_parties", "attacker_words", "member_words",
                            "attack_of_nouns", "other_side_modifiers", "victim_frame_nouns", "speaker_verbs",
                            "other_event_preps", "held_ground_nouns", "impact_verbs", "outcome_verbs",
                            "relational_nouns", "object_control_verbs", "own_possessives", "separate_clause_marks",
                            "counted_people",
                            "counted_people_back", "allegiance_prefixes", "doer_of_nouns", "visit_verbs", "venue_verbs", "topic_verbs",
                            "civilian_sites", "armed_sites", "armed_site_name_words", "state_sites", "relation_nouns",
                            "case_verbs", "site_spot_preps", "ridden_vehicle_nouns", "carrying_verbs", "targetless_objects", "belief_verbs",
                            "group_name_heads", "taking_verbs", "occasion_nouns",
                            "repelling_verbs", "tripping_verbs", "tripped_devices", "triggering_verbs",
                            "victim_set_devices", "civilian_site_phrases",
                            "harmed_reference_nouns", "partitive_heads", "later_death_verbs", "wound_nouns",
                            "settled_ground", "person_hold_verbs"),
}
# victims of rules.yaml that are not conflict words ("people", "a market" are hit in accidents too)
NOT_CONFLICT_VICTIMS = ("civilian", "property")


class EventWords:
    """The named word lists of WORD_FILES, each an attribute holding a frozenset (`words.weak_triggers`)."""

    def __init__(self, language: LanguageData):
        for name, lists in WORD_FILES.items():
            found = language.word_lists(name, known=lists)
            for key in lists:
                if key not in found:
                    raise LanguageDataError(language.path(name), None, f"missing list {key!r}")
                setattr(self, key, frozenset(found[key]))


@dataclass(frozen=True)
class Accidents:
    """senses.yaml `accidents`: an accident in a sentence takes the `harm` classes out of its other triggers,
    unless the sentence has a `deliberate` class or one of the `unless` words (an attacker, a weapon)."""

    harm: frozenset
    deliberate: frozenset
    unless: frozenset


@dataclass
class Lexicon:
    classes: dict
    verbs: dict  # lemma -> set(class)
    nouns: dict
    phrases: dict  # lower-cased phrase -> set(class); "ignore" for reporting boilerplate (not_events)
    rules: list
    instruments: dict  # name -> list of cue strings
    victims: dict
    non_conflict: list
    words: EventWords
    conflict_words: frozenset = frozenset()
    instrument_patterns: dict = field(default_factory=dict)  # name -> compiled cue pattern
    rule_contexts: list = field(default_factory=list)  # per rule: its compiled `context_any` pattern, or None
    rule_exceptions: list = field(default_factory=list)  # per rule: its compiled `unless_context_any`, or None
    senses: Senses = field(default_factory=lambda: Senses([]))  # the senses of trigger words (senses.yaml)
    accidents: Accidents | None = None  # what an accident in a sentence takes away (senses.yaml `accidents`)
    cue_aliases: dict = field(default_factory=dict)  # rules.yaml `cue_aliases`: phrase -> the word cues read
    cue_alias_pattern: CuePattern | None = None
    crowd_control_pattern: CuePattern | None = None  # words.yaml `crowd_control_words`

    def family(self, cls: str) -> str:
        return self.classes[cls]["family"]

    def is_violent(self, trigger: Token) -> bool:
        """Whether a trigger word can name violence (its classes' family)."""
        lemma = trigger.lemma_.lower()
        return any(self.family(c) == "violence" for c in self.verbs.get(lemma, set()) | self.nouns.get(lemma, set()))

    def is_event_noun(self, tok: Token) -> bool:
        return tok.pos_ == "NOUN" and (tok.lemma_.lower() in self.nouns or tok.lower_ in self.nouns)

    def is_event_nominal(self, tok: Token) -> bool:
        """An event noun, or a gerund the tagger read as a verb where a noun stands ("Turkish shelling kills")."""
        return self.is_event_noun(tok) or (tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
                                           and (tok.lemma_.lower() in self.nouns or tok.lower_ in self.nouns))


class CuePattern:
    """A cue alternation (`regex`) that first checks its cues' words as plain substrings (`literals`): every cue
    matches only where its words stand, and most sentences hold none of them, which `in` finds far faster than the
    alternation tried at every position. `search` and `sub` answer as the regex does."""

    __slots__ = ("regex", "literals")

    def __init__(self, regex: re.Pattern, literals: tuple[str, ...]):
        self.regex = regex
        self.literals = literals

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    def _may_match(self, text: str) -> bool:
        for literal in self.literals:
            if literal in text:
                return True
        return False

    def search(self, text: str) -> re.Match | None:
        return self.regex.search(text) if self._may_match(text) else None

    def sub(self, repl, text: str) -> str:
        return self.regex.sub(repl, text) if self._may_match(text) else text


def cue_pattern(cues) -> CuePattern:
    """One compiled alternation per cue list: a word cue matches at a word start ("detonat" finds
    "detonated"), a phrase cue anywhere, and a word cue ending in "$" only as a whole word ("mob$" finds "mob",
    not "mobilised")."""
    parts = [r"\b" + re.escape(c[:-1]) + r"\b" if c.endswith("$") else
             re.escape(c) if (" " in c or "-" in c) else r"\b" + re.escape(c) for c in cues]
    literals = tuple(dict.fromkeys(c[:-1] if c.endswith("$") else c for c in cues))
    return CuePattern(re.compile("|".join(parts) or r"(?!x)x"), literals)


def load_lexicon(language: LanguageData) -> Lexicon:
    """The Lexicon of `language`, built once and kept on it."""
    return language.memo("events.lexicon", lambda: _build(language))


def _build(language: LanguageData) -> Lexicon:
    triggers = language.yaml(TRIGGERS_FILE)
    rules = language.yaml(RULES_FILE)
    check_triggers(triggers, language.path(TRIGGERS_FILE))
    check_rules(rules, language.path(RULES_FILE))
    words = EventWords(language)
    trig = triggers["classes"]
    verbs: dict = defaultdict(set)
    nouns: dict = defaultdict(set)
    phrases: dict = defaultdict(set)
    for w in triggers.get("not_events", []):
        phrases[w.lower()].add("ignore")
    for cls, spec in trig.items():
        for w in spec.get("verbs", []) or []:
            (phrases if " " in w else verbs)[w.lower()].add(cls)
        for w in spec.get("nouns", []) or []:
            (phrases if " " in w else nouns)[w.lower()].add(cls)
        for w in spec.get("phrases", []) or []:
            phrases[w.lower()].add(cls)
    conflict = set()
    for table in (rules["instruments"], rules["victims"]):
        for k, cues in table.items():
            if k not in NOT_CONFLICT_VICTIMS:
                conflict.update(w for w in cues if " " not in w)
    conflict.update(words.death_words)
    conflict.update(words.conflict_actor_words)
    rule_contexts = []
    rule_exceptions = []
    for rule in rules["rules"]:
        cues = rule["when"].get("context_any")
        if isinstance(cues, str):
            cues = rules["non_conflict"] if cues == "non_conflict" else [cues]
        rule_contexts.append(None if cues is None else cue_pattern(tuple(cues)))
        unless = rule["when"].get("unless_context_any")
        rule_exceptions.append(None if unless is None else cue_pattern(tuple(unless)))
    # senses are optional: a language without senses.yaml takes every trigger word in its one listed sense
    senses_data = language.yaml(SENSES_FILE) if (language.root / SENSES_FILE).is_file() else {}
    named = {key: getattr(words, key) for lists in WORD_FILES.values() for key in lists}
    named["trigger_nouns"] = frozenset(nouns)
    senses_path = language.root / SENSES_FILE
    sense_nodes = _child(_node(senses_path), "senses") if senses_data else None
    sense_lines = [_line(_child(sense_nodes, i)) for i in range(len(senses_data.get("senses") or []))]
    senses = build_senses(senses_data, senses_path, named, trig, sense_lines)
    acc = senses_data.get("accidents") or {}
    for cls in [*acc.get("harm", []), *acc.get("deliberate", [])]:
        if cls not in trig:
            raise LanguageDataError(senses_path, None, f"accidents: unknown trigger class {cls!r}")
    accidents = Accidents(harm=frozenset(acc.get("harm", [])), deliberate=frozenset(acc.get("deliberate", [])),
                          unless=frozenset(acc.get("unless", [])))
    return Lexicon(classes=trig, verbs=dict(verbs), nouns=dict(nouns), phrases=dict(phrases),
                   rules=rules["rules"], instruments=rules["instruments"], victims=rules["victims"],
                   non_conflict=rules["non_conflict"], words=words, conflict_words=frozenset(conflict),
                   instrument_patterns={name: cue_pattern(tuple(cues)) for name, cues in rules["instruments"].items()},
                   rule_contexts=rule_contexts, rule_exceptions=rule_exceptions, senses=senses, accidents=accidents,
                   cue_aliases=dict(rules.get("cue_aliases") or {}),
                   crowd_control_pattern=cue_pattern(tuple(sorted(words.crowd_control_words))),
                   cue_alias_pattern=cue_pattern(tuple(sorted(rules["cue_aliases"], key=len, reverse=True)))
                   if rules.get("cue_aliases") else None)


# -- checks on load ----------------------------------------------------------------------------------------
def _node(path: Path) -> yaml.Node:
    return yaml.compose(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _child(node: yaml.Node | None, key) -> yaml.Node | None:
    """The value under `key` of a mapping node, or item `key` of a sequence node (None when absent)."""
    if isinstance(node, yaml.SequenceNode):
        return node.value[key] if isinstance(key, int) and key < len(node.value) else None
    if isinstance(node, yaml.MappingNode):
        return next((v for k, v in node.value if k.value == key), None)
    return None


def _line(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def check_triggers(data: dict, path: Path) -> None:
    """Known families and PLOVER codes; no word twice in one verbs / nouns / phrases list of a class."""
    root = _node(path)
    if not isinstance(data, dict) or not isinstance(data.get("classes"), dict):
        raise LanguageDataError(path, None, "expected a mapping `classes:` of trigger classes")
    classes = _child(root, "classes")
    for cls, spec in data["classes"].items():
        node = _child(classes, cls)
        if not isinstance(spec, dict):
            raise LanguageDataError(path, _line(node), f"class {cls!r} must be a mapping")
        if spec.get("family") not in FAMILIES:
            raise LanguageDataError(path, _line(_child(node, "family")) or _line(node),
                                    f"class {cls!r}: unknown family {spec.get('family')!r} "
                                    f"(known: {', '.join(FAMILIES)})")
        taxonomy.check_code("plover", spec.get("plover"), path, _line(_child(node, "plover")))
        for key in TRIGGER_LISTS:
            _check_unique(spec.get(key) or [], _child(node, key), path, f"class {cls!r}: duplicate {key[:-1]}")


def _check_unique(words: list, node: yaml.Node | None, path: Path, what: str) -> None:
    """No word twice in one list (compared in lower case, as the lists are matched)."""
    seen: dict[str, int | None] = {}
    for i, word in enumerate(words):
        line = _line(_child(node, i))
        w = str(word).lower()
        if w in seen:
            raise LanguageDataError(path, line, f"{what} {word!r} (first on line {seen[w]})")
        seen[w] = line


def check_rules(data: dict, path: Path) -> None:
    """No word twice in one cue list; every rule's `then` gives known ACLED type / sub-type and PLOVER codes."""
    root = _node(path)
    for key in ("rules", "instruments", "victims", "non_conflict"):
        if not isinstance(data, dict) or key not in data:
            raise LanguageDataError(path, None, f"missing {key!r}")
    for table in ("instruments", "victims"):
        for name, cues in data[table].items():
            _check_unique(cues, _child(_child(root, table), name), path, f"{table} {name!r}: duplicate word")
    _check_unique(data["non_conflict"], _child(root, "non_conflict"), path, "non_conflict: duplicate word")
    rules = _child(root, "rules")
    for i, rule in enumerate(data["rules"]):
        node = _child(rules, i)
        then = rule.get("then") if isinstance(rule, dict) else None
        if not isinstance(then, dict) or not isinstance(rule.get("when"), dict):
            raise LanguageDataError(path, _line(node), "a rule needs a `when:` and a `then:` mapping")
        then_node = _child(node, "then")
        for kind, key in (("acled_type", "event_type"), ("acled_sub", "sub_event_type"), ("plover", "plover")):
            taxonomy.check_code(kind, then.get(key), path, _line(_child(then_node, key)) or _line(then_node))
