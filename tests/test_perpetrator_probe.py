"""Probe set for the perpetrator (actor1) of attacks: sentences written for these tests, in wire, local-news and
headline styles, active and passive, with real and invented groups from many countries. Each probe names the
group a reader would give as the perpetrator; a probe passes when an asserted violent event has that group as
actor1 or as an associated actor1. The families: the group as subject, as a noun modifier or possessive ("a
Taliban attack"), in a by-phrase, in an apposition, claiming or blamed in another sentence, its members or men
"with ties to" it, and the traps where another party stands near the attack (the victim side, a spokesman, the
reporting source, a place)."""

import pytest

VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")


@pytest.fixture(scope="module")
def perpetrators(pipeline):
    def run(text, published="2019-05-14"):
        out = []
        for e in pipeline.extract(text, published=published):
            if e.modality != "asserted" or (e.event_type not in VIOLENT
                                            and e.sub_event_type != "Looting/property destruction"):
                continue
            out.append([a.name for a in [e.actor1, *(e.assoc_actor1 or [])] if a is not None])
        return out

    return run


def _named(found, group):
    return any(group.lower() in name.lower() for names in found for name in names)


# -- the group as subject, in a by-phrase or a when-clause -------------------------------------------------------

SUBJECT = [
    ("Boko Haram fighters stormed a village near Maiduguri, killing 12 people.", "Boko Haram"),
    ("Al-Shabaab militants attacked a police station in Mandera on Tuesday.", "Shabaab"),
    ("The Taliban overran a checkpoint in Kunduz province overnight, killing six policemen.", "Taliban"),
    ("Suspected ELN guerrillas blew up a section of an oil pipeline in Arauca.", "National Liberation Army"),
    ("PKK militants ambushed a military convoy in Hakkari, killing two soldiers.", "Kurdistan Workers"),
    ("Three civilians were wounded when ADF rebels raided a village outside Beni.", "Allied Democratic Forces"),
    ("Two teachers were killed when Maoist rebels set fire to a school in Jharkhand.", "Communist Party of India"),
    ("A tea trader was shot dead by Naxals in Dantewada district.", "Communist Party of India"),
    ("ADF gunmen on motorbikes shot dead a farmer near Oicha.", "Allied Democratic Forces"),
    ("A female LTTE suicide bomber blew herself up outside a police station in Colombo.", "Tamil Eelam"),
    ("Houthi rebels fired a missile at the airport in Jizan, wounding four people.", "Houthi"),
    ("Abu Sayyaf gunmen kidnapped two fishermen off the coast of Sabah.", "Abu Sayyaf"),
    ("Hamas militants fired rockets at Sderot, injuring a woman.", "Hamas"),
    ("An ISWAP convoy attacked an army base in Borno state, killing seven soldiers.", "West Africa"),
    ("The Islamic State executed 11 men in a square in Raqqa.", "Islamic State"),
    ("Lashkar-e-Taiba militants opened fire on pilgrims in Anantnag, killing three.", "Lashkar"),
    ("Fulani militants killed 17 villagers in an overnight raid in Plateau State.", "Fulani"),
    ("The New People's Army torched three construction vehicles in Surigao del Sur.", "New People's Army"),
    ("Members of the Kata Sundo Front shot dead a village chief in the hills near Lerran.", "Kata Sundo Front"),
    ("Gunmen of the Red Hand of Vessora Movement burned down a customs post outside Tarlan.", "Red Hand of Vessora"),
]

# -- the group as a noun modifier, a possessive or in a by-phrase -------------------------------------------------

