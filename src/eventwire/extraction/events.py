"""Stage 3: events. Trigger words and coding rules are data (data/events/triggers.yaml and rules.yaml); this
module finds the triggers in each sentence, groups the ones that describe one event, reads who did it to whom
from the dependency parse, and codes the event (ACLED type/sub-type, PLOVER event/mode, CAMEO).

Reporting verbs are not events: in "the military said it killed 44 militants" the event is the killing, and
"it" is the military.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources

import yaml
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from eventwire.extraction import modality
from eventwire.records import Actor

SPEECH_FAMILIES = {"contact", "movement"}
# PLOVER codes an announced intention as an event of its own: an offer or promise to cooperate is AGREE, an
# announced hostile step is THREATEN, a refusal to cooperate is REJECT (the action itself stays future/negated)
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
HOSTILE = {"COERCE", "SANCTION", "ASSAULT", "MOBILIZE", "REJECT"}
INTENT_WORDS = {"will", "offer", "plan", "pledge", "promise", "intend", "vow", "agree", "decide", "prepare",
                "ready", "willing", "commit", "'ll", "shall", "propose"}
FAMILY_ORDER = {"violence": 0, "demonstration": 1, "arrest": 2, "strategic": 3, "movement": 4, "contact": 5}
PRONOUNS = {"they", "them", "it", "he", "she", "we", "their", "its", "his", "her", "who", "which", "that", "i"}
GENERIC_ARMED = {"militant", "militants", "terrorist", "terrorists", "jihadist", "jihadists", "insurgent",
                 "insurgents", "extremist", "extremists", "fighter", "fighters", "group", "the group",
                 "gunmen", "gunman", "attackers", "attacker", "assailants", "rebels", "rebel", "islamists",
                 "jihadi", "jihadis"}
TERRITORY_NOUNS = {"town", "city", "village", "villages", "district", "area", "territory", "stronghold", "base",
                   "hill", "hills", "neighbourhood", "neighborhood", "airport", "bridge", "province", "region",
                   "crossing", "checkpoint", "position", "positions", "camp", "enclave", "outskirts", "road",
                   "highway", "oilfield", "dam", "port", "island", "mountain", "valley", "gates", "control",
                   "suburb", "suburbs", "compound", "towns", "cities", "areas", "districts", "garrison",
                   "airbase", "headquarters", "capital", "settlement", "locality", "county", "municipality",
                   "quarter", "parts", "part", "most", "stronghold", "strongholds", "airfield", "outpost",
                   "countryside", "hamlet", "hamlets", "border", "centre", "center", "post", "posts",
                   "village", "stronghold", "zone", "pocket", "front", "frontline", "axis", "sector", "ridge",
                   "heights", "farmland", "fields", "oilfields", "neighbourhoods", "neighborhoods", "island"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# nouns that carry the event of their modifier: "a mediation mission", "a rescue operation", "peace efforts"
EVENT_CARRIER_NOUNS = {"mission", "missions", "operation", "operations", "campaign", "effort", "efforts", "bid",
                       "process", "round", "session", "attempt", "drive", "wave", "spree", "series"}
NON_EVENT_ENTITIES = {"DATE", "TIME", "PERSON", "GPE", "LOC", "FAC", "WORK_OF_ART", "LAW", "LANGUAGE", "MONEY",
                      "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL", "PRODUCT"}
NOT_ACTOR_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
PAIR_WORDS = {"side", "sides", "leader", "leaders", "country", "countries", "party", "parties", "both",
              "president", "presidents", "government", "governments", "minister", "ministers", "nation", "nations",
              "counterpart", "counterparts", "delegation", "delegations"}
# trigger words that are events only near conflict words: "hit" a record, "fight" corruption, "enter" talks
WEAK_TRIGGERS = {"hit", "target", "strike", "fire", "burn", "set", "enter", "advance", "free", "fall", "occupy",
                 "take over", "push into", "engage", "battle", "fight", "die", "death", "deaths", "dead",
                 "violence", "casualty", "casualties", "capture", "seize", "beat", "storm", "mine", "shell",
                 "shells", "raid", "blast", "explosion", "explode", "rocket", "pound", "mass", "free",
                 "release", "eliminate", "neutralize", "neutralise", "destroy", "burn down", "mortar",
                 "missile", "missiles", "rockets", "explosive", "explosives", "bombardment", "offensive",
                 "incursion", "assault", "shooting", "killing", "killings",
                 "wound", "injure", "gunfire", "confrontation", "clash", "expel", "blow", "blow up"}
# as nouns these name fighting whatever else the sentence says ("Clashes on many fronts of Aleppo"); as verbs
# they need company ("ministers clashed over the budget")
STRONG_NOUNS = {"clash", "fighting", "confrontation"}
SYMMETRIC_LEMMAS = {"discuss", "meet", "talk", "negotiate", "agree", "sign", "consult", "confer", "speak",
                    "cooperate", "call", "phone", "telephone", "clash", "fight", "trade", "exchange", "reconcile"}
PATIENT_SUBJECT_VERBS = {"die", "perish", "succumb", "drown", "starve"}
DEATH_WORDS = {"kill", "killed", "dead", "die", "died", "death", "deaths", "murder", "murdered", "slay",
               "slain", "massacre", "massacred", "execute", "executed", "behead", "beheaded"}


# ---------------------------------------------------------------------------------------------------------
# the lexicon (data files)
# ---------------------------------------------------------------------------------------------------------
@dataclass
class Lexicon:
    classes: dict
    verbs: dict  # lemma -> set(class)
    nouns: dict
    phrases: dict  # lower-cased phrase -> set(class)
    rules: list
    instruments: dict  # name -> list of cue strings
    victims: dict
    non_conflict: list
    matcher: PhraseMatcher | None = None
    matcher_vocab: object = None
    conflict_words: frozenset = frozenset()

    def family(self, cls: str) -> str:
        return self.classes[cls]["family"]

    def is_event_noun(self, tok: Token) -> bool:
        return tok.pos_ == "NOUN" and (tok.lemma_.lower() in self.nouns or tok.lower_ in self.nouns)


def _read_yaml(name: str):
    return yaml.safe_load(resources.files("eventwire").joinpath(f"data/events/{name}").read_text("utf-8"))


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    trig = _read_yaml("triggers.yaml")["classes"]
    rules = _read_yaml("rules.yaml")
    verbs: dict = defaultdict(set)
    nouns: dict = defaultdict(set)
    phrases: dict = defaultdict(set)
    for w in _read_yaml("triggers.yaml").get("not_events", []):
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
        for k, words in table.items():
            if k != "civilian" and k != "property":
                conflict.update(w for w in words if " " not in w)
    conflict.update(DEATH_WORDS)
    conflict.update({"soldier", "soldiers", "troops", "militant", "militants", "rebels", "army", "police",
                     "forces", "gunmen", "military", "fighters", "insurgents", "terrorists", "jihadists"})
    return Lexicon(classes=trig, verbs=dict(verbs), nouns=dict(nouns), phrases=dict(phrases),
                   rules=rules["rules"], instruments=rules["instruments"], victims=rules["victims"],
                   non_conflict=rules["non_conflict"], conflict_words=frozenset(conflict))


def _phrase_matcher(doc: Doc) -> PhraseMatcher:
    lex = lexicon()
    if lex.matcher is None or lex.matcher_vocab is not doc.vocab:
        m = PhraseMatcher(doc.vocab, attr="LOWER")
        tokenizer = _tokenizer_for(doc)
        for phrase in sorted(lex.phrases):
            m.add(phrase, [tokenizer(phrase)])
        lex.matcher, lex.matcher_vocab = m, doc.vocab
    return lex.matcher


def _tokenizer_for(doc: Doc):
    from spacy.lang.en import English

    nlp = English(vocab=doc.vocab)
    return nlp.make_doc


# ---------------------------------------------------------------------------------------------------------
# candidates
# ---------------------------------------------------------------------------------------------------------
@dataclass
class EventCandidate:
    """An event found in one sentence, before places, dates and casualties are attached."""

    sentence: Span  # the evidence sentence
    trigger: Token  # the word that names the event ("killed", "strikes", "stormed")
    event_type: str | None
    sub_event_type: str | None
    plover_event: str
    plover_mode: str | None = None
    cameo: str | None = None
    modality: str = "asserted"
    actor1: object | None = None  # actors.ActorMention or a guessed Actor wrapped in one
    actor2: object | None = None
    assoc_actor1: list = field(default_factory=list)
    assoc_actor2: list = field(default_factory=list)
    confidence: float = 0.5
    family: str = "violence"
    classes: frozenset = frozenset()
    triggers: list = field(default_factory=list)
    antecedent: EventCandidate | None = None  # the earlier event this one refers back to ("the attack")

    @property
    def start(self) -> int:
        return self.sentence.start_char

    @property
    def end(self) -> int:
        return self.sentence.end_char

    @property
    def trigger_char(self) -> int:
        return self.trigger.idx


@dataclass
class Role:
    """An actor in a role: a catalogue mention, or a guess from the words when the catalogue does not know it."""

    actor: Actor
    start: int
    end: int
    generic: bool = False
    known: bool = True


RECODED_IN_PROTESTS = {"clash", "attack", "kill", "shelling", "riot"}
PROTEST_WORDS = {"protester", "protesters", "protestor", "protestors", "demonstrator", "demonstrators",
                 "demonstration", "demonstrations", "protest", "protests", "rally", "rallies", "march", "marchers",
                 "rioter", "rioters", "riot", "riots", "sit-in", "crowd", "crowds", "mob"}


def _protest_context(sent: Span, mentions_in_sent: list) -> bool:
    """A sentence about a demonstration: its violence is coded as a protest or riot sub-type."""
    if any((t.lemma_.lower() in PROTEST_WORDS or t.lower_ in PROTEST_WORDS) and t.ent_type_ not in
           NON_EVENT_ENTITIES for t in sent):
        return True
    return any(m.actor.inter in (5, 6) for m in mentions_in_sent)


def _conflict_context(sent: Span, mentions_in_sent: list, trigger: Token) -> bool:
    lex = lexicon()
    for t in sent:
        if t.i == trigger.i or (t.head.i == trigger.i and t.dep_ == "compound"):
            continue  # a weapon word is not its own context ("limits on nuclear missiles")
        if t.lower_ in lex.conflict_words or t.lemma_.lower() in lex.conflict_words:
            return True
    for m in mentions_in_sent:
        a = m.actor
        if a.sector in ("MIL", "REB", "INS", "UAF", "COP", "SPY") or a.inter in (1, 2, 3, 4, 8):
            return True
    return False


def _trigger_hits(sent: Span, phrase_hits: dict) -> list[tuple[Token, set, bool]]:
    """(trigger token, classes, weak?) for every trigger word or phrase in the sentence."""
    lex = lexicon()
    hits: dict[int, tuple[Token, set, bool]] = {}
    covered: set[int] = set()
    for (start, end), classes in phrase_hits.items():
        if start < sent.start or end > sent.end:
            continue
        span = sent.doc[start:end]
        root = span.root
        phrase = span.text.lower()
        weak = phrase in WEAK_TRIGGERS
        hits[root.i] = (root, set(classes) | hits.get(root.i, (None, set(), False))[1], weak)
        covered.update(range(start, end))
    for t in sent:
        if t.i in covered or t.ent_type_ in NON_EVENT_ENTITIES:
            continue  # "1 March", "Strike Force Alpha", "Protest Street": names, not events
        if t.dep_ in ("compound", "poss") and t.pos_ in ("NOUN", "PROPN") and t.head.pos_ in ("NOUN", "PROPN") \
                and not lex.is_event_noun(t.head) and t.head.lemma_.lower() not in lex.conflict_words \
                and t.head.lemma_.lower() not in EVENT_CARRIER_NOUNS:
            continue  # "bombing suspect", "attack survivors": the event is background to another noun
        lemma = t.lemma_.lower()
        classes: set = set()
        if t.pos_ in ("VERB",) and lemma in lex.verbs:
            classes |= lex.verbs[lemma]
        elif t.pos_ in ("NOUN", "PROPN") and (lemma in lex.nouns or t.lower_ in lex.nouns):
            classes |= lex.nouns.get(lemma, set()) | lex.nouns.get(t.lower_, set())
        elif t.pos_ == "ADJ" and t.lower_ == "dead":
            classes |= lex.nouns.get("dead", set())
        if not classes and t.pos_ == "VERB" and (lemma in DISCOVERY_VERBS or lemma in BASE_VERBS):
            classes = {"disrupt"} if lemma in DISCOVERY_VERBS else {"base"}  # refined (or dropped) later
            if not (_weapons_disrupted(t) or _base_established(t)):
                classes = set()
        if classes:
            weak = (lemma in WEAK_TRIGGERS or t.lower_ in WEAK_TRIGGERS) and not (
                t.pos_ in ("NOUN", "PROPN") and lemma in STRONG_NOUNS)
            hits[t.i] = (t, classes, weak)
    return sorted(hits.values(), key=lambda h: h[0].i)


CLAIM_VERBS = {"claim", "own", "accept", "admit"}
LIGHT_VERBS = {"launch", "carry", "stage", "mount", "conduct", "wage", "unleash", "begin", "start", "continue",
               "resume", "step", "intensify", "escalate", "perpetrate", "commit", "execute", "make", "hold"}
HABITUAL = {"frequently", "often", "regularly", "routinely", "usually", "typically", "sometimes", "occasionally",
            "habitually", "generally", "commonly"}


def _is_habitual(tok: Token) -> bool:
    """A frequency adverb on the trigger's clause: "IS regularly attacks convoys", "it often targets"."""
    node = tok
    for _ in range(4):  # the nearest verb above a noun trigger: "it frequently targets hotels with car bombs"
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    return any(c.lower_ in HABITUAL for c in node.children) or any(c.lower_ in HABITUAL for c in tok.children)


