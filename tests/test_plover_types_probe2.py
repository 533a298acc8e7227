"""A fifth PLOVER probe set, written for this project after test_plover_types_probe.py: the less common triggers and
the nominal forms of each category, and the record a sentence with several acts puts first.

Triggers: grain shipped and relief pledged, borders opened to refugees (AID); suspects handed over, intelligence
exchanged, coordinated patrols (COOPERATE); curfews lifted, bans ended, apologies (CONCEDE); checkpoints dismantled,
pullouts and fighters laying down arms (RETREAT); vetoes, boycotted talks, spurned requests (REJECT); frozen assets,
suspended memberships and loans, embargoes (SANCTION); warnings of consequences and ultimatums (THREATEN); forces put
on alert, build-ups (MOBILIZE); hunger strikes, walk-outs, vigils, occupations (PROTEST); curfews, censorship,
deportations, round-ups and raids with arrests (COERCE) against raids with killings (ASSAULT); telephone calls and
summits (CONSULT) against accords and agreed ceasefires (AGREE); appeals and pleas (REQUEST); blame, condemnation,
complaints and inquiries (ACCUSE); recognition and endorsement (SUPPORT).

Main records: a statement about an act is the statement ("condemned the execution of three dissidents" is ACCUSE), a
measure taken after an act is the measure ("recalled its ambassador after jets bombed the town" is SANCTION).

Scored as the evaluation scores PLOVER sentences, with the scorer of test_plover_types_probe.py.
`python tests/test_plover_types_probe2.py` prints the figures and every miss.
"""

from __future__ import annotations

import pytest

from test_plover_types_probe import measure as measure_probes

