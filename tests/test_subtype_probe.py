"""ACLED sub-types of violent events, on a probe set written for these tests (wire, local and headline styles,
active and passive, real and invented places): the weapon decides the Explosions/Remote violence sub-type, but
only a weapon used by the attacker (an aircraft shot down is no air strike), only a whole weapon word ("graduates"
hold no Grad rocket, a "shelter" no shell) and only a weapon of war (a rocket-propelled grenade is a fighter's
arm, not artillery); a suicide attacker makes a suicide bomb; explosives that wreck property are an explosion;
force against a crowd that protests is excessive force; soldiers captured are no ground taken."""

import pytest

AIR = "Air/drone strike"
CLASH = "Armed clash"
ATTACK = "Violence against civilians:Attack"
SHELL = "Shelling/artillery/missile attack"
IED = "Remote explosive/landmine/IED"
SUICIDE = "Suicide bomb"
GRENADE = "Grenade"
FORCE = "Excessive force against protesters"
LOOT = "Looting/property destruction"
ABDUCT = "Abduction/forced disappearance"

# (sentence, accepted sub-types of its most confident ACLED event)
PROBES = [
    # -- an aircraft hit is the target of a fight, not an air strike -------------------------------------------
    ("Rebels shot down an army helicopter near the border town of Kalvo, killing its two pilots.", {CLASH}),
    ("Islamic State fighters downed a Syrian air force jet over eastern Homs on Tuesday.", {CLASH}),
    ("Insurgents fired on a military helicopter as it landed at an outpost in Helmand, wounding a crew member.",
     {CLASH}),
    ("Gunmen attacked a police helicopter in the Sierra district, injuring three officers on board.", {CLASH}),
    ("The militia shot down a government warplane over the Nuba mountains on Friday.", {CLASH}),
    ("Five soldiers killed as rebels shoot down army helicopter in Blue Nile", {CLASH}),
    ("An army transport plane was shot down by separatists near Luhansk, killing all 49 people on board.", {CLASH}),
    # ... but gunmen who fire on an airliner carrying passengers attack civilians
    ("Gunmen opened fire on a small passenger plane carrying eleven passengers as it landed at Ilaga airstrip.",
     {ATTACK}),
    # ... while aircraft that strike are
    ("A government helicopter bombed a village in Darfur, killing five civilians.", {AIR}),
    ("Warplanes struck rebel positions near Idlib, killing 12 fighters.", {AIR}),
    ("A US drone strike killed three suspected militants in North Waziristan.", {AIR}),
    ("Helicopter gunships fired on the convoy of the rebel commander, killing him and two guards.", {AIR}),
    ("Jets pounded the outskirts of Marib overnight, local officials said.", {AIR}),

    # -- a rocket-propelled grenade is a fighter's weapon -------------------------------------------------------
    ("Militants ambushed a patrol with rifles and rocket-propelled grenades, killing four soldiers.", {CLASH}),
    ("Gunmen armed with RPGs attacked a police station in Kandahar province, killing two policemen.", {CLASH}),
    ("Rebels fired rocket-propelled grenades at an army checkpoint in Kidal, wounding three soldiers.", {CLASH}),
    ("Three Tunisian soldiers were killed when militants fired rifles and rocket propelled grenades at them.",
     {CLASH}),
    # ... while rockets, mortars and shells are artillery
    ("Rockets fired from Gaza struck the town of Sderot, wounding two residents.", {SHELL}),
    ("Insurgents fired mortars at the army base outside Mogadishu overnight.", {SHELL}),
    ("Separatists fired Grad rockets at Mariupol, killing three civilians.", {SHELL}),
    ("Two children were killed when a shell hit their house in Donetsk.", {SHELL}),
    ("Artillery shelling of the village of Tarmanin killed four people, activists said.", {SHELL}),

    # -- a weapon word is a whole word: graduates, shelters, miners and jetties are no weapons -------------------
    ("Gunmen shot dead two university graduates in Bosaso on Monday.", {ATTACK}),
    ("Armed men attacked a shelter for displaced families in Ituri, killing seven people.", {ATTACK}),
    ("Gunmen opened fire on people sheltering in a church in Benue state, killing 17.", {ATTACK}),
    ("Suspected rebels killed four gold miners in an attack near Kamituga.", {ATTACK}),
    ("Bandits shot dead five coal miners near the village of Dansadau.", {ATTACK}),
    ("Gunmen opened fire on fishermen at a jetty on Lake Chad, killing nine.", {ATTACK}),
    ("Militants killed a schoolteacher and two of his graduate students in Kurram.", {ATTACK}),
    ("A gunman shot a minibus driver at the jetty in Port Harcourt.", {ATTACK}),

    # -- a suicide attacker --------------------------------------------------------------------------------
    ("A suicide bomber blew himself up at a checkpoint in Zhob, wounding six soldiers and a child.", {SUICIDE}),
    ("A suicide car bomber rammed his vehicle into a police station in Kirkuk, killing six officers.", {SUICIDE}),
    ("A car bomber struck an army convoy outside Mogadishu, killing five soldiers.", {SUICIDE}),
    ("A suicide bomber tried to enter the base but detonated his vest at the gate, killing two guards.", {SUICIDE}),
    ("A female suicide bomber detonated her explosives at a crowded market in Maiduguri, killing 12 people.",
     {SUICIDE}),
    ("Two suicide bombers attacked a mosque in Konduga during morning prayers, killing 20 worshippers.",
     {SUICIDE}),
    ("A man wearing an explosive vest blew himself up at a wedding hall in Kabul, killing 63 guests.", {SUICIDE}),
    ("An attacker drove a truck packed with explosives into the gate of the compound and detonated it, killing "
     "himself and four guards.", {SUICIDE}),
    ("Suicide bomber kills 12 at mosque in northeast Nigeria", {SUICIDE}),
    ("A bomb went off prematurely near a police station in Kirkuk, killing four people and the bomber.", {SUICIDE}),
    # ... told in the sentence after the blast
    ("A car bomb exploded outside a hotel in Beledweyne, killing 20 people. The suicide bomber was later identified "
     "as a local man.", {SUICIDE}),
    ("An explosion ripped through the main market in Jalalabad, killing 11. Officials said a suicide bomber on foot "
     "had targeted a police vehicle.", {SUICIDE}),
    ("Six soldiers were killed when a suicide bomber rammed an explosives-laden car into their post in Sinai.",
     {SUICIDE}),

    # -- a sentence that tells only the toll of the attack the sentence before described: that attack's weapon ----
    ("The Taliban claimed a suicide car bomb attack on a police post in Ghazni. Two police officers were killed and "
     "three others wounded.", {SUICIDE}),
    ("Militants fired mortar rounds at the district headquarters in Baidoa. Three soldiers were killed.", {SHELL}),
    ("A roadside device targeted an army convoy on the Kabul-Jalalabad road. Four soldiers died.", {IED}),
    ("Aircraft of the coalition struck a compound near Hajin on Tuesday. At least nine people were killed, the "
     "monitoring group said.", {AIR}),

    # -- bombs set off from afar ----------------------------------------------------------------------------
    ("A roadside bomb struck a military vehicle in Kunar, killing three soldiers.", {IED}),
    ("A car bomb exploded near a busy market in Baghdad, killing 20 people.", {IED}),
    ("Two soldiers were killed when their patrol hit a landmine near the border.", {IED}),
    ("A parcel bomb exploded at the offices of a newspaper in Athens, injuring a guard.", {IED}),
    ("At least six civilians were killed in a blast in Jalalabad on Sunday.", {IED}),
    ("A bomb planted on a motorcycle went off outside a police station in Quetta, killing two officers.", {IED}),
    ("A bomb exploded next to a riot police bus in Athens, injuring one officer.", {IED}),

    # -- explosives that wreck property are an explosion, not property destruction ------------------------------
    ("Rebels blew up a section of the oil pipeline in Arauca with explosives.", {IED}),
    ("Guerrillas destroyed a stretch of the Cano Limon pipeline with explosives.", {IED}),
    ("Militants destroyed a bridge on the main highway with explosives overnight.", {IED}),
    ("Insurgents blew up a telecommunications mast in Helmand on Saturday.", {IED}),
    ("Unknown attackers bombed an electricity pylon near Tumaco, cutting power to the town.", {IED}),
    ("Saboteurs damaged the gas pipeline near El-Arish with an explosive device.", {IED}),
    ("Rebels blow up oil pipeline in northern Iraq", {IED}),
    # ... while fire set to empty buildings is property destruction
    ("Gunmen torched twenty houses in the village after the residents had fled.", {LOOT}),
    ("Militants set fire to a school building in Bama overnight; nobody was hurt.", {LOOT}),
    ("An oil pipeline near Kirkuk was set on fire by militants and exploded; no one was hurt.", {LOOT}),

    # -- lethal force against a crowd that protests -----------------------------------------------------------
    ("Police fired on a crowd of striking oil workers, killing two.", {FORCE}),
    ("Soldiers opened fire on demonstrators in the capital, killing at least five people.", {FORCE}),
    ("Security forces shot dead three protesters at a rally against the election results.", {FORCE}),
    ("Police allegedly fired on a crowd of miners protesting over pay.", {FORCE}),
    ("Troops fire on protesters in Khartoum, two dead", {FORCE}),

    # ... but a mob that kills is mob violence, not force used on a crowd
    ("A mob armed with machetes attacked the home of a sect leader in Banten, killing three members of the sect.",
     {"Mob violence"}),
    ("An angry mob beat two suspected cattle thieves to death in Bugesera on Sunday.", {"Mob violence"}),

    # -- riot police are police: shooting them is no riot -----------------------------------------------------
    pytest.param("Militants shot at riot police officers parked downtown, wounding two.", {CLASH},
                 marks=pytest.mark.xfail(reason="known gap: the participle 'wounding two' of a fight is a one-sided "
                                                "record of its own and can outrank the fight", strict=False)),
    ("Gunmen killed three riot police officers at a checkpoint in Cairo.", {CLASH}),
    ("Masked men opened fire on a riot police unit guarding the ministry, wounding an officer.", {CLASH}),

    # -- soldiers captured in a fight are no ground taken ------------------------------------------------------
    ("Taliban fighters killed 20 policemen and captured 17 others in attacks in Farah province.", {CLASH}),
    ("Militants captured three soldiers after an ambush near the border.", {CLASH, ABDUCT}),
    ("Twelve soldiers were killed and four captured when insurgents attacked their base in Tillaberi.", {CLASH}),
    # ... while towns and bases taken are
    ("Rebels captured the town of Kidal after heavy fighting with government troops.",
     {"Non-state actor overtakes territory"}),
    ("Government forces retook the town of Palmyra from Islamic State on Thursday.",
     {"Government regains territory"}),

    # -- who is hit: armed men fight back, villagers cannot ----------------------------------------------------
    ("Gunmen shot dead a village chief in Kasai on Sunday.", {ATTACK}),
    ("Suspected militants attacked a military checkpoint, killing four soldiers.", {CLASH}),
    ("Al-Shabaab fighters attacked an African Union base in Lower Shabelle; nine soldiers were killed.", {CLASH}),
    ("Boko Haram insurgents killed 30 villagers in an attack on Gamboru.", {ATTACK}),
    ("Kidnappers seized two aid workers on the road to Gao.", {ABDUCT}),
    ("An Egyptian security officer was shot dead by gunmen in Qaliubiya.", {CLASH, ATTACK}),
    ("Three construction workers were killed in an attack by PKK militants in Sirnak.", {ATTACK}),
    ("Gunmen on motorbikes killed 14 worshippers at a church in Dablo.", {ATTACK}),

    # -- grenades -----------------------------------------------------------------------------------------
    ("Militants threw a grenade at a police station in Srinagar, wounding four officers.", {GRENADE}),
    ("A hand grenade was thrown into a bar in Bujumbura, killing two people.", {GRENADE}),
    ("Two people were injured in a grenade attack on a busy market in Gorwian.", {GRENADE}),
    ("Attackers on a motorcycle hurled grenades at a bus stop in Mombasa, wounding 11.", {GRENADE}),

    # -- an air strike hits an aircraft's target, even a house -----------------------------------------------
    ("A helicopter of the Afghan air force bombed the house from which the militants had fired.", {AIR}),
    ("An air strike destroyed a weapons depot of the militia near Sirte.", {AIR}),
]