CLASH_WORDS = {"clash", "clashes", "fight", "fighting", "battle", "gunbattle", "firefight", "encounter",
               "skirmish", "gunfight", "shootout", "confrontation", "exchange"}
AGENT_VERBS = {"plant", "trigger", "carry", "launch", "conduct", "perpetrate", "orchestrate", "detonate", "stage",
               "mount", "fire", "set", "lay", "place", "throw", "hurl", "lob", "kill", "shoot", "attack",
               "ambush", "abduct", "kidnap", "target", "bomb", "claim", "blame", "execute", "behead", "murder"}


def _sentence_agent(sent: Span, ctx: DocContext, roles: Roles) -> Role | None:
    """Who did it, when the event's own triggers do not say: a by-agent elsewhere in the sentence ("a mine
    planted by Boko Haram", "an attack carried out by the group")."""
    for t in sent:
        if t.dep_ == "agent" or (t.dep_ == "prep" and t.lower_ == "by"):
            head = t.head
            if head.lemma_.lower() in AGENT_VERBS or lexicon().is_event_noun(head):
                for p in t.children:
                    if p.dep_ == "pobj":
                        role = ctx.role_for(p, head, 1)
                        if role is None:
                            continue
                        if roles.actor2 is not None and role.actor.name == roles.actor2.actor.name:
                            continue
                        if _actor_kind(role) in ("state", "nonstate") or not role.known:
                            return role
    return None


def _is_claimed(tok: Token) -> bool:
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in CLAIM_VERBS:
        return True
    if tok.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() == "responsibility":
        return True
    return False


WEAPON_NOUNS = {"weapon", "weapons", "arms", "firearm", "firearms", "gun", "guns", "pistol", "pistols", "rifle",
                "rifles", "revolver", "revolvers", "ammunition", "ammo", "rounds", "bullets", "cartridges",
                "explosive", "explosives", "device", "devices", "ied", "ieds", "bomb", "bombs", "mine", "mines",
                "landmine", "landmines", "grenade", "grenades", "rocket", "rockets", "missile", "missiles",
                "mortar", "mortars", "shell", "shells", "detonator", "detonators", "cache", "stash", "stockpile",
                "arsenal", "drone", "drones", "suicide vest", "vest", "vests", "materials"}
DISCOVERY_VERBS = {"find", "discover", "seize", "recover", "defuse", "dismantle", "confiscate", "intercept",
                   "uncover", "unearth", "capture", "neutralize", "neutralise", "foil", "thwart", "spot",
                   "locate", "impound"}
BASE_NOUNS = {"base", "bases", "post", "posts", "point", "points", "outpost", "outposts", "headquarters",
              "camp", "camps", "checkpoint", "checkpoints", "position", "positions", "station", "garrison",
              "airbase", "presence", "office", "offices"}