# (sentence, PLOVER category of its main act)
PROBES: list[tuple[str, str]] = [
    # -- AID ------------------------------------------------------------------------------------------------
    ("The Soviet Union shipped 200,000 tonnes of grain to Ethiopia during the famine.", "AID"),
    ("Saudi Arabia pledged $500 million in relief for earthquake victims in Turkey.", "AID"),
    ("Jordan opened its borders to refugees fleeing the fighting in Iraq.", "AID"),
    ("Canadian relief flights brought medicine and blankets to Armenia after the earthquake.", "AID"),
    ("Tanzania took in 200,000 Rwandan refugees in a single week.", "AID"),
    ("A Chinese medical team arrived in Sierra Leone to help fight the Ebola outbreak.", "AID"),
    ("Iran supplied rockets to Hezbollah, Israeli officials said.", "AID"),
    ("Emergency food aid from the European Community reached Mogadishu on Monday.", "AID"),
    # -- COOPERATE ------------------------------------------------------------------------------------------
    ("Thailand handed over a suspected Uighur militant to Chinese authorities.", "COOPERATE"),
    ("Egyptian and Sudanese border guards mounted joint patrols in the Halaib triangle.", "COOPERATE"),
    ("The intelligence services of Jordan and Iraq exchanged information on the bombers.", "COOPERATE"),
    ("Malaysian and Indonesian navies conducted coordinated patrols in the Strait of Malacca.", "COOPERATE"),
    ("Moroccan and Spanish police dismantled a human trafficking network in a joint operation.", "COOPERATE"),
    ("Belgium extradited to France a man wanted over the Paris attacks.", "COOPERATE"),
    ("Zarovian and Belgravian customs officers carried out joint inspections at the Delna crossing.", "COOPERATE"),
    # -- CONCEDE --------------------------------------------------------------------------------------------
    ("Israel released 1,000 Palestinian prisoners in exchange for the captured soldier.", "RETREAT"),
    ("Authorities lifted the curfew in Srinagar after eleven days.", "CONCEDE"),
    ("The Burmese junta apologised to Thailand for the shelling of a border village.", "CONCEDE"),
    ("Pretoria unbanned the African National Congress on Friday.", "CONCEDE"),
    ("Israel reopened the Rafah crossing after a two-week closure.", "CONCEDE"),
    ("King Gyanendra restored parliament after weeks of protests.", "CONCEDE"),
    ("Serbia freed the three captured American soldiers on Sunday.", "RETREAT"),
    ("The Chilean government eased press restrictions imposed under military rule.", "CONCEDE"),
    # -- RETREAT --------------------------------------------------------------------------------------------
    ("Libyan forces withdrew from the Aouzou strip under the court ruling.", "RETREAT"),
    ("The army dismantled checkpoints around Nablus on Wednesday.", "RETREAT"),
    ("Syria pulled out of Lebanon in April 2005 after 29 years.", "RETREAT"),
    ("UN peacekeepers began a phased pullout from Sierra Leone.", "RETREAT"),
    ("RENAMO fighters laid down their arms at a ceremony in Maputo.", "RETREAT"),
    ("Government troops evacuated their garrison in Kidal.", "RETREAT"),
    ("The redeployment of Israeli troops out of Hebron began on Thursday.", "RETREAT"),
    ("Cuban troops withdraw from Angola", "RETREAT"),
    # -- REJECT ---------------------------------------------------------------------------------------------
    ("China vetoed the Security Council resolution on Myanmar.", "REJECT"),
    ("Pakistan turned down an Indian offer of flood aid.", "REJECT"),
    ("The Sudanese government refused entry to UN human rights investigators.", "REJECT"),
    ("The Kremlin dismissed Western demands for a ceasefire.", "REJECT"),
    ("Ankara spurned an EU request to open its ports to Cypriot ships.", "REJECT"),
    ("The Serbian parliament refused to ratify the agreement with Kosovo.", "REJECT"),
    ("France used its veto to block a resolution on the Rwandan crisis.", "REJECT"),
    ("Bolivia rejects Chilean offer on sea access", "REJECT"),
    # -- SANCTION -------------------------------------------------------------------------------------------
    ("Washington froze the assets of the Panamanian dictator.", "SANCTION"),
    ("Ghana recalled its ambassador to Nigeria for consultations.", "SANCTION"),
    ("The Commonwealth suspended Pakistan's membership after the coup.", "SANCTION"),
    ("Mauritania cut diplomatic ties with Israel in 2009.", "SANCTION"),
    ("The International Monetary Fund suspended loans to Zambia over corruption.", "SANCTION"),
    ("Arab oil producers imposed an oil embargo on the Netherlands in 1973.", "SANCTION"),
    ("Canada suspended military exports to Turkey.", "SANCTION"),
    ("The Organization of American States expelled Cuba in 1962.", "SANCTION"),
    # -- THREATEN -------------------------------------------------------------------------------------------
    ("Baghdad warned of dire consequences if Kuwait did not cut its oil output.", "THREATEN"),
    ("The militia issued an ultimatum to foreign workers to leave the region within a week.", "THREATEN"),
    ("Iran threatened to close the Strait of Hormuz.", "THREATEN"),
    ("Moscow warned Kyiv it would cut off gas deliveries if the debt was not paid.", "THREATEN"),
    ("The kidnappers threatened to kill the hostages unless a ransom was paid.", "THREATEN"),
    ("Belgrade threatens military action against Kosovo", "THREATEN"),
    ("Beijing warned Manila of serious consequences over the reef.", "THREATEN"),
    # -- MOBILIZE -------------------------------------------------------------------------------------------
    ("Pakistan put its forces on alert along the eastern border.", "MOBILIZE"),
    ("Syria massed tanks on the Turkish frontier in 1998.", "MOBILIZE"),
    ("The Bulgarian army was placed on combat readiness.", "MOBILIZE"),
    ("Eritrea called up 50,000 reservists amid tension with Ethiopia.", "MOBILIZE"),
    ("Venezuela deployed fighter jets to the Colombian frontier.", "MOBILIZE"),
    ("The United States sent an aircraft carrier to the Taiwan Strait.", "MOBILIZE"),
    ("A buildup of Russian troops near the Ukrainian border alarmed NATO.", "MOBILIZE"),
    ("Egypt reinforced its border with Gaza with two armoured battalions.", "MOBILIZE"),
    # -- PROTEST --------------------------------------------------------------------------------------------
    ("Coal miners in Donetsk went on hunger strike to demand unpaid wages.", "PROTEST"),
    ("Students occupied the university administration building in Mexico City.", "PROTEST"),
    ("Workers at the state oil company walked off the job in Lagos.", "PROTEST"),
    ("A general strike paralysed Caracas on Monday.", "PROTEST"),
    ("Mothers of the disappeared held a vigil outside the presidential palace in Buenos Aires.", "PROTEST"),
    ("Dozens of activists chained themselves to the gates of the nuclear plant.", "PROTEST"),
    ("Opposition supporters marched on parliament in Tbilisi.", "PROTEST"),
    ("Nurses stage walkout in Nairobi hospitals", "PROTEST"),
    # -- COERCE ---------------------------------------------------------------------------------------------
    ("Authorities imposed a dusk-to-dawn curfew in Kandy after communal clashes.", "COERCE"),
    ("The government shut down the independent television station in Caracas.", "COERCE"),
    ("Police raided opposition offices in Kampala and arrested 12 people.", "COERCE"),
    ("Thailand forcibly repatriated 100 Hmong refugees to Laos.", "COERCE"),
    ("Zambian authorities deported a British journalist on Tuesday.", "COERCE"),
    ("Iran confiscated the passports of two French researchers.", "COERCE"),
    ("Hundreds of suspected dissidents were rounded up in Tripoli.", "COERCE"),
    ("Police raided a mosque in Tashkent and detained 20 worshippers.", "COERCE"),
    ("The military regime censored all foreign newspapers.", "COERCE"),
    # -- ASSAULT --------------------------------------------------------------------------------------------
    ("Troops raided a village near Kayes and killed four suspected rebels.", "ASSAULT"),
    ("Security forces tortured a detained journalist to death in Lahore.", "ASSAULT"),
    ("Militants abducted a Nepalese aid worker in Kandahar.", "ASSAULT"),
    ("Guerrillas blew up a power pylon near Medellin.", "ASSAULT"),
    ("Israeli troops shot and wounded a Palestinian teenager at a checkpoint.", "ASSAULT"),
    ("Mortar fire hit the Kenyan peacekeepers' base overnight.", "ASSAULT"),
    ("Rebels overran an army post in the Casamance region.", "ASSAULT"),
    # -- CONSULT --------------------------------------------------------------------------------------------
    ("President Carter telephoned Egyptian President Sadat on Saturday.", "CONSULT"),
    ("Leaders of the Gulf states met in Muscat for their annual summit.", "CONSULT"),
    ("The Sudanese envoy held consultations with Ethiopian officials in Addis Ababa.", "CONSULT"),
    ("Indian and Chinese army commanders held a new round of talks at Chushul.", "CONSULT"),
    ("The Pope received the Polish president at the Vatican.", "CONSULT"),
    ("The Georgian leader flew to Moscow for talks with Yeltsin.", "CONSULT"),
    ("The Turkish foreign minister had a telephone conversation with his Greek counterpart.", "CONSULT"),
    ("A summit between the leaders of Ethiopia and Eritrea took place in Asmara.", "CONSULT"),
    # -- AGREE ----------------------------------------------------------------------------------------------
    ("Israel and the PLO signed a declaration of principles in Washington.", "AGREE"),
    ("The warring factions agreed to a ceasefire in Mogadishu.", "AGREE"),
    ("India and Bangladesh concluded a treaty on sharing the Ganges waters.", "AGREE"),
    ("Iran and the six powers reached a nuclear accord in Vienna.", "AGREE"),
    ("Colombia's government and the FARC signed a peace deal in Havana.", "AGREE"),
    ("The two sides agreed to exchange prisoners.", "AGREE"),
    ("Rebels and the government initialled a power-sharing accord.", "AGREE"),
    ("Ethiopia and Eritrea sign peace agreement", "AGREE"),
    # -- REQUEST --------------------------------------------------------------------------------------------
    ("Kuwait appealed for international help to put out the oil fires.", "REQUEST"),
    ("The UN secretary-general urged both sides to show restraint.", "REQUEST"),
    ("Haiti's president asked the United States to send troops.", "REQUEST"),
    ("Somalia appealed to the African Union for peacekeepers.", "REQUEST"),
    ("Relatives of the hostages pleaded with the kidnappers to free them.", "REQUEST"),
    ("The Kenyan government requested assistance from Britain to fight the locusts.", "REQUEST"),
    ("Human rights groups called for an inquiry into the killings.", "REQUEST"),
    # -- ACCUSE ---------------------------------------------------------------------------------------------
    ("Uganda blamed Sudan for backing the Lord's Resistance Army.", "ACCUSE"),
    ("Amnesty International condemned the execution of three dissidents in Iran.", "ACCUSE"),
    ("Cambodia charged that Thai troops had crossed the border.", "ACCUSE"),
    ("The Soviet news agency Tass denounced the American arms build-up in Europe.", "ACCUSE"),
    ("Turkey filed a formal protest with Greece over the airspace violations.", "ACCUSE"),
    ("A UN panel investigated allegations of torture by Sri Lankan forces.", "ACCUSE"),
    ("Lebanon complained to the Security Council about Israeli raids.", "ACCUSE"),
    # -- SUPPORT --------------------------------------------------------------------------------------------
    ("Tanzania recognised Biafra as an independent state in 1968.", "SUPPORT"),
    ("The Arab League endorsed the Saudi peace plan.", "SUPPORT"),
    ("Washington applauded the Philippine government's decision to hold elections.", "SUPPORT"),
    ("France expressed support for the Lebanese army.", "SUPPORT"),
    ("The Non-Aligned Movement voiced solidarity with the Palestinian people.", "SUPPORT"),
    ("Moscow congratulated the Afghan government on the anniversary of the revolution.", "SUPPORT"),
    ("Chile and Bolivia re-established diplomatic relations.", "SUPPORT"),
    # -- the main act of a sentence with several ------------------------------------------------------------
    ("Jordan condemned the Israeli air raid that killed 12 people in southern Lebanon.", "ACCUSE"),
    ("Egypt called for calm after clashes between police and protesters in Tunis.", "REQUEST"),
    ("Poland expelled two Russian diplomats after the arrest of a spy in Warsaw.", "SANCTION"),
    ("The UN refugee agency appealed for $50 million to help people displaced by fighting in Darfur.", "REQUEST"),
    ("Malaysia protested to Singapore over the arrest of its citizens.", "ACCUSE"),
    ("The army lifted the curfew imposed after riots in Ahmedabad.", "CONCEDE"),
    ("Britain froze the assets of militants accused of bombing the embassy.", "SANCTION"),
    ("France urged Israel to halt air strikes on Gaza.", "REQUEST"),
    ("Chad recalled its ambassador from Libya after Libyan jets bombed Faya-Largeau.", "SANCTION"),
    ("Kenya's president met the families of victims of the embassy bombing.", "CONSULT"),
    ("Nigeria threatened to sever ties with Ghana over the expulsion of its nationals.", "THREATEN"),
    ("Vietnam accused China of sinking a fishing boat near the Paracels.", "ACCUSE"),
]