def full_sub_type(event) -> str:
    # Attack is spelled with its type: the probes name it so that an Attack of another type cannot pass
    return f"{event.event_type}:{event.sub_event_type}" if event.sub_event_type == "Attack" else event.sub_event_type


@pytest.fixture(scope="module")
def extract(pipeline):
    def run(text):
        return [e for e in pipeline.extract(text, published="2021-06-10") if e.modality == "asserted"]

    return run


def top_sub_type(events) -> str | None:
    coded = [e for e in events if e.event_type is not None]
    return full_sub_type(max(coded, key=lambda e: e.confidence)) if coded else None


@pytest.mark.parametrize("text,accepted", PROBES)
def test_sub_type_of_the_main_event(extract, text, accepted):
    assert top_sub_type(extract(text)) in accepted


@pytest.mark.parametrize("text,second", [
    # a sentence about another incident, or one with a weapon of its own, keeps its own sub-type
    ("A bomb exploded at a bus stop in Jos on Monday. Separately, four villagers were killed in Kaduna.", ATTACK),
    ("A bomb went off outside the courthouse in Mardan. Gunmen then shot dead two guards at the gate.", CLASH),
    ("Rockets hit the airport in Tripoli on Friday.\n\nTwo soldiers were killed near Sirte.", CLASH),
    ("A car bomb exploded in Baghdad, killing ten.\n\nIn Mosul, a suicide bomber attacked a checkpoint.", SUICIDE),
])
def test_a_sentence_of_its_own_keeps_its_sub_type(extract, text, second):
    opens = text.index(".") + 1
    later = [e for e in extract(text) if e.event_type is not None and e.evidence.start >= opens]
    assert later and all(full_sub_type(e) == second for e in later)


@pytest.mark.parametrize("text", [
    "A car bomb exploded in Baghdad, killing ten.\n\nIn Mosul, a suicide bomber attacked a checkpoint.",
    "A car bomb exploded in Baghdad, killing ten. Separately, a suicide bomber attacked a checkpoint in Mosul.",
    "A bomb hidden in a rickshaw exploded in the bazaar, killing nine. A suicide car bomber hit a checkpoint nearby.",
    "An explosion near a hotel killed 13 people. Hours earlier the suicide bomber in a minibus had hit a checkpoint.",
])
def test_a_suicide_attack_told_apart_leaves_the_bomb_before_it(extract, text):
    first = [e for e in extract(text) if e.event_type is not None and e.evidence.start < text.index(".")]
    assert first and all(e.sub_event_type == IED for e in first)