BASE_VERBS = {"establish", "set", "build", "open", "erect", "construct", "install", "deploy"}


def _patient(tok: Token) -> Token | None:
    """What a verb acts on: its object, or its passive subject ("firearms were seized")."""
    obj = _object(tok)
    if obj is not None:
        return obj
    return next((c for c in tok.children if c.dep_ == "nsubjpass"), None)


def _weapons_disrupted(tok: Token) -> bool:
    """"two explosive devices were found", "sappers defused landmines", "weapons seized": no attack happened."""
    if tok.pos_ == "VERB" and tok.lemma_.lower() in DISCOVERY_VERBS:
        p = _patient(tok)
        return p is not None and (p.lemma_.lower() in WEAPON_NOUNS or p.lower_ in WEAPON_NOUNS or any(
            c.lemma_.lower() in WEAPON_NOUNS for c in p.conjuncts))
    if tok.lemma_.lower() in WEAPON_NOUNS or tok.lower_ in WEAPON_NOUNS:
        head = tok.head
        for _ in range(3):
            if head.pos_ == "VERB":
                return head.lemma_.lower() in DISCOVERY_VERBS and tok.dep_ in (
                    "dobj", "nsubjpass", "conj", "pobj", "compound", "appos")
            if head.head.i == head.i:
                break
            head = head.head
    return False


def _base_established(tok: Token) -> bool:
    if tok.lemma_.lower() not in BASE_VERBS or tok.pos_ != "VERB":
        return False
    if tok.lemma_.lower() == "set" and not any(c.lower_ == "up" for c in tok.children):
        return False
    p = _patient(tok)
    return p is not None and p.lemma_.lower() in BASE_NOUNS


def _refine_classes(tok: Token, classes: set, mentions: list) -> set:
    """Resolve the words with two readings from their arguments: capture a town (territory) or a person
    (arrest); free a town or prisoners; fire at people or fire an official."""
    if _weapons_disrupted(tok):
        return {"disrupt"}
    if _base_established(tok):
        return {"base"}
    out = set(classes)
    lemma = tok.lemma_.lower()
    obj = _object(tok)
    obj_is_place = obj is not None and (obj.ent_type_ in PLACE_LABELS or obj.lemma_.lower() in TERRITORY_NOUNS
                                        or any(c.ent_type_ in PLACE_LABELS for c in obj.subtree))
    if "capture" in out and lemma in ("capture", "seize", "take", "free", "occupy", "storm", "enter", "retake",
                                      "recapture", "overrun", "liberate"):
        obj_is_party = obj is not None and (
            obj.ent_type_ in ("PERSON", "NORP", "ORG") or obj.lemma_.lower() in lexicon().victims["armed"]
            or obj.lemma_.lower() in lexicon().victims["civilian"]
            or obj.lemma_.lower() in ("weapon", "weapons", "arms", "ammunition", "explosives", "cache", "drugs",
                                      "vehicle", "vehicles", "tank", "tanks", "ship", "vessel", "boat", "cargo",
                                      "oil", "money", "document", "documents", "power", "initiative", "chance"))
        if obj is not None and not obj_is_place and obj_is_party and lemma in ("capture", "seize", "take"):
            out.discard("capture")
            if obj.lemma_.lower() in ("weapon", "weapons", "arms", "ammunition", "explosives", "cache", "drugs"):
                out.add("disrupt")
            elif obj.ent_type_ in ("PERSON", "NORP") or obj.lemma_.lower() in lexicon().victims["armed"] or \
                    obj.lemma_.lower() in lexicon().victims["civilian"]:
                out.add("arrest")
        elif lemma in ("enter", "free", "occupy") and not obj_is_place:
            out.discard("capture")
    if "arrest" in out and lemma == "capture" and obj_is_place:
        out.discard("arrest")
    if lemma == "expel" and obj is not None and (obj.lemma_.lower() in lexicon().victims["armed"]
                                                   or any(m.start_token <= obj.i < m.end_token for m in mentions)):
        if obj.lemma_.lower() not in ("diplomat", "diplomats", "ambassador", "envoy", "journalist"):
            out = (out - {"sanction"}) | {"capture"}  # "factions expel the regime forces out of a village"
    if lemma == "release" and obj is not None and obj.lemma_.lower() in ("statement", "video", "report", "data",
                                                                         "figure", "figures", "album"):
        out.discard("concede")
    if lemma in ("fire",) and obj is not None and obj.ent_type_ == "PERSON":
        out.clear()
    if lemma == "call" and any(c.lower_ in ("on", "for") for c in tok.children):
        out.discard("consult")
    if lemma == "call" and not any(c.lower_ in ("on", "for") for c in tok.children) and "request" in out:
        out.discard("request")
    if lemma in ("support", "back", "ally", "arm", "fund", "train", "equip") and tok.dep_ in ("amod", "acl"):
        out.clear()  # "forces backed by US air support": a description of the actor, not an event
    if lemma == "strike" and tok.pos_ == "NOUN":
        prev = {c.lower_ for c in tok.children}
        if prev & {"air", "drone", "missile", "aerial", "artillery", "rocket"}:
            out.add("airstrike" if prev & {"air", "drone", "aerial"} else "shelling")
        elif prev & {"hunger", "general", "labour", "labor", "workers", "teachers", "nationwide"}:
            out = {"protest"}
    return out


def find_events(doc: Doc, actor_mentions: list) -> list[EventCandidate]:
    """Every event in the Doc, one per sentence, family and modality, with roles and codes."""
    lex = lexicon()
    matcher = _phrase_matcher(doc)
    phrase_hits: dict = defaultdict(set)
    for match_id, start, end in matcher(doc):
        phrase_hits[(start, end)] |= lex.phrases.get(doc.vocab.strings[match_id], set())
    # keep the longest phrase where phrases overlap
    longest: dict = {}
    for (s, e), cl in sorted(phrase_hits.items(), key=lambda x: -(x[0][1] - x[0][0])):
        if any(s < e2 and s2 < e for (s2, e2) in longest):
            continue
        longest[(s, e)] = cl
    ignored = {i for (s_, e_), cl in longest.items() if "ignore" in cl for i in range(s_, e_)}
    longest = {k: v for k, v in longest.items() if "ignore" not in v}
    context = DocContext(doc, actor_mentions)
    out: list[EventCandidate] = []
    for sent_index, sent in enumerate(doc.sents):
        ments = context.mentions_in(sent.start_char, sent.end_char)
        protest_ctx = None
        groups: dict = defaultdict(list)
        for tok, classes, weak in _trigger_hits(sent, longest):
            named = context.by_token.get(tok.i)
            if named is not None and not named.generic and named.end_token - named.start_token > 1:
                continue  # "Popular Mobilisation Forces", "Islamic Jihad": a name, not an event
            if "disrupt" not in classes and _weapons_disrupted(tok):
                classes = {"disrupt"}
            if _is_claimed(tok):
                continue  # "IS claimed the attack": a claim about an event told elsewhere, not a new one
            if _is_habitual(tok):
                continue  # "the group frequently targets checkpoints": a pattern, not an event
            if tok.i in ignored or any(c.i in ignored for c in tok.children if c.dep_ in ("dobj", "prep")):
                continue
            classes = _refine_classes(tok, classes, ments)
            if not classes:
                continue
            if weak and not _conflict_context(sent, ments, tok):
                continue
            mod = modality.classify(tok)
            if protest_ctx is None:
                protest_ctx = _protest_context(sent, ments)
            if protest_ctx and classes & RECODED_IN_PROTESTS:
                classes = (classes - RECODED_IN_PROTESTS) | {"protest_violence"}
            for fam in sorted({lex.family(c) for c in classes}, key=FAMILY_ORDER.get):
                fam_classes = {c for c in classes if lex.family(c) == fam}
                if fam in SPEECH_FAMILIES:
                    # "rebels demanded X at talks": a demand and a meeting, each its own event
                    for c in sorted(fam_classes):
                        groups[(fam, mod, c)].append((tok, {c}))
                else:
                    groups[(fam, mod, "")].append((tok, fam_classes))
        for (fam, mod, _cls), trig in groups.items():
            for cluster in _split_clusters(trig):
                cand = _build_candidate(sent, sent_index, fam, mod, cluster, context)
                if cand is not None:
                    out.append(cand)
                    context.remember(cand)
                    speech = _speech_act(cand)
                    if speech is not None:
                        out.append(speech)
    out = _merge_references(out)
    _attribute_claims(doc, out, context)
    return out


