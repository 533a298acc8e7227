"""A probe set for events embedded under a request, a proposal, an offer, a threat or a promise: sentences written
for this project (many countries, real and invented names, wire and headline styles, active and passive).

"Norway asked both sides to agree to a ceasefire" tells a REQUEST by Norway; the agreement is only wished for. Likewise
"urged the government to release the detainees" (REQUEST, no release), "offered to mediate" (AGREE: an intent to
cooperate, CAMEO 03x, no mediation held), "threatened to cut off aid" (THREATEN, no sanction), "pledged to send troops"
(AGREE, no deployment yet), "invited X to talks" (REQUEST, CAMEO 026) and the passive "X was urged to ...". Each
sentence names the PLOVER category the top asserted record must have and the category of the embedded event, which no
asserted record may have. The controls tell the event done ("police released the detainees on Monday"), and when a
request is told beside it, both ("rebels laid down their arms after being urged to").

`python tests/test_embedded_events_probe.py` prints the rates and every miss.
"""

from __future__ import annotations

import pytest

R, A, T, C = "REQUEST", "AGREE", "THREATEN", "CONSULT"

# (sentence, PLOVER category of the top asserted record (or the categories accepted), category of the embedded event
# that must not be asserted (None: not checked))
EMBEDDED: list[tuple[str, str | tuple[str, ...], str | None]] = [
    # -- requests: asked, urged, called on, appealed, pressed, demanded, invited (active) ----------------------
    ("Norway asked both sides to agree to a ceasefire.", R, A),
    ("The United Nations urged the government to release the detainees.", R, "RETREAT"),
    ("The army called on the rebels to lay down their arms.", R, "RETREAT"),
    ("Russia demanded that Ukrainian troops withdraw from the region.", R, "RETREAT"),
    ("Washington pressed Kabul to hold talks with the Taliban.", R, C),
    ("Egypt invited Hamas to join talks in Cairo.", (R, A), C),
    ("The bishop appealed for calm after the riots.", R, None),
    ("Mexico asked Guatemala to sign a border security pact.", R, A),
    ("Chile urged Bolivia to accept the ruling of the court.", R, "CONCEDE"),
    ("The African Union called on the junta to hand power back to civilians.", R, "CONCEDE"),
    ("Indonesia asked Malaysia to free the fishermen detained off Borneo.", R, "RETREAT"),
    ("The Arab League urged Israel and Hamas to agree to a truce.", R, A),
    ("Germany pressed Serbia to recognise Kosovo.", R, "SUPPORT"),
    ("Thailand called on Cambodia to pull its troops back from the temple.", R, "RETREAT"),
    ("Kenya appealed to donors to send food aid to the drought-hit north.", R, "AID"),
    ("Brazil asked Paraguay to extradite the smuggling suspects.", R, None),
    ("The Vatican urged the warring parties in South Sudan to return to the negotiating table.", R, None),
    ("Opposition leaders demanded that the government lift the state of emergency.", R, "CONCEDE"),
    ("Ghana urged Togo to open an inquiry into the border shooting.", R, None),
    ("Pakistan asked India to resume the composite dialogue.", R, C),
    ("France called on Chad to hold free elections within a year.", R, None),
    ("The Red Cross appealed to the militia to allow aid convoys into the city.", R, "RETREAT"),
    ("Uruguay pressed Argentina to reopen the bridge over the river.", R, "CONCEDE"),
    ("Vietnam demanded that China remove the oil rig from its waters.", R, "RETREAT"),
    ("Canada urged Sri Lanka to allow independent monitors into the camps.", R, "RETREAT"),
    ("The European Union asked Belarus to release all political prisoners.", R, "RETREAT"),
    ("Ireland called on Britain to withdraw its soldiers from the border towns.", R, "RETREAT"),
    ("The Nigerian senate urged the president to negotiate with the kidnappers.", R, C),
    ("Sweden asked Turkey to ratify the accession protocol.", R, A),
    ("Ecuador appealed to Colombia to stop the aerial spraying near the border.", R, None),
    ("The mediators urged both sides to sign the peace accord before Friday.", R, A),
    ("Sudan asked Ethiopia to send peacekeepers to the Abyei region.", R, None),
    ("Tanzania invited Burundi's rebels to peace talks in Arusha.", (R, A), C),
    ("The Ruritanian foreign minister pressed Osterlich to pay compensation to the victims.", R, None),
    ("Slovenia called on Croatia to accept the arbitration.", R, "CONCEDE"),
    ("The Philippines urged the communist rebels to observe a holiday truce.", R, A),
    ("Colombia asked the FARC to free all remaining hostages.", R, "RETREAT"),
    ("Japan demanded that North Korea return the abducted citizens.", R, "RETREAT"),
    ("Mongolia invited China and Russia to hold trilateral talks in Ulaanbaatar.", (R, A), C),
    ("The Kenyan government appealed to the Somali clans to end the fighting.", R, None),
    ("Morocco urged Algeria to reopen their shared border.", R, "CONCEDE"),
    ("The UN envoy called on the Yemeni parties to agree to a prisoner swap.", R, A),
    ("Portugal asked Angola to cooperate with the investigation into the bank fraud.", R, "COOPERATE"),
    ("Amnesty International urged Egypt to free the jailed activists.", R, "RETREAT"),
    ("Uganda pressed South Sudan to disarm the militias along the frontier.", R, None),
    # -- headline style ------------------------------------------------------------------------------------------
    ("UN urges Myanmar to free detained journalists", R, "RETREAT"),
    ("EU calls on Serbia to withdraw troops from Kosovo border", R, "RETREAT"),
    ("Pope appeals for ceasefire in Sudan", R, A),
    ("Peru asks Chile to hand over former spy chief", R, None),
    ("Kenya urges Ethiopia to agree to border talks", R, A),
    ("Lebanon demands Israel withdraw from disputed farms", R, "RETREAT"),
    ("Nigeria presses Niger junta to restore civilian rule", R, None),
    ("Moldova asks Russia to pull troops out of Transnistria", R, "RETREAT"),
    ("Fiji invites Tonga to joint talks on fishing rights", (R, A), C),
    ("Iraq calls on Iran to stop shelling Kurdish villages", R, None),
    # -- reported speech of requests in the passive ---------------------------------------------------------------
    ("Syria was asked to release the prisoners.", R, "RETREAT"),
    ("The junta has been urged to hand over power to civilians.", R, "CONCEDE"),
    ("The rebels were called on to lay down their weapons.", R, "RETREAT"),
    ("Kosovo was pressed by Brussels to dismantle the barricades.", R, None),
    ("Iran has been asked to allow inspectors into the enrichment site.", R, "RETREAT"),
    ("Eritrea was urged by the African Union to withdraw its forces from Tigray.", R, "RETREAT"),
    ("The Bolivian government has been asked by Brazil to sign a gas deal.", R, A),
    ("Hungary was asked to agree to the sanctions package.", R, A),
    ("The Taliban were urged to release the aid workers.", R, "RETREAT"),
    ("Zimbabwe has been called on to hold fresh elections.", R, None),
    ("Both factions were invited to talks in Geneva.", (R, A), C),
    ("Armenia and Azerbaijan were urged to sign a peace treaty.", R, A),
    # -- demands and appeals with a noun ------------------------------------------------------------------------
    ("Spain demanded the withdrawal of Moroccan troops from the islet.", R, "RETREAT"),
    ("The Gambia appealed for the release of its soldiers held in Senegal.", R, "RETREAT"),
    ("Bangladesh called for a ceasefire between the army and the rebels in Rakhine.", R, A),
    ("The mayor appealed for calm after the clashes in the market.", R, None),
    ("Liberia requested the extradition of the former warlord from Ghana.", R, None),
    ("Somalia sought Kenyan help to secure the border.", R, None),
    # -- offers and promises: an intent to cooperate (AGREE), the step not taken yet --------------------------------
    ("Qatar offered to mediate between Israel and Hamas.", A, C),
    ("Kenya pledged to send troops to Haiti.", A, "MOBILIZE"),
    ("The president vowed to free the hostages.", A, None),
    ("Norway offered to host peace talks between the government and the rebels.", A, C),
    ("Japan pledged to provide reconstruction aid to Afghanistan.", A, "AID"),
    ("Turkey offered to help Greece put out the forest fires.", A, "AID"),
    ("The Malian junta promised to hold elections next year.", A, None),
    ("India pledged to supply vaccines to Nepal.", A, "AID"),
    ("Switzerland offered to mediate in the dispute over the dam.", A, C),
    ("The rebels promised to release the prisoners of war.", A, "RETREAT"),
    ("Brazil vowed to respect the ceasefire in the Amazon region.", A, None),
    ("Australia pledged to send police officers to the Solomon Islands.", A, "MOBILIZE"),
    ("The government offered to negotiate with the striking miners.", A, C),
    ("China pledged to build a new railway in Laos.", A, None),
    ("Egypt offered to host a summit of the Nile basin countries.", A, C),
    ("Algeria promised to extradite the suspects to Tunisia.", A, None),
    ("Oman offered to broker talks between Iran and the United States.", A, C),
    ("The army vowed to protect civilians fleeing the fighting.", A, None),
    ("Germany promised to deliver tanks to Ukraine.", A, "AID"),
    ("The militia pledged to hand over its heavy weapons to the United Nations.", A, "RETREAT"),
    ("Ghana offers to mediate in Ivory Coast crisis", A, C),
    ("South Africa pledges to send peacekeepers to Congo", A, "MOBILIZE"),
    ("The interim government vowed to release all political detainees.", A, "RETREAT"),
    ("Saudi Arabia offered to fund the reconstruction of Gaza.", A, "AID"),
    ("The Freedonian rebels pledged to withdraw from the northern towns.", A, "RETREAT"),
    # -- proposals (an intent to meet or a suggestion, CAMEO 036/03x) -----------------------------------------------
    ("Turkey proposed talks between the two sides.", (A, R), C),
    ("Indonesia proposed a meeting of ASEAN foreign ministers on Myanmar.", (A, R), C),
    ("The Kazakh president proposed talks in Astana between Moscow and Kyiv.", (A, R), C),
    ("Chile proposed a summit with Peru and Bolivia on water rights.", (A, R), C),
    ("Jordan proposed a regional conference on water sharing.", (A, R), C),
    ("Greece offered Turkey talks on the continental shelf.", A, C),
    ("Armenia has proposed a new round of negotiations on Nagorno-Karabakh.", (A, R), C),
    ("The Ruritanian premier proposed a meeting with the Osterlich chancellor in Vienna.", (A, R), C),
    # -- threats and warnings: no sanction, no attack yet -----------------------------------------------------------
    ("The European Union threatened to cut off aid to Mali.", T, "SANCTION"),
    ("Israel warned it would strike back.", T, "ASSAULT"),
    ("Russia threatened to expel Polish diplomats.", T, "COERCE"),
    ("The United States threatened to impose sanctions on Venezuela.", T, "SANCTION"),
    ("North Korea warned it would attack any ship entering its waters.", T, "ASSAULT"),
    ("Turkey threatened to close its border with Iraq.", T, None),
    ("The rebels threatened to kill the hostages.", T, None),
    ("Ethiopia warned that it would use force to defend the dam.", T, "ASSAULT"),
    ("China threatened to halt rare earth exports to Japan.", T, "SANCTION"),
    ("The junta threatened to arrest opposition leaders who joined the protests.", T, "COERCE"),
    ("Azerbaijan warned it would shoot down any drone over its territory.", T, "ASSAULT"),
    ("Iran threatens to expel UN inspectors", T, "COERCE"),
    ("Serbia threatened to send troops into northern Kosovo.", T, "MOBILIZE"),
    ("The insurgents vowed to attack polling stations during the election.", T, "ASSAULT"),
    ("Venezuela threatened to seize the oil fields of foreign companies.", T, "COERCE"),
    ("Pakistan warned India it would retaliate against any strike.", T, "ASSAULT"),
    ("Hamas threatened to fire rockets at Tel Aviv.", T, "ASSAULT"),
    ("The ruling party threatened to ban the opposition newspaper.", T, "COERCE"),
    ("Belarus threatened to cut off gas transit to Poland.", T, "SANCTION"),
    ("Mali's government was threatened with sanctions by ECOWAS.", T, "SANCTION"),
]

