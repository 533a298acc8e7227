"""A probe set for the roles of contact and movement events, written for this test (not taken from any data set):
meetings and talks (who met whom where), orders, requests and appeals (who ordered, urged or asked whom), threats
and coercion (who threatened or forced whom), and people and goods moved (who moved them, what or who was moved,
where to). Real and invented names, many countries, several styles of news writing.

The roles follow the WikiEvents scorer's reading of the KAIROS roles: actor1 is the Communicator, Participant or
Transporter (the one who meets, orders, threatens or carries; a party that moves itself, "fighters crossed into
Dagestan", is its own Transporter); actor2 the Recipient, the other Participant, or the PassengerArtifact (the one
met, ordered or threatened; the people or goods carried); place the Place, Destination or Origin. A meeting's
two sides may come in either order. A role is right when a content word of the event's actor1/assoc_actor1,
actor2/assoc_actor2 or location name or text is among the listed words (a blank list is not scored; a sentence
with no asserted event misses them all). `python tests/test_contact_roles_probe.py` prints the rates and every
miss."""

from __future__ import annotations

import pytest

from test_attack_roles_probe import ROLES, rates, role_hits

# (sentence, actor1 words, actor2 words, place words, the two sides may swap)
MEETINGS = [
    ("The UN envoy met rebel leaders in Doha on Tuesday to discuss a ceasefire.", "envoy un", "rebel leaders", "doha"),
    ("President William Ruto met his Tanzanian counterpart Samia Suluhu Hassan in Arusha on Friday.",
     "ruto president", "samia suluhu hassan counterpart", "arusha"),
    ("Opposition leaders held talks with the military junta in Niamey on Monday.", "opposition leaders",
     "junta military", "niamey"),
    ("The foreign ministers of Armenia and Azerbaijan met in Geneva on Monday.", "armenia azerbaijan",
     "azerbaijan armenia", "geneva"),
    ("Pope Francis met survivors of the earthquake in Antakya on Sunday.", "pope francis", "survivors", "antakya"),
    ("Tribal elders met the governor of Helmand in Lashkar Gah to press for the release of prisoners.",
     "elders tribal", "governor helmand", "lashkar gah"),
    ("Delegations from the Tolvan government and the Red Dawn Front met in Kampala for a second round of talks.",
     "tolvan government red dawn front", "red dawn front tolvan government", "kampala"),
    ("Secretary of State Antony Blinken met Israeli Prime Minister Benjamin Netanyahu in Jerusalem on Thursday.",
     "blinken antony", "netanyahu benjamin", "jerusalem"),
    ("Colombian government negotiators sat down with ELN commanders in Caracas on Thursday.",
     "colombian negotiators government", "eln commanders", "caracas"),
    ("Mediators from Qatar met Hamas officials in Cairo late on Sunday.", "mediators qatar", "hamas officials",
     "cairo"),
    ("Sudanese army chief Abdel Fattah al-Burhan held a meeting with the RSF commander in Jeddah.",
     "burhan army chief", "rsf commander", "jeddah"),
    ("Community leaders met police chiefs at the town hall in Marsabit to ease tensions between the clans.",
     "community leaders", "police chiefs", "marsabit hall"),
    ("Iranian Foreign Minister Hossein Amir-Abdollahian met Saudi Crown Prince Mohammed bin Salman in Riyadh.",
     "amir abdollahian hossein iranian", "mohammed bin salman saudi crown prince", "riyadh"),
    ("Kurdish and Iraqi officials met in Erbil to settle the dispute over oil exports.", "kurdish iraqi officials",
     "iraqi kurdish officials", "erbil"),
    ("The governor of Ombara hosted a delegation of Lesani clan elders in Port Keral on Saturday.",
     "governor ombara", "delegation lesani clan elders", "port keral"),
    ("Vladimir Putin received Alexander Lukashenko at his residence near Moscow on Friday.", "putin vladimir",
     "lukashenko alexander", "moscow residence"),
    ("Representatives of the Karen National Union held talks with the junta in Naypyidaw last week.",
     "karen national union representatives", "junta", "naypyidaw"),
    ("The Somali president met clan elders in Baidoa on Wednesday.", "somali president", "clan elders", "baidoa"),
]