DEFINITE = {"the", "this", "that", "these", "those", "its", "their", "his", "her"}


def _is_reference(c: EventCandidate) -> bool:
    """"the attack", "this bombing", "its assault": a noun that points back to an event already told."""
    t = c.trigger
    if t.pos_ not in ("NOUN", "ADJ") or c.modality != "asserted":
        return False
    if any(x.pos_ == "VERB" and x.i != t.i for x in c.triggers):
        return False
    return any(ch.dep_ in ("det", "poss") and ch.lower_ in DEFINITE for ch in t.children)


def _merge_references(cands: list[EventCandidate]) -> list[EventCandidate]:
    """A later definite mention of an event of the same family is the same event: it gives that event the
    actor it names ("al-Shabaab said it carried out the attack") and is not reported twice."""
    out: list[EventCandidate] = []
    for c in cands:
        earlier = [e for e in out if e.family == c.family and e.modality == "asserted"
                   and e.sentence.start < c.sentence.start and e.antecedent is None]
        if earlier and _is_reference(c):
            # "the bombing" names the earlier event of its own kind, else the article's main (first) event
            same_kind = [e for e in earlier if e.event_type == c.event_type and e.event_type is not None]
            target = same_kind[0] if same_kind else earlier[0]
            if c.actor1 is not None and c.actor1.known and not c.actor1.generic and (
                    target.actor1 is None or target.actor1.generic or not target.actor1.known):
                target.actor1 = c.actor1
                target.confidence = min(0.99, target.confidence + 0.03)
            # kept as a record of its own (each sentence says what it says), linked to the event it names so
            # that counts and dedup take it once
            c.antecedent = target
            c.actor1 = c.actor1 or target.actor1
            c.actor2 = c.actor2 or target.actor2
            c.event_type, c.sub_event_type = target.event_type, target.sub_event_type
            c.plover_event, c.plover_mode, c.cameo = target.plover_event, target.plover_mode, target.cameo
            c.confidence = max(0.05, c.confidence - 0.2)
        out.append(c)
    return out


def _related(a: Token, b: Token) -> bool:
    """True when one trigger sits in the other's own clause: "killed ... in air strikes" (one event), not
    "regained villages they had been pushed out of by suicide attacks" (a past event in a relative clause)."""
    for lo, hi in ((a, b), (b, a)):
        node, steps = lo, 0
        if lo.dep_ == "relcl":
            continue  # "in Serbia, where 24 were killed last March": a clause of its own
        while node.head.i != node.i and steps < 4:
            steps += 1
            node = node.head
            if node.i == hi.i:
                return True
            if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "auxpass"):
                break
    # nouns side by side under one head: "killed ... in aerial and artillery strikes and clashes"
    return a.head.i == b.head.i and a.pos_ != "VERB" and b.pos_ != "VERB"


def _split_clusters(trig: list) -> list[list]:
    """Triggers of one family and modality in one sentence: the main one with the triggers tied to it, then
    any other verb trigger with arguments of its own as a separate event."""
    rest = list(trig)
    clusters = []
    while rest:
        main = _main_trigger(rest)
        cluster = [(t, c) for t, c in rest if t.i == main.i or _related(t, main)]
        rest = [(t, c) for t, c in rest if (t, c) not in cluster]
        clusters.append(cluster)
        rest = [(t, c) for t, c in rest
                if (t.pos_ == "VERB" and any(ch.dep_ in ("nsubj", "nsubjpass", "dobj") for ch in t.children))
                or (t.dep_ == "dobj" and t.head.lemma_.lower() in LIGHT_VERBS)]
    return clusters


def _build_candidate(sent: Span, sent_index: int, fam: str, mod: str, trig: list, context: DocContext):
    classes = set().union(*(c for _, c in trig))
    main = _main_trigger(trig)
    roles = _roles(main, fam, context)
    # a role missing on the main trigger may hang on another trigger of the same event:
    # "three policemen were killed in a Taliban ambush"
    for tok, _ in trig:
        if roles.actor1 is not None and roles.actor2 is not None:
            break
        if tok.i == main.i:
            continue
        r = _roles(tok, fam, context)
        if roles.actor1 is None and r.actor1 is not None and (roles.actor2 is None or
                                                               r.actor1.actor.name != roles.actor2.actor.name):
            roles.actor1, roles.assoc1 = r.actor1, r.assoc1
        if roles.actor2 is None and r.actor2 is not None and (roles.actor1 is None or
                                                               r.actor2.actor.name != roles.actor1.actor.name):
            roles.actor2, roles.assoc2 = r.actor2, r.assoc2
            roles.victim_words |= r.victim_words
        elif roles.actor1 is None and r.actor2 is not None and roles.actor2 is not None and \
                r.actor2.actor.name != roles.actor2.actor.name and tok.lemma_.lower() in CLASH_WORDS:
            roles.actor1 = r.actor2  # "six soldiers were killed during a clash with PKK fighters"
    if roles.actor1 is None and fam == "violence":
        roles.actor1 = _sentence_agent(sent, context, roles)
    codes = code_event(fam, classes, sent, main, roles)
    if codes is None:
        return None
    cand = EventCandidate(
        sentence=sent, trigger=main, event_type=codes.get("event_type"),
        sub_event_type=codes.get("sub_event_type"), plover_event=codes["plover"], plover_mode=codes.get("mode"),
        cameo=codes.get("cameo"), modality=mod, actor1=roles.actor1, actor2=roles.actor2,
        assoc_actor1=roles.assoc1, assoc_actor2=roles.assoc2, family=fam, classes=frozenset(classes),
        triggers=[t for t, _ in trig])
    cand.confidence = _confidence(cand, sent_index)
    return cand


def _intent_cue(tok: Token) -> bool:
    """The actor itself announces the step: "X will visit", "X has offered to hand over", "X plans to impose"."""
    node = tok
    for _ in range(4):
        if any(c.lower_ in INTENT_WORDS or c.lemma_.lower() in INTENT_WORDS for c in node.children
               if c.dep_ in ("aux", "xcomp", "acomp")):
            return True
        if node.lemma_.lower() in INTENT_WORDS and node.i != tok.i:
            return True
        if node.dep_ not in ("xcomp", "ccomp", "conj") or node.head.i == node.i:
            break
        node = node.head
    return False


def _speech_act(cand: EventCandidate) -> EventCandidate | None:
    """The asserted statement behind a future or denied PLOVER event, when the actor makes it about itself."""
    if cand.modality not in ("future", "negated") or cand.actor1 is None:
        return None
    if cand.family == "violence" or cand.event_type in ("Protests", "Riots"):
        return None
    plover = cand.plover_event
    if cand.modality == "future" and _intent_cue(cand.trigger):
        event = "AGREE" if plover in COOPERATIVE else "THREATEN" if plover in HOSTILE else None
    elif cand.modality == "negated" and plover in COOPERATIVE:
        event = "REJECT"
    else:
        event = None
    if event is None:
        return None
    cameo = {"AGREE": "030", "THREATEN": "130", "REJECT": "120"}[event]
    return EventCandidate(
        sentence=cand.sentence, trigger=cand.trigger, event_type=None, sub_event_type=None, plover_event=event,
        plover_mode=None, cameo=cameo, modality="asserted", actor1=cand.actor1, actor2=cand.actor2,
        assoc_actor1=cand.assoc_actor1, assoc_actor2=cand.assoc_actor2, confidence=cand.confidence + 0.02,
        family="contact", classes=cand.classes, triggers=cand.triggers)


def _main_trigger(trig: list) -> Token:
    """The trigger that carries the event's arguments: a verb with a subject or object beats a noun; higher in
    the tree beats lower."""

    def score(item):
        tok, _ = item
        s = 0.0
        if tok.pos_ == "VERB":
            s += 2
            if any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "agent") for c in tok.children):
                s += 2
            if tok.lemma_.lower() in ("wound", "injure", "hurt", "maim"):
                s -= 2.5  # "left 3 workers injured" is the outcome of the attack, not the event's head
        elif any(c.dep_ == "prep" and c.lower_ == "by" for c in tok.children):
            s += 3  # "an attack by the PKK"
        elif tok.dep_ == "dobj" and tok.head.lemma_.lower() in LIGHT_VERBS:
            s += 3.5  # "the Taliban launched an assault": the noun is the predicate
        s -= 0.1 * _depth(tok)
        return s

    return max(trig, key=score)[0]


