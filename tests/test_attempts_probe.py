"""Probes of attempts and blocked acts (ACLED): an attack tried and told with how it was met is an attack, a march
that police stop or push back is a protest with intervention, people stopped "from" marching were there; a plan,
a plot or an attempt told of something not done (an arrest, a truce, a capture) is no record.

Every sentence was written for these tests (real and invented names); none comes from an evaluation set."""

from __future__ import annotations

import pytest

from probes import acled_events

VIOLENCE_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}

# an attack attempted and told with its outcome: an asserted violent event
TOLD_ATTACKS = [
    "Militants tried to storm a police station in Balochistan overnight but were repulsed after a two-hour gunfight.",
    "Al-Shabaab fighters tried to storm a military base in Lower Shabelle on Sunday but were repulsed, the army said.",
    "Gunmen tried to kill the mayor of Ciudad Altamirano on Friday, but he escaped unhurt.",
    "Rebels who tried to attack the garrison town of Maradi were driven back by troops.",
    "Attackers who attempted to storm the Banwell prison were killed by guards.",
    "Gunmen tried to assassinate the governor of Zamfara on Tuesday, wounding his driver.",
    "Unidentified attackers attempted to kill a local councillor in Kandahar, shooting him twice in the leg.",
    "The mayor of Tlalnepantla survived an assassination attempt on Sunday when gunmen opened fire on his car.",
    "Two soldiers were wounded when insurgents attempted to overrun an army post near the Malian border.",
    "A failed assassination attempt on the Haitian senator left two of his bodyguards dead.",
    "Rebels attempted to seize the town of Kivarra on Friday, and fighting continued into the night.",
]

# a march or a rally stopped in the act: an asserted protest met by the police
BLOCKED_PROTESTS = [
    "Students who tried to march on the parliament in Dhaka were pushed back by police.",
    "Protesters were prevented from marching to the presidential palace and were dispersed with tear gas.",
    "Riot police stopped hundreds of teachers from marching to the education ministry in Nairobi.",
    "Hundreds of farmers tried to march to the capital but were stopped by police at a checkpoint.",
    "Supporters of the jailed opposition leader attempted to rally outside the court in Kampala before police "
    "dispersed them.",
    "Opposition supporters tried to march in Lusaka on Thursday but were blocked by riot police.",
    "Hundreds of nurses were stopped from marching to the health ministry in Accra.",
    "Police in Caracas blocked students from marching to the supreme court.",
    "Opposition supporters attempted to march to the electoral commission in Conakry but were dispersed with tear gas.",
    "Police in Harare blocked opposition supporters from marching to the city centre and fired tear gas.",
    "Police turned back hundreds of Kurdish demonstrators who tried to march to the town of Varto.",
]

# planned, plotted, to come, or if: no violent or demonstration record
NOT_DONE = [
    "The militants planned to attack a church in Lahore during the Easter service.",
    "Militants plotted to attack a church in Quetta during the Easter service.",
    "Prosecutors say the men conspired to kill a judge in Palermo.",
    "The group had intended to assassinate the president during the parade.",
    "Gunmen tried to kill the mayor of Ciudad Altamirano on Friday.",
    "Insurgents will try to attack the convoy tomorrow, officials warned.",
    "The police would arrest anyone who tried to march on the palace, the minister said.",
    "If protesters try to march to the parliament, they will be stopped.",
    "Police prevented a planned march by setting up roadblocks around the city.",
    "The army prevented an attack on the base in Kidal.",
    "The court barred the union from holding a rally in Lagos next week.",
]

# an attempt at something that is not done when it fails: no record of it
FAILED_NON_VIOLENT = [
    ("Police tried to arrest the suspect in Mombasa but he escaped.", "Arrests"),
    ("The envoy tried to negotiate a truce in Juba but failed.", "Agreement"),
]

# known gaps, kept as expected failures so that a fix shows up as XPASS
KNOWN_GAPS = {
    # the parser makes "to bomb" a purpose clause of "foiled", not a complement of "plot"
    "Security forces foiled a plot to bomb the parliament in Colombo.",
}


def _families(pipeline, text):
    return {e.event_type for e in acled_events(pipeline, text)}


@pytest.mark.parametrize("text", TOLD_ATTACKS)
def test_told_attempt_is_an_attack(pipeline, text):
    assert _families(pipeline, text) & VIOLENCE_TYPES


@pytest.mark.parametrize("text", BLOCKED_PROTESTS)
def test_blocked_march_is_a_protest_with_intervention(pipeline, text):
    subs = {e.sub_event_type for e in acled_events(pipeline, text) if e.event_type == "Protests"}
    assert subs == {"Protest with intervention"}


@pytest.mark.parametrize("text", NOT_DONE + [pytest.param(t, marks=pytest.mark.xfail(strict=True)) for t in KNOWN_GAPS])
def test_plan_or_plot_is_no_event(pipeline, text):
    assert not _families(pipeline, text) & (VIOLENCE_TYPES | {"Protests", "Riots"})


@pytest.mark.parametrize("text,sub_type", FAILED_NON_VIOLENT)
def test_failed_attempt_at_a_non_violent_act_is_not_that_act(pipeline, text, sub_type):
    assert sub_type not in {e.sub_event_type for e in acled_events(pipeline, text)}


@pytest.mark.parametrize("sentence,word,expected", [
    ("Militants tried to storm the post but were repulsed.", "storm", "asserted"),
    ("Students who tried to march on the ministry were pushed back by police.", "march", "asserted"),
    ("Protesters were prevented from marching and dispersed.", "marching", "asserted"),
    ("Militants tried to storm the post.", "storm", "future"),
    ("Militants will try to storm the post but may be repulsed.", "storm", "future"),
    ("The suspects plotted to kill the governor.", "kill", "future"),
    ("Police prevented the march.", "march", "hypothetical"),
    ("The army prevented rebels from attacking the town.", "attacking", "hypothetical"),
])
def test_attempt_modality(bare_nlp, pipeline, sentence, word, expected):
    tok = next(t for t in bare_nlp(sentence) if t.text == word)
    assert pipeline.event_finder.modality.classify(tok) == expected