def measure(pipeline):
    return measure_probes(pipeline, PROBES)


@pytest.fixture(scope="module")
def figures(pipeline):
    return measure(pipeline)[0]


def test_the_probe_set_covers_every_category_seven_times():
    from collections import Counter

    counts = Counter(category for _, category in PROBES)
    assert len(PROBES) >= 100 and len(counts) == 16 and min(counts.values()) >= 7


def test_plover_categories_of_the_probe_set(figures):
    assert figures["type"] >= 0.95  # 0.837 before the fixes of this set, 0.963 with them


def test_most_confident_record_of_the_probe_set(figures):
    assert figures["top1"] >= 0.95  # 0.800 before, 0.963 after


# families fixed beyond the probe set: sentences written after its fixes, in four more batches (177 sentences), each
# measured before its families were fixed; these are the ones the extractor got wrong before. The batch written
# last (54 sentences) scored type 0.722 / top1 0.704 before this work and 0.741 / 0.722 with the fixes made before
# it was written: the long tail of trigger words is long.
FAMILIES = [
    ("Britain airdropped food to stranded villagers in Mozambique.", "AID"),
    ("Turkish police handed over two Iranian dissidents to Tehran.", "COOPERATE"),
    ("The two navies carried out a joint search for the missing submarine.", "COOPERATE"),
    ("The government withdrew the controversial fuel price increase after two days of protests.", "CONCEDE"),
    ("Rebels handed over the town of Kisangani to UN peacekeepers.", "RETREAT"),
    ("Nigeria rejected Cameroon's claim to the Bakassi peninsula.", "REJECT"),
    ("Russia blocked a UN resolution condemning the crackdown.", "REJECT"),
    ("Senegal closed its embassy in Tehran.", "SANCTION"),
    ("Washington cut off military aid to Guatemala in 1977.", "SANCTION"),
    ("Ecuador declared the Colombian ambassador persona non grata.", "SANCTION"),
    ("Thousands of Indian troops were rushed to the border with Pakistan.", "MOBILIZE"),
    ("The Secretary of State shuttled between Cairo and Jerusalem.", "CONSULT"),
    ("A shipment of American wheat arrived in Port Sudan for famine victims.", "AID"),
    ("The extradition of the former Peruvian president from Chile took place on Saturday.", "COOPERATE"),
    ("The lifting of the curfew in Dili came after three weeks of calm.", "CONCEDE"),
    ("A massive build-up of Iraqi forces near the Kuwaiti border alarmed Washington.", "MOBILIZE"),
    ("A demonstration by 10,000 teachers in Bucharest demanded higher wages.", "PROTEST"),
    ("An appeal by the Pakistani government for flood aid raised $500 million.", "REQUEST"),
    ("Pakistan summoned the Afghan envoy to protest against cross-border attacks that killed two soldiers.", "ACCUSE"),
    ("Bahrain expelled the Iranian charge d'affaires, accusing Tehran of backing a plot to bomb the capital.", "SANCTION"),
    ("Authorities cut internet access across the Tigray region.", "COERCE"),
    ("The Burmese junta revoked the licences of five independent media outlets.", "COERCE"),
    ("China scrambled fighter jets after a US warship sailed through the Taiwan Strait.", "MOBILIZE"),
    ("Washington blacklisted three Chinese firms over their links to the military.", "SANCTION"),
    ("The army handed over power to a transitional civilian council.", "CONCEDE"),
    ("UNHCR trucks carried blankets and food to displaced families in eastern Chad.", "AID"),
    ("Kuwait handed over $50 million to the Palestinian Authority.", "AID"),
    ("The Swiss government granted temporary protection to 2,000 Kosovo refugees.", "AID"),
    ("Italian and Albanian coastguards jointly patrolled the Strait of Otranto.", "COOPERATE"),
    ("The Sri Lankan government ended the blockade of the Jaffna peninsula.", "RETREAT"),
    ("Some 2,000 UNITA soldiers were demobilised at quartering areas.", "RETREAT"),
    ("Morocco withdrew its ambassador from Algeria in 2004.", "SANCTION"),
    ("The United States halted arms sales to Taiwan in 1982.", "SANCTION"),
    ("Moscow ordered 100,000 troops to the Ukrainian border.", "MOBILIZE"),
    ("The Pakistani navy moved submarines into the Arabian Sea.", "MOBILIZE"),
    ("Japan's defence ministry put its missile defence units on standby.", "MOBILIZE"),
    ("Workers occupied the shipyard in Szczecin.", "PROTEST"),
    ("India lent its support to Bhutan's campaign against the militants.", "SUPPORT"),
    ("Germany shipped two Patriot missile systems to Poland.", "AID"),
    ("France sent 18 howitzers to the Ukrainian army.", "AID"),
    ("Caritas volunteers distributed food parcels to families in Aleppo.", "AID"),
    ("The Swedish premier spoke with his Finnish counterpart about the refugee crisis.", "CONSULT"),
    ("Mitterrand spoke by telephone with Gorbachev about the Baltic crisis.", "CONSULT"),
    ("Peru handed back two border outposts to Ecuador under the Brasilia accord.", "RETREAT"),
    ("Beijing criticised Canberra's decision to send two frigates to the South China Sea.", "ACCUSE"),
    ("The Kremlin condemned the decision to station American missiles in Romania.", "ACCUSE"),
    ("Three British correspondents were expelled from Rhodesia in 1976.", "COERCE"),
    ("Jakarta snubbed an Australian offer of talks on the refugee boats.", "REJECT"),
    ("The Kenyan government scrapped the new tax on mobile money after a week of riots.", "CONCEDE"),
    ("Parliament repealed the press censorship law.", "CONCEDE"),
    ("The military regime bowed to international pressure and freed the journalist.", "RETREAT"),
    ("Caracas rules out dialogue with the opposition", "REJECT"),
    ("Beijing imposed tariffs on Australian barley in 2020.", "SANCTION"),
    ("Seoul imposes export controls on Russia", "SANCTION"),
    ("Amman said the bulldozing of the village was a flagrant violation of international law.", "ACCUSE"),
    ("Pretoria said the cross-border raid violated international law.", "ACCUSE"),
]