MODIFIER = [
    ("Eight people were killed in a Taliban attack on a district centre in Ghazni.", "Taliban"),
    ("An al-Shabaab car bomb killed 11 people outside a hotel in Mogadishu.", "Shabaab"),
    ("Boko Haram's raid on the town of Monguno left 20 people dead.", "Boko Haram"),
    ("Five soldiers died in an ambush by the PKK near Sirnak.", "Kurdistan Workers"),
    ("A civilian was killed in an attack by al-Shabaab on a bus near Wajir.", "Shabaab"),
    ("A police officer was wounded in a grenade attack by suspected Hizbul Mujahideen militants in Sopore.",
     "Hizbul Mujahideen"),
    ("Two children died when a mortar shell fired by Islamic State militants hit their home.", "Islamic State"),
    ("Four soldiers were injured by a roadside bomb planted by FARC dissidents in Cauca.", "FARC"),
    ("A farmer was killed by a landmine laid by the ELN in Norte de Santander.", "National Liberation Army"),
    ("An Islamic State suicide bomber killed 14 people at a wedding hall in Kabul.", "Islamic State"),
    ("A Tehrik-i-Taliban Pakistan gunman shot dead a polio worker in Peshawar.", "Taliban"),
    ("A JNIM ambush killed nine gendarmes near the border with Burkina Faso.", "Nusrat"),
]

# -- its men: members of it, fighters loyal to it, men with ties to it ---------------------------------------------

MEMBERS = [
    ("Members of Boko Haram abducted 30 girls from a school in Yobe state.", "Boko Haram"),
    ("Fighters loyal to the Islamic State beheaded a shepherd near Kirkuk.", "Islamic State"),
    ("Suspected members of the ELN killed two soldiers in an ambush in Catatumbo.", "National Liberation Army"),
    ("Gunmen with ties to the Pakistani Taliban stormed a college in Charsadda, killing 20 students.", "Taliban"),
    ("Militants belonging to the Abu Sayyaf group beheaded a hostage in Sulu.", "Abu Sayyaf"),
    ("Rebels of the National Democratic Front of Bodoland killed four villagers in Kokrajhar.", "Bodoland"),
    ("Insurgents from the Ogaden National Liberation Front attacked an oil field in Somali region.",
     "Ogaden National Liberation Front"),
    ("Fighters of the Zarvan Liberation Army shelled a market in the town of Kessa.", "Zarvan Liberation Army"),
    ("A policeman tied to the Taliban shot dead six of his colleagues at a checkpoint in Helmand.", "Taliban"),
    ("Al-Qaeda-linked Abu Sayyaf militants beheaded a German hostage in Jolo.", "Abu Sayyaf"),
    ("The pro-Islamic State faction of Boko Haram killed 15 fishermen on Lake Chad.", "Boko Haram"),
    ("Islamic State-affiliated Abu Sayyaf gunmen abducted three sailors off Tawi-Tawi.", "Abu Sayyaf"),
]

# -- a claim of responsibility, suspicion or blame in another sentence ---------------------------------------------

CLAIMS = [
    ("A bomb exploded at a bus stop in Quetta, killing six people. The Balochistan Liberation Army claimed "
     "responsibility.", "Baloch"),
    ("Gunmen shot dead three policemen in Peshawar on Monday. Tehrik-i-Taliban Pakistan claimed the attack.",
     "Taliban"),
    ("A suicide bomber killed 21 people at a mosque in Kabul. Islamic State claimed responsibility in a "
     "statement on its Amaq news agency.", "Islamic State"),
    ("Unidentified gunmen killed a priest near Ouagadougou. Police blamed Ansarul Islam for the killing.",
     "Ansarul Islam"),
    ("A roadside bomb killed four soldiers in Diyala. The attack was blamed on the Islamic State.",
     "Islamic State"),
    ("Rockets hit the airport in Tripoli overnight. A militia calling itself the Dawn Shield Brigade claimed "
     "responsibility for the attack.", "Dawn Shield Brigade"),
    ("A bomb went off in a market in Maiduguri, killing nine. Boko Haram is suspected to be behind the attack.",
     "Boko Haram"),
    ("Two police officers were killed in Dagestan. The Islamic State later claimed the attack.", "Islamic State"),
    ("A Palestinian rocket attack killed a man in Sderot. Hamas has claimed responsibility for the attack.",
     "Hamas"),
    ("Gunmen opened fire on worshippers at a church in Dablo, killing six. Authorities blamed the Islamic State "
     "in the Greater Sahara for the attack.", "Islamic State"),
    ("A car bomb exploded outside a police station in Batman. Officials said the PKK was responsible.",
     "Kurdistan Workers"),
    ("A grenade was thrown into a crowded market in Srinagar, injuring 12. Jaish-e-Mohammed later claimed "
     "responsibility.", "Jaish"),
    ("Four people were killed in an armed assault on the Chinese consulate in Karachi. The attack was claimed by "
     "the Balochistan Liberation Army.", "Baloch"),
    ("Gunmen opened fire on an Iranian military parade in Ahvaz, killing 25 people. The Islamic State claimed "
     "responsibility.", "Islamic State"),
    ("A bomb exploded near a bank in Oruma, wounding three guards. The Sons of the Delta Front claimed "
     "responsibility for the blast.", "Sons of the Delta Front"),
    ("Attackers killed eleven miners near Kamsa. The Coastal Revolutionary Army claimed the massacre in a "
     "statement.", "Coastal Revolutionary Army"),
]