ORDERS = [
    ("The interior minister ordered police to disperse the protesters in Lagos.", "minister interior", "police",
     "lagos"),
    ("The governor asked the army to help evacuate residents of flooded villages in Sindh.", "governor", "army",
     "sindh villages"),
    ("President Salva Kiir instructed all state governors to disarm civilians.", "kiir salva president",
     "governors state", ""),
    ("Mayor Ana Ruiz urged residents of Acapulco to stay indoors.", "mayor ana ruiz", "residents", "acapulco"),
    ("The United Nations called on the warring parties in Sudan to allow aid convoys into Darfur.",
     "united nations", "parties warring", "sudan darfur"),
    ("Kenya's police chief directed officers in Nakuru to arrest anyone carrying weapons.", "police chief kenya",
     "officers", "nakuru"),
    ("The Taliban ordered aid agencies in Kabul to stop employing women.", "taliban", "agencies aid", "kabul"),
    ("The commander instructed his soldiers to burn the village of Ngara.", "commander", "soldiers", ""),
    ("Prime Minister Abiy Ahmed asked Tigrayan forces to lay down their arms.", "abiy ahmed prime minister",
     "tigrayan forces", ""),
    ("The bishop of Sokoto appealed to the gunmen to free the kidnapped pupils.", "bishop", "gunmen", ""),
    ("The Marovian defence minister ordered the navy to blockade the port of Salenta.",
     "minister defence marovian", "navy", ""),
    ("Ukraine's president urged NATO allies to send more air defence systems.", "president ukraine",
     "nato allies", ""),
    ("The electoral commission told party agents in Harare to leave the counting centres.",
     "electoral commission", "party agents", "harare"),
    ("The army chief ordered troops in Kidal to withdraw to their barracks.", "army chief", "troops", "kidal"),
    ("The health minister instructed hospitals in Tigray to treat the wounded free of charge.", "health minister",
     "hospitals", "tigray"),
    ("Brazil's president asked the federal police to investigate the killings in Para.", "president brazil",
     "federal police", "para"),
]

THREATS = [
    ("Al-Shabaab threatened to attack schools in Garissa that teach the national curriculum.", "al shabaab",
     "schools", "garissa"),
    ("The rebels warned residents of Goma to leave the city within 48 hours.", "rebels", "residents", "goma"),
    ("Gunmen forced villagers in Kebbi to pay a levy of two million naira.", "gunmen", "villagers", "kebbi"),
    ("North Korea threatened South Korea with a nuclear strike on Sunday.", "north korea", "south korea", ""),
    ("Militia leaders in Tripoli threatened the prime minister with violence if he signed the deal.",
     "militia leaders", "prime minister", "tripoli"),
    ("Soldiers forced farmers in Rakhine to carry supplies for the army.", "soldiers", "farmers", "rakhine"),
    ("The cartel threatened journalists in Culiacan after the arrest of its leader.", "cartel", "journalists",
     "culiacan"),
    ("Hardliners pressured the culture ministry in Tehran to cancel the concert.", "hardliners",
     "ministry culture", "tehran"),
    ("A gang in Port-au-Prince threatened shopkeepers who refused to pay.", "gang", "shopkeepers",
     "port prince au"),
    ("Separatist fighters intimidated voters at polling stations in Bamenda.", "separatist fighters", "voters",
     "bamenda stations"),
    ("The Houthis threatened shipping companies that trade with Israel.", "houthis", "shipping companies", ""),
    ("Armed men coerced traders in the market of Gao into paying protection money.", "armed men", "traders",
     "gao market"),
]