@pytest.mark.parametrize("text,category", FAMILIES)
def test_families_fixed_beyond_the_probe_set(pipeline, text, category):
    events = [e for e in pipeline.extract(text) if e.modality == "asserted"]
    assert events and max(events, key=lambda e: e.confidence).plover.event == category, text


@pytest.mark.parametrize("text", [
    "The police took in three men for questioning.",  # taking in: only refugees are aid
    "Shops and schools reopened in the capital on Monday.",  # reopening: only a border, a crossing, an embassy
    "The envoy handed over a letter to the president.",  # handing over: a suspect, captives, money, ground, power
    "Police patrolled the streets of the capital.",  # patrolling: only jointly
    "The company moved its headquarters to Dubai.",  # moving: only troops or weapons
    "Rescuers scrambled to reach survivors.",  # scrambling: only jets
    "Trucks carried the wounded to hospital.",  # carrying: only aid goods
    "The festival ended on Sunday.",  # ending: only a measure or a protest
    "The crash sent financial systems into turmoil.",  # systems sent: only to a party, not into a state
    "The minister gave a robust defence of the policy.",  # a defence given is an argument
    "Militants distributed leaflets in the market.",  # handing out: only aid goods
    "The foreign minister spoke to reporters in Geneva.",  # speaking to the press is a statement
    "The bishop spoke at a memorial service in Kigali.",  # speaking: only with a party or by phone
    "The council scrapped plans for a new stadium.",  # scrapping: only a measure
    "The minister bowed to the crowd.",  # bowing: only to pressure or demands
])
def test_everyday_senses_of_the_new_triggers_are_no_event(pipeline, text):
    assert not [e for e in pipeline.extract(text) if e.modality == "asserted"], text


@pytest.mark.parametrize("text", [
    "The army launched a new offensive against the rebels in Darfur.",  # "new" under a past verb: done
    "Indian and Chinese army commanders held a new round of talks at Chushul.",  # no allegation: "held ... of"
    "Protesters in Bucharest demanded higher wages.",  # the one who demands acts now
])
def test_events_told_done_are_asserted(pipeline, text):
    assert [e for e in pipeline.extract(text) if e.modality == "asserted" and e.plover.event in (
        "ASSAULT", "CONSULT", "PROTEST")], text


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    result, missed = measure(Pipeline(workers=1))
    for category, text, asserted in missed:
        print(f"{category:9} {text}\n          -> {asserted}")
    print({k: round(v, 3) for k, v in result.items()})