# -- the claim's subject through "is said to", "calling itself"; "Maoist rebels" by country

MORE_CLAIMS = [
    ("Three guards were shot dead at a bank in Kandahar. The Taliban is said to have claimed responsibility.",
     "Taliban"),
    ("Rockets hit the airport in Tripoli overnight. A militia calling itself the Dawn Shield Brigade claimed "
     "responsibility for the attack.", "Dawn Shield Brigade"),
    ("A man stabbed four passers-by in Surgut before police shot him. He had pledged allegiance to ISIS in a video.",
     "Islamic State"),
    ("Maoist rebels hurled bombs at a bus in Kavre district of Nepal, killing six people.", "Communist Party of Nepal"),
    ("Maoist rebels ambushed an army patrol in Samar province, Philippines, killing three soldiers.",
     "New People's Army"),
    ("Maoists blew up a school building in Gaya, Bihar.", "Communist Party of India"),
    ("Murle gunmen killed 15 people in a raid on cattle camps in Jonglei State.", "Murle"),
    ("A clinic was looted and burned by ADF rebels near Beni.", "Allied Democratic Forces"),
    ("A school was burned down and destroyed by presumed Maoists in Latehar district, Jharkhand.",
     "Communist Party of India"),
    ("A village hall was ransacked and set ablaze by members of the Kessan Liberation Front.",
     "Kessan Liberation Front"),
    ("ELN rebels hurled grenades at a police station killing two officers.", "National Liberation Army"),
    ("Houthi fighters fired mortars at a market in Taiz killing five shoppers.", "Houthi"),
    ("Suspected members of the Army of National Liberation (ELN) blew up a pipeline in Arauca.",
     "National Liberation Army"),
    ("A Liberation Tigers of Tamil Eelam (LTTE) suicide bomber killed four policemen at a police station in Colombo.",
     "Tamil Eelam"),
]

# -- the traps: the victim side, a spokesman, the source or a place near the attack ----------------------------------

TRAPS = [
    ("Police said al-Shabaab gunmen killed three teachers in Lamu county.", "Shabaab"),
    ("A spokesman for the army said Boko Haram fighters attacked a base in Baga.", "Boko Haram"),
    ("Afghan officials said Taliban insurgents killed nine policemen in an attack in Faryab.", "Taliban"),
    ("According to Reuters, Houthi fighters shelled a residential area of Taiz, killing four children.", "Houthi"),
    ("Al-Shabaab gunmen attacked a Kenyan army camp in Lamu, the Kenyan military said.", "Shabaab"),
    ("The Syrian Observatory for Human Rights said Islamic State fighters killed 15 soldiers near Palmyra.",
     "Islamic State"),
    ("Islamic State militants attacked an Iraqi army post near Tikrit, killing five soldiers.", "Islamic State"),
    ("A Yemeni army spokesman said Houthi rebels fired mortars at a school in Marib.", "Houthi"),
    ("Villagers in Zamfara said bandits killed 30 people and burned houses.", "Bandit"),
]

