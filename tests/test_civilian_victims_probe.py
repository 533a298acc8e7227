"""Violence against civilians, on a probe set written for these tests (wire, local and headline styles, active
and passive, real and invented places): by ACLED's definitions an attack on unarmed people is Violence against
civilians/Attack whoever they are (a lawyer, an elder, a shopkeeper, a journalist); bodies found with signs of
violence are an Attack when the killing is evident; armed men who abduct people commit an Abduction/forced
disappearance; and armed men who shoot at police fight them, whatever a participle of the toll says."""

import pytest

CLASH = "Armed clash"
ATTACK = "Violence against civilians:Attack"
ABDUCT = "Abduction/forced disappearance"

# (sentence, accepted sub-types of its most confident ACLED event)
PROBES = [
    # -- a victim named by an occupation or title is a civilian ---------------------------------------------------
    ("Gunmen killed a lawyer in Quetta on Tuesday.", {ATTACK}),
    ("Unidentified gunmen shot dead a school teacher in Khuzdar district.", {ATTACK}),
    ("A tribal elder was shot dead by unknown assailants in North Waziristan.", {ATTACK}),
    ("Militants killed an engineer working on a dam project in Kohistan.", {ATTACK}),
    ("Gunmen on a motorbike shot dead a shopkeeper in the Saddar area of Peshawar.", {ATTACK}),
    ("A journalist was killed by gunmen outside his home in Culiacan.", {ATTACK}),
    ("Gunmen killed a local journalist in the Philippine province of Sultan Kudarat.", {ATTACK}),
    ("Suspected rebels shot dead a village headman near Beni.", {ATTACK}),
    ("Armed men killed a pharmacist in the town of Garowe on Sunday.", {ATTACK}),
    ("Gunmen killed a polio vaccinator in Bannu.", {ATTACK}),
    ("A health worker was shot dead by militants in Bajaur on Monday.", {ATTACK}),
    ("Unknown gunmen killed a traditional ruler in Imo state.", {ATTACK}),
    ("Gunmen shot dead a university lecturer in Karachi.", {ATTACK}),
    ("Bandits killed a herbalist and his son in the village of Tunga.", {ATTACK}),
    ("Unidentified attackers killed a human rights defender in Cauca department.", {ATTACK}),
    ("Gunmen killed a social leader in the municipality of Tumaco, local officials said.", {ATTACK}),
    ("Assailants shot dead an electoral commission official in Kinshasa.", {ATTACK}),
    ("A local councillor was shot dead by gunmen in Guerrero state.", {ATTACK}),
    ("Suspected militants killed a prayer leader at a mosque in Pulwama.", {ATTACK}),
    ("Gunmen shot dead a cattle trader on the road to Kaduna.", {ATTACK}),
    ("Militants killed a rickshaw driver in Dera Ismail Khan.", {ATTACK}),
    ("Gunmen shot dead a money changer in Mogadishu's Bakara market.", {ATTACK}),
    ("A pastor was hacked to death by suspected herders in Plateau state.", {ATTACK}),
    ("Rebels killed a catechist and two farmers near the village of Ndoy.", {ATTACK}),
    ("Unknown gunmen killed an aid worker in the town of Kaga Bandoro.", {ATTACK}),
    ("Gunmen shot dead a mining engineer and his driver in Zacatecas.", {ATTACK}),
    ("An election candidate was shot dead by gunmen in Veracruz.", {ATTACK}),
    ("Armed men killed a mayor-elect in the state of Michoacan.", {ATTACK}),
    ("Gunmen killed a former lawmaker at his home in Mosul.", {ATTACK}),
    ("Gunmen kill lawyer in Quetta", {ATTACK}),
    ("Militants behead tribal elder in South Waziristan", {ATTACK}),
    ("Suspected Maoists killed a contractor in Bijapur district.", {ATTACK}),
    ("Gunmen killed a cleric in the Baloch town of Turbat.", {ATTACK}),
    ("A shopkeeper and a tailor were shot dead by militants in the Zanvo market.", {ATTACK}),
    ("Al-Shabaab militants killed a village elder in Lower Juba.", {ATTACK}),
    ("Militants stabbed to death a monk in the northern province of Yala.", {ATTACK}),
    ("Gunmen kidnapped and killed a nurse in Kidal.", {ATTACK, ABDUCT}),
    ("A blogger was hacked to death by suspected Islamists in Dhaka.", {ATTACK}),
    ("Suspected separatists killed a schoolteacher in the Anglophone region of Cameroon.", {ATTACK}),
    ("Gunmen killed an imam as he left a mosque in Tillaberi.", {ATTACK}),
    ("Gunmen killed a judge in the city of Baqubah.", {ATTACK}),
    ("A local businessman was shot dead by gunmen in the Orangi area of Karachi.", {ATTACK}),
    ("Islamic State militants executed three shepherds in the desert near Rutba.", {ATTACK}),
    ("The Taliban killed a midwife in Ghor province, officials said.", {ATTACK}),
    ("Unidentified gunmen killed an activist in Basra on Saturday.", {ATTACK}),
    ("Gunmen shot dead a radio presenter in the town of Ormoc.", {ATTACK}),
    # ... and so is one named by kinship or age
    ("Government troops killed a girl and her father in the village of Tal Hamis.", {ATTACK}),
    ("Militiamen shot dead a teenager and his uncle at a checkpoint near Kalehe.", {ATTACK}),
    ("Soldiers killed a pregnant woman and her husband during a raid on Bawku.", {ATTACK}),

    # -- bodies found with the marks of their killing ---------------------------------------------------------
    ("The bullet-riddled bodies of three men were found in Khost province on Friday.", {ATTACK}),
    ("Police found the beheaded bodies of two farmers near the village of Mocimboa.", {ATTACK}),
    ("The bodies of five men were found with gunshot wounds on a road outside Tuxtla.", {ATTACK}),
    ("Two bodies riddled with bullets were dumped near a bridge in Celaya.", {ATTACK}),
    ("The bound and blindfolded bodies of four men were found in a field north of Baghdad.", {ATTACK}),
    ("Residents found the body of a trader with his throat slit near the town of Zinder.", {ATTACK}),
    ("Six bodies bearing signs of torture were dumped on a highway in Guerrero.", {ATTACK}),
    ("The decapitated bodies of three villagers were found in a forest in Ituri province.", {ATTACK}),
    ("The bullet-riddled body of a missing teacher was recovered in Panjgur.", {ATTACK}),
    ("The body of a kidnapped engineer was found with gunshot wounds near Kirkuk.", {ATTACK}),
    ("Bodies of 12 men shot in the head found dumped in Juarez", {ATTACK}),
    ("The mutilated bodies of two traders were found near Bokoro, local authorities said.", {ATTACK}),
    ("Villagers found the bodies of four fishermen who had been shot dead near the lake shore.", {ATTACK}),

    # -- abductions by armed men -------------------------------------------------------------------------------
    ("Gunmen abducted a businessman in the city of Port Harcourt.", {ABDUCT}),
    ("Gunmen abducted 20 passengers travelling on the Abuja-Kaduna highway.", {ABDUCT}),
    ("Armed men kidnapped a Catholic priest in the town of Nsukka.", {ABDUCT}),
    ("Bandits abducted 15 villagers from Gidan Tudu on Sunday night.", {ABDUCT}),
    ("Suspected jihadists kidnapped a village chief near Djibo.", {ABDUCT}),
    ("Unknown gunmen abducted two engineers working on a road project in Zamfara.", {ABDUCT}),
    ("Islamic State fighters abducted a group of shepherds in the Badia desert.", {ABDUCT}),
    ("A foreign aid worker was abducted by gunmen in the town of Menaka.", {ABDUCT}),
    ("Three teachers were kidnapped by armed men in the Anglophone North-West region.", {ABDUCT}),
    ("Gunmen kidnap 12 students from school in Kebbi", {ABDUCT}),
    ("Militants seized a local journalist at a checkpoint outside Sirte.", {ABDUCT}),
    ("Abu Sayyaf militants kidnapped five fishermen off the coast of Sabah.", {ABDUCT}),
    ("Armed men abducted the wife of a local official in Katsina.", {ABDUCT}),
    ("Rebels abducted 30 civilians during a raid on the village of Kalonge.", {ABDUCT}),

    # -- armed men who shoot at the police fight them -------------------------------------------------------------
    ("Militants shot at riot police officers parked downtown, wounding two.", {CLASH}),
    ("Gunmen fired on a police patrol in Kandahar, wounding three policemen.", {CLASH}),
    ("Insurgents opened fire on an army checkpoint near Baqubah, killing a soldier.", {CLASH}),
    ("Rebels ambushed a gendarmerie convoy near Bouar, wounding four gendarmes.", {CLASH}),
    ("Gunmen attacked a police station in Ebonyi state, killing two officers.", {CLASH}),
    ("Suspected militants shot at a paramilitary patrol in Pulwama, wounding two troopers.", {CLASH}),

    # -- armed people and soldiers are no civilians, nor a crime story with no armed actor an event ---------------
    ("Gunmen killed a soldier on leave in the town of Arish.", {CLASH, ATTACK}),
    ("Two policemen guarding a polio team were shot dead by militants in Mardan.", {CLASH}),
]