MOVES = [
    ("The wounded were flown to Kabul for treatment.", "", "wounded", "kabul"),
    ("The suspect was taken to a police station in Mombasa.", "", "suspect", "mombasa station"),
    ("Troops were airlifted from Bamako to Gao on Friday.", "", "troops", "gao bamako"),
    ("UN helicopters evacuated 40 aid workers from Malakal to Juba.", "un helicopters", "aid workers",
     "juba malakal"),
    ("Police transported the detainees to a prison in Tripoli.", "police", "detainees", "tripoli prison"),
    ("Smugglers moved 60 migrants across the border into Libya.", "smugglers", "migrants", "libya border"),
    ("The bodies of the victims were taken to the morgue in Kaduna.", "", "bodies victims", "kaduna morgue"),
    ("Greek coastguards towed the boat carrying 300 migrants to Kalamata.", "coastguards greek",
     "boat migrants", "kalamata"),
    ("The army deported hundreds of Afghan refugees to Herat.", "army", "refugees afghan", "herat"),
    ("The injured were rushed to Bugando hospital in Mwanza.", "", "injured", "mwanza bugando hospital"),
    ("Rebels smuggled weapons from Sudan into the Central African Republic.", "rebels", "weapons",
     "sudan central african republic"),
    ("Residents of Kherson were evacuated to Mykolaiv by bus.", "", "residents", "mykolaiv kherson"),
    ("The hostages were driven to a camp in the Sambisa forest.", "", "hostages", "camp sambisa forest"),
    ("The Red Cross ferried 120 wounded civilians from Mariupol to Zaporizhzhia.", "red cross",
     "civilians wounded", "zaporizhzhia mariupol"),
    ("Two Norwegian tourists were flown home from Kathmandu after the attack.", "", "tourists norwegian",
     "kathmandu"),
    ("Rwanda sent 1,000 troops to Cabo Delgado in Mozambique.", "rwanda", "troops", "cabo delgado mozambique"),
    ("Soldiers escorted a convoy of displaced families to a camp outside Maiduguri.", "soldiers",
     "convoy families", "maiduguri camp"),
    ("The arrested men were transferred to Evin prison in Tehran.", "", "men", "evin prison tehran"),
    ("Chechen fighters crossed into Dagestan from the south.", "chechen fighters", "", "dagestan"),
    ("Thousands of families fled to Khartoum after the fighting in Sennar.", "families", "", "khartoum"),
    ("Paramedics carried the injured to waiting ambulances in Rafah.", "paramedics", "injured", "rafah"),
    ("The navy rescued 85 migrants and brought them to Lampedusa.", "navy", "migrants", "lampedusa"),
    ("Kidnappers moved the abducted students to a forest near Kaduna.", "kidnappers", "students",
     "forest kaduna"),
    ("The Turkish army shipped armoured vehicles to Idlib overnight.", "turkish army", "vehicles armoured", "idlib"),
]

# a meeting has two Participants and no order between them
SYMMETRIC = {t for t, *_ in MEETINGS}
PROBES = MEETINGS + ORDERS + THREATS + MOVES


def unit_hits(event, actor1: str, actor2: str, place: str, symmetric: bool) -> dict[str, bool]:
    """The roles an event gets right; the sides of a meeting told as a pair may come in either order."""
    hits = role_hits(event, actor1, actor2, place)
    if symmetric:
        swapped = role_hits(event, actor2, actor1, place)
        if sum(swapped.values()) > sum(hits.values()):
            hits = swapped
    return hits


def probe_results(pipeline, probes=PROBES) -> list[tuple[str, dict[str, bool]]]:
    """Per probe, the roles of the asserted event that gets most of them right (none right when no event)."""
    out = []
    for text, actor1, actor2, place in probes:
        events = [e for e in pipeline.extract(text, published="2023-05-10") if e.modality == "asserted"]
        empty = {r: False for r, w in zip(ROLES, (actor1, actor2, place)) if w}
        best = max((unit_hits(e, actor1, actor2, place, text in SYMMETRIC) for e in events),
                   key=lambda h: sum(h.values()), default=empty)
        out.append((text, best))
    return out


# measured on the set when the roles last changed (0.787, 0.662, 0.710; before orders, coercion and escapes were
# events: 0.607, 0.515, 0.581), less a little slack for parser ties. Moves stay low (0.33, 0.27, 0.38): the wounded
# flown to hospital or a suspect taken to a station is no event ACLED or PLOVER codes, so no record carries them
FLOORS = {"attacker": 0.77, "target": 0.64, "place": 0.69}


@pytest.fixture(scope="module")
def results(pipeline):
    return probe_results(pipeline)


def test_the_probe_set_is_large_and_varied():
    assert len(PROBES) >= 60
    assert len({t for t, *_ in PROBES}) == len(PROBES)


@pytest.mark.parametrize("role", ROLES)
def test_role_rate_holds(results, role):
    assert rates(results)[role] >= FLOORS[role], [(t, h) for t, h in results if not h.get(role, True)]


def _asserted(pipeline, text):
    return [e for e in pipeline.extract(text, published="2023-05-10") if e.modality == "asserted"]


def _names(actor) -> str:
    return f"{actor.name} {actor.text}" if actor is not None else ""


def test_an_order_to_act_is_a_request_from_who_orders_to_the_ordered(pipeline):
    ev = _asserted(pipeline, "The Zambian interior minister instructed all district commissioners to close the markets.")
    asked = [e for e in ev if e.plover and e.plover.event == "REQUEST"]
    assert asked and "minister" in _names(asked[0].actor1) and "commissioners" in _names(asked[0].actor2)