def _depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 30:
        tok = tok.head
        d += 1
    return d


# ---------------------------------------------------------------------------------------------------------
# roles
# ---------------------------------------------------------------------------------------------------------
@dataclass
class Roles:
    actor1: Role | None = None
    actor2: Role | None = None
    assoc1: list = field(default_factory=list)
    assoc2: list = field(default_factory=list)
    victim_words: set = field(default_factory=set)
    conjoined: list = field(default_factory=list)  # "A and B <verb>": the actors joined to actor1 by "and"
    target_is_town: bool = False  # "an assault on Kunduz": a fight for a town, not an attack on civilians


def _subject(tok: Token) -> tuple[Token | None, bool]:
    """(subject token, passive?) of a verb, climbing through xcomp/conj/relcl/acl when it has none itself."""
    node = tok
    for _ in range(6):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "csubj", "nsubjpass", "csubjpass")]
        if subjects:
            # two subjects means a misparse ("Northeast of X, they regained"): the nearest one is right
            before = [c for c in subjects if c.i < node.i]
            c = before[-1] if before else subjects[0]
            return c, c.dep_ in ("nsubjpass", "csubjpass")
        if node.dep_ in ("xcomp", "conj", "advcl", "pcomp") and node.head.i != node.i:
            node = node.head
            continue
        if node.dep_ in ("relcl", "acl") and node.head.i != node.i:
            if node.head.ent_type_ in PLACE_LABELS:
                return None, False  # "... in Madrid, Spain, which killed 13": misattached, not Spain's act
            passive = node.tag_ == "VBN" and node.dep_ == "acl"
            return node.head, passive
        break
    return None, False