# controls: the event really happened and is asserted, with the request or the offer told too where there is one
CONTROLS: list[tuple[str, str]] = [
    ("The rebels agreed to a ceasefire.", A),
    ("Rebels laid down their arms after being urged to.", "RETREAT"),
    ("Rebels laid down their arms after being urged to.", R),
    ("Police released the detainees on Monday.", "RETREAT"),
    ("Israel and Hamas agreed to a truce brokered by Egypt.", A),
    ("Kenya deployed 400 troops to the border with Somalia.", "MOBILIZE"),
    ("The government released 200 prisoners after the UN urged it to.", "RETREAT"),
    ("Qatar mediated talks between the two sides in Doha.", C),
    ("The army withdrew from the town after Russia demanded it.", "RETREAT"),
    ("The European Union cut off aid to Mali on Monday.", "SANCTION"),
    ("Israel struck back with air strikes on Gaza.", "ASSAULT"),
    ("Russia expelled four Polish diplomats.", "SANCTION"),
    ("The United States imposed sanctions on Venezuela's oil company.", "SANCTION"),
    ("Armenia and Azerbaijan signed a peace treaty in Washington.", A),
    ("Japan provided reconstruction aid to Afghanistan.", "AID"),
    ("The rebels freed the hostages on Sunday.", "RETREAT"),
    ("Colombia and the FARC held talks in Havana.", C),
    ("Vietnam demanded that China remove the oil rig, and Beijing withdrew it a week later.", R),
    ("Thai troops pulled back from the temple on Friday.", "RETREAT"),
    ("The junta handed power back to civilians in March.", "CONCEDE"),
    ("Bolivia accepted the ruling of the court.", A),
    ("Hungary agreed to the sanctions package on Thursday.", A),
    ("Sweden and Turkey signed the accession protocol.", A),
    ("Egypt hosted a summit of the Nile basin countries.", C),
    ("The Taliban released the aid workers after two weeks.", "RETREAT"),
    ("Germany delivered tanks to Ukraine last month.", "AID"),
    ("Hamas fired rockets at Tel Aviv on Saturday.", "ASSAULT"),
    ("North Korean troops attacked a South Korean patrol boat.", "ASSAULT"),
    ("Belarus imposed an embargo on Polish goods.", "SANCTION"),
    ("Serbia sent troops to the border with Kosovo.", "MOBILIZE"),
    ("The militia handed over its heavy weapons to the United Nations.", "RETREAT"),
    ("Thailand and Cambodia agreed to a ceasefire after Malaysia urged them to stop fighting.", A),
    ("The two sides signed a truce in Doha after Qatar offered to mediate.", A),
    ("Moldova and Russia held talks in Chisinau.", C),
]