# -- headlines --------------------------------------------------------------------------------------------------------

HEADLINES = [
    ("Taliban kill 12 policemen in northern Afghanistan", "Taliban"),
    ("Boko Haram militants kill 9 in raid on Nigerian village", "Boko Haram"),
    ("Al-Shabaab attack on Kenyan base kills 20", "Shabaab"),
    ("ELN rebels blow up oil pipeline in Colombia", "National Liberation Army"),
    ("Suspected ADF rebels kill 14 civilians in eastern Congo", "Allied Democratic Forces"),
    ("PKK attack kills three soldiers in southeast Turkey", "Kurdistan Workers"),
    ("Houthis fire ballistic missile at Saudi city of Najran", "Houthi"),
    ("Abu Sayyaf beheads Canadian hostage in Philippines", "Abu Sayyaf"),
]

# known gaps: a repelled attack is coded as the defenders' battle
KNOWN_GAPS = [
    pytest.param("Nigerian troops repelled an attack by Boko Haram on a base in Borno, the army said.", "Boko Haram",
                 marks=pytest.mark.xfail(reason="a repelled attack: the defenders are actor1", strict=False)),
    pytest.param("Islamic State claims suicide bombing in Baghdad that killed 30", "Islamic State",
                 marks=pytest.mark.xfail(reason="a claim alone is kept as a PLOVER assault with no ACLED type (CASE "
                                                "2021 ATTRIB): test_perpetrator_probe3.py counts it", strict=False)),
    pytest.param("A female Liberation Tigers of Tamil Eelam (LTTE) suicide bomber killed four policemen in Colombo.",
                 "Tamil Eelam", marks=pytest.mark.xfail(reason="the parser hangs the bomber on the name", strict=False)),
    pytest.param("Maoists torch vehicles in Chhattisgarh", "Communist Party of India"),
]

PROBES = SUBJECT + MODIFIER + MEMBERS + CLAIMS + MORE_CLAIMS + TRAPS + HEADLINES + KNOWN_GAPS


@pytest.mark.parametrize(("text", "group"), PROBES)
def test_the_perpetrator_is_the_group_the_text_names(perpetrators, text, group):
    found = perpetrators(text)
    assert _named(found, group), found


# -- the victim side is no perpetrator -----------------------------------------------------------------------------

NOT_PERPETRATOR = [
    ("Three soldiers were killed in an ambush near Lake Chad, officials said.", "Chad"),
    ("Gunmen opened fire on the Turkish embassy in Kabul, wounding two guards.", "Turkey"),
    ("A bomb exploded during an Egyptian military parade in Arish, killing four spectators.", "Egypt"),
]


@pytest.mark.parametrize(("text", "party"), NOT_PERPETRATOR)
def test_the_attacked_party_or_a_place_is_no_perpetrator(perpetrators, text, party):
    found = perpetrators(text)
    assert found, text
    assert not any(party.lower() in names[0].lower() for names in found if names), found


# -- the side killed in a clash is actor2; the side it fought is actor1 ------------------------------------------------

VICTIM_SIDE = [
    ("Four al-Shabaab militants were killed in clashes with the Somali army in Afgoye.", "Somalia"),
    ("Six Taliban fighters were killed in clashes with Afghan police in Helmand.", "Afghanistan"),
    ("Three ELN rebels died in a firefight with soldiers in Arauca.", "Colombia"),
    ("Five soldiers were killed in clashes with Boko Haram in Borno.", "Boko Haram"),
]


@pytest.mark.parametrize(("text", "actor1"), VICTIM_SIDE)
def test_the_side_killed_in_a_clash_is_not_actor1(perpetrators, text, actor1):
    found = perpetrators(text)
    assert found and found[0] and actor1.lower() in found[0][0].lower(), found