def _object(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            return c  # "Finland will give Tanzania a grant": the recipient is the target
    for c in tok.children:
        if c.dep_ in ("dobj", "obj"):
            return c
    for c in tok.children:
        if c.dep_ == "prt":
            for cc in tok.children:
                if cc.dep_ == "prep" and cc.lower_ in ("of",):
                    return next((p for p in cc.children if p.dep_ == "pobj"), None)
    for c in tok.children:
        if c.dep_ == "dative":
            return c
    return None


def _prep_objects(tok: Token, preps: set[str]) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            out.extend(p for p in c.children if p.dep_ == "pobj")
    return out


def _roles(tok: Token, fam: str, ctx: DocContext) -> Roles:
    r = Roles()
    a1_tok = a2_tok = None
    if tok.pos_ in ("VERB", "AUX"):
        subj, passive = _subject(tok)
        agents = _prep_objects(tok, {"by"})
        lemma = tok.lemma_.lower()
        if passive or lemma in PATIENT_SUBJECT_VERBS:
            a2_tok = subj  # "a soldier was killed", "the general died": the subject is the one harmed
            a1_tok = agents[0] if agents else None
        else:
            a1_tok = subj
            a2_tok = _object(tok)
        if a2_tok is None:
            for p in _prep_objects(tok, {"against", "on", "with", "at", "to"}):
                if lemma in ("meet", "talk", "clash", "fight", "agree", "cooperate", "sign", "negotiate", "consult",
                             "discuss", "confer", "speak") or p.head.lower_ in ("against", "on", "at", "to"):
                    a2_tok = p
                    break
        # "fall to the rebels": the place fell, the rebels took it
        if lemma == "fall":
            to = _prep_objects(tok, {"to", "into"})
            if to:
                a1_tok, a2_tok = to[0], None
    else:  # an event noun: "an attack by IS on a checkpoint", "Russian air strikes", "clashes between A and B"
        between = _prep_objects(tok, {"between"})
        if between:
            pair = ctx.participants(between[0])
            if len(pair) >= 2:
                r.actor1, r.actor2 = pair[0], pair[1]
                ctx.last_pair = (pair[0], pair[1])
                return r
            parts = [between[0]] + [c for c in between[0].conjuncts]
            a1_tok = parts[0]
            a2_tok = parts[1] if len(parts) > 1 else None
        else:
            by = _prep_objects(tok, {"by", "from"})
            a1_tok = by[0] if by else None
            if a1_tok is None:
                for c in tok.children:
                    if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN":
                        agents = _prep_objects(c, {"by"})
                        if agents:
                            a1_tok = agents[0]
                            break
            if a1_tok is None:
                for c in tok.children:
                    if c.dep_ in ("poss", "compound", "amod", "nmod") and ctx.mention_at(c) is not None:
                        a1_tok = c
                        break
            on = _prep_objects(tok, {"on", "against", "targeting", "with", "at", "in"})
            for p in on:
                m = ctx.mention_at(p)
                if m is not None or p.head.lower_ in ("on", "against", "targeting", "with", "at"):
                    if p.head.lower_ == "in" and m is None:
                        continue
                    a2_tok = p
                    break
        # the noun is the subject of a verb: "air strikes killed 12 civilians", "a bomb hit a bus"
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ == "VERB":
            verb = tok.head
            if a2_tok is None:
                a2_tok = _object(verb) if tok.dep_ == "nsubj" else None
            if a1_tok is None:
                agents = _prep_objects(verb, {"by"})
                a1_tok = agents[0] if agents else None
        # the noun is the object: "IS claimed the attack", "rebels launched an offensive", "X carried out strikes"
        if a1_tok is None and tok.dep_ in ("dobj", "pobj", "attr") and tok.head.pos_ in ("VERB", "ADP"):
            verb = tok.head if tok.dep_ != "pobj" else tok.head.head
            # "rebels launched an offensive" (yes), "the AU condemned the bombing" (no: a reaction to it)
            if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in LIGHT_VERBS | AGENT_VERBS:
                s, passive = _subject(verb)
                if not passive:
                    a1_tok = s
                elif s is not None and a2_tok is None:
                    a2_tok = s
        # nationality adjectives on weapons: "Russian air strikes", "Israeli shelling"
        if a1_tok is None:
            for c in tok.children:
                if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP":
                    a1_tok = c
                    break

    lex = lexicon()
    if a1_tok is not None and lex.is_event_noun(a1_tok) and a1_tok.i != tok.i:
        inner = _roles(a1_tok, fam, ctx) if tok.pos_ == "VERB" else Roles()
        r.actor1 = inner.actor1
        r.assoc1 = inner.assoc1
        a1_tok = None
    if a1_tok is not None:
        r.actor1 = ctx.role_for(a1_tok, tok, side=1)
        for conj in a1_tok.conjuncts:
            role = ctx.role_for(conj, tok, side=1)
            if role and (r.actor1 is None or role.actor.name != r.actor1.actor.name):
                r.assoc1.append(role)
                r.conjoined.append(role)
        # "fighters of the FSA, working with Turkish commanders"; "backed by Turkish jets"
        for c in list(a1_tok.children) + list(tok.children):
            if c.dep_ in ("acl", "advcl", "relcl") and c.lemma_.lower() in ("work", "fight", "back", "support",
                                                                           "aid", "assist", "join", "ally"):
                for p in _prep_objects(c, {"with", "alongside", "by"}) + [o for o in [_object(c)] if o is not None]:
                    role = ctx.role_for(p, tok, side=1)
                    if role and (r.actor1 is None or role.actor.name != r.actor1.actor.name):
                        r.assoc1.append(role)
        if tok.pos_ == "VERB" and fam != "contact":
            for p in _prep_objects(tok, {"alongside"}):
                role = ctx.role_for(p, tok, side=1)
                if role:
                    r.assoc1.append(role)
    if a1_tok is not None and a2_tok is None and a1_tok.lemma_.lower() in PAIR_WORDS \
            and ctx.last_pair is not None and any(c.lower_ in ("two", "both") for c in a1_tok.children):
        r.actor1, r.actor2 = ctx.last_pair
        return r
    if a2_tok is not None and lex.is_event_noun(a2_tok):
        a2_tok = None
    if a2_tok is not None:
        r.victim_words = {t.lemma_.lower() for t in a2_tok.subtree} | {a2_tok.lower_}
        r.actor2 = ctx.role_for(a2_tok, tok, side=2)
        for conj in a2_tok.conjuncts:
            role = ctx.role_for(conj, tok, side=2)
            if role and (r.actor2 is None or role.actor.name != r.actor2.actor.name):
                r.assoc2.append(role)
        if r.actor2 is not None and r.actor1 is not None and r.actor2.actor.name == r.actor1.actor.name \
                and fam != "contact":
            r.actor2 = None
    if r.actor2 is None and r.conjoined and tok.lemma_.lower() in SYMMETRIC_LEMMAS:
        r.actor2 = r.conjoined[0]  # "Erdogan and Putin discussed Idlib": two parties, not allies
        r.assoc1 = [a for a in r.assoc1 if a is not r.actor2]
    if r.actor2 is None and fam != "violence":
        r.actor2 = ctx.target_in_subtree(tok, r.actor1, a1_tok)
    if a2_tok is not None and r.actor2 is None and (a2_tok.ent_type_ in PLACE_LABELS or _names_place(a2_tok)):
        r.target_is_town = True
    if r.actor1 is not None and r.actor2 is None and fam == "violence":
        enemy = ctx.dominant_enemy(r.actor1)
        if enemy is not None and enemy.actor.name not in {a.actor.name for a in r.assoc1}:
            r.actor2 = enemy
    return r


# ---------------------------------------------------------------------------------------------------------
# document context: actor mentions, pronouns, the dominant armed group
# ---------------------------------------------------------------------------------------------------------
class DocContext:
    def __init__(self, doc: Doc, mentions: list):
        from eventwire.extraction import actors

        self.doc = doc
        self.catalogue = actors.default_catalogue()
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.by_token: dict[int, object] = {}
        for m in self.mentions:
            for i in range(m.start_token, m.end_token):
                self.by_token[i] = m
        self.recent: list[Role] = []
        self.last_pair: tuple | None = None
        self._subject_cache: dict = {}
        self._in_antecedent = False  # pronoun resolution looks up roles, which may meet pronouns again
        counts: Counter = Counter()
        self.examples: dict = {}
        for m in self.mentions:
            a = m.actor
            if a.sector in ("REB", "INS", "UAF") or a.inter in (2, 3):
                if not m.generic and a.known:
                    counts[a.name] += 1
                    self.examples.setdefault(a.name, m)
        self.armed_counts = counts

    def mentions_in(self, start: int, end: int) -> list:
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    def mention_at(self, tok: Token):
        return self.by_token.get(tok.i)

    def remember(self, cand: EventCandidate) -> None:
        if cand.actor1 is not None:
            self.recent.append(cand.actor1)

    def dominant_armed(self) -> Role | None:
        if not self.armed_counts:
            return None
        (name, n), *rest = self.armed_counts.most_common(2)
        if rest and rest[0][1] == n:
            return None
        m = self.examples[name]
        return Role(actor=m.actor, start=m.start, end=m.end, generic=False, known=True)

    def dominant_enemy(self, actor1: Role) -> Role | None:
        """The article's main armed group, as the likely opponent of a state or rebel actor that fights
        without a named target ("Turkish forces entered the town")."""
        dom = self.dominant_armed()
        if dom is None or actor1 is None or dom.actor.name == actor1.actor.name:
            return None
        if actor1.actor.sector in ("CVL",) or actor1.actor.inter in (5, 6, 7):
            return None
        return Role(actor=dom.actor, start=-1, end=-1, generic=False, known=True)

    def target_in_subtree(self, trigger: Token, actor1: Role | None, subject: Token | None) -> Role | None:
        """The first party named in the trigger's own clause other than actor1: "demanded that the DPRK
        forsake", "accepted demands from Shona rebels", "relations with Russia", "send arms to Pakistan"."""
        skip: set[int] = set()
        if subject is not None:
            skip |= {t.i for t in subject.subtree}
        queue = [c for c in trigger.children if c.dep_ not in ("nsubj", "nsubjpass", "relcl", "punct", "agent")]
        seen = 0
        while queue and seen < 60:
            t = queue.pop(0)
            seen += 1
            if t.i in skip:
                continue
            m = self.by_token.get(t.i)
            if m is not None and (actor1 is None or m.actor.name != actor1.actor.name):
                return Role(actor=m.actor, start=m.start, end=m.end, generic=m.generic, known=m.actor.known)
            if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("pobj", "nsubj", "nsubjpass", "dobj", "dative"):
                role = self.role_for(t, trigger, 2)
                if role is not None and (actor1 is None or role.actor.name != actor1.actor.name) and (
                        role.actor.sector is not None or role.known):
                    return role
            queue.extend(c for c in t.children if c.dep_ not in ("relcl", "punct"))
        return None

    def participants(self, tok: Token) -> list[Role]:
        """The distinct actors named in a phrase such as "between Erdogan and US President Donald Trump"."""
        out: list[Role] = []
        seen = set()
        for t in tok.subtree:
            m = self.by_token.get(t.i)
            if m is not None and m.actor.name not in seen and (m.start, m.end) not in seen:
                seen.add(m.actor.name)
                out.append(Role(actor=m.actor, start=m.start, end=m.end, generic=m.generic, known=m.actor.known))
        if len(out) < 2:
            for t in [tok] + list(tok.conjuncts):
                role = self.role_for(t, t, 1)
                if role is not None and role.actor.name not in seen:
                    seen.add(role.actor.name)
                    out.append(role)
        return out

    def role_for(self, tok: Token, trigger: Token, side: int) -> Role | None:
        """The actor a role token stands for: a catalogue mention in its phrase, a pronoun's antecedent, or a
        guess from the words."""
        if tok is None or ((tok.ent_type_ in NOT_ACTOR_LABELS or tok.like_num)
                           and tok.lower_ not in QUANTITY_HEADS and tok.i not in self.by_token):
            return None
        if tok.lemma_.lower() in PAIR_WORDS and self.last_pair is not None:
            return self.last_pair[0] if side == 1 else self.last_pair[1]
        if tok.lower_ in PRONOUNS and tok.pos_ == "PRON":
            if self._in_antecedent:
                return None
            self._in_antecedent = True
            try:
                return self._antecedent(tok, trigger)
            finally:
                self._in_antecedent = False
        m = self.by_token.get(tok.i)
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in PRONOUNS), None)
        if owner is not None and (m is None or m.generic) and not self._in_antecedent:
            self._in_antecedent = True
            try:
                found = self._antecedent(owner, trigger)  # "its fighters", "their troops"
            finally:
                self._in_antecedent = False
            if found is not None:
                return found
        if m is not None and m.generic:
            # "Islamic State-linked insurgents", "suspected Boko Haram militants": the named group wins
            named = [self.by_token[c.i] for c in _phrase_tokens(tok) if c.i in self.by_token
                     and not self.by_token[c.i].generic and self.by_token[c.i].actor.sector not in ("CVL",)]
            if named:
                m = named[0]
        if m is None:
            # the phrase's own modifiers and "of"-complements: "fighters of the FSA", "a commander of a leading
            # FSA group", "a Daesh stronghold" (not its relative clauses or other prepositions)
            for c in sorted(_phrase_tokens(tok), key=lambda c: (c.i > tok.i, -c.i if c.i <= tok.i else c.i)):
                m = self.by_token.get(c.i)
                if m is not None:
                    break
        if m is not None and tok.ent_type_ == "NORP" and tok.dep_ in ("amod", "compound") \
                and lexicon().is_event_noun(tok.head):
            forces = self.catalogue.resolve(f"{tok.text} forces")
            if forces is not None:
                return Role(actor=forces, start=m.start, end=m.end, generic=False, known=True)
        if m is not None:
            role = Role(actor=m.actor, start=m.start, end=m.end, generic=m.generic, known=m.actor.known)
            if m.generic and self._is_generic_armed(m.actor.text or ""):
                dom = self.dominant_armed()
                if dom is not None:
                    return Role(actor=dom.actor, start=m.start, end=m.end, generic=False, known=True)
            return role
        if tok.ent_type_ in PLACE_LABELS and tok.pos_ == "PROPN":
            return None  # a place is not an actor
        if tok.lemma_.lower() in TERRITORY_NOUNS or tok.lemma_.lower() in ("hold", "grip", "influence"):
            return None  # "regained control of two villages", "stormed the town": ground, not a party
        if tok.lemma_.lower() in WEAPON_NOUNS or tok.lower_ in WEAPON_NOUNS or lexicon().is_event_noun(tok) \
                or tok.lemma_.lower() in ABSTRACT_NOUNS \
                or tok.lemma_.lower() in ("ied", "device", "vehicle", "car", "truck", "motorcycle"):
            return None  # "a roadside IED killed a general": the weapon, not who used it
        if tok.lemma_.lower() in QUANTITY_HEADS:
            of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                  if p.dep_ == "pobj"]
            if of:
                return self.role_for(of[0], trigger, side)
        words = _noun_phrase(tok)
        if not words:
            return None
        proper = [c for c in tok.children if c.dep_ in ("compound", "nmod", "amod") and c.i < tok.i
                  and c.pos_ == "PROPN" and c.ent_type_ not in PLACE_LABELS | {"NORP", "DATE"}]
        if proper and tok.lower_ in GENERIC_ARMED | {"separatists", "separatist", "guerrillas", "militia",
                                                     "militiamen", "cadres", "members", "member", "activists"}:
            name = " ".join(t.text for t in sorted({x for c in proper for x in c.subtree}, key=lambda t: t.i))
            actor = self.catalogue.resolve(name) or self.catalogue.guess(words)
            if not actor.known:
                actor = Actor(name=name, text=words, country=None, sector=actor.sector, inter=actor.inter,
                              known=False)
            start = min(t.idx for t in tok.subtree if t.i <= tok.i)
            return Role(actor=actor, start=start, end=tok.idx + len(tok.text), generic=False, known=actor.known)
        if self._is_generic_armed(words):
            dom = self.dominant_armed()
            if dom is not None:
                return Role(actor=dom.actor, start=tok.idx, end=tok.idx + len(tok), generic=False, known=True)
        actor = self.catalogue.resolve(words)
        if actor is None:
            actor = self.catalogue.guess(words)
            looks_like_actor = actor.sector is not None or tok.pos_ == "PROPN" or tok.ent_type_ in (
                "PERSON", "ORG", "NORP", "GPE") or tok.lemma_.lower() in ACTOR_NOUNS
            if not looks_like_actor:
                return None  # "the removal", "a grant", "restrictions": not a party to the event
        if actor.country is None:
            # "Sierra Leonean refugees", "Moroccan diplomats": the nationality adjective gives the country
            for c in tok.children:
                if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE"):
                    state = self.catalogue.resolve(f"{c.text} government") or self.catalogue.resolve(c.text)
                    if state is not None and state.country:
                        actor = Actor(name=actor.name, text=actor.text, country=state.country,
                                      sector=actor.sector, inter=actor.inter, cameo=actor.cameo, known=actor.known)
                        break
        span_start = min(t.idx for t in tok.subtree if t.i <= tok.i)
        return Role(actor=actor, start=span_start, end=tok.idx + len(tok.text), generic=not actor.known
                    or actor.country is None, known=actor.known)

    def _previous_sentences(self, sent: Span, n: int) -> list[Span]:
        sents = [s for s in self.doc.sents if s.end <= sent.start]
        return list(reversed(sents[-n:]))

    def _last_subject_actor(self, sent: Span) -> Role | None:
        key = sent.start
        if key not in self._subject_cache:
            found = None
            for t in sent:
                if t.dep_ == "nsubj" and t.lower_ not in PRONOUNS:
                    role = self.role_for(t, t, 1)
                    if role is not None and role.known and not role.generic:
                        found = role
            self._subject_cache[key] = found
        return self._subject_cache[key]

    @staticmethod
    def _is_generic_armed(words: str) -> bool:
        w = words.lower().split()
        return bool(w) and w[-1] in GENERIC_ARMED and not any(x in ("government", "army", "police", "security")
                                                              for x in w)

    def _antecedent(self, pron: Token, trigger: Token) -> Role | None:
        # "the military said it killed", "fighters of the FSA were moving from the city they had stormed":
        # the subject of the nearest enclosing clause that names one
        node = pron.head
        for _ in range(10):
            if node.head.i == node.i:
                break
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                if node.lemma_.lower() in modality.REPORTING_LEMMAS:
                    # "X said fighters of the FSA were moving": the parser makes the reported subject an object
                    obj = _object(node)
                    if obj is not None and obj.pos_ in ("NOUN", "PROPN") and obj.lower_ not in PRONOUNS:
                        role = self.role_for(obj, trigger, 1)
                        if role is not None:
                            return role
                subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                passive = subj is not None and subj.dep_ == "nsubjpass"
                if subj is not None and subj.lower_ not in PRONOUNS and not passive \
                        and pron.i not in {t.i for t in subj.subtree} and not lexicon().is_event_noun(subj):
                    role = self.role_for(subj, trigger, 1)
                    if role is not None:
                        return role
        # otherwise the nearest actor named before it: in this sentence, then the last event's actor1
        sent = pron.sent
        prev = [m for m in self.mentions if sent.start_char <= m.start < pron.idx and not m.generic]
        if prev:
            m = prev[-1]
            return Role(actor=m.actor, start=m.start, end=m.end, generic=m.generic, known=m.actor.known)
        # then the last actor named as a subject in the previous sentences ("a commander of the FSA said ...
        # They also regained ...")
        for prev_sent in self._previous_sentences(sent, 3):
            role = self._last_subject_actor(prev_sent)
            if role is not None:
                return role
        if self.recent:
            return self.recent[-1]
        before = [m for m in self.mentions if m.start < pron.idx and not m.generic
                  and m.actor.sector not in ("CVL",)]
        if before:
            m = before[-1]
            return Role(actor=m.actor, start=m.start, end=m.end, generic=m.generic, known=m.actor.known)
        return None