@pytest.fixture(scope="module")
def extract(pipeline):
    def run(text):
        return [e for e in pipeline.extract(text, published="2021-06-10") if e.modality == "asserted"]

    return run


def full_sub_type(event) -> str:
    # Attack is spelled with its type: an Attack of another type must not pass
    return f"{event.event_type}:{event.sub_event_type}" if event.sub_event_type == "Attack" else event.sub_event_type


def top_sub_type(events) -> str | None:
    coded = [e for e in events if e.event_type is not None]
    return full_sub_type(max(coded, key=lambda e: e.confidence)) if coded else None


@pytest.mark.parametrize("text,accepted", PROBES)
def test_sub_type_of_an_attack_on_civilians(extract, text, accepted):
    assert top_sub_type(extract(text)) in accepted



@pytest.mark.parametrize("text", [
    "Police found the beheaded bodies of two farmers near the village of Mocimboa.",
    "Villagers recovered the bullet-riddled body of a shopkeeper on the road to Turbat.",
    "Soldiers discovered the mutilated bodies of four men in a ditch outside Kindu.",
])
def test_who_finds_the_dead_did_not_kill_them(extract, text):
    found = [e for e in extract(text) if e.event_type is not None]
    assert found and all(e.actor1 is None or e.actor1.sector not in ("COP", "CVL", "MIL") for e in found)