def test_the_act_ordered_is_not_yet_done(pipeline):
    ev = pipeline.extract("General Okello ordered his men to burn the village of Lotuke.", published="2023-05-10")
    assert not any(e.modality == "asserted" and e.plover and e.plover.event == "ASSAULT" for e in ev)


def test_commanding_a_unit_or_directing_traffic_is_no_order(pipeline):
    for text in ("Colonel Ruiz commanded the 4th Brigade during the offensive on Marawi.",
                 "Police directed traffic away from the scene in Nairobi."):
        assert not any(e.plover and e.plover.event == "REQUEST" for e in _asserted(pipeline, text)), text


def test_a_party_forcing_another_to_act_coerces_it(pipeline):
    ev = _asserted(pipeline, "Militiamen forced shopkeepers in Bunia to hand over their takings.")
    forced = [e for e in ev if e.plover and e.plover.event == "THREATEN"]
    assert forced and "militiamen" in _names(forced[0].actor1).lower() and "shopkeepers" in _names(forced[0].actor2)


def test_floods_or_fighting_that_force_people_out_coerce_no_one(pipeline):
    for text in ("Floods forced thousands of families in Beira to leave their homes.",
                 "Residents of Mocimboa were forced to flee after the attack."):
        assert not any(e.plover and e.plover.event == "THREATEN" for e in _asserted(pipeline, text)), text


def test_the_country_a_meeting_sits_in_is_no_party(pipeline):
    ev = _asserted(pipeline, "The foreign ministers of the Arab League met in Qatar on Sunday to discuss Gaza.")
    met = [e for e in ev if e.plover and e.plover.event == "CONSULT"]
    assert met and "Qatar" not in _names(met[0].actor2)


def test_an_attack_talked_of_takes_no_parties_from_the_talkers(pipeline):
    for text in ("Scholz spoke with Zelensky by phone on Tuesday about the attack.",
                 "Modi and Sharif discussed the bombing in Quetta."):
        attacks = [e for e in _asserted(pipeline, text) if e.plover and e.plover.event == "ASSAULT"]
        talkers = ("Scholz", "Zelensky", "Modi", "Sharif")
        assert all(not any(n in _names(a) for n in talkers) for e in attacks for a in (e.actor1, e.actor2)), text


def test_the_attackers_of_a_meeting_are_no_party_to_it(pipeline):
    ev = _asserted(pipeline, "Gunmen opened fire on a reconciliation meeting of clan elders in Galkayo.")
    met = [e for e in ev if e.plover and e.plover.event == "CONSULT"]
    assert met and all("Gunmen" not in _names(e.actor1) for e in met)


def test_attackers_who_escape_flee(pipeline):
    ev = _asserted(pipeline, "The bandits escaped into the forest near Tsafe with their captives.")
    fled = [e for e in ev if e.plover and e.plover.event == "RETREAT"]
    assert fled and "bandits" in _names(fled[0].actor1)


def test_escaping_harm_or_a_jail_is_no_flight_of_a_party(pipeline):
    for text in ("The driver of the bus escaped unhurt.", "Forty inmates escaped from the prison in Koutoukale."):
        assert not any(e.plover and e.plover.event == "RETREAT" for e in _asserted(pipeline, text)), text


def test_fighters_crossing_into_a_territory_move_in_and_refugees_flee(pipeline):
    moved = _asserted(pipeline, "Wagner fighters crossed into the Central African Republic from Sudan.")
    assert any(e.plover and e.plover.event == "MOBILIZE" and e.event_type is None for e in moved)
    fled = _asserted(pipeline, "Thousands of Congolese refugees crossed into Uganda over the weekend.")
    assert any(e.plover and e.plover.event == "RETREAT" for e in fled)


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    pipeline = Pipeline(workers=1)
    for name, group in (("meetings", MEETINGS), ("orders", ORDERS), ("threats", THREATS), ("moves", MOVES)):
        found = probe_results(pipeline, group)
        for text, hits in found:
            missed = [r for r, ok in hits.items() if not ok]
            if missed:
                print("MISS", missed, text)
        print(name, {r: round(v, 3) for r, v in rates(found).items()})
    print("all", {r: round(v, 3) for r, v in rates(probe_results(pipeline)).items()})