AFFILIATION_VERBS = {"suspect", "belong", "link", "affiliate", "loyal", "tie", "ally", "connect", "associate",
                     "back", "align", "sympathize", "claim", "believe"}
ACTOR_NOUNS = {"official", "officials", "leader", "leaders", "minister", "ministers", "spokesman", "spokeswoman",
               "spokesperson", "authorities", "authority", "government", "union", "party", "parties", "group",
               "groups", "members", "member", "delegation", "envoy", "ambassador", "president", "king", "prime",
               "chief", "commander", "council", "committee", "movement", "organisation", "organization",
               "coalition", "alliance", "opposition", "elders", "clerics", "lawmakers", "parliament", "court",
               "judge", "prosecutor", "prosecutors", "ministry", "agency", "company", "firm", "newspaper",
               "activists", "workers", "employees", "teachers", "students", "doctors", "farmers", "traders",
               "residents", "villagers", "people", "crowd", "mob", "faction", "factions", "militia", "tribe",
               "tribesmen", "clan", "gang", "gangs", "cartel", "kidnappers", "abductors", "attackers",
               "assailants", "bandits", "pirates", "smugglers", "inmates", "prisoners", "detainees", "refugees",
               "migrants", "nationals", "citizens", "diplomats", "observers", "inspectors", "negotiators",
               "mediators", "monitors", "peacekeepers", "mission", "regime", "junta", "administration", "state",
               "states", "country", "countries", "nation", "nations", "side", "sides", "neighbours", "neighbors"}
ABSTRACT_NOUNS = {"insurgency", "rebellion", "uprising", "campaign", "fighting", "unrest", "conflict", "war", "crisis", "situation", "issue", "issues", "matter", "dispute", "tension",
                  "tensions", "violence", "peace", "security", "stability", "future", "process", "plan", "plans",
                  "deal", "agreement", "talks", "relations", "ties", "cooperation", "efforts", "support", "way"}
QUANTITY_HEADS = {"scores", "dozens", "hundreds", "thousands", "tens", "group", "number", "handful", "crowd",
                  "batch", "team", "band", "convoy", "delegation", "contingent", "unit", "squad", "couple"}
PHRASE_DEPS = {"compound", "amod", "poss", "nmod", "pobj", "appos", "det", "nummod", "flat", "case"}