# an invitation to no talks and to no act between parties is no request
NO_REQUEST = [
    "The president invited journalists to a dinner at the palace.",
    "The museum invites visitors to explore its new wing.",
    "The ministry invited bids for the new port.",
]


def embedded_miss(events, top, embedded):
    """None when the top asserted record has the category `top` and no asserted record the embedded one; else what
    went wrong."""
    asserted = [e for e in events if e.modality == "asserted" and e.plover is not None]
    accepted = top if isinstance(top, tuple) else (top,)
    best = max(asserted, key=lambda e: e.confidence) if asserted else None
    if best is None or best.plover.event not in accepted:
        return "top"
    if embedded is not None and embedded not in accepted and any(e.plover.event == embedded for e in asserted):
        return "embedded asserted"
    return None


def measure(pipeline):
    """The rates over the embedded sentences and the controls, and the misses (for the tests and for a person)."""
    misses = []
    hits = 0
    for text, top, embedded in EMBEDDED:
        events = pipeline.extract(text)
        why = embedded_miss(events, top, embedded)
        hits += why is None
        if why is not None:
            misses.append((why, text, _records(events)))
    done = 0
    for text, category in CONTROLS:
        events = pipeline.extract(text)
        found = any(e.modality == "asserted" and e.plover is not None and e.plover.event == category for e in events)
        done += found
        if not found:
            misses.append((f"control {category}", text, _records(events)))
    return {"embedded": hits / len(EMBEDDED), "controls": done / len(CONTROLS)}, misses


def _records(events):
    return [(e.modality, e.plover.event if e.plover else None, e.trigger) for e in events]


@pytest.fixture(scope="module")
def figures(pipeline):
    return measure(pipeline)[0]


def test_the_probe_set_is_large_enough():
    assert len(EMBEDDED) >= 120 and len(CONTROLS) >= 30


def test_embedded_events_are_not_asserted(figures):
    assert figures["embedded"] >= 0.96  # 0.810 before the fixes of this set, 0.976 with them


def test_events_done_stay_asserted(figures):
    assert figures["controls"] >= 0.97  # 1.0 before, 1.0 after


@pytest.mark.parametrize("text", NO_REQUEST)
def test_an_invitation_to_no_talks_is_no_request(pipeline, text):
    assert not any(e.modality == "asserted" and e.plover is not None and e.plover.event == "REQUEST"
                   for e in pipeline.extract(text))


if __name__ == "__main__":
    from eventwire.extraction.pipeline import Pipeline

    result, missed = measure(Pipeline(workers=1))
    for why, text, records in missed:
        print(f"{why:20} {text}\n          -> {records}")
    print({k: round(v, 3) for k, v in result.items()})