def _phrase_tokens(tok: Token) -> list[Token]:
    """The tokens of a noun phrase that can name who it is: modifiers, appositions and "of" complements."""
    out = []
    stack = [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in PHRASE_DEPS or (c.dep_ == "prep" and c.lower_ in ("of", "from")):
                stack.append(c)
            elif c.dep_ in ("acl", "amod", "relcl") and c.lemma_.lower() in AFFILIATION_VERBS:
                # "gunmen suspected of ties to al-Qaeda", "fighters belonging to the group", "IS-linked militants"
                stack.extend(x for x in c.subtree if x.i != c.i)
    return out


def _names_place(tok: Token) -> bool:
    """A town or city named as what was hit: the token or its "of" complement is a place entity."""
    if tok.lemma_.lower() in ("city", "town", "district", "province", "region", "capital", "county"):
        return any(c.ent_type_ in PLACE_LABELS for c in tok.subtree)
    return False


def _noun_phrase(tok: Token) -> str:
    """The words of a role's noun phrase, without numbers, determiners and trailing clauses."""
    keep = [t for t in tok.subtree if t.i <= tok.i and t.dep_ in ("compound", "amod", "poss", "nmod")
            and t.head.i == tok.i]
    keep.append(tok)
    words = [t.text for t in sorted(keep, key=lambda t: t.i) if t.pos_ not in ("DET", "NUM", "PUNCT")]
    return " ".join(words).strip()


def _attribute_claims(doc: Doc, cands: list[EventCandidate], ctx: DocContext) -> None:
    """"IS claimed responsibility for the bombing": the claimant is the perpetrator of the article's violent
    events that have no named actor1."""
    claimants: list[Role] = []
    lex = lexicon()
    for tok in doc:
        if tok.lemma_.lower() not in ("claim", "accept", "admit", "take", "own"):
            continue
        obj = _object(tok)
        about_attack = any(c.lemma_.lower() == "responsibility" for c in tok.subtree) or (
            obj is not None and lex.is_event_noun(obj))
        subj, passive = _subject(tok)
        if passive and subj is not None and lex.is_event_noun(subj):
            about_attack = True  # "the attack was claimed by the BLA"
        if not about_attack:
            continue
        who = _prep_objects(tok, {"by"})[0] if passive and _prep_objects(tok, {"by"}) else (
            subj if not passive else None)
        if who is not None:
            role = ctx.role_for(who, tok, 1)
            if role is not None and (role.known or who.pos_ == "PROPN" or who.ent_type_ in ("ORG", "NORP")) \
                    and who.lower_ not in ("no", "nobody", "none") and not any(
                        c.lower_ in ("no", "none") for c in who.children):
                claimants.append(role)
    if not claimants:
        return
    claimant = claimants[0]
    for c in cands:
        if c.family != "violence":
            continue
        kind = _actor_kind(c.actor1)
        if c.actor1 is None or not c.actor1.known or c.actor1.generic or kind in ("state", "civilian"):
            old = c.actor1
            if old is not None and old.actor.name == claimant.actor.name:
                continue
            c.actor1 = claimant
            if old is not None and kind in ("state", "civilian") and c.actor2 is None:
                c.actor2 = old  # the state or civilians named before the claim were the ones attacked
            c.confidence = min(0.99, c.confidence + 0.05)


# ---------------------------------------------------------------------------------------------------------
# coding: rules.yaml
# ---------------------------------------------------------------------------------------------------------
def _actor_kind(role: Role | None) -> str:
    if role is None:
        return "unknown"
    a = role.actor
    if a.inter == 6 or (a.text or "").lower().rstrip("s") in ("protester", "demonstrator"):
        return "protester"
    if a.inter == 5:
        return "rioter"
    if a.sector in ("GOV", "MIL", "COP", "SPY") or a.inter == 1:
        return "state"
    if a.sector in ("CVL",) or a.inter == 7:
        return "civilian"
    if a.sector in ("REB", "INS", "UAF", "OPP") or a.inter in (2, 3, 4, 8):
        return "nonstate"
    return "unknown"


def _target_kind(roles: Roles, sent: Span) -> str:
    lex = lexicon()
    kind = _actor_kind(roles.actor2)
    if kind in ("state", "nonstate"):
        return "armed"
    if kind == "civilian":
        return "civilian"
    if kind == "protester":
        return "protester"
    words = roles.victim_words
    if words:
        if words & set(lex.victims["civilian"]) and not words & set(lex.victims["armed"]):
            return "civilian"
        if words & set(lex.victims["armed"]):
            return "armed"
        if words & set(lex.victims["property"]):
            return "property"
    if roles.target_is_town:
        return "armed"
    # no object: look at what died in the sentence ("12 civilians were killed", "two soldiers died")
    for t in sent:
        if t.lemma_.lower() in DEATH_WORDS:
            for c in t.children:
                if c.dep_ in ("nsubj", "nsubjpass", "dobj"):
                    w = c.lemma_.lower()
                    if w in lex.victims["civilian"]:
                        return "civilian"
                    if w in lex.victims["armed"]:
                        return "armed"
    return "any"


@functools.lru_cache(maxsize=256)
def _cue_pattern(cues: tuple) -> re.Pattern:
    """One compiled alternation per cue list: a word cue matches at a word start ("detonat" finds
    "detonated"), a phrase cue anywhere."""
    parts = [re.escape(c) if (" " in c or "-" in c) else r"\b" + re.escape(c) for c in cues]
    return re.compile("|".join(parts) or r"(?!x)x")


def _has_cue(text_lower: str, cues) -> bool:
    return _cue_pattern(tuple(cues)).search(text_lower) is not None


def _instruments(sent: Span) -> set[str]:
    low = sent.text.lower()
    return {name for name, cues in lexicon().instruments.items() if _has_cue(low, cues)}


def code_event(fam: str, classes: set, sent: Span, trigger: Token, roles: Roles) -> dict | None:
    """The first rule of rules.yaml that fits gives the codes; None when a rule drops the event."""
    lex = lexicon()
    instruments = _instruments(sent)
    low = sent.text.lower()
    a1 = _actor_kind(roles.actor1)
    a2 = _actor_kind(roles.actor2)
    target = None
    for rule in lex.rules:
        w = rule["when"]
        if "family" in w:
            fams = w["family"] if isinstance(w["family"], list) else [w["family"]]
            if fam not in fams:
                continue
        if "class" in w and not classes & set(w["class"]):
            continue
        if "without_class" in w and classes & set(w["without_class"]):
            continue
        if "with_class_any" in w and not classes & set(w["with_class_any"]):
            continue
        if "instrument" in w and w["instrument"] not in instruments:
            continue
        if "instrument_any" in w and not instruments & set(w["instrument_any"]):
            continue
        if "actor1" in w:
            allowed = w["actor1"] if isinstance(w["actor1"], list) else [w["actor1"]]
            if a1 not in allowed:
                continue
        if "actor2" in w:
            allowed = w["actor2"] if isinstance(w["actor2"], list) else [w["actor2"]]
            if a2 not in allowed:
                continue
        if "target" in w:
            if target is None:
                target = _target_kind(roles, sent)
            if target != w["target"]:
                continue
        if "target_not" in w:
            if target is None:
                target = _target_kind(roles, sent)
            if target == w["target_not"]:
                continue
        if "context_any" in w:
            cues = w["context_any"]
            if isinstance(cues, str):
                cues = lex.non_conflict if cues == "non_conflict" else [cues]
            if not _has_cue(low, cues):
                continue
        then = rule["then"]
        if then.get("drop"):
            return None
        return dict(then)
    return None


def _confidence(c: EventCandidate, sent_index: int) -> float:
    """The extractor's own estimate that the record is right: clear triggers with named actors score high."""
    s = 0.45
    t = c.trigger
    if t.dep_ == "ROOT" or (t.head.dep_ == "ROOT" and t.dep_ in ("conj", "xcomp", "ccomp")):
        s += 0.12
    if t.pos_ == "VERB":
        s += 0.05
    if c.actor1 is not None:
        s += 0.1 if c.actor1.known and not c.actor1.generic else 0.04
    if c.actor2 is not None:
        s += 0.05
    if c.event_type is not None:
        s += 0.08
    if c.family == "violence":
        s += 0.05
    if len(c.triggers) > 1:
        s += 0.03
    s -= min(0.1, 0.02 * sent_index)
    return max(0.05, min(0.97, s))


def drop_duplicates(events: list) -> list:
    """The same event twice from one sentence (two triggers coded alike) is kept once."""
    seen = set()
    out = []
    for ev in events:
        key = (ev.evidence.start, ev.event_type, ev.sub_event_type, ev.plover.event, ev.modality)
        if key in seen:
            continue
        seen.add(key)
        out.append(ev)
    return out


class EventFinder:
    """The event stage (triggers, roles, modality, codes), as the Pipeline owns it."""

    def __init__(self, language=None, catalogue=None):
        self.language = language
        self.catalogue = catalogue

    def find(self, doc: Doc, actor_mentions: list) -> list[EventCandidate]:
        return find_events(doc, actor_mentions)

    def drop_duplicates(self, events: list) -> list:
        return drop_duplicates(events)
